/**
 * A journal line converted to the scaled model, plus the static checks of costing.md §17 that need
 * only master data (the checks that depend on ledger state run while posting, in line order).
 */
import type { FieldError } from "../errors";
import type { JournalEntryType, JournalLine } from "../journal";
import { MONEY_SCALE, QTY_SCALE, UNIT_COST_SCALE, money, mulDivRound, qty, roundToStep, shareOf, unitCost, type Money, type Qty, type UnitCost } from "../money";
import type { IsoDate, Item, SourceType } from "../types";
import type { Workspace } from "../workspace";
import { lineShapeErrors } from "./lineFields";

/** A cost given on a line: per unit of the line's unit of measure, or as the whole line's amount. */
export type LinePrice = { kind: "unit"; cost: UnitCost; per: Qty } | { kind: "total"; amount: Money; quantity: Qty };

export interface PostingLine {
  lineNo: number;
  postingDate: IsoDate;
  entryType: JournalEntryType;
  documentNo: string;
  item: string;
  variant: string;
  location: string;
  newLocation: string | null;
  /** Base quantity, positive. */
  quantity: Qty;
  isReturn: boolean;
  invoicedQuantity: Qty;
  /** Inbound cost, or a purchase return's own unit cost. */
  price: LinePrice | null;
  /** Outbound journal unit amount. */
  unitAmount: LinePrice | null;
  appliesToEntry: number | null;
  appliesFromEntry: number | null;
  serialNo: string | null;
  lotNo: string | null;
  expirationDate: IsoDate | null;
  newSerialNo: string | null;
  newLotNo: string | null;
  newExpirationDate: IsoDate | null | undefined;
  /** The document's vendor or customer, carried onto the entries (blank when the line names none). */
  sourceType: SourceType | null;
  sourceNo: string | null;
}

/** Cost of base quantity q at a line price, rounded to cents. */
export function priceAmount(q: Qty, price: LinePrice): Money {
  if (price.kind === "total") return price.quantity === 0 ? 0 : shareOf(price.amount, q, price.quantity);
  // q/per units × cost: Qty and UnitCost are both 1e-5, Money 1e-2.
  return mulDivRound(q, price.cost, (price.per * UNIT_COST_SCALE) / MONEY_SCALE);
}

/** The price per base unit, at the unit-amount precision (kept on the entry for reference). */
export function priceUnitCost(price: LinePrice): UnitCost {
  if (price.kind === "total") return price.quantity === 0 ? 0 : mulDivRound(price.amount, QTY_SCALE * 1000, price.quantity);
  return mulDivRound(price.cost, QTY_SCALE, price.per);
}

export function unitPrice(cost: UnitCost): LinePrice {
  return { kind: "unit", cost, per: QTY_SCALE };
}

export function isInboundLine(line: { entryType: JournalEntryType; isReturn: boolean }): boolean {
  if (line.entryType === "Purchase") return !line.isReturn;
  if (line.entryType === "Sale") return line.isReturn;
  return line.entryType === "PositiveAdjmt";
}

function qtyPerUnit(item: Item, code: string | undefined): Qty | undefined {
  if (!code || code === item.baseUnitOfMeasure) return QTY_SCALE;
  return item.unitsOfMeasure.find((u) => u.code === code)?.qtyPerUnit;
}

/** Rounding precision of quantities in a unit (0 = none), the base unit's own entry included. */
function unitPrecision(item: Item, code: string): Qty {
  return item.unitsOfMeasure.find((u) => u.code === code)?.qtyRoundingPrecision ?? 0;
}

/**
 * A quantity in unit U as a base quantity (inventory.md §2.3): q × qtyPerUnit(U), rounded to the
 * base unit's precision; undefined when q is not a multiple of U's own precision or rounds to 0.
 */
export function baseQuantity(item: Item, code: string | undefined, quantity: number): Qty | undefined {
  const unit = code ?? item.baseUnitOfMeasure;
  const per = qtyPerUnit(item, unit);
  if (per === undefined) return undefined;
  const q = qty(Math.abs(quantity));
  const own = unitPrecision(item, unit);
  if (own > 0 && q % own !== 0) return undefined;
  const base = roundToStep(mulDivRound(q, per, QTY_SCALE), unitPrecision(item, item.baseUnitOfMeasure));
  if (base === 0 && q !== 0) return undefined;
  return Math.sign(quantity) * base;
}

