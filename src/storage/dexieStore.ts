/**
 * LedgerStore over IndexedDB (Dexie 4). A transaction is ONE Dexie read-write transaction over every
 * table, so a posting lands whole or (on a throw) not at all; a read is one read-only transaction, so it
 * sees one consistent ledger version. Inside `transact`, the callback may only await store calls: awaiting
 * anything else lets IndexedDB auto-commit the transaction.
 */
import type Dexie from "dexie";
import type { ItemBook } from "../core/book";
import type { Company } from "../core/company";
import type { LedgerReader, LedgerStore, LedgerTransaction, StoreSnapshot } from "../core/ports";
import type { GLEntry, Item } from "../core/types";
import { pagesToPut, textBaseline, withRowCopies, type BookBaseline } from "./bookBaseline";
import { BookCache, copyBook } from "./bookCache";
import { StringPool } from "./stringPool";
import { assembleBook, bookRecords, pageCount, pageKeys, stateOf, LEDGER_KINDS, type BookPageRow, type BookStateRow, type PageKey } from "./bookPages";
import { CHUNK_SIZE, chunkOf, LedgerDatabase, slotOf, type EntryOwnerChunk, type GLChunk } from "./dexieSchema";

export const DEFAULT_DATABASE_NAME = "inventory-ledger";

/** Pages per read when loading many books: about 26 MB of page text held at once. */
const PAGES_PER_READ = 400;

/** The read half of the port over one open Dexie transaction. */
class DexieReader implements LedgerReader {
  constructor(
    protected readonly db: LedgerDatabase,
    protected readonly cache: BookCache,
    private readonly pagesPerRead: number,
  ) {}

  async company(): Promise<Company | undefined> {
    return (await this.db.company.get(0))?.company;
  }

  async items(nos?: readonly string[]): Promise<Item[]> {
    // Primary-key order is code order, the same order the in-memory store sorts by.
    if (!nos) return this.db.items.toArray();
    const unique = [...new Set(nos)].sort(compareText);
    const found = await this.db.items.bulkGet(unique);
    return found.filter((item): item is Item => item !== undefined);
  }

  /**
   * Books by item: the state records first, then the pages of the books the cache does not hold at their
   * stored revision. Readers get copies of cached books; books read from the database are fresh objects.
   */
  async books(items: readonly string[]): Promise<Map<string, ItemBook>> {
    const states = await this.db.bookState.bulkGet([...new Set(items)]);
    const books = new Map<string, ItemBook>();
    const missing: BookStateRow[] = [];
    for (const state of states) {
      if (!state) continue;
      const cached = this.fromCache(state);
      if (cached) books.set(state.item, cached);
      else missing.push(state);
    }
    for (const book of await this.loadBooks(missing)) books.set(book.item, book);
    return books;
  }

  /** Items whose cost adjustment has work (not adjusted or marked): the scope of a company-wide Adjust Cost. */
  async unadjustedItems(): Promise<string[]> {
    return (await this.db.bookState.where("unadjusted").equals(1).primaryKeys()) as string[];
  }

  protected fromCache(state: BookStateRow): ItemBook | undefined {
    const cached = this.cache.get(state.item, state.rev, null);
    return cached && copyBook(cached.book);
  }

  protected loaded(_state: BookStateRow, book: ItemBook, _pages: readonly BookPageRow[]): ItemBook {
    return book;
  }

  /**
   * Reads pages in batches of about `pagesPerRead` (a book's pages stay in one batch) and decodes each batch
   * before the next is read, so loading many books never holds all their page texts at once.
   */
  private async loadBooks(states: readonly BookStateRow[]): Promise<ItemBook[]> {
    const pool = new StringPool();
    const loaded: ItemBook[] = [];
    for (let first = 0; first < states.length; ) {
      const batch: { state: BookStateRow; keys: PageKey[] }[] = [];
      let pagesInBatch = 0;
      for (; first < states.length; first++) {
        const keys = pageKeys(states[first]);
        if (batch.length > 0 && pagesInBatch + keys.length > this.pagesPerRead) break;
        batch.push({ state: states[first], keys });
        pagesInBatch += keys.length;
      }
      const pages = await this.db.bookPages.bulkGet(batch.flatMap((book) => book.keys));
      let at = 0;
      for (const { state, keys } of batch) {
        const own = pages.slice(at, (at += keys.length));
        const book = assembleBook(state, own, pool);
        // assembleBook refused any missing page, so every one is there.
        loaded.push(this.loaded(state, book, own as BookPageRow[]));
      }
    }
    return loaded;
  }

