/**
 * Number formats and column widths per column kind (excel.md §3.1), and the display text the
 * workbench grid shows for a value under one of those formats. The formatter knows only the formats
 * the add-in writes (plus General); it is not a general Excel format engine.
 */
import { serialToIsoDate, serialToIsoDateTime } from "./cellValues";
import type { CellValue, ColumnKind } from "./port";

export const FORMAT = {
  general: "General",
  amount: "#,##0.00;[Red]-#,##0.00",
  unitCost: "#,##0.00###",
  wholeQuantity: "#,##0",
  fractionalQuantity: "#,##0.#####",
  date: "yyyy-mm-dd",
  timestamp: "yyyy-mm-dd hh:mm:ss",
  integer: "0",
  text: "@",
} as const;

/** Quantity columns show decimals only when some value needs them at write time. */
export function numberFormatFor(kind: ColumnKind, values: readonly CellValue[]): string {
  switch (kind) {
    case "amount":
      return FORMAT.amount;
    case "unitCost":
      return FORMAT.unitCost;
    case "quantity":
      return values.every((v) => typeof v !== "number" || Number.isInteger(v)) ? FORMAT.wholeQuantity : FORMAT.fractionalQuantity;
    case "date":
      return FORMAT.date;
    case "timestamp":
      return FORMAT.timestamp;
    case "integer":
      return FORMAT.integer;
    case "code":
      return FORMAT.text;
    default:
      return FORMAT.general;
  }
}

/** Column widths in points (excel.md §3.1: code 70, description 220, date 80, quantity 80, amount 95, flag 50, message 320). */
export const COLUMN_WIDTH: Record<ColumnKind, number> = {
  code: 70,
  text: 220,
  date: 80,
  timestamp: 120,
  quantity: 80,
  amount: 95,
  unitCost: 95,
  integer: 60,
  boolean: 50,
  message: 320,
  formula: 80,
};

export interface DisplayText {
  text: string;
  /** The format's [Red] section applies. */
  red: boolean;
}

/** The text Excel would show for a value under one of the add-in's formats. */
export function displayText(value: CellValue, numberFormat: string): DisplayText {
  if (value === null) return { text: "", red: false };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE", red: false };
  if (typeof value === "string") return { text: value, red: false };
  switch (numberFormat) {
    case FORMAT.amount:
      return { text: (value < 0 ? "-" : "") + grouped(Math.abs(value), 2, 2), red: value < 0 };
    case FORMAT.unitCost:
      return { text: signed(value, grouped(Math.abs(value), 2, 5)), red: false };
    case FORMAT.wholeQuantity:
      return { text: signed(value, grouped(Math.abs(value), 0, 0)), red: false };
    case FORMAT.fractionalQuantity: {
      // Excel keeps the decimal point of "#,##0.#####" even for whole numbers ("5.").
      const text = grouped(Math.abs(value), 0, 5);
      return { text: signed(value, text.includes(".") ? text : text + "."), red: false };
    }
    case FORMAT.date:
      return { text: serialToIsoDate(value), red: false };
    case FORMAT.timestamp:
      return { text: serialToIsoDateTime(value), red: false };
    case FORMAT.integer:
      return { text: String(Math.round(value)), red: false };
    default:
      return { text: generalNumber(value), red: false };
  }
}

function signed(value: number, text: string): string {
  return value < 0 && /[1-9]/.test(text) ? "-" + text : text;
}

/** Thousands separators and between minDigits and maxDigits decimals. */
function grouped(value: number, minDigits: number, maxDigits: number): string {
  const fixed = value.toFixed(maxDigits);
  const [whole, fraction = ""] = fixed.split(".");
  let decimals = fraction;
  while (decimals.length > minDigits && decimals.endsWith("0")) decimals = decimals.slice(0, -1);
  const withCommas = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return decimals ? `${withCommas}.${decimals}` : withCommas;
}

/** General shows up to about 11 significant characters. */
function generalNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  return String(Number(value.toPrecision(10)));
}
