/**
 * The storage port: the only way the domain reaches stored data. Implementations live in
 * src/storage/ (Dexie over IndexedDB, and an in-memory store for tests, scenarios and the workbench
 * without persistence). Every method hands out copies: the domain may mutate what it loads, and
 * nothing reaches the store unless a transaction's writes complete.
 */
import type { ItemBook } from "./book";
import type { Company } from "./company";
import type { GLEntry, Item } from "./types";

export interface LedgerReader {
  company(): Promise<Company | undefined>;
  /** Item cards by number (all items when `nos` is omitted), sorted by number. */
  items(nos?: readonly string[]): Promise<Item[]>;
  /** Item books by item number; items without entries get no book. */
  books(items: readonly string[]): Promise<Map<string, ItemBook>>;
  /** The item that owns an item ledger entry number, if the entry exists. */
  entryOwner(entryNo: number): Promise<string | undefined>;
  /** G/L entries with entry number > `afterEntryNo`, ascending. */
  glEntries(afterEntryNo?: number): Promise<GLEntry[]>;
  /**
   * Items whose book is not cost-adjusted or still carries adjustment marks: all a company-wide Adjust
   * Cost has to load (issue 7, P2). Optional: without it the service loads every item.
   */
  unadjustedItems?(): Promise<string[]>;
}

export interface LedgerWriter {
  putCompany(company: Company): Promise<void>;
  putItems(items: readonly Item[]): Promise<void>;
  /** Stores books; `ownedEntries` lists new item ledger entry numbers per item for entryOwner. */
  putBooks(books: readonly ItemBook[]): Promise<void>;
  appendGLEntries(entries: readonly GLEntry[]): Promise<void>;
}

export interface LedgerTransaction extends LedgerReader, LedgerWriter {}

export interface LedgerStore {
  /** Runs `work` as one atomic unit: every write inside lands, or (on a throw) none does. */
  transact<T>(work: (tx: LedgerTransaction) => Promise<T>): Promise<T>;
  /** Runs `work` over one consistent read-only snapshot. */
  read<T>(work: (tx: LedgerReader) => Promise<T>): Promise<T>;
  /** A full, ordered export of every stored record, for snapshots ("nothing written") and backup. */
  exportAll(): Promise<StoreSnapshot>;
  /**
   * Replaces every stored record with `snapshot` in one atomic unit (restore, excel.md §5): afterwards
   * `exportAll()` returns the snapshot; on a throw the store is exactly as before. No merging.
   */
  replaceAll(snapshot: StoreSnapshot): Promise<void>;
}

export interface StoreSnapshot {
  company: Company | undefined;
  items: Item[];
  books: ItemBook[];
  glEntries: GLEntry[];
}
