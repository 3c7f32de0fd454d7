/**
 * Glue between the in-memory workbook and the workbench UI: keeps formulas computed (after typing, after
 * sheet writes and after postings), tells React when to redraw, and knows when all work is done so the
 * end-to-end test can wait for it instead of sleeping.
 */
import type { CellValue } from "../excel/port";
import type { MemoryWorkbook, WorkbookChange } from "../excel/memoryWorkbook";
import { FormulaEngine, type CustomFunctionImpl, type FormulaResult } from "./formulaEngine";
import type { GridSheet } from "./gridModel";
import { cellInputText, gridSheetOf } from "./gridView";

/** Passes over all formulas; a formula reading another formula settles in the next pass. */
const MAX_RECALC_PASSES = 4;

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

  /** A page-level failure (start-up, demo data, recalculation) shown above the workbook. */
  currentProblem(): string | null {
    return this.problem;
  }

  reportProblem(message: string): void {
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
    return this.hasSheet(sheet) ? cellInputText(this.workbook, sheet, row, col) : "";
  }

  gridSheet(name: string): GridSheet {
    return gridSheetOf(this.workbook, name);
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
          try {
            await this.recalculateAll();
          } catch (error) {
            // Reported, not rethrown: a failed run must not block every later recalculation.
            this.reportProblem(`Recalculation failed: ${error instanceof Error ? error.message : String(error)}`);
          }
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
        // The formula may have been edited or cleared while this pass was evaluating.
        if (this.workbook.cell(cell.sheet, cell.row, cell.column).formula !== cell.formula) return;
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
    // Typed input and sheet writes can change what formulas read; results alone only need a redraw. A
    // calculate request (Settings' "Refresh all INV formulas") is served by recomputing every formula.
    if (change.kind === "input" || change.kind === "sync" || change.kind === "calculate") void this.recalculate();
    this.changed();
  }

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }

  private hasSheet(sheet: string): boolean {
    return this.workbook.sheets().some((model) => model.name.toLowerCase() === sheet.toLowerCase());
  }

  private valueOrNull(sheet: string, row: number, col: number): CellValue {
    return this.hasSheet(sheet) ? this.workbook.cell(sheet, row, col).value : null;
  }
}
