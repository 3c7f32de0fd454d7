/**
 * Glue between the in-memory workbook and the workbench UI: keeps formulas computed (after typing, after
 * sheet writes and after postings), tells React when to redraw, and knows when all work is done so the
 * end-to-end test can wait for it instead of sleeping.
 */
import type { CellValue } from "../excel/port";
import type { MemoryWorkbook, TableModel, WorkbookChange } from "../excel/memoryWorkbook";
import { FormulaEngine, type CustomFunctionImpl, type FormulaResult } from "./formulaEngine";
import type { GridCell, GridSheet } from "./gridModel";

const DEFAULT_COLUMN_PX = 64;
const POINTS_TO_PX = 4 / 3;
/** Passes over all formulas; a formula reading another formula settles in the next pass. */
const MAX_RECALC_PASSES = 4;
const HEADER_BACKGROUND = "#4472C4";
const BAND_BACKGROUND = "#D9E1F2";

/** Excel's error values, which it shows centred. */
const ERROR_VALUES = new Set(["#N/A", "#VALUE!", "#DIV/0!", "#NUM!", "#REF!", "#NAME?", "#NULL!", "#ERROR!", "#SPILL!"]);
const isErrorValue = (value: CellValue): boolean => typeof value === "string" && ERROR_VALUES.has(value);

/** A selection asked for from outside the grid (the pane's error list); `id` tells requests apart. */
export interface SelectionRequest {
  sheet: string;
  row: number;
  col: number;
  id: number;
}

export class WorkbenchController {
  private version = 0;
  private selectionRequest: SelectionRequest | null = null;
  private problem: string | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly engine: FormulaEngine;
  private recalcQueued = false;
  private recalcRunning: Promise<void> = Promise.resolve();
  private pendingWork = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(
    readonly workbook: MemoryWorkbook,
    functions: Readonly<Record<string, CustomFunctionImpl>>,
  ) {
    this.engine = new FormulaEngine(
      {
        cellValue: (sheet, row, col) => this.valueOrNull(sheet, row, col),
        usedSize: (sheet) => {
          const used = this.hasSheet(sheet) ? workbook.usedRange(sheet) : { rowCount: 0, columnCount: 0 };
          return { rows: used.rowCount, cols: used.columnCount };
        },
      },
      functions,
    );
    workbook.onChange((change) => this.onWorkbookChange(change));
  }

  // ---- React subscription (useSyncExternalStore) -------------------------------------------------

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getVersion = (): number => this.version;

  // ---- What the page shows -----------------------------------------------------------------------

  /** A page-level failure (start-up, demo data) shown above the workbook. */
  startupProblem(): string | null {
    return this.problem;
  }

  reportStartupProblem(message: string): void {
    this.problem = message;
    this.changed();
  }

  sheetNames(): string[] {
    return this.workbook.sheets().filter((sheet) => sheet.visibility === "visible").map((sheet) => sheet.name);
  }

  activeSheet(): string {
    return this.workbook.activeSheet() ?? "";
  }

  readonly showSheet = (sheet: string): void => {
    void this.workbook.activate(sheet);
  };

  /** Shows a table cell: activates its sheet and asks the grid to select it (`row`: 0-based data row). */
  readonly selectTableCell = (table: string, row: number, column: string): void => {
    const model = this.workbook.table(table);
    if (!model) return;
    const headers = Array.from({ length: model.columnCount }, (_, c) => this.workbook.cell(model.sheet, model.row, model.column + c).value);
    const offset = headers.indexOf(column);
    const request = { sheet: model.sheet, row: model.row + 1 + row, col: model.column + Math.max(0, offset), id: (this.selectionRequest?.id ?? 0) + 1 };
    this.selectionRequest = request;
    void this.workbook.activate(model.sheet);
  };

  lastSelectionRequest(): SelectionRequest | null {
    return this.selectionRequest;
  }

