/**
 * Cost adjustment (costing.md §9), incremental: it starts from the item book's marks (§9.2) and
 * follows application records and cost chains from there, never replaying the whole ledger.
 * Average items are revalued per group and period from the earliest marked date (average.ts).
 */
import type { ItemBook } from "../book";
import { findEntry, indexOf, totalCost, valuesOf } from "../ledger/bookIndex";
import { MinQueue } from "../ledger/minQueue";
import { amountOf, shareOf, type Money } from "../money";
import { consumedCost } from "../posting/assembly";
import { createValue } from "../posting/entries";
import { indirectCost, valuationDateOf } from "../posting/values";
import type { IsoDate, Item, ItemLedgerEntry } from "../types";
import type { Workspace } from "../workspace";
import { adjustEntryTo, adjustmentPostingDate, type Target } from "./adjustEntry";
import { adjustAverage } from "./average";
import { refreshCardCost } from "./cardCost";
import { averageGroupKey, forwardToAssembly, hasMarks, markAverage } from "./marks";
import { writeRounding } from "./rounding";
import { sharesOfOutbound } from "./shares";
import { InvariantError } from "../errors";

export interface AdjustOptions {
  untilDate?: IsoDate | null;
  /** Collects the item ledger entries the run looked at (the Cost Adjustment Log's Entries Examined). */
  examined?: Set<number>;
}

/** Rounding entries stay on the entry they were written on (costing.md §10): never followed. */
const excludeRounding = (v: { entryType: string }): boolean => v.entryType === "Rounding";

/** Assembly output (§9.3 step 1): the consumed cost plus resources now, and its overhead. */
function outputTarget(ws: Workspace, item: Item, entry: ItemLedgerEntry): { direct: Money; total: Money } | null {
  const assembly = entry.assembly;
  if (!assembly || assembly.consumption.some((c) => !ws.book(c.item))) return null;
  const direct = assembly.resourceCost - assembly.consumption.reduce((sum, c) => sum + consumedCost(ws, c.item, c.entryNo), 0);
  const total = item.costingMethod === "Standard" ? amountOf(entry.quantity, item.standardCost) : direct + indirectCost(item, direct, entry.quantity);
  return { direct, total };
}

/** Standard parents keep their standard value: a change of consumed cost moves DirectCost and Variance (§9.3 step 1). */
function adjustStandardOutput(ws: Workspace, book: ItemBook, entry: ItemLedgerEntry, direct: Money): boolean {
  const values = valuesOf(book, entry.entryNo);
  const current = values.filter((v) => v.entryType === "DirectCost").reduce((sum, v) => sum + v.costAmountActual, 0);
  const difference = direct - current;
  if (difference === 0) return false;
  const source = values[0];
  const base = {
    postingDate: adjustmentPostingDate(ws, source?.postingDate ?? entry.postingDate),
    valuationDate: source?.valuationDate ?? entry.postingDate,
    valuedQuantity: entry.quantity,
    adjustment: true,
    appliesToValueEntry: source?.entryNo ?? null,
  };
  createValue(ws, book, entry, { ...base, entryType: "DirectCost", costAmountActual: difference });
  createValue(ws, book, entry, { ...base, entryType: "Variance", costAmountActual: -difference });
  return true;
}

