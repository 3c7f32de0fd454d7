/**
 * Arguments of the valuation and ledger functions (excel.md §1.2): INV.COGS, INV.OPENENTRIES, INV.INCDEC,
 * INV.AGING, INV.VALUEASIF, INV.COGSASIF, INV.GLDIFF, INV.EXPLAIN, INV.WORKDATE and INV.VERSION. INV.VALUE
 * is a stock request (arguments.ts). Like the other argument files, a pure function of what Excel passes,
 * so an argument error is the same alone or batched.
 */
import type { AsIfMethod } from "../core/queries/asIf";
import { parsePeriodLength } from "../core/queries/aging";
import { unitCost as toUnitCost, type UnitCost } from "../core/money";
import type { IsoDate } from "../core/types";
import { applyOption, codeText, DEFAULT_OPTIONS, isBlank, type CostBasis, type StockOptions } from "./arguments";
import { invalidValue } from "./cellErrors";

export type LedgerFunctionName = "COGS" | "OPENENTRIES" | "INCDEC" | "AGING" | "VALUEASIF" | "COGSASIF" | "GLDIFF" | "EXPLAIN" | "WORKDATE" | "VERSION";

export const LEDGER_FUNCTIONS: readonly LedgerFunctionName[] = [
  "COGS", "OPENENTRIES", "INCDEC", "AGING", "VALUEASIF", "COGSASIF", "GLDIFF", "EXPLAIN", "WORKDATE", "VERSION",
];

/** The scalar functions INV.EXPLAIN can explain. */
export type ExplainKind = "QTY" | "VALUE" | "COGS" | "PAB" | "AVAILABLE" | "RESERVED" | "LOTQTY" | "GLDIFF";
export const EXPLAIN_KINDS: readonly ExplainKind[] = ["QTY", "VALUE", "COGS", "PAB", "AVAILABLE", "RESERVED", "LOTQTY", "GLDIFF"];

export interface LedgerRequest {
  fn: LedgerFunctionName;
  /** Item code or filter as typed; GLDIFF (and EXPLAIN of GLDIFF): the account code or filter; "" = all. */
  item: string;
  /** Start of a period (COGS, COGSASIF, INCDEC, EXPLAIN of COGS); null = from the beginning. */
  from: IsoDate | null;
  /** asOf, date or end of a period; null = the work date. */
  to: IsoDate | null;
  /** Location code or filter; "" = all locations. */
  location: string;
  basis: CostBasis;
  options: StockOptions;
  /** Spills: `headers=FALSE` drops the header row. */
  headers: boolean;
  /** `expired=include` (EXPLAIN of AVAILABLE). */
  includeExpired: boolean;
  /** VALUEASIF / COGSASIF method; EXPLAIN kind; AGING period length (e.g. 1M); "" where not used. */
  mode: string;
  /** STANDARD what-if cost per base unit (1e-5); null = the item's standard cost. */
  stdCost: UnitCost | null;
}

export function isLedgerRequest(request: { fn: string }): request is LedgerRequest {
  return (LEDGER_FUNCTIONS as readonly string[]).includes(request.fn);
}

/** A request with every field at its neutral value; each function fills in what it takes. */
export function ledgerRequest(fn: LedgerFunctionName, item: string, fields: Partial<LedgerRequest>): LedgerRequest {
  return {
    fn, item, from: null, to: null, location: "", basis: "posted", options: { ...DEFAULT_OPTIONS }, headers: true,
    includeExpired: false, mode: "", stdCost: null, ...fields,
  };
}

export function ledgerRequestKey(request: LedgerRequest): string {
  return JSON.stringify({ ...request, item: request.item.toUpperCase(), location: request.location.toUpperCase() });
}

type OptionKey = "date" | "expected" | "variant" | "lot" | "serial" | "headers" | "expired";
export const VALUE_OPTION_KEYS: readonly OptionKey[] = ["date", "expected", "variant", "lot", "serial"];

/**
 * `key=value;…` limited to the keys a function lists (excel.md §1.1 options): the value keys of INV.VALUE,
 * plus `headers=` for spills and `expired=` where the function takes it.
 */
export function ledgerOptions(value: unknown, allowed: readonly OptionKey[]): Pick<LedgerRequest, "options" | "headers" | "includeExpired"> {
  const result = { options: { ...DEFAULT_OPTIONS }, headers: true, includeExpired: false };
  if (isBlank(value)) return result;
  if (typeof value !== "string") throw invalidValue("options must be text like key=value;key=value");
  for (const pair of value.split(";")) {
    if (pair.trim() === "") continue;
    const at = pair.indexOf("=");
    if (at < 0) throw invalidValue(`option '${pair.trim()}' needs a value (key=value)`);
    const key = pair.slice(0, at).trim().toLowerCase();
    const text = pair.slice(at + 1).trim();
    if (!(allowed as readonly string[]).includes(key))
      throw invalidValue(allowed.length === 0 ? `option ${key} is not known; this function takes no options` : `option ${key} is not known; use ${allowed.join(", ")}`);
    if (key === "headers") {
      if (!/^(true|false)$/i.test(text)) throw invalidValue("headers must be TRUE or FALSE");
      result.headers = text.toUpperCase() === "TRUE";
    } else if (key === "expired") {
      if (!/^(include|exclude)$/i.test(text)) throw invalidValue("expired must be include or exclude");
      result.includeExpired = text.toLowerCase() === "include";
    } else applyOption(result.options, key, text);
  }
  return result;
}

const METHODS: readonly AsIfMethod[] = ["FIFO", "LIFO", "AVERAGE", "STANDARD", "SPECIFIC"];

export function methodArgument(value: unknown): AsIfMethod {
  const text = typeof value === "string" ? value.trim().toUpperCase() : "";
  const found = METHODS.find((method) => method === text);
  if (!found) throw invalidValue("method must be FIFO, LIFO, AVERAGE, STANDARD or SPECIFIC");
  return found;
}

export function stdCostArgument(value: unknown): UnitCost | null {
  if (isBlank(value)) return null;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) throw invalidValue("stdCost must be a number of 0 or more");
  return toUnitCost(value);
}

export function explainKindArgument(value: unknown): ExplainKind {
  const text = typeof value === "string" ? value.trim().toUpperCase() : "";
  const found = EXPLAIN_KINDS.find((kind) => kind === text);
  if (!found) throw invalidValue(`kind must be ${EXPLAIN_KINDS.join(", ")}`);
  return found;
}

export function periodLengthArgument(value: unknown): string {
  const text = typeof value === "string" ? value.trim().toUpperCase() : typeof value === "number" ? `${value}D` : "";
  if (!parsePeriodLength(text)) throw invalidValue("periodLength must be a date formula like 30D, 1W, 1M, 1Q or 1Y");
  return text;
}

/** An item or account argument that must be given (a code or a filter). */
export function requiredCode(value: unknown, what: string): string {
  const code = codeText(value, what);
  if (code === "") throw invalidValue(`${what} is required`);
  return code;
}

/** `from` after `to` is a #VALUE! (excel.md §1.1 errors). */
export function checkPeriod(from: IsoDate | null, to: IsoDate | null): void {
  if (from !== null && to !== null && from > to) throw invalidValue("from must not be after to");
}
