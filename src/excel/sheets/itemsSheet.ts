/**
 * The Items sheet (excel.md §3.2, tblItems): export of the item cards with live INV columns, and the
 * values the bulk import reads back (inventory.md §5: first row headers, then one row per item) from
 * tblItems, any other table, or a plain sheet the user picks.
 */
import type { FieldError } from "../../core/errors";
import { unitCostToNumber } from "../../core/money";
import type { Item, ItemType } from "../../core/types";
import type { CellMark, CellValue, ColumnSpec, SheetFill, WorkbookPort, WriteOptions, WriteReport } from "../port";

export const ITEMS_SHEET = "Items";
export const ITEMS_TABLE = "tblItems";
export const ATTRIBUTE_PREFIX = "Attribute: ";

const TYPE_CAPTION: Record<ItemType, string> = { Inventory: "Inventory", NonInventory: "Non-Inventory", Service: "Service" };

/** Columns the import reads (inventory.md §5.1), before the attribute columns. */
const IMPORT_COLUMNS: ColumnSpec[] = [
  { header: "No.", kind: "code" },
  { header: "Description", kind: "text" },
  { header: "Base Unit of Measure", kind: "code" },
  { header: "Type", kind: "text", list: Object.values(TYPE_CAPTION) },
  { header: "Item Category Code", kind: "code" },
  { header: "Costing Method", kind: "text", list: ["FIFO", "LIFO", "Average", "Standard", "Specific"] },
  { header: "Standard Cost", kind: "unitCost" },
  { header: "Unit Cost", kind: "unitCost" },
  { header: "Unit Price", kind: "unitCost" },
  { header: "Blocked", kind: "boolean" },
  { header: "Item Tracking", kind: "text", list: ["None", "Serial", "Lot", "SerialAndLot"] },
];

/** Export-only columns, not sent to the import; the two live columns recalculate with the add-in. */
const EXPORT_COLUMNS: ColumnSpec[] = [
  { header: "Inventory Posting Group", kind: "code", computed: true },
  { header: "Gen. Prod. Posting Group", kind: "code", computed: true },
  { header: "Expiration Calculation", kind: "text", computed: true },
  { header: "Vendor No.", kind: "code", computed: true },
  { header: "Qty. on Hand", kind: "formula", computed: true },
  { header: "Inventory Value", kind: "formula", computed: true },
  { header: "Status", kind: "text", computed: true },
  { header: "Message", kind: "message", computed: true },
];

/** Item card fields the engine's Item does not carry; callers supply them when they know them. */
export interface ItemExportDetails {
  inventoryPostingGroup?: string;
  genProdPostingGroup?: string;
  expirationCalculation?: string;
  vendorNo?: string;
}

export interface ItemsSheetOptions extends WriteOptions {
  stamp?: string;
  details?: (item: Item) => ItemExportDetails;
}

export function itemsColumns(items: readonly Item[]): ColumnSpec[] {
  const attributes = [...new Set(items.flatMap((item) => Object.keys(item.attributes)))].sort();
  return [...IMPORT_COLUMNS, ...attributes.map((name): ColumnSpec => ({ header: ATTRIBUTE_PREFIX + name, kind: "text" })), ...EXPORT_COLUMNS];
}

function itemRow(item: Item, attributes: readonly string[], details: ItemExportDetails): CellValue[] {
  return [
    item.no,
    item.description,
    item.baseUnitOfMeasure,
    TYPE_CAPTION[item.type],
    item.category,
    item.costingMethod,
    unitCostToNumber(item.standardCost),
    unitCostToNumber(item.unitCost),
    unitCostToNumber(item.unitPrice),
    item.blocked,
    item.itemTracking,
    ...attributes.map((name) => item.attributes[name] ?? null),
    details.inventoryPostingGroup ?? null,
    details.genProdPostingGroup ?? null,
    details.expirationCalculation ?? null,
    details.vendorNo ?? null,
    "=INV.QTY([@[No.]])",
    "=INV.VALUE([@[No.]])",
    null,
    null,
  ];
}

export function writeItemsSheet(port: WorkbookPort, items: readonly Item[], options: ItemsSheetOptions = {}): Promise<WriteReport> {
  const columns = itemsColumns(items);
  const attributes = columns.filter((c) => c.header.startsWith(ATTRIBUTE_PREFIX)).map((c) => c.header.slice(ATTRIBUTE_PREFIX.length));
  return port.writeTable(
    {
      sheet: ITEMS_SHEET,
      table: ITEMS_TABLE,
      title: "Items",
      parameters: "Edit the white columns, then Import from the task pane; grey columns are not imported.",
      stamp: options.stamp,
      columns,
      rows: [...items].sort((a, b) => a.no.localeCompare(b.no)).map((item) => itemRow(item, attributes, options.details?.(item) ?? {})),
      style: "input",
    },
    options,
  );
}

