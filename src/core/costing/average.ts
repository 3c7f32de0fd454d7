/**
 * Average cost (costing.md §8): per group (item, or item + location + variant) and average cost
 * period, avg = (opening value + inbound value) / (opening qty + inbound qty) over the average
 * pool, and every non-fixed outbound of the period takes its quantity at that average with
 * cumulative rounding. Recalculation starts at the earliest marked period (§9.2), never earlier.
 */
import type { ItemBook } from "../book";
import { periodOf, type Period } from "../dates";
import { indexOf, valuesOf } from "../ledger/bookIndex";
import { amountOf, mulDivRound, shareOf } from "../money";
import type { IsoDate, Item, ItemLedgerEntry } from "../types";
import type { Workspace } from "../workspace";
import { adjustEntryTo } from "./adjustEntry";
import { ALL_GROUPS, averageGroupKey, markEntry } from "./marks";
import { postedSeq, sharesOfOutbound } from "./shares";

interface Contribution {
  date: IsoDate;
  seq: number;
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

function collectGroup(ws: Workspace, book: ItemBook, group: string): GroupData {
  const setup = ws.company.inventorySetup;
  const byItem = setup.averageCostCalcType === "Item";
  const data: GroupData = { inbound: [], pooledOutbounds: [], averaged: [] };
  for (const entry of book.entries) {
    if (!entry.inventoriable || averageGroupKey(setup, entry) !== group) continue;
    const transferOutOfPool = byItem && entry.entryType === "Transfer";
    if (!entry.positive) {
      if (entry.appliesToEntry !== null) continue;
      data.averaged.push(entry);
      if (!transferOutOfPool) data.pooledOutbounds.push(entry);
      continue;
    }
    if (transferOutOfPool) continue;
    const fixed = fixedQuantity(book, entry);
    for (const v of valuesOf(book, entry.entryNo)) {
      let value = v.costAmountActual + v.costAmountExpected;
      let quantity = v.itemLedgerEntryQuantity;
      if (fixed > 0) {
        // A fixed application takes q units of I with their share of I's cost out of the pool (§8.2).
        value -= shareOf(value, fixed, entry.quantity);
        if (quantity !== 0) quantity -= fixed;
      }
      data.inbound.push({ date: v.valuationDate, seq: v.entryNo, revaluation: v.entryType === "Revaluation" && !v.adjustment, quantity, value });
    }
  }
  return data;
}

function outboundCost(book: ItemBook, entry: ItemLedgerEntry): number {
  return valuesOf(book, entry.entryNo).reduce((sum, v) => sum + (v.entryType === "Rounding" ? 0 : v.costAmountActual + v.costAmountExpected), 0);
}

function outboundDate(book: ItemBook, entry: ItemLedgerEntry): IsoDate {
  return valuesOf(book, entry.entryNo)[0]?.valuationDate ?? entry.postingDate;
}

/** Revaluations inside a period split it (§8.3 Engine rule): the sequence numbers where parts begin. */
function splitPoints(group: GroupData, period: Period): number[] {
  const points: number[] = [];
  for (const c of group.inbound) {
    if (c.revaluation && c.date >= period.start && c.date <= period.end) points.push(c.seq);
  }
  return points.sort((a, b) => a - b);
}

function partOf(points: number[], seq: number): number {
  let part = 0;
  while (part < points.length && points[part] <= seq) part += 1;
  return part;
}

/** Values one group from the period containing `from`. Returns the date to resume from when `until` stops it. */
function valueGroup(ws: Workspace, book: ItemBook, group: string, from: IsoDate, until: IsoDate | null): { changed: boolean; deferred: IsoDate | null } {
  const { averageCostPeriod } = ws.company.inventorySetup;
  const periodFor = (date: IsoDate): Period => periodOf(date, averageCostPeriod, ws.company.accountingPeriods);
  const data = collectGroup(ws, book, group);
  const first = periodFor(from).start;
  let openQty = 0;
  let openValue = 0;
  for (const c of data.inbound) {
    if (c.date < first) {
      openQty += c.quantity;
      openValue += c.value;
    }
  }
  for (const o of data.pooledOutbounds) {
    if (outboundDate(book, o) < first) {
      openQty += o.quantity;
      openValue += outboundCost(book, o);
    }
  }
  const starts = new Map<IsoDate, Period>();
  for (const date of [...data.inbound.map((c) => c.date), ...data.averaged.map((o) => outboundDate(book, o))]) {
    if (date >= first) {
      const period = periodFor(date);
      starts.set(period.start, period);
    }
  }
  let changed = false;
  for (const period of [...starts.values()].sort((a, b) => (a.start < b.start ? -1 : 1))) {
    if (until && period.start > until) return { changed, deferred: period.start };
    const points = splitPoints(data, period);
    const inPeriod = (date: IsoDate): boolean => date >= period.start && date <= period.end;
    const outs = data.averaged.filter((o) => inPeriod(outboundDate(book, o))).sort((a, b) => a.entryNo - b.entryNo);
    for (let part = 0; part <= points.length; part += 1) {
      for (const c of data.inbound) {
        if (inPeriod(c.date) && partOf(points, c.seq) === part) {
          openQty += c.quantity;
          openValue += c.value;
        }
      }
      const partOuts = outs.filter((o) => partOf(points, postedSeq(book, o)) === part);
      const result = valueOutbounds(ws, book, partOuts, data, openQty, openValue);
      changed = result.changed || changed;
      openQty += result.pooledQuantity;
      openValue += result.pooledValue;
    }
  }
  return { changed, deferred: null };
}

/** Values a period's outbounds at the average, cumulatively rounded; FIFO-like when there is no average (§8.2). */
function valueOutbounds(ws: Workspace, book: ItemBook, outs: ItemLedgerEntry[], data: GroupData, quantity: number, value: number) {
  let changed = false;
  let pooledQuantity = 0;
  let pooledValue = 0;
  let cumulative = 0;
  let previous = 0;
  for (const outbound of outs) {
    let target: number;
    if (quantity > 0) {
      cumulative += outbound.quantity;
      const amount = mulDivRound(cumulative, value, quantity);
      target = amount - previous;
      previous = amount;
    } else {
      const shares = sharesOfOutbound(book, outbound);
      target = shares.total + amountOf(outbound.quantity - shares.quantity, outbound.lineUnitCost ?? book.unitCost);
    }
    if (adjustEntryTo(ws, book, outbound, { total: target, revaluation: 0 }, true)) {
      changed = true;
      for (const follower of indexOf(book).followers.get(outbound.entryNo) ?? []) markEntry(book, follower);
    }
    if (data.pooledOutbounds.includes(outbound)) {
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
  const setup = ws.company.inventorySetup;
  const all = marks[ALL_GROUPS];
  const groups = new Set<string>();
  for (const entry of book.entries) if (entry.inventoriable) groups.add(averageGroupKey(setup, entry));
  const next: Record<string, IsoDate> = {};
  let changed = false;
  for (const group of [...groups].sort()) {
    const own = marks[group];
    const from = own === undefined ? all : all === undefined ? own : own < all ? own : all;
    if (from === undefined) continue;
    const result = valueGroup(ws, book, group, from, until);
    changed = result.changed || changed;
    if (result.deferred) next[group] = result.deferred;
  }
  book.marks.averageFrom = next;
  return changed;
}
