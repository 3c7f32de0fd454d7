/**
 * Outbound postings (costing.md §4.2–§4.4): sale, purchase return, negative adjustment. Applied per
 * §5, valued at the posting-time estimate of §6.2, split between expected and actual by the
 * invoiced share (§6.3).
 */
import { applyOutbound } from "../application/apply";
import { averageGroupKey, markAverage, markEntry } from "../costing/marks";
import { outboundEstimate } from "../costing/estimate";
import { RefusedError } from "../errors";
import { findEntry } from "../ledger/bookIndex";
import type { UnitCost } from "../money";
import type { Item, ItemLedgerEntry, ItemLedgerEntryType } from "../types";
import type { Workspace } from "../workspace";
import { createEntry, lineEntryFields } from "./entries";
import { priceUnitCost, type LinePrice, type PostingLine } from "./line";
import { outboundValuationDate, valuationDateOf, writeSplitValue } from "./values";

/** Refusals for a fixed application that depend on the ledger (§17). */
export function checkAppliesTo(ws: Workspace, line: PostingLine, item: Item, location: string): void {
  const entryNo = line.appliesToEntry;
  if (entryNo === null) return;
  const refuse = (message: string): never => {
    throw new RefusedError([{ line: line.lineNo, field: "appliesToEntry", message }]);
  };
  const owner = ws.ownerOf(entryNo);
  if (owner === undefined) refuse(`Item ledger entry ${entryNo} does not exist`);
  if (owner !== item.no) refuse(`Item ledger entry ${entryNo} cannot be applied: it belongs to another item`);
  const inbound = findEntry(ws.bookForUpdate(item.no), entryNo);
  if (!inbound) return refuse(`Item ledger entry ${entryNo} does not exist`);
  if (!inbound.positive || inbound.location !== location || inbound.variant !== line.variant) {
    refuse(`Item ledger entry ${entryNo} cannot be applied`);
  }
  if (inbound.remainingQuantity < line.quantity) refuse(`Item ledger entry ${entryNo} is not open`);
}

export function checkNegativeInventory(ws: Workspace, line: PostingLine, item: Item, outbound: ItemLedgerEntry): void {
  if (!ws.company.inventorySetup.preventNegativeInventory || outbound.remainingQuantity === 0) return;
  throw new RefusedError([
    {
      line: line.lineNo,
      field: "quantity",
      message: `Item ${item.no} has insufficient quantity at ${outbound.location}: negative inventory is not allowed`,
    },
  ]);
}

export function outboundEntryType(line: PostingLine): ItemLedgerEntryType {
  return line.entryType === "Transfer" ? "Transfer" : line.entryType;
}

/** The posting-time unit cost of quantity that finds nothing to apply to (§6.2 rules 3–6, §5.4). */
export function unappliedUnitCost(item: Item, cardCost: UnitCost, lineCost: LinePrice | null): UnitCost {
  if (lineCost) return priceUnitCost(lineCost);
  return item.costingMethod === "Standard" ? item.standardCost : cardCost;
}

export function postOutbound(ws: Workspace, line: PostingLine, item: Item): ItemLedgerEntry {
  const book = ws.bookForUpdate(item.no);
  const inventoriable = item.type === "Inventory";
  // A negative adjustment's unit amount, or a purchase return's own cost when not fixed-applied (§6.2 rule 3).
  const lineCost = line.entryType === "Purchase" ? line.price : line.unitAmount;
  if (inventoriable) checkAppliesTo(ws, line, item, line.location);
  const outbound = createEntry(ws, book, {
    ...lineEntryFields(line, item.no),
    entryType: outboundEntryType(line),
    quantity: -line.quantity,
    appliesToEntry: inventoriable ? line.appliesToEntry : null,
    appliesFromEntry: null,
    inventoriable,
    lineUnitCost: unappliedUnitCost(item, book.unitCost, lineCost),
  });
  if (inventoriable) {
    applyOutbound(ws, book, outbound, item.costingMethod, line.lineNo);
    checkNegativeInventory(ws, line, item, outbound);
  }
  const estimate = outboundEstimate({ item, book, outbound, lineCost, isTransfer: false });
  const averaged = item.costingMethod === "Average" && outbound.appliesToEntry === null && inventoriable;
  writeSplitValue(ws, book, outbound, estimate, line.invoicedQuantity, outboundValuationDate(book, outbound), averaged);
  if (inventoriable) {
    markEntry(book, outbound.entryNo);
    if (item.costingMethod === "Average") {
      // A fixed application takes its units out of the pool from the inbound's own period on (§8.2).
      const fixedTo = outbound.appliesToEntry !== null ? findEntry(book, outbound.appliesToEntry) : undefined;
      const from = fixedTo ? valuationDateOf(book, fixedTo) : outboundValuationDate(book, outbound);
      markAverage(book, averageGroupKey(ws.company.inventorySetup, outbound), from);
    }
  }
  return outbound;
}
