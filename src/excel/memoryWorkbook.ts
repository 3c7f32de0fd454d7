/**
 * The in-memory workbook (excel.md §4.3): what the add-in relies on in Excel, modelled closely enough
 * that tests and the workbench catch what would break there — ordered sheets with visibility, cells
 * read as typed input, number formats, fills, fonts, indent, named tables, widths, frozen panes, row
 * outline levels, the 32,767-character cell limit, and a request payload limit per sync that throws
 * RequestPayloadSizeLimitExceeded like Excel on the web.
 */
import { MAX_CELL_CHARS, parseCellInput } from "./cellValues";
import type { TableModel } from "./memoryBatch";
import { MemoryBatch } from "./memoryBatch";
import type { CellStyle } from "./memorySheet";
import { MemorySheet, StyleTable } from "./memorySheet";
import { displayText } from "./numberFormats";
import type {
  ActiveCell,
  CellMark, CellValue, ColumnSpec, FormulaCellRef, RowUpdate, SheetFill, SheetVisibility, TableData, TableSpec, WorkbookPort, WriteOptions, WriteReport,
} from "./port";
import type { ChunkOptions } from "./sheetWriter";
import { writeTableSheet } from "./sheetWriter";
import type { SyncBatch } from "./syncBatch";
import { MAX_OUTLINE_LEVEL } from "./syncBatch";
import type { TableLocation } from "./tableOps";
import { appendRows, markTableCells, patchRows, updateColumns, writeCells } from "./tableOps";

export type { TableModel };

export const DEFAULT_PAYLOAD_LIMIT = 5 * 1024 * 1024;
export { MAX_CELL_CHARS };

export interface SheetModel {
  name: string;
  visibility: SheetVisibility;
  frozenRows: number;
  frozenColumns: number;
  rowCount: number;
  columnCount: number;
}

/** A cell's content and interned style, without display text (for exports and bulk reads). */
export interface CellData {
  value: CellValue;
  formula: string | null;
  /** Shared style object: do not modify. */
  style: CellStyle;
  /** Index of the style in the workbook's style table (equal ids, equal styles). */
  styleId: number;
}

export interface CellModel extends CellStyle {
  value: CellValue;
  /** Formula text with its "="; `value` then holds the last computed result. */
  formula: string | null;
  /** What the grid shows under the cell's number format. */
  text: string;
  red: boolean;
  /** The formula cell whose array result fills this cell (itself for the formula cell), else null. */
  spillAnchor: { row: number; column: number } | null;
}

export type WorkbookChange =
  | { kind: "sync"; bytes: number }
  | { kind: "input" | "result"; sheet: string; row: number; column: number }
  | { kind: "sheets" }
  /** Cells asked to recalculate (calculateCells): the workbench's formula driver does it. */
  | { kind: "calculate"; sheet: string; areas: string[] };

export interface MemoryWorkbookOptions {
  /** Per-sync request limit in bytes (default 5 MB, Excel on the web). */
  payloadLimitBytes?: number;
  /** Writer settings (target bytes, retries, yielding). */
  writer?: ChunkOptions;
}

export class MemoryWorkbook implements WorkbookPort {
  /** Syncs applied since creation. */
  syncs = 0;
  /** Largest request applied, in estimated bytes. */
  largestSyncBytes = 0;
  readonly payloadLimitBytes: number;
  readonly styles = new StyleTable();
  private readonly sheetList: MemorySheet[] = [];
  private readonly tableMap = new Map<string, TableModel>();
  private readonly listeners = new Set<(change: WorkbookChange) => void>();
  private readonly writerOptions: ChunkOptions;
  private active: string | null = null;
  private selected: { sheet: string; row: number; column: number } | null = null;
  private lastSheet: MemorySheet | undefined;

  constructor(options: MemoryWorkbookOptions = {}) {
    this.payloadLimitBytes = options.payloadLimitBytes ?? DEFAULT_PAYLOAD_LIMIT;
    this.writerOptions = options.writer ?? {};
  }

  // ---- WorkbookPort ------------------------------------------------------------------------------

  async sheetNames(): Promise<string[]> {
    return this.sheetList.map((sheet) => sheet.name);
  }

  async tableNames(): Promise<string[]> {
    return [...this.tableMap.values()].map((table) => table.name);
  }

