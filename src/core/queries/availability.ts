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

function orderFlow(line: OrderLine, query: Omit<AvailabilityQuery, "date">, items: ReadonlyMap<string, Item>): Flow {
  const flow: Flow = { requirement: 0, receipt: 0 };
  const here = (location: string | null): boolean => query.location === undefined || location === query.location;
  if (line.item === query.item.no) {
    if (line.type === "Purchase" && here(line.location)) flow.receipt += line.outstanding;
    if (line.type === "Assembly" && here(line.location)) flow.receipt += line.outstanding;
    if (line.type === "Sale" && here(line.location)) flow.requirement += line.outstanding;
    if (line.type === "Transfer" && query.location !== undefined) {
      if (line.location === query.location) flow.requirement += line.outstanding;
      if (line.newLocation === query.location) flow.receipt += line.outstanding;
    }
  }
  if (line.type === "Assembly" && here(line.location)) {
    // Component demand of an open assembly order: quantity per × the order's remaining quantity.
    for (const bom of items.get(line.item)?.assemblyBOM ?? []) {
      if (bom.item === query.item.no) flow.requirement += mulDivRound(line.outstanding, bom.quantityPer, QTY_SCALE);
    }
  }
  return flow;
}

/** Every open demand and supply of the item (at the location) by due date: the events of §11.2. */
export function availabilityEvents(company: Company, query: Omit<AvailabilityQuery, "date">): (Flow & { date: IsoDate })[] {
  if (query.item.type !== "Inventory") return [];
  const events: (Flow & { date: IsoDate })[] = [];
  const items = new Map(query.items.map((i) => [i.no, i]));
  for (const line of Object.values(company.orderLines ?? {})) {
    const flow = orderFlow(line, query, items);
    if (flow.requirement !== 0 || flow.receipt !== 0) events.push({ date: line.date, ...flow });
  }
  // Quantity in transit is a scheduled receipt of the destination (location filter only).
  for (const shipment of Object.values(company.transferShipments ?? {})) {
    if (shipment.item !== query.item.no || query.location === undefined || shipment.to !== query.location) continue;
    const inTransit = shipment.shipped - shipment.received;
    if (inTransit !== 0) events.push({ date: shipment.date ?? "0000-01-01", requirement: 0, receipt: inTransit });
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

export interface PeriodLine {
  start: IsoDate;
  grossRequirement: Qty;
  scheduledReceipts: Qty;
  projectedAvailableBalance: Qty;
}

/** Net change per period from `from` (§11.2 by period): lines due inside it; PAB at its last day. */
export function availabilityByPeriod(company: Company, query: Omit<AvailabilityQuery, "date">, kind: AverageCostPeriod, from: IsoDate, count: number): PeriodLine[] {
  const events = availabilityEvents(company, query);
  const inventory = currentInventory(query);
  const lines: PeriodLine[] = [];
  let start = periodOf(from, kind, []).start;
  for (let i = 0; i < count; i += 1) {
    const period = periodOf(start, kind, []);
    let grossRequirement = 0;
    let scheduledReceipts = 0;
    let balance = inventory;
    for (const event of events) {
      if (event.date > period.end) break;
      balance += event.receipt - event.requirement;
      if (event.date >= period.start) {
        grossRequirement += event.requirement;
        scheduledReceipts += event.receipt;
      }
    }
    lines.push({ start: period.start, grossRequirement, scheduledReceipts, projectedAvailableBalance: balance });
    start = addDays(period.end, 1);
  }
  return lines;
}
