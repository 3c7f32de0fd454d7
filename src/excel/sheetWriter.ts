/**
 * The SheetWriter (excel.md §3.1): banner rows 1–3, header on row 5, data below it in chunks sized to
 * stay under the request payload limit, then the table, number formats, widths and frozen panes.
 * Both workbook implementations run it through their SyncBatch, so the chunking logic exists once.
 */
import { MAX_CELL_CHARS, jsonBytes, textToWire, toWireValue } from "./cellValues";
import { COLUMN_WIDTH, numberFormatFor } from "./numberFormats";
import type { CellValue, TableSpec, WriteOptions, WriteReport } from "./port";
import type { ExistingTable, SyncBatch } from "./syncBatch";
import { MAX_INDENT, MAX_OUTLINE_LEVEL, TABLE_STYLE, isPayloadLimitError } from "./syncBatch";

/** Row 5 holds the header (0-based 4); rows 1–3 the banner. */
export const HEADER_ROW = 4;
export const FIRST_DATA_ROW = HEADER_ROW + 1;
/** Excel's sheet size: 1,048,576 rows. */
export const MAX_SHEET_ROWS = 1_048_576;

/** `targetBytes` (from WriteOptions): excel.md §3.1 aims at 2 MB on the web, under its 5 MB limit. */
export interface ChunkOptions extends WriteOptions {
  /** Halvings allowed in a row after RequestPayloadSizeLimitExceeded (excel.md §3.1: 5). */
  maxRetries?: number;
  /** Rows used to estimate bytes per row. */
  sampleRows?: number;
  /** Gives the event loop control between chunks (excel.md §3.1, notes §4.3: 5 s freeze restarts add-ins). */
  yieldToEventLoop?: () => Promise<void>;
}

export const DEFAULT_TARGET_BYTES = 2 * 1024 * 1024;
const DEFAULT_RETRIES = 5;
const DEFAULT_SAMPLE = 200;

export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Rows per sync = target bytes ÷ bytes per row, estimated on the first rows. */
export function rowsPerSync(rows: readonly CellValue[][], targetBytes: number, sampleRows = DEFAULT_SAMPLE): number {
  const sample = rows.slice(0, sampleRows);
  if (sample.length === 0) return 1;
  const bytesPerRow = jsonBytes(sample) / sample.length;
  return Math.max(1, Math.floor(targetBytes / bytesPerRow));
}

export interface BlockTarget {
  sheet: string;
  row: number;
  column: number;
}

export interface ChunkReport {
  rowsWritten: number;
  syncs: number;
  largestRequestBytes: number;
  rowsPerSync: number;
  complete: boolean;
}

/** Writes a block of wire values at `target`, one sync per chunk, halving the chunk on payload errors. */
export async function writeRowsChunked(
  batch: SyncBatch,
  target: BlockTarget,
  rows: readonly CellValue[][],
  options: ChunkOptions = {},
): Promise<ChunkReport> {
  const maxRetries = options.maxRetries ?? DEFAULT_RETRIES;
  const pause = options.yieldToEventLoop ?? yieldToEventLoop;
  let size = rowsPerSync(rows, options.targetBytes ?? DEFAULT_TARGET_BYTES, options.sampleRows);
  const report: ChunkReport = { rowsWritten: 0, syncs: 0, largestRequestBytes: 0, rowsPerSync: size, complete: true };
  let retries = 0;
  while (report.rowsWritten < rows.length) {
    if (options.isCancelled?.()) return { ...report, complete: false };
    const chunk = rows.slice(report.rowsWritten, report.rowsWritten + size);
    batch.setValues(target.sheet, target.row + report.rowsWritten, target.column, chunk);
    try {
      await batch.sync();
    } catch (error) {
      // The rejected request applied nothing: queue the same rows again in a chunk half the size.
      if (!isPayloadLimitError(error) || retries >= maxRetries || size === 1) throw error;
      retries += 1;
      size = Math.ceil(size / 2);
      report.rowsPerSync = size;
      continue;
    }
    retries = 0;
    report.syncs += 1;
    report.largestRequestBytes = Math.max(report.largestRequestBytes, jsonBytes(chunk));
    report.rowsWritten += chunk.length;
    options.onProgress?.({ rowsWritten: report.rowsWritten, rowsTotal: rows.length });
    if (report.rowsWritten < rows.length) await pause();
  }
  return report;
}

