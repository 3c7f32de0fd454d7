/**
 * The INV evaluator: a pure function of (request, snapshot) — excel.md §2.1 rule 6 — so a cell gives the
 * same value, error code and message alone or in a batch of thousands. Batching only shares the read.
 */
import type { ItemBook } from "../core/book";
import type { Company } from "../core/company";
import { moneyToNumber, qtyToNumber, unitCostOf, unitCostToNumber, type Money, type Qty } from "../core/money";
import type { GLEntry, Item } from "../core/types";
import type { StockRequest } from "./arguments";
import { evaluateCatalog } from "./catalog";
import { isCatalogRequest, type CatalogRequest } from "./catalogArguments";
import type { InvRequest } from "./requests";
import { isPlanRequest, type PlanRequest } from "./planArguments";
import { isLedgerRequest, type LedgerRequest } from "./ledgerArguments";
import { evaluateLedger } from "./ledgerEval";
import { explainLedger } from "./explain";
import { evaluatePlan } from "./planning";
import { divisionByZero, internalError, notAvailable, type CellResult, type InvError } from "./cellErrors";
import { codeFilter, isFilter } from "./codeFilter";
import { adjustedBook } from "./dryRun";
import { quantityOf, valueOf, type StockCut } from "./stockReads";

/** One consistent read of the ledger: what a flush loaded in its single read transaction. */
export interface StockSnapshot {
  company: Company | undefined;
  /** Item cards by upper-cased number. */
  items: Map<string, Item>;
  /** True when `items` holds every item (loaded because some request used a filter). */
  allItems: boolean;
  /** Item books by item number; an item without entries has none. */
  books: Map<string, ItemBook>;
  /** Item numbers whose books were read (absent from `books` = no book): only their versions are known. */
  booksRead: Set<string>;
  /** Every G/L entry, loaded only when a request reads the G/L (INV.GLDIFF). */
  glEntries?: GLEntry[];
}

export interface Evaluation {
  result: CellResult;
  /** True when the answer reads the whole ledger and G/L (INV.GLDIFF, INV.VERSION): every commit may change it. */
  ledgerWide?: boolean;
  /** Upper-cased item numbers the answer depends on (also unknown codes, which a new item card would change). */
  items: string[];
  /** True when the answer depends on which items exist (filters, blank = all). */
  catalog: boolean;
}

export const NO_COMPANY_MESSAGE = "No inventory company bound — open the INV pane";

/** Items a request names: a single code must exist; a filter selects from every card. */
export function itemsOfRequest(request: Pick<StockRequest, "item">, snapshot: StockSnapshot): Item[] | InvError {
  if (isFilter(request.item)) {
    const matches = codeFilter(request.item);
    return [...snapshot.items.values()].filter((item) => matches(item.no));
  }
  const item = snapshot.items.get(request.item.toUpperCase());
  return item ? [item] : notAvailable(`Item ${request.item} does not exist`);
}

/** Location codes to sum over; null = all locations at once. Entries without a location have code "". */
export function locationsOfRequest(request: Pick<StockRequest, "location">, company: Company): (string | null)[] | InvError {
  if (request.location === "") return [null];
  const codes = ["", ...company.locations.map((location) => location.code)];
  if (isFilter(request.location)) return codes.filter(codeFilter(request.location));
  const found = codes.find((code) => code.toUpperCase() === request.location.toUpperCase());
  return found === undefined ? notAvailable(`Location ${request.location} does not exist`) : [found];
}

function totals(request: StockRequest, books: ItemBook[], locations: (string | null)[], company: Company) {
  let quantity: Qty = 0;
  let value: Money = 0;
  const base = { asOf: request.asOf ?? company.workDate, basis: request.basis, options: request.options };
  for (const book of books) {
    for (const location of locations) {
      const cut: StockCut = { ...base, location };
      quantity += quantityOf(book, cut);
      if (request.fn !== "QTY") value += valueOf(book, cut);
    }
  }
  return { quantity, value };
}

/**
 * A lot or serial named in the options of a single-item request must exist for that item (excel.md §1.1:
 * unknown lot → #N/A); with an item filter it only narrows, and matching nothing gives 0.
 */
