/**
 * Transfer and reclassification (costing.md §4.5): an outbound Transfer entry at the old location,
 * valued at the cost of what it is applied to, then an inbound Transfer entry at the new location
 * (or with the new lot/serial) valued at exactly the opposite, linked by transferredFromEntryNo.
 */
import { applyOutbound } from "../application/apply";
import { outboundEstimate } from "../costing/estimate";
import { averageGroupKey, markAverage, markEntry } from "../costing/marks";
import { totalCost } from "../ledger/bookIndex";
import type { Item, ItemLedgerEntry } from "../types";
import type { Workspace } from "../workspace";
import { createValue, createEntry } from "./entries";
import { createInbound, finishInbound } from "./inbound";
import type { PostingLine } from "./line";
import { checkNegativeInventory } from "./outbound";
import { outboundValuationDate } from "./values";

export interface TransferLeg {
  location: string;
  lotNo: string | null;
  serialNo: string | null;
}

export function postTransferPair(
  ws: Workspace,
  line: PostingLine,
  item: Item,
  to: TransferLeg & { expirationDate: string | null },
): { outbound: ItemLedgerEntry; inbound: ItemLedgerEntry } {
  const book = ws.bookForUpdate(item.no);
  const outbound = createEntry(ws, book, {
    entryType: "Transfer",
    postingDate: line.postingDate,
    documentNo: line.documentNo,
    item: item.no,
    variant: line.variant,
    location: line.location,
    quantity: -line.quantity,
    appliesToEntry: line.appliesToEntry,
    appliesFromEntry: null,
    correction: false,
    serialNo: line.serialNo,
    lotNo: line.lotNo,
    expirationDate: line.expirationDate,
    inventoriable: true,
    lineUnitCost: book.unitCost,
  });
  applyOutbound(ws, book, outbound, item.costingMethod === "Specific" && line.serialNo !== null ? "FIFO" : item.costingMethod, line.lineNo);
  checkNegativeInventory(ws, line, item, outbound);
  const valuationDate = outboundValuationDate(book, outbound);
  const cost = outboundEstimate({ item, book, outbound, lineCost: null, isTransfer: true });
  const averaged = item.costingMethod === "Average" && outbound.appliesToEntry === null;
  createValue(ws, book, outbound, {
    entryType: "DirectCost",
    postingDate: line.postingDate,
    valuationDate,
    valuedQuantity: outbound.quantity,
    invoicedQuantity: outbound.quantity,
    costAmountActual: cost,
    valuedByAverageCost: averaged,
  });
  const { inbound, closed } = createInbound(
    ws,
    book,
    {
      entryType: "Transfer",
      postingDate: line.postingDate,
      documentNo: line.documentNo,
      item: item.no,
      variant: line.variant,
      location: to.location,
      quantity: line.quantity,
      appliesToEntry: null,
      appliesFromEntry: null,
      correction: false,
      serialNo: to.serialNo,
      lotNo: to.lotNo,
      expirationDate: to.expirationDate,
      inventoriable: true,
      lineUnitCost: null,
    },
    outbound.entryNo,
  );
  createValue(ws, book, inbound, {
    entryType: "DirectCost",
    postingDate: line.postingDate,
    valuationDate: line.postingDate,
    valuedQuantity: inbound.quantity,
    invoicedQuantity: inbound.quantity,
    costAmountActual: -totalCost(book, outbound.entryNo),
  });
  markEntry(book, outbound.entryNo);
  markEntry(book, inbound.entryNo);
  if (item.costingMethod === "Average") {
    markAverage(book, averageGroupKey(ws.company.inventorySetup, outbound), valuationDate);
  }
  finishInbound(ws, book, item, inbound, closed);
  return { outbound, inbound };
}

export function postTransfer(ws: Workspace, line: PostingLine, item: Item): ItemLedgerEntry {
  const expiration = line.newExpirationDate === undefined ? line.expirationDate : line.newExpirationDate;
  return postTransferPair(ws, line, item, {
    location: line.newLocation ?? line.location,
    lotNo: line.newLotNo ?? line.lotNo,
    serialNo: line.newSerialNo ?? line.serialNo,
    expirationDate: expiration,
  }).inbound;
}