  /** The formula bar text: the formula, or the value as Excel shows it for editing. */
  cellInput(sheet: string, row: number, col: number): string {
    if (!this.hasSheet(sheet)) return "";
    const cell = this.workbook.cell(sheet, row, col);
    if (cell.formula) return cell.formula;
    if (cell.value === null) return "";
    if (typeof cell.value === "string") return (cell.quotePrefix ? "'" : "") + cell.value;
    if (typeof cell.value === "number" && cell.numberFormat.startsWith("yyyy")) return cell.text;
    return typeof cell.value === "boolean" ? (cell.value ? "TRUE" : "FALSE") : String(cell.value);
  }

  gridSheet(name: string): GridSheet {
    const model = this.workbook.sheets().find((sheet) => sheet.name === name);
    const tables = this.workbook.tables().filter((table) => table.sheet === name);
    return {
      name,
      rowCount: model?.rowCount ?? 0,
      colCount: model?.columnCount ?? 0,
      colWidth: (col) => {
        const points = model ? this.workbook.columnWidth(name, col) : undefined;
        return points === undefined ? DEFAULT_COLUMN_PX : Math.round(points * POINTS_TO_PX);
      },
      cell: (row, col) => (model ? this.gridCell(name, row, col, tables) : undefined),
    };
  }

  // ---- Editing and recalculation -----------------------------------------------------------------

  /** A user typing into a cell; resolves once every formula is recomputed. */
  async setCellInput(sheet: string, row: number, col: number, input: string): Promise<void> {
    this.workbook.setCellInput(sheet, row, col, input);
    await this.recalculate();
  }

  /** Recomputes every formula (coalesced: calls during a run share the next run). */
  recalculate(): Promise<void> {
    if (!this.recalcQueued) {
      this.recalcQueued = true;
      this.recalcRunning = this.track(
        this.recalcRunning.then(async () => {
          this.recalcQueued = false;
          await this.recalculateAll();
        }),
      );
    }
    return this.recalcRunning;
  }

  /** Resolves when no recalculation (or other tracked work) is pending. */
  whenIdle(): Promise<void> {
    if (this.pendingWork === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Counts `work` as pending for whenIdle(). */
  track<T>(work: Promise<T>): Promise<T> {
    this.pendingWork += 1;
    const done = () => {
      this.pendingWork -= 1;
      if (this.pendingWork === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    };
    return work.finally(done);
  }

  private async recalculateAll(): Promise<void> {
    for (let pass = 0; pass < MAX_RECALC_PASSES; pass++) {
      const cells = this.workbook.formulaCells();
      const results = await Promise.all(cells.map((cell) => this.engine.evaluate(cell.formula, { sheet: cell.sheet, row: cell.row, col: cell.column })));
      let changed = false;
      cells.forEach((cell, index) => {
        if (!this.showsResult(cell.sheet, cell.row, cell.column, results[index])) {
          changed = true;
          this.workbook.setFormulaResult(cell.sheet, cell.row, cell.column, results[index]);
        }
      });
      if (!changed) break;
    }
  }

  /** True when the cells already show `result` (for an array, its whole spill range). */
  private showsResult(sheet: string, row: number, col: number, result: FormulaResult): boolean {
    const rows = Array.isArray(result) ? result : [[result]];
    return rows.every((values, r) => values.every((value, c) => this.workbook.cell(sheet, row + r, col + c).value === value));
  }

  private onWorkbookChange(change: WorkbookChange): void {
    // Typed input and sheet writes can change what formulas read; results alone only need a redraw.
    if (change.kind === "input" || change.kind === "sync") void this.recalculate();
    this.changed();
  }

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }

  private hasSheet(sheet: string): boolean {
    return this.workbook.sheets().some((model) => model.name.toLowerCase() === sheet.toLowerCase());
  }

  private isEmpty(sheet: string, row: number, col: number): boolean {
    const cell = this.workbook.cell(sheet, row, col);
    return cell.value === null && cell.formula === null;
  }

  private valueOrNull(sheet: string, row: number, col: number): CellValue {
    return this.hasSheet(sheet) ? this.workbook.cell(sheet, row, col).value : null;
  }

  private gridCell(sheet: string, row: number, col: number, tables: readonly TableModel[]): GridCell | undefined {
    const cell = this.workbook.cell(sheet, row, col);
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
      overflow: typeof cell.value === "string" && !isErrorValue(cell.value) && !isHeader && this.isEmpty(sheet, row, col + 1),
    };
  }
}
