/**
 * Evaluation of the valuation and ledger functions over a flush's snapshot (excel.md §1.2), pure like the
 * stock evaluator: INV.COGS, INV.OPENENTRIES, INV.INCDEC, INV.AGING, INV.VALUEASIF, INV.COGSASIF,
 * INV.GLDIFF, INV.WORKDATE, INV.VERSION (INV.EXPLAIN in explain.ts). The figures come from
 * src/core/queries (valuation.ts, asIf.ts, aging.ts, glDifference.ts); this file resolves items,
 * locations and accounts, picks the posted or adjusted book and shapes cells and spills.
 */
import { emptyBook, type ItemBook } from "../core/book";
import type { Company } from "../core/company";
import { moneyToNumber, qtyToNumber, type Money } from "../core/money";
import { ageComposition, parsePeriodLength } from "../core/queries/aging";
import { AsIfNotPossible, cogsAsIf, valueAsIf, type AsIfMethod, type AsIfSetup } from "../core/queries/asIf";
import { glDifference, knownAccounts, type GLDifference } from "../core/queries/glDifference";
import { cogsBetween, increasesDecreases, openEntriesAt, type PeriodMovement, type ValueFilter } from "../core/queries/valuation";
import type { Item } from "../core/types";
import { ENTRY_TYPE_CAPTION } from "../excel/sheets/captions";
import type { CostBasis, StockOptions } from "./arguments";
import { InvError, invalidValue, notAvailable, type CellResult, type CellScalar } from "./cellErrors";
import { codeFilter, isFilter } from "./codeFilter";
import { adjustedBook } from "./dryRun";
import { itemsOfRequest, locationsOfRequest, NO_COMPANY_MESSAGE, unknownTracking, type Evaluation, type StockSnapshot } from "./evaluate";
import type { LedgerRequest } from "./ledgerArguments";
import { isoDateToSerial } from "./planArguments";
import { SPILL_CELL_CAP } from "./catalog";

export type Spill = CellScalar[][];

/** What a ledger evaluation depends on besides the result. */
export interface LedgerEvaluation extends Evaluation {
  /** True when the answer reads the whole ledger and G/L (GLDIFF, VERSION): any commit may change it. */
  ledgerWide: boolean;
}

/** The book a basis reads: as posted, or as the cost-adjustment dry run leaves it (excel.md §1.1). */
export function bookFor(snapshot: StockSnapshot, company: Company, item: Item, basis: CostBasis): ItemBook | undefined {
  const book = snapshot.books.get(item.no);
  return book && basis === "adjusted" ? adjustedBook(book, item, company) : book;
}

/** The value filter of a request's options at one location (null = every location). */
export function valueFilterOf(options: StockOptions, location: string | null, asOf?: string): ValueFilter {
  return {
    asOf,
    location: location ?? undefined,
    variant: options.variant ?? undefined,
    lot: options.lot ?? undefined,
    serial: options.serial ?? undefined,
    dateBasis: options.date,
    expected: options.expected,
  };
}

export function withHeaders(headers: boolean, header: string[], rows: Spill): Spill {
  return headers ? [header, ...rows] : rows;
}

/** The spill cap of excel.md §1.1: above it, #N/A pointing to the sheet writer. */
export function capped(spill: Spill, width: number): CellResult {
  if (spill.length * width <= SPILL_CELL_CAP) return spill;
  return notAvailable(`Result has ${spill.length} rows (limit ${Math.floor(SPILL_CELL_CAP / width)}); use Ledgers ▸ Write to sheet`);
}

/** Resolved items and locations of an item-level request, or the error a cell shows. */
export interface Scope {
  items: Item[];
  locations: (string | null)[];
}

export function scopeOf(request: LedgerRequest, snapshot: StockSnapshot, company: Company): Scope | InvError {
  const items = itemsOfRequest(request, snapshot);
  if (!Array.isArray(items)) return items;
  const unknown = unknownTracking(request, items, snapshot);
  if (unknown) return unknown;
  const locations = locationsOfRequest(request, company);
  return Array.isArray(locations) ? { items, locations } : locations;
}

/** Visits every (book, location) of the scope: items without entries have no book and are skipped. */
export function eachBook(scope: Scope, snapshot: StockSnapshot, company: Company, basis: CostBasis, visit: (book: ItemBook, location: string | null, item: Item) => void): void {
  for (const item of scope.items) {
    const book = bookFor(snapshot, company, item, basis);
    if (book) for (const location of scope.locations) visit(book, location, item);
  }
}

/** Σ over the scope's books and locations. */
function sumOver(scope: Scope, snapshot: StockSnapshot, company: Company, basis: CostBasis, add: (book: ItemBook, location: string | null) => Money): Money {
  let sum = 0;
  eachBook(scope, snapshot, company, basis, (book, location) => (sum += add(book, location)));
  return sum;
}

