/**
 * The office-js workbook: the WorkbookPort inside Excel. Writes go through the shared SheetWriter
 * (values first, then `tables.add`, then formats, notes §4.3); calculation is manual during a write
 * and restored in `finally`, and screen updating is suspended for each sync (excel.md §3.1).
 * Reads are chunked too, since Excel on the web also limits a response to 5 MB.
 */
import { jsonBytes } from "./cellValues";
import { calculateAreas, findFormulaCells } from "./officeCalculate";
import type {
  ActiveCell, CellFill, FormulaCellRef, CellMark, CellValue, ColumnSpec, RowUpdate, SheetFill, SheetVisibility, TableData, TableSpec, WorkbookPort, WriteOptions,
  WriteReport,
} from "./port";
import type { ChunkOptions } from "./sheetWriter";
import { DEFAULT_TARGET_BYTES, writeTableSheet } from "./sheetWriter";
import type { ExistingTable, FontPatch, SyncBatch } from "./syncBatch";
import { FILL_COLOR } from "./syncBatch";
import type { TableLocation } from "./tableOps";
import { appendRows, markTableCells, patchRows, updateColumns, writeCells } from "./tableOps";

export type ExcelRun = <T>(work: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeWorkbookOptions {
  writer?: ChunkOptions;
  /** Rows in the first read chunk; later chunks are sized from it to the writer's target bytes. */
  firstReadRows?: number;
  /** Defaults to the global `Excel.run` (tests inject office-addin-mock's). */
  run?: ExcelRun;
}

/** Excel.run, or a clear refusal when the page runs outside Excel (office.js loaded, no host). */
const runInExcel: ExcelRun = (work) =>
  typeof Excel === "undefined" ? Promise.reject(new Error("Excel is not available: the add-in is running outside Excel")) : Excel.run(work);

const VISIBILITY: Record<SheetVisibility, Excel.SheetVisibility> = {
  visible: "Visible" as Excel.SheetVisibility,
  hidden: "Hidden" as Excel.SheetVisibility,
  veryHidden: "VeryHidden" as Excel.SheetVisibility,
};

export class OfficeWorkbook implements WorkbookPort {
  private readonly run: ExcelRun;
  private readonly writer: ChunkOptions;
  private readonly firstReadRows: number;

  constructor(options: OfficeWorkbookOptions = {}) {
    this.run = options.run ?? runInExcel;
    this.writer = options.writer ?? {};
    this.firstReadRows = options.firstReadRows ?? 1000;
  }

  sheetNames(): Promise<string[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      return sheets.items.map((sheet) => sheet.name);
    });
  }

  tableNames(): Promise<string[]> {
    return this.run(async (context) => {
      const tables = context.workbook.tables;
      tables.load("items/name");
      await context.sync();
      return tables.items.map((table) => table.name);
    });
  }

  /** The used range (values only) measured first, then read from A1 in row blocks like a table body. */
  readSheetValues(sheet: string): Promise<CellValue[][]> {
    return this.run(async (context) => {
      const used = context.workbook.worksheets.getItem(sheet).getUsedRangeOrNullObject(true);
      used.load("rowIndex, columnIndex, rowCount, columnCount");
      await context.sync();
      if (used.isNullObject) return [];
      const rows = used.rowIndex + used.rowCount;
      const columns = used.columnIndex + used.columnCount;
      return this.readBlock(context, { sheet, firstRow: 0, firstColumn: 0, rows, columns });
    });
  }

  writeSheetCells(sheet: string, row: number, column: number, values: CellValue[][], fills: SheetFill[] = []): Promise<void> {
    return this.run((context) => withManualCalculation(context, () => writeCells(new OfficeBatch(context), { sheet, row, column }, values, fills, this.writer)));
  }

  readTable(name: string): Promise<TableData | null> {
    return this.run(async (context) => {
      const location = await locateTable(context, name);
      if (!location) return null;
      const rows = await this.readRows(context, location);
      return { sheet: location.sheet, table: location.table, headers: location.headers, rows, firstDataRow: location.headerRow + 1, firstColumn: location.firstColumn };
    });
  }

  writeTable(spec: TableSpec, options: WriteOptions = {}): Promise<WriteReport> {
    return this.run((context) => withManualCalculation(context, () => writeTableSheet(new OfficeBatch(context), spec, { ...this.writer, ...options })));
  }

  appendTableRows(table: string, columns: ColumnSpec[], rows: CellValue[][], options: WriteOptions = {}): Promise<WriteReport> {
    return this.run(async (context) => {
      const location = await requireTable(context, table);
      return withManualCalculation(context, () => appendRows(new OfficeBatch(context), location, columns, rows, { ...this.writer, ...options }));
    });
  }

  updateTableRows(table: string, columns: ColumnSpec[], updates: RowUpdate[]): Promise<void> {
    return this.run(async (context) => {
      const location = await requireTable(context, table);
      await withManualCalculation(context, () => patchRows(new OfficeBatch(context), location, columns, updates, this.writer.targetBytes));
    });
  }

  updateTableColumns(table: string, columns: string[], values: CellValue[][]): Promise<void> {
    return this.run(async (context) => {
      const location = await requireTable(context, table);
      await withManualCalculation(context, () => updateColumns(new OfficeBatch(context), location, columns, values, this.writer));
    });
  }

  markCells(table: string, marks: CellMark[]): Promise<void> {
    return this.run(async (context) => {
      await markTableCells(new OfficeBatch(context), await requireTable(context, table), marks);
    });
  }

  /** At start: a calculation mode left behind by an interrupted write is restored; returns it, or null. */
  recoverCalculationMode(): Promise<string | null> {
    return this.run(async (context) => {
      const stored = context.workbook.properties.custom.getItemOrNullObject(CALCULATION_MODE_PROPERTY);
      stored.load("value");
      await context.sync();
      if (stored.isNullObject) return null;
      const mode = String(stored.value);
      context.workbook.application.calculationMode = mode as Excel.CalculationMode;
      stored.delete();
      await context.sync();
      return mode;
    });
  }

  activate(sheet: string): Promise<void> {
    return this.run(async (context) => {
      context.workbook.worksheets.getItem(sheet).activate();
      await context.sync();
    });
  }

  activeCell(): Promise<ActiveCell | null> {
    return this.run(async (context) => {
      const cell = context.workbook.getActiveCell();
      cell.load(["address", "formulas", "values", "rowIndex", "columnIndex"]);
      await context.sync();
      // "Sheet1!B7" or "'My sheet'!B7": the sheet part is quoted when it holds spaces.
      const bang = cell.address.lastIndexOf("!");
      const sheet = cell.address.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
      const formula = cell.formulas[0][0];
      const value = cell.values[0][0] as CellValue;
      return {
        sheet, row: cell.rowIndex, column: cell.columnIndex, address: cell.address.slice(bang + 1),
        formula: typeof formula === "string" && formula.startsWith("=") ? formula : null, value,
      };
    });
  }

  activeSheetName(): Promise<string | null> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load("name");
      await context.sync();
      return sheet.name;
    });
  }

  calculateCells(sheet: string, areas: string[]): Promise<void> {
    return this.run((context) => calculateAreas(context, sheet, areas));
  }

  findFormulas(text: string): Promise<FormulaCellRef[]> {
    return this.run((context) => findFormulaCells(context, text));
  }

  /** The body in row blocks: a first small block measures bytes per row, the rest aim at the target size. */
  private readRows(context: Excel.RequestContext, location: TableLocation): Promise<CellValue[][]> {
    return this.readBlock(context, {
      sheet: location.sheet, firstRow: location.headerRow + 1, firstColumn: location.firstColumn, rows: location.bodyRows, columns: location.headers.length,
    });
  }

  private async readBlock(context: Excel.RequestContext, block: ReadBlock): Promise<CellValue[][]> {
    const sheet = context.workbook.worksheets.getItem(block.sheet);
    const rows: CellValue[][] = [];
    let size = this.firstReadRows;
    while (rows.length < block.rows && block.columns > 0) {
      const count = Math.min(size, block.rows - rows.length);
      const range = sheet.getRangeByIndexes(block.firstRow + rows.length, block.firstColumn, count, block.columns);
      range.load("values");
      await context.sync();
      const values = range.values as CellValue[][];
      // A loop, not push(...values): a block can hold more rows than a call takes arguments.
      for (const row of values) rows.push(row.map((value) => (value === "" ? null : value)));
      size = Math.max(1, Math.floor((this.writer.targetBytes ?? DEFAULT_TARGET_BYTES) / Math.max(1, jsonBytes(values) / count)));
    }
    return rows;
  }
}

