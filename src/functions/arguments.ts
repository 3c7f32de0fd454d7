/**
 * Normalises what Excel hands a custom function into a request (excel.md §1.1 conventions): codes as
 * text, dates from an Excel serial or ISO text, `basis`, and the `key=value;…` options. Everything here is
 * a pure function of the arguments, so an argument error is the same whether a cell is alone or batched.
 */
import type { IsoDate } from "../core/types";
import { invalidValue, type InvError } from "./cellErrors";
import type { CatalogFunctionName } from "./catalogArguments";
import type { LedgerFunctionName } from "./ledgerArguments";
import type { PlanFunctionName } from "./planArguments";

export type StockFunctionName = "QTY" | "VALUE" | "UNITCOST";
export type InvFunctionName = StockFunctionName | CatalogFunctionName | PlanFunctionName | LedgerFunctionName;
export type CostBasis = "posted" | "adjusted";

export interface StockOptions {
  /** Which value-entry date meets the cut-off. */
  date: "posting" | "valuation";
  /** Add Cost Amount (Expected) to values. */
  expected: boolean;
  variant: string | null;
  lot: string | null;
  serial: string | null;
}

export interface StockRequest {
  fn: StockFunctionName;
  /** Item code or BC filter, as typed (trimmed); "" = all items. */
  item: string;
  /** Cut-off date; null = the company's work date (never TODAY, so defaults are not volatile). */
  asOf: IsoDate | null;
  /** Location code or filter; "" = all locations. */
  location: string;
  basis: CostBasis;
  options: StockOptions;
}

export const DEFAULT_OPTIONS: StockOptions = { date: "posting", expected: false, variant: null, lot: null, serial: null };
const MS_PER_DAY = 86_400_000;
/** Day 0 of the 1900 date system, counting Excel's phantom 1900-02-29 (serial 60) for serials above 60. */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** Excel leaves an omitted argument undefined and a skipped one (`f(a,,c)`) null; an empty cell arrives as "". */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/** A code argument: numbers are read as text (1000 → "1000"). */
export function codeText(value: unknown, what: string): string {
  if (isBlank(value)) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  throw invalidValue(`${what} must be a code or a filter`);
}

function notADate(value: unknown): InvError {
  return invalidValue(`'${String(value)}' is not a date; use a date cell or yyyy-mm-dd`);
}

/** An Excel serial date (1900 system; the time of day is ignored) as ISO text. */
export function serialToIsoDate(serial: number): IsoDate {
  const day = Math.floor(serial);
  // Serial 60 is 1900-02-29, a day that never existed; serials 1–59 sit one day later than the epoch suggests.
  if (!Number.isFinite(serial) || day < 1 || day === 60 || day > 2_958_465) throw notADate(serial);
  const offset = day < 60 ? day + 1 : day;
  return new Date(EXCEL_EPOCH_UTC + offset * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isoDateText(text: string): IsoDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  const valid = check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
  return valid ? text : undefined;
}

/** A date argument: blank → null (work date), a serial, or ISO text; anything else is #VALUE!. */
export function dateArgument(value: unknown): IsoDate | null {
  if (isBlank(value)) return null;
  if (typeof value === "number") return serialToIsoDate(value);
  if (typeof value === "string") {
    const iso = isoDateText(value.trim());
    if (iso) return iso;
  }
  throw notADate(value);
}

export function basisArgument(value: unknown): CostBasis {
  if (isBlank(value)) return "posted";
  const text = typeof value === "string" ? value.trim().toLowerCase() : "";
  if (text === "posted" || text === "adjusted") return text;
  throw invalidValue("basis must be posted or adjusted");
}

function booleanOption(key: string, text: string): boolean {
  const upper = text.toUpperCase();
  if (upper === "TRUE") return true;
  if (upper === "FALSE") return false;
  throw invalidValue(`${key} must be TRUE or FALSE`);
}

/** Applies one `key=value` pair; semicolon-separated pairs keep comma-decimal locales safe. */
export function applyOption(options: StockOptions, key: string, text: string): void {
  switch (key) {
    case "date":
      if (text.toLowerCase() !== "posting" && text.toLowerCase() !== "valuation")
        throw invalidValue("date must be posting or valuation");
      options.date = text.toLowerCase() as StockOptions["date"];
      return;
    case "expected":
      options.expected = booleanOption(key, text);
      return;
    case "variant":
    case "lot":
    case "serial":
      options[key] = text === "" ? null : text;
      return;
    default:
      throw invalidValue(`option ${key} is not known; use date, expected, variant, lot or serial`);
  }
}

export function optionsArgument(value: unknown): StockOptions {
  const options = { ...DEFAULT_OPTIONS };
  if (isBlank(value)) return options;
  if (typeof value !== "string") throw invalidValue("options must be text like date=valuation;expected=TRUE");
  for (const pair of value.split(";")) {
    if (pair.trim() === "") continue;
    const at = pair.indexOf("=");
    if (at < 0) throw invalidValue(`option '${pair.trim()}' needs a value (key=value)`);
    applyOption(options, pair.slice(0, at).trim().toLowerCase(), pair.slice(at + 1).trim());
  }
  return options;
}

/** The cache and batching key of a request: equal keys always give equal answers on one snapshot. */
export function requestKey(request: StockRequest): string {
  const o = request.options;
  return [
    request.fn,
    request.item.toUpperCase(),
    request.asOf ?? "",
    request.location.toUpperCase(),
    request.basis,
    o.date,
    o.expected ? "1" : "0",
    o.variant ?? "",
    o.lot ?? "",
    o.serial ?? "",
  ].join("\u0001");
}
