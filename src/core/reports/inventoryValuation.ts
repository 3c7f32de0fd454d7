/**
 * Inventory Valuation rows (excel.md §3.2 tblInvValuation, BC report 1001, costing.md §16.2): per item
 * or item × location, start, increases, decreases and end over a period, from the same per-book
 * evaluator as INV.VALUE (queries/valuation.ts), so the sheet and the formula cannot disagree.
 * For the "adjusted" basis the caller passes the books as the cost-adjustment dry run leaves them.
 */
import type { ItemBook } from "../book";
import type { Money } from "../money";
import { increasesDecreases, type PeriodMovement } from "../queries/valuation";
import type { CostingMethod, IsoDate, Item } from "../types";

export interface ValuationQuery {
  /** First day of the period; null = from the beginning (no start figures). */
  start: IsoDate | null;
  end: IsoDate;
  includeExpected?: boolean;
  /** One row per item and location instead of one per item. */
  perLocation?: boolean;
  /** Locations to include ("" = entries without a location); omitted = all. */
  location?: (code: string) => boolean;
  /** Items to include; omitted = all inventory items. */
  item?: (no: string) => boolean;
}

export interface ValuationRow extends PeriodMovement {
  item: string;
  description: string;
  baseUnitOfMeasure: string;
  costingMethod: CostingMethod;
  /** The location of an item × location row; null on a per-item row. */
  location: string | null;
  /** Not Posted to G/L = value at end − cost posted to G/L. */
  notPostedToGL: Money;
}

export interface Valuation {
  rows: ValuationRow[];
  totals: PeriodMovement & { notPostedToGL: Money };
}

const ZERO: PeriodMovement = {
  startQty: 0, startValue: 0, increasesQty: 0, increasesValue: 0, decreasesQty: 0, decreasesValue: 0, endQty: 0, endValue: 0, postedToGL: 0,
};
const FIELDS = Object.keys(ZERO) as (keyof PeriodMovement)[];

function sum(a: PeriodMovement, b: PeriodMovement): PeriodMovement {
  const out = { ...a };
  for (const field of FIELDS) out[field] = a[field] + b[field];
  return out;
}

const isEmpty = (m: PeriodMovement): boolean => FIELDS.every((field) => m[field] === 0);

/** Entries dated before `start` make the start figures; [start, end] the increases and decreases. */
function movementAt(book: ItemBook, query: ValuationQuery, location: string | undefined): PeriodMovement {
  return increasesDecreases(book, { from: query.start, to: query.end }, { location, includeExpected: query.includeExpected ?? false });
}

/** Location codes the item's entries use, filtered; "" stands for entries without a location. */
function locationsOf(book: ItemBook, query: ValuationQuery): string[] {
  const codes = [...new Set(book.entries.map((entry) => entry.location))].sort();
  return query.location ? codes.filter(query.location) : codes;
}

function itemRows(item: Item, book: ItemBook, query: ValuationQuery): ValuationRow[] {
  const row = (location: string | null, movement: PeriodMovement): ValuationRow => ({
    item: item.no,
    description: item.description,
    baseUnitOfMeasure: item.baseUnitOfMeasure,
    costingMethod: item.costingMethod,
    location,
    ...movement,
    notPostedToGL: movement.endValue - movement.postedToGL,
  });
  if (!query.location && !query.perLocation) {
    const movement = movementAt(book, query, undefined);
    return isEmpty(movement) ? [] : [row(null, movement)];
  }
  const byLocation = locationsOf(book, query).map((code) => [code, movementAt(book, query, code)] as const);
  if (query.perLocation) return byLocation.filter(([, m]) => !isEmpty(m)).map(([code, m]) => row(code, m));
  const movement = byLocation.reduce((total, [, m]) => sum(total, m), ZERO);
  return isEmpty(movement) ? [] : [row(null, movement)];
}

/** Rows in item order (then location), skipping items with nothing in the period; totals over the rows. */
export function inventoryValuation(items: readonly Item[], books: ReadonlyMap<string, ItemBook>, query: ValuationQuery): Valuation {
  const rows: ValuationRow[] = [];
  for (const item of [...items].sort((a, b) => (a.no < b.no ? -1 : a.no > b.no ? 1 : 0))) {
    // NonInventory and Service items carry no stock value (inventory.md §2.2).
    if (item.type !== "Inventory" || (query.item && !query.item(item.no))) continue;
    const book = books.get(item.no);
    if (book) rows.push(...itemRows(item, book, query));
  }
  const totals = rows.reduce((total, row) => sum(total, row), ZERO);
  return { rows, totals: { ...totals, notPostedToGL: totals.endValue - totals.postedToGL } };
}
