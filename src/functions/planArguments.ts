/**
 * Arguments of the planning and tracking functions (excel.md §1.2): INV.AVAILABLE, INV.PAB, INV.RESERVED,
 * INV.LOTQTY, INV.EXPIRY, INV.LOTS, INV.AVAILBYPERIOD, INV.AVAILBYEVENT, INV.ABLETOMAKE and INV.TRACE.
 * Like arguments.ts, a pure function of what Excel passes, so an argument error is the same alone or batched.
 */
import type { IsoDate } from "../core/types";
import { codeText, dateArgument, isBlank } from "./arguments";
import { invalidValue } from "./cellErrors";
import { isFilter } from "./codeFilter";

export type PlanFunctionName =
  | "AVAILABLE"
  | "PAB"
  | "RESERVED"
  | "LOTQTY"
  | "EXPIRY"
  | "LOTS"
  | "AVAILBYPERIOD"
  | "AVAILBYEVENT"
  | "ABLETOMAKE"
  | "TRACE";

export const PLAN_FUNCTIONS: readonly PlanFunctionName[] = [
  "AVAILABLE", "PAB", "RESERVED", "LOTQTY", "EXPIRY", "LOTS", "AVAILBYPERIOD", "AVAILBYEVENT", "ABLETOMAKE", "TRACE",
];

export type PeriodType = "Day" | "Week" | "Month" | "Quarter" | "Year";
export type ReservedSide = "inventory" | "supply" | "demand";
export type TraceMethod = "Usage" | "Origin";

export interface PlanRequest {
  fn: PlanFunctionName;
  /** One item code ("" for INV.TRACE, which searches every item). */
  item: string;
  /** asOf / date / start / from; null = the work date (or, for `from`, the beginning). */
  date: IsoDate | null;
  /** INV.AVAILBYEVENT's `to`; null = no end. */
  to: IsoDate | null;
  /** One location code; "" = every location. */
  location: string;
  lot: string | null;
  serial: string | null;
  /** RESERVED side, AVAILBYPERIOD period type or TRACE method; "" where not used. */
  mode: string;
  /** AVAILBYPERIOD: number of periods. */
  count: number;
  /** `expired=include`: INV.AVAILABLE keeps expired lots in the free quantity. */
  includeExpired: boolean;
  /** Spills: `headers=FALSE` drops the header row. */
  headers: boolean;
}

export function isPlanRequest(request: { fn: string }): request is PlanRequest {
  return (PLAN_FUNCTIONS as readonly string[]).includes(request.fn);
}

/** The planning queries take one item and one location (the core's availability has no filters). */
export function singleCode(value: unknown, what: string): string {
  const code = codeText(value, what);
  if (code !== "" && isFilter(code)) throw invalidValue(`${what} must be a single code for this function, not a filter`);
  return code;
}

export function requiredItem(value: unknown): string {
  const code = singleCode(value, "item");
  if (code === "") throw invalidValue("item is required");
  return code;
}

function optionalText(value: unknown, what: string): string | null {
  const text = codeText(value, what);
  return text === "" ? null : text;
}

export function lotArgument(value: unknown): string | null {
  return optionalText(value, "lot");
}

export function serialArgument(value: unknown): string | null {
  return optionalText(value, "serial");
}

export function requiredDate(value: unknown, what: string): IsoDate {
  const date = dateArgument(value);
  if (date === null) throw invalidValue(`${what} is required`);
  return date;
}

const PERIOD_TYPES: readonly PeriodType[] = ["Day", "Week", "Month", "Quarter", "Year"];

export function periodTypeArgument(value: unknown): PeriodType {
  const text = typeof value === "string" ? value.trim().toLowerCase() : "";
  const found = PERIOD_TYPES.find((type) => type.toLowerCase() === text);
  if (!found) throw invalidValue("periodType must be Day, Week, Month, Quarter or Year");
  return found;
}

export function countArgument(value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 1000)
    throw invalidValue("count must be a whole number from 1 to 1000");
  return value;
}

export function sideArgument(value: unknown): ReservedSide {
  if (isBlank(value)) return "inventory";
  const text = typeof value === "string" ? value.trim().toLowerCase() : "";
  if (text === "inventory" || text === "supply" || text === "demand") return text;
  throw invalidValue("side must be inventory, supply or demand");
}

export function methodArgument(value: unknown): TraceMethod {
  if (isBlank(value)) return "Usage";
  const text = typeof value === "string" ? value.trim().toLowerCase() : "";
  if (text === "usage") return "Usage";
  if (text === "origin") return "Origin";
  throw invalidValue("method must be Usage or Origin");
}

/** `key=value;…` with only the keys a function accepts (expired=include, headers=FALSE). */
export function planOptions(value: unknown, allowed: readonly ("expired" | "headers")[]): Pick<PlanRequest, "includeExpired" | "headers"> {
  const options = { includeExpired: false, headers: true };
  if (isBlank(value)) return options;
  if (typeof value !== "string") throw invalidValue("options must be text like key=value;key=value");
  for (const pair of value.split(";")) {
    if (pair.trim() === "") continue;
    const at = pair.indexOf("=");
    const key = (at < 0 ? pair : pair.slice(0, at)).trim().toLowerCase();
    const text = at < 0 ? "" : pair.slice(at + 1).trim().toLowerCase();
    if (!(allowed as readonly string[]).includes(key))
      throw invalidValue(allowed.length === 0 ? `option ${key} is not known; this function takes no options` : `option ${key} is not known; use ${allowed.join(" or ")}`);
    if (key === "expired") {
      if (text !== "include" && text !== "exclude") throw invalidValue("expired must be include or exclude");
      options.includeExpired = text === "include";
    } else {
      if (text !== "true" && text !== "false") throw invalidValue("headers must be TRUE or FALSE");
      options.headers = text === "true";
    }
  }
  return options;
}

/** A request with every field at its neutral value; each function fills in what it takes. */
export function planRequest(fn: PlanFunctionName, item: string, fields: Partial<PlanRequest>): PlanRequest {
  return {
    fn, item, date: null, to: null, location: "", lot: null, serial: null, mode: "", count: 0,
    includeExpired: false, headers: true, ...fields,
  };
}

export function planRequestKey(request: PlanRequest): string {
  return JSON.stringify({ ...request, item: request.item.toUpperCase(), location: request.location.toUpperCase() });
}

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** ISO date → Excel serial (1900 system; days before 1900-03-01 shifted for Excel's phantom 1900-02-29). */
export function isoDateToSerial(date: IsoDate): number {
  const [year, month, day] = date.split("-").map(Number);
  const days = Math.round((Date.UTC(year, month - 1, day) - EXCEL_EPOCH_UTC) / MS_PER_DAY);
  return days <= 60 ? days - 1 : days;
}