/** Creates or replaces the sheet's table: banner, header, chunked values, then table and formats. */
export async function writeTableSheet(batch: SyncBatch, spec: TableSpec, options: ChunkOptions = {}): Promise<WriteReport> {
  if (FIRST_DATA_ROW + spec.rows.length > MAX_SHEET_ROWS) {
    throw new RangeError(`${spec.rows.length} rows do not fit on one sheet (limit ${MAX_SHEET_ROWS - FIRST_DATA_ROW}).`);
  }
  const wireRows = toWireRows(spec);
  const startSyncs = batch.syncs;
  // Outlined sheets are rebuilt (their row groups cannot be cleared); others keep a matching table.
  const existing = spec.rowLevels === undefined ? await batch.inspectTable(spec.table) : null;
  if (existing && canReplaceInPlace(existing, spec)) return replaceInPlace(batch, spec, existing, wireRows, options, startSyncs);
  await batch.prepareSheet(spec.sheet, spec.table, spec.visibility ?? "visible", spec.rowLevels !== undefined);
  writeBannerAndHeader(batch, spec);
  await batch.sync();
  const chunks = await writeRowsChunked(batch, { sheet: spec.sheet, row: FIRST_DATA_ROW, column: 0 }, wireRows, options);
  writeTableAndFormats(batch, spec, chunks.rowsWritten);
  await batch.sync();
  return writeReport(chunks, batch.syncs - startSyncs, []);
}

function writeReport(chunks: ChunkReport, syncs: number, warnings: string[]): WriteReport {
  const { rowsWritten: rows, largestRequestBytes, rowsPerSync, complete } = chunks;
  return { rows, syncs, largestRequestBytes, rowsPerSync, complete, ...(warnings.length > 0 && { warnings }) };
}

const bannerValues = (spec: TableSpec): CellValue[][] => [spec.title, spec.parameters ?? "", spec.stamp ?? ""].map((line) => [textToWire(line)]);

/** Same sheet, same place, and our columns first in our order (user columns may follow). */
function canReplaceInPlace(existing: ExistingTable, spec: TableSpec): boolean {
  return (
    existing.sheet.toLowerCase() === spec.sheet.toLowerCase() &&
    existing.headerRow === HEADER_ROW &&
    existing.firstColumn === 0 &&
    spec.columns.every((column, c) => existing.headers[c] === column.header)
  );
}

/**
 * Replace mode (excel.md §3.1): the table object stays and is resized, so pivots, charts and formulas
 * that refer to it survive. User columns to the right keep formulas (calculated columns follow the
 * resize) and lose constants, with a warning.
 */
async function replaceInPlace(
  batch: SyncBatch,
  spec: TableSpec,
  existing: ExistingTable,
  wireRows: CellValue[][],
  options: ChunkOptions,
  startSyncs: number,
): Promise<WriteReport> {
  const { sheet } = spec;
  const width = existing.headers.length;
  const ours = spec.columns.length;
  const newBody = Math.max(wireRows.length, 1);
  const warnings: string[] = [];
  for (let c = ours; c < width; c++) {
    if (existing.formulaColumns[c]) continue;
    batch.clear(sheet, FIRST_DATA_ROW, c, existing.bodyRows, 1, "contents");
    warnings.push(`Column "${existing.headers[c]}" of ${spec.table} held values, not a formula; they were cleared.`);
  }
  if (existing.bodyRows > newBody) batch.clear(sheet, FIRST_DATA_ROW + newBody, 0, existing.bodyRows - newBody, width, "all");
  // Our columns start clean: no stale values, and no error fills from an earlier Validate.
  batch.clear(sheet, FIRST_DATA_ROW, 0, Math.min(existing.bodyRows, newBody), ours, "all");
  batch.clear(sheet, 0, 0, 3, 1, "contents");
  batch.setValues(sheet, 0, 0, bannerValues(spec));
  batch.resizeTable(sheet, spec.table, HEADER_ROW, 0, newBody + 1, width);
  await batch.sync();
  const chunks = await writeRowsChunked(batch, { sheet, row: FIRST_DATA_ROW, column: 0 }, wireRows, options);
  writeColumnFormats(batch, spec, chunks.rowsWritten);
  await batch.sync();
  return writeReport(chunks, batch.syncs - startSyncs, warnings);
}

