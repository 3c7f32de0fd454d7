/**
 * Evaluation of the planning and tracking functions over a flush's snapshot (excel.md §1.2), pure like the
 * stock evaluator. The figures come from the core queries (availability §11, BOM availability §14.4,
 * tracing §13, stock sums); this file picks the request's item and location and shapes cells and spills.
 */
import type { ItemBook } from "../core/book";
import type { Company } from "../core/company";
import { orderKey } from "../core/inventory/orders";
import { qtyToNumber, type Qty } from "../core/money";
import { availabilityAt, availabilityByPeriod, availabilityEvents, currentInventory } from "../core/queries/availability";
import { bomAvailability } from "../core/queries/bomAvailability";
import { quantityAt } from "../core/queries/stock";
import { periodOf } from "../core/dates";
import type { Item } from "../core/types";
import { ENTRY_TYPE_CAPTION } from "../excel/sheets/captions";
import { InvError, notAvailable, type CellResult, type CellScalar } from "./cellErrors";
import { isoDateToSerial, type PeriodType, type PlanRequest, type ReservedSide, type TraceMethod } from "./planArguments";
import { traceRows } from "./traceRows";
import type { StockSnapshot } from "./evaluate";

interface PlanContext {
  company: Company;
  snapshot: StockSnapshot;
  item: Item;
  book: ItemBook | undefined;
  /** undefined = every location. */
  location: string | undefined;
  items: Item[];
}

type Spill = CellScalar[][];

function withHeaders(request: PlanRequest, header: string[], rows: Spill): Spill {
  return request.headers ? [header, ...rows] : rows;
}

/** Free now (§11.1), less the unreserved remainder of lots expired at asOf under strict expiration (§10.3). */
function available(ctx: PlanContext, request: PlanRequest): number {
  const asOf = request.date ?? ctx.company.workDate;
  const figures = availabilityAt(ctx.company, { ...ctx, date: asOf });
  let free = figures.availableInventory;
  if (ctx.item.strictExpirationPosting && !request.includeExpired) {
    for (const entry of ctx.book?.entries ?? []) {
      if (!entry.positive || entry.remainingQuantity <= 0 || entry.expirationDate === null || entry.expirationDate >= asOf) continue;
      if (ctx.location !== undefined && entry.location !== ctx.location) continue;
      const reserved = (ctx.company.reservations ?? []).filter((r) => r.inboundEntryNo === entry.entryNo).reduce((s, r) => s + r.quantity, 0);
      free -= Math.max(0, entry.remainingQuantity - reserved);
    }
  }
  return qtyToNumber(free);
}

/** Current reservations: on inventory entries (§12), on supply order lines, or held by demand lines. */
function reserved(ctx: PlanContext, side: ReservedSide): number {
  if (side === "inventory") return qtyToNumber(availabilityAt(ctx.company, { ...ctx, date: ctx.company.workDate }).reserved);
  const lines = ctx.company.orderLines ?? {};
  let sum: Qty = 0;
  for (const r of ctx.company.reservations ?? []) {
    if (r.item !== ctx.item.no) continue;
    const line = side === "supply" ? (r.inboundEntryNo === null ? lines[orderKey(r.supply, r.item)] : undefined) : lines[orderKey(r.demand, r.item)];
    if (line && (ctx.location === undefined || line.location === ctx.location)) sum += r.quantity;
  }
  return qtyToNumber(sum);
}

function lotFilter(request: PlanRequest) {
  return { lot: request.lot ?? undefined, serial: request.serial ?? undefined };
}

function trackingMissing(ctx: PlanContext, request: PlanRequest): CellResult | undefined {
  const filter = lotFilter(request);
  const known = ctx.book?.entries.some((e) => (filter.lot === undefined || e.lotNo === filter.lot) && (filter.serial === undefined || e.serialNo === filter.serial));
  if (known) return undefined;
  const what = request.lot !== null ? `Lot ${request.lot}` : `Serial ${request.serial ?? ""}`;
  return notAvailable(`${what} does not exist for item ${ctx.item.no}`);
}

function lotQty(ctx: PlanContext, request: PlanRequest): CellResult {
  const missing = trackingMissing(ctx, request);
  if (missing || !ctx.book) return missing ?? 0;
  const asOf = request.date ?? ctx.company.workDate;
  return qtyToNumber(quantityAt(ctx.book, { asOf, location: ctx.location, ...lotFilter(request) }));
}

