/**
 * Refresh after posting or a settings change (excel.md §2.2). INV functions are not volatile, so after a
 * commit Excel keeps their old values: this recalculates exactly the registered cells whose items the
 * commit touched, merged into areas per sheet, ≤ 5,000 cells per `calculateCells` call. Cells not yet
 * registered (a file just opened) are found once from formulas containing "INV.". Up to 20,000 affected
 * cells refresh by themselves; above that the pane asks first (an offer the UI shows).
 */
import type { CellRegistry, ItemsReadBy, RegisteredCell } from "../functions/cellRegistry";
import { CommitInterpreter, type CommitScope, type LedgerChange } from "../functions/commitScope";
import type { WorkbookPort } from "../excel/port";
import { calculationCalls, columnLetters, mergeAreas, parseCellAddress, type CellRef } from "./areas";
import { auditFormulas, type AuditFinding } from "./formulaAudit";

export const CELLS_PER_CALL = 5_000;
export const AUTO_REFRESH_LIMIT = 20_000;

export interface RefreshOutcome {
  /** "done": recalculated; "asked": over the limit, waiting for the user; "none": nothing affected. */
  kind: "done" | "asked" | "none";
  cells: number;
  calls: number;
}

export interface RefresherOptions {
  cellsPerCall?: number;
  autoRefreshLimit?: number;
  /** The items each cached answer read (registry.ts `itemsReadBy`); default: the items requests name. */
  readBy?: ItemsReadBy;
  /** Told when a refresh completes or an offer is declined (resultStamp.ts stamps the ledger version, rule 10). */
  listener?: RefreshListener;
}

/** What a refresh covered: the cells commits made stale, the accepted offer, or every INV cell (Settings). */
export type RefreshReason = "commits" | "offer" | "all";

/** Hears how refreshes end: whether every INV cell now shows the store's ledger. */
export interface RefreshListener {
  refreshed(outcome: RefreshOutcome, reason: RefreshReason): Promise<void>;
  /** "Later" on the offer: the cells it named keep values older than the ledger. */
  offerDismissed(): void;
}

/** What the pane uses: Settings' button and audit, and the "Refresh now" offer. */
export interface FormulaRefreshControl {
  refreshAll(): Promise<RefreshOutcome>;
  audit(): Promise<AuditFinding[]>;
  pendingOffer(): number | null;
  acceptOffer(): Promise<RefreshOutcome>;
  dismissOffer(): void;
  subscribe(listener: () => void): () => void;
}

export class FormulaRefresher implements FormulaRefreshControl {
  private touched = new Set<string>();
  private touchedCards = false;
  private touchedLedger = false;
  private touchedAll = false;
  /** Interprets commits heard without the cache's scope (tests, a refresher used alone). */
  private readonly commits = new CommitInterpreter();
  private scanned = false;
  private offer: CellRef[] | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly cellsPerCall: number;
  private readonly autoRefreshLimit: number;
  private readonly readBy: ItemsReadBy | undefined;
  private readonly listener: RefreshListener | undefined;

  constructor(
    private readonly workbook: WorkbookPort,
    private readonly registry: CellRegistry,
    options: RefresherOptions = {},
  ) {
    this.cellsPerCall = options.cellsPerCall ?? CELLS_PER_CALL;
    this.autoRefreshLimit = options.autoRefreshLimit ?? AUTO_REFRESH_LIMIT;
    this.readBy = options.readBy;
    this.listener = options.listener;
  }

  /**
   * Collects what a commit touched (the observed store reports every commit here). `scope` is what the
   * function cache made of the same commit (commitScope.ts), so both agree on what is stale; without it
   * the commit is interpreted here.
   */
  readonly noteChange = (change: LedgerChange, scope: CommitScope = this.commits.interpret(change)): void => {
    // A settings change (work date, locations, costing setup) may move every answer, and so do commits
    // that reach items they do not name (assembly lines): every INV cell, as wide as the cache's drop.
    if (scope.everything || scope.settings || scope.items === "all") this.touchedAll = true;
    else for (const item of scope.items) this.touched.add(item);
    if (scope.cards) this.touchedCards = true;
    if (scope.ledger) this.touchedLedger = true;
  };

