/**
 * Undo of a posted assembly (inventory.md §14.2, BC's Undo Posted Assembly Order): the output entry is
 * reversed by a negative output entry fixed-applied to it, then each consumption entry, in BOM order, by a
 * positive consumption entry cost-applied from it, so that cost reverses exactly (and keeps reversing when
 * cost adjustment later changes the originals). The reversal is dated on the original posting date, as BC
 * posts it. Allowed only while the whole output is still in inventory and unreserved. The assembly order is
 * given its quantity back when it is still open, or re-created on request when it was completed.
 */
import type { ItemBook } from "../book";
import type { OrderLine } from "../company";
import { refreshCardCost } from "../costing/cardCost";
import { averageGroupKey, markAverage, markEntry, markInbound } from "../costing/marks";
import { reservedOnEntry } from "../inventory/reservations";
import { orderKey } from "../inventory/orders";
import { findEntry, valuesOf } from "../ledger/bookIndex";
import type { Money } from "../money";
import type { IsoDate, Item, ItemLedgerEntry, ValueEntryType } from "../types";
import type { Workspace } from "../workspace";
import { consumedCost } from "./assembly";
import { applyQuantity, createEntry, createValue } from "./entries";
import { checkOpenPeriod, refuse, requireEntry, requireItem } from "./guards";
import { createInbound, finishInbound } from "./inbound";
import { valuationDateOf } from "./values";

export interface UndoAssemblyInput {
  /** The AssemblyOutput entry of the posting to undo. */
  outputEntryNo: number;
  /** Re-create the assembly order when the posting completed it (BC asks; default no). */
  recreateOrder?: boolean;
}

export interface UndoAssemblyResult {
  outputReversal: ItemLedgerEntry;
  consumptionReversals: ItemLedgerEntry[];
}

/** The fields a reversing entry copies from its original (dated `date`). */
function reversingFields(original: ItemLedgerEntry, date: IsoDate) {
  return {
    entryType: original.entryType,
    postingDate: date,
    documentNo: original.documentNo,
    item: original.item,
    variant: original.variant,
    location: original.location,
    quantity: -original.quantity,
    correction: true,
    serialNo: original.serialNo,
    lotNo: original.lotNo,
    expirationDate: original.expirationDate,
    inventoriable: original.inventoriable,
    lineUnitCost: original.lineUnitCost,
    ...(original.sourceType !== undefined && { sourceType: original.sourceType }),
    ...(original.sourceNo !== undefined && { sourceNo: original.sourceNo }),
  };
}

function checkUndoable(ws: Workspace, output: ItemLedgerEntry, parent: Item): void {
  if (output.entryType !== "AssemblyOutput" || !output.positive || !output.assembly) {
    refuse(`Item ledger entry ${output.entryNo} is not the output of a posted assembly`, "outputEntryNo");
  }
  if (parent.blocked) refuse(`Item ${parent.no} is blocked`, "item");
  checkOpenPeriod(ws, output.postingDate, "outputEntryNo");
  if (output.remainingQuantity !== output.quantity) {
    refuse(`Item ledger entry ${output.entryNo} has been applied and cannot be undone: the assembled items are no longer all in inventory`, "outputEntryNo");
  }
  if (reservedOnEntry(ws, output.entryNo) > 0) refuse(`Item ledger entry ${output.entryNo} is reserved and cannot be undone`, "outputEntryNo");
  for (const { item } of output.assembly?.consumption ?? []) {
    if (requireItem(ws, item).blocked) refuse(`Item ${item} is blocked`, "item");
  }
}

/** An entry's cost per value-entry type, so the reversal takes back direct cost, overhead and variance alike. */
function costByType(book: ItemBook, output: ItemLedgerEntry): Map<ValueEntryType, Money> {
  const sums = new Map<ValueEntryType, Money>();
  for (const value of valuesOf(book, output.entryNo)) {
    if (value.entryType === "Rounding" || value.entryType === "Revaluation") continue;
    sums.set(value.entryType, (sums.get(value.entryType) ?? 0) + value.costAmountActual + value.costAmountExpected);
  }
  // Revaluations and rounding of the output are taken back as direct cost: the reversal leaves nothing behind.
  const rest = valuesOf(book, output.entryNo)
    .filter((v) => v.entryType === "Rounding" || v.entryType === "Revaluation")
    .reduce((sum, v) => sum + v.costAmountActual + v.costAmountExpected, 0);
  sums.set("DirectCost", (sums.get("DirectCost") ?? 0) + rest);
  return sums;
}

