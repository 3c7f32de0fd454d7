/**
 * An item book as stored records (dexieSchema.ts, versions 2 and 3): one small state record with everything but
 * the three ledgers, and the ledgers cut into pages of PAGE_ROWS rows. A page holds rows in the book's
 * order, so reading the pages of a book in page order gives back its arrays unchanged.
 *
 * A page keeps its rows as one JSON text. Measured in headless Chromium on this machine (bench P1), writing
 * the same rows as one JSON text per 1,000 rows took about half the time of 1,000 cloned objects per record,
 * and a ninth of one record per row: IndexedDB's structured clone pays per object and field, a string is
 * copied whole. Which pages a write must rewrite is found by comparing rows with their baseline (bookBaseline.ts),
 * not by serialising the book.
 */
import type { ItemBook } from "../core/book";
import { hasMarks } from "../core/costing/marks";
import { StringPool } from "./stringPool";

export type LedgerKind = "entries" | "values" | "applications";
export const LEDGER_KINDS: readonly LedgerKind[] = ["entries", "values", "applications"];
/** Rows per page: a command rewrites the last, partly filled page of each ledger it appends to, so pages stay small (bench P1: 1,000-row pages made 10 journals rewrite ~5× the rows they added). */
export const PAGE_ROWS = 250;

/** Everything of a book but its ledgers (card cost, marks, version, and whatever fields a book gains). */
export type BookHead = Omit<ItemBook, LedgerKind>;

export interface BookStateRow {
  item: string;
  /** Store revision: +1 on every write of the book. A cached copy is trusted only at the revision it was read at. */
  rev: number;
  head: BookHead;
  /** Rows per ledger (pages = ⌈rows / PAGE_ROWS⌉). */
  counts: Record<LedgerKind, number>;
  /** 1 when cost adjustment has work on the item: not adjusted, or marks left (adjustCost's scope); indexed, so a number. */
  unadjusted: 0 | 1;
}

export interface BookPageRow {
  item: string;
  kind: LedgerKind;
  page: number;
  /** JSON text of the page's rows. */
  text: string;
}

export type PageKey = [string, LedgerKind, number];

/**
 * Chromium keeps an IndexedDB value of 64 KiB or more as a blob file and smaller ones inside its LevelDB:
 * measured here (headless Chromium 156), 12 MB of 40–63 KiB values took 0.8–1.4 s to write and ~3 s to read,
 * the same bytes as 70 KiB–1 MiB values 40–340 ms and 80–680 ms: a padded page costs about what 4 KiB cost
 * inline. So a page text from 8 KiB up is padded with spaces (JSON ignores them) to just over the threshold;
 * smaller pages stay small on disk (at most 8× their size is spent on padding).
 */
const BLOB_THRESHOLD_CHARS = 65_600;
const PAD_FROM_CHARS = 8_192;

export function pageText(rows: readonly unknown[]): string {
  const text = JSON.stringify(rows);
  return text.length >= PAD_FROM_CHARS && text.length < BLOB_THRESHOLD_CHARS ? text + " ".repeat(BLOB_THRESHOLD_CHARS - text.length) : text;
}

export const pageCount = (rows: number): number => Math.ceil(rows / PAGE_ROWS);

export function needsAdjustment(book: ItemBook): boolean {
  return !book.costIsAdjusted || hasMarks(book);
}

export function headOf(book: ItemBook): BookHead {
  const { entries: _entries, values: _values, applications: _applications, ...head } = book;
  return head;
}

export function stateOf(book: ItemBook, rev: number): BookStateRow {
  return {
    item: book.item,
    rev,
    head: headOf(book),
    counts: { entries: book.entries.length, values: book.values.length, applications: book.applications.length },
    unadjusted: needsAdjustment(book) ? 1 : 0,
  };
}

export function pagesOf(book: ItemBook, kind: LedgerKind): BookPageRow[] {
  const rows: readonly unknown[] = book[kind];
  const pages: BookPageRow[] = [];
  for (let page = 0; page * PAGE_ROWS < rows.length; page++) {
    pages.push({ item: book.item, kind, page, text: pageText(rows.slice(page * PAGE_ROWS, (page + 1) * PAGE_ROWS)) });
  }
  return pages;
}

export interface BookRecords {
  state: BookStateRow;
  /** Every page of the book. */
  pages: BookPageRow[];
}

/** The state record and every page (a whole book written afresh: upgrade, restore, a book without baseline). */
export function bookRecords(book: ItemBook, rev: number): BookRecords {
  return { state: stateOf(book, rev), pages: LEDGER_KINDS.flatMap((kind) => pagesOf(book, kind)) };
}

/** The listed pages of one ledger (page numbers ascending or not; each is serialised once). */
export function selectedPages(book: ItemBook, kind: LedgerKind, pages: Iterable<number>): BookPageRow[] {
  const rows: readonly unknown[] = book[kind];
  const selected: BookPageRow[] = [];
  for (const page of pages) selected.push({ item: book.item, kind, page, text: pageText(rows.slice(page * PAGE_ROWS, (page + 1) * PAGE_ROWS)) });
  return selected;
}

export function pageKeys(state: BookStateRow): PageKey[] {
  const keys: PageKey[] = [];
  for (const kind of LEDGER_KINDS) for (let page = 0; page < pageCount(state.counts[kind]); page++) keys.push([state.item, kind, page]);
  return keys;
}

/**
 * The book of a state record from its pages, in page order (`pages` as pageKeys(state) listed them). Equal
 * strings of its rows become one string of `pool` (pass one pool for all books of a load to share across them).
 */
export function assembleBook(state: BookStateRow, pages: readonly (BookPageRow | undefined)[], pool = new StringPool()): ItemBook {
  const parsed: Record<LedgerKind, unknown[][]> = { entries: [], values: [], applications: [] };
  for (const page of pages) {
    if (!page) throw new Error(`A page of item ${state.item}'s book is missing from the store`);
    const rows = JSON.parse(page.text) as Record<string, unknown>[];
    pool.internRows(rows);
    parsed[page.kind].push(rows);
  }
  // One concat per ledger gives an array of exactly its length (pushing row by row leaves up to half again as spare capacity).
  const ledgers: Record<LedgerKind, unknown[]> = { entries: [], values: [], applications: [] };
  for (const kind of LEDGER_KINDS) {
    ledgers[kind] = ledgers[kind].concat(...parsed[kind]);
    if (ledgers[kind].length !== state.counts[kind]) throw new Error(`Item ${state.item}'s ${kind} hold ${ledgers[kind].length} rows, its state says ${state.counts[kind]}`);
  }
  return { ...state.head, ...(ledgers as Pick<ItemBook, LedgerKind>) };
}
