/**
 * Writers of the three ledgers. Every new record takes the next number of its own sequence
 * (costing.md §1 ordering) and lands in the item's book through the index helpers.
 */
import type { ItemBook } from "../book";
import { addApplication, addEntry, addValue, setRemaining, valuesOf } from "../ledger/bookIndex";
import type { IsoDate, ItemApplicationEntry, ItemLedgerEntry, ValueEntry, ValueEntryType } from "../types";
import type { Workspace } from "../workspace";
import type { PostingLine } from "./line";

export type NewEntry = Omit<ItemLedgerEntry, "entryNo" | "remainingQuantity" | "invoicedQuantity" | "open" | "positive">;

/**
 * The fields an item ledger entry takes from its journal line as posted: where, when, which document and
 * which lot/serial. Callers add the direction-specific ones (entry type, signed quantity, applications, cost).
 */
export function lineEntryFields(line: PostingLine, item: string) {
  return {
    postingDate: line.postingDate,
    documentNo: line.documentNo,
    item,
    variant: line.variant,
    location: line.location,
    correction: false,
    serialNo: line.serialNo,
    lotNo: line.lotNo,
    expirationDate: line.expirationDate,
    // Only a line that names a source gives its entries one: entries posted without stay as they were.
    ...(line.sourceType !== null && { sourceType: line.sourceType }),
    ...(line.sourceNo !== null && { sourceNo: line.sourceNo }),
  };
}

export function createEntry(ws: Workspace, book: ItemBook, fields: NewEntry): ItemLedgerEntry {
  const entry: ItemLedgerEntry = {
    ...fields,
    entryNo: ws.nextItemLedgerEntryNo(),
    remainingQuantity: fields.inventoriable ? fields.quantity : 0,
    invoicedQuantity: 0,
    open: false,
    positive: fields.quantity > 0,
  };
  entry.open = entry.remainingQuantity !== 0;
  addEntry(book, entry);
  touch(ws, book);
  return entry;
}

export interface ValueFields {
  entryType: ValueEntryType;
  postingDate: IsoDate;
  valuationDate: IsoDate;
  valuedQuantity: number;
  invoicedQuantity?: number;
  costAmountActual?: number;
  costAmountExpected?: number;
  salesAmountActual?: number;
  expectedCost?: boolean;
  adjustment?: boolean;
  appliesToValueEntry?: number | null;
  valuedByAverageCost?: boolean;
  itemChargeNo?: string | null;
  documentNo?: string;
}

export function createValue(ws: Workspace, book: ItemBook, entry: ItemLedgerEntry, fields: ValueFields): ValueEntry {
  const first = valuesOf(book, entry.entryNo).length === 0;
  const value: ValueEntry = {
    entryNo: ws.nextValueEntryNo(),
    itemLedgerEntryNo: entry.entryNo,
    itemLedgerEntryType: entry.entryType,
    item: entry.item,
    location: entry.location,
    variant: entry.variant,
    entryType: fields.entryType,
    postingDate: fields.postingDate,
    valuationDate: fields.valuationDate,
    documentNo: fields.documentNo ?? entry.documentNo,
    itemLedgerEntryQuantity: first ? entry.quantity : 0,
    valuedQuantity: fields.valuedQuantity,
    invoicedQuantity: fields.invoicedQuantity ?? 0,
    // A non-inventoriable entry's cost is recorded apart and never becomes inventory value.
    costAmountActual: entry.inventoriable ? (fields.costAmountActual ?? 0) : 0,
    costAmountExpected: entry.inventoriable ? (fields.costAmountExpected ?? 0) : 0,
    // (Expected cost is not recorded for them: the invoice brings the actual cost.)
    costAmountNonInventoriable: entry.inventoriable ? 0 : (fields.costAmountActual ?? 0),
    salesAmountActual: fields.salesAmountActual ?? 0,
    expectedCost: fields.expectedCost ?? false,
    adjustment: fields.adjustment ?? false,
    appliesToValueEntry: fields.appliesToValueEntry ?? null,
    valuedByAverageCost: fields.valuedByAverageCost ?? false,
    inventoriable: entry.inventoriable,
    itemChargeNo: fields.itemChargeNo ?? null,
    costPostedToGL: 0,
    expectedCostPostedToGL: 0,
  };
  // Only an entry's own receipt/shipment and invoice entries count towards its invoiced quantity.
  if (value.entryType === "DirectCost" && !value.adjustment) entry.invoicedQuantity += value.invoicedQuantity;
  addValue(book, value);
  ws.newValueEntries.push(value);
  touch(ws, book);
  return value;
}

export interface ApplicationFields {
  itemLedgerEntryNo: number;
  inboundEntryNo: number;
  outboundEntryNo: number;
  quantity: number;
  postingDate: IsoDate;
  transferredFromEntryNo?: number | null;
  costApplication?: boolean;
  fixedApplication?: boolean;
}

export function createApplication(ws: Workspace, book: ItemBook, fields: ApplicationFields): ItemApplicationEntry {
  const application: ItemApplicationEntry = {
    entryNo: ws.nextApplicationEntryNo(),
    itemLedgerEntryNo: fields.itemLedgerEntryNo,
    inboundEntryNo: fields.inboundEntryNo,
    outboundEntryNo: fields.outboundEntryNo,
    quantity: fields.quantity,
    postingDate: fields.postingDate,
    transferredFromEntryNo: fields.transferredFromEntryNo ?? null,
    costApplication: fields.costApplication ?? false,
    fixedApplication: fields.fixedApplication ?? false,
  };
  addApplication(book, application);
  touch(ws, book);
  return application;
}

/** Applies quantity q (> 0) of inbound I to outbound O: one record, both remaining quantities move. */
export function applyQuantity(
  ws: Workspace,
  book: ItemBook,
  inbound: ItemLedgerEntry,
  outbound: ItemLedgerEntry,
  quantity: number,
  postingDate: IsoDate,
  fixed: boolean,
): void {
  createApplication(ws, book, {
    itemLedgerEntryNo: outbound.entryNo,
    inboundEntryNo: inbound.entryNo,
    outboundEntryNo: outbound.entryNo,
    quantity: -quantity,
    postingDate,
    fixedApplication: fixed,
  });
  setRemaining(book, inbound, inbound.remainingQuantity - quantity);
  setRemaining(book, outbound, outbound.remainingQuantity + quantity);
}

function touch(ws: Workspace, book: ItemBook): void {
  book.version += 1;
  ws.changedBooks.add(book.item);
}
