/**
 * Availability as a balance at a date (inventory.md §11.1): current inventory, and the gross
 * requirement and scheduled receipts of open order lines due on or before the date. Transfers
 * count only with a location filter (company-wide they cancel out). Reservations lower only the
 * available inventory, never the projected balance (§12.5).
 */
import type { ItemBook } from "../book";
import type { Company, OrderLine } from "../company";
import { findEntry } from "../ledger/bookIndex";
import { mulDivRound, QTY_SCALE, type Qty } from "../money";
import { addDays, periodOf } from "../dates";
import type { AverageCostPeriod, IsoDate, Item } from "../types";
import { quantityAt } from "./stock";

export interface Availability {
  inventory: Qty;
  grossRequirement: Qty;
  scheduledReceipts: Qty;
  reserved: Qty;
  projectedAvailableBalance: Qty;
  availableInventory: Qty;
}

export interface AvailabilityQuery {
  item: Item;
  book: ItemBook | undefined;
  location?: string;
  date: IsoDate;
  /** All item cards, to find assembly orders that consume the item as a component. */
  items: readonly Item[];
}

interface Flow {
  requirement: Qty;
  receipt: Qty;
}

/** The source of an availability event (BC's source types on the availability pages). */
export type AvailabilityEventKind = "Purchase" | "Sale" | "Transfer" | "Assembly" | "Assembly Component" | "In Transit";

/** An event's quantities by source: the Qty. on Purch. Order … Qty. on Asm. Component columns of §3.2. */
export interface SourceBreakdown {
  purchaseOrders: Qty;
  salesOrders: Qty;
  transferReceipts: Qty;
  transferShipments: Qty;
  assemblyOutput: Qty;
  assemblyComponents: Qty;
}

export interface AvailabilityEvent extends Flow, SourceBreakdown {
  date: IsoDate;
  kind: AvailabilityEventKind;
  /** The order's document number (the transfer order for quantity in transit). */
  sourceDocument: string;
  location: string;
  /**
   * Quantity reserved against this event's line: held by it as demand for a requirement, promised from it
   * as supply for a receipt (inventory.md §12). Reservations never change the projected balance (§12.5).
   */
  reserved: Qty;
}

export function emptyBreakdown(): SourceBreakdown {
  return { purchaseOrders: 0, salesOrders: 0, transferReceipts: 0, transferShipments: 0, assemblyOutput: 0, assemblyComponents: 0 };
}

function requirementOf(b: SourceBreakdown): Qty {
  return b.salesOrders + b.transferShipments + b.assemblyComponents;
}

function receiptOf(b: SourceBreakdown): Qty {
  return b.purchaseOrders + b.transferReceipts + b.assemblyOutput;
}

/** The line's own item flows by source; transfers count only with a location filter (they cancel out company-wide). */
function ownItemFlow(line: OrderLine, location: string | undefined): SourceBreakdown {
  const b = emptyBreakdown();
  const here = location === undefined || line.location === location;
  if (line.type === "Purchase" && here) b.purchaseOrders += line.outstanding;
  if (line.type === "Assembly" && here) b.assemblyOutput += line.outstanding;
  if (line.type === "Sale" && here) b.salesOrders += line.outstanding;
  if (line.type === "Transfer" && location !== undefined) {
    if (line.location === location) b.transferShipments += line.outstanding;
    if (line.newLocation === location) b.transferReceipts += line.outstanding;
  }
  return b;
}

function reservedOn(company: Company, documentNo: string, item: string, side: "demand" | "supply"): Qty {
  let sum = 0;
  for (const r of company.reservations ?? []) {
    if (r.item === item && (side === "demand" ? r.demand : r.supply) === documentNo) sum += r.quantity;
  }
  return sum;
}

interface EventSource {
  line: OrderLine;
  kind: AvailabilityEventKind;
  /** The item the event moves: the line's own item, or the component an assembly order consumes. */
  item: string;
  location: string;
}

function eventOf(company: Company, { line, kind, item, location }: EventSource, b: SourceBreakdown): AvailabilityEvent {
  const requirement = requirementOf(b);
  const receipt = receiptOf(b);
  const reserved = (requirement !== 0 ? reservedOn(company, line.documentNo, item, "demand") : 0)
    + (receipt !== 0 ? reservedOn(company, line.documentNo, item, "supply") : 0);
  return { date: line.date, kind, sourceDocument: line.documentNo, location, requirement, receipt, reserved, ...b };
}

/** The events one open order line gives the item: its own flow, and the component demand of an assembly order. */
function lineEvents(company: Company, line: OrderLine, query: Omit<AvailabilityQuery, "date">, items: ReadonlyMap<string, Item>): AvailabilityEvent[] {
  const events: AvailabilityEvent[] = [];
  if (line.item === query.item.no) {
    const own = ownItemFlow(line, query.location);
    if (requirementOf(own) !== 0 || receiptOf(own) !== 0) events.push(eventOf(company, { line, kind: line.type, item: line.item, location: query.location ?? line.location }, own));
  }
  if (line.type === "Assembly" && (query.location === undefined || line.location === query.location)) {
    // Component demand of an open assembly order: quantity per × the order's remaining quantity.
    const b = emptyBreakdown();
    for (const bom of items.get(line.item)?.assemblyBOM ?? []) {
      if (bom.item === query.item.no) b.assemblyComponents += mulDivRound(line.outstanding, bom.quantityPer, QTY_SCALE);
    }
    if (b.assemblyComponents !== 0) events.push(eventOf(company, { line, kind: "Assembly Component", item: query.item.no, location: line.location }, b));
  }
  return events;
}

