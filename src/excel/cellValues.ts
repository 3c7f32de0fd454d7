/**
 * How values cross into Excel: ISO dates become date serials (so Excel sorts, filters and formats them
 * as dates), strings get the quote prefix (port.ts, text convention), and what a user types is read the
 * way Excel reads typed input (formula, number, date, boolean, or text).
 */
import type { CellValue, ColumnKind } from "./port";

const MS_PER_DAY = 86_400_000;
/** Excel's day 0 in the 1900 date system, counted so that serials after 1900-02-28 come out right. */
const EPOCH_MS = Date.UTC(1899, 11, 30);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** "2025-02-05" (optionally with " hh:mm[:ss]") → Excel serial, or null when the text is no valid date. */
export function isoToSerial(text: string): number | null {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day, Number(match[4] ?? 0), Number(match[5] ?? 0), Number(match[6] ?? 0));
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return (ms - EPOCH_MS) / MS_PER_DAY;
}

/** Excel serial → "yyyy-mm-dd" (the time of day is dropped). */
export function serialToIsoDate(serial: number): string {
  return new Date(EPOCH_MS + Math.floor(serial) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Excel serial → "yyyy-mm-dd hh:mm:ss". */
export function serialToIsoDateTime(serial: number): string {
  const ms = EPOCH_MS + Math.round(serial * MS_PER_DAY / 1000) * 1000;
  return new Date(ms).toISOString().slice(0, 19).replace("T", " ");
}

export const QUOTE_PREFIX = "'";
/** Excel's limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32_767;

/**
 * The value as sent to Excel for a column of this kind: dates as serials, every string quote-prefixed
 * (so it is stored as text whatever it looks like) except formula text in a formula column, empty
 * cells as "" (null would leave a cell as it was).
 */
export function toWireValue(value: CellValue, kind: ColumnKind): CellValue {
  if (value === null || value === "") return "";
  if (typeof value === "string" && (kind === "date" || kind === "timestamp")) {
    const serial = isoToSerial(value);
    if (serial !== null) return serial;
  }
  if (kind === "formula" && typeof value === "string" && value.startsWith("=")) return value;
  return typeof value === "string" ? QUOTE_PREFIX + value : value;
}

/** A banner or header text, quote-prefixed like any other string. */
export function textToWire(text: string): string {
  return text === "" ? "" : QUOTE_PREFIX + text;
}

export interface ParsedInput {
  value: CellValue;
  /** Formula text including the leading "="; the value is then its last computed result. */
  formula?: string;
  /** The text was entered with a leading apostrophe. */
  quotePrefix: boolean;
  /** A number format Excel applies on its own (typing a date into a General cell). */
  impliedFormat?: string;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Reads typed input (or a string written to `values`) as Excel does: a leading apostrophe keeps text,
 * "=" starts a formula, otherwise numbers, ISO dates and TRUE/FALSE convert; a text-formatted ("@")
 * cell keeps everything as text.
 */
export function parseCellInput(input: CellValue, numberFormat: string): ParsedInput {
  if (typeof input !== "string") return { value: input, quotePrefix: false };
  if (input === "") return { value: null, quotePrefix: false };
  if (input.startsWith(QUOTE_PREFIX)) return { value: input.slice(1), quotePrefix: true };
  if (numberFormat === "@") return { value: input, quotePrefix: false };
  if (input.startsWith("=") && input.length > 1) return { value: null, formula: input, quotePrefix: false };
  const trimmed = input.trim();
  if (NUMBER.test(trimmed)) return { value: Number(trimmed), quotePrefix: false };
  const serial = isoToSerial(trimmed);
  if (serial !== null) {
    const impliedFormat = Number.isInteger(serial) ? "yyyy-mm-dd" : "yyyy-mm-dd hh:mm:ss";
    return { value: serial, quotePrefix: false, impliedFormat: numberFormat === "General" ? impliedFormat : undefined };
  }
  const upper = trimmed.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { value: upper === "TRUE", quotePrefix: false };
  return { value: input, quotePrefix: false };
}

/** Estimated request bytes of a value block: its JSON size in UTF-8 (excel.md §3.1's estimate). */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? "";
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // UTF-16 units above 0x7F take 2 or 3 bytes in UTF-8 (a surrogate pair's 4 bytes count as 2 × 2).
    if (code > 0x7f) bytes += code > 0x7ff && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
  }
  return bytes;
}