function cogs(request: LedgerRequest, snapshot: StockSnapshot, company: Company, scope: Scope): CellResult {
  const period = { from: request.from, to: request.to ?? company.workDate };
  return moneyToNumber(sumOver(scope, snapshot, company, request.basis, (book, location) => cogsBetween(book, period, valueFilterOf(request.options, location))));
}

export const OPEN_ENTRIES_HEADER = ["Entry No.", "Posting Date", "Entry Type", "Location", "Lot No.", "Serial No.", "Expiration Date", "Remaining Qty", "Remaining Cost"];

function openEntries(request: LedgerRequest, snapshot: StockSnapshot, company: Company, scope: Scope): CellResult {
  const asOf = request.to ?? company.workDate;
  const rows: Spill = [];
  eachBook(scope, snapshot, company, request.basis, (book, location) => {
    for (const { entry, remainingQty, remainingCost } of openEntriesAt(book, asOf, valueFilterOf(request.options, location))) {
      rows.push([
        entry.entryNo, entry.postingDate, ENTRY_TYPE_CAPTION[entry.entryType], entry.location, entry.lotNo ?? "", entry.serialNo ?? "",
        entry.expirationDate ?? "", qtyToNumber(remainingQty), moneyToNumber(remainingCost),
      ]);
    }
  });
  rows.sort((a, b) => Number(a[0]) - Number(b[0]));
  return capped(withHeaders(request.headers, OPEN_ENTRIES_HEADER, rows), OPEN_ENTRIES_HEADER.length);
}

export const INCDEC_HEADER = ["Qty at Start", "Value at Start", "Increases Qty", "Increases Value", "Decreases Qty", "Decreases Value", "Qty at End", "Value at End"];

function incDec(request: LedgerRequest, snapshot: StockSnapshot, company: Company, scope: Scope): CellResult {
  const period = { from: request.from, to: request.to ?? company.workDate };
  const total: PeriodMovement = {
    startQty: 0, startValue: 0, increasesQty: 0, increasesValue: 0, decreasesQty: 0, decreasesValue: 0, endQty: 0, endValue: 0, postedToGL: 0,
  };
  eachBook(scope, snapshot, company, request.basis, (book, location) => {
    const movement = increasesDecreases(book, period, valueFilterOf(request.options, location));
    for (const key of Object.keys(total) as (keyof PeriodMovement)[]) total[key] += movement[key];
  });
  const row = [
    qtyToNumber(total.startQty), moneyToNumber(total.startValue), qtyToNumber(total.increasesQty), moneyToNumber(total.increasesValue),
    qtyToNumber(total.decreasesQty), moneyToNumber(total.decreasesValue), qtyToNumber(total.endQty), moneyToNumber(total.endValue),
  ];
  return withHeaders(request.headers, INCDEC_HEADER, [row]);
}

export const AGING_HEADER = ["Period", "Start", "End", "Remaining Qty", "Remaining Value"];

function aging(request: LedgerRequest, snapshot: StockSnapshot, company: Company, scope: Scope): CellResult {
  const length = parsePeriodLength(request.mode);
  if (!length) return invalidValue("periodLength must be a date formula like 30D, 1W, 1M, 1Q or 1Y");
  const endingDate = request.to ?? company.workDate;
  // The buckets' dates, then each book's remaining quantity and value added into them.
  const buckets = ageComposition(emptyBook("", 0), endingDate, length).map((b) => ({ label: b.label, start: b.start, end: b.end, qty: 0, value: 0 }));
  eachBook(scope, snapshot, company, request.basis, (book, location) => {
    ageComposition(book, endingDate, length, valueFilterOf(request.options, location)).forEach((b, at) => {
      buckets[at].qty += b.remainingQty;
      buckets[at].value += b.remainingValue;
    });
  });
  const rows: Spill = buckets.map((b) => [b.label, b.start ?? "", b.end ?? "", qtyToNumber(b.qty), moneyToNumber(b.value)]);
  rows.push(["Total", "", "", qtyToNumber(buckets.reduce((s, b) => s + b.qty, 0)), moneyToNumber(buckets.reduce((s, b) => s + b.value, 0))]);
  return withHeaders(request.headers, AGING_HEADER, rows);
}

function asIfSetup(request: LedgerRequest, company: Company, item: Item): Omit<AsIfSetup, "cutoff"> | InvError {
  const method = request.mode as AsIfMethod;
  const standardCost = request.stdCost ?? (item.standardCost > 0 ? item.standardCost : null);
  if (method === "STANDARD" && standardCost === null) return invalidValue(`STANDARD needs stdCost: item ${item.no} has no standard cost`);
  const setup = company.inventorySetup;
  return {
    method, standardCost: standardCost ?? undefined, averageCostPeriod: setup.averageCostPeriod,
    averageCostCalcType: setup.averageCostCalcType, accountingPeriods: company.accountingPeriods,
  };
}