/** An entry whose cost follows another entry or its applications; null for a cost source. */
export function targetOf(ws: Workspace, book: ItemBook, item: Item, entry: ItemLedgerEntry): Target | null {
  const index = indexOf(book);
  if (entry.assembly) {
    const output = outputTarget(ws, item, entry);
    return output && { total: output.total, revaluation: 0 };
  }
  if (!entry.positive) {
    if (item.costingMethod === "Average" && entry.appliesToEntry === null) return null;
    const shares = sharesOfOutbound(book, entry);
    const unapplied = entry.quantity - shares.quantity;
    const rest = unapplied === 0 ? 0 : amountOf(unapplied, entry.lineUnitCost ?? book.unitCost);
    return { total: shares.total + rest, revaluation: shares.revaluation };
  }
  // Item charges and revaluations posted on a follower are its own cost on top of what it follows:
  // adjustment must not take back a revaluation of stock that arrived by transfer or by a return.
  const charges = totalCost(book, entry.entryNo, (v) => v.itemChargeNo === null);
  const revaluations = totalCost(book, entry.entryNo, (v) => v.entryType !== "Revaluation" || v.adjustment);
  const own = charges + revaluations;
  const transferFrom = index.transferSource.get(entry.entryNo);
  if (transferFrom !== undefined) return { total: own - totalCost(book, transferFrom, excludeRounding), revaluation: revaluations };
  if (entry.appliesFromEntry !== null) {
    const outbound = findEntry(book, entry.appliesFromEntry);
    if (!outbound) return null;
    const followed = shareOf(totalCost(book, outbound.entryNo, excludeRounding), entry.quantity, outbound.quantity);
    return { total: own + followed, revaluation: revaluations };
  }
  return null;
}

/** Entries whose target depends on this entry's cost. */
function dependentsOf(book: ItemBook, entry: ItemLedgerEntry): number[] {
  const index = indexOf(book);
  if (!entry.positive) return index.followers.get(entry.entryNo) ?? [];
  return (index.appsByInbound.get(entry.entryNo) ?? []).map((a) => a.outboundEntryNo);
}

function beyond(book: ItemBook, entry: ItemLedgerEntry, until: IsoDate | null | undefined): boolean {
  return !!until && valuationDateOf(book, entry) > until;
}

/** Follows the marked entries and inbounds through applications and cost chains. Returns true on change. */
function adjustChains(ws: Workspace, book: ItemBook, item: Item, until: IsoDate | null | undefined, rounding: Set<number>, examined?: Set<number>): boolean {
  const index = indexOf(book);
  const queue = new MinQueue(book.marks.entries);
  for (const inbound of new Set(book.marks.inbounds)) {
    rounding.add(inbound);
    for (const a of index.appsByInbound.get(inbound) ?? []) queue.add(a.outboundEntryNo);
  }
  const deferred: number[] = [];
  let changed = false;
  for (let entryNo = queue.take(); entryNo !== undefined; entryNo = queue.take()) {
    const entry = findEntry(book, entryNo);
    if (!entry || !entry.inventoriable) continue;
    examined?.add(entryNo);
    if (beyond(book, entry, until)) {
      deferred.push(entryNo);
      continue;
    }
    for (const a of index.appsByOutbound.get(entryNo) ?? []) rounding.add(a.inboundEntryNo);
    if (entry.positive) rounding.add(entryNo);
    if (item.costingMethod === "Average" && entry.entryType === "Transfer" && !entry.positive) markReceiptGroups(ws, book, entry);
    if (!adjustOne(ws, book, item, entry)) continue;
    changed = true;
    forwardToAssembly(ws, entry);
    for (const next of dependentsOf(book, entry)) queue.add(next);
    if (item.costingMethod === "Average" && entry.positive) {
      markAverage(book, averageGroupKey(ws.company.inventorySetup, entry), valuationDateOf(book, entry));
    }
  }
  book.marks.entries = deferred;
  book.marks.inbounds = [];
  return changed;
}

/**
 * A transfer receipt is valued for the average when its shipment is (averageDates.ts): a shipment
 * revisited here may have moved to a later date (closed from negative stock) without changing its
 * cost, which moves its receipt, and transfers onward of what that receipt brought, within the
 * receiving groups' periods all the same. Those groups are recalculated from the receipts' dates.
 */
