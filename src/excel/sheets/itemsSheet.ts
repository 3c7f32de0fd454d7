/**
 * The Items sheet (excel.md §3.2, tblItems): export of the item cards with live INV columns, and the
 * values the bulk import reads back (inventory.md §5: first row headers, then one row per item).
 */
import type { FieldError } from "../../core/errors";
import { unitCostToNumber } from "../../core/money";
import type { Item, ItemType } from "../../core/types";
import type { CellMark, CellValue, ColumnSpec, WorkbookPort, WriteOptions, WriteReport } from "../port";

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

const EXPORT_ONLY = new Set(EXPORT_COLUMNS.map((c) => c.header));

export interface ItemsImport {
  /** First row: headers; then one row per filled table row (inventory.md §5 input). */
  rows: CellValue[][];
  /** 0-based table data row of import row k + 2 (import rows count the header as row 1). */
  tableRows: number[];
}

/** The table's values as the import reads them: export-only columns and blank rows left out. */
export async function readItemsForImport(port: WorkbookPort): Promise<ItemsImport | null> {
  const table = await port.readTable(ITEMS_TABLE);
  if (!table) return null;
  const kept = table.headers.map((header, index) => ({ header, index })).filter(({ header }) => !EXPORT_ONLY.has(header));
  const result: ItemsImport = { rows: [kept.map(({ header }) => header)], tableRows: [] };
  table.rows.forEach((row, index) => {
    const values = kept.map(({ index: c }) => row[c] ?? null);
    if (values.every((value) => value === null || value === "")) return;
    result.rows.push(values);
    result.tableRows.push(index);
  });
  return result;
}

/** Import errors beside their rows (first message plus "(+n more)") with the offending cells marked. */
export async function writeItemsStatus(port: WorkbookPort, read: ItemsImport, errors: readonly (FieldError & { row?: number })[]): Promise<void> {
  const table = await port.readTable(ITEMS_TABLE);
  if (!table) throw new Error(`The workbook has no ${ITEMS_TABLE} table.`);
  const byRow = new Map<number, (FieldError & { row?: number })[]>();
  for (const error of errors) {
    const tableRow = error.row === undefined ? undefined : read.tableRows[error.row - 2];
    if (tableRow !== undefined) byRow.set(tableRow, [...(byRow.get(tableRow) ?? []), error]);
  }
  const filled = new Set(read.tableRows);
  const status = table.rows.map((_, index): CellValue[] => {
    const rowErrors = byRow.get(index) ?? [];
    if (rowErrors.length > 0) return ["Error", rowErrors[0].message + (rowErrors.length > 1 ? ` (+${rowErrors.length - 1} more)` : "")];
    return filled.has(index) ? [errors.length > 0 ? "Not imported" : "Imported", null] : [null, null];
  });
  await port.updateTableColumns(ITEMS_TABLE, ["Status", "Message"], status);
  const importHeaders = read.rows[0].map(String);
  const marks: CellMark[] = importHeaders.map((column) => ({ row: "all", column, fill: null }));
  for (const [row, rowErrors] of byRow) {
    for (const error of rowErrors) {
      const column = error.field === undefined ? undefined : headerForField(importHeaders, error.field);
      if (column) marks.push({ row, column, fill: "error" });
    }
  }
  await port.markCells(ITEMS_TABLE, marks);
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
