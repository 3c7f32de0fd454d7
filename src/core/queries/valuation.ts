/**
 * Valuation queries over one item book (excel.md §1.2 INV.VALUE, INV.COGS, INV.OPENENTRIES, INV.INCDEC,
 * INV.EXPLAIN; the Inventory Valuation sheet tblInvValuation, costing.md §16.2). Every function is pure:
 * it reads the book it is given and nothing else. For the "adjusted" basis the caller passes the book as
 * the cost-adjustment dry run leaves it (src/functions/dryRun.ts `adjustedBook`), so the same sums serve
 * both bases. The Inventory Valuation sheet and INV.VALUE call these same functions, so they cannot differ.
 */
import type { ItemBook } from "../book";
import { entryOf } from "./entryLookup";
import { shareOf, type Money, type Qty } from "../money";
import type { IsoDate, ItemLedgerEntry, ValueEntry } from "../types";
import { quantityAt, valueAt, type StockFilter, type ValueFilter } from "./stock";

export { quantityAt, valueAt, type StockFilter, type ValueFilter };

/** The date of a value entry that meets a cut-off: posting date (G/L, valuation report) or valuation date. */
export function valueEntryDate(value: ValueEntry, dateBasis: ValueFilter["dateBasis"]): IsoDate {
  return dateBasis === "valuation" ? value.valuationDate : value.postingDate;
}

function entryMatches(entry: ItemLedgerEntry | undefined, filter: StockFilter): boolean {
  if (!entry || !entry.inventoriable) return false;
  if (filter.location !== undefined && entry.location !== filter.location) return false;
  if (filter.variant !== undefined && entry.variant !== filter.variant) return false;
  const lot = filter.lotNo ?? filter.lot;
  if (lot !== undefined && entry.lotNo !== lot) return false;
  const serial = filter.serialNo ?? filter.serial;
  return serial === undefined || entry.serialNo === serial;
}

/** Cost a value entry adds under the filter: actual, plus expected when asked (costing.md §16.2/§16.3). */
export function valueEntryCost(value: ValueEntry, filter: ValueFilter): Money {
  const expected = filter.includeExpected ?? filter.expected ?? false;
  return value.costAmountActual + (expected ? value.costAmountExpected : 0);
}

/**
 * The value entries behind `valueAt(book, filter)`, ascending entry number: inventoriable, dated ≤ asOf by
 * the chosen date, their item ledger entry matching location/variant/lot/serial. Σ valueEntryCost = valueAt.
 */
export function valueEntriesAt(book: ItemBook, filter: ValueFilter = {}): ValueEntry[] {
  return book.values.filter((value) => {
    if (!value.inventoriable) return false;
    if (filter.asOf !== undefined && valueEntryDate(value, filter.dateBasis) > filter.asOf) return false;
    return entryMatches(entryOf(book, value.itemLedgerEntryNo), filter);
  });
}

/** The item ledger entries behind `quantityAt(book, filter)`, ascending entry number. */
export function itemEntriesAt(book: ItemBook, filter: StockFilter = {}): ItemLedgerEntry[] {
  return book.entries.filter((entry) => (filter.asOf === undefined || entry.postingDate <= filter.asOf) && entryMatches(entry, filter));
}

/** A period [from, to]; from null = from the beginning. */
export interface Period {
  from: IsoDate | null;
  to: IsoDate;
}

const inPeriod = (date: IsoDate, period: Period) => (period.from === null || date >= period.from) && date <= period.to;

/**
 * The value entries behind `cogsBetween`: of item ledger entry type Sale, dated in the period by the chosen
 * date; negative adjustments and consumption are not cost of goods sold (excel.md §1.2 INV.COGS).
 */
export function cogsEntriesBetween(book: ItemBook, period: Period, filter: ValueFilter = {}): ValueEntry[] {
  return book.values.filter((value) => {
    if (!value.inventoriable || value.itemLedgerEntryType !== "Sale") return false;
    if (!inPeriod(valueEntryDate(value, filter.dateBasis), period)) return false;
    return entryMatches(entryOf(book, value.itemLedgerEntryNo), filter);
  });
}

/** INV.COGS: minus Σ cost of the Sale value entries dated in the period (a sale's cost is negative). */
export function cogsBetween(book: ItemBook, period: Period, filter: ValueFilter = {}): Money {
  let sum = 0;
  for (const value of cogsEntriesBetween(book, period, filter)) sum -= valueEntryCost(value, filter);
  return sum;
}

