/**
 * What the store holds of a book's rows, kept beside the cached book so a write finds the pages that
 * changed without serialising the book (issue 7, P2). The engine mutates existing rows in place
 * (remaining quantity, open, invoiced quantity, posted-to-G/L amounts, applications closed or removed ...)
 * and appends new ones; instead of marking every such site, the store keeps a shallow copy of each row
 * as written and compares field by field. The comparison is exact: a page is rewritten when any of its
 * rows differs in any field (a nested part — assembly links — is compared as its JSON text), and a false
 * "changed" only costs a page write. Comparing touches no text, so it costs a fraction of the JSON
 * serialisation it replaces; the serialisation is left to the pages that changed.
 */
import type { ItemBook } from "../core/book";
import { LEDGER_KINDS, PAGE_ROWS, pageCount, pagesOf, selectedPages, type BookPageRow, type LedgerKind } from "./bookPages";

type Row = Record<string, unknown>;

/** A nested part of a row as it was written: its JSON text (the row's copy must not share the live object). */
class NestedText {
  constructor(readonly json: string) {}
}

/** One ledger's rows as stored: a shallow copy per row, and its number of own fields. */
interface LedgerBaseline {
  rows: Row[];
  sizes: number[];
}

/**
 * Either row copies or the stored page texts. A book just loaded or written whole keeps its page texts (free:
 * the store has them) and is compared by serialising; it gets row copies when it is lent to a later write.
 */
export interface BookBaseline {
  copies: Record<LedgerKind, LedgerBaseline> | null;
  texts: Record<LedgerKind, string[]> | null;
}

export function textBaseline(pages: readonly BookPageRow[]): BookBaseline {
  const texts: Record<LedgerKind, string[]> = { entries: [], values: [], applications: [] };
  for (const page of pages) texts[page.kind][page.page] = page.text;
  return { copies: null, texts };
}

/** Estimated heap of a baseline: `rowBytes` a row copy, or one byte a character of the page texts it keeps. */
export function baselineBytes(baseline: BookBaseline, rowBytes: number): number {
  let bytes = 0;
  for (const kind of LEDGER_KINDS) {
    if (baseline.copies) bytes += baseline.copies[kind].rows.length * rowBytes;
    else for (const text of baseline.texts?.[kind] ?? []) bytes += text?.length ?? 0;
  }
  return bytes;
}

/** Row copies for a book whose rows are all as stored (it is about to be lent to a command). */
export function withRowCopies(baseline: BookBaseline, book: ItemBook): void {
  if (baseline.copies) return;
  baseline.copies = baselineOf(book);
  baseline.texts = null;
}

/** The pages to put for a book and the baseline brought to what they store. */
export function pagesToPut(book: ItemBook, baseline: BookBaseline): BookPageRow[] {
  if (baseline.copies) {
    const pages = changedPages(book, baseline.copies);
    refreshBaseline(book, baseline.copies, pages);
    return LEDGER_KINDS.flatMap((kind) => selectedPages(book, kind, pages[kind]));
  }
  const texts = baseline.texts ?? { entries: [], values: [], applications: [] };
  const put: BookPageRow[] = [];
  for (const kind of LEDGER_KINDS) {
    const stored = texts[kind];
    for (const page of pagesOf(book, kind)) {
      if (stored[page.page] !== page.text) put.push(page);
      stored[page.page] = page.text;
    }
    stored.length = pageCount(book[kind].length);
  }
  return put;
}

type RowCopies = Record<LedgerKind, LedgerBaseline>;

/** Page numbers per ledger that a write must put. */
export type ChangedPages = Record<LedgerKind, number[]>;

function copyRow(row: Row): { copy: Row; size: number } {
  // A spread copy shares the row's shape, so comparing the two later stays on V8's fast property path.
  const copy: Row = { ...row };
  let size = 0;
  for (const key in copy) {
    const field = copy[key];
    if (typeof field === "object" && field !== null) copy[key] = new NestedText(JSON.stringify(field));
    size++;
  }
  return { copy, size };
}

function sameRow(row: Row, stored: Row, storedSize: number): boolean {
  let size = 0;
  for (const key in row) {
    const field = row[key];
    const was = stored[key];
    if (field !== was) {
      if (typeof field !== "object" || field === null || !(was instanceof NestedText) || was.json !== JSON.stringify(field)) return false;
    }
    size++;
  }
  return size === storedSize;
}

/** The baseline of a book whose every row is as stored (just loaded from, or just written to, the store). */
export function baselineOf(book: ItemBook): RowCopies {
  const baseline: RowCopies = { entries: { rows: [], sizes: [] }, values: { rows: [], sizes: [] }, applications: { rows: [], sizes: [] } };
  for (const kind of LEDGER_KINDS) {
    const rows = book[kind] as unknown as Row[];
    const target = baseline[kind];
    for (const row of rows) {
      const { copy, size } = copyRow(row);
      target.rows.push(copy);
      target.sizes.push(size);
    }
  }
  return baseline;
}

/** Pages of each ledger holding a row that differs from the baseline, or a row the baseline lacks. */
export function changedPages(book: ItemBook, baseline: RowCopies): ChangedPages {
  const changed: ChangedPages = { entries: [], values: [], applications: [] };
  for (const kind of LEDGER_KINDS) {
    const rows = book[kind] as unknown as Row[];
    const { rows: stored, sizes } = baseline[kind];
    for (let first = 0; first < rows.length; first += PAGE_ROWS) {
      const end = Math.min(first + PAGE_ROWS, rows.length);
      for (let at = first; at < end; at++) {
        if (at >= stored.length || !sameRow(rows[at], stored[at], sizes[at])) {
          changed[kind].push(first / PAGE_ROWS);
          break;
        }
      }
    }
  }
  return changed;
}

/** Brings the baseline to what was just written: the rows of the changed pages copied again, the ledgers cut to length. */
export function refreshBaseline(book: ItemBook, baseline: RowCopies, changed: ChangedPages): void {
  for (const kind of LEDGER_KINDS) {
    const rows = book[kind] as unknown as Row[];
    const target = baseline[kind];
    target.rows.length = Math.min(target.rows.length, rows.length);
    target.sizes.length = target.rows.length;
    for (const page of changed[kind]) {
      for (let at = page * PAGE_ROWS; at < Math.min((page + 1) * PAGE_ROWS, rows.length); at++) {
        const { copy, size } = copyRow(rows[at]);
        target.rows[at] = copy;
        target.sizes[at] = size;
      }
    }
  }
}
