/**
 * Reservations (inventory.md §12): firm links between a demand order line and a supply — open
 * inbound entries ("Inventory") or a supply order line. Receiving a reserved supply moves its
 * reservations onto the new entry; posting the demand applies to the reserved entries first;
 * other outbounds may use only unreserved quantity (costing.md §6.2 rule 2).
 */
import type { OrderLine, Reservation } from "../company";
import { RefusedError } from "../errors";
import { openInBucket } from "../ledger/bookIndex";
import { qty, qtyToNumber, type Qty } from "../money";
import type { ItemLedgerEntry } from "../types";
import type { Workspace } from "../workspace";
import { freeNumberedStock } from "./lateBinding";
import { orderKey } from "./orders";

export interface ReserveInput {
  documentNo: string;
  quantity: number;
  from: string;
  lotNo?: string;
  serialNo?: string;
}

function refuse(field: string, message: string): never {
  throw new RefusedError([{ field, message }]);
}

export function reservationsOf(ws: Workspace): Reservation[] {
  return ws.company.reservations ?? [];
}

/** Quantity reserved on an inbound entry, optionally leaving out one demand's own reservations. */
export function reservedOnEntry(ws: Workspace, entryNo: number, exceptDemand?: string): Qty {
  let sum = 0;
  for (const r of reservationsOf(ws)) if (r.inboundEntryNo === entryNo && r.demand !== exceptDemand) sum += r.quantity;
  return sum;
}

function demandLine(ws: Workspace, documentNo: string): OrderLine {
  const line = Object.values(ws.company.orderLines ?? {}).find((l) => l.documentNo === documentNo && (l.type === "Sale" || l.type === "Transfer"));
  if (!line) return refuse("documentNo", `There is no open demand line ${documentNo} to reserve for`);
  return line;
}

function checkReservable(ws: Workspace, line: OrderLine): void {
  const item = ws.item(line.item);
  if (!item) return refuse("item", `Item ${line.item} does not exist`);
  if (item.blocked) refuse("item", `Item ${item.no} is blocked`);
  if (item.type !== "Inventory") refuse("item", `Item ${item.no} is not an inventory item: reservation is not allowed for item type ${item.type}`);
}

export function addReservation(ws: Workspace, reservation: Omit<Reservation, "entryNo">): void {
  const list = reservationsOf(ws);
  const entryNo = list.reduce((max, r) => Math.max(max, r.entryNo), 0) + 1;
  ws.company.reservations = [...list, { ...reservation, entryNo }];
  ws.companyChanged = true;
}

function reserveFromInventory(ws: Workspace, demand: OrderLine, quantity: Qty, input: ReserveInput): void {
  const book = ws.book(demand.item);
  const item = ws.item(demand.item);
  const lifo = item?.costingMethod === "LIFO";
  const specific = input.lotNo !== undefined || input.serialNo !== undefined;
  // A demand asking for exactly a number moves other demands' non-specific reservations off it (§12.4).
  if (book && specific) {
    const number = { lotNo: input.lotNo ?? null, serialNo: input.serialNo ?? null };
    freeNumberedStock(ws, book, { item: demand.item, location: demand.location, variant: demand.variant }, number, quantity, demand.documentNo, false);
  }
  const lateBinding = !specific && item !== undefined && item.itemTracking !== "None";
  const entries = [...(book ? openInBucket(book, demand, true) : [])].filter(
    (e) => e.open && (input.lotNo === undefined || e.lotNo === input.lotNo) && (input.serialNo === undefined || e.serialNo === input.serialNo),
  );
  if (lifo) entries.reverse();
  const free = (e: ItemLedgerEntry): Qty => e.remainingQuantity - reservedOnEntry(ws, e.entryNo);
  const unreserved = entries.reduce((sum, e) => sum + Math.max(0, free(e)), 0);
  if (quantity > unreserved) refuse("quantity", `The quantity ${qtyToNumber(quantity)} exceeds the ${qtyToNumber(unreserved)} unreserved in inventory`);
  let left = quantity;
  for (const entry of entries) {
    const take = Math.min(left, Math.max(0, free(entry)));
    if (take <= 0) continue;
    addReservation(ws, {
      demand: demand.documentNo, item: demand.item, supply: "Inventory", inboundEntryNo: entry.entryNo, quantity: take, lotNo: entry.lotNo, serialNo: entry.serialNo,
      ...(lateBinding && { lateBinding }),
    });
    left -= take;
    if (left === 0) break;
  }
}

function reserveFromOrder(ws: Workspace, demand: OrderLine, quantity: Qty, input: ReserveInput): void {
  const supply = ws.company.orderLines?.[orderKey(input.from, demand.item)];
  if (!supply || supply.type === "Sale") return refuse("from", `There is no open supply line ${input.from} for item ${demand.item}`);
  if (supply.date > demand.date) refuse("from", `Supply ${input.from} is due ${supply.date}, later than the demand date ${demand.date}`);
  const taken = reservationsOf(ws).filter((r) => r.supply === input.from && r.item === demand.item).reduce((s, r) => s + r.quantity, 0);
  if (quantity > supply.outstanding - taken) {
    refuse("quantity", `The quantity ${qtyToNumber(quantity)} exceeds the ${qtyToNumber(supply.outstanding - taken)} unreserved on ${input.from}`);
  }
  addReservation(ws, { demand: demand.documentNo, item: demand.item, supply: input.from, inboundEntryNo: null, quantity, lotNo: input.lotNo ?? null, serialNo: input.serialNo ?? null });
}

