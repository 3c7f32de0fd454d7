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
import { createValue, createEntry, lineEntryFields } from "./entries";
import { createInbound, finishInbound } from "./inbound";
import type { PostingLine } from "./line";
import { checkNegativeInventory } from "./outbound";
import { outboundValuationDate } from "./values";

export interface TransferLeg {
  location: string;
  lotNo: string | null;
  serialNo: string | null;
}

/** The sending side: applied within its location, valued at the cost of what it takes (§6.2 rule 1). */
function postTransferOutbound(ws: Workspace, line: PostingLine, item: Item): ItemLedgerEntry {
  const book = ws.bookForUpdate(item.no);
  const outbound = createEntry(ws, book, {
    ...lineEntryFields(line, item.no),
    entryType: "Transfer",
    quantity: -line.quantity,
    appliesToEntry: line.appliesToEntry,
    appliesFromEntry: null,
    inventoriable: true,
    lineUnitCost: book.unitCost,
  });
  // Specific items move the serial named on the line.
  const method = item.costingMethod === "Specific" && line.serialNo !== null ? "FIFO" : item.costingMethod;
  applyOutbound(ws, book, outbound, method, line.lineNo);
  checkNegativeInventory(ws, line, item, outbound);
  createValue(ws, book, outbound, {
    entryType: "DirectCost",
    postingDate: line.postingDate,
    valuationDate: outboundValuationDate(book, outbound),
    valuedQuantity: outbound.quantity,
    invoicedQuantity: outbound.quantity,
    costAmountActual: outboundEstimate({ item, book, outbound, lineCost: null, isTransfer: true }),
    valuedByAverageCost: item.costingMethod === "Average" && outbound.appliesToEntry === null,
  });
  markEntry(book, outbound.entryNo);
  if (item.costingMethod === "Average") {
    markAverage(book, averageGroupKey(ws.company.inventorySetup, outbound), outboundValuationDate(book, outbound));
  }
  return outbound;
}

export function postTransferPair(
  ws: Workspace,
  line: PostingLine,
  item: Item,
  to: TransferLeg & { expirationDate: string | null },
): { outbound: ItemLedgerEntry; inbound: ItemLedgerEntry } {
  const book = ws.bookForUpdate(item.no);
  const outbound = postTransferOutbound(ws, line, item);
  const { inbound, closed } = createInbound(
    ws,
    book,
    {
      ...lineEntryFields(line, item.no),
      location: to.location,
      serialNo: to.serialNo,
      lotNo: to.lotNo,
      expirationDate: to.expirationDate,
      entryType: "Transfer",
      quantity: line.quantity,
      appliesToEntry: null,
      appliesFromEntry: null,
      inventoriable: true,
      lineUnitCost: null,
    },
    outbound.entryNo,
  );
  // The receiving side is valued at exactly the outbound's cost (§4.5) and follows it in adjustment.
  createValue(ws, book, inbound, {
    entryType: "DirectCost",
    postingDate: line.postingDate,
    valuationDate: line.postingDate,
    valuedQuantity: inbound.quantity,
    invoicedQuantity: inbound.quantity,
    costAmountActual: -totalCost(book, outbound.entryNo),
  });
  markEntry(book, inbound.entryNo);
  finishInbound(ws, book, item, inbound, closed);
  return { outbound, inbound };
}

/** `newExpiration`: the inbound side's expiry decided by the tracking rules (§8.3), when tracked. */
export function postTransfer(ws: Workspace, line: PostingLine, item: Item, newExpiration?: string | null): ItemLedgerEntry {
  const expiration = newExpiration !== undefined ? newExpiration : line.newExpirationDate === undefined ? line.expirationDate : line.newExpirationDate;
  return postTransferPair(ws, line, item, {
    location: line.newLocation ?? line.location,
    lotNo: line.newLotNo ?? line.lotNo,
    serialNo: line.newSerialNo ?? line.serialNo,
    expirationDate: expiration,
  }).inbound;
}
