/**
 * The `invoice` command (costing.md §6.3): actual cost replaces expected cost for an earlier
 * receipt or shipment, in full or for part of its quantity.
 */
import { refreshCardCost } from "../costing/cardCost";
import { averageGroupKey, markAverage, markEntry, markInbound } from "../costing/marks";
import { qty, unitCost } from "../money";
import type { IsoDate } from "../types";
import type { Workspace } from "../workspace";
import { checkOpenPeriod, refuse, requireEntry } from "./guards";
import { invoicePurchase } from "./inbound";
import { unitPrice } from "./line";
import { moveExpectedToActual, notInvoiced } from "./values";

export interface InvoiceInput {
  date: IsoDate;
  entryNo: number;
  /** Default: the not-yet-invoiced rest. */
  quantity?: number;
  /** Purchases and purchase returns only: the actual direct unit cost. */
  unitCost?: number;
}

export function invoiceEntry(ws: Workspace, input: InvoiceInput): void {
  const { item, book, entry } = requireEntry(ws, input.entryNo);
  // A blocked item refuses every posting (costing.md §2, §17).
  if (item.blocked) refuse(`Item ${item.no} is blocked`, "item");
  checkOpenPeriod(ws, input.date);
  const open = notInvoiced(entry);
  if (open === 0) refuse(`Item ledger entry ${entry.entryNo} is already completely invoiced`, "entryNo");
  const sign = Math.sign(entry.quantity);
  if (input.quantity !== undefined && !(input.quantity > 0)) refuse("Quantity must be positive", "quantity");
  const q = input.quantity === undefined ? open : sign * qty(input.quantity);
  if (Math.abs(q) > Math.abs(open)) refuse(`Item ledger entry ${entry.entryNo}: the quantity exceeds the quantity not yet invoiced`, "quantity");
  if (input.unitCost !== undefined && entry.entryType === "Sale") {
    refuse(`A unit cost cannot be given on the invoice of sales entry ${entry.entryNo}`, "unitCost");
  }
  if (entry.positive && entry.entryType === "Purchase") {
    const cost = input.unitCost !== undefined ? unitCost(input.unitCost) : (entry.lineUnitCost ?? book.unitCost);
    invoicePurchase(ws, book, item, entry, q, unitPrice(cost), input.date);
  } else {
    moveExpectedToActual(ws, book, entry, q, input.date);
  }
  if (!entry.inventoriable) return;
  if (entry.positive) markInbound(book, entry.entryNo);
  markEntry(book, entry.entryNo);
  if (item.costingMethod === "Average") markAverage(book, averageGroupKey(ws.company.inventorySetup, entry), entry.postingDate);
  if (entry.positive) refreshCardCost(book, item, ws.company.inventorySetup);
}
