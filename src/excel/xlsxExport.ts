/**
 * Download .xlsx of the in-memory workbook (excel.md §4.3): sheets in order with their visibility,
 * values, formulas with their last computed values (so the file shows numbers before the add-in
 * loads), number formats, fills, fonts, indent, widths, frozen panes, row outlines and tables.
 */
import { Workbook } from "exceljs";
import type { Style, CellValue as XlsxCellValue, TableStyleProperties, Worksheet } from "exceljs";
import type { CellData, MemoryWorkbook, SheetModel, TableModel } from "./memoryWorkbook";
import type { CellStyle } from "./memorySheet";

/** Excel's column width unit is the width of a digit (7 px in Calibri 11) plus 5 px of padding; 1 pt = 4/3 px. */
export function pointsToCharacters(points: number): number {
  return Math.round(((points * 4) / 3 - 5) / 7 * 100) / 100;
}

export async function exportXlsx(workbook: MemoryWorkbook): Promise<Uint8Array> {
  const file = new Workbook();
  const tables = workbook.tables();
  for (const model of workbook.sheets()) {
    const sheet = file.addWorksheet(model.name, { state: model.visibility });
    writeCells(workbook, model, sheet);
    writeLayout(workbook, model, sheet);
    for (const table of tables.filter((t) => t.sheet === model.name)) addTable(workbook, table, sheet);
  }
  const buffer = await file.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function writeCells(workbook: MemoryWorkbook, model: SheetModel, sheet: Worksheet): void {
  const styles = new Map<number, Partial<Style>>();
  for (let r = 0; r < model.rowCount; r++) {
    for (let c = 0; c < model.columnCount; c++) {
      const cell = workbook.cellData(model.name, r, c);
      if (cell.value === null && cell.formula === null && cell.styleId === 0) continue;
      const target = sheet.getCell(r + 1, c + 1);
      target.value = xlsxValue(cell);
      if (cell.styleId === 0) continue;
      let style = styles.get(cell.styleId);
      if (!style) {
        style = xlsxStyle(cell.style);
        styles.set(cell.styleId, style);
      }
      // One style object per distinct style: exceljs shares it between cells and writes it once.
      target.style = style;
      if (cell.style.validationList) {
        target.dataValidation = { type: "list", allowBlank: true, formulae: [`"${cell.style.validationList.join(",")}"`] };
      }
    }
  }
}

function xlsxStyle(style: CellStyle): Partial<Style> {
  const result: Partial<Style> = {};
  if (style.numberFormat !== "General") result.numFmt = style.numberFormat;
  if (style.fill) result.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF" + style.fill.slice(1).toUpperCase() } };
  if (style.bold || style.fontSize !== 11) result.font = { bold: style.bold, size: style.fontSize };
  if (style.indent > 0) result.alignment = { indent: style.indent };
  return result;
}

/** A formula keeps its text (without "=") and its cached result, so Excel shows the number before recalculating. */
function xlsxValue(cell: CellData): XlsxCellValue {
  if (cell.formula !== null) return { formula: cell.formula.slice(1), result: cell.value ?? undefined };
  return cell.value;
}

function writeLayout(workbook: MemoryWorkbook, model: SheetModel, sheet: Worksheet): void {
  for (let c = 0; c < model.columnCount; c++) {
    const points = workbook.columnWidth(model.name, c);
    if (points !== undefined) sheet.getColumn(c + 1).width = pointsToCharacters(points);
  }
  if (model.frozenRows > 0 || model.frozenColumns > 0) {
    sheet.views = [{ state: "frozen", xSplit: model.frozenColumns, ySplit: model.frozenRows }];
  }
  const outlined = workbook.outlinedRows(model.name);
  for (const [row, level] of outlined) sheet.getRow(row + 1).outlineLevel = level;
  // Trace sheets put the summary row above its detail (excel.md §3.2, tblItemTrace).
  if (outlined.length > 0) sheet.properties.outlineProperties = { summaryBelow: false, summaryRight: true };
}

/** exceljs writes a table's header and rows into the cells again; the values are the ones already there. */
function addTable(workbook: MemoryWorkbook, table: TableModel, sheet: Worksheet): void {
  const read = (r: number, c: number): CellData => workbook.cellData(table.sheet, table.row + r, table.column + c);
  const columns = Array.from({ length: table.columnCount }, (_, c) => ({ name: String(read(0, c).value ?? `Column${c + 1}`) }));
  const rows = Array.from({ length: table.rowCount - 1 }, (_, r) =>
    Array.from({ length: table.columnCount }, (_, c) => xlsxValue(read(r + 1, c))),
  );
  sheet.addTable({
    name: table.name,
    ref: sheet.getCell(table.row + 1, table.column + 1).address,
    headerRow: true,
    style: { theme: table.style as TableStyleProperties["theme"], showRowStripes: true },
    columns,
    rows,
  });
}
