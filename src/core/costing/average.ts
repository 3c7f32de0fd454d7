/**
 * Average cost (costing.md §8): per group (item, or item + location + variant) and average cost
 * period, avg = (opening value + inbound value) / (opening qty + inbound qty) over the average
 * pool, and every non-fixed outbound of the period takes its quantity at that average with
 * cumulative rounding. Recalculation starts at the earliest marked period (§9.2), never earlier.
 * Transfer receipts are valued on their shipment's date (averageDates.ts), and receipts on a loop
 * of transfers within one period stay out of that period's average (averageLoops.ts), so one pass
 * over the periods in date order settles every group.
 */
import type { ItemBook } from "../book";
import { periodOf, type Period } from "../dates";
import { indexOf, valuesOf } from "../ledger/bookIndex";
import { amountOf, mulDivRound, shareOf } from "../money";
import type { IsoDate, Item, ItemLedgerEntry } from "../types";
import type { Workspace } from "../workspace";
import { adjustEntryTo } from "./adjustEntry";
import { averageDates, type AverageDate } from "./averageDates";
import { transferLoops, type TransferLoops } from "./averageLoops";
import { ALL_GROUPS, averageGroupKey, forwardToAssembly, markEntry } from "./marks";
import { chainedSharesOfOutbound, postedSeq } from "./shares";

interface Contribution {
  date: IsoDate;
  seq: number;
  /** The inbound entry the value belongs to. */
  entryNo: number;
  /** Cost application (sales return, undo of a shipment) or transfer receipt: the outbound whose cost it copies. */
  follows: number | null;
  transfer: boolean;
  /** A revaluation posted on its own (not an adjustment): it splits its period (§8.3). */
  revaluation: boolean;
  quantity: number;
  value: number;
}

interface GroupData {
  /** Pool inbound value and quantity, per value entry. */
  inbound: Contribution[];
  /** Pool outbounds that the average values (not fixed-applied). */
  pooledOutbounds: ItemLedgerEntry[];
  /** All outbounds the average values, pool or not (transfers under calc type Item). */
  averaged: ItemLedgerEntry[];
}

function fixedQuantity(book: ItemBook, inbound: ItemLedgerEntry): number {
  const index = indexOf(book);
  let quantity = 0;
  for (const outboundNo of index.fixedOutbounds.get(inbound.entryNo) ?? []) {
    for (const a of index.appsByOutbound.get(outboundNo) ?? []) {
      if (a.inboundEntryNo === inbound.entryNo) quantity -= a.quantity;
    }
  }
  return quantity;
}

/** One pass over the book: the average pool of every group (§8.1, §8.2). */
function collectGroups(ws: Workspace, book: ItemBook, dateOf: AverageDate): Map<string, GroupData> {
  const setup = ws.company.inventorySetup;
  const byItem = setup.averageCostCalcType === "Item";
  const groups = new Map<string, GroupData>();
  for (const entry of book.entries) {
    if (!entry.inventoriable) continue;
    const key = averageGroupKey(setup, entry);
    let data = groups.get(key);
    if (!data) {
      data = { inbound: [], pooledOutbounds: [], averaged: [] };
      groups.set(key, data);
    }
    // With calc type Item, transfers between locations cancel out and stay out of the pool (§4.5).
    const transferOutOfPool = byItem && entry.entryType === "Transfer";
    if (!entry.positive) {
      if (entry.appliesToEntry !== null) continue;
      data.averaged.push(entry);
      if (!transferOutOfPool) data.pooledOutbounds.push(entry);
      continue;
    }
    if (!transferOutOfPool) addInbound(book, entry, data, dateOf);
  }
  return groups;
}

