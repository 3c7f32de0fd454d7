/**
 * Late binding (inventory.md §12.4). A non-specific reservation on inventory (the demand named no lot or
 * serial) holds particular entries, but loosely: when another demand asks for exactly the number held, or
 * the demand itself is posted with a different number, the reservation moves to other entries of the same
 * item, location and variant that have unreserved quantity. Specific reservations and reservations on
 * supply orders never move. When the move is impossible the posting is refused (E-NOTAVAIL).
 */
import type { ItemBook } from "../book";
import type { Reservation } from "../company";
import { RefusedError } from "../errors";
import { findEntry, openInBucket } from "../ledger/bookIndex";
import type { Qty } from "../money";
import type { ItemLedgerEntry } from "../types";
import type { Workspace } from "../workspace";
import { reservationsOf, reservedOnEntry } from "./reservations";

/** The lot and/or serial asked for (null: any). */
export interface TrackingNumber {
  lotNo: string | null;
  serialNo: string | null;
}

type Where = Pick<ItemLedgerEntry, "item" | "location" | "variant">;

function carries(entry: ItemLedgerEntry, number: TrackingNumber): boolean {
  return (number.lotNo === null || entry.lotNo === number.lotNo) && (number.serialNo === null || entry.serialNo === number.serialNo);
}

/** Open inbound entries of the bucket in the order reservations take them: oldest first, LIFO items newest first. */
function bucketEntries(ws: Workspace, book: ItemBook, where: Where): ItemLedgerEntry[] {
  const entries = openInBucket(book, where, true).filter((e) => e.remainingQuantity > 0);
  return ws.item(where.item)?.costingMethod === "LIFO" ? [...entries].reverse() : [...entries];
}

const unreserved = (ws: Workspace, entry: ItemLedgerEntry): Qty => entry.remainingQuantity - reservedOnEntry(ws, entry.entryNo);

/**
 * Moves `quantity` of reservation `held` onto the targets' unreserved quantity, in target order; the moved
 * part takes each target's entry and numbers and stays late-binding. Returns the quantity moved.
 */
function rebind(ws: Workspace, held: Reservation, quantity: Qty, targets: readonly ItemLedgerEntry[]): Qty {
  let left = quantity;
  const moved: Omit<Reservation, "entryNo">[] = [];
  for (const target of targets) {
    // Each target is visited once, so the moved parts (added below) never share one.
    const take = Math.min(left, Math.max(0, unreserved(ws, target)));
    if (take <= 0) continue;
    moved.push({ ...held, inboundEntryNo: target.entryNo, lotNo: target.lotNo, serialNo: target.serialNo, quantity: take, lateBinding: true });
    left -= take;
    if (left === 0) break;
  }
  const done = quantity - left;
  if (done === 0) return 0;
  let next = reservationsOf(ws).reduce((max, r) => Math.max(max, r.entryNo), 0);
  const rest = reservationsOf(ws).flatMap((r) => (r !== held ? [r] : r.quantity > done ? [{ ...r, quantity: r.quantity - done }] : []));
  ws.company.reservations = [...rest, ...moved.map((m) => ({ ...m, entryNo: (next += 1) }))];
  ws.companyChanged = true;
  return done;
}

/**
 * Makes `needed` of the entries carrying `number` free for `demand` (its own reservations on them count as
 * free when `ownCountsAsFree`) by moving other demands' late-binding reservations off them, newest
 * reservation first. Returns what is still short (0: enough is free).
 */
export function freeNumberedStock(ws: Workspace, book: ItemBook, where: Where, number: TrackingNumber, needed: Qty, demand: string, ownCountsAsFree: boolean): Qty {
  const entries = bucketEntries(ws, book, where);
  const numbered = entries.filter((e) => carries(e, number));
  const others = entries.filter((e) => !carries(e, number));
  const freeFor = (e: ItemLedgerEntry): Qty => e.remainingQuantity - reservedOnEntry(ws, e.entryNo, ownCountsAsFree ? demand : undefined);
  let short = needed - numbered.reduce((sum, e) => sum + Math.max(0, freeFor(e)), 0);
  if (short <= 0) return 0;
  const numberedNos = new Set(numbered.map((e) => e.entryNo));
  const movable = reservationsOf(ws)
    .filter((r) => r.lateBinding === true && r.demand !== demand && r.inboundEntryNo !== null && numberedNos.has(r.inboundEntryNo))
    .sort((a, b) => b.entryNo - a.entryNo);
  for (const held of movable) {
    if (short <= 0) break;
    short -= rebind(ws, held, Math.min(held.quantity, short), others);
  }
  return Math.max(0, short);
}

