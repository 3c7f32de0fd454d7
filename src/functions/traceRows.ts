/**
 * The trace tree of inventory.md §13 (core traceItem) flattened into rows in tree order — each root, then
 * its children depth-first — with the level of each row, for INV.TRACE and the Item Tracing sheet
 * (excel.md §3.2 tblItemTrace). An entry already traced is kept as its own row, flagged, without children.
 */
import type { ItemBook } from "../core/book";
import { findEntry } from "../core/ledger/bookIndex";
import { traceItem, type TraceNode, type TraceQuery } from "../core/queries/trace";
import type { ItemLedgerEntry } from "../core/types";

export interface TraceRow {
  /** 1 for a root, +1 per step down the tree. */
  level: number;
  entry: ItemLedgerEntry;
  alreadyTraced: boolean;
  /** The vendor or customer of the entry's document, or the assembled item ("" when the entry names none). */
  sourceType: string;
  sourceNo: string;
}

function flatten(books: ReadonlyMap<string, ItemBook>, nodes: readonly TraceNode[], level: number, out: TraceRow[]): void {
  for (const node of nodes) {
    const book = books.get(node.item);
    const entry = book ? findEntry(book, node.entryNo) : undefined;
    if (!entry) continue;
    out.push({ level, entry, alreadyTraced: node.alreadyTraced, sourceType: entry.sourceType ?? "", sourceNo: entry.sourceNo ?? "" });
    flatten(books, node.children, level + 1, out);
  }
}

export function traceRows(books: ReadonlyMap<string, ItemBook>, query: TraceQuery): TraceRow[] {
  const rows: TraceRow[] = [];
  flatten(books, traceItem(books, query), 1, rows);
  return rows;
}