/** Lower-cased: a pasted sheet may spell "status" or "MESSAGE" its own way; they are still ours. */
const EXPORT_ONLY = new Set(EXPORT_COLUMNS.map((c) => c.header.toLowerCase()));

/** Where the import reads: a table by name, or a plain sheet whose first row holds the headers. */
export type ItemsImportSource = { table: string } | { sheet: string };

export interface ItemsImport {
  source: ItemsImportSource;
  /** First row: headers; then one row per filled data row (inventory.md §5 input). */
  rows: CellValue[][];
  /**
   * 0-based data row of import row k + 2 (import rows count the header as row 1): the table body row,
   * or for a plain sheet the worksheet row minus one (data starts in row 2).
   */
  tableRows: number[];
  /** 0-based column of each import header within the table, or within the sheet. */
  columns: number[];
}

type StatusError = FieldError & { row?: number };

/** Values of a table or plain sheet as header + data rows, with where the data starts. */
async function readSource(port: WorkbookPort, source: ItemsImportSource): Promise<{ headers: string[]; rows: CellValue[][] } | null> {
  if ("table" in source) {
    const table = await port.readTable(source.table);
    return table && { headers: table.headers, rows: table.rows };
  }
  if (!(await port.sheetNames()).some((name) => name.toLowerCase() === source.sheet.toLowerCase())) return null;
  const [header = [], ...rows] = await port.readSheetValues(source.sheet);
  return { headers: header.map((value) => (value === null ? "" : String(value))), rows };
}

/**
 * The values as the import reads them: export-only columns (Status, Message, live figures), columns
 * without a header and blank rows left out; null when the table or sheet does not exist.
 */
export async function readItemsForImport(port: WorkbookPort, source: ItemsImportSource = { table: ITEMS_TABLE }): Promise<ItemsImport | null> {
  const read = await readSource(port, source);
  if (!read) return null;
  const kept = read.headers.map((header, index) => ({ header, index })).filter(({ header }) => header.trim() !== "" && !EXPORT_ONLY.has(header.trim().toLowerCase()));
  const result: ItemsImport = { source, rows: [kept.map(({ header }) => header)], tableRows: [], columns: kept.map(({ index }) => index) };
  read.rows.forEach((row, index) => {
    const values = kept.map(({ index: c }) => row[c] ?? null);
    if (values.every((value) => value === null || value === "")) return;
    result.rows.push(values);
    result.tableRows.push(index);
  });
  return result;
}

/** Errors by 0-based data row. */
function errorsByRow(read: ItemsImport, errors: readonly StatusError[]): Map<number, StatusError[]> {
  const byRow = new Map<number, StatusError[]>();
  for (const error of errors) {
    const dataRow = error.row === undefined ? undefined : read.tableRows[error.row - 2];
    if (dataRow !== undefined) byRow.set(dataRow, [...(byRow.get(dataRow) ?? []), error]);
  }
  return byRow;
}

/** Status and Message per data row: the first error plus "(+n more)", else Imported / Not imported. */
function statusValues(read: ItemsImport, byRow: Map<number, StatusError[]>, dataRows: number, failed: boolean): CellValue[][] {
  const filled = new Set(read.tableRows);
  return Array.from({ length: dataRows }, (_, index): CellValue[] => {
    const rowErrors = byRow.get(index) ?? [];
    if (rowErrors.length > 0) return ["Error", rowErrors[0].message + (rowErrors.length > 1 ? ` (+${rowErrors.length - 1} more)` : "")];
    return filled.has(index) ? [failed ? "Not imported" : "Imported", null] : [null, null];
  });
}

/** The offending cells: import column index (within read.rows[0]) per error of each data row. */
function errorCells(read: ItemsImport, byRow: Map<number, StatusError[]>): { row: number; column: number }[] {
  const headers = read.rows[0].map(String);
  const cells: { row: number; column: number }[] = [];
  for (const [row, rowErrors] of byRow) {
    for (const error of rowErrors) {
      const header = error.field === undefined ? undefined : headerForField(headers, error.field);
      if (header !== undefined) cells.push({ row, column: headers.indexOf(header) });
    }
  }
  return cells;
}