/** The rows as sent; text over Excel's cell limit is refused before anything is written. */
function toWireRows(spec: TableSpec): CellValue[][] {
  return spec.rows.map((row, r) =>
    spec.columns.map((column, c) => {
      const value = row[c] ?? null;
      if (typeof value === "string" && value.length > MAX_CELL_CHARS) {
        throw new RangeError(`${spec.table} row ${r + 1}, ${column.header}: ${value.length} characters exceed Excel's ${MAX_CELL_CHARS}-character cell limit.`);
      }
      return toWireValue(value, column.kind);
    }),
  );
}

function writeBannerAndHeader(batch: SyncBatch, spec: TableSpec): void {
  batch.setValues(spec.sheet, 0, 0, bannerValues(spec));
  batch.setFont(spec.sheet, 0, 0, { bold: true, size: 14 });
  batch.setValues(spec.sheet, HEADER_ROW, 0, [spec.columns.map((column) => textToWire(column.header))]);
}

/** Formats come after the values (notes §4.3): one table, one format and one width per column. */
function writeTableAndFormats(batch: SyncBatch, spec: TableSpec, rowsWritten: number): void {
  const { sheet, columns } = spec;
  // An Excel table always has at least one data row; an empty one shows a blank row.
  const bodyRows = Math.max(rowsWritten, 1);
  const style = TABLE_STYLE[spec.style ?? "output"];
  batch.addTable(sheet, spec.table, HEADER_ROW, 0, bodyRows + 1, columns.length, style);
  writeColumnFormats(batch, spec, rowsWritten);
  if (spec.rowLevels) writeOutline(batch, spec, spec.rowLevels.slice(0, rowsWritten));
}

/** One number format, width and fill or list per column over the data rows; panes frozen below the header. */
function writeColumnFormats(batch: SyncBatch, spec: TableSpec, rowsWritten: number): void {
  const { sheet, columns } = spec;
  const bodyRows = Math.max(rowsWritten, 1);
  columns.forEach((column, c) => {
    const values = spec.rows.slice(0, rowsWritten).map((row) => row[c] ?? null);
    batch.setNumberFormat(sheet, FIRST_DATA_ROW, c, bodyRows, numberFormatFor(column.kind, values));
    batch.setColumnWidth(sheet, c, COLUMN_WIDTH[column.kind]);
    if (column.computed) batch.setFill(sheet, FIRST_DATA_ROW, c, bodyRows, "computed");
    if (column.list) batch.setValidationList(sheet, FIRST_DATA_ROW, c, bodyRows, column.list);
  });
  batch.freezePanes(sheet, FIRST_DATA_ROW, spec.freezeFirstColumn ? 1 : 0);
}

/** Runs of consecutive rows [start, length) whose value satisfies `test`. */
function runs(values: readonly number[], test: (value: number, previous: number) => boolean): [number, number][] {
  const found: [number, number][] = [];
  values.forEach((value, i) => {
    const last = found[found.length - 1];
    if (last && last[0] + last[1] === i && test(value, values[i - 1])) last[1] += 1;
    else if (test(value, Number.NaN)) found.push([i, 1]);
  });
  return found;
}

/**
 * Groups each row as deep as its level (at most 8): level k groups every run of rows at level ≥ k, so
 * a child run sits under the summary row above it. The indent column shows every level, also past 8.
 */
function writeOutline(batch: SyncBatch, spec: TableSpec, levels: readonly number[]): void {
  for (let level = 1; level <= MAX_OUTLINE_LEVEL; level++) {
    for (const [start, length] of runs(levels, (value) => value >= level)) batch.groupRows(spec.sheet, FIRST_DATA_ROW + start, length);
  }
  const indentColumn = spec.indentColumn === undefined ? -1 : spec.columns.findIndex((column) => column.header === spec.indentColumn);
  if (indentColumn < 0) return;
  for (const [start, length] of runs(levels, (value, previous) => Number.isNaN(previous) || value === previous)) {
    const indent = Math.min(levels[start], MAX_INDENT);
    if (indent > 0) batch.setIndent(spec.sheet, FIRST_DATA_ROW + start, indentColumn, length, indent);
  }
}
