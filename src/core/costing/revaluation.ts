/**
 * Revaluation journal (costing.md §11): the revaluable quantity of each inbound entry as of a date,
 * its calculated value, and a Revaluation value entry for the difference to the new value.
 */
import type { ItemBook } from "../book";
import { periodOf } from "../dates";
import { indexOf, valuesOf } from "../ledger/bookIndex";
import { amountOf, divRoundBig, money, shareOf, unitCost, unitCostOf, type Money, type Qty } from "../money";
import { createValue } from "../posting/entries";
import { checkOpenPeriod, refuse, requireEntry, requireItem } from "../posting/guards";
import type { IsoDate, Item, ItemLedgerEntry } from "../types";
import type { Workspace } from "../workspace";
import { adjustItem } from "./adjust";
import { averageGroupKey, hasMarks, markAverage, markInbound } from "./marks";

export interface RevalueInput {
  date: IsoDate;
  item: string;
  location?: string;
  entryNo?: number;
  newUnitCost?: number;
  newInventoryValue?: number;
}

interface Line {
  entry: ItemLedgerEntry;
  quantity: Qty;
  calculated: Money;
}

/** qtyAsOf(I, D) = I.quantity − quantity applied to outbounds posted on or before D (§11.1). */
function quantityAsOf(book: ItemBook, entry: ItemLedgerEntry, date: IsoDate): Qty {
  const index = indexOf(book);
  let quantity = entry.quantity;
  for (const a of index.appsByInbound.get(entry.entryNo) ?? []) {
    const outbound = index.entry.get(a.outboundEntryNo);
    if (outbound && outbound.postingDate <= date) quantity += a.quantity;
  }
  return quantity;
}

/** Value of q units of I at D: non-revaluation cost per unit plus earlier revaluations per unit (§11.2). */
function calculatedValue(book: ItemBook, entry: ItemLedgerEntry, q: Qty, date: IsoDate): Money {
  let base = 0;
  let n = 0n;
  let d = 1n;
  for (const v of valuesOf(book, entry.entryNo)) {
    if (v.valuationDate > date) continue;
    if (v.entryType === "Revaluation" && !v.adjustment) {
      if (v.valuedQuantity === 0) continue;
      const rq = BigInt(v.valuedQuantity);
      n = n * rq + BigInt(v.costAmountActual + v.costAmountExpected) * d;
      d = d * rq;
    } else if (v.entryType !== "Rounding") {
      base += v.costAmountActual + v.costAmountExpected;
    }
  }
  const iq = BigInt(entry.quantity);
  // q × (base / I.quantity + n / d), rounded once.
  return Number(divRoundBig(BigInt(q) * (BigInt(base) * d + n * iq), iq * d));
}

function revaluationLines(ws: Workspace, book: ItemBook, item: Item, input: RevalueInput): Line[] {
  const lines: Line[] = [];
  for (const entry of book.entries) {
    if (!entry.positive || !entry.inventoriable || entry.postingDate > input.date) continue;
    if (input.location !== undefined && entry.location !== input.location) continue;
    if (input.entryNo !== undefined && entry.entryNo !== input.entryNo) continue;
    if (item.costingMethod !== "Standard" && entry.invoicedQuantity !== entry.quantity) continue;
    const quantity = quantityAsOf(book, entry, input.date);
    if (quantity > 0) lines.push({ entry, quantity, calculated: calculatedValue(book, entry, quantity, input.date) });
  }
  if (item.costingMethod === "Average" && input.entryNo === undefined) spreadAverageValue(ws, book, lines, input.date);
  return lines;
}

/** Average items revalued per item: the group's value at D (after adjustment) replaces the entries' own cost (§11.2). */
function spreadAverageValue(ws: Workspace, book: ItemBook, lines: Line[], date: IsoDate): void {
  const total = lines.reduce((s, l) => s + l.quantity, 0);
  if (total === 0) return;
  const keys = new Set(lines.map((l) => averageGroupKey(ws.company.inventorySetup, l.entry)));
  let value = 0;
  let quantity = 0;
  for (const entry of book.entries) {
    if (!entry.inventoriable || !keys.has(averageGroupKey(ws.company.inventorySetup, entry))) continue;
    for (const v of valuesOf(book, entry.entryNo)) {
      if (v.valuationDate > date) continue;
      value += v.costAmountActual + v.costAmountExpected;
      quantity += v.itemLedgerEntryQuantity;
    }
  }
  if (quantity <= 0) return;
  const groupValue = shareOf(value, total, quantity);
  spread(lines, groupValue, (line, amount) => (line.calculated = amount));
}

