/**
 * The one narrow port through which the add-in touches a workbook. Two implementations:
 * office-js (officeWorkbook.ts, inside Excel) and an in-memory workbook (memoryWorkbook.ts, used by
 * tests and drawn by the standalone workbench), so every path that writes to Excel also runs in CI.
 *
 * Text convention: every string the add-in writes goes to Excel as typed input with a leading
 * apostrophe (Excel's quote prefix), so item numbers keep leading zeros and text such as "=x", "+1",
 * "-2", "@a" or "1-2" never turns into a formula, number or date. Readers get the text back without
 * the apostrophe (Excel does not return it).
 */

export type CellValue = string | number | boolean | null;

/** How a column is formatted when written (excel.md §3.1). */
export type ColumnKind =
  | "code"
  | "text"
  | "date"
  | "timestamp"
  | "quantity"
  | "amount"
  | "unitCost"
  | "integer"
  | "boolean"
  | "message"
  /** Values are formula text ("=INV.QTY([@[No.]])"), written as formulas, not quote-prefixed. */
  | "formula";

export interface ColumnSpec {
  header: string;
  kind: ColumnKind;
  /** Written by the add-in in an input table: grey fill (excel.md §3.1, inputs). */
  computed?: boolean;
  /** Drop-down validation list on the column's data cells (input tables). */
  list?: string[];
}

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

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
  /** Wide ledger sheets also freeze column A. */
  freezeFirstColumn?: boolean;
  /** Default visible; metadata and backup sheets are very hidden. */
  visibility?: SheetVisibility;
  /**
   * Outline level per data row (0 = top level), summary row above its detail: rows are grouped up to
   * Excel's 8 levels; deeper rows stay at 8, distinguished only by indent (excel.md §3.2, tblItemTrace).
   */
  rowLevels?: number[];
  /** Header of the column indented by each row's level (the Trace Line). */
  indentColumn?: string;
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

export interface WriteOptions {
  onProgress?: (progress: WriteProgress) => void;
  /** Request size to aim at for this write (default 2 MB; the backup sheet uses 1 MB, excel.md §5). */
  targetBytes?: number;
  /** Polled between chunks; a cancelled write stops after the current chunk (excel.md §3.1). */
  isCancelled?: () => boolean;
}

export interface WriteReport {
  rows: number;
  syncs: number;
  /** Largest estimated request payload, in bytes. */
  largestRequestBytes: number;
  /** Rows per sync after estimating (and any halving on payload errors). */
  rowsPerSync: number;
  /** False when the write was cancelled: the table holds only the rows written so far. */
  complete: boolean;
  /** What the user should know, e.g. constants cleared from a column they added to the table. */
  warnings?: string[];
}

export interface RowUpdate {
  /** 0-based data row within the table. */
  row: number;
  values: CellValue[];
}

/** "computed" is the grey of add-in columns in input tables; null clears the fill. */
export type CellFill = "error" | "computed" | null;

export interface CellMark {
  /** 0-based data row within the table, or "all" for the column's whole data body. */
  row: number | "all";
  column: string;
  fill: CellFill;
}

/** A fill on a block of one column of a plain sheet (0-based worksheet indexes). */
export interface SheetFill {
  row: number;
  column: number;
  /** Rows from `row` down (default 1). */
  rowCount?: number;
  fill: CellFill;
}

/** Error name/code Excel on the web raises when one request exceeds the 5 MB payload limit. */
export const PAYLOAD_LIMIT_ERROR = "RequestPayloadSizeLimitExceeded";

export interface WorkbookPort {
  sheetNames(): Promise<string[]>;
  /** Names of every table in the workbook, in the workbook's order. */
  tableNames(): Promise<string[]>;
  /**
   * A plain sheet's values from A1 to the last used cell (values only, chunked like readTable);
   * empty cells read as null; [] for an empty sheet. Throws when the sheet does not exist.
   */
  readSheetValues(sheet: string): Promise<CellValue[][]>;
  /**
   * Writes a block of values at a 0-based sheet row and column (strings stay text), chunked under the
   * request limit, then applies the fills (error marks beside a plain sheet's rows; null clears).
   */
  writeSheetCells(sheet: string, row: number, column: number, values: CellValue[][], fills?: SheetFill[]): Promise<void>;
  /** Reads a table by name, or null when the workbook has no such table. */
  readTable(table: string): Promise<TableData | null>;
  /**
   * Creates or replaces a formatted table (banner, header, rows), chunked under the request limit.
   * Replace keeps an existing table object (resized), so pivots, charts and user formulas on it
   * survive; user columns right of ours keep formulas (calculated columns) and lose constants.
   */
  writeTable(spec: TableSpec, options?: WriteOptions): Promise<WriteReport>;
  /**
   * Appends rows below a table's last data row and resizes the table over them, chunked like
   * writeTable; `columns` (by header) give the order of each row's values and their formats.
   */
  appendTableRows(table: string, columns: ColumnSpec[], rows: CellValue[][], options?: WriteOptions): Promise<WriteReport>;
  /** Rewrites the named columns of single data rows in place (0-based data row indexes). */
  updateTableRows(table: string, columns: ColumnSpec[], updates: RowUpdate[]): Promise<void>;
  /** Writes values into named columns of existing table rows (status and message columns). */
  updateTableColumns(table: string, columns: string[], values: CellValue[][]): Promise<void>;
  /** Sets or clears fills on table cells (validation errors; grey computed columns). */
  markCells(table: string, marks: CellMark[]): Promise<void>;
  activate(sheet: string): Promise<void>;
  /** The sheet the user is on, or null when the workbook cannot tell (optional: older hosts). */
  activeSheetName?(): Promise<string | null>;
  /** The selected cell (top-left of the selection), its formula and value (optional; Explain selected cell). */
  activeCell?(): Promise<ActiveCell | null>;
  /**
   * Recalculates the given areas of one sheet ("B2:D40"; excel.md §2.2: only INV cells a commit made
   * stale, ≤ 5,000 cells per call). Optional: a workbook that recalculates by itself need not offer it.
   */
  calculateCells?(sheet: string, areas: string[]): Promise<void>;
  /** Every formula cell whose formula contains `text` (case-insensitive), on every sheet (optional). */
  findFormulas?(text: string): Promise<FormulaCellRef[]>;
}

export interface FormulaCellRef {
  sheet: string;
  /** 0-based worksheet row and column. */
  row: number;
  column: number;
  /** Formula text with its "=". */
  formula: string;
}

export interface ActiveCell {
  sheet: string;
  /** 0-based worksheet row and column. */
  row: number;
  column: number;
  /** A1 address without the sheet ("B7"). */
  address: string;
  /** Formula text with its "=", or null for a constant. */
  formula: string | null;
  value: CellValue;
}
