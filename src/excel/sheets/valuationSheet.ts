/**
 * Inventory Valuation sheet (excel.md §3.2 tblInvValuation, replace refresh): per item or item ×
 * location, start / increases / decreases / end over a period, basis posted or adjusted, with a totals
 * row. The rows come from the core's valuation report, which sums with the evaluator INV.VALUE uses;
 * for "adjusted" each book is first replaced by the same dry run INV.VALUE(…,"adjusted") reads.
 */
import type { ItemBook } from "../../core/book";
import type { Company } from "../../core/company";
import { moneyToNumber, qtyToNumber, unitCostOf, unitCostToNumber } from "../../core/money";
import { inventoryValuation, type ValuationRow } from "../../core/reports/inventoryValuation";
import type { PeriodMovement } from "../../core/queries/valuation";
import type { IsoDate, Item } from "../../core/types";
import { codeFilter } from "../../functions/codeFilter";
import { adjustedBook } from "../../functions/dryRun";
import type { CellValue, ColumnSpec, TableSpec } from "../port";

export const VALUATION_SHEET = "Inventory Valuation";
export const VALUATION_TABLE = "tblInvValuation";

export interface LedgerSource {
  company: Company;
  items: readonly Item[];
  books: ReadonlyMap<string, ItemBook>;
}

export interface ValuationParameters {
  start: IsoDate | null;
  end: IsoDate;
  basis: "posted" | "adjusted";
  includeExpected: boolean;
  /** BC filter text ("MAIN|EAST", "<>EAST"); blank = all locations. */
  locationFilter: string;
  perLocation: boolean;
}

const c = (header: string, kind: ColumnSpec["kind"]): ColumnSpec => ({ header, kind });

export const VALUATION_COLUMNS: ColumnSpec[] = [
  c("Item No.", "code"), c("Description", "text"), c("Base Unit of Measure", "code"), c("Inventory Posting Group", "code"),
  c("Costing Method", "text"), c("Location Code", "code"), c("Qty at Start", "quantity"), c("Value at Start", "amount"),
  c("Increases Qty", "quantity"), c("Increases Value", "amount"), c("Decreases Qty", "quantity"), c("Decreases Value", "amount"),
  c("Qty at End", "quantity"), c("Value at End", "amount"), c("Unit Cost at End", "unitCost"), c("Cost Posted to G/L", "amount"),
  c("Not Posted to G/L", "amount"),
];

function figures(m: PeriodMovement & { notPostedToGL: number }): CellValue[] {
  const unitCost = m.endQty === 0 ? null : unitCostToNumber(unitCostOf(m.endValue, m.endQty));
  return [
    qtyToNumber(m.startQty), moneyToNumber(m.startValue), qtyToNumber(m.increasesQty), moneyToNumber(m.increasesValue),
    qtyToNumber(m.decreasesQty), moneyToNumber(m.decreasesValue), qtyToNumber(m.endQty), moneyToNumber(m.endValue), unitCost,
    moneyToNumber(m.postedToGL), moneyToNumber(m.notPostedToGL),
  ];
}

/** The engine has one posting setup per company: every row shows the company's posting group code. */
function valuationRow(row: ValuationRow, postingGroup: string | null): CellValue[] {
  return [row.item, row.description, row.baseUnitOfMeasure, postingGroup, row.costingMethod, row.location, ...figures(row)];
}

export function describeValuation(p: ValuationParameters): string {
  const period = p.start ? `${p.start} to ${p.end}` : `up to ${p.end}`;
  const where = p.locationFilter.trim() ? `location ${p.locationFilter.trim()}` : "all locations";
  return [period, `basis ${p.basis}`, p.includeExpected ? "expected cost included" : "actual cost", where, p.perLocation ? "per item × location" : "per item"].join(" · ");
}

/** The valuation rows as the sheet shows them, the last one the totals row. */
export function valuationSpec(source: LedgerSource, p: ValuationParameters, stamp?: string): TableSpec {
  const books = new Map(source.books);
  if (p.basis === "adjusted") {
    for (const item of source.items) {
      const book = books.get(item.no);
      if (book) books.set(item.no, adjustedBook(book, item, source.company));
    }
  }
  const location = p.locationFilter.trim() ? codeFilter(p.locationFilter.trim()) : undefined;
  const valuation = inventoryValuation(source.items, books, { start: p.start, end: p.end, includeExpected: p.includeExpected, perLocation: p.perLocation, location });
  const rows = valuation.rows.map((row) => valuationRow(row, source.company.inventoryPostingGroup ?? null));
  const totals = figures(valuation.totals);
  // A unit cost over different items' units means nothing: the totals row leaves it empty.
  totals[8] = null;
  rows.push(["Total", null, null, null, null, null, ...totals]);
  return { sheet: VALUATION_SHEET, table: VALUATION_TABLE, title: "Inventory Valuation", parameters: describeValuation(p), stamp, columns: VALUATION_COLUMNS, rows, style: "output" };
}
