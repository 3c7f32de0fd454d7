/**
 * The Item Ledger Entries and Value Entries sheets (excel.md §3.2, tblItemLedger and tblValueEntries).
 * Scaled integers become decimal numbers only here, at the edge (money.ts); the cost amounts of an
 * item ledger entry are the sums of its value entries, as BC's FlowFields are.
 */
import type { Money } from "../../core/money";
import { moneyToNumber, qtyToNumber, unitCostOf, unitCostToNumber } from "../../core/money";
import type { ItemLedgerEntry, ValueEntry } from "../../core/types";
import type { CellValue, ColumnSpec, TableSpec, WorkbookPort, WriteOptions, WriteReport } from "../port";
import type { RefreshResult } from "./appendPatch";
import { refreshByEntryNo } from "./appendPatch";
import { ENTRY_TYPE_CAPTION, VALUE_ENTRY_TYPE_CAPTION } from "./captions";

export const ITEM_LEDGER_SHEET = "Item Ledger Entries";
export const ITEM_LEDGER_TABLE = "tblItemLedger";
export const VALUE_ENTRIES_SHEET = "Value Entries";
export const VALUE_ENTRIES_TABLE = "tblValueEntries";

export const ITEM_LEDGER_COLUMNS: ColumnSpec[] = [
  { header: "Entry No.", kind: "integer" },
  { header: "Item No.", kind: "code" },
  { header: "Posting Date", kind: "date" },
  { header: "Entry Type", kind: "text" },
  { header: "Document Type", kind: "text" },
  { header: "Document No.", kind: "code" },
  { header: "Document Line No.", kind: "integer" },
  { header: "Description", kind: "text" },
  { header: "Location Code", kind: "code" },
  { header: "Variant Code", kind: "code" },
  { header: "Quantity", kind: "quantity" },
  { header: "Remaining Quantity", kind: "quantity" },
  { header: "Invoiced Quantity", kind: "quantity" },
  { header: "Open", kind: "boolean" },
  { header: "Positive", kind: "boolean" },
  { header: "Lot No.", kind: "code" },
  { header: "Serial No.", kind: "code" },
  { header: "Expiration Date", kind: "date" },
  { header: "Cost Amount (Expected)", kind: "amount" },
  { header: "Cost Amount (Actual)", kind: "amount" },
  { header: "Sales Amount (Actual)", kind: "amount" },
  { header: "Applies-to Entry", kind: "integer" },
  { header: "Completely Invoiced", kind: "boolean" },
  { header: "Source Type", kind: "text" },
  { header: "Source No.", kind: "code" },
];

/** Fields BC shows that the engine's entry does not carry; callers supply them when they know them. */
export interface EntryDetails {
  documentType?: string;
  documentLineNo?: number;
  description?: string;
  sourceType?: string;
  sourceNo?: string;
}

export interface LedgerSheetOptions extends WriteOptions {
  /** Banner row 2, e.g. the filters used. */
  parameters?: string;
  /** Banner row 3, e.g. "Generated 2025-02-05 10:14 · ledger v57 · basis posted". */
  stamp?: string;
  details?: (entry: ItemLedgerEntry) => EntryDetails;
}

interface CostSums {
  expected: Money;
  actual: Money;
  sales: Money;
}

function sumValues(values: readonly ValueEntry[]): Map<number, CostSums> {
  const sums = new Map<number, CostSums>();
  for (const value of values) {
    const sum = sums.get(value.itemLedgerEntryNo) ?? { expected: 0, actual: 0, sales: 0 };
    sum.expected += value.costAmountExpected;
    sum.actual += value.costAmountActual;
    sum.sales += value.salesAmountActual;
    sums.set(value.itemLedgerEntryNo, sum);
  }
  return sums;
}

export function itemLedgerRow(entry: ItemLedgerEntry, sums: CostSums | undefined, details: EntryDetails = {}): CellValue[] {
  const cost = sums ?? { expected: 0, actual: 0, sales: 0 };
  return [
    entry.entryNo,
    entry.item,
    entry.postingDate,
    ENTRY_TYPE_CAPTION[entry.entryType],
    details.documentType ?? null,
    entry.documentNo,
    details.documentLineNo ?? null,
    details.description ?? null,
    entry.location,
    entry.variant || null,
    qtyToNumber(entry.quantity),
    qtyToNumber(entry.remainingQuantity),
    qtyToNumber(entry.invoicedQuantity),
    entry.open,
    entry.positive,
    entry.lotNo,
    entry.serialNo,
    entry.expirationDate,
    moneyToNumber(cost.expected),
    moneyToNumber(cost.actual),
    moneyToNumber(cost.sales),
    entry.appliesToEntry,
    entry.invoicedQuantity === entry.quantity,
    // The entry's own source (vendor, customer, assembled item) unless the caller knows better.
    details.sourceType ?? entry.sourceType ?? null,
    details.sourceNo ?? entry.sourceNo ?? null,
  ];
}

export function itemLedgerSpec(entries: readonly ItemLedgerEntry[], values: readonly ValueEntry[], options: LedgerSheetOptions = {}): TableSpec {
  const sums = sumValues(values);
  const rows = entries.map((entry) => itemLedgerRow(entry, sums.get(entry.entryNo), options.details?.(entry)));
  return {
    sheet: ITEM_LEDGER_SHEET,
    table: ITEM_LEDGER_TABLE,
    title: "Item Ledger Entries",
    parameters: options.parameters,
    stamp: options.stamp,
    columns: ITEM_LEDGER_COLUMNS,
    rows,
    style: "output",
    freezeFirstColumn: true,
  };
}