export function unknownTracking(request: Pick<StockRequest, "item" | "options">, items: Item[], snapshot: StockSnapshot): InvError | undefined {
  const { lot, serial } = request.options;
  if ((lot === null && serial === null) || isFilter(request.item) || items.length !== 1) return undefined;
  const entries = snapshot.books.get(items[0].no)?.entries ?? [];
  if (entries.some((e) => (lot === null || e.lotNo === lot) && (serial === null || e.serialNo === serial))) return undefined;
  return notAvailable(`${lot !== null ? `Lot ${lot}` : `Serial ${serial ?? ""}`} does not exist for item ${items[0].no}`);
}

function compute(request: StockRequest, snapshot: StockSnapshot, company: Company, items: Item[]): CellResult {
  const locations = locationsOfRequest(request, company);
  if (!Array.isArray(locations)) return locations;
  const unknown = unknownTracking(request, items, snapshot);
  if (unknown) return unknown;
  const books: ItemBook[] = [];
  for (const item of items) {
    const book = snapshot.books.get(item.no);
    // "adjusted": the same sums over the book as Adjust Cost – Item Entries would leave it (a dry run).
    if (book) books.push(request.basis === "adjusted" ? adjustedBook(book, item, company) : book);
  }
  const { quantity, value } = totals(request, books, locations, company);
  if (request.fn === "QTY") return qtyToNumber(quantity);
  if (request.fn === "VALUE") return moneyToNumber(value);
  // UNITCOST = VALUE ÷ QTY at the same cut-off; no stock means no unit cost (#DIV/0!, as Excel would show).
  if (quantity === 0) return divisionByZero();
  return unitCostToNumber(unitCostOf(value, quantity));
}

/**
 * Catalogue answers depend on cards only: they are marked as depending on which cards exist and what they
 * hold, so any item-card change (LedgerChange.itemCards) recomputes them; postings that only touch books don't.
 */
function evaluateCatalogRequest(request: CatalogRequest, snapshot: StockSnapshot): Evaluation {
  const company = snapshot.company;
  if (!company) return { result: notAvailable(NO_COMPANY_MESSAGE), items: [], catalog: true };
  try {
    return { result: evaluateCatalog(request, company, snapshot.items), items: [], catalog: true };
  } catch (error) {
    return { result: internalError(error), items: [], catalog: true };
  }
}

/** Planning and tracking answers (planning.ts) depend on the catalogue too: BOMs, assembly parents, traces. */
function evaluatePlanRequest(request: PlanRequest, snapshot: StockSnapshot): Evaluation {
  const company = snapshot.company;
  if (!company) return { result: notAvailable(NO_COMPANY_MESSAGE), items: [], catalog: true };
  try {
    return { ...evaluatePlan(request, snapshot, company), catalog: true };
  } catch (error) {
    return { result: internalError(error), items: [request.item.toUpperCase()], catalog: true };
  }
}

/** Valuation and ledger answers (ledgerEval.ts, explain.ts); an unexpected fault is the cell's internal error. */
function evaluateLedgerRequest(request: LedgerRequest, snapshot: StockSnapshot): Evaluation {
  try {
    return evaluateLedger(request, snapshot, explainLedger);
  } catch (error) {
    return { result: internalError(error), items: [request.item.toUpperCase()], catalog: true, ledgerWide: true };
  }
}

export function evaluateRequest(request: InvRequest, snapshot: StockSnapshot): Evaluation {
  if (isCatalogRequest(request)) return evaluateCatalogRequest(request, snapshot);
  if (isLedgerRequest(request)) return evaluateLedgerRequest(request, snapshot);
  if (isPlanRequest(request)) return evaluatePlanRequest(request, snapshot);
  const catalog = isFilter(request.item);
  const company = snapshot.company;
  if (!company) return { result: notAvailable(NO_COMPANY_MESSAGE), items: [], catalog };
  const items = itemsOfRequest(request, snapshot);
  if (!Array.isArray(items)) return { result: items, items: [request.item.toUpperCase()], catalog };
  const dependsOn = items.map((item) => item.no.toUpperCase());
  try {
    return { result: compute(request, snapshot, company, items), items: dependsOn, catalog };
  } catch (error) {
    return { result: internalError(error), items: dependsOn, catalog };
  }
}
