/**
 * The Item Applications sheet (excel.md §3.2, tblItemApplications): which inbound entry supplied which
 * outbound entry, so a user can follow the cost flow. Ledger-like, so it refreshes by append + patch.
 */
import { qtyToNumber } from "../../core/money";
import type { ItemApplicationEntry } from "../../core/types";
import type { CellValue, ColumnSpec, TableSpec, WorkbookPort, WriteOptions, WriteReport } from "../port";
import type { RefreshResult } from "./appendPatch";
import { refreshByEntryNo } from "./appendPatch";

export const ITEM_APPLICATIONS_SHEET = "Item Applications";
export const ITEM_APPLICATIONS_TABLE = "tblItemApplications";

export const ITEM_APPLICATION_COLUMNS: ColumnSpec[] = [
  { header: "Entry No.", kind: "integer" },
  { header: "Item Ledger Entry No.", kind: "integer" },
  { header: "Inbound Item Entry No.", kind: "integer" },
  { header: "Outbound Item Entry No.", kind: "integer" },
  { header: "Quantity", kind: "quantity" },
  { header: "Posting Date", kind: "date" },
  { header: "Transferred-from Entry No.", kind: "integer" },
  { header: "Cost Application", kind: "boolean" },
  { header: "Fixed Application", kind: "boolean" },
];

export function itemApplicationRow(application: ItemApplicationEntry): CellValue[] {
  return [
    application.entryNo,
    application.itemLedgerEntryNo,
    application.inboundEntryNo,
    // An inbound entry's own record has no outbound entry (0 in the ledger, blank on the sheet as in BC's page).
    application.outboundEntryNo === 0 ? null : application.outboundEntryNo,
    qtyToNumber(application.quantity),
    application.postingDate,
    application.transferredFromEntryNo,
    application.costApplication,
    application.fixedApplication,
  ];
}

export interface ApplicationsSheetOptions extends WriteOptions {
  parameters?: string;
  stamp?: string;
}

export function itemApplicationsSpec(applications: readonly ItemApplicationEntry[], options: ApplicationsSheetOptions = {}): TableSpec {
  return {
    sheet: ITEM_APPLICATIONS_SHEET,
    table: ITEM_APPLICATIONS_TABLE,
    title: "Item Applications",
    parameters: options.parameters,
    stamp: options.stamp,
    columns: ITEM_APPLICATION_COLUMNS,
    rows: [...applications].sort((a, b) => a.entryNo - b.entryNo).map(itemApplicationRow),
    style: "output",
    freezeFirstColumn: true,
  };
}

export function writeItemApplicationsSheet(
  port: WorkbookPort,
  applications: readonly ItemApplicationEntry[],
  options: ApplicationsSheetOptions = {},
): Promise<WriteReport> {
  return port.writeTable(itemApplicationsSpec(applications, options), options);
}

export function refreshItemApplicationsSheet(
  port: WorkbookPort,
  applications: readonly ItemApplicationEntry[],
  options: ApplicationsSheetOptions = {},
): Promise<RefreshResult> {
  return refreshByEntryNo(port, itemApplicationsSpec(applications, options), options);
}