  /**
   * A commit made by another runtime (rule 9, heard over the BroadcastChannel): the same targeted refresh
   * as after a local command, the 20,000-cell offer included (§2.2).
   */
  readonly noteRemoteCommit = (change: LedgerChange, scope?: CommitScope): Promise<RefreshOutcome> => {
    this.noteChange(change, scope);
    return this.refreshChanged();
  };

  /** Recalculates the cells the collected commits made stale (the pane calls it after each command). */
  async refreshChanged(): Promise<RefreshOutcome> {
    const scope = this.touchedAll ? "all" : { items: this.touched, cards: this.touchedCards, ledger: this.touchedLedger };
    this.touched = new Set();
    this.touchedCards = false;
    this.touchedLedger = false;
    this.touchedAll = false;
    if (scope !== "all" && scope.items.size === 0 && !scope.ledger) return { kind: "none", cells: 0, calls: 0 };
    await this.scanOnce();
    return this.ended(await this.refreshCells(this.registry.affectedBy(scope, this.readBy), false), "commits");
  }

  /** "Refresh all INV formulas" (Settings): every INV cell, found afresh; the user asked, so no limit. */
  async refreshAll(): Promise<RefreshOutcome> {
    this.scanned = false;
    await this.scanOnce();
    return this.ended(await this.refreshCells(this.registry.all(), true), "all");
  }

  /** The Settings formula audit (rule 4). */
  async audit(): Promise<AuditFinding[]> {
    return auditFormulas((await this.workbook.findFormulas?.("INV.")) ?? []);
  }

  /** Cells waiting for "Refresh now", or null when nothing is offered. */
  pendingOffer(): number | null {
    return this.offer ? this.offer.length : null;
  }

  async acceptOffer(): Promise<RefreshOutcome> {
    const cells = this.offer ?? [];
    this.setOffer(null);
    return this.ended(await this.calculate(cells), "offer");
  }

  dismissOffer(): void {
    this.setOffer(null);
    this.listener?.offerDismissed();
  }

  private async ended(outcome: RefreshOutcome, reason: RefreshReason): Promise<RefreshOutcome> {
    await this.listener?.refreshed(outcome, reason);
    return outcome;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private async scanOnce(): Promise<void> {
    if (this.scanned || !this.workbook.findFormulas) return;
    this.scanned = true;
    for (const cell of await this.workbook.findFormulas("INV.")) this.registry.registerUnknown(addressOf(cell));
  }

  private async refreshCells(registered: readonly RegisteredCell[], asked: boolean): Promise<RefreshOutcome> {
    const cells = registered.map((cell) => parseCellAddress(cell.address)).filter((cell): cell is CellRef => cell !== null);
    if (cells.length === 0) return { kind: "none", cells: 0, calls: 0 };
    if (!asked && cells.length > this.autoRefreshLimit) {
      this.setOffer(cells);
      return { kind: "asked", cells: cells.length, calls: 0 };
    }
    return this.calculate(cells);
  }

  private async calculate(cells: readonly CellRef[]): Promise<RefreshOutcome> {
    if (!this.workbook.calculateCells || cells.length === 0) return { kind: "none", cells: 0, calls: 0 };
    const calls = calculationCalls(mergeAreas(cells), this.cellsPerCall);
    const failed: unknown[] = [];
    for (const call of calls) {
      try {
        await this.workbook.calculateCells(call.sheet, call.areas);
      } catch (error) {
        // A sheet renamed or deleted since its cells registered: the other sheets still refresh, and its
        // cells register again under their new address when Excel next invokes them.
        failed.push(error);
        this.registry.forgetSheet(call.sheet, (address) => parseCellAddress(address)?.sheet);
      }
    }
    if (failed.length === calls.length) throw failed[0];
    return { kind: "done", cells: cells.length, calls: calls.length };
  }

  private setOffer(cells: CellRef[] | null): void {
    this.offer = cells;
    for (const listener of this.listeners) listener();
  }
}

/** The address Excel's invocation would give for the cell, so a scanned cell and its invocation coincide. */
export function addressOf(cell: CellRef): string {
  const sheet = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(cell.sheet) ? cell.sheet : `'${cell.sheet.replace(/'/g, "''")}'`;
  return `${sheet}!${columnLetters(cell.column)}${cell.row + 1}`;
}
