/**
 * Open order lines (FORMAT.md `order`): planned supply and demand without ledger entries. A later
 * posting with the same document number (and item) receives or ships against the line: its
 * outstanding quantity falls (E-EXCEEDS beyond it), and purchase receipts take the line's cost,
 * the receipt that completes the line carrying exactly the rest of the line amount (costing.md §4.1).
 */
import type { OrderLine } from "../company";
import { RefusedError } from "../errors";
import type { JournalLine } from "../journal";
import { amountOf, money, moneyToNumber, qty, shareOf, unitCost, type Money, type Qty } from "../money";
import type { IsoDate } from "../types";
import type { Workspace } from "../workspace";
import { linkAssembleToOrder } from "./assembleToOrder";
import { itemForOrder } from "./nonstock";

export interface OrderInput {
  type: OrderLine["type"];
  documentNo: string;
  /** The item, or (sales lines) a catalog item converted on order entry. */
  item?: string;
  nonstockEntryNo?: string;
  variant?: string;
  location: string;
  newLocation?: string;
  quantity: number;
  date: IsoDate;
  unitCost?: number;
  amount?: number;
  /** The vendor (Purchase) or customer (Sale) of the order. */
  sourceNo?: string;
  /** Sale: the part to assemble to order (default: all of it for an Assemble-to-Order item), inventory.md §14.3. */
  qtyToAssembleToOrder?: number;
}

function refuse(field: string, message: string): never {
  throw new RefusedError([{ field, message }]);
}

export function orderKey(documentNo: string, item: string): string {
  return `${documentNo}\u0000${item}`;
}

function checkOrder(ws: Workspace, input: OrderInput & { item: string }): void {
  if (!(input.quantity > 0)) refuse("quantity", "Quantity must be positive");
  const item = ws.item(input.item);
  if (!item) return refuse("item", `Item ${input.item} does not exist`);
  if (item.blocked) refuse("item", `Item ${item.no} is blocked`);
  if (input.type === "Sale" && item.salesBlocked) refuse("item", `Item ${item.no} is blocked for sales`);
  if (input.type === "Purchase" && item.purchasingBlocked) refuse("item", `Item ${item.no} is blocked for purchasing`);
  if ((input.type === "Transfer" || input.type === "Assembly") && item.type !== "Inventory") {
    refuse("item", `Item ${item.no} is not an inventory item: ${input.type.toLowerCase()} is not allowed for item type ${item.type}`);
  }
  for (const [field, code] of [["location", input.location], ["newLocation", input.newLocation]] as const) {
    if (code === undefined) continue;
    const location = ws.company.locations.find((l) => l.code === code);
    if (!location) refuse(field, `Location ${code} does not exist`);
    if (location?.inTransit) refuse(field, `Location ${code} is an in-transit location and cannot be used on an order line`);
  }
}

export function createOrder(ws: Workspace, given: OrderInput): void {
  const item = given.nonstockEntryNo !== undefined ? itemForOrder(ws, given.nonstockEntryNo, given.type).no : given.item;
  if (item === undefined) return refuse("item", "An order line needs an item");
  const input = { ...given, item };
  checkOrder(ws, input);
  const quantity = qty(input.quantity);
  const line: OrderLine = {
    type: input.type,
    documentNo: input.documentNo,
    item: input.item,
    variant: input.variant ?? "",
    location: input.location,
    newLocation: input.newLocation ?? null,
    date: input.date,
    quantity,
    outstanding: quantity,
    unitCost: input.unitCost !== undefined ? unitCost(input.unitCost) : null,
    amount: input.amount !== undefined ? money(input.amount) : null,
    carried: 0,
    ...(input.sourceNo !== undefined && input.sourceNo !== "" && { sourceNo: input.sourceNo }),
  };
  ws.company.orderLines = { ...ws.company.orderLines, [orderKey(input.documentNo, input.item)]: line };
  ws.companyChanged = true;
  if (input.qtyToAssembleToOrder !== undefined && input.type !== "Sale") refuse("qtyToAssembleToOrder", "Only a sales line can be assembled to order");
  if (input.type === "Sale") linkAssembleToOrder(ws, line, input.qtyToAssembleToOrder);
}

export function openOrder(ws: Workspace, documentNo: string | undefined, item: string, type: OrderLine["type"]): OrderLine | undefined {
  if (!documentNo) return undefined;
  const line = ws.company.orderLines?.[orderKey(documentNo, item)];
  return line && line.type === type ? line : undefined;
}

/** The line amount a purchase line's receipts add up to: its amount, else round(quantity × unit cost). */
function lineAmount(line: OrderLine): Money | null {
  if (line.amount !== null) return line.amount;
  return line.unitCost !== null ? amountOf(line.quantity, line.unitCost) : null;
}

/** Moves `quantity` of the line on (E-EXCEEDS beyond its outstanding quantity); closed lines are dropped. */
export function consumeOrder(ws: Workspace, line: OrderLine, quantity: Qty, lineNo?: number): void {
  if (quantity > line.outstanding) {
    throw new RefusedError([{ line: lineNo, field: "quantity", message: `The quantity exceeds the outstanding quantity of order ${line.documentNo}` }]);
  }
  line.outstanding -= quantity;
  ws.companyChanged = true;
  if (line.outstanding === 0 && ws.company.orderLines) delete ws.company.orderLines[orderKey(line.documentNo, line.item)];
}

/**
 * A journal line posted against an open order line: the line's cost when the posting gives none
 * (purchases), with the completing receipt taking the rest of the line amount (§4.1).
 */
export function linkToOrder(ws: Workspace, journal: JournalLine, baseQuantity: Qty, lineNo: number): JournalLine {
  const type = journal.entryType === "Purchase" && !journal.return ? "Purchase" : journal.entryType === "Sale" && !journal.return ? "Sale" : null;
  const line = type ? openOrder(ws, journal.documentNo, journal.item, type) : undefined;
  if (!line) return journal;
  // The entries name the order's vendor or customer unless the posted line names its own (BC's Source No.).
  const sourced = line.sourceNo !== undefined && !journal.sourceNo ? { ...journal, sourceNo: line.sourceNo } : journal;
  const completes = baseQuantity === line.outstanding;
  consumeOrder(ws, line, baseQuantity, lineNo);
  if (type !== "Purchase" || journal.unitCost !== undefined || journal.amount !== undefined) return sourced;
  const total = lineAmount(line);
  if (total === null) return sourced;
  const amount = completes ? total - line.carried : line.unitCost !== null ? amountOf(baseQuantity, line.unitCost) : shareOf(total, baseQuantity, line.quantity);
  line.carried += amount;
  return { ...sourced, amount: moneyToNumber(amount) };
}
