/**
 * `window.__invTest`: what the end-to-end test drives and reads besides the visible UI. Addresses are
 * A1 text ("B7"); every setter resolves after formulas are recomputed.
 */
import type { ImportError } from "../core/inventory/itemImport";
import type { LedgerStore } from "../core/ports";
import { InventoryService } from "../core/service/inventoryService";
import type { CellValue, TableData, TableSpec, WriteReport } from "../excel/port";
import type { WorkbenchController } from "./controller";
import { parseAddress } from "./gridModel";

export interface CellSnapshot {
  value: CellValue;
  text: string;
  formula: string | null;
  fill: string | null;
}

export interface LedgerSummary {
  items: string[];
  entries: number;
  lastEntryNo: number;
  ledgerVersion: number;
}

export interface InvTestHooks {
  /** Resolves when demo data and the demo sheets are in place. */
  ready: Promise<void>;
  isReady(): boolean;
  /** Why start-up failed, if it did (the e2e fails fast on it instead of timing out). */
  problem(): string | null;
  waitIdle(): Promise<void>;
  sheetNames(): string[];
  activeSheet(): string;
  setCell(sheet: string, address: string, input: string): Promise<CellSnapshot>;
  getCell(sheet: string, address: string): CellSnapshot;
  /** Data rows of a table keyed by header (null when the workbook has no such table). */
  tableRows(table: string): Promise<Record<string, CellValue>[] | null>;
  table(table: string): Promise<TableData | null>;
  /** Types records (header → input text) into a table's data rows from `firstRow` (0-based) on. */
  fillTableRows(table: string, records: Record<string, string>[], firstRow?: number): Promise<void>;
  ledger(): Promise<LedgerSummary>;
  /** Every item ledger and G/L entry number in the store, ascending (uniqueness and gap checks). */
  entryNumbers(): Promise<{ itemLedger: number[]; gl: number[] }>;
  /** Writes a table through the port, as the pane's sheet writers do (large-sheet checks). */
  writeTable(spec: TableSpec): Promise<WriteReport>;
  showSheet(sheet: string): void;
  /** Selects (and scrolls to) a table cell, as the pane's error links do; `row` is the 0-based data row. */
  selectTableCell(table: string, row: number, column: string): Promise<void>;
  /** The bulk item import of inventory.md §5 straight through the service (timing without the sheet I/O). */
  importItems(rows: unknown[][]): Promise<{ errors: ImportError[]; ms: number }>;
  /** Runs one service command (e2e set-up of what the pane has no screen for yet: BOM items, assembly). */
  command(name: TestCommand, input: unknown): Promise<void>;
  /** [0-based row, outline level] of a sheet's grouped rows (the Item Tracing outline). */
  outlinedRows(sheet: string): [number, number][];
}

/** The service commands the e2e may run directly. */
export type TestCommand = "postJournal" | "upsertItems" | "assemble" | "shipTransfer" | "receiveTransfer" | "order" | "reserve";

declare global {
  interface Window {
    __invTest?: InvTestHooks;
  }
}

function at(address: string): { row: number; col: number } {
  const position = parseAddress(address);
  if (!position) throw new Error(`"${address}" is not a cell address.`);
  return position;
}

async function ledgerSummary(store: LedgerStore): Promise<LedgerSummary> {
  return store.read(async (tx) => {
    const company = await tx.company();
    const items = await tx.items();
    const books = await tx.books(items.map((item) => item.no));
    const entries = [...books.values()].reduce((sum, book) => sum + book.entries.length, 0);
    return {
      items: items.map((item) => item.no),
      entries,
      lastEntryNo: company?.counters.lastItemLedgerEntryNo ?? 0,
      ledgerVersion: company?.ledgerVersion ?? 0,
    };
  });
}

export function installTestHooks(controller: WorkbenchController, store: LedgerStore, ready: Promise<void>): InvTestHooks {
  let isReady = false;
  void ready.then(() => (isReady = true));
  const { workbook } = controller;
  const getCell = (sheet: string, address: string): CellSnapshot => {
    const { row, col } = at(address);
    const cell = workbook.cell(sheet, row, col);
    return { value: cell.value, text: cell.text, formula: cell.formula, fill: cell.fill };
  };
  const hooks: InvTestHooks = {
    ready,
    isReady: () => isReady,
    problem: () => controller.currentProblem(),
    waitIdle: () => controller.whenIdle(),
    sheetNames: () => controller.sheetNames(),
    activeSheet: () => controller.activeSheet(),
    async setCell(sheet, address, input) {
      const { row, col } = at(address);
      await controller.setCellInput(sheet, row, col, input);
      return getCell(sheet, address);
    },
    getCell,
    table: (name) => workbook.readTable(name),
    async tableRows(name) {
      const table = await workbook.readTable(name);
      if (!table) return null;
      return table.rows.map((row) => Object.fromEntries(table.headers.map((header, index) => [header, row[index]])));
    },
    async fillTableRows(name, records, firstRow = 0) {
      const table = await workbook.readTable(name);
      if (!table) throw new Error(`The workbook has no table "${name}".`);
      for (const [index, record] of records.entries()) {
        for (const [header, input] of Object.entries(record)) {
          const column = table.headers.indexOf(header);
          if (column < 0) throw new Error(`Table ${name} has no column "${header}".`);
          workbook.setCellInput(table.sheet, table.firstDataRow + firstRow + index, table.firstColumn + column, input);
        }
      }
      await controller.recalculate();
    },
    ledger: () => ledgerSummary(store),
    async entryNumbers() {
      const snapshot = await store.exportAll();
      const ascending = (a: number, b: number) => a - b;
      return {
        itemLedger: snapshot.books.flatMap((book) => book.entries.map((entry) => entry.entryNo)).sort(ascending),
        gl: snapshot.glEntries.map((entry) => entry.entryNo).sort(ascending),
      };
    },
    writeTable: (spec) => workbook.writeTable(spec),
    showSheet: (sheet) => controller.showSheet(sheet),
    async selectTableCell(table, row, column) {
      controller.selectTableCell(table, row, column);
      await controller.whenIdle();
    },
    async importItems(rows) {
      const started = performance.now();
      const errors = await new InventoryService(store).importItems(rows);
      return { errors, ms: Math.round(performance.now() - started) };
    },
    async command(name, input) {
      const service = new InventoryService(store) as unknown as Record<TestCommand, (input: unknown) => Promise<unknown>>;
      await service[name](input);
      await controller.recalculate();
    },
    outlinedRows: (sheet) => workbook.outlinedRows(sheet),
  };
  window.__invTest = hooks;
  return hooks;
}