function expiry(ctx: PlanContext, request: PlanRequest): CellResult {
  const missing = trackingMissing(ctx, request);
  if (missing) return missing;
  const { lot, serial } = lotFilter(request);
  const dated = ctx.book?.entries.find((e) => e.expirationDate !== null && (lot === undefined || e.lotNo === lot) && (serial === undefined || e.serialNo === serial));
  if (!dated?.expirationDate) return notAvailable(`${request.lot !== null ? `Lot ${request.lot}` : `Serial ${request.serial ?? ""}`} has no expiration date`);
  return isoDateToSerial(dated.expirationDate);
}

/** On hand per lot/serial and location at asOf; used-up combinations are left out. */
function lots(ctx: PlanContext, request: PlanRequest): Spill {
  const asOf = request.date ?? ctx.company.workDate;
  const groups = new Map<string, { lot: string; serial: string; location: string; qty: Qty; expiry: string }>();
  for (const e of ctx.book?.entries ?? []) {
    if (!e.inventoriable || e.postingDate > asOf || (e.lotNo === null && e.serialNo === null)) continue;
    if (ctx.location !== undefined && e.location !== ctx.location) continue;
    const key = [e.lotNo, e.serialNo, e.location].join("\u0001");
    const group = groups.get(key) ?? { lot: e.lotNo ?? "", serial: e.serialNo ?? "", location: e.location, qty: 0, expiry: "" };
    group.qty += e.quantity;
    if (group.expiry === "" && e.expirationDate) group.expiry = e.expirationDate;
    groups.set(key, group);
  }
  const rows = [...groups.values()]
    .filter((g) => g.qty !== 0)
    .sort((a, b) => a.lot.localeCompare(b.lot) || a.serial.localeCompare(b.serial) || a.location.localeCompare(b.location))
    .map((g): CellScalar[] => [g.lot, g.serial, g.location, qtyToNumber(g.qty), g.expiry]);
  return withHeaders(request, ["Lot No.", "Serial No.", "Location", "Quantity", "Expiration Date"], rows);
}

function byPeriod(ctx: PlanContext, request: PlanRequest): Spill {
  const start = request.date ?? ctx.company.workDate;
  const kind = request.mode as PeriodType;
  const inventory = qtyToNumber(currentInventory(ctx));
  const rows = availabilityByPeriod(ctx.company, ctx, kind, start, request.count).map((line): CellScalar[] => [
    line.start, periodOf(line.start, kind, []).end, inventory, qtyToNumber(line.grossRequirement),
    qtyToNumber(line.scheduledReceipts), qtyToNumber(line.projectedAvailableBalance),
  ]);
  const header = ["Period Start", "Period End", "Inventory", "Gross Requirement", "Scheduled Receipts", "Projected Available Balance"];
  return withHeaders(request, header, rows);
}

export const AVAIL_EVENT_HEADER = [
  "Date", "Event", "Source Document", "Location", "Gross Requirement", "Scheduled Receipts", "Projected Available Balance", "Reserved",
];

/**
 * A first Inventory row (balance brought forward to `from`, reserved = reserved on inventory §12), then one row
 * per supply or demand event with its order's document and the quantity reserved against that line.
 */
function byEvent(ctx: PlanContext, request: PlanRequest): Spill {
  let balance = currentInventory(ctx);
  const rows: CellScalar[][] = [];
  const events = availabilityEvents(ctx.company, ctx);
  for (const event of events) if (request.date !== null && event.date < request.date) balance += event.receipt - event.requirement;
  const onInventory = availabilityAt(ctx.company, { ...ctx, date: ctx.company.workDate }).reserved;
  rows.push([request.date ?? "", "Inventory", "", ctx.location ?? "", 0, 0, qtyToNumber(balance), qtyToNumber(onInventory)]);
  for (const event of events) {
    if ((request.date !== null && event.date < request.date) || (request.to !== null && event.date > request.to)) continue;
    balance += event.receipt - event.requirement;
    const kind = event.receipt !== 0 && event.requirement !== 0 ? "Supply and demand" : event.receipt !== 0 ? "Supply" : "Demand";
    rows.push([
      event.date, kind, event.sourceDocument, event.location, qtyToNumber(event.requirement), qtyToNumber(event.receipt),
      qtyToNumber(balance), qtyToNumber(event.reserved),
    ]);
  }
  return withHeaders(request, AVAIL_EVENT_HEADER, rows);
}

