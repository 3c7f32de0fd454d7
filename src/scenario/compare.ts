/**
 * Expectations of a scenario against the engine's ledgers (scenarios/FORMAT.md "Expectations"):
 * amounts, unit costs and quantities are compared as scaled integers after rounding the engine's
 * figure to the setup precision; the first mismatch is reported with its path.
 */
import type { ItemBook } from "../core/book";
import type { Company } from "../core/company";
import { effectiveAttributes, searchItems, type AttributeFilter } from "../core/inventory/attributes";
import { indexOf } from "../core/ledger/bookIndex";
import { money, qty, roundToStep, unitCost, unitCostOf } from "../core/money";
import { availabilityAt, availabilityByPeriod, availabilityEvents, currentInventory } from "../core/queries/availability";
import { bomAvailability } from "../core/queries/bomAvailability";
import { quantityAt, valueAt } from "../core/queries/stock";
import { traceItem, type TraceNode, type TraceQuery } from "../core/queries/trace";
import { reconciliationDifference } from "../core/gl/reconcile";
import type { AverageCostPeriod, Item, ItemLedgerEntry, ValueEntry } from "../core/types";

export interface LedgerView {
  company: Company;
  items: Map<string, Item>;
  books: Map<string, ItemBook>;
  /** The last step's date: the default `date` of availability rows. */
  lastDate: string;
  /** Errors of the most recent importItems step. */
  importErrors: { row: number; field: string; message: string }[];
}

type Kind = "money" | "qty" | "unitCost" | "raw";

const KINDS: Record<string, Kind> = {
  quantity: "qty", remainingQuantity: "qty", invoicedQuantity: "qty", valuedQuantity: "qty", itemLedgerEntryQuantity: "qty",
  inventory: "qty", grossRequirement: "qty", scheduledReceipts: "qty", reserved: "qty", projectedAvailableBalance: "qty",
  availableInventory: "qty", projectedInventory: "qty", availableQuantity: "qty", ableToMakeParent: "qty", ableToMakeTopItem: "qty",
  costAmountActual: "money", costAmountExpected: "money", costAmountNonInventoriable: "money", costPostedToGL: "money", expectedCostPostedToGL: "money",
  inventoryValue: "money", value: "money", balance: "money", difference: "money",
  costPerUnit: "unitCost", unitCost: "unitCost", standardCost: "unitCost", unitPrice: "unitCost",
};

export class Mismatch extends Error {}

function scaled(kind: Kind, value: number): number {
  return kind === "money" ? money(value) : kind === "qty" ? qty(value) : unitCost(value);
}

function display(kind: Kind, value: number): string {
  const scale = kind === "money" ? 100 : 100_000;
  return String(value / scale);
}

function compareField(view: LedgerView, path: string, field: string, expected: unknown, actual: unknown): void {
  const kind = KINDS[field] ?? "raw";
  if (kind !== "raw" && typeof expected === "number" && typeof actual === "number") {
    const setup = view.company.inventorySetup;
    const rounded = kind === "money" ? roundToStep(actual, setup.amountRoundingPrecision)
      : kind === "unitCost" ? roundToStep(actual, setup.unitAmountRoundingPrecision) : actual;
    if (scaled(kind, expected) !== rounded) throw new Mismatch(`${path}.${field} expected ${expected} actual ${display(kind, rounded)}`);
    return;
  }
  const normal = (v: unknown): unknown => (v === undefined || v === "" ? null : v);
  if (stableText(normal(expected)) !== stableText(normal(actual))) {
    throw new Mismatch(`${path}.${field} expected ${JSON.stringify(expected)} actual ${JSON.stringify(actual ?? null)}`);
  }
}

