/**
 * Inbound postings (costing.md §4.1, §4.3, §4.4): purchase receipt/invoice, sales return, positive
 * adjustment. Every inbound gets its own application record, closes open outbounds of its bucket
 * (§5.4) unless it is cost-applied (§5.5), and is valued per §6.1.
 */
import type { ItemBook } from "../book";
import { closeOpenOutbounds } from "../application/apply";
import { refreshCardCost } from "../costing/cardCost";
import { averageGroupKey, markAverage, markEntry } from "../costing/marks";
import { RefusedError } from "../errors";
import { findEntry, totalCost, valuesOf } from "../ledger/bookIndex";
import { QTY_SCALE, amountOf, shareOf, type Money, type Qty } from "../money";
import type { Item, ItemLedgerEntry, ItemLedgerEntryType } from "../types";
import type { Workspace } from "../workspace";
import { createApplication, createEntry, createValue, lineEntryFields } from "./entries";
import { priceAmount, priceUnitCost, type LinePrice, type PostingLine } from "./line";
import { expectedShare, indirectCost, notInvoiced, refreshOutboundValuationDate, remainingExpected, writeSplitValue } from "./values";

function checkAppliesFrom(ws: Workspace, line: PostingLine, item: Item): void {
  const entryNo = line.appliesFromEntry;
  if (entryNo === null) return;
  const refuse = (message: string): never => {
    throw new RefusedError([{ line: line.lineNo, field: "appliesFromEntry", message }]);
  };
  const owner = ws.ownerOf(entryNo);
  if (owner === undefined) refuse(`Item ledger entry ${entryNo} does not exist`);
  if (owner !== item.no) refuse(`Item ledger entry ${entryNo} cannot be applied: it belongs to another item`);
  const outbound = findEntry(ws.bookForUpdate(item.no), entryNo);
  if (!outbound || outbound.positive) refuse(`Item ledger entry ${entryNo} cannot be applied`);
}

/** Creates an inbound entry with its own application record; closes open outbounds unless cost-applied. */
export function createInbound(
  ws: Workspace,
  book: ItemBook,
  fields: Parameters<typeof createEntry>[2],
  transferredFrom: number | null,
): { inbound: ItemLedgerEntry; closed: ItemLedgerEntry[] } {
  const inbound = createEntry(ws, book, fields);
  if (!inbound.inventoriable) return { inbound, closed: [] };
  createApplication(ws, book, {
    itemLedgerEntryNo: inbound.entryNo,
    inboundEntryNo: inbound.entryNo,
    outboundEntryNo: 0,
    quantity: inbound.quantity,
    postingDate: inbound.postingDate,
    transferredFromEntryNo: transferredFrom,
  });
  if (inbound.appliesFromEntry !== null) {
    createApplication(ws, book, {
      itemLedgerEntryNo: inbound.entryNo,
      inboundEntryNo: inbound.entryNo,
      outboundEntryNo: inbound.appliesFromEntry,
      quantity: inbound.quantity,
      postingDate: inbound.postingDate,
      costApplication: true,
    });
    return { inbound, closed: [] };
  }
  return { inbound, closed: closeOpenOutbounds(ws, book, inbound) };
}

/** After an inbound's value exists: outbounds it closed move their valuation date and need adjusting. */
export function finishInbound(ws: Workspace, book: ItemBook, item: Item, inbound: ItemLedgerEntry, closed: ItemLedgerEntry[]): void {
  if (!inbound.inventoriable) return;
  const setup = ws.company.inventorySetup;
  for (const outbound of closed) {
    refreshOutboundValuationDate(book, outbound);
    markEntry(book, outbound.entryNo);
    if (item.costingMethod === "Average") markAverage(book, averageGroupKey(setup, outbound), outbound.postingDate);
  }
  if (inbound.appliesFromEntry !== null) markEntry(book, inbound.entryNo);
  if (item.costingMethod === "Average") markAverage(book, averageGroupKey(setup, inbound), inbound.postingDate);
  book.costIsAdjusted = false;
  refreshCardCost(book, item, setup);
}

/** The cost of an inbound quantity when no purchase price applies: line cost, else standard or card cost. */
function ownCost(item: Item, book: ItemBook, q: Qty, price: LinePrice | null): Money {
  if (item.costingMethod === "Standard") return amountOf(q, item.standardCost);
  if (price) return priceAmount(q, price);
  return amountOf(q, book.unitCost);
}