/** The line's location, or the default location of its responsibility center (inventory.md §6.2). */
export function effectiveLocation(ws: Workspace, line: JournalLine): string {
  if (line.location) return line.location;
  const center = ws.company.responsibilityCenters?.find((r) => r.code === line.responsibilityCenter);
  return center?.location ?? line.location ?? "";
}

function locationErrors(ws: Workspace, line: JournalLine, add: (field: string, message: string) => void): void {
  if (line.responsibilityCenter && !ws.company.responsibilityCenters?.some((r) => r.code === line.responsibilityCenter)) {
    add("responsibilityCenter", `Responsibility center ${line.responsibilityCenter} does not exist`);
  }
  const check = (field: string, code: string): void => {
    if (code === "") return; // the blank location is a location of its own, as in the reference
    const location = ws.company.locations.find((l) => l.code === code);
    if (!location) add(field, `Location ${code} does not exist`);
    // In-transit locations hold goods only between a transfer order's shipment and receipt (§6.1).
    else if (location.inTransit) add(field, `Location ${code} is an in-transit location and cannot be used on this line`);
  };
  check("location", effectiveLocation(ws, line));
  if (line.entryType === "Transfer" && line.newLocation) check("newLocation", line.newLocation);
}

function lineErrorsFor(ws: Workspace, line: JournalLine, lineNo: number): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string): void => void errors.push({ line: lineNo, field, message });
  const bad = lineShapeErrors(line, add);
  // Master-data checks read only fields of the right shape; a malformed field is reported once.
  const item = bad.has("item") ? undefined : ws.item(line.item);
  if (!item && !bad.has("item")) add("item", `Item ${line.item} does not exist`);
  if (!bad.has("location") && !bad.has("newLocation") && !bad.has("responsibilityCenter")) locationErrors(ws, line, add);
  const closed = ws.company.closedInventoryPeriods.at(-1);
  if (closed && !bad.has("postingDate") && line.postingDate <= closed) {
    add("postingDate", `The posting date ${line.postingDate} is in a closed inventory period`);
  }
  if (!item) return errors;
  if (item.blocked) add("item", `Item ${item.no} is blocked`);
  if (item.salesBlocked && line.entryType === "Sale" && !line.return) add("item", `Item ${item.no} is blocked for sales`);
  if (item.purchasingBlocked && line.entryType === "Purchase" && !line.return) {
    add("item", `Item ${item.no} is blocked for purchasing`);
  }
  if (line.entryType === "Transfer" && item.type !== "Inventory") {
    add("item", `Item ${item.no} is not an inventory item: transfer is not allowed for item type ${item.type}`);
  }
  if (!bad.has("unitOfMeasure")) unitErrors(item, line, bad, add);
  for (const field of ["appliesToEntry", "appliesFromEntry"] as const) {
    const entryNo = line[field];
    // Entries numbered above the counter may be created by earlier lines of the same batch.
    if (!bad.has(field) && typeof entryNo === "number" && entryNo <= ws.company.counters.lastItemLedgerEntryNo && ws.ownerOf(entryNo) === undefined) {
      add(field, `Item ledger entry ${entryNo} does not exist`);
    }
  }
  if (!bad.has("variant") && line.variant && !item.variants.includes(line.variant)) {
    add("variant", `Variant ${line.variant} does not exist for item ${item.no}`);
  }
  return errors;
}

/** The unit of measure exists and the quantity, in base units, is a whole step of its precision and not 0. */
function unitErrors(item: Item, line: JournalLine, bad: ReadonlySet<string>, add: (field: string, message: string) => void): void {
  if (qtyPerUnit(item, line.unitOfMeasure ?? undefined) === undefined) {
    add("unitOfMeasure", `The unit of measure ${line.unitOfMeasure} is not defined for item ${item.no}`);
  } else if (!bad.has("quantity") && baseQuantity(item, line.unitOfMeasure ?? undefined, line.quantity) === undefined) {
    add("quantity", `The quantity ${line.quantity} does not fit the rounding precision of unit of measure ${line.unitOfMeasure ?? item.baseUnitOfMeasure}`);
  }
}

