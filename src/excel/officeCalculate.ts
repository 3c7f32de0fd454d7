/**
 * office-js side of the targeted refresh (excel.md §2.2): `Range.calculate()` on areas of one sheet in one
 * sync, and the one-time scan for INV formulas through `getSpecialCells(formulas)` (only cells holding a
 * formula travel, not the whole used range).
 */
import type { FormulaCellRef } from "./port";

/** Queues `calculate()` on every area, then one sync: one request per call of ≤ 5,000 cells. */
export async function calculateAreas(context: Excel.RequestContext, sheet: string, areas: readonly string[]): Promise<void> {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  for (const area of areas) worksheet.getRange(area).calculate();
  await context.sync();
}

/** Formula cells of every sheet whose formula contains `text` (case-insensitive). */
export async function findFormulaCells(context: Excel.RequestContext, text: string): Promise<FormulaCellRef[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const special = sheets.items.map((sheet) => {
    const cells = sheet.getUsedRange().getSpecialCellsOrNullObject("Formulas" as Excel.SpecialCellType);
    cells.areas.load("items/formulas,items/rowIndex,items/columnIndex");
    return { sheet: sheet.name, cells };
  });
  await context.sync();
  const needle = text.toLowerCase();
  const found: FormulaCellRef[] = [];
  for (const { sheet, cells } of special) {
    if (cells.isNullObject) continue;
    for (const area of cells.areas.items)
      (area.formulas as unknown[][]).forEach((row, r) =>
        row.forEach((formula, c) => {
          if (typeof formula === "string" && formula.toLowerCase().includes(needle))
            found.push({ sheet, row: area.rowIndex + r, column: area.columnIndex + c, formula });
        }),
      );
  }
  return found;
}
