/**
 * The backup inside the workbook (excel.md §5): very hidden sheet _INV_BACKUP, manifest JSON in A1,
 * the gzip body as base64 in chunks of at most 32,000 characters per cell below, written in requests
 * of about 1 MB. Saved with the workbook, it carries the company's data to another Excel (desktop ↔ web).
 */
import type { CellValue, ColumnSpec, WorkbookPort, WriteOptions, WriteReport } from "../port";

export const BACKUP_SHEET = "_INV_BACKUP";
export const BACKUP_TABLE = "tblInvBackup";
export const BACKUP_CHUNK_CHARS = 32_000;
export const BACKUP_TARGET_BYTES = 1024 * 1024;
/** Above this much base64 the pane warns before writing (excel.md §5). */
export const BACKUP_WARNING_CHARS = 50 * 1024 * 1024;

const COLUMNS: ColumnSpec[] = [
  { header: "Part", kind: "text" },
  { header: "Data", kind: "text" },
];

export interface WorkbookBackup {
  manifest: string;
  base64: string;
}

/** Writes (or replaces) the backup sheet. The manifest is in A1 and again as the table's first row, which readers use. */
export function writeWorkbookBackup(port: WorkbookPort, backup: WorkbookBackup, options: WriteOptions = {}): Promise<WriteReport> {
  const rows: CellValue[][] = [["manifest", backup.manifest]];
  for (let start = 0, part = 1; start < backup.base64.length; start += BACKUP_CHUNK_CHARS, part++) {
    rows.push([String(part), backup.base64.slice(start, start + BACKUP_CHUNK_CHARS)]);
  }
  return port.writeTable(
    { sheet: BACKUP_SHEET, table: BACKUP_TABLE, title: backup.manifest, columns: COLUMNS, rows, visibility: "veryHidden" },
    { targetBytes: BACKUP_TARGET_BYTES, ...options },
  );
}

/** The backup stored in the workbook, or null when there is none. */
export async function readWorkbookBackup(port: WorkbookPort): Promise<WorkbookBackup | null> {
  const table = await port.readTable(BACKUP_TABLE);
  if (!table || table.rows.length === 0) return null;
  const [first, ...parts] = table.rows;
  if (first[0] !== "manifest" || typeof first[1] !== "string") return null;
  parts.forEach((row, index) => {
    if (row[0] !== String(index + 1)) throw new Error(`${BACKUP_SHEET} is damaged: part ${index + 1} is missing or out of order.`);
  });
  return { manifest: first[1], base64: parts.map((row) => String(row[1] ?? "")).join("") };
}