  async entryOwner(entryNo: number): Promise<string | undefined> {
    const chunk = await this.db.entryOwners.get(chunkOf(entryNo));
    return chunk?.owners[slotOf(entryNo)] ?? undefined;
  }

  async glEntries(afterEntryNo = 0): Promise<GLEntry[]> {
    const chunks = await this.db.gl.where("chunkNo").aboveOrEqual(chunkOf(afterEntryNo + 1)).toArray();
    return chunks.flatMap((chunk) => chunk.entries).filter((entry) => entry.entryNo > afterEntryNo);
  }
}

/** Both halves of the port inside one read-write transaction. */
class DexieWriter extends DexieReader implements LedgerTransaction {
  /** Highest entry number owned when this transaction first wrote books; entries above it are new. */
  private ownedThrough: number | undefined;
  /** Books this transaction wrote, with their new revisions. */
  readonly written = new Map<string, { rev: number; book: ItemBook; baseline: BookBaseline | undefined }>();
  /** Books lent to this transaction's command (cached, or loaded by it), with the baseline of their stored rows. */
  readonly lent = new Map<string, { book: ItemBook; baseline: BookBaseline }>();

  constructor(
    db: LedgerDatabase,
    cache: BookCache,
    pagesPerRead: number,
    /** False for a restore: its books are not cached, so no baseline is kept for them. */
    private readonly keepsBaselines = true,
  ) {
    super(db, cache, pagesPerRead);
  }

  /** A command may mutate what it loads: it gets the cached book itself, lent until the transaction ends. */
  protected override fromCache(state: BookStateRow): ItemBook | undefined {
    const written = this.written.get(state.item);
    if (written) return written.book;
    const cached = this.cache.get(state.item, state.rev, this);
    // A book lent again is likely written again: row copies make its next writes cost the rows changed.
    if (cached) withRowCopies(cached.baseline, cached.book);
    if (cached) this.lent.set(state.item, cached);
    return cached?.book;
  }

  protected override loaded(state: BookStateRow, book: ItemBook, pages: readonly BookPageRow[]): ItemBook {
    // A book another transaction holds is not cached again; this one works on its own fresh copy.
    if (!this.cache.isLent(state.item)) {
      const baseline = textBaseline(pages);
      this.cache.lend(state.item, state.rev, book, baseline, this);
      this.lent.set(state.item, { book, baseline });
    }
    return book;
  }

  /** After the commit: the books written are cached at their new revision, every other lent book dropped. */
  settle(committed: boolean): void {
    for (const [item, { rev, book, baseline }] of this.written) {
      // A written book is taken over as it is (as the in-memory store does): the service drops its workspace.
      if (committed && baseline) this.cache.keep(item, rev, book, baseline);
      else this.cache.drop(item);
    }
    for (const item of this.lent.keys()) if (!this.written.has(item)) this.cache.drop(item);
  }

  /** The baseline of what is stored for a book, when this transaction knows it (lent, or written before). */
  private storedBaseline(book: ItemBook): BookBaseline | undefined {
    const written = this.written.get(book.item);
    if (written) return written.book === book ? written.baseline : undefined;
    const lent = this.lent.get(book.item);
    return lent?.book === book ? lent.baseline : undefined;
  }

  async putCompany(company: Company): Promise<void> {
    await this.db.company.put({ slot: 0, company });
  }

  async putItems(items: readonly Item[]): Promise<void> {
    await this.db.items.bulkPut([...items]);
  }

