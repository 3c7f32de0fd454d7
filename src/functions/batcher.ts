/**
 * The batching layer between Excel's invocations and the store (excel.md §2.1):
 *  - rule 1: invocations are queued and flushed 0 ms after the last one arrives, at most 50 ms after the
 *    first; a flush makes ONE read transaction for the union of items, evaluates, resolves every promise;
 *  - rule 2: results are memoised under the request key with the book versions of the items they read and
 *    the company settings they used; a posting invalidates only the items it touched; a hit is synchronous;
 *  - rule 6: evaluation is a pure function of (request, snapshot) — see evaluate.ts.
 */
import type { Company } from "../core/company";
import type { LedgerStore } from "../core/ports";
import { invRequestKey as requestKey, type InvRequest } from "./requests";
import { internalError, notAvailable, type CellResult } from "./cellErrors";
import { evaluateRequest, type StockSnapshot } from "./evaluate";
import { loadSnapshot } from "./snapshot";
import { changedItems, planningKeysOf, type PlanningKeys } from "./planningKeys";

export interface FlushStats {
  /** Flushes run (each one read transaction). */
  flushes: number;
  /** `store.read` calls made. */
  reads: number;
  /** Distinct requests evaluated by flushes. */
  requests: number;
  /** Requests queued (every cell that missed the cache). */
  queued: number;
  /** Requests answered synchronously from the cache. */
  cacheHits: number;
  /** Size of the largest flush, in distinct requests. */
  largestFlush: number;
  /** Queued requests cancelled before their flush. */
  cancelled: number;
  /** Times a flush handed control back between result slices (rule 8). */
  slices: number;
}

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

interface CacheEntry {
  result: CellResult;
  /** [upper-cased item number, book version] read; -1 = no book, -2 = no card. */
  versions: [string, number][];
  settings: string;
  /** Catalogue stamp for answers that depend on which items exist; null otherwise. */
  catalog: number | null;
  /** Ledger stamp for answers over the whole ledger and G/L (GLDIFF, VERSION); null otherwise. */
  ledger: string | null;
}

interface Pending {
  request: InvRequest;
  waiters: ((result: CellResult) => void)[];
}

export interface BatcherOptions {
  /** Longest wait after the first queued call (rule 1: ≤ 50 ms). */
  maxWaitMs?: number;
  /** Most cached results kept (least recently used dropped first). */
  maxEntries?: number;
  /** Estimated JSON bytes of results resolved before the flush yields a task (rule 8: ~2 MB). */
  sliceBytes?: number;
}

