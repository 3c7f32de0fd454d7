/**
 * The Item Tracing sheet (excel.md §3.2, tblItemTrace): the usage or origin tree of a lot or serial
 * (inventory.md §13) as rows in tree order, grouped by level with Excel outlines (summary above detail) and
 * the Trace Line indented by level; an entry already traced is listed again, flagged, without its subtree.
 * Replace refresh: each write rebuilds the table from the ledger.
 */
import type { ItemBook } from "../../core/book";
import { qtyToNumber } from "../../core/money";
import type { TraceQuery } from "../../core/queries/trace";
import type { Item } from "../../core/types";
import { traceRows, type TraceRow } from "../../functions/traceRows";
import type { CellValue, ColumnSpec, TableSpec, WorkbookPort, WriteOptions, WriteReport } from "../port";
import { ENTRY_TYPE_CAPTION } from "./captions";

export const ITEM_TRACE_SHEET = "Item Tracing";
export const ITEM_TRACE_TABLE = "tblItemTrace";

export const ITEM_TRACE_COLUMNS: ColumnSpec[] = [
  { header: "Level", kind: "integer" },
  { header: "Trace Line", kind: "text" },
  { header: "Item No.", kind: "code" },
  { header: "Description", kind: "text" },
  { header: "Entry Type", kind: "text" },
  { header: "Posting Date", kind: "date" },
  { header: "Document No.", kind: "code" },
  { header: "Location Code", kind: "code" },
  { header: "Lot No.", kind: "code" },
  { header: "Serial No.", kind: "code" },
  { header: "Quantity", kind: "quantity" },
  { header: "Remaining Qty", kind: "quantity" },
  { header: "Source Type", kind: "text" },
  { header: "Source No.", kind: "code" },
  { header: "Entry No.", kind: "integer" },
  { header: "Already Traced", kind: "boolean" },
];

/** "Purchase PR-0003 (item 3000)": the caption BC's Item Tracing page shows per line, indented by level. */
function traceLine({ entry }: TraceRow): string {
  return `${ENTRY_TYPE_CAPTION[entry.entryType]} ${entry.documentNo}`.trim() + ` (item ${entry.item})`;
}

export function itemTraceRow(row: TraceRow, items: ReadonlyMap<string, Item>): CellValue[] {
  const { entry } = row;
  return [
    row.level,
    traceLine(row),
    entry.item,
    items.get(entry.item)?.description ?? "",
    ENTRY_TYPE_CAPTION[entry.entryType],
    entry.postingDate,
    entry.documentNo,
    entry.location,
    entry.lotNo ?? "",
    entry.serialNo ?? "",
    qtyToNumber(entry.quantity),
    qtyToNumber(entry.remainingQuantity),
    // Inventory.md §13.3: each node shows the vendor or customer of its document.
    row.sourceType,
    row.sourceNo,
    entry.entryNo,
    row.alreadyTraced,
  ];
}

export interface TraceSheetOptions extends WriteOptions {
  stamp?: string;
}

function describeQuery(query: TraceQuery): string {
  const what = [query.item ? `Item ${query.item}` : "", query.lotNo ? `Lot ${query.lotNo}` : "", query.serialNo ? `Serial ${query.serialNo}` : ""];
  const components = { No: "no components", ItemTrackedOnly: "item-tracked components", All: "all components" }[query.showComponents ?? "ItemTrackedOnly"];
  return [...what.filter(Boolean), `${query.direction} → ${query.direction === "Usage" ? "Origin" : "Usage"}`, components].join(" · ");
}

export function itemTraceSpec(
  books: ReadonlyMap<string, ItemBook>,
  items: ReadonlyMap<string, Item>,
  query: TraceQuery,
  options: TraceSheetOptions = {},
): TableSpec {
  const rows = traceRows(books, query);
  return {
    sheet: ITEM_TRACE_SHEET,
    table: ITEM_TRACE_TABLE,
    title: "Item Tracing",
    parameters: describeQuery(query),
    stamp: options.stamp,
    columns: ITEM_TRACE_COLUMNS,
    rows: rows.map((row) => itemTraceRow(row, items)),
    style: "output",
    // Outline level 0 = a root; the port caps grouping at Excel's 8 levels and keeps deeper rows indented.
    rowLevels: rows.map((row) => row.level - 1),
    indentColumn: "Trace Line",
  };
}

export function writeItemTraceSheet(
  port: WorkbookPort,
  books: ReadonlyMap<string, ItemBook>,
  items: ReadonlyMap<string, Item>,
  query: TraceQuery,
  options: TraceSheetOptions = {},
): Promise<WriteReport> {
  return port.writeTable(itemTraceSpec(books, items, query, options), options);
}