/** One period of the Inventory Valuation report (BC report 1001 / tblInvValuation), one item and filter. */
export interface PeriodMovement {
  startQty: Qty;
  startValue: Money;
  increasesQty: Qty;
  increasesValue: Money;
  /** Decreases as positive figures (a sale of 12 is 12, its cost 1,320.00). */
  decreasesQty: Qty;
  decreasesValue: Money;
  endQty: Qty;
  endValue: Money;
  /** Σ Cost Posted to G/L of the value entries counted at the end (actual; plus expected when asked). */
  postedToGL: Money;
}

/**
 * Which side of the report an entry is on (BC report 1001): purchases, positive adjustments and assembly
 * output increase; sales, negative adjustments and consumption decrease (a return lowers its side); a
 * transfer half increases or decreases by its own sign, so company-wide the two halves appear on both sides.
 */
function isIncrease(entry: ItemLedgerEntry): boolean {
  switch (entry.entryType) {
    case "Purchase":
    case "PositiveAdjmt":
    case "AssemblyOutput":
      return true;
    case "Transfer":
      return entry.quantity > 0;
    default:
      return false;
  }
}

/**
 * Start, increases, decreases and end of one item over [from, to] (costing.md §16.2: by posting date unless
 * `filter.dateBasis` says valuation). Quantities come from item ledger entries by posting date; values from
 * value entries by the chosen date. start + increases − decreases = end, and end = valueAt(book, {to}).
 * `filter.asOf` is ignored (the period gives the dates).
 */
export function increasesDecreases(book: ItemBook, period: Period, filter: ValueFilter = {}): PeriodMovement {
  const movement: PeriodMovement = {
    startQty: 0, startValue: 0, increasesQty: 0, increasesValue: 0, decreasesQty: 0, decreasesValue: 0, endQty: 0, endValue: 0, postedToGL: 0,
  };
  const expected = filter.includeExpected ?? filter.expected ?? false;
  for (const entry of book.entries) {
    if (entry.postingDate > period.to || !entryMatches(entry, filter)) continue;
    if (period.from !== null && entry.postingDate < period.from) movement.startQty += entry.quantity;
    else if (isIncrease(entry)) movement.increasesQty += entry.quantity;
    else movement.decreasesQty -= entry.quantity;
  }
  for (const value of book.values) {
    const date = valueEntryDate(value, filter.dateBasis);
    if (!value.inventoriable || date > period.to) continue;
    const entry = entryOf(book, value.itemLedgerEntryNo);
    if (!entry || !entryMatches(entry, filter)) continue;
    const cost = valueEntryCost(value, filter);
    movement.postedToGL += value.costPostedToGL + (expected ? value.expectedCostPostedToGL : 0);
    if (period.from !== null && date < period.from) movement.startValue += cost;
    else if (isIncrease(entry)) movement.increasesValue += cost;
    else movement.decreasesValue -= cost;
  }
  movement.endQty = movement.startQty + movement.increasesQty - movement.decreasesQty;
  movement.endValue = movement.startValue + movement.increasesValue - movement.decreasesValue;
  return movement;
}

/** An inbound entry still open at a date, with its remaining quantity and cost then. */
export interface OpenEntry {
  entry: ItemLedgerEntry;
  remainingQty: Qty;
  /** The entry's cost at the cut-off (value entries dated ≤ asOf) × remaining ÷ quantity, rounded to cents. */
  remainingCost: Money;
}

/**
 * INV.OPENENTRIES: inbound entries posted ≤ asOf whose quantity is not fully applied by applications dated
 * ≤ asOf (the remaining quantity rebuilt as of that date, not today's Remaining Quantity field).
 */
export function openEntriesAt(book: ItemBook, asOf: IsoDate, filter: ValueFilter = {}): OpenEntry[] {
  const applied = new Map<number, Qty>();
  for (const application of book.applications) {
    if (application.outboundEntryNo === 0 || application.postingDate > asOf) continue;
    // Outbound applications carry a negative quantity.
    applied.set(application.inboundEntryNo, (applied.get(application.inboundEntryNo) ?? 0) - application.quantity);
  }
  const costs = new Map<number, Money>();
  for (const value of book.values) {
    if (!value.inventoriable || valueEntryDate(value, filter.dateBasis) > asOf) continue;
    costs.set(value.itemLedgerEntryNo, (costs.get(value.itemLedgerEntryNo) ?? 0) + valueEntryCost(value, filter));
  }
  const open: OpenEntry[] = [];
  for (const entry of book.entries) {
    if (!entry.positive || entry.quantity <= 0 || entry.postingDate > asOf || !entryMatches(entry, filter)) continue;
    const remainingQty = entry.quantity - (applied.get(entry.entryNo) ?? 0);
    if (remainingQty <= 0) continue;
    const remainingCost = shareOf(costs.get(entry.entryNo) ?? 0, remainingQty, entry.quantity);
    open.push({ entry, remainingQty, remainingCost });
  }
  return open;
}