/** A rough size of a result as JSON: what Excel on the web receives for it. */
export function estimatedJsonBytes(result: CellResult): number {
  if (Array.isArray(result)) {
    let bytes = 2;
    for (const row of result) for (const cell of row) bytes += typeof cell === "string" ? cell.length + 3 : 12;
    return bytes + result.length * 3;
  }
  return typeof result === "string" ? result.length + 3 : 16;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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

const NO_BOOK = -1;
const NO_CARD = -2;

export class FunctionBatcher {
  private storeReady: Promise<LedgerStore>;
  private bindStore!: (store: LedgerStore) => void;
  private pending = new Map<string, Pending>();
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private maxTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly cache = new Map<string, CacheEntry>();
  private readonly known = new Map<string, number>();
  /** Generation of the last invalidation per item; a flush that started earlier must not re-validate it. */
  private readonly invalidatedAt = new Map<string, number>();
  private knownSettings: string | undefined;
  /** The company and ledger version last seen; a change that goes back (restore) or elsewhere drops everything. */
  private knownLedger: { id: string; version: number } | undefined;
  private settingsInvalidatedAt = -1;
  /** Ledger stamp of the store as last reported or read; undefined = unknown (nothing ledger-wide is current). */
  private knownStamp: string | undefined;
  private stampInvalidatedAt = -1;
  /** Per-item keys of open orders, reservations and transfers (planningKeys.ts) as last seen. */
  private knownPlanning: PlanningKeys | undefined;
  private catalogStamp = 0;
  private generation = 0;
  private counters: FlushStats = FunctionBatcher.zeroStats();
  private readonly maxWaitMs: number;
  private readonly maxEntries: number;
  private readonly sliceBytes: number;

  constructor(options: BatcherOptions = {}) {
    this.maxWaitMs = options.maxWaitMs ?? 50;
    this.maxEntries = options.maxEntries ?? 200_000;
    this.sliceBytes = options.sliceBytes ?? 2_000_000;
    this.storeReady = new Promise((resolve) => (this.bindStore = resolve));
  }

  private static zeroStats(): FlushStats {
    return { flushes: 0, reads: 0, requests: 0, queued: 0, cacheHits: 0, largestFlush: 0, cancelled: 0, slices: 0 };
  }

  /** Binds the store; calls made before this wait for it instead of returning a transient error. */
  setStore(store: LedgerStore): void {
    this.bindStore(store);
    this.storeReady = Promise.resolve(store);
    this.knownLedger = undefined;
    this.invalidate({ all: true });
  }

  stats(): FlushStats {
    return { ...this.counters };
  }

  resetStats(): void {
    this.counters = FunctionBatcher.zeroStats();
  }

  /** Synchronous cache lookup: the answer if nothing it read has changed since, else undefined. */
  cached(request: InvRequest): CellResult | undefined {
    const key = requestKey(request);
    const entry = this.cache.get(key);
    if (!entry || !this.isCurrent(entry)) return undefined;
    this.cache.delete(key); // refresh its place in the LRU order
    this.cache.set(key, entry);
    this.counters.cacheHits++;
    return entry.result;
  }

  /**
   * What a cached answer read, stale or not (excel.md §2.2: which cells a commit makes stale): its
   * items, whether it read the catalogue or the whole ledger; undefined when the key is not cached.
   */
  itemsReadBy(key: string): { items: ReadonlySet<string>; catalog: boolean; ledger: boolean } | undefined {
    const entry = this.cache.get(key);
    if (!entry) return undefined;
    return { items: new Set(entry.versions.map(([no]) => no)), catalog: entry.catalog !== null, ledger: entry.ledger !== null };
  }

  /** Queues a request for the next flush (callers try `cached` first). */
  request(request: InvRequest): Promise<CellResult> {
    return this.cancelable(request).result;
  }

  /**
   * Queues a request that Excel may cancel (rule 7): `cancel` takes it out of the pending batch, so a
   * flush does not evaluate what no cell waits for any more; a flush already reading skips it too.
   */
  cancelable(request: InvRequest): { result: Promise<CellResult>; cancel: () => void } {
    const key = requestKey(request);
    this.counters.queued++;
    let waiter!: (result: CellResult) => void;
    const result = new Promise<CellResult>((resolve) => (waiter = resolve));
    const pending = this.pending.get(key);
    if (pending) pending.waiters.push(waiter);
    else this.pending.set(key, { request, waiters: [waiter] });
    this.schedule();
    const batch = this.pending;
    const cancel = () => {
      const entry = batch.get(key);
      const at = entry?.waiters.indexOf(waiter) ?? -1;
      if (!entry || at < 0) return;
      entry.waiters.splice(at, 1);
      if (entry.waiters.length === 0) batch.delete(key);
      this.counters.cancelled++;
      waiter(notAvailable("Calculation cancelled"));
    };
    return { result, cancel };
  }

  /** Drops what a change may have made stale; cached answers over other items stay valid (rule 2). */
  invalidate(change: LedgerChange): void {
    const generation = ++this.generation;
    if (change.company && this.rewindsLedger(change.company)) change = { all: true };
    if (change.all) {
      this.cache.clear();
      this.known.clear();
      this.invalidatedAt.clear();
      this.knownSettings = undefined;
      this.settingsInvalidatedAt = generation;
      this.knownStamp = undefined;
      this.stampInvalidatedAt = generation;
      this.knownPlanning = undefined;
      this.catalogStamp++;
      return;
    }
    const touched = [...(change.items ?? []), ...(change.itemCards ?? [])];
    if (change.company) {
      // The commit carries the company as written: its stamp is the store's from now on.
      this.knownStamp = ledgerStampOf(change.company);
      this.stampInvalidatedAt = generation;
      touched.push(...this.planningChanges(change.company));
    }
    for (const no of touched) {
      const upper = no.toUpperCase();
      this.known.delete(upper);
      this.invalidatedAt.set(upper, generation);
    }
    if (change.itemCards?.length) this.catalogStamp++;
    if (change.company && settingsKeyOf(change.company) !== this.knownSettings) {
      this.knownSettings = undefined;
      this.settingsInvalidatedAt = generation;
    }
  }

  /**
   * Book versions only grow along one ledger's history. A restore of an older backup, or another company,
   * can bring back version numbers the cache has seen with other contents: then nothing cached is trusted.
   */
  private rewindsLedger(company: Company): boolean {
    const known = this.knownLedger;
    const rewinds = known !== undefined && (company.id !== known.id || company.ledgerVersion < known.version);
    if (!known || rewinds || company.ledgerVersion > known.version)
      this.knownLedger = { id: company.id, version: company.ledgerVersion };
    return rewinds;
  }

  /**
   * Items whose open orders, reservations or transfers differ from the last company seen (rule 2: an order
   * for 1000 keeps 2000's answers). A change to assembly orders reaches components of other items: every
   * known item then counts as changed.
   */
  private planningChanges(company: Company): string[] {
    const next = planningKeysOf(company);
    const previous = this.knownPlanning;
    this.knownPlanning = next;
    if (!previous) return [];
    if (previous.assembly !== next.assembly) return [...this.known.keys()];
    return changedItems(previous, next);
  }

  private isCurrent(entry: CacheEntry): boolean {
    if (this.knownSettings === undefined || entry.settings !== this.knownSettings) return false;
    if (entry.ledger !== null && entry.ledger !== this.knownStamp) return false;
    if (entry.catalog !== null && entry.catalog !== this.catalogStamp) return false;
    return entry.versions.every(([no, version]) => this.known.get(no) === version);
  }

  private schedule(): void {
    // 0 ms after the last invocation, but never later than maxWaitMs after the first of the batch.
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.flush(), 0);
    if (this.maxTimer === undefined) this.maxTimer = setTimeout(() => void this.flush(), this.maxWaitMs);
  }

  /** Runs the queued requests now (tests and diagnostics; normally the timers call it). */
  async flush(): Promise<void> {
    clearTimeout(this.idleTimer);
    clearTimeout(this.maxTimer);
    this.idleTimer = this.maxTimer = undefined;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    if (batch.length === 0) return;
    this.counters.flushes++;
    this.counters.requests += batch.length;
    this.counters.largestFlush = Math.max(this.counters.largestFlush, batch.length);
    const startedAt = this.generation;
    const catalog = this.catalogStamp;
    let snapshot: StockSnapshot;
    try {
      const store = await this.storeReady;
      this.counters.reads++;
      snapshot = await store.read((tx) => loadSnapshot(tx, batch.map((pending) => pending.request)));
    } catch (error) {
      const failure = internalError(error);
      for (const pending of batch) for (const resolve of pending.waiters) resolve(failure);
      return;
    }
    this.learn(snapshot, startedAt);
    // Rule 8: results go back in slices of about 2 MB of JSON, each slice in its own task, so one
    // response to Excel on the web stays far below its 5 MB limit.
    let sliceBytes = 0;
    for (const pending of batch) {
      // Rule 7: a request every cell cancelled while the flush was reading is not evaluated at all.
      if (pending.waiters.length === 0) continue;
      const result = this.answer(pending, snapshot, catalog, startedAt);
      for (const resolve of pending.waiters) resolve(result);
      sliceBytes += estimatedJsonBytes(result) * pending.waiters.length;
      if (sliceBytes >= this.sliceBytes) {
        sliceBytes = 0;
        this.counters.slices++;
        await nextTask();
      }
    }
  }

  /** Records the versions a flush saw, unless a change reported after the flush began superseded them. */
  private learn(snapshot: StockSnapshot, startedAt: number): void {
    const fresh = (no: string) => (this.invalidatedAt.get(no) ?? -1) <= startedAt;
    // Only books actually read: a card loaded for a filter says nothing about its book's version.
    for (const no of snapshot.booksRead) {
      const upper = no.toUpperCase();
      if (fresh(upper)) this.known.set(upper, snapshot.books.get(no)?.version ?? NO_BOOK);
    }
    if (this.settingsInvalidatedAt <= startedAt) this.knownSettings = settingsKeyOf(snapshot.company);
    if (this.stampInvalidatedAt <= startedAt && this.knownStamp === undefined) this.knownStamp = ledgerStampOf(snapshot.company);
    if (this.knownPlanning === undefined && this.settingsInvalidatedAt <= startedAt && snapshot.company)
      this.knownPlanning = planningKeysOf(snapshot.company);
    const company = snapshot.company;
    const known = this.knownLedger;
    if (company && (!known || (known.id === company.id && company.ledgerVersion > known.version)))
      this.knownLedger = { id: company.id, version: company.ledgerVersion };
  }

  private answer(pending: Pending, snapshot: StockSnapshot, catalog: number, startedAt: number): CellResult {
    const evaluation = evaluateRequest(pending.request, snapshot);
    const versions = evaluation.items.map((upper): [string, number] => {
      const item = snapshot.items.get(upper);
      return [upper, item ? (snapshot.books.get(item.no)?.version ?? NO_BOOK) : NO_CARD];
    });
    for (const [upper, version] of versions) {
      // An unknown code stays an error until a card with that number is reported (itemCards).
      if (version === NO_CARD && (this.invalidatedAt.get(upper) ?? -1) <= startedAt) this.known.set(upper, NO_CARD);
    }
    this.remember(requestKey(pending.request), {
      result: evaluation.result,
      versions,
      settings: settingsKeyOf(snapshot.company),
      catalog: evaluation.catalog ? catalog : null,
      ledger: evaluation.ledgerWide ? ledgerStampOf(snapshot.company) : null,
    });
    return evaluation.result;
  }

  private remember(key: string, entry: CacheEntry): void {
    this.cache.delete(key);
    this.cache.set(key, entry);
    if (this.cache.size > this.maxEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
  }
}
