/**
 * Per-table metadata in the very hidden sheet _INV_META (excel.md §3.1): schema version, parameters,
 * ledger version and completeness of each sheet the add-in wrote, so the pane can warn about sheets
 * older than the ledger and about writes that were cancelled half-way.
 */
import type { CellValue, ColumnSpec, WorkbookPort } from "../port";

export const META_SHEET = "_INV_META";
export const META_TABLE = "tblInvMeta";

export interface TableMeta {
  table: string;
  schemaVersion: number;
  parameters: string;
  ledgerVersion: number;
  complete: boolean;
  /** When the table was written, as the caller's clock gives it ("2025-02-05 10:14:00"). */
  writtenAt: string;
}

const META_COLUMNS: ColumnSpec[] = [
  { header: "Table", kind: "code" },
  { header: "Schema Version", kind: "integer" },
  { header: "Parameters", kind: "text" },
  { header: "Ledger Version", kind: "integer" },
  { header: "Complete", kind: "boolean" },
  { header: "Written At", kind: "text" },
];

const toRow = (meta: TableMeta): CellValue[] => [meta.table, meta.schemaVersion, meta.parameters, meta.ledgerVersion, meta.complete, meta.writtenAt];

export async function readTableMeta(port: WorkbookPort): Promise<Map<string, TableMeta>> {
  const table = await port.readTable(META_TABLE);
  const found = new Map<string, TableMeta>();
  if (!table) return found;
  const at = (header: string): number => table.headers.indexOf(header);
  for (const row of table.rows) {
    const name = row[at("Table")];
    if (typeof name !== "string" || name === "") continue;
    found.set(name.toLowerCase(), {
      table: name,
      schemaVersion: Number(row[at("Schema Version")] ?? 0),
      parameters: String(row[at("Parameters")] ?? ""),
      ledgerVersion: Number(row[at("Ledger Version")] ?? 0),
      complete: row[at("Complete")] === true,
      writtenAt: String(row[at("Written At")] ?? ""),
    });
  }
  return found;
}

/** Records (or replaces) one table's metadata; the sheet is small, so it is simply written again. */
export async function recordTableMeta(port: WorkbookPort, meta: TableMeta): Promise<void> {
  const all = await readTableMeta(port);
  all.set(meta.table.toLowerCase(), meta);
  await port.writeTable({
    sheet: META_SHEET,
    table: META_TABLE,
    title: "Inventory Ledger metadata (managed by the add-in)",
    columns: META_COLUMNS,
    rows: [...all.values()].sort((a, b) => a.table.localeCompare(b.table)).map(toRow),
    visibility: "veryHidden",
  });
}

/** Tables written from an older ledger version, or left incomplete by a cancelled write. */
export async function staleTables(port: WorkbookPort, ledgerVersion: number): Promise<TableMeta[]> {
  return [...(await readTableMeta(port)).values()].filter((meta) => !meta.complete || meta.ledgerVersion < ledgerVersion);
}
