/**
 * Shape checks of a journal line as it arrives from a sheet, a file or a script: every field has the
 * right type, dates are real calendar days, numbers are finite and fit the precision the ledgers
 * store (costing.md §1: quantities and unit amounts 0.00001, amounts 0.01), so that nothing is
 * silently rounded, clamped or stored malformed. The checks that need master data live in line.ts.
 */
import { isIsoDate } from "../dates";
import type { JournalEntryType, JournalLine } from "../journal";
import { MONEY_SCALE, QTY_SCALE, UNIT_COST_SCALE, fitsScale, toScaled } from "../money";

export const JOURNAL_ENTRY_TYPES: readonly JournalEntryType[] = ["Purchase", "Sale", "PositiveAdjmt", "NegativeAdjmt", "Transfer"];

type Report = (field: string, message: string) => void;

/** Fields holding decimal numbers and the scale each is stored at. */
const NUMBER_FIELDS = [
  ["quantity", QTY_SCALE],
  ["invoicedQuantity", QTY_SCALE],
  ["quantityToAssemble", QTY_SCALE],
  ["unitCost", UNIT_COST_SCALE],
  ["unitAmount", UNIT_COST_SCALE],
  ["unitPrice", UNIT_COST_SCALE],
  ["amount", MONEY_SCALE],
] as const;

const TEXT_FIELDS = [
  "item",
  "location",
  "documentNo",
  "variant",
  "newLocation",
  "unitOfMeasure",
  "serialNo",
  "lotNo",
  "newSerialNo",
  "newLotNo",
  "responsibilityCenter",
  "sourceNo",
] as const;

const SOURCE_TYPES: readonly string[] = ["Vendor", "Customer", "Item"];

// No location is the blank location, or the responsibility center's default (inventory.md §6.2).
const REQUIRED = new Set<string>(["postingDate", "entryType", "item", "quantity"]);

/** A blank cell: absent or null. Optional fields may be blank; required ones may not. */
const isBlank = (value: unknown): boolean => value === undefined || value === null;

function describe(value: unknown): string {
  const text = typeof value === "string" ? `'${value}'` : typeof value === "number" ? String(value) : typeof value;
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** A decimal that fits `scale`: a finite number whose scaled value is a safe integer and loses no digit. */
export function numberError(value: unknown, scale: number): string | undefined {
  if (typeof value !== "number") return `${describe(value)} is not a number`;
  if (!Number.isFinite(value)) return `${describe(value)} is not a finite number`;
  if (!fitsScale(value, scale)) return `${describe(value)} has more decimals than the precision ${1 / scale} allows`;
  try {
    toScaled(value, scale);
  } catch {
    return `${describe(value)} is too large`;
  }
  return undefined;
}

function numberErrors(line: JournalLine, report: Report): void {
  const fields = line as unknown as Record<string, unknown>;
  for (const [field, scale] of NUMBER_FIELDS) {
    const value = fields[field];
    if (isBlank(value)) continue;
    const error = numberError(value, scale);
    if (error) report(field, error);
  }
  const { quantity, invoicedQuantity } = line;
  if (typeof quantity === "number" && !(quantity > 0)) report("quantity", "Quantity must be positive");
  if (typeof invoicedQuantity === "number" && invoicedQuantity < 0) report("invoicedQuantity", "The invoiced quantity must not be negative");
  // Partial invoicing only: a line cannot invoice more than it receives or ships (costing.md §4).
  if (typeof quantity === "number" && typeof invoicedQuantity === "number" && invoicedQuantity > quantity) {
    report("invoicedQuantity", `The invoiced quantity ${invoicedQuantity} is larger than the quantity ${quantity}`);
  }
}

/** A unit price times the quantity must still be an amount the ledgers hold exactly (safe cents). */
function lineAmountErrors(line: JournalLine, report: Report): void {
  if (numberError(line.quantity, QTY_SCALE) !== undefined) return;
  const quantity = BigInt(toScaled(line.quantity, QTY_SCALE));
  for (const field of ["unitCost", "unitAmount", "unitPrice"] as const) {
    const value = line[field];
    if (typeof value !== "number" || numberError(value, UNIT_COST_SCALE) !== undefined) continue;
    const cents = (quantity * BigInt(toScaled(value, UNIT_COST_SCALE))) / BigInt((QTY_SCALE * UNIT_COST_SCALE) / MONEY_SCALE);
    if (cents > BigInt(Number.MAX_SAFE_INTEGER) || -cents > BigInt(Number.MAX_SAFE_INTEGER)) {
      report(field, `${field} × quantity is too large an amount`);
    }
  }
}

function entryNoErrors(line: JournalLine, report: Report): void {
  for (const field of ["appliesToEntry", "appliesFromEntry"] as const) {
    const value: unknown = line[field];
    if (isBlank(value)) continue;
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) {
      report(field, `${describe(value)} is not an item ledger entry number (a positive whole number)`);
    }
  }
}

function dateErrors(line: JournalLine, report: Report): void {
  for (const field of ["postingDate", "expirationDate", "newExpirationDate"] as const) {
    const value: unknown = line[field];
    if (isBlank(value)) continue;
    if (!isIsoDate(value)) report(field, `${describe(value)} is not a calendar date in the form YYYY-MM-DD`);
  }
}

function textErrors(line: JournalLine, report: Report): void {
  const fields = line as unknown as Record<string, unknown>;
  for (const field of TEXT_FIELDS) {
    const value = fields[field];
    if (!isBlank(value) && typeof value !== "string") report(field, `${describe(value)} is not text`);
  }
  if (!isBlank(line.return) && typeof line.return !== "boolean") report("return", `${describe(line.return)} is not true or false`);
  const sourceType: unknown = line.sourceType;
  if (!isBlank(sourceType) && !SOURCE_TYPES.includes(sourceType as string)) {
    report("sourceType", `${describe(sourceType)} is not a source type (${SOURCE_TYPES.join(", ")})`);
  }
  const entryType: unknown = line.entryType;
  if (!isBlank(entryType) && !JOURNAL_ENTRY_TYPES.includes(entryType as JournalEntryType)) {
    report("entryType", `${describe(entryType)} is not an entry type (${JOURNAL_ENTRY_TYPES.join(", ")})`);
  }
}

/**
 * Every shape error of one line, each reported with its field; returns the set of fields found bad
 * so that the master-data checks skip them instead of reading a malformed value.
 */
export function lineShapeErrors(line: JournalLine, report: Report): Set<string> {
  const bad = new Set<string>();
  const add: Report = (field, message) => {
    bad.add(field);
    report(field, message);
  };
  const fields = line as unknown as Record<string, unknown>;
  for (const field of REQUIRED) if (isBlank(fields[field])) add(field, `${field} is required`);
  textErrors(line, add);
  dateErrors(line, add);
  numberErrors(line, add);
  lineAmountErrors(line, add);
  entryNoErrors(line, add);
  return bad;
}
