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
import type { IsoDate, Item } from "../types";
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

function orderFlow(line: OrderLine, query: AvailabilityQuery, items: ReadonlyMap<string, Item>): Flow {
  const flow: Flow = { requirement: 0, receipt: 0 };
  if (line.date > query.date) return flow;
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

export function availabilityAt(company: Company, query: AvailabilityQuery): Availability {
  const inventoriable = query.item.type === "Inventory";
  const inventory = inventoriable && query.book ? quantityAt(query.book, { location: query.location }) : 0;
  let grossRequirement = 0;
  let scheduledReceipts = 0;
  if (inventoriable) {
    const items = new Map(query.items.map((i) => [i.no, i]));
    for (const line of Object.values(company.orderLines ?? {})) {
      const flow = orderFlow(line, query, items);
      grossRequirement += flow.requirement;
      scheduledReceipts += flow.receipt;
    }
    // Quantity in transit is a scheduled receipt of the destination (location filter only).
    for (const shipment of Object.values(company.transferShipments ?? {})) {
      if (shipment.item !== query.item.no || query.location === undefined || shipment.to !== query.location) continue;
      if ((shipment.date ?? query.date) <= query.date) scheduledReceipts += shipment.shipped - shipment.received;
    }
  }
  // Reserved Qty. on Inventory: current reservations on inbound entries at the location.
  let reserved = 0;
  for (const r of company.reservations ?? []) {
    if (r.item !== query.item.no || r.inboundEntryNo === null) continue;
    const entry = query.book ? findEntry(query.book, r.inboundEntryNo) : undefined;
    if (entry && (query.location === undefined || entry.location === query.location)) reserved += r.quantity;
  }
  return {
    inventory,
    grossRequirement,
    scheduledReceipts,
    reserved,
    projectedAvailableBalance: inventory + scheduledReceipts - grossRequirement,
    availableInventory: inventory - reserved,
  };
}
