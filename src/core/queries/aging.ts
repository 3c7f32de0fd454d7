/**
 * Item Age Composition (excel.md §1.2 INV.AGING, BC reports 5807/5808): the remaining quantity and value of
 * the item's open inbound entries by posting date, in three equal periods ending on the ending date, plus
 * one bucket before them and one after the ending date. As in BC, the entries are those open now (their
 * current remaining quantity), so receipts posted after the ending date land in the "After" bucket.
 */
import type { ItemBook } from "../book";
import { addDays } from "../dates";
import type { Money, Qty } from "../money";
import type { IsoDate } from "../types";
import { openEntriesAt, type ValueFilter } from "./valuation";

/** A BC date formula of one term: 30D, 1W, 1M, 1Q, 1Y. */
export interface PeriodLength {
  count: number;
  unit: "D" | "W" | "M" | "Q" | "Y";
}

export interface AgeBucket {
  label: "Before" | "Period 1" | "Period 2" | "Period 3" | "After";
  /** First posting date in the bucket; null = open start. */
  start: IsoDate | null;
  /** Last posting date in the bucket; null = open end. */
  end: IsoDate | null;
  remainingQty: Qty;
  remainingValue: Money;
}

/** Parses `30D`, `1W`, `1M`, `1Q`, `1Y` (case-insensitive); undefined when it is not one of them. */
export function parsePeriodLength(text: string): PeriodLength | undefined {
  const match = /^\s*(\d{1,3})\s*([DWMQY])\s*$/i.exec(text);
  if (!match || Number(match[1]) < 1) return undefined;
  return { count: Number(match[1]), unit: match[2].toUpperCase() as PeriodLength["unit"] };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** The date `times` period lengths before `date` (months clamp to the month's last day, as BC does). */
export function minusPeriods(date: IsoDate, length: PeriodLength, times: number): IsoDate {
  if (length.unit === "D" || length.unit === "W") return addDays(date, -times * length.count * (length.unit === "W" ? 7 : 1));
  const months = times * length.count * (length.unit === "M" ? 1 : length.unit === "Q" ? 3 : 12);
  const [year, month, day] = date.split("-").map(Number);
  const index = year * 12 + (month - 1) - months;
  const [y, m] = [Math.floor(index / 12), index % 12];
  const d = Math.min(day, daysInMonth(y, m));
  return `${String(y).padStart(4, "0")}-${String(m + 1).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The five buckets of one item at `endingDate`; `filter` narrows location, variant, lot, serial. */
export function ageComposition(book: ItemBook, endingDate: IsoDate, length: PeriodLength, filter: ValueFilter = {}): AgeBucket[] {
  const starts = [3, 2, 1].map((times) => addDays(minusPeriods(endingDate, length, times), 1));
  const buckets: AgeBucket[] = [
    { label: "Before", start: null, end: addDays(starts[0], -1), remainingQty: 0, remainingValue: 0 },
    { label: "Period 1", start: starts[0], end: addDays(starts[1], -1), remainingQty: 0, remainingValue: 0 },
    { label: "Period 2", start: starts[1], end: addDays(starts[2], -1), remainingQty: 0, remainingValue: 0 },
    { label: "Period 3", start: starts[2], end: endingDate, remainingQty: 0, remainingValue: 0 },
    { label: "After", start: addDays(endingDate, 1), end: null, remainingQty: 0, remainingValue: 0 },
  ];
  // Open now: every application and every value entry counts, whatever its date.
  for (const open of openEntriesAt(book, "9999-12-31", filter)) {
    const bucket = buckets.find((b) => (b.start === null || open.entry.postingDate >= b.start) && (b.end === null || open.entry.postingDate <= b.end));
    if (!bucket) continue;
    bucket.remainingQty += open.remainingQty;
    bucket.remainingValue += open.remainingCost;
  }
  return buckets;
}
