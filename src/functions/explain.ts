/**
 * INV.EXPLAIN (excel.md §1.2): the entries behind one scalar function, from the same core queries that
 * function uses, ending with a Total row equal to its result. Kinds and their rows:
 *  - VALUE, COGS: value entries (valuation.ts valueEntriesAt / cogsEntriesBetween); with "adjusted", the
 *    dry run's new entries have a blank Entry No. and the note "simulated adjustment". COGS rows show the
 *    COGS amount (minus the entry's cost), so they add up to INV.COGS.
 *  - QTY, LOTQTY: item ledger entries (itemEntriesAt); LOTQTY takes its lot from `lot=` in options.
 *  - PAB: the Inventory row, then each demand or supply due by the date (availability events, §11.1).
 *  - AVAILABLE: on hand, each reservation on inventory, each expired lot held back (strict expiration).
 *  - RESERVED: each reservation on inventory at the location.
 *  - GLDIFF: manual G/L entries and value entries not posted (glDifference.ts lines).
 */
import type { ItemBook } from "../core/book";
import type { Company } from "../core/company";
import { moneyToNumber, qtyToNumber, type Qty } from "../core/money";
import { availabilityEvents, currentInventory } from "../core/queries/availability";
import { cogsEntriesBetween, itemEntriesAt, valueEntriesAt, valueEntryCost } from "../core/queries/valuation";
import { entryOf } from "../core/queries/entryLookup";
import type { Item, ValueEntry } from "../core/types";
import { ENTRY_TYPE_CAPTION } from "../excel/sheets/captions";
import { InvError, invalidValue, notAvailable, type CellResult, type CellScalar } from "./cellErrors";
import { isFilter } from "./codeFilter";
import type { StockSnapshot } from "./evaluate";
import type { ExplainKind, LedgerRequest } from "./ledgerArguments";
import { capped, eachBook, glDifferenceOf, scopeOf, valueFilterOf, withHeaders, type LedgerEvaluation, type Scope, type Spill } from "./ledgerEval";
import { planLocation } from "./planning";

export const EXPLAIN_VALUE_HEADER = ["Entry No.", "Posting Date", "Valuation Date", "ILE No.", "ILE Type", "Location", "ILE Quantity", "Cost Amount", "Note"];
export const EXPLAIN_COGS_HEADER = [...EXPLAIN_VALUE_HEADER.slice(0, 7), "COGS Amount", "Note"];
export const EXPLAIN_ENTRY_HEADER = ["Entry No.", "Posting Date", "Entry Type", "Document No.", "Location", "Lot No.", "Serial No.", "Quantity"];
export const EXPLAIN_PAB_HEADER = ["Date", "Event", "Source Document", "Location", "Gross Requirement", "Scheduled Receipts", "Quantity"];
export const EXPLAIN_AVAILABLE_HEADER = ["Source", "Entry No.", "Lot No.", "Serial No.", "Expiration Date", "Quantity"];
export const EXPLAIN_RESERVED_HEADER = ["Reservation No.", "Demand", "Supply", "Entry No.", "Lot No.", "Serial No.", "Quantity"];
export const EXPLAIN_GLDIFF_HEADER = ["Source", "Account", "Posting Date", "Entry No.", "Document No.", "Item No.", "Amount"];

/** A Total row under `width` columns with `amount` in column `at`. */
function totalRow(width: number, values: Record<number, CellScalar>): CellScalar[] {
  return Array.from({ length: width }, (_, at) => (at === 0 ? "Total" : (values[at] ?? "")));
}

function valueNote(value: ValueEntry, simulated: boolean): string {
  if (simulated) return "simulated adjustment";
  return value.itemChargeNo !== null ? `item charge ${value.documentNo}` : "";
}

