/**
 * Calendar arithmetic on ISO dates (yyyy-mm-dd), in UTC so that no time zone moves a day.
 * Used for average cost periods (costing.md §2: weeks Monday–Sunday, calendar quarters,
 * accounting periods from their start dates) and adjustment posting dates (§9.6).
 */
import type { AverageCostPeriod, IsoDate } from "./types";

function parse(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

function format(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + days);
  return format(d);
}

function monthStart(date: IsoDate, monthsPerPeriod: number): IsoDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1;
  const first = month - (month % monthsPerPeriod);
  return `${year}-${String(first + 1).padStart(2, "0")}-01`;
}

function addMonths(start: IsoDate, months: number): IsoDate {
  const d = parse(start);
  d.setUTCMonth(d.getUTCMonth() + months);
  return format(d);
}

export interface Period {
  start: IsoDate;
  /** Last day of the period. */
  end: IsoDate;
}

/** The average cost period that contains `date`. */
export function periodOf(date: IsoDate, kind: AverageCostPeriod, accountingPeriods: readonly IsoDate[]): Period {
  switch (kind) {
    case "Day":
      return { start: date, end: date };
    case "Week": {
      const weekday = (parse(date).getUTCDay() + 6) % 7; // Monday = 0
      const start = addDays(date, -weekday);
      return { start, end: addDays(start, 6) };
    }
    case "Month":
    case "Quarter":
    case "Year": {
      const months = kind === "Month" ? 1 : kind === "Quarter" ? 3 : 12;
      const start = monthStart(date, months);
      return { start, end: addDays(addMonths(start, months), -1) };
    }
    case "AccountingPeriod":
      return accountingPeriodOf(date, accountingPeriods);
  }
}

function accountingPeriodOf(date: IsoDate, starts: readonly IsoDate[]): Period {
  const sorted = [...starts].sort();
  if (sorted.length === 0 || date < sorted[0]) {
    const start = monthStart(date, 1);
    const end = addDays(addMonths(start, 1), -1);
    // A calendar month before the first defined period ends at the latest the day before it.
    return { start, end: sorted.length > 0 && end >= sorted[0] ? addDays(sorted[0], -1) : end };
  }
  let index = sorted.length - 1;
  while (sorted[index] > date) index -= 1;
  const next = sorted[index + 1];
  return { start: sorted[index], end: next ? addDays(next, -1) : "9999-12-31" };
}

/** True for text in the form YYYY-MM-DD that names a real calendar day (no 2024-13-45, no 2023-02-29). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = parse(value);
  return !Number.isNaN(d.getTime()) && format(d) === value;
}
