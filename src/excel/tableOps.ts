/**
 * Writes into an existing table (status and message columns, validation fills), shared by both
 * workbook implementations once they have located the table.
 */
import { toWireValue } from "./cellValues";
import type { CellMark, CellValue } from "./port";
import type { ChunkOptions } from "./sheetWriter";
import { writeRowsChunked } from "./sheetWriter";
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