function valueRows(request: LedgerRequest, snapshot: StockSnapshot, company: Company, scope: Scope): CellResult {
  const cogs = request.mode === "COGS";
  const asOf = request.to ?? company.workDate;
  const rows: Spill = [];
  let quantity: Qty = 0;
  let amount = 0;
  eachBook(scope, snapshot, company, request.basis, (book, location, item) => {
    // Entries the dry run created are not in the posted book: they are the simulated adjustments.
    const posted = new Set(snapshot.books.get(item.no)?.values.map((value) => value.entryNo) ?? []);
    const filter = valueFilterOf(request.options, location, cogs ? undefined : asOf);
    const values = cogs ? cogsEntriesBetween(book, { from: request.from, to: asOf }, filter) : valueEntriesAt(book, filter);
    for (const value of values) {
      const simulated = !posted.has(value.entryNo);
      const cost = (cogs ? -1 : 1) * valueEntryCost(value, filter);
      const entry = entryOf(book, value.itemLedgerEntryNo);
      [quantity, amount] = [quantity + value.itemLedgerEntryQuantity, amount + cost];
      rows.push([
        simulated ? "" : value.entryNo, value.postingDate, value.valuationDate, value.itemLedgerEntryNo,
        ENTRY_TYPE_CAPTION[value.itemLedgerEntryType], entry?.location ?? value.location, qtyToNumber(value.itemLedgerEntryQuantity),
        moneyToNumber(cost), valueNote(value, simulated),
      ]);
    }
  });
  rows.push(totalRow(9, { 6: qtyToNumber(quantity), 7: moneyToNumber(amount) }));
  return capped(withHeaders(request.headers, cogs ? EXPLAIN_COGS_HEADER : EXPLAIN_VALUE_HEADER, rows), 9);
}

function entryRows(request: LedgerRequest, snapshot: StockSnapshot, company: Company, scope: Scope): CellResult {
  const lot = request.options.lot;
  const serial = request.options.serial;
  if (request.mode === "LOTQTY") {
    if (lot === null && serial === null) return invalidValue("LOTQTY needs lot= (or serial=) in options");
    const item = scope.items[0];
    const known = snapshot.books.get(item.no)?.entries.some((e) => (lot === null || e.lotNo === lot) && (serial === null || e.serialNo === serial));
    if (!known) return notAvailable(`${lot !== null ? `Lot ${lot}` : `Serial ${serial ?? ""}`} does not exist for item ${item.no}`);
  }
  const rows: Spill = [];
  let quantity: Qty = 0;
  // Quantities never depend on the basis: the posted book.
  eachBook(scope, snapshot, company, "posted", (book, location) => {
    for (const entry of itemEntriesAt(book, valueFilterOf(request.options, location, request.to ?? company.workDate))) {
      quantity += entry.quantity;
      rows.push([
        entry.entryNo, entry.postingDate, ENTRY_TYPE_CAPTION[entry.entryType], entry.documentNo, entry.location,
        entry.lotNo ?? "", entry.serialNo ?? "", qtyToNumber(entry.quantity),
      ]);
    }
  });
  rows.sort((a, b) => Number(a[0]) - Number(b[0]));
  rows.push(totalRow(8, { 7: qtyToNumber(quantity) }));
  return capped(withHeaders(request.headers, EXPLAIN_ENTRY_HEADER, rows), 8);
}

interface PlanScope {
  item: Item;
  book: ItemBook | undefined;
  location: string | undefined;
  items: Item[];
}

function pabRows(request: LedgerRequest, company: Company, scope: PlanScope): CellResult {
  if (request.to === null) return invalidValue("date is required");
  const inventory = currentInventory(scope);
  const rows: Spill = [["", "Inventory", "", scope.location ?? "", 0, 0, qtyToNumber(inventory)]];
  let balance = inventory;
  // The same events INV.PAB sums (availabilityAt): due on or before the date, past due included.
  for (const event of availabilityEvents(company, scope)) {
    if (event.date > request.to) break;
    balance += event.receipt - event.requirement;
    rows.push([event.date, event.kind, event.sourceDocument, event.location, qtyToNumber(event.requirement), qtyToNumber(event.receipt), qtyToNumber(event.receipt - event.requirement)]);
  }
  rows.push(totalRow(7, { 6: qtyToNumber(balance) }));
  return withHeaders(request.headers, EXPLAIN_PAB_HEADER, rows);
}

/** Reservations on inventory entries at the location (availability.ts reservedOnInventory). */
function inventoryReservations(company: Company, scope: PlanScope) {
  return (company.reservations ?? []).filter((r) => {
    if (r.item !== scope.item.no || r.inboundEntryNo === null) return false;
    const entry = scope.book ? entryOf(scope.book, r.inboundEntryNo) : undefined;
    return entry !== undefined && (scope.location === undefined || entry.location === scope.location);
  });
}

