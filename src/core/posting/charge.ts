/**
 * Item charges (costing.md §4.7): a direct-cost value entry on an inbound entry, valued at the
 * entry's posting date; Standard items get a Variance of the opposite amount.
 */
import { averageGroupKey, markAverage, markInbound } from "../costing/marks";
import { money } from "../money";
import type { IsoDate } from "../types";
import type { Workspace } from "../workspace";
import { createValue } from "./entries";
import { checkOpenPeriod, refuse, requireEntry } from "./guards";

export interface ItemChargeInput {
  date: IsoDate;
  appliesToEntry: number;
  amount: number;
  documentNo?: string;
}

export function assignItemCharge(ws: Workspace, input: ItemChargeInput): void {
  const { item, book, entry } = requireEntry(ws, input.appliesToEntry, "appliesToEntry");
  // A blocked item refuses every posting (costing.md §2, §17).
  if (item.blocked) refuse(`Item ${item.no} is blocked`, "item");
  checkOpenPeriod(ws, input.date);
  if (!entry.positive) refuse("Item charges can only be assigned to inbound entries", "appliesToEntry");
  const amount = money(input.amount);
  const base = {
    postingDate: input.date,
    valuationDate: entry.postingDate,
    valuedQuantity: entry.quantity,
    documentNo: input.documentNo ?? entry.documentNo,
  };
  createValue(ws, book, entry, { ...base, entryType: "DirectCost", costAmountActual: amount, itemChargeNo: "CHARGE" });
  if (item.costingMethod === "Standard" && entry.inventoriable) {
    createValue(ws, book, entry, { ...base, entryType: "Variance", costAmountActual: -amount });
  }
  if (!entry.inventoriable) return;
  markInbound(book, entry.entryNo);
  if (item.costingMethod === "Average") markAverage(book, averageGroupKey(ws.company.inventorySetup, entry), entry.postingDate);
}
