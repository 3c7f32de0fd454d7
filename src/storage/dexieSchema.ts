/**
 * IndexedDB layout of the ledger, shaped by the benchmark targets (excel.md §2.3, issue 7) and the measured
 * cost of IndexedDB: the per-record cost dominates, so rows are packed 1,000 to a record.
 *
 * Version 2: an item book is a small state record (`bookState`: card cost, marks, version, row counts and a
 * store revision) plus pages of PAGE_ROWS rows per ledger (`bookPages`). A command reads the state records
 * first; a book whose revision the store has cached is not read again (bookCache.ts). Version 1 kept one
 * record per whole book (`books`); opening a version 1 database upgrades it in place.
 * Version 3 (this one) indexes the state records by `unadjusted` (0 or 1: IndexedDB cannot index booleans),
 * so a company-wide Adjust Cost finds its items without reading every state record (bench P2: scanning 201
 * state records with a cursor was ~15 ms of a ~120 ms adjustment).
 * Entry owners and G/L entries stay in chunks of 1,000.
 */
import Dexie, { type Table, type Transaction } from "dexie";
import type { ItemBook } from "../core/book";
import type { Company } from "../core/company";
import type { GLEntry, Item } from "../core/types";
import { bookRecords, type BookPageRow, type BookStateRow } from "./bookPages";

export const CHUNK_SIZE = 1000;

/** The one company row. */
export interface CompanyRow {
  slot: 0;
  company: Company;
}

/** Owners of item ledger entries chunkNo×1000 … chunkNo×1000+999: the item number, or null when unused. */
export interface EntryOwnerChunk {
  chunkNo: number;
  owners: (string | null)[];
}

/** G/L entries whose numbers fall in chunkNo×1000 … chunkNo×1000+999, ascending. */
export interface GLChunk {
  chunkNo: number;
  entries: GLEntry[];
}

export const chunkOf = (entryNo: number): number => Math.floor(entryNo / CHUNK_SIZE);
export const slotOf = (entryNo: number): number => entryNo % CHUNK_SIZE;

const V1_STORES = { company: "slot", items: "no", books: "item", entryOwners: "chunkNo", gl: "chunkNo" };
const V2_STORES = { company: "slot", items: "no", books: null, bookState: "item", bookPages: "[item+kind+page]", entryOwners: "chunkNo", gl: "chunkNo" };
const V3_STORES = { bookState: "item, unadjusted" };

/** Version 1 → 2: every whole-book record becomes its state record and pages; nothing else moves. */
async function upgradeToPagedBooks(tx: Transaction): Promise<void> {
  const books = (await tx.table("books").toArray()) as ItemBook[];
  const states: BookStateRow[] = [];
  const pages: BookPageRow[] = [];
  for (const book of books) {
    const records = bookRecords(book, 1);
    states.push(records.state);
    pages.push(...records.pages);
  }
  await tx.table("bookState").bulkPut(states);
  await tx.table("bookPages").bulkPut(pages);
}

/** Version 2 → 3: the state records' `unadjusted` flag becomes the number the new index can hold. */
async function upgradeToIndexedAdjustment(tx: Transaction): Promise<void> {
  await tx
    .table("bookState")
    .toCollection()
    .modify((state: { unadjusted: unknown }) => {
      state.unadjusted = state.unadjusted ? 1 : 0;
    });
}

export class LedgerDatabase extends Dexie {
  company!: Table<CompanyRow, 0>;
  items!: Table<Item, string>;
  bookState!: Table<BookStateRow, string>;
  bookPages!: Table<BookPageRow, [string, string, number]>;
  entryOwners!: Table<EntryOwnerChunk, number>;
  gl!: Table<GLChunk, number>;

  constructor(name: string, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(V1_STORES);
    this.version(2).stores(V2_STORES).upgrade(upgradeToPagedBooks);
    this.version(3).stores(V3_STORES).upgrade(upgradeToIndexedAdjustment);
  }

  /** Every table: transactions span all of them so a posting is one atomic unit. */
  get ledgerTables(): Table[] {
    return [this.company, this.items, this.bookState, this.bookPages, this.entryOwners, this.gl];
  }
}

/** The version 1 layout alone (tests write a version 1 database with it, then open it as the current one). */
export class LedgerDatabaseV1 extends Dexie {
  constructor(name: string, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(V1_STORES);
  }
}

/** The version 2 layout (tests write a version 2 database with it, then open it as the current one). */
export class LedgerDatabaseV2 extends Dexie {
  constructor(name: string, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(V1_STORES);
    this.version(2).stores(V2_STORES);
  }
}