function availableRows(request: LedgerRequest, company: Company, scope: PlanScope): CellResult {
  const asOf = request.to ?? company.workDate;
  let free = currentInventory(scope);
  const rows: Spill = [["On hand", "", "", "", "", qtyToNumber(free)]];
  for (const r of inventoryReservations(company, scope)) {
    free -= r.quantity;
    rows.push([`Reserved for ${r.demand}`, r.inboundEntryNo ?? "", r.lotNo ?? "", r.serialNo ?? "", "", -qtyToNumber(r.quantity)]);
  }
  // Strict expiration posting (inventory.md §10.3): unreserved stock of lots expired at asOf cannot go out.
  if (scope.item.strictExpirationPosting && !request.includeExpired) {
    for (const entry of scope.book?.entries ?? []) {
      if (!entry.positive || entry.remainingQuantity <= 0 || entry.expirationDate === null || entry.expirationDate >= asOf) continue;
      if (scope.location !== undefined && entry.location !== scope.location) continue;
      const reserved = (company.reservations ?? []).filter((r) => r.inboundEntryNo === entry.entryNo).reduce((s, r) => s + r.quantity, 0);
      const held = Math.max(0, entry.remainingQuantity - reserved);
      free -= held;
      rows.push(["Expired lot", entry.entryNo, entry.lotNo ?? "", entry.serialNo ?? "", entry.expirationDate, -qtyToNumber(held)]);
    }
  }
  rows.push(totalRow(6, { 5: qtyToNumber(free) }));
  return withHeaders(request.headers, EXPLAIN_AVAILABLE_HEADER, rows);
}

function reservedRows(request: LedgerRequest, company: Company, scope: PlanScope): CellResult {
  let total: Qty = 0;
  const rows: Spill = inventoryReservations(company, scope).map((r) => {
    total += r.quantity;
    return [r.entryNo, r.demand, r.supply, r.inboundEntryNo ?? "", r.lotNo ?? "", r.serialNo ?? "", qtyToNumber(r.quantity)];
  });
  rows.push(totalRow(7, { 6: qtyToNumber(total) }));
  return withHeaders(request.headers, EXPLAIN_RESERVED_HEADER, rows);
}

/** PAB, AVAILABLE, RESERVED take one item and one location, like their functions (planning.ts). */
function planKind(request: LedgerRequest, snapshot: StockSnapshot, company: Company, kind: ExplainKind): LedgerEvaluation {
  const base = { items: [request.item.toUpperCase()], catalog: true, ledgerWide: false };
  if (isFilter(request.item) || (request.location !== "" && isFilter(request.location)))
    return { ...base, result: invalidValue(`item and location must be single codes to explain ${kind}`) };
  const item = snapshot.items.get(request.item.toUpperCase());
  if (!item) return { ...base, result: notAvailable(`Item ${request.item} does not exist`) };
  const location = planLocation(company, request.location);
  if (location instanceof InvError) return { ...base, result: location };
  const scope: PlanScope = { item, book: snapshot.books.get(item.no), location: location.code, items: [...snapshot.items.values()] };
  const rows = kind === "PAB" ? pabRows(request, company, scope) : kind === "AVAILABLE" ? availableRows(request, company, scope) : reservedRows(request, company, scope);
  return { ...base, items: [item.no.toUpperCase()], result: rows };
}

function glRows(request: LedgerRequest, snapshot: StockSnapshot, company: Company): LedgerEvaluation {
  const difference = glDifferenceOf(request, snapshot, company);
  const base = { items: [], catalog: true, ledgerWide: true };
  if (difference instanceof InvError) return { ...base, result: difference };
  const rows: Spill = difference.lines.map((line) => [
    line.kind, line.account, line.postingDate, line.entryNo, line.documentNo, line.item ?? "", moneyToNumber(line.amount),
  ]);
  rows.push(totalRow(7, { 6: moneyToNumber(difference.difference) }));
  return { ...base, result: capped(withHeaders(request.headers, EXPLAIN_GLDIFF_HEADER, rows), 7) };
}

/** INV.EXPLAIN's answer for one request (kind in `request.mode`). */
export function explainLedger(request: LedgerRequest, snapshot: StockSnapshot, company: Company): LedgerEvaluation {
  const kind = request.mode as ExplainKind;
  if (kind === "GLDIFF") return glRows(request, snapshot, company);
  if (kind === "PAB" || kind === "AVAILABLE" || kind === "RESERVED") return planKind(request, snapshot, company, kind);
  const scope = scopeOf(request, snapshot, company);
  const catalog = isFilter(request.item);
  if (scope instanceof InvError) return { result: scope, items: [request.item.toUpperCase()], catalog, ledgerWide: false };
  if (kind === "LOTQTY" && scope.items.length !== 1) return { result: invalidValue("item must be a single code to explain LOTQTY"), items: [], catalog, ledgerWide: false };
  const items = scope.items.map((item) => item.no.toUpperCase());
  const result = kind === "VALUE" || kind === "COGS" ? valueRows(request, snapshot, company, scope) : entryRows(request, snapshot, company, scope);
  return { result, items, catalog, ledgerWide: false };
}
