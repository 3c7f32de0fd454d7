/**
 * Stock queries behind INV.QTY / INV.VALUE / INV.UNITCOST (excel.md §1.2) and the Inventory
 * Valuation figures (costing.md §16.2): sums over one item book with a date cut-off.
 */
import type { ItemBook } from "../book";
import { entryOf } from "./entryLookup";
import type { Money, Qty } from "../money";
import type { IsoDate, ItemLedgerEntry } from "../types";

export interface StockFilter {
  /** Cut-off (inclusive); omitted = no cut-off. */
  asOf?: IsoDate;
  location?: string;
  variant?: string;
  lotNo?: string;
  serialNo?: string;
  /** Aliases used by the functions layer. */
  lot?: string;
  serial?: string;
}

export interface ValueFilter extends StockFilter {
  includeExpected?: boolean;
  /** Alias of includeExpected. */
  expected?: boolean;
  /** Which value-entry date meets the cut-off (default posting date). */
  dateBasis?: "posting" | "valuation";
  /** Accepted for the functions layer; the caller adjusts the book first for "adjusted". */
  basis?: string;
}

function matches(entry: ItemLedgerEntry, filter: StockFilter): boolean {
  if (!entry.inventoriable) return false;
  if (filter.location !== undefined && entry.location !== filter.location) return false;
  if (filter.variant !== undefined && entry.variant !== filter.variant) return false;
  const lot = filter.lotNo ?? filter.lot;
  if (lot !== undefined && entry.lotNo !== lot) return false;
  const serial = filter.serialNo ?? filter.serial;
  if (serial !== undefined && entry.serialNo !== serial) return false;
  return true;
}

/** Σ item ledger entry quantity with posting date ≤ asOf (received-not-invoiced included). */
export function quantityAt(book: ItemBook, filter: StockFilter = {}): Qty {
  let sum = 0;
  for (const entry of book.entries) {
    if (filter.asOf !== undefined && entry.postingDate > filter.asOf) continue;
    if (matches(entry, filter)) sum += entry.quantity;
  }
  return sum;
}

/** Σ cost amount actual (+ expected when asked) of value entries dated ≤ asOf by the chosen date. */
export function valueAt(book: ItemBook, filter: ValueFilter = {}): Money {
  const expected = filter.includeExpected ?? filter.expected ?? false;
  const valuation = filter.dateBasis === "valuation";
  const plain = filter.location === undefined && filter.variant === undefined && (filter.lotNo ?? filter.lot) === undefined
    && (filter.serialNo ?? filter.serial) === undefined;
  let sum = 0;
  for (const value of book.values) {
    if (!value.inventoriable) continue;
    if (filter.asOf !== undefined && (valuation ? value.valuationDate : value.postingDate) > filter.asOf) continue;
    if (!plain) {
      const entry = entryOf(book, value.itemLedgerEntryNo);
      if (!entry || !matches(entry, filter)) continue;
    }
    sum += value.costAmountActual + (expected ? value.costAmountExpected : 0);
  }
  return sum;
}