export function reserve(ws: Workspace, input: ReserveInput): void {
  const demand = demandLine(ws, input.documentNo);
  checkReservable(ws, demand);
  if (!(input.quantity > 0)) refuse("quantity", "Quantity must be positive");
  const quantity = qty(input.quantity);
  const reserved = reservationsOf(ws).filter((r) => r.demand === demand.documentNo && r.item === demand.item).reduce((s, r) => s + r.quantity, 0);
  if (quantity > demand.outstanding - reserved) {
    refuse("quantity", `The quantity ${input.quantity} exceeds the ${qtyToNumber(demand.outstanding - reserved)} of ${demand.documentNo} not yet reserved`);
  }
  if (input.from === "Inventory") reserveFromInventory(ws, demand, quantity, input);
  else reserveFromOrder(ws, demand, quantity, input);
}

/** Removes a demand's reservations (all, or `quantity` of them, newest first). */
export function cancelReservation(ws: Workspace, documentNo: string, quantity?: number): void {
  releaseNewestFirst(ws, (r) => r.demand === documentNo, quantity === undefined ? Number.MAX_SAFE_INTEGER : qty(quantity));
}

/** Takes `amount` off the reservations `matches` selects, newest first: whole ones go, the last one is reduced. */
function releaseNewestFirst(ws: Workspace, matches: (r: Reservation) => boolean, amount: Qty): void {
  let left = amount;
  const keptNewestFirst: Reservation[] = [];
  for (const r of [...reservationsOf(ws)].reverse()) {
    if (!matches(r) || left <= 0) keptNewestFirst.push(r);
    else if (r.quantity > left) {
      keptNewestFirst.push({ ...r, quantity: r.quantity - left });
      left = 0;
    } else left -= r.quantity;
  }
  ws.company.reservations = keptNewestFirst.reverse();
  ws.companyChanged = true;
}

/** A received supply order: its reservations become reservations on the new inbound entry (§12.3). */
export function moveReservationsToEntry(ws: Workspace, supplyDoc: string, entry: ItemLedgerEntry): void {
  let room = entry.remainingQuantity;
  ws.company.reservations = reservationsOf(ws).map((r) => {
    if (r.supply !== supplyDoc || r.item !== entry.item || room <= 0) return r;
    const quantity = Math.min(r.quantity, room);
    room -= quantity;
    // A reservation that named no number becomes a non-specific one on inventory (§12.4).
    const lateBinding = r.lotNo === null && r.serialNo === null && (entry.lotNo !== null || entry.serialNo !== null);
    return { ...r, supply: "Inventory", inboundEntryNo: entry.entryNo, quantity, lotNo: entry.lotNo, serialNo: entry.serialNo, ...(lateBinding && { lateBinding }) };
  });
  ws.companyChanged = true;
}

/**
 * The demand's reservations on inventory, consumed by its posting up to `quantity`; returns entry → quantity.
 * `holds` limits them to entries the posting can take (its location, variant and numbers).
 */
export function consumeDemandReservations(ws: Workspace, demand: string, item: string, quantity: Qty, holds: (entryNo: number) => boolean = () => true): Map<number, Qty> {
  const taken = new Map<number, Qty>();
  let left = quantity;
  const kept: Reservation[] = [];
  for (const r of reservationsOf(ws)) {
    if (r.demand !== demand || r.item !== item || r.inboundEntryNo === null || left <= 0 || !holds(r.inboundEntryNo)) {
      kept.push(r);
      continue;
    }
    const use = Math.min(left, r.quantity);
    taken.set(r.inboundEntryNo, (taken.get(r.inboundEntryNo) ?? 0) + use);
    left -= use;
    if (use < r.quantity) kept.push({ ...r, quantity: r.quantity - use });
  }
  if (taken.size > 0) {
    ws.company.reservations = kept;
    ws.companyChanged = true;
  }
  return taken;
}

/**
 * After a demand's posting: its reservations never exceed what the demand line still has outstanding (§12.2).
 * A posting with a different number than a firm reservation holds changes the demand's lot or serial, which
 * cancels that reservation (§12.3); the excess goes, newest first.
 */
export function trimDemandReservations(ws: Workspace, demand: string, item: string): void {
  const line = Object.values(ws.company.orderLines ?? {}).find((l) => l.documentNo === demand && l.item === item && (l.type === "Sale" || l.type === "Transfer"));
  const ofLine = (r: Reservation): boolean => r.demand === demand && r.item === item;
  const excess = reservationsOf(ws).filter(ofLine).reduce((sum, r) => sum + r.quantity, 0) - (line?.outstanding ?? 0);
  if (excess > 0) releaseNewestFirst(ws, ofLine, excess);
}
