/**
 * IndexedDB layout of the ledger (schema version 1), shaped by the benchmark targets (excel.md §2.3) and
 * the measured cost of IndexedDB: the per-record cost dominates, so rows are packed — one record per item
 * book, and entry owners and G/L entries in chunks of 1,000 (≈100× faster than a record per row).
 */
import Dexie, { type Table } from "dexie";
import type { ItemBook } from "../core/book";
import type { Company } from "../core/company";
import type { GLEntry, Item } from "../core/types";

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

export class LedgerDatabase extends Dexie {
  company!: Table<CompanyRow, 0>;
  items!: Table<Item, string>;
  books!: Table<ItemBook, string>;
  entryOwners!: Table<EntryOwnerChunk, number>;
  gl!: Table<GLChunk, number>;

  constructor(name: string, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      company: "slot",
      items: "no",
      books: "item",
      entryOwners: "chunkNo",
      gl: "chunkNo",
    });
  }

  /** Every table: transactions span all of them so a posting is one atomic unit. */
  get ledgerTables(): Table[] {
    return [this.company, this.items, this.books, this.entryOwners, this.gl];
  }
}
