/**
 * The Items screen's sheet commands: export of the item list (excel.md §3.2 tblItems) and the bulk import
 * of inventory.md §5 — read the table or sheet the user picked (headers in its first row), let the service validate every row and field,
 * write each error beside its row (Status/Message, offending cell marked), and write items only when the
 * whole sheet is valid. Re-importing the same sheet updates the items by number.
 */
import type { FieldError } from "../../core/errors";
import type { ImportError } from "../../core/inventory/itemImport";
import type { InventoryService } from "../../core/service/inventoryService";
import type { WorkbookPort } from "../../excel/port";
import { ITEMS_TABLE, readItemsForImport, writeItemsSheet, writeItemsStatus, type ItemsImport, type ItemsImportSource } from "../../excel/sheets/itemsSheet";
import { sheetWriteOptions } from "./sheetWrite";
import type { Outcome, TaskReporter } from "./useTask";

/** The steps an import goes through, for its progress bar (the service checks and writes in one call). */
const IMPORT_STEPS = 4;

export async function exportItemsSheet(service: InventoryService, workbook: WorkbookPort, reporter: TaskReporter, stamp?: string): Promise<Outcome> {
  const items = await service.items();
  const report = await writeItemsSheet(workbook, items, {
    stamp,
    ...sheetWriteOptions(reporter),
  });
  await workbook.activate("Items");
  return { intent: "success", title: `Items sheet ready: ${report.rows.toLocaleString("en-US")} items` };
}

/** inventory.md §5.2 field names as the pane shows them (the sheet marks the cell itself). */
const FIELD_CAPTION: Record<string, string> = {
  no: "No.", description: "Description", baseUnitOfMeasure: "Base Unit of Measure", type: "Type", category: "Item Category Code",
  costingMethod: "Costing Method", standardCost: "Standard Cost", unitCost: "Unit Cost", unitPrice: "Unit Price",
  blocked: "Blocked", itemTracking: "Item Tracking",
};

/** The row as the sheet counts it (header row 1) and the field by its column caption. */
export function importErrorAsField(error: ImportError): FieldError {
  const caption = error.field.startsWith("attribute:") ? `Attribute: ${error.field.slice("attribute:".length)}` : (FIELD_CAPTION[error.field] ?? error.field);
  return { line: error.row, field: caption, message: error.message };
}

/** "Row 3, Costing Method: Costing method FIFOX is not valid". */
export function describeImportError(error: FieldError): string {
  const where = [error.line !== undefined ? `Row ${error.line}` : "", error.field ?? ""].filter(Boolean).join(", ");
  return where ? `${where}: ${error.message}` : error.message;
}

/** The pane lists the first errors; the sheet carries all of them. */
export const LISTED_IMPORT_ERRORS = 50;

/**
 * Where an error the pane lists sits in the imported table: its 0-based data row and column header, so
 * the error link selects the offending cell; undefined for header errors (row 1), errors of blank rows,
 * and plain sheets (the link selects table cells only; there the error is beside the row).
 */
export function importErrorCell(read: ItemsImport, error: FieldError): { table: string; row: number; column: string } | undefined {
  if (!("table" in read.source)) return undefined;
  const row = error.line === undefined ? undefined : read.tableRows[error.line - 2];
  if (row === undefined) return undefined;
  const headers = read.rows[0].map(String);
  const column = headers.find((h) => h.toLowerCase() === (error.field ?? "").toLowerCase()) ?? headers[0];
  return { table: read.source.table, row, column };
}

function missingSource(source: ItemsImportSource): string {
  if ("sheet" in source) return `The workbook has no sheet "${source.sheet}": pick another source.`;
  if (source.table.toLowerCase() === ITEMS_TABLE.toLowerCase()) {
    return `The workbook has no ${ITEMS_TABLE} table: use Export item list sheet, or paste your list into it, or pick another sheet.`;
  }
  return `The workbook has no table "${source.table}": pick another source.`;
}

/** Runs the import; `onRead` receives what was read, for linking the listed errors to their cells. */
export async function importItemsSheet(
  service: InventoryService,
  workbook: WorkbookPort,
  reporter: TaskReporter,
  source: ItemsImportSource = { table: ITEMS_TABLE },
  onRead?: (read: ItemsImport) => void,
): Promise<Outcome> {
  const step = (done: number, label: string) => reporter.progress({ done, total: IMPORT_STEPS, label });
  step(0, "Reading the sheet");
  const read = await readItemsForImport(workbook, source);
  if (!read) return { intent: "error", title: "Nothing imported", detail: missingSource(source) };
  onRead?.(read);
  const count = read.rows.length - 1;
  step(1, `Checking ${count.toLocaleString("en-US")} rows`);
  const errors = await service.importItems(read.rows);
  step(3, "Writing the status column");
  // Each error keeps the sheet's own row and field name, so writeItemsStatus can mark the cell.
  await writeItemsStatus(workbook, read, errors);
  step(4, "Done");
  if (errors.length > 0) {
    const rows = new Set(errors.map((e) => e.row)).size;
    return {
      intent: "error",
      title: "Items not imported",
      detail: `${errors.length} error(s) on ${rows} row(s); nothing was written. The errors are beside the rows.`,
      errors: errors.slice(0, LISTED_IMPORT_ERRORS).map(importErrorAsField),
    };
  }
  return { intent: "success", title: `${count.toLocaleString("en-US")} items imported` };
}
