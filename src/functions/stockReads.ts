/**
 * The one place the functions call the stock queries of the core (src/core/queries/stock.ts), mapping a
 * request's cut-off onto their filter. Quantities come back as Qty (1e-5 units), values as Money (cents).
 */
import type { ItemBook } from "../core/book";
import type { Money, Qty } from "../core/money";
import { quantityAt, valueAt, type ValueFilter } from "../core/queries/stock";
import type { IsoDate } from "../core/types";
import type { CostBasis, StockOptions } from "./arguments";

export interface StockCut {
  asOf: IsoDate;
  /** A single location code ("" = entries without a location); null = every location. */
  location: string | null;
  basis: CostBasis;
  options: StockOptions;
}

function filterOf(cut: StockCut): ValueFilter {
  return {
    asOf: cut.asOf,
    location: cut.location ?? undefined,
    variant: cut.options.variant ?? undefined,
    lot: cut.options.lot ?? undefined,
    serial: cut.options.serial ?? undefined,
    dateBasis: cut.options.date,
    expected: cut.options.expected,
    basis: cut.basis,
  };
}

export function quantityOf(book: ItemBook, cut: StockCut): Qty {
  return quantityAt(book, filterOf(cut));
}

export function valueOf(book: ItemBook, cut: StockCut): Money {
  return valueAt(book, filterOf(cut));
}
