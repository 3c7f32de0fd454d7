/**
 * The one narrow port through which the add-in touches a workbook. Two implementations:
 * office-js (officeWorkbook.ts, inside Excel) and an in-memory workbook (memoryWorkbook.ts, used by
 * tests and drawn by the standalone workbench), so every path that writes to Excel also runs in CI.
 */

export type CellValue = string | number | boolean | null;

/** How a column is formatted when written (excel.md §3.1). */
export type ColumnKind = "code" | "text" | "date" | "quantity" | "amount" | "unitCost" | "integer" | "boolean" | "message";

export interface ColumnSpec {
  header: string;
  kind: ColumnKind;
}

export interface TableSpec {
  sheet: string;
  table: string;
  /** Banner row 1 (bold 14 pt). */
  title: string;
  /** Banner row 2. */
  parameters?: string;
  /** Banner row 3, e.g. "Generated 2025-02-05 10:14 · ledger v57". */
  stamp?: string;
  columns: ColumnSpec[];
  rows: CellValue[][];
  /** TableStyleLight9 for outputs, TableStyleMedium2 for inputs. */
  style?: "output" | "input";
}

export interface TableData {
  sheet: string;
  table: string;
  headers: string[];
  rows: CellValue[][];
  /** 0-based worksheet row index of the first data row (the header row is the one above). */
  firstDataRow: number;
  /** 0-based worksheet column index of the first column. */
  firstColumn: number;
}

export interface WriteProgress {
  rowsWritten: number;
  rowsTotal: number;
}

export interface WriteReport {
  rows: number;
  syncs: number;
  /** Largest estimated request payload, in bytes. */
  largestRequestBytes: number;
}

export interface CellMark {
  /** 0-based data row within the table. */
  row: number;
  column: string;
  fill: "error" | null;
}

export interface WorkbookPort {
  sheetNames(): Promise<string[]>;
  /** Reads a table by name, or null when the workbook has no such table. */
  readTable(table: string): Promise<TableData | null>;
  /** Creates or replaces a formatted table (banner, header, rows), chunked under the request limit. */
  writeTable(spec: TableSpec, onProgress?: (progress: WriteProgress) => void): Promise<WriteReport>;
  /** Writes values into named columns of existing table rows (status and message columns). */
  updateTableColumns(table: string, columns: string[], values: CellValue[][]): Promise<void>;
  /** Sets or clears fills on individual table cells (validation errors). */
  markCells(table: string, marks: CellMark[]): Promise<void>;
  activate(sheet: string): Promise<void>;
}
