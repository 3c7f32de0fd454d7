/**
 * Assemble to order (inventory.md §14.3). A sales line of an Assemble-to-Order item (or one given a quantity to
 * assemble to order) gets a linked assembly order, one to one, for that quantity, due on the line's date at
 * its location; the link is a reservation of the sales line on the assembly order. Shipping the line posts
 * the assembly and the shipment together: the assemble-to-order part first (consumption, output, then a sale
 * fixed-applied to that output and marked assemble to order), then any rest from stock as a separate sale.
 * Undoing such a shipment (undo of the sale entry) also reverses the assembly.
 */
import type { Company, OrderLine } from "../company";
import { RefusedError } from "../errors";
import type { JournalLine } from "../journal";
import { findEntry } from "../ledger/bookIndex";
import { qty, qtyToNumber, type Qty } from "../money";
import { assemble } from "../posting/assembly";
import { effectiveLocation } from "../posting/line";
import { reverseConsumption, reverseOutput } from "../posting/undoAssembly";
import type { IsoDate, ItemLedgerEntry } from "../types";
import type { Workspace } from "../workspace";
import { openOrder, orderKey } from "./orders";
import { addReservation, reservationsOf } from "./reservations";

function refuse(field: string, message: string, line?: number): never {
  throw new RefusedError([{ line, field, message }]);
}

/** The linked assembly order's number: BC numbers it from its own series; here it is derived from the sales line. */
export function assembleToOrderNo(salesDocumentNo: string): string {
  return `${salesDocumentNo}-ATO`;
}

/**
 * On entry of a sales line: creates its linked assembly order and the reservation that links them. The
 * quantity is `requested` when given, else the whole line for an Assemble-to-Order item, else none.
 */
export function linkAssembleToOrder(ws: Workspace, sale: OrderLine, requested: number | undefined): void {
  const item = ws.item(sale.item);
  if (!item) return;
  if (requested !== undefined && !(requested >= 0)) refuse("qtyToAssembleToOrder", "The quantity to assemble to order must not be negative");
  const quantity = requested !== undefined ? qty(requested) : item.assemblyPolicy === "AssembleToOrder" ? sale.quantity : 0;
  if (quantity === 0) return;
  if (quantity > sale.quantity) refuse("qtyToAssembleToOrder", `The quantity to assemble to order exceeds the quantity ${qtyToNumber(sale.quantity)} of the sales line`);
  if (item.type !== "Inventory") refuse("item", `Item ${item.no} is not an inventory item: assembly output is not allowed for item type ${item.type}`);
  if (!item.assemblyBOM?.length) refuse("item", `Item ${item.no} has no assembly bill of materials`);
  const documentNo = assembleToOrderNo(sale.documentNo);
  const assembly: OrderLine = {
    type: "Assembly", documentNo, item: item.no, variant: sale.variant, location: sale.location, newLocation: null, date: sale.date,
    quantity, outstanding: quantity, unitCost: null, amount: null, carried: 0, assembleToOrderFor: sale.documentNo,
  };
  sale.assembleToOrderNo = documentNo;
  ws.company.orderLines = { ...ws.company.orderLines, [orderKey(documentNo, item.no)]: assembly };
  addReservation(ws, { demand: sale.documentNo, item: item.no, supply: documentNo, inboundEntryNo: null, quantity, lotNo: null, serialNo: null });
}

/** A journal line to post, and whether its sale is the assemble-to-order part. */
export interface ShipmentPart {
  line: JournalLine;
  assembleToOrder: boolean;
}

/** The link's reservation is used up by what was assembled: the sale applies to the output itself. */
function releaseLink(ws: Workspace, demand: string, supply: string, quantity: Qty): void {
  let left = quantity;
  ws.company.reservations = reservationsOf(ws).flatMap((r) => {
    if (r.demand !== demand || r.supply !== supply || left <= 0) return [r];
    const used = Math.min(left, r.quantity);
    left -= used;
    return used < r.quantity ? [{ ...r, quantity: r.quantity - used }] : [];
  });
  ws.companyChanged = true;
}

/**
 * How much of a shipment is assembled (§14.3): between just enough for the rest to come from the line's stock
 * part and the whole shipment (at most what the order has left); the most unless the line says otherwise.
 */