  async readSheetValues(name: string): Promise<CellValue[][]> {
    const sheet = this.requireSheet(name);
    const { rowCount, columnCount } = sheet.usedRange();
    return Array.from({ length: rowCount }, (_, r) => Array.from({ length: columnCount }, (_, c) => sheet.value(r, c)));
  }

  async writeSheetCells(sheet: string, row: number, column: number, values: CellValue[][], fills: SheetFill[] = []): Promise<void> {
    this.requireSheet(sheet);
    await writeCells(this.batch(), { sheet, row, column }, values, fills, this.writerOptions);
  }

  async readTable(name: string): Promise<TableData | null> {
    const table = this.table(name);
    if (!table) return null;
    const sheet = this.requireSheet(table.sheet);
    const readRow = (row: number): CellValue[] =>
      Array.from({ length: table.columnCount }, (_, c) => sheet.value(row, table.column + c));
    const headers = readRow(table.row).map((header) => String(header ?? ""));
    const rows = Array.from({ length: table.rowCount - 1 }, (_, r) => readRow(table.row + 1 + r));
    return { sheet: table.sheet, table: table.name, headers, rows, firstDataRow: table.row + 1, firstColumn: table.column };
  }

  async writeTable(spec: TableSpec, options: WriteOptions = {}): Promise<WriteReport> {
    return writeTableSheet(this.batch(), spec, { ...this.writerOptions, ...options });
  }

  async appendTableRows(table: string, columns: ColumnSpec[], rows: CellValue[][], options: WriteOptions = {}): Promise<WriteReport> {
    return appendRows(this.batch(), this.locate(table), columns, rows, { ...this.writerOptions, ...options });
  }

  async updateTableRows(table: string, columns: ColumnSpec[], updates: RowUpdate[]): Promise<void> {
    await patchRows(this.batch(), this.locate(table), columns, updates, this.writerOptions.targetBytes);
  }

  async updateTableColumns(table: string, columns: string[], values: CellValue[][]): Promise<void> {
    await updateColumns(this.batch(), this.locate(table), columns, values, this.writerOptions);
  }

  async markCells(table: string, marks: CellMark[]): Promise<void> {
    await markTableCells(this.batch(), this.locate(table), marks);
  }

  async activate(sheet: string): Promise<void> {
    this.requireSheet(sheet);
    this.active = sheet;
    this.emit({ kind: "sheets" });
  }

  async activeSheetName(): Promise<string | null> {
    return this.activeSheet();
  }

  async activeCell(): Promise<ActiveCell | null> {
    const sheet = this.activeSheet();
    if (!sheet) return null;
    const at = this.selected?.sheet === sheet ? this.selected : { row: 0, column: 0 };
    const { value, formula } = this.cellData(sheet, at.row, at.column);
    return { sheet, row: at.row, column: at.column, address: a1Address(at.row, at.column), formula, value };
  }

  /** The grid's selection (the workbench calls it as the user moves), read back by activeCell. */
  selectCell(sheet: string, row: number, column: number): void {
    this.selected = { sheet, row, column };
  }

  // ---- What the workbench grid draws -------------------------------------------------------------

  sheets(): SheetModel[] {
    return this.sheetList.map((sheet) => ({
      name: sheet.name,
      visibility: sheet.visibility,
      frozenRows: sheet.frozenRows,
      frozenColumns: sheet.frozenColumns,
      ...sheet.usedRange(),
    }));
  }

  activeSheet(): string | null {
    return this.active ?? this.sheetList.find((sheet) => sheet.visibility === "visible")?.name ?? null;
  }

  cell(sheetName: string, row: number, column: number): CellModel {
    const sheet = this.requireSheet(sheetName);
    const { value, formula, style } = this.cellData(sheetName, row, column);
    return { ...style, value, formula, ...displayText(value, style.numberFormat), spillAnchor: sheet.spillAnchor(row, column) };
  }

  cellData(sheetName: string, row: number, column: number): CellData {
    const sheet = this.requireSheet(sheetName);
    const styleId = sheet.styleId(row, column);
    return { value: sheet.value(row, column), formula: sheet.formula(row, column), style: this.styles.get(styleId), styleId };
  }

  usedRange(sheet: string): { rowCount: number; columnCount: number } {
    return this.requireSheet(sheet).usedRange();
  }

  /** Width in points, or undefined for Excel's default width. */
  columnWidth(sheet: string, column: number): number | undefined {
    return this.requireSheet(sheet).columnWidths.get(column);
  }

  rowOutlineLevel(sheet: string, row: number): number {
    return this.requireSheet(sheet).outlineLevels.get(row) ?? 0;
  }