  /**
   * Writes each book as its state record (revision + 1) and its pages; pages a shorter ledger no longer
   * fills are deleted. What the cache does with the written books is decided when the transaction ends.
   */
  async putBooks(books: readonly ItemBook[]): Promise<void> {
    if (books.length === 0) return;
    const floor = await this.ownedFloor();
    const owners = new Map<number, string>();
    for (const book of books) {
      // Entries are ascending and numbered from the company counters, so new ones sit at the end of the book.
      for (let at = book.entries.length - 1; at >= 0 && book.entries[at].entryNo > floor; at--) {
        owners.set(book.entries[at].entryNo, book.item);
      }
    }
    const previous = await this.db.bookState.bulkGet(books.map((book) => book.item));
    const stale: PageKey[] = [];
    const changed: BookPageRow[] = [];
    const records = books.map((book, at) => {
      const before = previous[at];
      const state = stateOf(book, (before?.rev ?? 0) + 1);
      for (const kind of LEDGER_KINDS) {
        for (let page = pageCount(state.counts[kind]); page < pageCount(before?.counts[kind] ?? 0); page++) stale.push([book.item, kind, page]);
      }
      changed.push(...this.pagesToWrite(book, state.rev));
      return state;
    });
    await this.db.bookState.bulkPut(records);
    if (changed.length > 0) await this.db.bookPages.bulkPut(changed);
    if (stale.length > 0) await this.db.bookPages.bulkDelete(stale);
    if (owners.size > 0) await this.registerOwners(owners);
  }

  /**
   * The pages of a book that differ from what is stored: found by comparing its rows with the baseline
   * (bookBaseline.ts), so only those pages are serialised; a book without baseline is written whole. The
   * baseline then describes what this write stored.
   */
  private pagesToWrite(book: ItemBook, rev: number): BookPageRow[] {
    const known = this.storedBaseline(book);
    if (!known) {
      const pages = bookRecords(book, rev).pages;
      this.written.set(book.item, { rev, book, baseline: this.keepsBaselines ? textBaseline(pages) : undefined });
      return pages;
    }
    this.written.set(book.item, { rev, book, baseline: known });
    return pagesToPut(book, known);
  }

  async appendGLEntries(entries: readonly GLEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const byChunk = groupByChunk(entries, (entry) => entry.entryNo);
    const keys = [...byChunk.keys()];
    const existing = await this.db.gl.bulkGet(keys);
    const rows: GLChunk[] = keys.map((chunkNo, at) => {
      const merged = new Map((existing[at]?.entries ?? []).map((entry) => [entry.entryNo, entry]));
      for (const entry of byChunk.get(chunkNo) ?? []) merged.set(entry.entryNo, entry);
      return { chunkNo, entries: [...merged.values()].sort((a, b) => a.entryNo - b.entryNo) };
    });
    await this.db.gl.bulkPut(rows);
  }

  private async ownedFloor(): Promise<number> {
    if (this.ownedThrough === undefined) {
      const last = await this.db.entryOwners.orderBy("chunkNo").last();
      this.ownedThrough = last ? lastOwned(last) : 0;
    }
    return this.ownedThrough;
  }

  private async registerOwners(owners: Map<number, string>): Promise<void> {
    const byChunk = groupByChunk([...owners.keys()], (entryNo) => entryNo);
    const keys = [...byChunk.keys()];
    const existing = await this.db.entryOwners.bulkGet(keys);
    const rows: EntryOwnerChunk[] = keys.map((chunkNo, at) => {
      const slots = existing[at]?.owners ?? new Array<string | null>(CHUNK_SIZE).fill(null);
      for (const entryNo of byChunk.get(chunkNo) ?? []) slots[slotOf(entryNo)] = owners.get(entryNo) ?? null;
      return { chunkNo, owners: slots };
    });
    await this.db.entryOwners.bulkPut(rows);
  }
}

function lastOwned(chunk: EntryOwnerChunk): number {
  for (let slot = chunk.owners.length - 1; slot >= 0; slot--) {
    if (chunk.owners[slot] !== null) return chunk.chunkNo * CHUNK_SIZE + slot;
  }
  return chunk.chunkNo * CHUNK_SIZE;
}