function addInbound(book: ItemBook, entry: ItemLedgerEntry, data: GroupData, dateOf: AverageDate): void {
  const fixed = fixedQuantity(book, entry);
  const transferFrom = indexOf(book).transferSource.get(entry.entryNo);
  // A transfer receipt is valued when its shipment is (averageDates.ts); a revaluation keeps its own date.
  const receiptDate = transferFrom === undefined ? null : dateOf(entry);
  for (const v of valuesOf(book, entry.entryNo)) {
    let value = v.costAmountActual + v.costAmountExpected;
    let quantity = v.itemLedgerEntryQuantity;
    if (fixed > 0) {
      // A fixed application takes q units of I with their share of I's cost out of the pool (§8.2).
      value -= shareOf(value, fixed, entry.quantity);
      if (quantity !== 0) quantity -= fixed;
    }
    const revaluation = v.entryType === "Revaluation" && !v.adjustment;
    const date = receiptDate !== null && !revaluation && receiptDate > v.valuationDate ? receiptDate : v.valuationDate;
    data.inbound.push({
      date, seq: v.entryNo, entryNo: entry.entryNo, follows: transferFrom ?? entry.appliesFromEntry,
      transfer: transferFrom !== undefined, revaluation, quantity, value,
    });
  }
}

function outboundCost(book: ItemBook, entry: ItemLedgerEntry): number {
  return valuesOf(book, entry.entryNo).reduce((sum, v) => sum + (v.entryType === "Rounding" ? 0 : v.costAmountActual + v.costAmountExpected), 0);
}

interface Outbound {
  entry: ItemLedgerEntry;
  date: IsoDate;
  seq: number;
  pooled: boolean;
}

/** Revaluations inside a period split it (§8.3 Engine rule): the sequence numbers where parts begin. */
function partOf(points: number[], seq: number): number {
  let part = 0;
  while (part < points.length && points[part] <= seq) part += 1;
  return part;
}

const byDate = <T extends { date: IsoDate; seq: number }>(a: T, b: T): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.seq - b.seq;

/**
 * Inbounds that copy the cost of an outbound valued in this period (cost applications, and transfer
 * receipts closing a loop of transfers, averageLoops.ts) would make the average depend on itself.
 * Left out of the average, they come in at exactly the sender's average, which is the fixed point
 * the reference reaches; they stay in the pool for the balance after it.
 */
function followersOf(inbound: readonly Contribution[], periodOut: readonly Outbound[], period: Period, loops: TransferLoops): { quantity: number; value: number } {
  const sources = new Set(periodOut.map((o) => o.entry.entryNo));
  let quantity = 0;
  let value = 0;
  for (const c of inbound) {
    if (c.date > period.end) break;
    if (c.follows === null) continue;
    const circular = c.transfer ? loops.circular(c.follows, period.start) : sources.has(c.follows);
    if (!circular) continue;
    quantity += c.quantity;
    value += c.value;
  }
  return { quantity, value };
}

/** What every group's valuation in one adjustment pass shares. */
interface Pass {
  until: IsoDate | null;
  dateOf: AverageDate;
  loops: TransferLoops;
}

