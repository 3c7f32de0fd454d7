/**
 * Value-entry helpers shared by the posting modules: the split of a receipt or shipment between
 * expected and actual cost (costing.md §6.3), overhead (§13) and valuation dates (§7).
 */
import type { ItemBook } from "../book";
import { indexOf, valuesOf } from "../ledger/bookIndex";
import { divRoundBig, shareOf, type Money, type Qty } from "../money";
import type { IsoDate, Item, ItemLedgerEntry } from "../types";
import type { Workspace } from "../workspace";
import { createValue } from "./entries";

/**
 * Writes the first value of an entry whose cost is `total` (signed) and whose invoiced share is
 * `invoiced` of its quantity: actual when fully invoiced, expected when not invoiced, and for a
 * partial invoice the receipt/shipment at expected cost followed by an invoice of the share.
 */
export function writeSplitValue(
  ws: Workspace,
  book: ItemBook,
  entry: ItemLedgerEntry,
  total: Money,
  invoiced: Qty,
  valuationDate: IsoDate,
  valuedByAverageCost = false,
): void {
  const quantity = entry.quantity;
  const sign = Math.sign(quantity);
  const base = { postingDate: entry.postingDate, valuationDate, valuedQuantity: quantity, valuedByAverageCost };
  if (invoiced >= Math.abs(quantity)) {
    createValue(ws, book, entry, { ...base, entryType: "DirectCost", invoicedQuantity: quantity, costAmountActual: total });
    return;
  }
  createValue(ws, book, entry, { ...base, entryType: "DirectCost", costAmountExpected: total, expectedCost: true });
  if (invoiced > 0) moveExpectedToActual(ws, book, entry, sign * invoiced, entry.postingDate);
}

/** The not-invoiced quantity of an entry (signed like the entry). */
export function notInvoiced(entry: ItemLedgerEntry): Qty {
  return entry.quantity - entry.invoicedQuantity;
}

/** Σ expected cost of an entry, without revaluation entries (those are reversed on their own, §11.3). */
export function remainingExpected(book: ItemBook, entryNo: number): Money {
  return valuesOf(book, entryNo)
    .filter((v) => v.entryType !== "Revaluation")
    .reduce((sum, v) => sum + v.costAmountExpected, 0);
}

/** The share of expected cost that an invoice of q (signed) reverses: X × q / N, all of X for the rest. */
export function expectedShare(expected: Money, q: Qty, open: Qty): Money {
  return q === open ? expected : shareOf(expected, q, open);
}

/** An invoice of q (signed) on an outbound or non-purchase inbound: its expected cost becomes actual. */
export function moveExpectedToActual(ws: Workspace, book: ItemBook, entry: ItemLedgerEntry, q: Qty, date: IsoDate): void {
  const share = expectedShare(remainingExpected(book, entry.entryNo), q, notInvoiced(entry));
  createValue(ws, book, entry, {
    entryType: "DirectCost",
    postingDate: date,
    valuationDate: valuationDateOf(book, entry),
    valuedQuantity: q,
    invoicedQuantity: q,
    costAmountActual: share,
    costAmountExpected: -share,
    valuedByAverageCost: valuesOf(book, entry.entryNo)[0]?.valuedByAverageCost ?? false,
  });
}

/** Overhead of an invoiced quantity q with direct cost C: round(C × indirect% / 100 + q × overhead rate) (§13). */
export function indirectCost(item: Item, direct: Money, q: Qty): Money {
  // Money 1e-2 × percent 1e-5 / 100 → 1e-2 needs / 1e7; Qty 1e-5 × UnitCost 1e-5 → 1e-2 needs / 1e8.
  const numerator = BigInt(direct) * BigInt(item.indirectCostPercent) * 10n + BigInt(q) * BigInt(item.overheadRate);
  return Number(divRoundBig(numerator, 100_000_000n));
}

/** The valuation date an entry's values carry now (its first value entry's). */
export function valuationDateOf(book: ItemBook, entry: ItemLedgerEntry): IsoDate {
  return valuesOf(book, entry.entryNo)[0]?.valuationDate ?? entry.postingDate;
}

/**
 * Outbound valuation date (§7): the later of its posting date and the latest valuation date among
 * the value entries of the inbound entries it is applied to.
 */
export function outboundValuationDate(book: ItemBook, outbound: ItemLedgerEntry): IsoDate {
  let date = outbound.postingDate;
  for (const application of indexOf(book).appsByOutbound.get(outbound.entryNo) ?? []) {
    for (const value of valuesOf(book, application.inboundEntryNo)) {
      if (value.valuationDate > date) date = value.valuationDate;
    }
  }
  return date;
}

/** Moves all value entries of an outbound to its valuation date when it changed (§7). */
export function refreshOutboundValuationDate(book: ItemBook, outbound: ItemLedgerEntry): boolean {
  const date = outboundValuationDate(book, outbound);
  const values = valuesOf(book, outbound.entryNo);
  if (values.every((v) => v.valuationDate === date)) return false;
  for (const value of values) value.valuationDate = date;
  book.version += 1;
  return true;
}