/**
 * Reverses an assembly output: a negative output entry dated `date`, fixed-applied to `appliedTo` (the output
 * itself, or for assemble to order the entry that brought the sold output back) at that entry's cost per type.
 */
export function reverseOutput(ws: Workspace, parent: Item, output: ItemLedgerEntry, appliedTo: ItemLedgerEntry, date: IsoDate): ItemLedgerEntry {
  const book = ws.bookForUpdate(parent.no);
  const reversal = createEntry(ws, book, { ...reversingFields(output, date), appliesToEntry: appliedTo.entryNo, appliesFromEntry: null });
  applyQuantity(ws, book, appliedTo, reversal, output.quantity, date, true);
  const base = { postingDate: date, valuationDate: valuationDateOf(book, appliedTo), valuedQuantity: reversal.quantity };
  for (const [entryType, amount] of costByType(book, appliedTo)) {
    const invoicedQuantity = entryType === "DirectCost" ? reversal.quantity : 0;
    createValue(ws, book, reversal, { ...base, entryType, invoicedQuantity, costAmountActual: -amount });
  }
  markEntry(book, reversal.entryNo);
  markInbound(book, appliedTo.entryNo);
  if (parent.costingMethod === "Average") markAverage(book, averageGroupKey(ws.company.inventorySetup, output), date);
  refreshCardCost(book, parent, ws.company.inventorySetup);
  return reversal;
}

/** Reverses one consumption entry: a positive consumption entry dated `date`, cost-applied from the original. */
export function reverseConsumption(ws: Workspace, link: { item: string; entryNo: number }, date: IsoDate): ItemLedgerEntry {
  const item = requireItem(ws, link.item);
  const book = ws.bookForUpdate(item.no);
  const consumption = findEntry(book, link.entryNo);
  if (!consumption) return refuse(`Item ledger entry ${link.entryNo} does not exist`, "outputEntryNo");
  const fields = { ...reversingFields(consumption, date), appliesToEntry: null, appliesFromEntry: consumption.inventoriable ? consumption.entryNo : null };
  const { inbound, closed } = createInbound(ws, book, fields, null);
  createValue(ws, book, inbound, {
    entryType: "DirectCost",
    postingDate: date,
    valuationDate: date,
    valuedQuantity: inbound.quantity,
    invoicedQuantity: inbound.quantity,
    costAmountActual: -consumedCost(ws, item.no, consumption.entryNo),
  });
  finishInbound(ws, book, item, inbound, closed);
  return inbound;
}

/** BC's UpdateAsmOrderWithUndo / RecreateAsmOrderWithUndo: the undone quantity is to assemble again. */
function restoreOrder(ws: Workspace, output: ItemLedgerEntry, recreate: boolean): void {
  if (!output.documentNo) return;
  const key = orderKey(output.documentNo, output.item);
  const open = ws.company.orderLines?.[key];
  if (open && open.type === "Assembly") {
    open.outstanding += output.quantity;
    ws.companyChanged = true;
    return;
  }
  const date = output.assembly?.orderDate;
  if (!recreate || open || date === undefined) return;
  const line: OrderLine = {
    type: "Assembly", documentNo: output.documentNo, item: output.item, variant: output.variant, location: output.location, newLocation: null,
    date, quantity: output.quantity, outstanding: output.quantity, unitCost: null, amount: null, carried: 0,
  };
  ws.company.orderLines = { ...ws.company.orderLines, [key]: line };
  ws.companyChanged = true;
}

export function undoAssembly(ws: Workspace, input: UndoAssemblyInput): UndoAssemblyResult {
  const { item: parent, entry: output } = requireEntry(ws, input.outputEntryNo, "outputEntryNo");
  checkUndoable(ws, output, parent);
  // BC's undo reverses the header (output) first, then the lines (consumption) in order, on the posting's date.
  const outputReversal = reverseOutput(ws, parent, output, output, output.postingDate);
  const consumptionReversals = (output.assembly?.consumption ?? []).map((link) => reverseConsumption(ws, link, output.postingDate));
  restoreOrder(ws, output, input.recreateOrder ?? false);
  return { outputReversal, consumptionReversals };
}