function markReceiptGroups(ws: Workspace, book: ItemBook, outbound: ItemLedgerEntry): void {
  const index = indexOf(book);
  const seen = new Set<number>();
  const pending = [outbound.entryNo];
  for (let shipment = pending.pop(); shipment !== undefined; shipment = pending.pop()) {
    for (const follower of index.followers.get(shipment) ?? []) {
      const receipt = index.transferSource.get(follower) === shipment ? findEntry(book, follower) : undefined;
      if (!receipt || seen.has(receipt.entryNo)) continue;
      seen.add(receipt.entryNo);
      markAverage(book, averageGroupKey(ws.company.inventorySetup, receipt), valuationDateOf(book, receipt));
      for (const a of index.appsByInbound.get(receipt.entryNo) ?? []) {
        if (findEntry(book, a.outboundEntryNo)?.entryType === "Transfer") pending.push(a.outboundEntryNo);
      }
    }
  }
}

function adjustOne(ws: Workspace, book: ItemBook, item: Item, entry: ItemLedgerEntry): boolean {
  if (entry.assembly && item.costingMethod === "Standard") {
    const output = outputTarget(ws, item, entry);
    return output !== null && adjustStandardOutput(ws, book, entry, output.direct);
  }
  const target = targetOf(ws, book, item, entry);
  return target !== null && adjustEntryTo(ws, book, entry, target);
}

const MAX_ITEM_PASSES = 50;

/** Runs cost adjustment for one item until nothing changes; refreshes the card cost and the flag. */
export function adjustItem(ws: Workspace, item: Item, book: ItemBook, options: AdjustOptions = {}): void {
  if (item.type !== "Inventory") {
    book.marks = { inbounds: [], averageFrom: {}, entries: [] };
    book.costIsAdjusted = true;
    return;
  }
  const until = options.untilDate ?? null;
  const rounding = new Set<number>();
  // Why a cap: each pass carries cost one link further along the item's chains; a chain that still
  // changes after MAX_ITEM_PASSES passes is a cycle or an engine fault, refused rather than half-adjusted.
  const states = new Set<string>();
  for (let pass = 0; ; pass += 1) {
    if (pass === MAX_ITEM_PASSES) {
      throw new InvariantError("cost adjustment", `cost adjustment of item ${item.no} did not converge in ${MAX_ITEM_PASSES} passes`);
    }
    const written = ws.newValueEntries.length;
    let changed = false;
    if (item.costingMethod === "Average") changed = adjustAverage(ws, book, item, until) || changed;
    changed = adjustChains(ws, book, item, until, rounding, options.examined) || changed;
    if (!changed && book.marks.inbounds.length === 0 && !pendingAverage(book, until)) break;
    if (returnsToEarlierState(book, ws.newValueEntries.slice(written), states)) {
      // An Average valuation that feeds back into itself through rounding (a return copying a sale
      // valued in a later period) alternates between two states a cent apart: settle on this one.
      book.marks = { inbounds: [], averageFrom: until ? deferredAverage(book, until) : {}, entries: [] };
      break;
    }
  }
  writeRounding(ws, book, item, rounding);
  book.costIsAdjusted = !hasMarks(book);
  refreshCardCost(book, item, ws.company.inventorySetup);
  ws.changedBooks.add(book.item);
}

/** Records the costs of the entries a pass changed; true when the same state was reached before. */
function returnsToEarlierState(book: ItemBook, values: readonly { itemLedgerEntryNo: number; item: string }[], states: Set<string>): boolean {
  const entries = [...new Set(values.filter((v) => v.item === book.item).map((v) => v.itemLedgerEntryNo))].sort((a, b) => a - b);
  if (entries.length === 0) return false;
  const state = entries.map((no) => `${no}:${totalCost(book, no)}`).join(",");
  if (states.has(state)) return true;
  states.add(state);
  return false;
}

function deferredAverage(book: ItemBook, until: IsoDate): Record<string, IsoDate> {
  return Object.fromEntries(Object.entries(book.marks.averageFrom).filter(([, from]) => from > until));
}

function pendingAverage(book: ItemBook, until: IsoDate | null): boolean {
  return Object.values(book.marks.averageFrom).some((from) => !until || from <= until);
}
