/**
 * Rounding entries (costing.md §10): when an inbound is completely invoiced and fully applied, what
 * its outbounds' rounded shares leave of its cost is written as a Rounding value entry on it.
 */
import type { ItemBook } from "../book";
import { findEntry, indexOf, totalCost, valuesOf } from "../ledger/bookIndex";
import { createValue } from "../posting/entries";
import type { Item, ItemLedgerEntry } from "../types";
import type { Workspace } from "../workspace";
import { adjustmentPostingDate } from "./adjustEntry";
import { shareOfInbound } from "./shares";

function qualifies(book: ItemBook, item: Item, inbound: ItemLedgerEntry, pending: Set<number>): boolean {
  if (!inbound.positive || !inbound.inventoriable || inbound.remainingQuantity !== 0) return false;
  if (inbound.invoicedQuantity !== inbound.quantity) return false;
  const applications = indexOf(book).appsByInbound.get(inbound.entryNo) ?? [];
  if (applications.length === 0) return false;
  // An outbound still waiting for adjustment (beyond an untilDate) may change its share later.
  if (applications.some((a) => pending.has(a.outboundEntryNo))) return false;
  if (item.costingMethod !== "Average") return true;
  // Average: only an inbound whose applications are all fixed (average-cost exceptions, §8.2).
  return applications.every((a) => findEntry(book, a.outboundEntryNo)?.appliesToEntry === inbound.entryNo);
}

export function writeRounding(ws: Workspace, book: ItemBook, item: Item, candidates: Set<number>): void {
  const pending = new Set(book.marks.entries);
  for (const entryNo of [...candidates].sort((a, b) => a - b)) {
    const inbound = findEntry(book, entryNo);
    if (!inbound || !qualifies(book, item, inbound, pending)) continue;
    let residual = totalCost(book, entryNo);
    for (const application of indexOf(book).appsByInbound.get(entryNo) ?? []) {
      const outbound = findEntry(book, application.outboundEntryNo) ?? null;
      residual += shareOfInbound(book, inbound, outbound, application.quantity).total;
    }
    if (residual === 0) continue;
    const lastInvoiced = valuesOf(book, entryNo).filter((v) => v.invoicedQuantity !== 0 && !v.adjustment).at(-1);
    createValue(ws, book, inbound, {
      entryType: "Rounding",
      postingDate: adjustmentPostingDate(ws, lastInvoiced?.postingDate ?? inbound.postingDate),
      valuationDate: lastInvoiced?.valuationDate ?? inbound.postingDate,
      valuedQuantity: 0,
      costAmountActual: -residual,
      adjustment: true,
    });
  }
}
