/**
 * Writes into an existing table (status and message columns, validation fills, appended and patched
 * ledger rows), shared by both workbook implementations once they have located the table.
 */
import { jsonBytes, toWireValue } from "./cellValues";
import { numberFormatFor } from "./numberFormats";
import type { CellMark, CellValue, ColumnSpec, RowUpdate, SheetFill, WriteReport } from "./port";
import type { ChunkOptions } from "./sheetWriter";
import { DEFAULT_TARGET_BYTES, writeRowsChunked } from "./sheetWriter";
import type { SyncBatch } from "./syncBatch";

export interface TableLocation {
  sheet: string;
  table: string;
  /** 0-based worksheet row of the header. */
  headerRow: number;
  firstColumn: number;
  headers: string[];
  /** Data rows in the table body. */
  bodyRows: number;
}

/** Marks per sync: each is a small request, so a few thousand stay far below the limit. */
const MARKS_PER_SYNC = 2000;

function columnIndex(location: TableLocation, column: string): number {
  const index = location.headers.indexOf(column);
  if (index < 0) throw new Error(`Table ${location.table} has no column "${column}".`);
  return index;
}

export async function updateColumns(
  batch: SyncBatch,
  location: TableLocation,
  columns: readonly string[],
  values: readonly CellValue[][],
  options: ChunkOptions = {},
): Promise<void> {
  if (values.length > location.bodyRows) {
    throw new Error(`Table ${location.table} has ${location.bodyRows} rows; ${values.length} were given.`);
  }
  const indexes = columns.map((column) => columnIndex(location, column));
  if (indexes.length === 0 || values.length === 0) return;
  const wire = values.map((row) => indexes.map((_, i) => toWireValue(row[i] ?? null, "text")));
  const firstRow = location.headerRow + 1;
  const contiguous = indexes.every((index, i) => index === indexes[0] + i);
  if (contiguous) {
    await writeRowsChunked(batch, { sheet: location.sheet, row: firstRow, column: location.firstColumn + indexes[0] }, wire, options);
    return;
  }
  // Scattered columns: one block per column.
  for (const [i, index] of indexes.entries()) {
    const block = wire.map((row) => [row[i]]);
    await writeRowsChunked(batch, { sheet: location.sheet, row: firstRow, column: location.firstColumn + index }, block, options);
  }
}

export async function markTableCells(batch: SyncBatch, location: TableLocation, marks: readonly CellMark[]): Promise<void> {
  const firstRow = location.headerRow + 1;
  for (let start = 0; start < marks.length; start += MARKS_PER_SYNC) {
    for (const mark of marks.slice(start, start + MARKS_PER_SYNC)) {
      const column = location.firstColumn + columnIndex(location, mark.column);
      if (mark.row === "all") {
        batch.setFill(location.sheet, firstRow, column, Math.max(location.bodyRows, 1), mark.fill);
      } else {
        if (mark.row < 0 || mark.row >= location.bodyRows) throw new Error(`Table ${location.table} has no row ${mark.row}.`);
        batch.setFill(location.sheet, firstRow + mark.row, column, 1, mark.fill);
      }
    }
    await batch.sync();
  }
}

/** Table columns of `columns` by header; throws when the table lacks one. */
function indexesOf(location: TableLocation, columns: readonly ColumnSpec[]): number[] {
  return columns.map((column) => columnIndex(location, column.header));
}

/** Append: values below the last data row in chunks, then the table resized over them and formats for the new block. */
export async function appendRows(
  batch: SyncBatch,
  location: TableLocation,
  columns: readonly ColumnSpec[],
  rows: readonly CellValue[][],
  options: ChunkOptions = {},
): Promise<WriteReport> {
  const indexes = indexesOf(location, columns);
  const width = location.headers.length;
  // Rows span the whole table width; columns the caller does not know stay empty.
  const wire = rows.map((row) => {
    const line: CellValue[] = Array.from({ length: width }, () => "");
    indexes.forEach((index, i) => (line[index] = toWireValue(row[i] ?? null, columns[i].kind)));
    return line;
  });
  const startSyncs = batch.syncs;
  const firstRow = location.headerRow + 1 + location.bodyRows;
  const chunks = await writeRowsChunked(batch, { sheet: location.sheet, row: firstRow, column: location.firstColumn }, wire, options);
  batch.resizeTable(location.sheet, location.table, location.headerRow, location.firstColumn, location.bodyRows + chunks.rowsWritten + 1, width);
  columns.forEach((column, i) => {
    const values = rows.slice(0, chunks.rowsWritten).map((row) => row[i] ?? null);
    if (chunks.rowsWritten > 0) batch.setNumberFormat(location.sheet, firstRow, location.firstColumn + indexes[i], chunks.rowsWritten, numberFormatFor(column.kind, values));
  });
  await batch.sync();
  return { rows: chunks.rowsWritten, syncs: batch.syncs - startSyncs, largestRequestBytes: chunks.largestRequestBytes, rowsPerSync: chunks.rowsPerSync, complete: chunks.complete };
}

/** Patches whole rows in place, as many per sync as fit the target request size. */
export async function patchRows(
  batch: SyncBatch,
  location: TableLocation,
  columns: readonly ColumnSpec[],
  updates: readonly RowUpdate[],
  targetBytes = DEFAULT_TARGET_BYTES,
): Promise<void> {
  const indexes = indexesOf(location, columns);
  // Runs of columns adjacent in the table become one write each (user columns may sit in between).
  const runs: { start: number; members: number[] }[] = [];
  indexes.forEach((index, i) => {
    const last = runs[runs.length - 1];
    if (last && indexes[last.members[last.members.length - 1]] + 1 === index) last.members.push(i);
    else runs.push({ start: index, members: [i] });
  });
  let pendingBytes = 0;
  for (const update of updates) {
    if (update.row < 0 || update.row >= location.bodyRows) throw new Error(`Table ${location.table} has no row ${update.row}.`);
    for (const run of runs) {
      const values = [run.members.map((i) => toWireValue(update.values[i] ?? null, columns[i].kind))];
      batch.setValues(location.sheet, location.headerRow + 1 + update.row, location.firstColumn + run.start, values);
      pendingBytes += jsonBytes(values) + 40;
    }
    if (pendingBytes >= targetBytes) {
      await batch.sync();
      pendingBytes = 0;
    }
  }
  if (pendingBytes > 0) await batch.sync();
}

/**
 * Values into a plain sheet's cells (no table), strings quote-prefixed so they stay text, in chunks
 * under the request limit; then the fills, a bounded number per sync like markTableCells.
 */
export async function writeCells(
  batch: SyncBatch,
  target: { sheet: string; row: number; column: number },
  values: readonly CellValue[][],
  fills: readonly SheetFill[],
  options: ChunkOptions = {},
): Promise<void> {
  if (target.row < 0 || target.column < 0) throw new RangeError(`Cell R${target.row}C${target.column} is outside the sheet.`);
  const width = Math.max(0, ...values.map((row) => row.length));
  // A range write needs a rectangle: short rows are padded with empty cells.
  const wire = values.map((row) => Array.from({ length: width }, (_, c) => toWireValue(row[c] ?? null, "text")));
  if (width > 0) await writeRowsChunked(batch, target, wire, options);
  for (let start = 0; start < fills.length; start += MARKS_PER_SYNC) {
    for (const mark of fills.slice(start, start + MARKS_PER_SYNC)) {
      const rowCount = mark.rowCount ?? 1;
      if (rowCount > 0) batch.setFill(target.sheet, mark.row, mark.column, rowCount, mark.fill);
    }
    await batch.sync();
  }
}
