/**
 * What one Adjust Cost – Item Entries run changed, per item (excel.md §3.2 tblCostAdjLog): entries
 * examined, adjustment entries created, amount adjusted, posting date used, whether it reached the G/L,
 * and why a date moved (costing.md §9.6). Built from the value entries the run wrote; pure.
 */
import { findEntry } from "../ledger/bookIndex";
import type { Money } from "../money";
import type { CostingMethod, IsoDate, ValueEntry } from "../types";
import type { Workspace } from "../workspace";

export interface AdjustLogLine {
  item: string;
  costingMethod: CostingMethod;
  entriesExamined: number;
  adjustmentEntriesCreated: number;
  /** Σ cost (actual + expected) of the adjustment and rounding entries written. */
  amountAdjusted: Money;
  /** The earliest posting date of the entries written; null when nothing was written. */
  postingDateUsed: IsoDate | null;
  /** True when every entry written is posted to the G/L (automatic cost posting). */
  postedToGL: boolean;
  message: string;
}

export interface AdjustCostReport {
  /** The company's run counter after this run (1 for the first run). */
  runNo: number;
  lines: AdjustLogLine[];
}

/** Why an adjustment is dated after the entry it adjusts (costing.md §9.6 steps 2–3). */
function moveReason(ws: Workspace, original: IsoDate, used: IsoDate): string {
  const closed = ws.company.closedInventoryPeriods.at(-1);
  if (closed && original <= closed) return `date moved to ${used}: inventory period closed`;
  return `date moved to ${used}: before the allowed posting range`;
}

function messageOf(ws: Workspace, written: readonly ValueEntry[]): string {
  if (written.length === 0) return "Nothing to adjust";
  const book = ws.book(written[0].item);
  const reasons = new Set<string>();
  for (const value of written) {
    const entry = book ? findEntry(book, value.itemLedgerEntryNo) : undefined;
    if (entry && value.postingDate > entry.postingDate) reasons.add(moveReason(ws, entry.postingDate, value.postingDate));
  }
  const dates = [...new Set(written.map((v) => v.postingDate))].sort();
  const range = dates.length > 1 ? [`dated ${dates[0]} to ${dates[dates.length - 1]}`] : [];
  return [...reasons, ...range].join("; ") || "Adjusted";
}

/**
 * One line per item the run looked at or wrote for, in item order. `firstNew` is the index in
 * ws.newValueEntries where the run began; `examined` the entries each item's run visited.
 */
export function adjustLogLines(ws: Workspace, firstNew: number, examined: ReadonlyMap<string, ReadonlySet<number>>): AdjustLogLine[] {
  const writtenBy = new Map<string, ValueEntry[]>();
  for (const value of ws.newValueEntries.slice(firstNew)) {
    if (!value.adjustment && value.entryType !== "Rounding") continue;
    writtenBy.set(value.item, [...(writtenBy.get(value.item) ?? []), value]);
  }
  const items = [...new Set([...examined.keys(), ...writtenBy.keys()])].sort();
  const autoPosting = ws.company.inventorySetup.automaticCostPosting;
  return items.flatMap((no) => {
    const item = ws.item(no);
    const written = writtenBy.get(no) ?? [];
    const seen = new Set([...(examined.get(no) ?? []), ...written.map((v) => v.itemLedgerEntryNo)]);
    if (!item || (seen.size === 0 && written.length === 0)) return [];
    const dates = written.map((v) => v.postingDate).sort();
    return [{
      item: no,
      costingMethod: item.costingMethod,
      entriesExamined: seen.size,
      adjustmentEntriesCreated: written.length,
      amountAdjusted: written.reduce((sum, v) => sum + v.costAmountActual + v.costAmountExpected, 0),
      postingDateUsed: dates[0] ?? null,
      // With automatic cost posting the command's finish posts every entry written (costing.md §15.3).
      postedToGL: written.length > 0 && (autoPosting || written.every((v) => v.costPostedToGL === v.costAmountActual)),
      message: messageOf(ws, written),
    }];
  });
}