/** Values one group from the period containing `from`. Returns the date to resume from when `until` stops it. */
function valueGroup(ws: Workspace, book: ItemBook, data: GroupData, from: IsoDate, pass: Pass): { changed: boolean; deferred: IsoDate | null } {
  const { until, dateOf } = pass;
  const { averageCostPeriod } = ws.company.inventorySetup;
  const periodFor = (date: IsoDate): Period => periodOf(date, averageCostPeriod, ws.company.accountingPeriods);
  const first = periodFor(from).start;
  const pooled = new Set(data.pooledOutbounds);
  const inbound = [...data.inbound].sort(byDate);
  const outs: Outbound[] = data.averaged
    .map((entry) => ({ entry, date: dateOf(entry), seq: entry.entryNo, pooled: pooled.has(entry) }))
    .sort(byDate);
  let openQty = 0;
  let openValue = 0;
  let i = 0;
  let j = 0;
  for (; i < inbound.length && inbound[i].date < first; i += 1) {
    openQty += inbound[i].quantity;
    openValue += inbound[i].value;
  }
  for (; j < outs.length && outs[j].date < first; j += 1) {
    if (!outs[j].pooled) continue;
    openQty += outs[j].entry.quantity;
    openValue += outboundCost(book, outs[j].entry);
  }
  let changed = false;
  while (i < inbound.length || j < outs.length) {
    const next = i < inbound.length && (j >= outs.length || inbound[i].date <= outs[j].date) ? inbound[i].date : outs[j].date;
    const period = periodFor(next);
    if (until && period.start > until) return { changed, deferred: period.start };
    const periodIn: Contribution[] = [];
    for (; i < inbound.length && inbound[i].date <= period.end; i += 1) periodIn.push(inbound[i]);
    const periodOut: Outbound[] = [];
    for (; j < outs.length && outs[j].date <= period.end; j += 1) periodOut.push(outs[j]);
    periodOut.sort((a, b) => a.entry.entryNo - b.entry.entryNo);
    const points = periodIn.filter((c) => c.revaluation).map((c) => c.seq).sort((a, b) => a - b);
    const neutral = followersOf(inbound, periodOut, period, pass.loops);
    for (let part = 0; part <= points.length; part += 1) {
      for (const c of periodIn) {
        if (points.length === 0 || partOf(points, c.seq) === part) {
          openQty += c.quantity;
          openValue += c.value;
        }
      }
      const partOuts = points.length === 0 ? periodOut : periodOut.filter((o) => partOf(points, postedSeq(book, o.entry)) === part);
      const result = valueOutbounds(ws, book, partOuts, openQty - neutral.quantity, openValue - neutral.value);
      changed = result.changed || changed;
      openQty += result.pooledQuantity;
      openValue += result.pooledValue;
    }
  }
  return { changed, deferred: null };
}

/** Values a period's outbounds at the average, cumulatively rounded; FIFO-like when there is no average (§8.2). */
function valueOutbounds(ws: Workspace, book: ItemBook, outs: Outbound[], quantity: number, value: number) {
  let changed = false;
  let pooledQuantity = 0;
  let pooledValue = 0;
  let cumulative = 0;
  let previous = 0;
  for (const { entry: outbound, pooled } of outs) {
    let target: number;
    if (quantity > 0 && !pooled) {
      // Outside the pool (transfers under calc type Item): the average, rounded on its own.
      target = mulDivRound(outbound.quantity, value, quantity);
    } else if (quantity > 0) {
      // Cumulative rounding over the pool's outbounds, so they draw exactly the pool's value (§8.2).
      cumulative += outbound.quantity;
      const amount = mulDivRound(cumulative, value, quantity);
      target = amount - previous;
      previous = amount;
    } else {
      // No average: FIFO-like, at the cost of the sources behind what it took (chains followed, §8.2).
      const shares = chainedSharesOfOutbound(book, outbound);
      target = shares.total + amountOf(outbound.quantity - shares.quantity, outbound.lineUnitCost ?? book.unitCost);
    }
    if (adjustEntryTo(ws, book, outbound, { total: target, revaluation: 0 }, true)) {
      changed = true;
      forwardToAssembly(ws, outbound);
      for (const follower of indexOf(book).followers.get(outbound.entryNo) ?? []) markEntry(book, follower);
    }
    if (pooled) {
      pooledQuantity += outbound.quantity;
      pooledValue += target;
    }
  }
  return { changed, pooledQuantity, pooledValue };
}

/** Recalculates every marked group of an Average item. Returns true when any outbound changed. */
export function adjustAverage(ws: Workspace, book: ItemBook, _item: Item, until: IsoDate | null): boolean {
  const marks = book.marks.averageFrom;
  if (Object.keys(marks).length === 0) return false;
  const all = marks[ALL_GROUPS];
  const dateOf = averageDates(book);
  const groups = collectGroups(ws, book, dateOf);
  const pass: Pass = { until, dateOf, loops: transferLoops(ws, groups, dateOf) };
  const next: Record<string, IsoDate> = {};
  let changed = false;
  for (const group of [...groups.keys()].sort()) {
    const own = marks[group];
    const from = own === undefined ? all : all === undefined ? own : own < all ? own : all;
    if (from === undefined) continue;
    const result = valueGroup(ws, book, groups.get(group) as GroupData, from, pass);
    changed = result.changed || changed;
    if (result.deferred) next[group] = result.deferred;
  }
  book.marks.averageFrom = next;
  return changed;
}
