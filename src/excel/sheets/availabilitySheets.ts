/**
 * The availability sheets (excel.md §3.2): tblAvailPeriod, tblAvailEvent and tblAvailLocation, replace
 * refresh. Period and event rows come from the same evaluator as INV.AVAILBYPERIOD / INV.AVAILBYEVENT
 * (functions/planning.ts), so a sheet and a formula never disagree; location rows from the core's
 * availability at a date (inventory.md §11.1) for each location.
 */
import type { ItemBook } from "../../core/book";
import type { Company } from "../../core/company";
import { qtyToNumber } from "../../core/money";
import { availabilityAt } from "../../core/queries/availability";
import type { IsoDate, Item } from "../../core/types";
import { InvError } from "../../functions/cellErrors";
import type { StockSnapshot } from "../../functions/evaluate";
import { planRequest, type PeriodType, type PlanRequest } from "../../functions/planArguments";
import { evaluatePlan } from "../../functions/planning";
import type { CellValue, ColumnSpec, TableSpec, WorkbookPort, WriteOptions, WriteReport } from "../port";

export interface PlanSource {
  company: Company;
  items: readonly Item[];
  books: ReadonlyMap<string, ItemBook>;
}

export interface AvailabilitySheetOptions extends WriteOptions {
  stamp?: string;
}

export const AVAIL_PERIOD_TABLE = "tblAvailPeriod";
export const AVAIL_EVENT_TABLE = "tblAvailEvent";
export const AVAIL_LOCATION_TABLE = "tblAvailLocation";

const q = (header: string): ColumnSpec => ({ header, kind: "quantity" });

export const AVAIL_PERIOD_COLUMNS: ColumnSpec[] = [
  { header: "Period Start", kind: "date" }, { header: "Period End", kind: "date" }, q("Inventory"), q("Gross Requirement"),
  q("Scheduled Receipts"), q("Projected Available Balance"),
];
export const AVAIL_EVENT_COLUMNS: ColumnSpec[] = [
  { header: "Date", kind: "date" }, { header: "Event", kind: "text" }, { header: "Location", kind: "code" }, q("Gross Requirement"),
  q("Scheduled Receipts"), q("Projected Available Balance"),
];
export const AVAIL_LOCATION_COLUMNS: ColumnSpec[] = [
  { header: "Location Code", kind: "code" }, q("Qty. on Hand"), q("Gross Requirement"), q("Scheduled Receipts"),
  q("Projected Available Balance"), q("Available Inventory"),
];

function snapshotOf(source: PlanSource): StockSnapshot {
  const items = new Map(source.items.map((item) => [item.no.toUpperCase(), item]));
  return { company: source.company, items, allItems: true, books: new Map(source.books), booksRead: new Set(source.books.keys()) };
}

/** The evaluator's spill without its header; an error (unknown item or location) is thrown for the pane. */
function spillRows(source: PlanSource, request: PlanRequest): CellValue[][] {
  const { result } = evaluatePlan({ ...request, headers: false }, snapshotOf(source), source.company);
  if (result instanceof InvError) throw result;
  if (!Array.isArray(result)) throw new Error(`${request.fn} did not return rows`);
  return result;
}

function spec(table: string, sheet: string, title: string, parameters: string, columns: ColumnSpec[], rows: CellValue[][], stamp?: string): TableSpec {
  return { sheet, table, title, parameters, stamp, columns, rows, style: "output" };
}

export interface PeriodQuery {
  item: string;
  start: IsoDate;
  periodType: PeriodType;
  count: number;
  location: string;
}

export function availByPeriodSpec(source: PlanSource, query: PeriodQuery, stamp?: string): TableSpec {
  const request = planRequest("AVAILBYPERIOD", query.item, { date: query.start, mode: query.periodType, count: query.count, location: query.location });
  const parameters = `Item ${query.item} · ${query.count} × ${query.periodType} from ${query.start} · ${query.location || "all locations"}`;
  return spec(AVAIL_PERIOD_TABLE, "Avail by Period", "Item Availability by Periods", parameters, AVAIL_PERIOD_COLUMNS, spillRows(source, request), stamp);
}

export interface EventQuery {
  item: string;
  from: IsoDate | null;
  to: IsoDate | null;
  location: string;
}

export function availByEventSpec(source: PlanSource, query: EventQuery, stamp?: string): TableSpec {
  const request = planRequest("AVAILBYEVENT", query.item, { date: query.from, to: query.to, location: query.location });
  const rows = spillRows(source, request).map(([date, event, gross, receipts, balance]) => [date, event, query.location, gross, receipts, balance]);
  const parameters = `Item ${query.item} · ${query.from ?? "beginning"} to ${query.to ?? "end"} · ${query.location || "all locations"}`;
  return spec(AVAIL_EVENT_TABLE, "Avail by Event", "Item Availability by Event", parameters, AVAIL_EVENT_COLUMNS, rows, stamp);
}

/** One row per location at the date (transfers count per location), then a total row over all of them. */
export function availByLocationSpec(source: PlanSource, item: string, date: IsoDate, stamp?: string): TableSpec {
  const card = source.items.find((candidate) => candidate.no.toUpperCase() === item.toUpperCase());
  if (!card) throw new InvError("#N/A", `Item ${item} does not exist`);
  const row = (location: string | undefined, label: string): CellValue[] => {
    const a = availabilityAt(source.company, { item: card, book: source.books.get(card.no), location, date, items: source.items });
    return [label, ...[a.inventory, a.grossRequirement, a.scheduledReceipts, a.projectedAvailableBalance, a.availableInventory].map(qtyToNumber)];
  };
  const rows = [...source.company.locations.map((location) => row(location.code, location.code)), row(undefined, "Total")];
  return spec(AVAIL_LOCATION_TABLE, "Avail by Location", "Item Availability by Location", `Item ${card.no} · at ${date}`, AVAIL_LOCATION_COLUMNS, rows, stamp);
}

export function writeAvailabilitySheet(port: WorkbookPort, tableSpec: TableSpec, options: AvailabilitySheetOptions = {}): Promise<WriteReport> {
  return port.writeTable(tableSpec, options);
}
