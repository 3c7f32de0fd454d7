/**
 * Undo of a receipt or shipment that was not invoiced (costing.md §4.6): a correction entry of the
 * same type in the opposite direction. An inbound is reversed by an outbound fixed-applied to it;
 * an outbound by an inbound cost-applied from it. Both entries end completely invoiced.
 */
import { refreshCardCost } from "../costing/cardCost";
import { undoAssembleToOrder } from "../inventory/assembleToOrder";
import { averageGroupKey, markAverage, markEntry, markInbound } from "../costing/marks";
import { totalCost } from "../ledger/bookIndex";
import type { IsoDate, ItemLedgerEntry } from "../types";
import type { Workspace } from "../workspace";
import { applyQuantity, createEntry, createValue } from "./entries";
import { checkOpenPeriod, refuse, requireEntry } from "./guards";
import { createInbound } from "./inbound";
import { moveExpectedToActual, valuationDateOf } from "./values";

export interface UndoInput {
  date: IsoDate;
  entryNo: number;
}

export function undoEntry(ws: Workspace, input: UndoInput): ItemLedgerEntry {
  const { item, book, entry } = requireEntry(ws, input.entryNo);
  // A blocked item refuses every posting (costing.md §2, §17).
  if (item.blocked) refuse(`Item ${item.no} is blocked`, "item");
  checkOpenPeriod(ws, input.date);
  if (entry.invoicedQuantity !== 0) refuse(`Item ledger entry ${entry.entryNo} is invoiced and cannot be undone`, "entryNo");
  if (entry.positive && entry.remainingQuantity !== entry.quantity) {
    refuse(`Item ledger entry ${entry.entryNo} has been applied and cannot be undone`, "entryNo");
  }
  const fields = {
    entryType: entry.entryType,
    postingDate: input.date,
    documentNo: entry.documentNo,
    item: entry.item,
    variant: entry.variant,
    location: entry.location,
    quantity: -entry.quantity,
    correction: true,
    serialNo: entry.serialNo,
    lotNo: entry.lotNo,
    expirationDate: entry.expirationDate,
    inventoriable: entry.inventoriable,
    lineUnitCost: entry.lineUnitCost,
    ...(entry.sourceType !== undefined && { sourceType: entry.sourceType }),
    ...(entry.sourceNo !== undefined && { sourceNo: entry.sourceNo }),
  };
  // The original's expected cost becomes actual on the undo date (§4.6).
  moveExpectedToActual(ws, book, entry, entry.quantity, input.date);
  let correction: ItemLedgerEntry;
  if (entry.positive) {
    correction = createEntry(ws, book, { ...fields, appliesToEntry: entry.entryNo, appliesFromEntry: null });
    if (entry.inventoriable) applyQuantity(ws, book, entry, correction, entry.quantity, input.date, true);
  } else {
    correction = createInbound(ws, book, { ...fields, appliesToEntry: null, appliesFromEntry: entry.inventoriable ? entry.entryNo : null }, null).inbound;
  }
  createValue(ws, book, correction, {
    entryType: "DirectCost",
    postingDate: input.date,
    valuationDate: entry.positive ? valuationDateOf(book, entry) : input.date,
    valuedQuantity: correction.quantity,
    invoicedQuantity: correction.quantity,
    costAmountActual: -totalCost(book, entry.entryNo),
  });
  // An assemble-to-order shipment is undone with its assembly (inventory.md §14.3).
  if (entry.assembleToOrder) undoAssembleToOrder(ws, entry, correction, input.date);
  if (entry.inventoriable) {
    markEntry(book, correction.entryNo);
    if (item.costingMethod === "Average") markAverage(book, averageGroupKey(ws.company.inventorySetup, entry), entry.postingDate);
    if (entry.positive) markInbound(book, entry.entryNo);
    refreshCardCost(book, item, ws.company.inventorySetup);
  }
  return correction;
}