function refuseNotAvailable(outbound: ItemLedgerEntry, lineNo: number | undefined): never {
  const what = outbound.serialNo !== null ? `Serial ${outbound.serialNo}` : `Lot ${outbound.lotNo ?? ""}`;
  throw new RefusedError([
    {
      line: lineNo,
      field: "quantity",
      message: `${what} of item ${outbound.item} is not available at ${outbound.location}: it is reserved for other demands and no other stock is free to take over the reservation`,
    },
  ]);
}

/** The demand's late-binding reservations in the outbound's bucket on entries without the outbound's numbers. */
function ownElsewhere(ws: Workspace, book: ItemBook, outbound: ItemLedgerEntry): Reservation[] {
  return reservationsOf(ws).filter((r) => {
    if (r.demand !== outbound.documentNo || r.item !== outbound.item || r.lateBinding !== true || r.inboundEntryNo === null) return false;
    const entry = findEntry(book, r.inboundEntryNo);
    return entry !== undefined && entry.location === outbound.location && entry.variant === outbound.variant && !carries(entry, outbound);
  });
}

/**
 * Before a tracked outbound applies: frees the numbers it takes from other demands' late-binding
 * reservations, and moves its own demand's late-binding reservations onto the number actually picked.
 * Refuses (E-NOTAVAIL) when late-binding reservations are in the way and cannot move.
 */
export function bindForOutbound(ws: Workspace, book: ItemBook, outbound: ItemLedgerEntry, lineNo?: number): void {
  if ((outbound.lotNo === null && outbound.serialNo === null) || !ws.company.reservations?.length) return;
  const needed = -outbound.remainingQuantity;
  const own = ownElsewhere(ws, book, outbound);
  const blocking = reservationsOf(ws).some((r) => r.lateBinding === true && r.demand !== outbound.documentNo && r.item === outbound.item);
  if (own.length === 0 && !blocking) return;
  const short = freeNumberedStock(ws, book, outbound, outbound, needed, outbound.documentNo, true);
  if (short > 0 && (own.length > 0 || heldByLateBinding(ws, book, outbound))) refuseNotAvailable(outbound, lineNo);
  if (short > 0) return; // only firm reservations are in the way: the application refuses with E-RESERVED
  const onPicked = reservationsOf(ws)
    .filter((r) => r.demand === outbound.documentNo && r.item === outbound.item && r.inboundEntryNo !== null)
    .filter((r) => { const e = findEntry(book, r.inboundEntryNo as number); return e !== undefined && e.location === outbound.location && carries(e, outbound); })
    .reduce((sum, r) => sum + r.quantity, 0);
  let toMove = needed - onPicked;
  const targets = bucketEntries(ws, book, outbound).filter((e) => carries(e, outbound));
  for (const held of own) {
    if (toMove <= 0) break;
    const moved = rebind(ws, held, Math.min(held.quantity, toMove), targets);
    if (moved < Math.min(held.quantity, toMove)) refuseNotAvailable(outbound, lineNo);
    toMove -= moved;
  }
}

/** Late-binding reservations of other demands still sit on entries carrying the outbound's numbers. */
function heldByLateBinding(ws: Workspace, book: ItemBook, outbound: ItemLedgerEntry): boolean {
  return reservationsOf(ws).some((r) => {
    if (r.lateBinding !== true || r.demand === outbound.documentNo || r.inboundEntryNo === null) return false;
    const entry = findEntry(book, r.inboundEntryNo);
    return entry !== undefined && entry.item === outbound.item && entry.location === outbound.location && entry.variant === outbound.variant && carries(entry, outbound);
  });
}