function ableToMake(ctx: PlanContext, request: PlanRequest): CellResult {
  if (!ctx.item.assemblyBOM?.some((line) => line.item)) return notAvailable(`Item ${ctx.item.no} has no assembly BOM`);
  const items = new Map(ctx.items.map((item) => [item.no, item]));
  const date = request.date ?? ctx.company.workDate;
  const result = bomAvailability({ company: ctx.company, items, books: ctx.snapshot.books, location: ctx.location, date }, ctx.item);
  return qtyToNumber(result.ableToMakeTopItem);
}

export const TRACE_HEADER = ["Level", "Item No.", "Entry Type", "Posting Date", "Document No.", "Location", "Lot No.", "Serial No.", "Quantity", "Source Type", "Source No.", "Entry No.", "Already Traced"];

export function traceSpill(snapshot: StockSnapshot, request: PlanRequest): CellResult {
  const method = request.mode as TraceMethod;
  const rows = traceRows(snapshot.books, { lotNo: request.lot, serialNo: request.serial, direction: method });
  if (rows.length === 0) {
    const what = request.lot !== null ? `Lot ${request.lot}` : `Serial ${request.serial ?? ""}`;
    return notAvailable(`${what} does not exist`);
  }
  const cells = rows.map(({ level, entry, alreadyTraced, sourceType, sourceNo }): CellScalar[] => [
    level, entry.item, ENTRY_TYPE_CAPTION[entry.entryType], entry.postingDate, entry.documentNo, entry.location,
    entry.lotNo ?? "", entry.serialNo ?? "", qtyToNumber(entry.quantity), sourceType, sourceNo, entry.entryNo, alreadyTraced,
  ]);
  return withHeaders(request, TRACE_HEADER, cells);
}

/** The location a request names: `{ code: undefined }` = every location; an unknown code is #N/A. */
export function planLocation(company: Company, code: string): { code: string | undefined } | InvError {
  if (code === "") return { code: undefined };
  const found = company.locations.find((location) => location.code.toUpperCase() === code.toUpperCase());
  return found ? { code: found.code } : notAvailable(`Location ${code} does not exist`);
}

/** One item's answer; the caller has resolved the item and location. */
export function planForItem(request: PlanRequest, ctx: PlanContext): CellResult {
  switch (request.fn) {
    case "AVAILABLE":
      return available(ctx, request);
    case "PAB":
      return qtyToNumber(availabilityAt(ctx.company, { ...ctx, date: request.date ?? ctx.company.workDate }).projectedAvailableBalance);
    case "RESERVED":
      return reserved(ctx, request.mode as ReservedSide);
    case "LOTQTY":
      return lotQty(ctx, request);
    case "EXPIRY":
      return expiry(ctx, request);
    case "LOTS":
      return lots(ctx, request);
    case "AVAILBYPERIOD":
      return byPeriod(ctx, request);
    case "AVAILBYEVENT":
      return byEvent(ctx, request);
    case "ABLETOMAKE":
      return ableToMake(ctx, request);
    default:
      return notAvailable(`${request.fn} is not an item function`);
  }
}

/** Books a plan request reads: every book for the cross-item answers (trace, BOM), else the item's. */
export function planBooksWanted(request: PlanRequest, snapshot: StockSnapshot): string[] {
  if (request.fn === "TRACE" || request.fn === "ABLETOMAKE") return [...snapshot.items.values()].map((item) => item.no);
  const item = snapshot.items.get(request.item.toUpperCase());
  return item ? [item.no] : [];
}

/**
 * A plan answer depends on the item's book, and (open orders of assembly parents, BOMs, traces across items)
 * on the catalogue; trace and able-to-make read every book. Order lines and reservations live on the company,
 * whose planning state is part of the batcher's settings key.
 */
export function evaluatePlan(request: PlanRequest, snapshot: StockSnapshot, company: Company): { result: CellResult; items: string[] } {
  const all = [...snapshot.items.keys()];
  if (request.fn === "TRACE") return { result: traceSpill(snapshot, request), items: all };
  const item = snapshot.items.get(request.item.toUpperCase());
  if (!item) return { result: notAvailable(`Item ${request.item} does not exist`), items: [request.item.toUpperCase()] };
  const dependsOn = request.fn === "ABLETOMAKE" ? all : [item.no.toUpperCase()];
  const location = planLocation(company, request.location);
  if (location instanceof InvError) return { result: location, items: dependsOn };
  const ctx: PlanContext = { company, snapshot, item, book: snapshot.books.get(item.no), location: location.code, items: [...snapshot.items.values()] };
  return { result: planForItem(request, ctx), items: dependsOn };
}
