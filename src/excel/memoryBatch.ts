/**
 * The in-memory workbook's SyncBatch: operations queue until sync, and a queue whose estimated size
 * exceeds the payload limit is refused whole (nothing applied), as Excel on the web refuses a request.
 */
import { jsonBytes } from "./cellValues";
import type { CellStyle } from "./memorySheet";
import type { MemorySheet, StyleTable } from "./memorySheet";
import type { CellFill, CellValue, SheetVisibility } from "./port";
import type { ExistingTable, FontPatch, SyncBatch } from "./syncBatch";
import { FILL_COLOR, MAX_OUTLINE_LEVEL, PayloadLimitError } from "./syncBatch";

export interface TableModel {
  name: string;
  sheet: string;
  /** 0-based header row and first column. */
  row: number;
  column: number;
  /** Header row included. */
  rowCount: number;
  columnCount: number;
  style: string;
}

interface PendingOp {
  bytes: number;
  apply: () => void;
}

/** What a MemoryBatch may do to its workbook. */
export interface BatchAccess {
  readonly payloadLimitBytes: number;
  readonly styles: StyleTable;
  sheet(name: string): MemorySheet;
  prepare(name: string, table: string, visibility: SheetVisibility): void;
  writeCell(sheet: MemorySheet, row: number, column: number, value: CellValue): void;
  addTable(table: TableModel): void;
  resizeTable(table: string, rowCount: number): void;
  inspectTable(table: string): ExistingTable | null;
  applied(bytes: number): void;
}

/** Queues operations and applies them on sync, refusing a queue over the payload limit as Excel does. */
export class MemoryBatch implements SyncBatch {
  syncs = 0;
  private pending: PendingOp[] = [];

  constructor(private readonly access: BatchAccess) {}

  /** Clearing the in-memory sheet also drops its row groups, as replacing the sheet does in Excel. */
  async prepareSheet(sheet: string, table: string, visibility: SheetVisibility): Promise<void> {
    this.queue({ sheet, table, visibility }, () => this.access.prepare(sheet, table, visibility));
  }

  async inspectTable(table: string): Promise<ExistingTable | null> {
    return this.access.inspectTable(table);
  }

  clear(sheet: string, row: number, column: number, rowCount: number, columnCount: number, what: "contents" | "all"): void {
    if (rowCount <= 0 || columnCount <= 0) return;
    this.queue({ sheet, row, column, rowCount, columnCount, what }, () =>
      this.access.sheet(sheet).clearBlock(row, column, rowCount, columnCount, what === "all"),
    );
  }

  setValues(sheetName: string, row: number, column: number, values: CellValue[][]): void {
    this.queue({ sheetName, row, column, values }, () => {
      const sheet = this.access.sheet(sheetName);
      values.forEach((cells, r) => cells.forEach((value, c) => this.access.writeCell(sheet, row + r, column + c, value)));
    });
  }

  setNumberFormat(sheet: string, row: number, column: number, rowCount: number, format: string): void {
    this.restyle(sheet, row, column, rowCount, 1, { numberFormat: format });
  }

  setFont(sheet: string, row: number, column: number, font: FontPatch): void {
    this.restyle(sheet, row, column, 1, 1, { ...(font.bold !== undefined && { bold: font.bold }), ...(font.size !== undefined && { fontSize: font.size }) });
  }

  setFill(sheet: string, row: number, column: number, rowCount: number, fill: CellFill): void {
    this.restyle(sheet, row, column, rowCount, 1, { fill: fill === null ? null : FILL_COLOR[fill] });
  }

  setColumnWidth(sheet: string, column: number, points: number): void {
    this.queue({ sheet, column, points }, () => this.access.sheet(sheet).columnWidths.set(column, points));
  }

  addTable(sheet: string, table: string, row: number, column: number, rowCount: number, columnCount: number, style: string): void {
    const model: TableModel = { name: table, sheet, row, column, rowCount, columnCount, style };
    this.queue(model, () => this.access.addTable({ ...model, sheet: this.access.sheet(sheet).name }));
  }

  freezePanes(sheetName: string, rows: number, columns: number): void {
    this.queue({ sheetName, rows, columns }, () => {
      const sheet = this.access.sheet(sheetName);
      sheet.frozenRows = rows;
      sheet.frozenColumns = columns;
    });
  }

  resizeTable(sheet: string, table: string, row: number, column: number, rowCount: number, columnCount: number): void {
    this.queue({ sheet, table, row, column, rowCount, columnCount }, () => this.access.resizeTable(table, rowCount));
  }

  groupRows(sheet: string, row: number, rowCount: number): void {
    this.queue({ sheet, row, rowCount }, () => this.access.sheet(sheet).groupRows(row, rowCount, MAX_OUTLINE_LEVEL));
  }

  setIndent(sheet: string, row: number, column: number, rowCount: number, indent: number): void {
    this.restyle(sheet, row, column, rowCount, 1, { indent });
  }

  setValidationList(sheet: string, row: number, column: number, rowCount: number, list: readonly string[]): void {
    this.restyle(sheet, row, column, rowCount, 1, { validationList: [...list] });
  }

  async sync(): Promise<void> {
    const ops = this.pending;
    this.pending = [];
    const bytes = ops.reduce((sum, op) => sum + op.bytes, 0);
    if (bytes > this.access.payloadLimitBytes) throw new PayloadLimitError(bytes, this.access.payloadLimitBytes);
    for (const op of ops) op.apply();
    this.syncs += 1;
    this.access.applied(bytes);
  }

  private restyle(sheet: string, row: number, column: number, rowCount: number, columnCount: number, patch: Partial<CellStyle>): void {
    this.queue({ sheet, row, column, rowCount, columnCount, patch }, () =>
      this.access.sheet(sheet).restyle(row, column, rowCount, columnCount, this.access.styles.patcher(patch)),
    );
  }

  /** The request size of an operation is estimated as the JSON size of its arguments. */
  private queue(args: unknown, apply: () => void): void {
    this.pending.push({ bytes: jsonBytes(args), apply });
  }
}
