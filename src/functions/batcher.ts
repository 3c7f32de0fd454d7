/**
 * The batching layer between Excel's invocations and the store (excel.md §2.1):
 *  - rule 1: invocations are queued and flushed 0 ms after the last one arrives, at most 50 ms after the
 *    first; a flush makes ONE read transaction for the union of items, evaluates, resolves every promise;
 *  - rule 2: results are memoised under the request key with the book versions of the items they read and
 *    the company settings they used; a posting invalidates only the items it touched; a hit is synchronous;
 *  - rule 6: evaluation is a pure function of (request, snapshot) — see evaluate.ts.
 */
import type { LedgerStore } from "../core/ports";
import { invRequestKey as requestKey, type InvRequest } from "./requests";
import { internalError, notAvailable, type CellResult } from "./cellErrors";
import { evaluateRequest, type StockSnapshot } from "./evaluate";
import { loadSnapshot } from "./snapshot";
import { planningKeysOf } from "./planningKeys";
import { interpretCommit, ledgerStampOf, settingsKeyOf, type CommitBaseline, type CommitScope, type LedgerChange } from "./commitScope";

export { ledgerStampOf, settingsKeyOf, type LedgerChange } from "./commitScope";

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
  /** Settings of the cached answers that are current; undefined = none (re-learned by the next flush). */
  private knownSettings: string | undefined;
  private settingsInvalidatedAt = -1;
  /** What was last seen of the store's company (settings, open orders, ledger version and stamp): commitScope.ts. */
  private baseline: CommitBaseline = {};
  private stampInvalidatedAt = -1;
  /** Generation of the last commit that reached every item (assembly lines): see commitScope.ts. */
  private itemsInvalidatedAt = -1;
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
    this.baseline = {};
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

  /**
   * Drops what a change may have made stale; cached answers over other items stay valid (rule 2). Returns
   * what the commit made stale (commitScope.ts), so the targeted refresh recalculates the same items.
   */
  invalidate(change: LedgerChange): CommitScope {
    const generation = ++this.generation;
    const { scope, after } = interpretCommit(change, this.baseline);
    this.baseline = after;
    if (scope.everything) {
      this.cache.clear();
      this.known.clear();
      this.invalidatedAt.clear();
      // A flush begun before a restore must not learn the book versions it read (they may come back).
      this.itemsInvalidatedAt = generation;
      this.knownSettings = undefined;
      this.settingsInvalidatedAt = generation;
      this.stampInvalidatedAt = generation;
      this.catalogStamp++;
      return scope;
    }
    // The commit carries the company as written: its stamp (baseline.stamp) is the store's from now on.
    if (change.company) this.stampInvalidatedAt = generation;
    if (scope.items === "all") {
      // Every item: for the cache, the items it knows (an item it does not know has no current answer).
      this.known.clear();
      this.itemsInvalidatedAt = generation;
    } else
      for (const upper of scope.items) {
        this.known.delete(upper);
        this.invalidatedAt.set(upper, generation);
      }
    if (scope.cards) this.catalogStamp++;
    // Wider than scope.settings on purpose: with no settings current, a flush begun before this commit
    // must not learn the settings it read.
    if (change.company && settingsKeyOf(change.company) !== this.knownSettings) {
      this.knownSettings = undefined;
      this.settingsInvalidatedAt = generation;
    }
    return scope;
  }

  private isCurrent(entry: CacheEntry): boolean {
    if (this.knownSettings === undefined || entry.settings !== this.knownSettings) return false;
    if (entry.ledger !== null && entry.ledger !== this.baseline.stamp) return false;
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

  /** Whether no commit reported after generation `startedAt` touched the item (by name or as every item). */
  private untouchedSince(upper: string, startedAt: number): boolean {
    return Math.max(this.invalidatedAt.get(upper) ?? -1, this.itemsInvalidatedAt) <= startedAt;
  }

  /** Records the versions a flush saw, unless a change reported after the flush began superseded them. */
  private learn(snapshot: StockSnapshot, startedAt: number): void {
    const fresh = (upper: string) => this.untouchedSince(upper, startedAt);
    // Only books actually read: a card loaded for a filter says nothing about its book's version.
    for (const no of snapshot.booksRead) {
      const upper = no.toUpperCase();
      if (fresh(upper)) this.known.set(upper, snapshot.books.get(no)?.version ?? NO_BOOK);
    }
    const company = snapshot.company;
    const baseline = this.baseline;
    if (this.settingsInvalidatedAt <= startedAt) {
      this.knownSettings = settingsKeyOf(company);
      if (company) baseline.settings ??= this.knownSettings;
      if (company) baseline.planning ??= planningKeysOf(company);
    }
    if (this.stampInvalidatedAt <= startedAt && baseline.stamp === undefined) baseline.stamp = ledgerStampOf(company);
    const known = baseline.ledger;
    if (company && (!known || (known.id === company.id && company.ledgerVersion > known.version)))
      baseline.ledger = { id: company.id, version: company.ledgerVersion };
  }

  private answer(pending: Pending, snapshot: StockSnapshot, catalog: number, startedAt: number): CellResult {
    const evaluation = evaluateRequest(pending.request, snapshot);
    const versions = evaluation.items.map((upper): [string, number] => {
      const item = snapshot.items.get(upper);
      return [upper, item ? (snapshot.books.get(item.no)?.version ?? NO_BOOK) : NO_CARD];
    });
    for (const [upper, version] of versions) {
      // An unknown code stays an error until a card with that number is reported (itemCards).
      if (version === NO_CARD && this.untouchedSince(upper, startedAt)) this.known.set(upper, NO_CARD);
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