/** Import errors beside their rows (first message plus "(+n more)") with the offending cells marked. */
export async function writeItemsStatus(port: WorkbookPort, read: ItemsImport, errors: readonly StatusError[]): Promise<void> {
  if ("sheet" in read.source) {
    const [header = [], ...rows] = await port.readSheetValues(read.source.sheet);
    return writeStatusBeside(port, { sheet: read.source.sheet, headerRow: 0, firstColumn: 0, header, dataRows: rows.length }, read, errors);
  }
  const name = read.source.table;
  const table = await port.readTable(name);
  if (!table) throw new Error(`The workbook has no ${name} table.`);
  if (!table.headers.includes("Status") || !table.headers.includes("Message")) {
    // A user's own table without our columns: they go on the sheet right of it, not into the table.
    const headerRow = table.firstDataRow - 1;
    const header = ((await port.readSheetValues(table.sheet))[headerRow] ?? []).slice(table.firstColumn);
    return writeStatusBeside(port, { sheet: table.sheet, headerRow, firstColumn: table.firstColumn, header, dataRows: table.rows.length }, read, errors);
  }
  const byRow = errorsByRow(read, errors);
  await port.updateTableColumns(name, ["Status", "Message"], statusValues(read, byRow, table.rows.length, errors.length > 0));
  const importHeaders = read.rows[0].map(String);
  const marks: CellMark[] = importHeaders.map((column) => ({ row: "all", column, fill: null }));
  for (const cell of errorCells(read, byRow)) marks.push({ row: cell.row, column: importHeaders[cell.column], fill: "error" });
  await port.markCells(name, marks);
}

/** Where the imported block sits on its sheet (0-based); `header` is its header row from `firstColumn` rightwards. */
interface StatusFrame {
  sheet: string;
  headerRow: number;
  firstColumn: number;
  header: CellValue[];
  dataRows: number;
}

/**
 * Status and Message in the header row's columns named so (a re-run overwrites them), else right of the
 * last header; data from the row below. Earlier error fills on the import columns are cleared.
 */
async function writeStatusBeside(port: WorkbookPort, frame: StatusFrame, read: ItemsImport, errors: readonly StatusError[]): Promise<void> {
  const headers = frame.header.map((value) => (value === null ? "" : String(value).trim().toLowerCase()));
  let next = headers.reduce((last, h, index) => (h !== "" ? index : last), -1) + 1;
  const columnOf = (name: string) => {
    const found = headers.indexOf(name.toLowerCase());
    return frame.firstColumn + (found >= 0 ? found : next++);
  };
  const [statusColumn, messageColumn] = [columnOf("Status"), columnOf("Message")];
  const byRow = errorsByRow(read, errors);
  const status = statusValues(read, byRow, frame.dataRows, errors.length > 0);
  const firstDataRow = frame.headerRow + 1;
  const fills: SheetFill[] = read.columns.map((column) => ({ row: firstDataRow, column: frame.firstColumn + column, rowCount: frame.dataRows, fill: null }));
  for (const cell of errorCells(read, byRow)) fills.push({ row: firstDataRow + cell.row, column: frame.firstColumn + read.columns[cell.column], fill: "error" });
  const block = (index: number, title: string) => [[title], ...status.map((line) => [line[index]])];
  if (messageColumn === statusColumn + 1) {
    await port.writeSheetCells(frame.sheet, frame.headerRow, statusColumn, [["Status", "Message"], ...status], fills);
  } else {
    await port.writeSheetCells(frame.sheet, frame.headerRow, statusColumn, block(0, "Status"));
    await port.writeSheetCells(frame.sheet, frame.headerRow, messageColumn, block(1, "Message"), fills);
  }
}

const FIELD_HEADER: Record<string, string> = {
  no: "No.", description: "Description", baseUnitOfMeasure: "Base Unit of Measure", type: "Type", category: "Item Category Code",
  costingMethod: "Costing Method", standardCost: "Standard Cost", unitCost: "Unit Cost", unitPrice: "Unit Price",
  blocked: "Blocked", itemTracking: "Item Tracking",
};

/** inventory.md §5.2 names fields (`costingMethod`, `attribute:Color`); header errors name the header itself. */
function headerForField(headers: readonly string[], field: string): string | undefined {
  const header = field.startsWith("attribute:") ? ATTRIBUTE_PREFIX + field.slice("attribute:".length) : (FIELD_HEADER[field] ?? field);
  return headers.find((h) => h.toLowerCase() === header.toLowerCase());
}