function groupByChunk<T>(values: readonly T[], entryNoOf: (value: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const value of values) {
    const chunkNo = chunkOf(entryNoOf(value));
    const group = groups.get(chunkNo);
    if (group) group.push(value);
    else groups.set(chunkNo, [value]);
  }
  return groups;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface DexieStoreOptions {
  /** Dexie constructor options (tests pass fake-indexeddb's `indexedDB` and `IDBKeyRange`). */
  dexie?: ConstructorParameters<typeof Dexie>[1];
  /** Ask the browser to keep the database under storage pressure (default: when the API exists). */
  persist?: boolean;
  /** Pages read per request when many books load at once (tests make it small to cross batch edges). */
  pagesPerRead?: number;
}

export class DexieLedgerStore implements LedgerStore {
  readonly db: LedgerDatabase;
  private readonly cache = new BookCache();
  private readonly pagesPerRead: number;
  /** Whether the browser granted persistent storage; false where the API is missing (jest, old webviews). */
  readonly persisted: Promise<boolean>;

  constructor(name: string = DEFAULT_DATABASE_NAME, options: DexieStoreOptions = {}) {
    this.db = new LedgerDatabase(name, options.dexie);
    this.pagesPerRead = options.pagesPerRead ?? PAGES_PER_READ;
    this.persisted = options.persist === false ? Promise.resolve(false) : requestPersistence();
  }

  async transact<T>(work: (tx: LedgerTransaction) => Promise<T>): Promise<T> {
    const writer = new DexieWriter(this.db, this.cache, this.pagesPerRead);
    try {
      // The scope must itself be an async function: Dexie only follows native awaits (zone echoing) for those.
      const result = await this.db.transaction("rw", this.db.ledgerTables, async () => work(writer));
      writer.settle(true);
      return result;
    } catch (error) {
      writer.settle(false);
      throw error;
    }
  }

  read<T>(work: (tx: LedgerReader) => Promise<T>): Promise<T> {
    return this.db.transaction("r", this.db.ledgerTables, async () => work(new DexieReader(this.db, this.cache, this.pagesPerRead)));
  }

  exportAll(): Promise<StoreSnapshot> {
    return this.db.transaction("r", this.db.ledgerTables, async () => {
      // Straight from the database (not the cache), in item order: what is stored, nothing else.
      const reader = new DexieReader(this.db, new BookCache(0), this.pagesPerRead);
      const items = (await this.db.bookState.toCollection().primaryKeys()) as string[];
      return {
        company: await reader.company(),
        items: await reader.items(),
        books: [...(await reader.books(items)).values()],
        glEntries: await reader.glEntries(),
      };
    });
  }

  /**
   * Clears every table and writes the snapshot inside ONE read-write transaction (excel.md §5: restore
   * replaces the store whole, no merging); entry owners are rebuilt from the books.
   */
  async replaceAll(snapshot: StoreSnapshot): Promise<void> {
    this.cache.clear();
    await this.db.transaction("rw", this.db.ledgerTables, async () => {
      await Promise.all(this.db.ledgerTables.map((table) => table.clear()));
      const writer = new DexieWriter(this.db, new BookCache(0), this.pagesPerRead, false);
      if (snapshot.company) await writer.putCompany(snapshot.company);
      if (snapshot.items.length > 0) await writer.putItems(snapshot.items);
      await writer.putBooks(snapshot.books);
      await writer.appendGLEntries(snapshot.glEntries);
    });
  }

  close(): void {
    this.db.close();
  }

  /** Removes the database (tests, "reset company"). */
  async destroy(): Promise<void> {
    await this.db.delete();
  }
}

/** IndexedDB may be evicted under storage pressure unless the page asks to persist (excel.md §5). */
async function requestPersistence(): Promise<boolean> {
  const storage = typeof navigator === "undefined" ? undefined : navigator.storage;
  if (!storage?.persist) return false;
  try {
    return (await storage.persisted?.()) || (await storage.persist());
  } catch {
    return false;
  }
}

/** One store per database name per page, even if the bundle's modules were duplicated (tooling notes §7.6). */
export function sharedDexieStore(name: string = DEFAULT_DATABASE_NAME): DexieLedgerStore {
  const page = globalThis as { __invDexieStores?: Map<string, DexieLedgerStore> };
  page.__invDexieStores ??= new Map();
  let store = page.__invDexieStores.get(name);
  if (!store) {
    store = new DexieLedgerStore(name);
    page.__invDexieStores.set(name, store);
  }
  return store;
}