/** VALUEASIF / COGSASIF: always over the adjusted book ("adjusted actual inbound costs", excel.md §1.2). */
function asIf(request: LedgerRequest, snapshot: StockSnapshot, company: Company, scope: Scope): CellResult {
  let sum = 0;
  for (const item of scope.items) {
    const setup = asIfSetup(request, company, item);
    if (setup instanceof InvError) return setup;
    const book = bookFor(snapshot, company, item, "adjusted");
    if (!book) continue;
    try {
      for (const location of scope.locations) {
        const at = location ?? undefined;
        sum += request.fn === "VALUEASIF"
          ? valueAsIf(book, { ...setup, cutoff: request.to ?? company.workDate }, at)
          : cogsAsIf(book, setup, request.from, request.to ?? company.workDate, at);
      }
    } catch (error) {
      if (error instanceof AsIfNotPossible) return notAvailable(`Item ${item.no} has outbound entries without a fixed application; SPECIFIC is not possible`);
      throw error;
    }
  }
  return moneyToNumber(sum);
}

/** The G/L difference a GLDIFF request names, or the #N/A of an unknown single account. */
export function glDifferenceOf(request: LedgerRequest, snapshot: StockSnapshot, company: Company): GLDifference | InvError {
  const glEntries = snapshot.glEntries ?? [];
  const accounts = knownAccounts(company, glEntries);
  let inAccount: (account: string) => boolean;
  if (isFilter(request.item)) inAccount = codeFilter(request.item);
  else {
    const found = accounts.find((account) => account.toUpperCase() === request.item.toUpperCase());
    if (found === undefined) return notAvailable(`Account ${request.item} does not exist`);
    inAccount = (account) => account === found;
  }
  return glDifference(company, snapshot.books.values(), glEntries, inAccount, request.to ?? company.workDate);
}

type ItemFunction = (request: LedgerRequest, snapshot: StockSnapshot, company: Company, scope: Scope) => CellResult;
const ITEM_FUNCTIONS: Partial<Record<LedgerRequest["fn"], ItemFunction>> = {
  COGS: cogs, OPENENTRIES: openEntries, INCDEC: incDec, AGING: aging, VALUEASIF: asIf, COGSASIF: asIf,
};

function itemLevel(request: LedgerRequest, snapshot: StockSnapshot, company: Company): LedgerEvaluation {
  const scope = scopeOf(request, snapshot, company);
  const catalog = isFilter(request.item);
  if (scope instanceof InvError) return { result: scope, items: [request.item.toUpperCase()], catalog, ledgerWide: false };
  const items = scope.items.map((item) => item.no.toUpperCase());
  const evaluate = ITEM_FUNCTIONS[request.fn];
  const result = evaluate ? evaluate(request, snapshot, company, scope) : notAvailable(`${request.fn} is not an item function`);
  return { result, items, catalog, ledgerWide: false };
}

export type ExplainEvaluator = (request: LedgerRequest, snapshot: StockSnapshot, company: Company) => LedgerEvaluation;

/** One ledger request's answer; EXPLAIN is handed in (explain.ts) to keep the two files apart. */
export function evaluateLedger(request: LedgerRequest, snapshot: StockSnapshot, explain: ExplainEvaluator): LedgerEvaluation {
  const company = snapshot.company;
  if (!company) return { result: notAvailable(NO_COMPANY_MESSAGE), items: [], catalog: false, ledgerWide: true };
  switch (request.fn) {
    case "WORKDATE":
      return { result: isoDateToSerial(company.workDate), items: [], catalog: false, ledgerWide: false };
    case "VERSION":
      return { result: company.ledgerVersion, items: [], catalog: false, ledgerWide: true };
    case "GLDIFF": {
      const difference = glDifferenceOf(request, snapshot, company);
      const result = difference instanceof InvError ? difference : moneyToNumber(difference.difference);
      return { result, items: [], catalog: true, ledgerWide: true };
    }
    case "EXPLAIN":
      return explain(request, snapshot, company);
    default:
      return itemLevel(request, snapshot, company);
  }
}

/** Books a ledger request reads: every book for the G/L answers, else the items it selects. */
export function ledgerBooksWanted(request: LedgerRequest, snapshot: StockSnapshot): string[] {
  if (request.fn === "WORKDATE" || request.fn === "VERSION") return [];
  if (needsGeneralLedger(request)) return [...snapshot.items.values()].map((item) => item.no);
  const items = itemsOfRequest(request, snapshot);
  return Array.isArray(items) ? items.map((item) => item.no) : [];
}

/** GLDIFF and its explanation read every G/L entry. */
export function needsGeneralLedger(request: LedgerRequest): boolean {
  return request.fn === "GLDIFF" || (request.fn === "EXPLAIN" && request.mode === "GLDIFF");
}

/** Requests that read no item card at all. */
export function needsNoItems(request: LedgerRequest): boolean {
  return request.fn === "WORKDATE" || request.fn === "VERSION";
}