/** Spreads an amount over the lines by quantity; the last line (by entry number) takes the residual. */
function spread(lines: Line[], amount: Money, assign: (line: Line, amount: Money) => void): void {
  const total = lines.reduce((s, l) => s + l.quantity, 0);
  let left = amount;
  lines.forEach((line, i) => {
    const share = i === lines.length - 1 ? left : shareOf(amount, line.quantity, total);
    left -= share;
    assign(line, share);
  });
}

export function revalue(ws: Workspace, input: RevalueInput): void {
  const item = requireItem(ws, input.item);
  if (item.blocked) refuse(`Item ${item.no} is blocked`, "item");
  if (item.type !== "Inventory") refuse(`Item ${item.no} is not an inventory item: revaluation is not allowed for item type ${item.type}`, "item");
  checkOpenPeriod(ws, input.date);
  if (input.entryNo !== undefined && requireEntry(ws, input.entryNo).item.no !== item.no) {
    refuse(`Item ledger entry ${input.entryNo} belongs to another item`, "entryNo");
  }
  const setup = ws.company.inventorySetup;
  if (item.costingMethod === "Average" && input.entryNo === undefined && periodOf(input.date, setup.averageCostPeriod, ws.company.accountingPeriods).end !== input.date) {
    refuse("Average cost items can only be revalued at the end of an average cost period", "date");
  }
  const book = ws.bookForUpdate(item.no);
  // The group value of an Average item is its value after adjustment (§11.2): adjust up to the date first.
  if (item.costingMethod === "Average" && input.entryNo === undefined && hasMarks(book)) {
    adjustItem(ws, item, book, { untilDate: input.date });
  }
  const lines = revaluationLines(ws, book, item, input).sort((a, b) => a.entry.entryNo - b.entry.entryNo);
  const newValues = new Map<Line, Money>();
  if (input.newInventoryValue !== undefined) spread(lines, money(input.newInventoryValue), (line, amount) => newValues.set(line, amount));
  else for (const line of lines) newValues.set(line, amountOf(line.quantity, unitCost(input.newUnitCost ?? 0)));
  for (const line of lines) writeRevaluation(ws, book, line, (newValues.get(line) ?? 0) - line.calculated, input.date);
  if (item.costingMethod === "Standard") {
    const total = lines.reduce((s, l) => s + l.quantity, 0);
    const newCost = input.newUnitCost !== undefined ? unitCost(input.newUnitCost) : total > 0 ? unitCostOf(money(input.newInventoryValue ?? 0), total) : item.standardCost;
    item.standardCost = newCost;
    item.unitCost = newCost;
    book.unitCost = newCost;
    ws.changedItems.add(item.no);
  }
  for (const line of lines) {
    markInbound(book, line.entry.entryNo);
    if (item.costingMethod === "Average") markAverage(book, averageGroupKey(setup, line.entry), input.date);
  }
}

function writeRevaluation(ws: Workspace, book: ItemBook, line: Line, amount: Money, date: IsoDate): void {
  if (amount === 0) return;
  const entry = line.entry;
  // The invoiced part of the revalued quantity is actual cost; a not-invoiced part (Standard) expected (§11.2).
  const invoicedPart = Math.min(line.quantity, entry.invoicedQuantity);
  const actual = invoicedPart === line.quantity ? amount : shareOf(amount, invoicedPart, line.quantity);
  createValue(ws, book, entry, {
    entryType: "Revaluation",
    postingDate: date,
    valuationDate: date,
    valuedQuantity: line.quantity,
    invoicedQuantity: invoicedPart,
    costAmountActual: actual,
    costAmountExpected: amount - actual,
    expectedCost: actual === 0,
  });
}