/** Invoice of q of an inbound purchase: direct cost, expected reversal, overhead, Standard variance (§6.3). */
export function invoicePurchase(ws: Workspace, book: ItemBook, item: Item, inbound: ItemLedgerEntry, q: Qty, price: LinePrice, date: string): void {
  const open = notInvoiced(inbound);
  const reversal = -expectedShare(remainingExpected(book, inbound.entryNo), q, open);
  const revaluedExpected = valuesOf(book, inbound.entryNo).filter((v) => v.entryType === "Revaluation" && v.costAmountExpected !== 0);
  const direct = priceAmount(q, price);
  const base = { postingDate: date, valuationDate: inbound.postingDate, valuedQuantity: q, invoicedQuantity: q };
  createValue(ws, book, inbound, { ...base, entryType: "DirectCost", costAmountActual: direct, costAmountExpected: reversal });
  // Standard items revalued before invoicing: the expected revaluation is reversed on its own (§11.3).
  for (const revaluation of revaluedExpected) {
    const share = -expectedShare(revaluation.costAmountExpected, q, open);
    if (share === 0) continue;
    createValue(ws, book, inbound, {
      ...base,
      entryType: "Revaluation",
      valuationDate: revaluation.valuationDate,
      costAmountExpected: share,
    });
  }
  const indirect = indirectCost(item, direct, q);
  if (indirect !== 0) createValue(ws, book, inbound, { ...base, entryType: "IndirectCost", costAmountActual: indirect });
  if (item.costingMethod === "Standard") {
    const variance = amountOf(q, item.standardCost) - direct - indirect;
    if (variance !== 0) createValue(ws, book, inbound, { ...base, entryType: "Variance", costAmountActual: variance });
  }
}

function inboundEntryType(line: PostingLine): ItemLedgerEntryType {
  return line.entryType === "Transfer" ? "Transfer" : line.entryType;
}

export function postInbound(ws: Workspace, line: PostingLine, item: Item): ItemLedgerEntry {
  const book = ws.bookForUpdate(item.no);
  const inventoriable = item.type === "Inventory";
  if (inventoriable) checkAppliesFrom(ws, line, item);
  const { inbound, closed } = createInbound(
    ws,
    book,
    {
      ...lineEntryFields(line, item.no),
      entryType: inboundEntryType(line),
      quantity: line.quantity,
      appliesToEntry: null,
      appliesFromEntry: inventoriable ? line.appliesFromEntry : null,
      inventoriable,
      // Kept for invoicing the rest later at the receipt's cost (§6.3).
      lineUnitCost: line.price ? priceUnitCost(line.price) : item.costingMethod === "Standard" ? item.standardCost : book.unitCost,
    },
    null,
  );
  valueInbound(ws, book, item, inbound, line);
  finishInbound(ws, book, item, inbound, closed);
  return inbound;
}

function valueInbound(ws: Workspace, book: ItemBook, item: Item, inbound: ItemLedgerEntry, line: PostingLine): void {
  const q = inbound.quantity;
  if (inbound.appliesFromEntry !== null) {
    // Cost application: the outbound's cost per unit (§5.5).
    const outbound = findEntry(book, inbound.appliesFromEntry) as ItemLedgerEntry;
    const amount = shareOf(totalCost(book, outbound.entryNo), q, outbound.quantity);
    writeSplitValue(ws, book, inbound, amount, line.invoicedQuantity, inbound.postingDate);
    return;
  }
  if (line.entryType === "PositiveAdjmt") {
    writeSplitValue(ws, book, inbound, ownCost(item, book, q, line.price), q, inbound.postingDate);
    return;
  }
  if (line.entryType === "Sale") {
    writeSplitValue(ws, book, inbound, ownCost(item, book, q, line.price), line.invoicedQuantity, inbound.postingDate);
    return;
  }
  const price: LinePrice = line.price ?? { kind: "unit", cost: book.unitCost, per: QTY_SCALE };
  if (line.invoicedQuantity < q) {
    const direct = priceAmount(q, price);
    const expected = item.costingMethod === "Standard" ? amountOf(q, item.standardCost) : direct + indirectCost(item, direct, q);
    createValue(ws, book, inbound, {
      entryType: "DirectCost",
      postingDate: inbound.postingDate,
      valuationDate: inbound.postingDate,
      valuedQuantity: q,
      costAmountExpected: expected,
      expectedCost: true,
    });
  }
  if (line.invoicedQuantity > 0) invoicePurchase(ws, book, item, inbound, line.invoicedQuantity, price, inbound.postingDate);
}