/** The line number errors are reported under: the line's own when it is a positive whole number. */
function lineNumberOf(line: JournalLine, index: number): number {
  return typeof line.lineNo === "number" && Number.isSafeInteger(line.lineNo) && line.lineNo > 0 ? line.lineNo : index + 1;
}

/** Static checks of every line; returns all errors of the batch (empty: the lines may be posted). */
export function validateLines(ws: Workspace, lines: readonly JournalLine[]): FieldError[] {
  if (!Array.isArray(lines)) return [{ message: "A journal is a list of lines" }];
  return lines.flatMap((line: unknown, i) => {
    if (typeof line !== "object" || line === null || Array.isArray(line)) {
      return [{ line: i + 1, message: `Line ${i + 1} is not a journal line` }];
    }
    return errorsOfLine(ws, line as JournalLine, i);
  });
}

function errorsOfLine(ws: Workspace, line: JournalLine, i: number): FieldError[] {
  const lineNo = lineNumberOf(line, i);
  const errors = lineErrorsFor(ws, line, lineNo);
  if (line.lineNo !== undefined && line.lineNo !== null && line.lineNo !== lineNo) {
    errors.unshift({ line: lineNo, field: "lineNo", message: `${String(line.lineNo)} is not a line number (a positive whole number)` });
  }
  return errors;
}

/** A blank cell (absent or null) gives no price. */
function priceOf(unit: number | null | undefined, amount: number | null | undefined, per: Qty, quantity: Qty): LinePrice | null {
  if (amount !== undefined && amount !== null) return { kind: "total", amount: money(amount), quantity };
  if (unit !== undefined && unit !== null) return { kind: "unit", cost: unitCost(unit), per };
  return null;
}

/** BC's source of a posted line: the vendor of a purchase, the customer of a sale, unless the line says otherwise. */
function lineSource(line: JournalLine): { sourceType: SourceType | null; sourceNo: string | null } {
  if (!line.sourceNo) return { sourceType: line.sourceType ?? null, sourceNo: null };
  const byEntryType = line.entryType === "Purchase" ? "Vendor" : line.entryType === "Sale" ? "Customer" : null;
  return { sourceType: line.sourceType ?? byEntryType, sourceNo: line.sourceNo };
}

/** Converts a line that passed validateLines. */
export function toPostingLine(ws: Workspace, line: JournalLine, index: number): PostingLine {
  const item = ws.item(line.item) as Item;
  const per = qtyPerUnit(item, line.unitOfMeasure) ?? QTY_SCALE;
  const base = (value: number): Qty => baseQuantity(item, line.unitOfMeasure, value) ?? mulDivRound(qty(value), per, QTY_SCALE);
  const quantity = base(line.quantity);
  const invoiced = line.invoicedQuantity === undefined || line.invoicedQuantity === null ? quantity : base(line.invoicedQuantity);
  return {
    lineNo: lineNumberOf(line, index),
    postingDate: line.postingDate,
    entryType: line.entryType,
    documentNo: line.documentNo ?? "",
    item: line.item,
    variant: line.variant ?? "",
    location: effectiveLocation(ws, line),
    newLocation: line.newLocation ?? null,
    quantity,
    isReturn: line.return ?? false,
    // validateLines refused an invoiced quantity above the quantity; base rounding keeps the order.
    invoicedQuantity: invoiced,
    price: priceOf(line.unitCost, line.amount, per, quantity),
    unitAmount: priceOf(line.unitAmount, undefined, per, quantity),
    appliesToEntry: line.appliesToEntry ?? null,
    appliesFromEntry: line.appliesFromEntry ?? null,
    serialNo: line.serialNo ?? null,
    lotNo: line.lotNo ?? null,
    expirationDate: line.expirationDate ?? null,
    newSerialNo: line.newSerialNo ?? null,
    newLotNo: line.newLotNo ?? null,
    newExpirationDate: line.newExpirationDate,
    ...lineSource(line),
  };
}
