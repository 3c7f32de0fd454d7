/**
 * excel.md §2.1 rule 10, "nothing recomputed on open": INV values saved in a workbook stay as they are,
 * and the ledger version they were calculated from is stamped in the hidden _INV_META (row "INV formulas",
 * with the company id as its parameters, rule 9). On open the pane compares that stamp with the store and
 * offers Refresh when they differ. The stamp moves after every refresh that leaves all INV cells current.
 */
import type { LedgerStore } from "../core/ports";
import type { WorkbookPort } from "../excel/port";
import { readTableMeta, recordTableMeta } from "../excel/sheets/metaSheet";
import type { RefreshListener, RefreshOutcome, RefreshReason } from "./formulaRefresher";

/** The _INV_META row that stamps the INV results (not a table: the cells of INV formulas anywhere). */
export const INV_RESULTS_ROW = "INV formulas";

/** Which ledger INV values were calculated from. */
export interface ResultStamp {
  companyId: string;
  ledgerVersion: number;
}

/** The store's ledger now (Company.ledgerVersion, bumped by every posting), or undefined without a company. */
export async function storeStamp(store: LedgerStore): Promise<ResultStamp | undefined> {
  const company = await store.read((tx) => tx.company());
  return company && { companyId: company.id, ledgerVersion: company.ledgerVersion };
}

/** The stamp in the workbook, or null when the add-in never stamped it. */
export async function readResultStamp(workbook: WorkbookPort): Promise<ResultStamp | null> {
  const row = (await readTableMeta(workbook)).get(INV_RESULTS_ROW.toLowerCase());
  return row ? { companyId: row.parameters, ledgerVersion: row.ledgerVersion } : null;
}

export async function writeResultStamp(workbook: WorkbookPort, stamp: ResultStamp, writtenAt: string): Promise<void> {
  await recordTableMeta(workbook, {
    table: INV_RESULTS_ROW, schemaVersion: 1, parameters: stamp.companyId, ledgerVersion: stamp.ledgerVersion, complete: true, writtenAt,
  });
}

/**
 * Rule 10's comparison: values stamped from another ledger version, or another company, than the store's
 * are out of date. No stamp (a workbook the add-in never refreshed) or no company: nothing to compare.
 */
export function resultsOutOfDate(stamped: ResultStamp | null, store: ResultStamp | undefined): boolean {
  if (!stamped || !store) return false;
  return stamped.companyId !== store.companyId || stamped.ledgerVersion !== store.ledgerVersion;
}

/** What the offer bar says: the stamp and the store it differs from. */
export interface OutOfDateResults {
  stamped: ResultStamp;
  store: ResultStamp;
}

/** The pane's view of the stamp: the check on open, and whether the offer should show. */
export interface ResultStampCheck {
  checkOnOpen(): Promise<OutOfDateResults | null>;
}

/**
 * Keeps the stamp (the refresher tells it of each refresh). A targeted refresh only recalculates the
 * cells a commit made stale, so it may stamp only while every other cell is known current: from a stamp
 * that matched on open, or since a "Refresh all INV formulas", and not while cells wait on the §2.2 offer.
 * Values left stale ("Later" on the offer, an out-of-date open) stop the stamping until a whole refresh.
 */
export class ResultStampKeeper implements RefreshListener, ResultStampCheck {
  private current = true;
  /** Cells wait on "Refresh now" (more than 20,000 made stale, §2.2). */
  private offerOpen = false;
  /** Whether the workbook holds a stamp: one is only written first for a workbook with INV cells. */
  private stamped = false;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly workbook: WorkbookPort,
    private readonly storeStamp: () => Promise<ResultStamp | undefined>,
    private readonly now: () => string,
  ) {}

  async checkOnOpen(): Promise<OutOfDateResults | null> {
    const [stamped, store] = await Promise.all([readResultStamp(this.workbook), this.storeStamp()]);
    this.stamped = stamped !== null;
    const outOfDate = resultsOutOfDate(stamped, store);
    if (outOfDate) this.current = false;
    return outOfDate && stamped && store ? { stamped, store } : null;
  }

  refreshed(outcome: RefreshOutcome, reason: RefreshReason): Promise<void> {
    if (outcome.kind === "asked") this.offerOpen = true;
    if (reason === "offer" || reason === "all") this.offerOpen = false;
    if (reason === "all") this.current = true;
    // A workbook without INV cells gets no hidden sheet; one already stamped follows every commit.
    if (!this.current || this.offerOpen || (outcome.cells === 0 && !this.stamped)) return Promise.resolve();
    // Stamps are written one after another, so a slower earlier write cannot land last with an older version.
    this.writing = this.writing.then(() => this.stamp()).catch(() => undefined);
    return this.writing;
  }

  offerDismissed(): void {
    this.offerOpen = false;
    this.current = false;
  }

  private async stamp(): Promise<void> {
    const store = await this.storeStamp();
    if (!store) return;
    await writeResultStamp(this.workbook, store, this.now());
    this.stamped = true;
  }
}
