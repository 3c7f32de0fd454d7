/**
 * Adjustment markers (costing.md §9.2): what the next cost adjustment run must revisit. Postings
 * mark; adjustment consumes the marks, so a run never replays the whole ledger.
 */
import type { ItemBook } from "../book";
import type { InventorySetup, IsoDate, ItemLedgerEntry } from "../types";
import type { Workspace } from "../workspace";

/** Marks every group of the item: used after a change of the average cost grouping. */
export const ALL_GROUPS = "*";

export function averageGroupKey(setup: InventorySetup, entry: Pick<ItemLedgerEntry, "location" | "variant">): string {
  return setup.averageCostCalcType === "Item" ? "" : `${entry.location}|${entry.variant}`;
}

/** An inbound whose value changed: the entries applied to it must be revisited. */
// Marks may repeat a number (checking would cost a scan per posting); adjustment de-duplicates.
export function markInbound(book: ItemBook, entryNo: number): void {
  if (book.marks.inbounds.at(-1) !== entryNo) book.marks.inbounds.push(entryNo);
  book.costIsAdjusted = false;
}

/** An outbound or follower that must be revisited regardless of its sources. */
export function markEntry(book: ItemBook, entryNo: number): void {
  if (book.marks.entries.at(-1) !== entryNo) book.marks.entries.push(entryNo);
  book.costIsAdjusted = false;
}

/** Average: the group's periods from this valuation date on need recalculation. */
export function markAverage(book: ItemBook, group: string, from: IsoDate): void {
  const current = book.marks.averageFrom[group];
  if (current === undefined || from < current) book.marks.averageFrom[group] = from;
  book.costIsAdjusted = false;
}

export function hasMarks(book: ItemBook): boolean {
  return book.marks.inbounds.length > 0 || book.marks.entries.length > 0 || Object.keys(book.marks.averageFrom).length > 0;
}

/** Order-level detection (§9.2): a consumption whose cost changed marks its assembly output. */
export function forwardToAssembly(ws: Workspace, entry: ItemLedgerEntry): void {
  const link = entry.assemblyOutput;
  if (!link || !ws.book(link.item)) return;
  markEntry(ws.bookForUpdate(link.item), link.entryNo);
}