/** JSON text with object keys sorted: objects such as attribute sets compare as sets. */
function stableText(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

function compareRow(view: LedgerView, path: string, expected: Record<string, unknown>, actual: Record<string, unknown>): void {
  for (const [field, value] of Object.entries(expected)) compareField(view, path, field, value, actual[field]);
}

function allEntries(view: LedgerView): Map<number, { entry: ItemLedgerEntry; book: ItemBook }> {
  const map = new Map<number, { entry: ItemLedgerEntry; book: ItemBook }>();
  for (const book of view.books.values()) for (const entry of book.entries) map.set(entry.entryNo, { entry, book });
  return map;
}

function entryRow(book: ItemBook, entry: ItemLedgerEntry): Record<string, unknown> {
  const cost = indexOf(book).values.get(entry.entryNo) ?? [];
  return {
    ...entry,
    costAmountActual: cost.reduce((s, v) => s + v.costAmountActual, 0),
    costAmountExpected: cost.reduce((s, v) => s + v.costAmountExpected, 0),
  };
}

function valueRow(value: ValueEntry): Record<string, unknown> {
  const total = value.costAmountActual + value.costAmountExpected;
  return { ...value, costPerUnit: value.valuedQuantity === 0 ? undefined : unitCostOf(total, value.valuedQuantity) };
}

function checkEntries(view: LedgerView, rows: Record<string, unknown>[], path: string): void {
  const entries = allEntries(view);
  for (const row of rows) {
    const found = entries.get(row.entryNo as number);
    const here = `${path}[entryNo=${row.entryNo}]`;
    if (!found) throw new Mismatch(`${here} expected an entry actual none`);
    compareRow(view, here, row, entryRow(found.book, found.entry));
  }
}

function checkValues(view: LedgerView, rows: Record<string, unknown>[], path: string): void {
  const byNo = new Map<number, ValueEntry>();
  for (const book of view.books.values()) for (const v of book.values) byNo.set(v.entryNo, v);
  const seen = new Map<number, number>();
  for (const row of rows) {
    let value: ValueEntry | undefined;
    let here: string;
    if (row.entryNo !== undefined) {
      value = byNo.get(row.entryNo as number);
      here = `${path}[entryNo=${row.entryNo}]`;
    } else {
      const ile = row.itemLedgerEntryNo as number;
      const k = seen.get(ile) ?? 0;
      seen.set(ile, k + 1);
      const owner = [...view.books.values()].find((b) => indexOf(b).entry.has(ile));
      value = owner ? indexOf(owner).values.get(ile)?.[k] : undefined;
      here = `${path}[itemLedgerEntryNo=${ile}#${k + 1}]`;
    }
    if (!value) throw new Mismatch(`${here} expected a value entry actual none`);
    const actual = valueRow(value);
    const expected = { ...row };
    if (value.valuedQuantity === 0) delete expected.costPerUnit;
    compareRow(view, here, expected, actual);
  }
}

function checkApplications(view: LedgerView, rows: Record<string, unknown>[], path: string): void {
  const all = [...view.books.values()].flatMap((b) => b.applications);
  for (const row of rows) {
    const here = `${path}[inbound=${row.inboundEntryNo},outbound=${row.outboundEntryNo}]`;
    const candidates = all.filter((a) => a.inboundEntryNo === row.inboundEntryNo && a.outboundEntryNo === row.outboundEntryNo
      && (row.itemLedgerEntryNo === undefined || a.itemLedgerEntryNo === row.itemLedgerEntryNo));
    if (candidates.length === 0) throw new Mismatch(`${here} expected an application actual none`);
    const errors: string[] = [];
    for (const candidate of candidates) {
      try {
        compareRow(view, here, row, { ...candidate });
        errors.length = 0;
        break;
      } catch (error) {
        errors.push((error as Error).message);
      }
    }
    if (errors.length > 0) throw new Mismatch(errors[0]);
  }
}

function itemRow(view: LedgerView, no: string): Record<string, unknown> {
  const item = view.items.get(no);
  if (!item) return { no, exists: false };
  const book = view.books.get(no);
  const inventoriable = item.type === "Inventory";
  return {
    ...item,
    exists: true,
    inventory: book && inventoriable ? quantityAt(book) : 0,
    inventoryValue: book && inventoriable ? valueAt(book, { includeExpected: true }) : 0,
    unitCost: item.costingMethod === "Standard" ? item.standardCost : (book?.unitCost ?? item.unitCost),
    attributes: effectiveAttributes(view.company, item),
    createdFromNonstock: item.createdFromNonstock ?? false,
    costIsAdjusted: book?.costIsAdjusted ?? true,
  };
}

function byLocationRow(view: LedgerView, row: Record<string, unknown>): Record<string, unknown> {
  const book = view.books.get(row.item as string);
  const filter = { location: row.location as string, variant: row.variant === undefined ? undefined : (row.variant as string) };
  return { ...row, quantity: book ? quantityAt(book, filter) : 0, value: book ? valueAt(book, { ...filter, includeExpected: true }) : 0 };
}

function byLotRow(view: LedgerView, row: Record<string, unknown>): Record<string, unknown> {
  const book = view.books.get(row.item as string);
  const matches = (e: ItemLedgerEntry): boolean =>
    e.inventoriable && (row.lotNo === undefined || e.lotNo === row.lotNo) && (row.serialNo === undefined || e.serialNo === row.serialNo)
    && (row.location === undefined || e.location === row.location) && (row.variant === undefined || e.variant === row.variant);
  const entries = (book?.entries ?? []).filter(matches);
  // A lot's expiration date is the one its stock carries; with nothing on hand, the last one it had.
  const dated = entries.filter((e) => e.positive && e.open).at(-1) ?? entries.filter((e) => e.positive).at(-1);
  return {
    ...row,
    quantity: entries.reduce((s, e) => s + e.quantity, 0),
    expirationDate: dated?.expirationDate ?? null,
  };
}

function availabilityRow(view: LedgerView, row: Record<string, unknown>): Record<string, unknown> {
  const item = view.items.get(row.item as string);
  if (!item) return { ...row, exists: false };
  const figures = availabilityAt(view.company, {
    item,
    book: view.books.get(item.no),
    location: row.location as string | undefined,
    date: (row.date as string | undefined) ?? view.lastDate,
    items: [...view.items.values()],
  });
  return { ...row, ...figures };
}

function availabilityQuery(view: LedgerView, row: Record<string, unknown>, location?: string) {
  const item = view.items.get(row.item as string);
  if (!item) throw new Mismatch(`item ${row.item} expected to exist actual none`);
  return { item, book: view.books.get(item.no), location, items: [...view.items.values()] };
}

function compareLines(view: LedgerView, path: string, expected: Record<string, unknown>[], actual: Record<string, unknown>[]): void {
  expected.forEach((line, i) => {
    if (!actual[i]) throw new Mismatch(`${path}[${i}] expected a line actual none`);
    compareRow(view, `${path}[${i}]`, line, actual[i]);
  });
  if (actual.length !== expected.length) throw new Mismatch(`${path} expected ${expected.length} lines actual ${actual.length}`);
}

function checkAvailabilityViews(view: LedgerView, expect: Record<string, unknown>, path: string): void {
  const list = (key: string) => (expect[key] ?? []) as Record<string, unknown>[];
  for (const row of list("availabilityByPeriod")) {
    const expected = row.periods as Record<string, unknown>[];
    const query = availabilityQuery(view, row, row.location as string | undefined);
    const actual = availabilityByPeriod(view.company, query, row.periodType as AverageCostPeriod, row.from as string, expected.length);
    const periodPath = `${path}.availabilityByPeriod[item=${row.item},periodType=${row.periodType}].periods`;
    expected.forEach((line, i) => compareRow(view, `${periodPath}[${i}]`, line, { ...actual[i] }));
  }
  for (const row of list("availabilityByEvent")) {
    const query = availabilityQuery(view, row, row.location as string | undefined);
    let balance = currentInventory(query);
    const lines: Record<string, unknown>[] = [{ type: "Inventory", projectedInventory: balance }];
    for (const event of availabilityEvents(view.company, query)) {
      const last = lines[lines.length - 1];
      balance += event.receipt - event.requirement;
      if (last.date === event.date) {
        last.grossRequirement = (last.grossRequirement as number) + event.requirement;
        last.scheduledReceipts = (last.scheduledReceipts as number) + event.receipt;
        last.projectedInventory = balance;
      } else lines.push({ date: event.date, grossRequirement: event.requirement, scheduledReceipts: event.receipt, projectedInventory: balance });
    }
    compareLines(view, `${path}.availabilityByEvent[item=${row.item}].lines`, row.lines as Record<string, unknown>[], lines);
  }
  for (const row of list("availabilityByLocation")) {
    for (const line of row.lines as Record<string, unknown>[]) {
      const query = availabilityQuery(view, row, line.location as string);
      const figures = availabilityAt(view.company, { ...query, date: (row.date as string | undefined) ?? view.lastDate });
      compareRow(view, `${path}.availabilityByLocation[item=${row.item},location=${line.location}]`, line, { ...line, ...figures });
    }
  }
}

function valueAtDateRow(view: LedgerView, row: Record<string, unknown>): Record<string, unknown> {
  const book = view.books.get(row.item as string);
  const filter = {
    asOf: row.date as string,
    location: row.location as string | undefined,
    variant: row.variant as string | undefined,
    includeExpected: row.includeExpected === true,
  };
  return { ...row, quantity: book ? quantityAt(book, filter) : 0, value: book ? valueAt(book, filter) : 0 };
}

/** Open reservations summed per demand, supply and number, compared as the complete set. */
function checkReservations(view: LedgerView, rows: Record<string, unknown>[], path: string): void {
  const actual = new Map<string, Record<string, unknown>>();
  for (const r of view.company.reservations ?? []) {
    const key = JSON.stringify([r.demand, r.supply, r.lotNo, r.serialNo]);
    const row = actual.get(key) ?? { demand: r.demand, supply: r.supply, quantity: 0, lotNo: r.lotNo, serialNo: r.serialNo };
    row.quantity = (row.quantity as number) + r.quantity;
    actual.set(key, row);
  }
  const remaining = [...actual.values()];
  for (const row of rows) {
    const here = `${path}[demand=${row.demand},supply=${row.supply}]`;
    const index = remaining.findIndex((a) => a.demand === row.demand && a.supply === row.supply && (row.lotNo === undefined || a.lotNo === row.lotNo));
    if (index < 0) throw new Mismatch(`${here} expected a reservation actual none`);
    compareRow(view, here, row, remaining[index]);
    remaining.splice(index, 1);
  }
  if (remaining.length > 0) throw new Mismatch(`${path} expected ${rows.length} reservations actual ${rows.length + remaining.length}`);
}

function compareTraceNode(view: LedgerView, path: string, expected: Record<string, unknown>, actual: TraceNode | undefined): void {
  if (!actual) throw new Mismatch(`${path} expected entry ${expected.entryNo} actual none`);
  const { children, ...fields } = expected;
  compareRow(view, path, fields, { ...actual });
  if (children === undefined) return;
  const list = children as Record<string, unknown>[];
  list.forEach((child, i) => compareTraceNode(view, `${path}.children[${i}]`, child, actual.children[i]));
  if (actual.children.length !== list.length) throw new Mismatch(`${path}.children expected ${list.length} actual ${actual.children.length}`);
}

function checkTraces(view: LedgerView, rows: Record<string, unknown>[], path: string): void {
  rows.forEach((row, i) => {
    const trees = traceItem(view.books, row as unknown as TraceQuery);
    const expected = (row.roots as Record<string, unknown>[] | undefined) ?? [row.tree as Record<string, unknown>];
    const here = `${path}[${i}]`;
    expected.forEach((root, k) => compareTraceNode(view, `${here}.roots[${k}]`, root, trees[k]));
    if (trees.length !== expected.length) throw new Mismatch(`${here} expected ${expected.length} roots actual ${trees.length}`);
  });
}

export function checkExpectations(view: LedgerView, expect: Record<string, unknown>, path: string): void {
  const rows = (key: string): Record<string, unknown>[] => {
    const value = expect[key];
    return (Array.isArray(value) ? value : value === undefined ? [] : [value]) as Record<string, unknown>[];
  };
  checkEntries(view, rows("itemLedgerEntries"), `${path}.itemLedgerEntries`);
  checkValues(view, rows("valueEntries"), `${path}.valueEntries`);
  checkApplications(view, rows("applications"), `${path}.applications`);
  for (const row of rows("items")) compareRow(view, `${path}.items[no=${row.no}]`, row, itemRow(view, row.no as string));
  for (const row of rows("inventoryByLocation")) {
    compareRow(view, `${path}.inventoryByLocation[item=${row.item},location=${row.location}]`, row, byLocationRow(view, row));
  }
  for (const row of rows("inventoryByLot")) {
    compareRow(view, `${path}.inventoryByLot[item=${row.item},lotNo=${row.lotNo ?? row.serialNo}]`, row, byLotRow(view, row));
  }
  if (expect.reservations !== undefined) checkReservations(view, rows("reservations"), `${path}.reservations`);
  checkAvailabilityViews(view, expect, path);
  checkTraces(view, rows("trace"), `${path}.trace`);
  if (expect.importErrors !== undefined) {
    compareLines(view, `${path}.importErrors`, rows("importErrors"), view.importErrors.map((e) => ({ ...e })));
  }
  for (const row of rows("bomAvailability")) {
    const item = view.items.get(row.item as string);
    if (!item) throw new Mismatch(`${path}.bomAvailability[item=${row.item}] expected an item actual none`);
    const context = { company: view.company, items: view.items, books: view.books, location: row.location as string | undefined, date: (row.date as string | undefined) ?? view.lastDate };
    const actual = bomAvailability(context, item);
    const here = `${path}.bomAvailability[item=${row.item}]`;
    const { lines, ...fields } = row;
    compareRow(view, here, fields, { ...fields, ableToMakeTopItem: actual.ableToMakeTopItem, bottleneck: actual.bottleneck });
    if (lines) compareLines(view, `${here}.lines`, lines as Record<string, unknown>[], actual.lines.map((l) => ({ ...l })));
  }
  rows("itemSearch").forEach((row, i) => {
    const found = searchItems(view.company, [...view.items.values()], row.filters as AttributeFilter[]);
    compareRow(view, `${path}.itemSearch[${i}]`, { items: row.items }, { items: found });
  });
  for (const row of rows("availability")) {
    compareRow(view, `${path}.availability[item=${row.item},location=${row.location ?? "*"}]`, row, availabilityRow(view, row));
  }
  for (const row of rows("valueAtDate")) {
    compareRow(view, `${path}.valueAtDate[item=${row.item},date=${row.date}]`, row, valueAtDateRow(view, row));
  }
  for (const row of rows("glAccounts")) {
    compareRow(view, `${path}.glAccounts[no=${row.no}]`, row, { ...row, balance: view.company.glBalances[row.no as string] ?? 0 });
  }
  for (const row of rows("reconciliation")) {
    compareRow(view, `${path}.reconciliation`, row, { difference: reconciliationDifference(view.company, [...view.books.values()]) });
  }
}
