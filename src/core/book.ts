/**
 * Per-item working state. The ledgers are stored and loaded per item ("item books"), so a posting,
 * a query or a cost adjustment touches only the items involved, never the whole ledger.
 */
import type { IsoDate, ItemApplicationEntry, ItemLedgerEntry, ValueEntry } from "./types";
import type { UnitCost } from "./money";

/** Marks what cost adjustment still has to revisit for an item (costing.md §9.2). */
export interface AdjustmentMarks {
  /** Inbound entries whose value changed since the last adjustment run (non-Average and fixed applications). */
  inbounds: number[];
  /** Average: earliest valuation date from which the item's average-cost periods need recalculation, per group key. */
  averageFrom: Record<string, IsoDate>;
  /** Outbound or follower entries that must be revisited regardless of their sources. */
  entries: number[];
}

export interface ItemBook {
  item: string;
  /** Item ledger entries of this item, ascending entry number. */
  entries: ItemLedgerEntry[];
  /** Value entries of this item, ascending entry number. */
  values: ValueEntry[];
  /** Item application entries of this item's entries, ascending entry number. */
  applications: ItemApplicationEntry[];
  costIsAdjusted: boolean;
  /** The card's unit cost as refreshed by postings and adjustment (costing.md §16.3). */
  unitCost: UnitCost;
  marks: AdjustmentMarks;
  /** Bumped by every change to the book; functions cache results by it. */
  version: number;
}

export function emptyBook(item: string, unitCost: UnitCost): ItemBook {
  return {
    item,
    entries: [],
    values: [],
    applications: [],
    costIsAdjusted: true,
    unitCost,
    marks: { inbounds: [], averageFrom: {}, entries: [] },
    version: 0,
  };
}