/** A rectangle of a sheet to read (0-based). */
interface ReadBlock {
  sheet: string;
  firstRow: number;
  firstColumn: number;
  rows: number;
  columns: number;
}

type TableShape = TableLocation & { formulaColumns: boolean[] };

/** Where a table is and what it holds (two requests), or null; `sync` lets a batch count them. */
async function locateTable(context: Excel.RequestContext, name: string, sync = () => context.sync()): Promise<TableShape | null> {
  const table = context.workbook.tables.getItemOrNullObject(name);
  await sync();
  if (table.isNullObject) return null;
  const header = table.getHeaderRowRange();
  header.load("values, rowIndex, columnIndex");
  const body = table.getDataBodyRange();
  body.load("rowCount");
  const firstRow = body.getRow(0);
  firstRow.load("formulas");
  table.load("name");
  table.worksheet.load("name");
  await sync();
  return {
    sheet: table.worksheet.name,
    table: table.name,
    headerRow: header.rowIndex,
    firstColumn: header.columnIndex,
    headers: (header.values[0] as CellValue[]).map((value) => String(value ?? "")),
    bodyRows: body.rowCount,
    formulaColumns: (firstRow.formulas[0] as unknown[]).map((formula) => typeof formula === "string" && formula.startsWith("=")),
  };
}