/** Writes tblItemLedger in full from entries and the value entries that carry their amounts. */
export function writeItemLedgerSheet(
  port: WorkbookPort,
  entries: readonly ItemLedgerEntry[],
  values: readonly ValueEntry[],
  options: LedgerSheetOptions = {},
): Promise<WriteReport> {
  return port.writeTable(itemLedgerSpec(entries, values, options), options);
}

/** Append + patch refresh of tblItemLedger (a full write when the sheet is missing or does not match). */
export function refreshItemLedgerSheet(
  port: WorkbookPort,
  entries: readonly ItemLedgerEntry[],
  values: readonly ValueEntry[],
  options: LedgerSheetOptions = {},
): Promise<RefreshResult> {
  return refreshByEntryNo(port, itemLedgerSpec(entries, values, options), options);
}

export const VALUE_ENTRY_COLUMNS: ColumnSpec[] = [
  { header: "Entry No.", kind: "integer" },
  { header: "Item Ledger Entry No.", kind: "integer" },
  { header: "Item No.", kind: "code" },
  { header: "Posting Date", kind: "date" },
  { header: "Valuation Date", kind: "date" },
  { header: "Item Ledger Entry Type", kind: "text" },
  { header: "Entry Type", kind: "text" },
  { header: "Adjustment", kind: "boolean" },
  { header: "Document No.", kind: "code" },
  { header: "Location Code", kind: "code" },
  { header: "Item Ledger Entry Quantity", kind: "quantity" },
  { header: "Valued Quantity", kind: "quantity" },
  { header: "Invoiced Quantity", kind: "quantity" },
  { header: "Cost per Unit", kind: "unitCost" },
  { header: "Cost Amount (Actual)", kind: "amount" },
  { header: "Cost Amount (Expected)", kind: "amount" },
  { header: "Cost Posted to G/L", kind: "amount" },
  { header: "Expected Cost Posted to G/L", kind: "amount" },
  { header: "Sales Amount (Actual)", kind: "amount" },
  { header: "Item Charge No.", kind: "code" },
  { header: "Inventory Posting Group", kind: "code" },
  { header: "Gen. Prod. Posting Group", kind: "code" },
  { header: "Source Code", kind: "code" },
];

export interface ValueEntryDetails {
  inventoryPostingGroup?: string;
  genProdPostingGroup?: string;
  sourceCode?: string;
}

export function valueEntryRow(value: ValueEntry, details: ValueEntryDetails = {}): CellValue[] {
  // Cost per Unit is the entry's amount over its valued quantity (BC leaves it 0 for charges on 0 quantity).
  const amount = value.costAmountActual + value.costAmountExpected;
  const costPerUnit = value.valuedQuantity === 0 ? 0 : unitCostToNumber(unitCostOf(amount, value.valuedQuantity));
  return [
    value.entryNo,
    value.itemLedgerEntryNo,
    value.item,
    value.postingDate,
    value.valuationDate,
    ENTRY_TYPE_CAPTION[value.itemLedgerEntryType],
    VALUE_ENTRY_TYPE_CAPTION[value.entryType],
    value.adjustment,
    value.documentNo,
    value.location,
    qtyToNumber(value.itemLedgerEntryQuantity),
    qtyToNumber(value.valuedQuantity),
    qtyToNumber(value.invoicedQuantity),
    costPerUnit,
    moneyToNumber(value.costAmountActual),
    moneyToNumber(value.costAmountExpected),
    moneyToNumber(value.costPostedToGL),
    moneyToNumber(value.expectedCostPostedToGL),
    moneyToNumber(value.salesAmountActual),
    value.itemChargeNo,
    details.inventoryPostingGroup ?? null,
    details.genProdPostingGroup ?? null,
    details.sourceCode ?? null,
  ];
}

export interface ValueSheetOptions extends WriteOptions {
  parameters?: string;
  stamp?: string;
  details?: (value: ValueEntry) => ValueEntryDetails;
}

export function valueEntriesSpec(values: readonly ValueEntry[], options: ValueSheetOptions = {}): TableSpec {
  return {
    sheet: VALUE_ENTRIES_SHEET,
    table: VALUE_ENTRIES_TABLE,
    title: "Value Entries",
    parameters: options.parameters,
    stamp: options.stamp,
    columns: VALUE_ENTRY_COLUMNS,
    rows: values.map((value) => valueEntryRow(value, options.details?.(value))),
    style: "output",
    freezeFirstColumn: true,
  };
}

export function writeValueEntriesSheet(port: WorkbookPort, values: readonly ValueEntry[], options: ValueSheetOptions = {}): Promise<WriteReport> {
  return port.writeTable(valueEntriesSpec(values, options), options);
}

/** Append + patch refresh of tblValueEntries (Cost Posted to G/L changes on existing entries). */
export function refreshValueEntriesSheet(port: WorkbookPort, values: readonly ValueEntry[], options: ValueSheetOptions = {}): Promise<RefreshResult> {
  return refreshByEntryNo(port, valueEntriesSpec(values, options), options);
}
