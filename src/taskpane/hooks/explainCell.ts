/**
 * "Explain selected cell" (excel.md §1.2 INV.EXPLAIN, §4.1 Ledgers): the active cell's INV formula is
 * parsed, its arguments resolved (literals and cell references), and the matching INV.EXPLAIN call
 * evaluated by the functions layer; its rows go to the Explain sheet. Only the first INV call of the
 * formula is explained; ranges and nested calls are refused with a message, not guessed.
 */
import type { CellValue, WorkbookPort } from "../../excel/port";

/** One argument as typed: a value, an omitted argument, or a reference to a cell. */
export type FormulaArgument =
  | { kind: "value"; value: CellValue }
  | { kind: "omitted" }
  | { kind: "cell"; sheet: string | null; row: number; column: number };

export interface InvCall {
  fn: string;
  args: FormulaArgument[];
}

const CELL = /^(?:(?:'((?:[^']|'')+)'|([A-Za-z0-9_.]+))!)?\$?([A-Za-z]{1,3})\$?(\d+)$/;

function columnIndex(letters: string): number {
  return letters.toUpperCase().split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

function parseArgument(text: string): FormulaArgument {
  const t = text.trim();
  if (t === "") return { kind: "omitted" };
  if (/^"(?:[^"]|"")*"$/.test(t)) return { kind: "value", value: t.slice(1, -1).replace(/""/g, '"') };
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return { kind: "value", value: Number(t) };
  if (/^(TRUE|FALSE)$/i.test(t)) return { kind: "value", value: t.toUpperCase() === "TRUE" };
  const cell = CELL.exec(t);
  if (cell) {
    const sheet = cell[1]?.replace(/''/g, "'") ?? cell[2] ?? null;
    return { kind: "cell", sheet, row: Number(cell[4]) - 1, column: columnIndex(cell[3]) };
  }
  throw new Error(`Explain needs literal or single-cell arguments; '${t}' is neither`);
}

/** Splits "a,b,(c,d)" at top-level commas, leaving strings and brackets whole. */
function splitArguments(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inString = !inString;
    if (inString) continue;
    if (ch === "(" || ch === "[" || ch === "{") depth++;
    else if (ch === ")" || ch === "]" || ch === "}") depth--;
    else if (ch === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.length === 1 && parts[0].trim() === "" ? [] : parts;
}

/** The first INV.<NAME>(…) call in a formula, or null when the formula has none. */
export function parseInvCall(formula: string): InvCall | null {
  const match = /INV\.([A-Z]+)\s*\(/i.exec(formula);
  if (!match) return null;
  let depth = 1;
  let inString = false;
  let end = match.index + match[0].length;
  for (; end < formula.length && depth > 0; end++) {
    const ch = formula[end];
    if (ch === '"') inString = !inString;
    else if (!inString && ch === "(") depth++;
    else if (!inString && ch === ")") depth--;
  }
  if (depth !== 0) throw new Error("The formula's INV call is not closed");
  const inner = formula.slice(match.index + match[0].length, end - 1);
  return { fn: match[1].toUpperCase(), args: splitArguments(inner).map(parseArgument) };
}

/**
 * INV.EXPLAIN(kind, item, [from/asOf], [to], [location], [basis], [options]) for the call; each
 * function's own argument order is mapped onto it. UNITCOST is explained by the VALUE behind it.
 */
export function explainArguments(fn: string, args: readonly unknown[]): unknown[] {
  const a = (i: number) => args[i];
  switch (fn) {
    case "QTY":
    case "AVAILABLE":
    case "PAB":
      return [fn, a(0), a(1), undefined, a(2), undefined, a(3)];
    case "VALUE":
    case "UNITCOST":
      return ["VALUE", a(0), a(1), undefined, a(2), a(3), a(4)];
    case "COGS":
      return [fn, a(0), a(1), a(2), a(3), a(4), a(5)];
    case "RESERVED":
      // EXPLAIN lists the reservations on inventory (the default side); the supply and demand sides have no rows of their own.
      return [fn, a(0), undefined, undefined, a(1), undefined, undefined];
    case "LOTQTY": {
      const options = [`lot=${String(a(1) ?? "")}`, a(4) === undefined ? "" : `serial=${String(a(4))}`].filter(Boolean).join(";");
      return [fn, a(0), a(2), undefined, a(3), undefined, options];
    }
    case "GLDIFF":
      return [fn, a(0), a(1), undefined, undefined, undefined, a(2)];
    default:
      throw new Error(`INV.${fn} has no explanation; Explain covers QTY, VALUE, UNITCOST, COGS, PAB, AVAILABLE, RESERVED, LOTQTY and GLDIFF`);
  }
}

/** Resolves cell references against the workbook's values (one read per sheet referred to). */
export async function resolveArguments(port: WorkbookPort, sheet: string, args: readonly FormulaArgument[]): Promise<unknown[]> {
  const sheets = new Map<string, CellValue[][]>();
  const values = async (name: string) => {
    if (!sheets.has(name)) sheets.set(name, await port.readSheetValues(name));
    return sheets.get(name) ?? [];
  };
  const resolved: unknown[] = [];
  for (const arg of args) {
    if (arg.kind === "omitted") resolved.push(undefined);
    else if (arg.kind === "value") resolved.push(arg.value);
    else {
      const cell = (await values(arg.sheet ?? sheet))[arg.row]?.[arg.column] ?? null;
      resolved.push(cell === null || cell === "" ? undefined : cell);
    }
  }
  return resolved;
}