/** Every open demand and supply of the item (at the location) by due date: the events of §11.2. */
export function availabilityEvents(company: Company, query: Omit<AvailabilityQuery, "date">): AvailabilityEvent[] {
  if (query.item.type !== "Inventory") return [];
  const events: AvailabilityEvent[] = [];
  const items = new Map(query.items.map((i) => [i.no, i]));
  for (const line of Object.values(company.orderLines ?? {})) events.push(...lineEvents(company, line, query, items));
  // Quantity in transit is a scheduled receipt of the destination (location filter only).
  for (const shipment of Object.values(company.transferShipments ?? {})) {
    if (shipment.item !== query.item.no || query.location === undefined || shipment.to !== query.location) continue;
    const inTransit = shipment.shipped - shipment.received;
    if (inTransit === 0) continue;
    const b = { ...emptyBreakdown(), transferReceipts: inTransit };
    events.push({
      date: shipment.date ?? "0000-01-01", kind: "In Transit", sourceDocument: shipment.documentNo, location: shipment.to,
      requirement: 0, receipt: inTransit, reserved: 0, ...b,
    });
  }
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Reserved Qty. on Inventory: current reservations on inbound entries at the location. */
function reservedOnInventory(company: Company, query: Omit<AvailabilityQuery, "date">): Qty {
  let reserved = 0;
  for (const r of company.reservations ?? []) {
    if (r.item !== query.item.no || r.inboundEntryNo === null) continue;
    const entry = query.book ? findEntry(query.book, r.inboundEntryNo) : undefined;
    if (entry && (query.location === undefined || entry.location === query.location)) reserved += r.quantity;
  }
  return reserved;
}

export function currentInventory(query: Omit<AvailabilityQuery, "date">): Qty {
  return query.item.type === "Inventory" && query.book ? quantityAt(query.book, { location: query.location }) : 0;
}

export function availabilityAt(company: Company, query: AvailabilityQuery): Availability {
  const inventory = currentInventory(query);
  let grossRequirement = 0;
  let scheduledReceipts = 0;
  for (const event of availabilityEvents(company, query)) {
    if (event.date > query.date) break;
    grossRequirement += event.requirement;
    scheduledReceipts += event.receipt;
  }
  const reserved = reservedOnInventory(company, query);
  return {
    inventory,
    grossRequirement,
    scheduledReceipts,
    reserved,
    projectedAvailableBalance: inventory + scheduledReceipts - grossRequirement,
    availableInventory: inventory - reserved,
  };
}

export interface PeriodLine extends SourceBreakdown {
  start: IsoDate;
  grossRequirement: Qty;
  scheduledReceipts: Qty;
  projectedAvailableBalance: Qty;
  /**
   * Reserved quantity of the requirements due in the period (every reservation has a demand line, so
   * counting the demand side counts each reservation once).
   */
  reserved: Qty;
}

const BREAKDOWN_KEYS: readonly (keyof SourceBreakdown)[] = [
  "purchaseOrders", "salesOrders", "transferReceipts", "transferShipments", "assemblyOutput", "assemblyComponents",
];

function periodLine(start: IsoDate, balance: Qty, inside: readonly AvailabilityEvent[]): PeriodLine {
  const line: PeriodLine = { start, grossRequirement: 0, scheduledReceipts: 0, projectedAvailableBalance: balance, reserved: 0, ...emptyBreakdown() };
  for (const event of inside) {
    line.grossRequirement += event.requirement;
    line.scheduledReceipts += event.receipt;
    if (event.requirement !== 0) line.reserved += event.reserved;
    for (const key of BREAKDOWN_KEYS) line[key] += event[key];
  }
  return line;
}

/** Net change per period from `from` (§11.2 by period): lines due inside it, by source; PAB at its last day. */
export function availabilityByPeriod(company: Company, query: Omit<AvailabilityQuery, "date">, kind: AverageCostPeriod, from: IsoDate, count: number): PeriodLine[] {
  const events = availabilityEvents(company, query);
  const inventory = currentInventory(query);
  const lines: PeriodLine[] = [];
  let start = periodOf(from, kind, []).start;
  for (let i = 0; i < count; i += 1) {
    const period = periodOf(start, kind, []);
    let balance = inventory;
    const inside: AvailabilityEvent[] = [];
    for (const event of events) {
      if (event.date > period.end) break;
      balance += event.receipt - event.requirement;
      if (event.date >= period.start) inside.push(event);
    }
    lines.push(periodLine(period.start, balance, inside));
    start = addDays(period.end, 1);
  }
  return lines;
}
