/**
 * The posting-time cost of an outbound entry (costing.md §6.2): an estimate that cost adjustment
 * corrects later. Returned as a signed (negative) amount.
 */
import type { ItemBook } from "../book";
import { findEntry, indexOf, totalCost } from "../ledger/bookIndex";
import { amountOf, divRoundBig, QTY_SCALE, UNIT_COST_SCALE, MONEY_SCALE, shareOf, type Money } from "../money";
import { priceAmount, type LinePrice } from "../posting/line";
import type { Item, ItemLedgerEntry } from "../types";

export interface EstimateInput {
  item: Item;
  book: ItemBook;
  outbound: ItemLedgerEntry;
  /** A cost given on the line: negative adjustment unit amount, unapplied purchase return unit cost. */
  lineCost: LinePrice | null;
  isTransfer: boolean;
}

/** Σ round(q × cost(I)/I.quantity) over the outbound's applications: what its inbounds forward. */
export function appliedShares(book: ItemBook, outbound: ItemLedgerEntry): { amount: Money; quantity: number } {
  let amount = 0;
  let quantity = 0;
  for (const application of indexOf(book).appsByOutbound.get(outbound.entryNo) ?? []) {
    const inbound = findEntry(book, application.inboundEntryNo);
    if (!inbound) continue;
    amount += shareOf(totalCost(book, inbound.entryNo), application.quantity, inbound.quantity);
    quantity += application.quantity;
  }
  return { amount, quantity };
}

/** Average rule 6: applied quantity at its inbounds' cost per unit, summed unrounded, rest at the card cost. */
function averageEstimate(book: ItemBook, outbound: ItemLedgerEntry): Money {
  // Exact sum of fractions Σ q × cost / qty, in cents, as a single fraction n / d.
  let n = 0n;
  let d = 1n;
  let applied = 0;
  for (const application of indexOf(book).appsByOutbound.get(outbound.entryNo) ?? []) {
    const inbound = findEntry(book, application.inboundEntryNo);
    if (!inbound) continue;
    const qi = BigInt(inbound.quantity);
    n = n * qi + BigInt(application.quantity) * BigInt(totalCost(book, inbound.entryNo)) * d;
    d = d * qi;
    applied += application.quantity;
  }
  const rest = outbound.quantity - applied;
  const scale = BigInt((QTY_SCALE * UNIT_COST_SCALE) / MONEY_SCALE);
  n = n * scale + BigInt(rest) * BigInt(book.unitCost) * d;
  return Number(divRoundBig(n, d * scale));
}

/** Applications made for the outbound's reservations (flagged fixed, without an applies-to entry). */
function reservedShares(book: ItemBook, outbound: ItemLedgerEntry): { amount: Money; quantity: number } {
  let amount = 0;
  let quantity = 0;
  for (const application of indexOf(book).appsByOutbound.get(outbound.entryNo) ?? []) {
    if (!application.fixedApplication) continue;
    const inbound = findEntry(book, application.inboundEntryNo);
    if (!inbound) continue;
    amount += shareOf(totalCost(book, inbound.entryNo), application.quantity, inbound.quantity);
    quantity += application.quantity;
  }
  return { amount, quantity };
}

export function outboundEstimate(input: EstimateInput): Money {
  const { book, outbound } = input;
  if (!input.isTransfer && outbound.appliesToEntry === null && outbound.inventoriable) {
    // Rule 2 for an outbound posted against its reservation: the reserved entries' cost (inventory.md §12.3).
    const reserved = reservedShares(book, outbound);
    if (reserved.quantity !== 0) {
      const rest = outbound.quantity - reserved.quantity;
      return reserved.amount + (rest === 0 ? 0 : ruleEstimate(input, rest));
    }
  }
  return ruleEstimate(input, outbound.quantity);
}

/** Rules 1–6 of §6.2 for `quantity` (signed) of the outbound. */
function ruleEstimate(input: EstimateInput, quantity: number): Money {
  const { item, book, outbound } = input;
  if (input.isTransfer) {
    const shares = appliedShares(book, outbound);
    return shares.amount + amountOf(quantity - shares.quantity, book.unitCost);
  }
  if (outbound.appliesToEntry !== null) {
    const inbound = findEntry(book, outbound.appliesToEntry);
    if (inbound) return shareOf(totalCost(book, inbound.entryNo), quantity, inbound.quantity);
  }
  if (input.lineCost) return -priceAmount(-quantity, input.lineCost);
  if (item.costingMethod === "Standard") return amountOf(quantity, item.standardCost);
  if (item.costingMethod === "Average" && outbound.inventoriable) return averageEstimate(book, outbound);
  return amountOf(quantity, book.unitCost);
}