async function requireTable(context: Excel.RequestContext, name: string): Promise<TableLocation> {
  const location = await locateTable(context, name);
  if (!location) throw new Error(`The workbook has no table "${name}".`);
  return location;
}

/** Custom document property holding the calculation mode to restore if a write never reached its `finally`. */
export const CALCULATION_MODE_PROPERTY = "INV.CalculationModeBeforeWrite";

/**
 * Manual calculation while writing (excel.md §3.1). The previous mode is stored in the workbook's
 * metadata in the same request that switches to manual, restored in `finally`, and restored by
 * `recoverCalculationMode` at the next start when the add-in died mid-write.
 */
async function withManualCalculation<T>(context: Excel.RequestContext, work: () => Promise<T>): Promise<T> {
  const application = context.workbook.application;
  application.load("calculationMode");
  await context.sync();
  const previous = application.calculationMode;
  if (previous === "Manual") return work();
  const custom = context.workbook.properties.custom;
  custom.add(CALCULATION_MODE_PROPERTY, previous);
  application.calculationMode = "Manual" as Excel.CalculationMode;
  try {
    return await work();
  } finally {
    application.calculationMode = previous;
    custom.getItem(CALCULATION_MODE_PROPERTY).delete();
    await context.sync();
  }
}

/** SyncBatch over an office-js request context: every operation is queued in the context until sync. */
class OfficeBatch implements SyncBatch {
  syncs = 0;
  private readonly sheets = new Map<string, Excel.Worksheet>();

  constructor(private readonly context: Excel.RequestContext) {}

  async prepareSheet(sheetName: string, table: string, visibility: SheetVisibility, outlined = false): Promise<void> {
    const worksheets = this.context.workbook.worksheets;
    const existing = worksheets.getItemOrNullObject(sheetName);
    const oldTable = this.context.workbook.tables.getItemOrNullObject(table);
    if (outlined) existing.load("position");
    await this.sync();
    if (!oldTable.isNullObject) oldTable.delete();
    let sheet: Excel.Worksheet;
    if (existing.isNullObject) {
      sheet = worksheets.add(sheetName);
    } else if (outlined) {
      // Clearing cells keeps row groups, and grouping again would stack levels: replace the sheet
      // (added first, since a workbook cannot lose its last visible sheet), at the same position.
      sheet = worksheets.add(`${sheetName.slice(0, 24)}~inv`);
      existing.delete();
      sheet.name = sheetName;
      sheet.position = existing.position;
    } else {
      // One table per sheet (excel.md §3.1): clearing the sheet removes the previous write's cells and formats.
      sheet = existing;
      sheet.getRange().clear();
      sheet.freezePanes.unfreeze();
    }
    sheet.visibility = VISIBILITY[visibility];
    this.sheets.set(sheetName, sheet);
  }

