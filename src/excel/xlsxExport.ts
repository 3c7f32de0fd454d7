/**
 * Download .xlsx of the in-memory workbook (excel.md §4.3): sheets in order with their visibility,
 * values, formulas with their last computed values (so the file shows numbers before the add-in
 * loads, and link back to the add-in's functions when it does), number formats, fills, fonts, indent,
 * widths, frozen panes, row outlines and tables.
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
    const sheetTables = tables.filter((t) => t.sheet === model.name);
    writeCells(workbook, model, sheet, sheetTables);
    writeLayout(workbook, model, sheet);
    for (const table of sheetTables) addTable(workbook, table, sheet);
  }
  const buffer = await file.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function writeCells(workbook: MemoryWorkbook, model: SheetModel, sheet: Worksheet, tables: readonly TableModel[]): void {
  const styles = new Map<number, Partial<Style>>();
  const tableAt = (r: number, c: number): string | null =>
    tables.find((t) => r > t.row && r < t.row + t.rowCount && c >= t.column && c < t.column + t.columnCount)?.name ?? null;
  for (let r = 0; r < model.rowCount; r++) {
    for (let c = 0; c < model.columnCount; c++) {
      const cell = workbook.cellData(model.name, r, c);
      if (cell.value === null && cell.formula === null && cell.styleId === 0) continue;
      const target = sheet.getCell(r + 1, c + 1);
      target.value = xlsxValue(cell, cell.formula === null ? null : tableAt(r, c));
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

/** A formula keeps its text (in file form) and its cached result, so Excel shows the number before recalculating. */
function xlsxValue(cell: CellData, table: string | null): XlsxCellValue {
  if (cell.formula !== null) return { formula: toFileFormula(cell.formula, table), result: cell.value ?? undefined };
  return cell.value;
}

/**
 * The formula as a file stores it: no "="; an add-in's JavaScript custom function as
 * `_xldudf_NAMESPACE_NAME` (how Excel saves them, and what it links back to the add-in's INV.NAME
 * when the add-in loads); `[@[Col]]` in a table as `Table[[#This Row],[Col]]`. String literals are
 * left as they are.
 */
export function toFileFormula(formula: string, table: string | null): string {
  const parts = formula.replace(/^=/, "").split(/("(?:[^"]|"")*")/);
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return part; // inside "…"
      let text = part.replace(/\bINV\.([A-Z][A-Z0-9_]*)\s*\(/gi, (_m, name: string) => `_xldudf_INV_${name.toUpperCase()}(`);
      if (table) text = text.replace(/\[@(?:\[([^\]]+)\]|([^[\]]+))\]/g, (_m, quoted?: string, plain?: string) => `${table}[[#This Row],[${quoted ?? plain}]]`);
      return text;
    })
    .join("");
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
    Array.from({ length: table.columnCount }, (_, c) => xlsxValue(read(r + 1, c), table.name)),
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
