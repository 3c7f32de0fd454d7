/**
 * The availability sheets (excel.md §3.2): tblAvailPeriod, tblAvailEvent, tblAvailLocation (and R2 tblAvailBOM), replace
 * refresh. Period and event rows come from the same evaluator as INV.AVAILBYPERIOD / INV.AVAILBYEVENT
 * (functions/planning.ts), so a sheet and a formula never disagree; location rows from the core's
 * availability at a date (inventory.md §11.1) for each location.
 */
import type { ItemBook } from "../../core/book";
import type { Company } from "../../core/company";
import { qtyToNumber } from "../../core/money";
import { availabilityAt, availabilityByPeriod } from "../../core/queries/availability";
import { bomAvailability } from "../../core/queries/bomAvailability";
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
  q("Scheduled Receipts"), q("Projected Available Balance"), q("Qty. on Purch. Order"), q("Qty. on Sales Order"),
  q("Trans. Ord. Receipt (Qty.)"), q("Trans. Ord. Shipment (Qty.)"), q("Qty. on Assembly Order"), q("Qty. on Asm. Component"), q("Reserved"),
];
export const AVAIL_EVENT_COLUMNS: ColumnSpec[] = [
  { header: "Date", kind: "date" }, { header: "Event", kind: "text" }, { header: "Source Document", kind: "code" },
  { header: "Location", kind: "code" }, q("Gross Requirement"), q("Scheduled Receipts"), q("Projected Available Balance"), q("Reserved"),
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

/** The by-source columns of each period (the core's breakdown of the same events the formula sums). */
function periodBreakdown(source: PlanSource, query: PeriodQuery): CellValue[][] {
  const card = source.items.find((candidate) => candidate.no.toUpperCase() === query.item.toUpperCase());
  if (!card) return [];
  const location = source.company.locations.find((l) => l.code.toUpperCase() === query.location.toUpperCase())?.code;
  const availabilityQuery = { item: card, book: source.books.get(card.no), location, items: source.items };
  return availabilityByPeriod(source.company, availabilityQuery, query.periodType, query.start, query.count).map((line) =>
    [line.purchaseOrders, line.salesOrders, line.transferReceipts, line.transferShipments, line.assemblyOutput, line.assemblyComponents, line.reserved].map(qtyToNumber),
  );
}

export function availByPeriodSpec(source: PlanSource, query: PeriodQuery, stamp?: string): TableSpec {
  const request = planRequest("AVAILBYPERIOD", query.item, { date: query.start, mode: query.periodType, count: query.count, location: query.location });
  const parameters = `Item ${query.item} · ${query.count} × ${query.periodType} from ${query.start} · ${query.location || "all locations"}`;
  const bySource = periodBreakdown(source, query);
  const rows = spillRows(source, request).map((row, i) => [...row, ...(bySource[i] ?? [])]);
  return spec(AVAIL_PERIOD_TABLE, "Avail by Period", "Item Availability by Periods", parameters, AVAIL_PERIOD_COLUMNS, rows, stamp);
}

export interface EventQuery {
  item: string;
  from: IsoDate | null;
  to: IsoDate | null;
  location: string;
}

export function availByEventSpec(source: PlanSource, query: EventQuery, stamp?: string): TableSpec {
  const request = planRequest("AVAILBYEVENT", query.item, { date: query.from, to: query.to, location: query.location });
  const rows = spillRows(source, request);
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

export const AVAIL_BOM_TABLE = "tblAvailBOM";
export const AVAIL_BOM_COLUMNS: ColumnSpec[] = [
  { header: "Level", kind: "integer" }, { header: "Item No.", kind: "code" }, q("Available Quantity"), q("Able to Make Parent"),
  q("Able to Make Top Item"), { header: "Bottleneck", kind: "boolean" },
];

export interface BomQuery {
  item: string;
  date: IsoDate;
  location: string;
}

/**
 * Availability by BOM level (R2, inventory.md §14.4): the top line (level 0, how many can be made, its
 * bottleneck marked on the component line), then the BOM lines depth-first with their level.
 */
export function availByBomSpec(source: PlanSource, query: BomQuery, stamp?: string): TableSpec {
  const card = source.items.find((candidate) => candidate.no.toUpperCase() === query.item.toUpperCase());
  if (!card) throw new InvError("#N/A", `Item ${query.item} does not exist`);
  if (!card.assemblyBOM?.some((line) => line.item)) throw new InvError("#N/A", `Item ${card.no} has no assembly BOM`);
  const location = query.location === "" ? undefined : source.company.locations.find((l) => l.code.toUpperCase() === query.location.toUpperCase())?.code;
  if (query.location !== "" && location === undefined) throw new InvError("#N/A", `Location ${query.location} does not exist`);
  const items = new Map(source.items.map((item) => [item.no, item]));
  const result = bomAvailability({ company: source.company, items, books: source.books, location, date: query.date }, card);
  const levels = bomLevels(card, items);
  const able = qtyToNumber(result.ableToMakeTopItem);
  const rows: CellValue[][] = [[0, card.no, null, able, able, false]];
  result.lines.forEach((line, i) => {
    rows.push([levels[i] ?? 1, line.item, ...[line.availableQuantity, line.ableToMakeParent, line.ableToMakeTopItem].map(qtyToNumber), line.bottleneck]);
  });
  const parameters = `Item ${card.no} · at ${query.date} · ${query.location || "all locations"} · bottleneck ${result.bottleneck ?? "none"}`;
  return spec(AVAIL_BOM_TABLE, "Avail by BOM Level", "Item Availability by BOM Level", parameters, AVAIL_BOM_COLUMNS, rows, stamp);
}

/** The depth of each item line, in the same depth-first BOM order as the core's lines. */
function bomLevels(parent: Item, items: ReadonlyMap<string, Item>, level = 1, out: number[] = []): number[] {
  for (const bom of parent.assemblyBOM ?? []) {
    if (!bom.item) continue;
    out.push(level);
    const component = items.get(bom.item);
    if (component?.assemblyBOM?.some((b) => b.item)) bomLevels(component, items, level + 1, out);
  }
  return out;
}

export function writeAvailabilitySheet(port: WorkbookPort, tableSpec: TableSpec, options: AvailabilitySheetOptions = {}): Promise<WriteReport> {
  return port.writeTable(tableSpec, options);
}