  inspectTable(name: string): Promise<ExistingTable | null> {
    return locateTable(this.context, name, () => this.sync());
  }

  clear(sheet: string, row: number, column: number, rowCount: number, columnCount: number, what: "contents" | "all"): void {
    if (rowCount <= 0 || columnCount <= 0) return;
    this.range(sheet, row, column, rowCount, columnCount).clear((what === "all" ? "All" : "Contents") as Excel.ClearApplyTo);
  }

  setValues(sheet: string, row: number, column: number, values: CellValue[][]): void {
    if (values.length === 0) return;
    this.range(sheet, row, column, values.length, values[0].length).values = values;
  }

  setNumberFormat(sheet: string, row: number, column: number, rowCount: number, format: string): void {
    // A 1×1 array is applied to every cell of the range, so a column costs one small request.
    this.range(sheet, row, column, rowCount, 1).numberFormat = [[format]];
  }

  setFont(sheet: string, row: number, column: number, font: FontPatch): void {
    const target = this.range(sheet, row, column, 1, 1).format.font;
    if (font.bold !== undefined) target.bold = font.bold;
    if (font.size !== undefined) target.size = font.size;
  }

  setFill(sheet: string, row: number, column: number, rowCount: number, fill: CellFill): void {
    const target = this.range(sheet, row, column, rowCount, 1).format.fill;
    if (fill === null) target.clear();
    else target.color = FILL_COLOR[fill];
  }

  setColumnWidth(sheet: string, column: number, points: number): void {
    this.range(sheet, 0, column, 1, 1).format.columnWidth = points;
  }

  addTable(sheet: string, table: string, row: number, column: number, rowCount: number, columnCount: number, style: string): void {
    const added = this.worksheet(sheet).tables.add(this.range(sheet, row, column, rowCount, columnCount), true);
    added.name = table;
    added.style = style;
  }

  freezePanes(sheet: string, rows: number, columns: number): void {
    const panes = this.worksheet(sheet).freezePanes;
    if (columns === 0) panes.freezeRows(rows);
    else panes.freezeAt(this.range(sheet, 0, 0, rows, columns));
  }

  resizeTable(sheet: string, table: string, row: number, column: number, rowCount: number, columnCount: number): void {
    this.context.workbook.tables.getItem(table).resize(this.range(sheet, row, column, rowCount, columnCount));
  }

  groupRows(sheet: string, row: number, rowCount: number): void {
    this.range(sheet, row, 0, rowCount, 1).getEntireRow().group("ByRows" as Excel.GroupOption);
  }

  setIndent(sheet: string, row: number, column: number, rowCount: number, indent: number): void {
    this.range(sheet, row, column, rowCount, 1).format.indentLevel = indent;
  }

  setValidationList(sheet: string, row: number, column: number, rowCount: number, list: readonly string[]): void {
    this.range(sheet, row, column, rowCount, 1).dataValidation.rule = { list: { inCellDropDown: true, source: list.join(",") } };
  }

  async sync(): Promise<void> {
    // "Until next sync": suspended for each request that writes (excel.md §3.1).
    this.context.workbook.application.suspendScreenUpdatingUntilNextSync();
    this.syncs += 1;
    await this.context.sync();
  }

  private worksheet(name: string): Excel.Worksheet {
    let sheet = this.sheets.get(name);
    if (!sheet) {
      sheet = this.context.workbook.worksheets.getItem(name);
      this.sheets.set(name, sheet);
    }
    return sheet;
  }

  private range(sheet: string, row: number, column: number, rowCount: number, columnCount: number): Excel.Range {
    return this.worksheet(sheet).getRangeByIndexes(row, column, rowCount, columnCount);
  }
}
