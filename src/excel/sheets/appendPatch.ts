/**
 * The "append + patch" refresh of ledger sheets (excel.md §3.1): ledgers are append-only, so entries
 * above the sheet's highest Entry No. are appended and rows whose values changed (Remaining Quantity,
 * Open, cost amounts …) are patched in place, found by their Entry No. whatever the user's sort order.
 * A sheet that does not match (missing, other columns, unknown entries) is written again in full.
 */
import { isoToSerial } from "../cellValues";
import type { CellValue, ColumnSpec, RowUpdate, TableData, TableSpec, WorkbookPort, WriteOptions, WriteReport } from "../port";

export interface RefreshResult {
  mode: "full" | "incremental";
  appended: number;
  patched: number;
  /** The full write's report, when the sheet was written again. */
  report?: WriteReport;
}

/** A value as the sheet gives it back after writing: dates as serials, empty text as null. */
function asRead(value: CellValue, column: ColumnSpec): CellValue {
  if (value === "" || value === null) return null;
  if (typeof value === "string" && (column.kind === "date" || column.kind === "timestamp")) return isoToSerial(value) ?? value;
  return value;
}

/** Sheet row index per entry number, or null when the sheet cannot be refreshed incrementally. */
function indexEntries(table: TableData, keyColumn: number): Map<number, number> | null {
  const rows = new Map<number, number>();
  for (const [index, row] of table.rows.entries()) {
    const key = row[keyColumn];
    if (typeof key !== "number" || rows.has(key)) return null;
    rows.set(key, index);
  }
  return rows;
}

/** Refreshes `spec.table` from `spec.rows`, whose first column is the Entry No. */
export async function refreshByEntryNo(port: WorkbookPort, spec: TableSpec, options: WriteOptions = {}): Promise<RefreshResult> {
  const full = async (): Promise<RefreshResult> => ({ mode: "full", appended: 0, patched: 0, report: await port.writeTable(spec, options) });
  const table = await port.readTable(spec.table);
  if (!table || table.sheet !== spec.sheet) return full();
  const columnIndexes = spec.columns.map((column) => table.headers.indexOf(column.header));
  if (columnIndexes.some((index) => index < 0)) return full();
  const sheetRows = indexEntries(table, columnIndexes[0]);
  const wanted = new Set(spec.rows.map((row) => row[0]));
  if (!sheetRows || sheetRows.size === 0 || [...sheetRows.keys()].some((entryNo) => !wanted.has(entryNo))) return full();

  const appended: CellValue[][] = [];
  const patches: RowUpdate[] = [];
  for (const row of spec.rows) {
    const index = sheetRows.get(row[0] as number);
    if (index === undefined) {
      appended.push(row);
      continue;
    }
    const current = table.rows[index];
    const changed = spec.columns.some((column, c) => asRead(row[c] ?? null, column) !== (current[columnIndexes[c]] ?? null));
    if (changed) patches.push({ row: index, values: row });
  }
  if (patches.length > 0) await port.updateTableRows(spec.table, spec.columns, patches);
  if (appended.length > 0) await port.appendTableRows(spec.table, spec.columns, appended, options);
  return { mode: "incremental", appended: appended.length, patched: patches.length };
}
