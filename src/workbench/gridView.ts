/**
 * How the workbench draws a sheet of the in-memory workbook: values under their number formats, fills,
 * fonts, table header and banding colours of the table styles, and Excel's text overflow.
 */
import type { CellValue } from "../excel/port";
import type { MemoryWorkbook, TableModel } from "../excel/memoryWorkbook";
import type { GridCell, GridSheet } from "./gridModel";

const DEFAULT_COLUMN_PX = 64;
const POINTS_TO_PX = 4 / 3;
const HEADER_BACKGROUND = "#4472C4";
const BAND_BACKGROUND = "#D9E1F2";

/** Excel's error values, which it shows centred. */
const ERROR_VALUES = new Set(["#N/A", "#VALUE!", "#DIV/0!", "#NUM!", "#REF!", "#NAME?", "#NULL!", "#ERROR!", "#SPILL!"]);
export const isErrorValue = (value: CellValue): boolean => typeof value === "string" && ERROR_VALUES.has(value);

/** The formula bar text: the formula, or the value as Excel shows it for editing. */
export function cellInputText(workbook: MemoryWorkbook, sheet: string, row: number, col: number): string {
  const cell = workbook.cell(sheet, row, col);
  if (cell.formula) return cell.formula;
  if (cell.value === null) return "";
  if (typeof cell.value === "string") return (cell.quotePrefix ? "'" : "") + cell.value;
  if (typeof cell.value === "number" && cell.numberFormat.startsWith("yyyy")) return cell.text;
  return typeof cell.value === "boolean" ? (cell.value ? "TRUE" : "FALSE") : String(cell.value);
}

export function gridSheetOf(workbook: MemoryWorkbook, name: string): GridSheet {
  const model = workbook.sheets().find((sheet) => sheet.name === name);
  const tables = workbook.tables().filter((table) => table.sheet === name);
  return {
    name,
    rowCount: model?.rowCount ?? 0,
    colCount: model?.columnCount ?? 0,
    frozenRows: model?.frozenRows ?? 0,
    frozenColumns: model?.frozenColumns ?? 0,
    colWidth: (col) => {
      const points = model ? workbook.columnWidth(name, col) : undefined;
      return points === undefined ? DEFAULT_COLUMN_PX : Math.round(points * POINTS_TO_PX);
    },
    cell: (row, col) => (model ? gridCell(workbook, name, row, col, tables) : undefined),
    outline: new Map(model ? workbook.outlinedRows(name) : []),
  };
}

function isEmpty(workbook: MemoryWorkbook, sheet: string, row: number, col: number): boolean {
  const cell = workbook.cell(sheet, row, col);
  return cell.value === null && cell.formula === null;
}

function gridCell(workbook: MemoryWorkbook, sheet: string, row: number, col: number, tables: readonly TableModel[]): GridCell | undefined {
  const cell = workbook.cell(sheet, row, col);
  const table = tables.find((t) => row >= t.row && row < t.row + t.rowCount && col >= t.column && col < t.column + t.columnCount);
  const isHeader = table !== undefined && row === table.row;
  const banded = table !== undefined && !isHeader && (row - table.row) % 2 === 1;
  if (cell.value === null && !cell.formula && !table && !cell.fill) return undefined;
  return {
    display: cell.text,
    input: cell.formula ?? cell.text,
    bold: cell.bold || isHeader,
    fontSize: cell.fontSize,
    background: cell.fill ?? (isHeader ? HEADER_BACKGROUND : banded ? BAND_BACKGROUND : undefined),
    color: isHeader ? "#FFFFFF" : cell.red ? "#C00000" : undefined,
    align: typeof cell.value === "number" ? "right" : isErrorValue(cell.value) ? "center" : "left",
    indent: cell.indent || undefined,
    // Text runs on into empty cells to its right, as in Excel.
    overflow: typeof cell.value === "string" && !isErrorValue(cell.value) && !isHeader && isEmpty(workbook, sheet, row, col + 1),
  };
}
