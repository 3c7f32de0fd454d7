/**
 * Transfers through an in-transit location (costing.md §4.5, inventory.md §9.2): `shipTransfer`
 * posts a Transfer pair from the source into the in-transit location, `receiveTransfer` a pair
 * from the in-transit location into the destination. The shipped and received quantities of each
 * transfer document are kept on the company (a shipment on a new number creates the record).
 */
import type { TransferShipment } from "../company";
import { RefusedError } from "../errors";
import { openInBucket } from "../ledger/bookIndex";
import { qty, qtyToNumber, type Qty } from "../money";
import type { IsoDate, ItemLedgerEntry } from "../types";
import type { Workspace } from "../workspace";
import { consumeOrder, openOrder } from "../inventory/orders";
import { checkOpenPeriod, requireItem } from "./guards";
import { toPostingLine } from "./line";
import { applyTrackingRules } from "./tracking";
import { postTransferPair } from "./transfer";

export interface ShipTransferInput {
  documentNo: string;
  item: string;
  variant?: string;
  location: string;
  newLocation: string;
  inTransit?: string;
  quantity: number;
  date: IsoDate;
  lotNo?: string;
  serialNo?: string;
}

export interface ReceiveTransferInput {
  documentNo: string;
  quantity: number;
  date: IsoDate;
  lotNo?: string;
  serialNo?: string;
}

function refuse(field: string, message: string): never {
  throw new RefusedError([{ field, message }]);
}

function shipments(ws: Workspace): Record<string, TransferShipment> {
  ws.companyChanged = true;
  ws.company.transferShipments ??= {};
  return ws.company.transferShipments;
}

function checkLocations(ws: Workspace, input: ShipTransferInput, inTransit: string): void {
  const find = (code: string) => ws.company.locations.find((l) => l.code === code);
  for (const [field, code] of [["location", input.location], ["newLocation", input.newLocation]] as const) {
    const location = find(code);
    if (!location) refuse(field, `Location ${code} does not exist`);
    if (location?.inTransit) refuse(field, `Location ${code} is an in-transit location and cannot be a transfer's from- or to-location`);
  }
  if (input.location === input.newLocation) refuse("newLocation", "The from- and to-location of a transfer must differ");
  if (!find(inTransit)?.inTransit) refuse("inTransit", `Location ${inTransit} is not an in-transit location`);
}

export function shipTransfer(ws: Workspace, input: ShipTransferInput): void {
  const item = requireItem(ws, input.item);
  if (item.blocked) refuse("item", `Item ${item.no} is blocked`);
  if (item.type !== "Inventory") refuse("item", `Item ${item.no} is not an inventory item: transfer is not allowed for item type ${item.type}`);
  if (!(input.quantity > 0)) refuse("quantity", "Quantity must be positive");
  checkOpenPeriod(ws, input.date);
  const known = ws.company.transferShipments?.[input.documentNo];
  const inTransit = input.inTransit ?? known?.inTransit;
  if (!inTransit) return refuse("inTransit", `Transfer ${input.documentNo} needs an in-transit location`);
  if (known && known.inTransit !== inTransit) refuse("inTransit", `Transfer ${input.documentNo} already uses in-transit location ${known.inTransit}`);
  checkLocations(ws, input, inTransit);
  const line = toPostingLine(ws, {
    postingDate: input.date, entryType: "Transfer", documentNo: input.documentNo, item: item.no, variant: input.variant,
    location: input.location, newLocation: inTransit, quantity: input.quantity, lotNo: input.lotNo, serialNo: input.serialNo,
  }, 0);
  applyTrackingRules(ws, line, item);
  const onHand = ws.book(item.no)?.entries.reduce((s, e) => s + (e.location === input.location && e.variant === line.variant ? e.quantity : 0), 0) ?? 0;
  if (onHand < line.quantity) refuse("quantity", `Item ${item.no} is not available at ${input.location} in the quantity to ship`);
  const order = openOrder(ws, input.documentNo, item.no, "Transfer");
  if (order) consumeOrder(ws, order, line.quantity);
  postTransferPair(ws, line, item, { location: inTransit, lotNo: line.lotNo, serialNo: line.serialNo, expirationDate: line.expirationDate });
  const record = shipments(ws)[input.documentNo] ?? {
    documentNo: input.documentNo, item: item.no, variant: line.variant, from: input.location, to: input.newLocation, inTransit, shipped: 0, received: 0,
    date: order?.date ?? input.date,
  };
  record.shipped += line.quantity;
  shipments(ws)[input.documentNo] = record;
}

/** The transfer's in-transit entries still open, in shipment order, matching the lot/serial asked for. */
function inTransitEntries(ws: Workspace, record: TransferShipment, input: ReceiveTransferInput): ItemLedgerEntry[] {
  const book = ws.bookForUpdate(record.item);
  return openInBucket(book, { location: record.inTransit, variant: record.variant }, true).filter(
    (e) => e.open && e.documentNo === record.documentNo
      && (input.lotNo === undefined || e.lotNo === input.lotNo) && (input.serialNo === undefined || e.serialNo === input.serialNo),
  );
}

export function receiveTransfer(ws: Workspace, input: ReceiveTransferInput): void {
  const record = ws.company.transferShipments?.[input.documentNo];
  if (!record) return refuse("documentNo", `Transfer ${input.documentNo} has nothing shipped to receive`);
  const item = requireItem(ws, record.item);
  if (item.blocked) refuse("item", `Item ${item.no} is blocked`);
  if (!(input.quantity > 0)) refuse("quantity", "Quantity must be positive");
  checkOpenPeriod(ws, input.date);
  const quantity = qty(input.quantity);
  const open = inTransitEntries(ws, record, input);
  const inTransit = open.reduce((s, e) => s + e.remainingQuantity, 0);
  if (quantity > record.shipped - record.received || quantity > inTransit) {
    refuse("quantity", `The quantity ${input.quantity} exceeds the ${qtyToNumber(Math.min(inTransit, record.shipped - record.received))} in transit on transfer ${input.documentNo}`);
  }
  // Lots and serials travel unchanged: one pair per number received, taken in shipment order.
  const byNumber = new Map<string, { lotNo: string | null; serialNo: string | null; expirationDate: string | null; quantity: Qty }>();
  let left = quantity;
  for (const source of open) {
    if (left <= 0) break;
    const part = Math.min(left, source.remainingQuantity);
    const key = `${source.lotNo ?? ""}\u0000${source.serialNo ?? ""}`;
    const number = byNumber.get(key) ?? { lotNo: source.lotNo, serialNo: source.serialNo, expirationDate: source.expirationDate, quantity: 0 };
    number.quantity += part;
    byNumber.set(key, number);
    left -= part;
  }
  for (const number of byNumber.values()) {
    const line = toPostingLine(ws, {
      postingDate: input.date, entryType: "Transfer", documentNo: input.documentNo, item: item.no, variant: record.variant,
      location: record.inTransit, newLocation: record.to, quantity: qtyToNumber(number.quantity),
      lotNo: number.lotNo ?? undefined, serialNo: number.serialNo ?? undefined, expirationDate: number.expirationDate,
    }, 0);
    postTransferPair(ws, line, item, { location: record.to, lotNo: number.lotNo, serialNo: number.serialNo, expirationDate: number.expirationDate });
  }
  record.received += quantity;
  shipments(ws)[input.documentNo] = record;
}