  /** Every grouped row as [row, level], ascending. */
  outlinedRows(sheet: string): [number, number][] {
    return [...this.requireSheet(sheet).outlineLevels].sort((a, b) => a[0] - b[0]);
  }

  /** Groups a row at an outline level (0 = ungrouped); Excel allows at most 8 levels. */
  setRowOutlineLevel(sheet: string, row: number, level: number): void {
    if (!Number.isInteger(level) || level < 0 || level > MAX_OUTLINE_LEVEL) {
      throw new RangeError(`Outline level ${level} is outside 0..${MAX_OUTLINE_LEVEL}.`);
    }
    const levels = this.requireSheet(sheet).outlineLevels;
    if (level === 0) levels.delete(row);
    else levels.set(row, level);
  }

  tables(): TableModel[] {
    return [...this.tableMap.values()].map((table) => ({ ...table }));
  }

  table(name: string): TableModel | undefined {
    const table = this.tableMap.get(name.toLowerCase());
    return table ? { ...table } : undefined;
  }

  /** A user typing into a cell: text, a number, a date, TRUE/FALSE, or a formula starting with "=". */
  setCellInput(sheetName: string, row: number, column: number, input: string): void {
    const sheet = this.requireSheet(sheetName);
    if (input !== "") this.autoExpandTable(sheet, row, column);
    this.writeCell(sheet, row, column, input);
    this.emit({ kind: "input", sheet: sheetName, row, column });
  }

  /**
   * Excel's table AutoExpansion: typing into the row right below a table, within its columns, adds that
   * row, and the new row takes the formats of the row above (text code columns, grey computed columns).
   */
  private autoExpandTable(sheet: MemorySheet, row: number, column: number): void {
    for (const table of this.tableMap.values()) {
      const below = table.sheet.toLowerCase() === sheet.name.toLowerCase() && row === table.row + table.rowCount;
      if (!below || column < table.column || column >= table.column + table.columnCount) continue;
      for (let c = table.column; c < table.column + table.columnCount; c++) {
        const above = this.styles.withQuotePrefix(sheet.styleId(row - 1, c), false);
        sheet.restyle(row, c, 1, 1, () => above);
      }
      table.rowCount += 1;
    }
  }

  /**
   * Stores the computed result of the formula in a cell (evaluation happens outside the workbook); an
   * array result spills, or turns into #SPILL! when the cells it needs are not empty.
   */
  setFormulaResult(sheetName: string, row: number, column: number, value: CellValue | CellValue[][]): void {
    const sheet = this.requireSheet(sheetName);
    if (sheet.formula(row, column) === null) throw new Error(`${sheetName}!R${row + 1}C${column + 1} holds no formula.`);
    sheet.setResult(row, column, value);
    this.emit({ kind: "result", sheet: sheetName, row, column });
  }

  /** Areas asked to recalculate, in order (tests assert them; the workbench's controller recalculates). */
  readonly calculationRequests: { sheet: string; areas: string[] }[] = [];

  async calculateCells(sheet: string, areas: string[]): Promise<void> {
    this.calculationRequests.push({ sheet, areas: [...areas] });
    this.emit({ kind: "calculate", sheet, areas: [...areas] });
  }

  async findFormulas(text: string): Promise<FormulaCellRef[]> {
    return this.formulaCells().filter((cell) => cell.formula.toLowerCase().includes(text.toLowerCase()));
  }

  formulaCells(): { sheet: string; row: number; column: number; formula: string }[] {
    return this.sheetList.flatMap((sheet) => sheet.formulaCells().map((cell) => ({ sheet: sheet.name, ...cell })));
  }

  addSheet(name: string, visibility: SheetVisibility = "visible"): void {
    if (this.sheet(name)) throw new Error(`A sheet named "${name}" already exists.`);
    const sheet = new MemorySheet(name, this.styles);
    sheet.visibility = visibility;
    this.sheetList.push(sheet);
    this.emit({ kind: "sheets" });
  }

  setSheetVisibility(name: string, visibility: SheetVisibility): void {
    this.requireSheet(name).visibility = visibility;
    this.emit({ kind: "sheets" });
  }

