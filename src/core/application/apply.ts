/**
 * Quantity application (costing.md §5): which inbound entries an outbound takes its quantity from,
 * and which open outbound entries (negative inventory) a new inbound closes.
 */
import type { ItemBook } from "../book";
import { RefusedError } from "../errors";
import { findEntry, openInBucket } from "../ledger/bookIndex";
import { bindForOutbound } from "../inventory/lateBinding";
import { consumeDemandReservations, reservedOnEntry, trimDemandReservations } from "../inventory/reservations";
import { applyQuantity } from "../posting/entries";
import type { CostingMethod, ItemLedgerEntry } from "../types";
import type { Workspace } from "../workspace";

/** Same item is implied by the book; same location and variant, and the same lot/serial when tracked. */
function sameBucket(a: ItemLedgerEntry, b: ItemLedgerEntry): boolean {
  if (a.location !== b.location || a.variant !== b.variant) return false;
  if (a.lotNo !== null && a.lotNo !== b.lotNo) return false;
  if (a.serialNo !== null && a.serialNo !== b.serialNo) return false;
  return true;
}

function sameTracking(a: ItemLedgerEntry, b: ItemLedgerEntry): boolean {
  return a.location === b.location && a.variant === b.variant && a.lotNo === b.lotNo && a.serialNo === b.serialNo;
}

/**
 * Open inbound entries an outbound may take, in the order of its costing method (§5.2), produced
 * lazily so that an outbound covered by the first entries never walks the rest.
 */
export function* candidateInbounds(book: ItemBook, outbound: ItemLedgerEntry, method: CostingMethod): Generator<ItemLedgerEntry> {
  // The bucket is kept in FIFO order (posting date, entry number); LIFO walks it backwards.
  const list = openInBucket(book, outbound, true);
  const lifo = method === "LIFO";
  for (let k = 0; k < list.length; k += 1) {
    const entry = list[lifo ? list.length - 1 - k : k];
    if (entry.remainingQuantity > 0 && sameBucket(outbound, entry)) yield entry;
  }
}

/**
 * Applies an outbound: to its fixed entry when it names one, else by costing method. What finds
 * nothing to apply to stays as the outbound's negative remaining quantity (§5.4).
 */
export function applyOutbound(
  ws: Workspace,
  book: ItemBook,
  outbound: ItemLedgerEntry,
  method: CostingMethod,
  lineNo?: number,
): void {
  if (outbound.appliesToEntry !== null) {
    const inbound = findEntry(book, outbound.appliesToEntry);
    const needed = -outbound.quantity;
    if (!inbound || inbound.remainingQuantity < needed) {
      throw new RefusedError([
        { line: lineNo, field: "appliesToEntry", message: `Item ledger entry ${outbound.appliesToEntry} is not open` },
      ]);
    }
    applyQuantity(ws, book, inbound, outbound, needed, outbound.postingDate, true);
    return;
  }
  if (method === "Specific") {
    const bySerial = outbound.serialNo !== null ? [...candidateInbounds(book, outbound, method)] : [];
    if (bySerial.length !== 1) {
      throw new RefusedError([
        { line: lineNo, field: "appliesToEntry", message: "Specific costing requires an applies-to entry or a serial number" },
      ]);
    }
  }
  bindForOutbound(ws, book, outbound, lineNo);
  applyReserved(ws, book, outbound);
  // Other demands' reservations hold part of an entry's remaining quantity (inventory.md §12.3).
  const hasReservations = (ws.company.reservations?.length ?? 0) > 0;
  const free = (e: ItemLedgerEntry): number => e.remainingQuantity - (hasReservations ? reservedOnEntry(ws, e.entryNo, outbound.documentNo) : 0);
  // Applying closes entries of the list being walked: take the candidates first when few are needed.
  const taken: [ItemLedgerEntry, number][] = [];
  let needed = -outbound.remainingQuantity;
  let held = 0;
  for (const inbound of candidateInbounds(book, outbound, method)) {
    if (needed <= 0) break;
    const quantity = Math.min(needed, Math.max(0, free(inbound)));
    held += inbound.remainingQuantity - Math.max(0, free(inbound));
    if (quantity > 0) taken.push([inbound, quantity]);
    needed -= quantity;
  }
  if (needed > 0 && held > 0) {
    throw new RefusedError([{ line: lineNo, field: "quantity", message: `Item ${outbound.item}: the quantity at ${outbound.location} is reserved for other demands` }]);
  }
  for (const [inbound, quantity] of taken) applyQuantity(ws, book, inbound, outbound, quantity, outbound.postingDate, false);
}

/** An outbound posted for a demand with reservations on inventory takes the reserved entries first (§12.3). */
function applyReserved(ws: Workspace, book: ItemBook, outbound: ItemLedgerEntry): void {
  if (!outbound.documentNo || !ws.company.reservations?.length) return;
  // Only reservations on entries this outbound may take (its location, variant, lot and serial) are consumed.
  const holds = (entryNo: number): boolean => {
    const inbound = findEntry(book, entryNo);
    return inbound !== undefined && sameBucket(outbound, inbound);
  };
  for (const [entryNo, quantity] of consumeDemandReservations(ws, outbound.documentNo, outbound.item, -outbound.remainingQuantity, holds)) {
    const inbound = findEntry(book, entryNo);
    if (inbound && inbound.open) applyQuantity(ws, book, inbound, outbound, Math.min(quantity, inbound.remainingQuantity), outbound.postingDate, true);
  }
  trimDemandReservations(ws, outbound.documentNo, outbound.item);
}

/** A new inbound first closes open outbound entries of its bucket, oldest posting date first (§5.4). */
export function closeOpenOutbounds(ws: Workspace, book: ItemBook, inbound: ItemLedgerEntry): ItemLedgerEntry[] {
  const open: ItemLedgerEntry[] = [];
  let left = inbound.remainingQuantity;
  for (const e of openInBucket(book, inbound, false)) {
    if (left <= 0) break;
    if (e.remainingQuantity < 0 && sameTracking(e, inbound)) {
      open.push(e);
      left += e.remainingQuantity;
    }
  }
  const closed: ItemLedgerEntry[] = [];
  for (const outbound of open) {
    if (inbound.remainingQuantity <= 0) break;
    applyQuantity(ws, book, inbound, outbound, Math.min(inbound.remainingQuantity, -outbound.remainingQuantity), inbound.postingDate, false);
    closed.push(outbound);
  }
  return closed;
}
