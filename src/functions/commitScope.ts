/**
 * What a commit made stale (excel.md §2.1 rule 2, §2.2), decided in one place for the function cache
 * (batcher.ts drops cached answers) and the targeted refresh (formulaRefresher.ts recalculates cells). A
 * commit notice says which books and cards were written and carries the company as written; what that
 * means for answers depends on the company seen before (settings, open orders, ledger version), kept by
 * the caller as a `CommitBaseline`. Pure: the caller owns the baseline and stores the one returned.
 */
import type { Company } from "../core/company";
import { changedItems, planningKeysOf, type PlanningKeys } from "./planningKeys";

/** What changed in the ledger, as reported after a commit (or by another runtime). */
export interface LedgerChange {
  /** Items whose book changed (postings, adjustment). */
  items?: readonly string[];
  /** Items whose card was created or changed: filters over the catalogue must be recomputed. */
  itemCards?: readonly string[];
  /** The company as written: settings that answers depend on (work date, locations) may have changed. */
  company?: Company;
  /** Everything may have changed (restore, company switch). */
  all?: boolean;
}

/** What one commit made stale. */
export interface CommitScope {
  /** Nothing seen before can be trusted (restore, another company, a ledger version going back). */
  everything: boolean;
  /** Items (upper case) whose answers may have moved, or "all" when the commit reaches items it does not name. */
  items: ReadonlySet<string> | "all";
  /** Settings every answer depends on changed (work date, locations, costing setup). */
  settings: boolean;
  /** An item card was created or changed: answers over the catalogue (filters, INV.ITEMS) moved. */
  cards: boolean;
  /** The ledger stamp moved: answers over the whole ledger (INV.GLDIFF, INV.VERSION) are stale. */
  ledger: boolean;
}

/** What the caller knew of the store before the commit; undefined fields are not known. */
export interface CommitBaseline {
  /** settingsKeyOf of the company last seen. */
  settings?: string;
  /** Per-item planning keys of the company last seen. */
  planning?: PlanningKeys;
  /** Company and ledger version last seen: a version going back is a restore. */
  ledger?: { id: string; version: number };
  /** ledgerStampOf of the company last seen. */
  stamp?: string;
}

/** Changes with every commit that can move a ledger-wide answer: postings, G/L lines, restores. */
export function ledgerStampOf(company: Company | undefined): string {
  return company ? `${company.id}\u0001${company.ledgerVersion}\u0001${company.counters.lastGLEntryNo}` : "";
}

/**
 * The company fields an answer can depend on besides the books: who, the default date, the locations, and
 * the costing setup and periods the "adjusted" dry run reads. Counters and G/L balances are left out, so a
 * posting (which rewrites the company) keeps the answers of the items it did not touch.
 */
export function settingsKeyOf(company: Company | undefined): string {
  if (!company) return "";
  const locations = company.locations.map((location) => location.code).sort();
  const costing = JSON.stringify([
    company.inventorySetup,
    company.generalLedgerSetup,
    company.closedInventoryPeriods,
    company.accountingPeriods,
    // INV.ATTR / INV.ITEMS read inherited defaults and definitions (inventory.md §3.3).
    company.categories ?? [],
    company.attributeDefinitions ?? {},
    // G/L accounts of the posting setup (INV.GLDIFF maps value entries onto them) and its code (INV.ITEM).
    company.accounts,
    company.inventoryPostingGroup ?? "",
    // Order lines, reservations and transfers in transit are not here: they are keyed per item
    // (planningKeys.ts), so an order for one item keeps the answers of the others.
  ]);
  return [company.id, company.workDate, costing, ...locations].join("\u0001");
}

/**
 * Book versions only grow along one ledger's history. A restore of an older backup, or another company,
 * can bring back version numbers seen before with other contents: then nothing seen before is trusted.
 */
export function rewindsLedger(known: CommitBaseline["ledger"], company: Company): boolean {
  return known !== undefined && (company.id !== known.id || company.ledgerVersion < known.version);
}

/** The ledger position to remember after seeing `company` (a commit, or a read of the store). */
export function advanceLedger(known: CommitBaseline["ledger"], company: Company): CommitBaseline["ledger"] {
  if (!known || rewindsLedger(known, company) || company.ledgerVersion > known.version)
    return { id: company.id, version: company.ledgerVersion };
  return known;
}

const EVERYTHING: CommitScope = { everything: true, items: "all", settings: true, cards: true, ledger: true };

/**
 * Items whose open orders, reservations or transfers differ from the company seen before (rule 2: an order
 * for 1000 keeps 2000's answers). Unknown before: nothing to compare, so no item counts as changed.
 *
 * Assembly orders are decided here once for both users: their lines create demand for components they do
 * not name (planningKeys.ts), so a change to them is "all" items. The cache reads that as "every item it
 * knows" (an item it does not know has no current answer); the refresh as every INV cell. The refresh must
 * be at least as wide as the cache: a cell reading an item whose answer was dropped must be recalculated,
 * or it keeps its old value until Excel happens to re-invoke it.
 */
function planningScope(before: PlanningKeys | undefined, next: PlanningKeys): string[] | "all" {
  if (!before) return [];
  if (before.assembly !== next.assembly) return "all";
  return changedItems(before, next);
}

/** What `change` made stale, given what was known before it, and what is known after it. */
export function interpretCommit(change: LedgerChange, before: CommitBaseline): { scope: CommitScope; after: CommitBaseline } {
  // Rule 9 / restore: a restore or another company may have changed anything.
  if (change.all) return { scope: EVERYTHING, after: { ledger: before.ledger } };
  const company = change.company;
  if (company && rewindsLedger(before.ledger, company)) return { scope: EVERYTHING, after: { ledger: advanceLedger(before.ledger, company) } };
  const items = new Set([...(change.items ?? []), ...(change.itemCards ?? [])].map((no) => no.toUpperCase()));
  const cards = (change.itemCards?.length ?? 0) > 0;
  if (!company) return { scope: { everything: false, items, settings: false, cards, ledger: false }, after: before };
  const settingsKey = settingsKeyOf(company);
  const stamp = ledgerStampOf(company);
  const planning = planningKeysOf(company);
  const planned = planningScope(before.planning, planning);
  if (planned !== "all") for (const no of planned) items.add(no);
  const scope: CommitScope = {
    everything: false,
    items: planned === "all" ? "all" : items,
    // Unknown before: not known to have changed (the first commit a runtime sees does not refresh every cell).
    settings: before.settings !== undefined && before.settings !== settingsKey,
    cards,
    ledger: before.stamp !== undefined && before.stamp !== stamp,
  };
  return { scope, after: { settings: settingsKey, planning, ledger: advanceLedger(before.ledger, company), stamp } };
}

/** A baseline with its own memory: for a user that only hears commits (a refresher without the cache). */
export class CommitInterpreter {
  private baseline: CommitBaseline = {};

  interpret(change: LedgerChange): CommitScope {
    const { scope, after } = interpretCommit(change, this.baseline);
    this.baseline = after;
    return scope;
  }
}