  onChange(listener: (change: WorkbookChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---- Internals ---------------------------------------------------------------------------------

  private sheet(name: string): MemorySheet | undefined {
    // Most look-ups repeat the last name (bulk reads, exports), so check it before searching.
    if (this.lastSheet?.name === name) return this.lastSheet;
    const lower = name.toLowerCase();
    const found = this.sheetList.find((sheet) => sheet.name.toLowerCase() === lower);
    if (found) this.lastSheet = found;
    return found;
  }

  private requireSheet(name: string): MemorySheet {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`The workbook has no sheet "${name}".`);
    return sheet;
  }

  private locate(name: string): TableLocation {
    const table = this.table(name);
    if (!table) throw new Error(`The workbook has no table "${name}".`);
    const sheet = this.requireSheet(table.sheet);
    const headers = Array.from({ length: table.columnCount }, (_, c) => String(sheet.value(table.row, table.column + c) ?? ""));
    return { sheet: table.sheet, table: table.name, headerRow: table.row, firstColumn: table.column, headers, bodyRows: table.rowCount - 1 };
  }

  private writeCell(sheet: MemorySheet, row: number, column: number, input: CellValue): void {
    const format = this.styles.get(sheet.styleId(row, column)).numberFormat;
    const parsed = parseCellInput(input, format);
    // The quote prefix is a flag, not a character of the cell.
    const text = parsed.formula ?? parsed.value;
    if (typeof text === "string" && text.length > MAX_CELL_CHARS) {
      throw new RangeError(`Text of ${text.length} characters exceeds Excel's ${MAX_CELL_CHARS}-character cell limit.`);
    }
    sheet.setCell(row, column, parsed.value, parsed.formula ?? null, parsed.quotePrefix);
    if (parsed.impliedFormat) sheet.restyle(row, column, 1, 1, this.styles.patcher({ numberFormat: parsed.impliedFormat }));
  }

  private emit(change: WorkbookChange): void {
    for (const listener of this.listeners) listener(change);
  }

  private batch(): SyncBatch {
    return new MemoryBatch({
      payloadLimitBytes: this.payloadLimitBytes,
      styles: this.styles,
      sheet: (name) => this.requireSheet(name),
      prepare: (name, table, visibility) => this.prepare(name, table, visibility),
      writeCell: (sheet, row, column, value) => this.writeCell(sheet, row, column, value),
      addTable: (table) => this.tableMap.set(table.name.toLowerCase(), table),
      resizeTable: (name, rowCount) => this.resizeTable(name, rowCount),
      inspectTable: (name) => {
        const table = this.table(name);
        if (!table) return null;
        const sheet = this.requireSheet(table.sheet);
        const formulaColumns = Array.from({ length: table.columnCount }, (_, c) => sheet.formula(table.row + 1, table.column + c) !== null);
        return { ...this.locate(name), formulaColumns };
      },
      applied: (bytes) => {
        this.syncs += 1;
        this.largestSyncBytes = Math.max(this.largestSyncBytes, bytes);
        this.emit({ kind: "sync", bytes });
      },
    });
  }

  /** Excel's resize: a calculated column (one formula in every data row) fills the rows the table gains. */
  private resizeTable(name: string, rowCount: number): void {
    const table = this.tableMap.get(name.toLowerCase());
    if (!table) throw new Error(`The workbook has no table "${name}".`);
    const sheet = this.requireSheet(table.sheet);
    for (let c = table.column; c < table.column + table.columnCount; c++) {
      const formula = sheet.formula(table.row + 1, c);
      if (formula === null) continue;
      let calculated = true;
      for (let r = table.row + 2; r < table.row + table.rowCount && calculated; r++) calculated = sheet.formula(r, c) === formula;
      if (calculated) for (let r = table.row + table.rowCount; r < table.row + rowCount; r++) sheet.setCell(r, c, null, formula, false);
    }
    table.rowCount = rowCount;
  }

  private prepare(name: string, table: string, visibility: SheetVisibility): void {
    this.tableMap.delete(table.toLowerCase());
    let sheet = this.sheet(name);
    if (sheet) {
      sheet.clear();
      // Other tables on the cleared sheet lose their cells, so they go too.
      for (const [key, other] of this.tableMap) if (other.sheet.toLowerCase() === name.toLowerCase()) this.tableMap.delete(key);
    } else {
      sheet = new MemorySheet(name, this.styles);
      this.sheetList.push(sheet);
    }
    sheet.visibility = visibility;
    this.emit({ kind: "sheets" });
  }
}

/** "B7" for 0-based row 6, column 1. */
export function a1Address(row: number, column: number): string {
  let letters = "";
  for (let c = column + 1; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}
