/**
 * Writing adjustment value entries (costing.md §9.3 step 5, §9.4, §9.6): the difference between an
 * entry's target cost and its current cost, split between actual and expected by its invoiced
 * share, dated by the posting-date rule of §9.6.
 */
import type { ItemBook } from "../book";
import { addDays } from "../dates";
import { valuesOf } from "../ledger/bookIndex";
import { shareOf, type Money } from "../money";
import { createValue } from "../posting/entries";
import type { IsoDate, ItemLedgerEntry, ValueEntry } from "../types";
import type { Workspace } from "../workspace";

/** §9.6: the adjusted entry's date, moved out of closed inventory periods and up to allowPostingFrom. */
export function adjustmentPostingDate(ws: Workspace, date: IsoDate): IsoDate {
  let result = date;
  const closed = ws.company.closedInventoryPeriods.at(-1);
  if (closed && result <= closed) result = dayAfter(closed);
  const from = ws.company.generalLedgerSetup.allowPostingFrom;
  if (from && result < from) result = from;
  return result;
}

export function dayAfter(date: IsoDate): IsoDate {
  return addDays(date, 1);
}

export interface Target {
  total: Money;
  /** Part of the total that stems from revaluations of the sources. */
  revaluation: Money;
}

function lastOwnEntry(values: ValueEntry[], invoiced: boolean): ValueEntry | undefined {
  const own = values.filter((v) => !v.adjustment && v.entryType === "DirectCost" && (invoiced ? v.invoicedQuantity !== 0 : true));
  return invoiced ? own.at(-1) : own[0];
}

/** Brings the entry's cost (Rounding entries excluded) to the target. Returns true when it wrote anything. */
export function adjustEntryTo(ws: Workspace, book: ItemBook, entry: ItemLedgerEntry, target: Target, averaged = false): boolean {
  const values = valuesOf(book, entry.entryNo);
  let actual = 0;
  let expected = 0;
  let revaluation = 0;
  for (const v of values) {
    if (v.entryType === "Rounding") continue;
    actual += v.costAmountActual;
    expected += v.costAmountExpected;
    if (v.entryType === "Revaluation") revaluation += v.costAmountActual;
  }
  const invoiced = entry.invoicedQuantity;
  const actualTarget = invoiced === entry.quantity ? target.total : invoiced === 0 ? 0 : shareOf(target.total, invoiced, entry.quantity);
  const expectedTarget = target.total - actualTarget;
  let wrote = false;
  const actualDiff = actualTarget - actual;
  if (actualDiff !== 0) {
    const revaluationDiff = invoiced === entry.quantity ? target.revaluation - revaluation : 0;
    const direct = actualDiff - revaluationDiff;
    const source = lastOwnEntry(values, true) ?? values[0];
    if (direct !== 0) writeAdjustment(ws, book, entry, source, "DirectCost", direct, 0, averaged);
    if (revaluationDiff !== 0) writeAdjustment(ws, book, entry, source, "Revaluation", revaluationDiff, 0, averaged);
    wrote = true;
  }
  const expectedDiff = expectedTarget - expected;
  if (expectedDiff !== 0) {
    const source = lastOwnEntry(values, false) ?? values[0];
    writeAdjustment(ws, book, entry, source, "DirectCost", 0, expectedDiff, averaged);
    wrote = true;
  }
  return wrote;
}

function writeAdjustment(
  ws: Workspace,
  book: ItemBook,
  entry: ItemLedgerEntry,
  source: ValueEntry | undefined,
  type: "DirectCost" | "Revaluation",
  actual: Money,
  expected: Money,
  averaged: boolean,
): void {
  const sourceDate = source?.postingDate ?? entry.postingDate;
  createValue(ws, book, entry, {
    entryType: type,
    postingDate: adjustmentPostingDate(ws, sourceDate),
    valuationDate: source?.valuationDate ?? entry.postingDate,
    valuedQuantity: entry.quantity,
    costAmountActual: actual,
    costAmountExpected: expected,
    expectedCost: actual === 0 && expected !== 0,
    adjustment: true,
    appliesToValueEntry: source?.entryNo ?? null,
    valuedByAverageCost: averaged,
  });
}