function quantityToAssemble(journal: JournalLine, toShip: Qty, sale: OrderLine, order: OrderLine, lineNo: number): Qty {
  const most = Math.min(toShip, order.outstanding);
  const least = Math.max(0, toShip - (sale.outstanding - order.outstanding));
  if (journal.quantityToAssemble === undefined || journal.quantityToAssemble === null) return most;
  const asked = qty(journal.quantityToAssemble);
  if (asked < least || asked > most) {
    refuse("quantityToAssemble", `The quantity to assemble must be from ${qtyToNumber(least)} to ${qtyToNumber(most)} for this shipment`, lineNo);
  }
  return asked;
}

/**
 * A shipment of a sales line with an open linked assembly order: posts the assembly of the part to assemble
 * (at most what the order has left), then returns the sales parts to post in order. Other lines: unchanged.
 */
export function assembleToOrderParts(ws: Workspace, journal: JournalLine, baseQuantity: Qty, lineNo: number): ShipmentPart[] {
  const plain = [{ line: journal, assembleToOrder: false }];
  if (journal.entryType !== "Sale" || journal.return) return plain;
  const sale = openOrder(ws, journal.documentNo, journal.item, "Sale");
  const orderNo = sale?.assembleToOrderNo;
  const order = orderNo !== undefined ? openOrder(ws, orderNo, journal.item, "Assembly") : undefined;
  if (!sale || orderNo === undefined || !order || order.outstanding === 0) {
    if (journal.quantityToAssemble) refuse("quantityToAssemble", `Sales line ${journal.documentNo ?? ""} has nothing left to assemble to order`, lineNo);
    return plain;
  }
  const item = ws.item(journal.item);
  if (journal.unitOfMeasure !== undefined && journal.unitOfMeasure !== item?.baseUnitOfMeasure) {
    refuse("unitOfMeasure", "An assemble-to-order shipment is posted in the base unit of measure", lineNo);
  }
  const toAssemble = quantityToAssemble(journal, baseQuantity, sale, order, lineNo);
  if (toAssemble === 0) return plain;
  const output = assemble(ws, {
    item: journal.item, location: effectiveLocation(ws, journal), quantity: qtyToNumber(toAssemble), date: journal.postingDate, documentNo: orderNo,
    lotNo: journal.lotNo, serialNo: journal.serialNo,
  });
  releaseLink(ws, sale.documentNo, orderNo, toAssemble);
  const invoiced = qty(journal.invoicedQuantity ?? journal.quantity);
  const assembledInvoiced = Math.min(invoiced, toAssemble);
  const parts: ShipmentPart[] = [{
    line: { ...journal, quantity: qtyToNumber(toAssemble), invoicedQuantity: qtyToNumber(assembledInvoiced), appliesToEntry: output.entryNo },
    assembleToOrder: true,
  }];
  const rest = baseQuantity - toAssemble;
  if (rest > 0) {
    parts.push({ line: { ...journal, quantity: qtyToNumber(rest), invoicedQuantity: qtyToNumber(invoiced - assembledInvoiced) }, assembleToOrder: false });
  }
  return parts;
}

/** Of the items shipped, those with an open assemble-to-order assembly order (their components must be loaded). */
export function assembleToOrderParents(company: Company, items: readonly string[]): string[] {
  if (items.length === 0 || !company.orderLines) return [];
  const linked = new Set(Object.values(company.orderLines).filter((l) => l.type === "Assembly" && l.assembleToOrderFor !== undefined).map((l) => l.item));
  return items.filter((item) => linked.has(item));
}

/** The components an assemble-to-order sale's undo has to put back (for loading them first). */
export function assembleToOrderComponents(ws: Workspace, saleEntryNo: number): string[] {
  const owner = ws.ownerOf(saleEntryNo);
  const book = owner !== undefined ? ws.book(owner) : undefined;
  const sale = book ? findEntry(book, saleEntryNo) : undefined;
  if (!book || !sale?.assembleToOrder || sale.appliesToEntry === null) return [];
  return findEntry(book, sale.appliesToEntry)?.assembly?.consumption.map((c) => c.item) ?? [];
}

/**
 * Undo of an assemble-to-order shipment (§14.3, done by undoing the sales shipment): after the sale's
 * correction brought the assembled items back, the output is reversed against that correction and each
 * consumption is reversed, all on the undo's date.
 */
export function undoAssembleToOrder(ws: Workspace, sale: ItemLedgerEntry, correction: ItemLedgerEntry, date: IsoDate): void {
  const parent = ws.item(sale.item);
  const book = ws.book(sale.item);
  const output = book && sale.appliesToEntry !== null ? findEntry(book, sale.appliesToEntry) : undefined;
  if (!parent || !output?.assembly) return;
  reverseOutput(ws, parent, output, correction, date);
  for (const link of output.assembly.consumption) reverseConsumption(ws, link, date);
}
