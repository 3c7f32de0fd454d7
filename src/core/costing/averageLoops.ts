/**
 * Transfer loops inside one average cost period (costing.md §8.1, §8.2, calc type Item & Location &
 * Variant). A transfer out of group X is valued at X's average; its receipt enters group Y's pool.
 * When Y (directly, or through further groups) also transfers into X in the same period, X's
 * average depends on itself. costing.md is silent on this; Business Central, when it values an
 * outbound at the average, leaves out of that average the entries of the same group and valuation
 * period that take their cost from the outbound (its chain of applied entries). The engine applies
 * the same cut at the level of groups: a receipt whose transfer lies on such a loop, or that
 * stays in its own group (a reclassification), is left out of its group's average of that period
 * and comes in at the average of the group that sent it. Each period is then valued by one pass
 * in group order with no feedback, and adjustment settles.
 */
import { periodOf } from "../dates";
import type { IsoDate, ItemLedgerEntry } from "../types";
import type { Workspace } from "../workspace";
import type { AverageDate } from "./averageDates";

export interface TransferLoops {
  /** True when the receipt of this transfer out, valued in the period starting then, closes a loop. */
  circular(outboundEntryNo: number, periodStart: IsoDate): boolean;
}

/** What the loop search needs of a group: outbounds valued at its average, and its receipts. */
export interface LoopGroup {
  averaged: readonly ItemLedgerEntry[];
  inbound: readonly { transfer: boolean; follows: number | null }[];
}

interface Source {
  group: string;
  start: IsoDate;
}

export function transferLoops(ws: Workspace, groups: ReadonlyMap<string, LoopGroup>, dateOf: AverageDate): TransferLoops {
  const setup = ws.company.inventorySetup;
  const periodStart = (date: IsoDate): IsoDate => periodOf(date, setup.averageCostPeriod, ws.company.accountingPeriods).start;
  const sources = new Map<number, Source>();
  for (const [group, data] of groups) for (const o of data.averaged) sources.set(o.entryNo, { group, start: periodStart(dateOf(o)) });
  // Per period start: sending group → receiving groups.
  const edges = new Map<IsoDate, Map<string, Set<string>>>();
  const receiptGroups = new Map<number, string>();
  for (const [group, data] of groups) {
    for (const c of data.inbound) {
      const source = c.transfer && c.follows !== null ? sources.get(c.follows) : undefined;
      if (!source || c.follows === null) continue;
      receiptGroups.set(c.follows, group);
      if (source.group !== group) addEdge(edges, source, group);
    }
  }
  return {
    circular(outboundEntryNo: number, start: IsoDate): boolean {
      const source = sources.get(outboundEntryNo);
      const receiptGroup = receiptGroups.get(outboundEntryNo);
      if (!source || receiptGroup === undefined || source.start !== start) return false;
      return receiptGroup === source.group || reaches(edges.get(start), receiptGroup, source.group);
    },
  };
}

function addEdge(edges: Map<IsoDate, Map<string, Set<string>>>, source: Source, receiptGroup: string): void {
  let period = edges.get(source.start);
  if (!period) {
    period = new Map();
    edges.set(source.start, period);
  }
  let targets = period.get(source.group);
  if (!targets) {
    targets = new Set();
    period.set(source.group, targets);
  }
  targets.add(receiptGroup);
}

/** Whether `to` can be reached from `from` along the period's transfers. */
function reaches(period: ReadonlyMap<string, ReadonlySet<string>> | undefined, from: string, to: string): boolean {
  if (!period) return false;
  const seen = new Set([from]);
  const pending = [from];
  for (let group = pending.pop(); group !== undefined; group = pending.pop()) {
    for (const next of period.get(group) ?? []) {
      if (next === to) return true;
      if (!seen.has(next)) {
        seen.add(next);
        pending.push(next);
      }
    }
  }
  return false;
}
