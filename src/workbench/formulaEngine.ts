/**
 * Formula evaluation for the workbench grid. Ordinary formulas go to fast-formula-parser; the INV
 * custom functions are registered in it under their Excel names (`INV.QTY` ...) and call the same
 * implementations the add-in registers with Excel, so a cell typed here exercises the real function
 * layer (excel.md §4.3: literals, cell references and ranges; not a full calculation engine).
 */
import FormulaParser from "fast-formula-parser";
import type { CellRef, FormulaArgument, RangeRef } from "fast-formula-parser";
import type { CellValue } from "../excel/port";

/** Reads computed cell values; coordinates are 0-based. */
export interface CellReader {
  cellValue(sheet: string, row: number, col: number): CellValue;
  /** Number of used rows and columns of a sheet, to clip whole-column ranges like A:A. */
  usedSize(sheet: string): { rows: number; cols: number };
}

/** Any custom-function implementation; called with plain values (undefined for omitted arguments). */
export type CustomFunctionImpl = (...args: never[]) => unknown;

export interface FormulaPosition {
  sheet: string;
  /** 0-based. */
  row: number;
  /** 0-based. */
  col: number;
}

const { FormulaError } = FormulaParser;

/** A formula's value: one cell, or an array that spills from the formula's cell (dynamic arrays). */
export type FormulaResult = CellValue | CellValue[][];

/** Arrays keep their shape (a 1×1 array is a single value); everything else becomes one cell value. */
function toFormulaResult(result: unknown): FormulaResult {
  if (!Array.isArray(result)) return toCellValue(result);
  const rows = result.map((row: unknown) => (Array.isArray(row) ? row.map(toCellValue) : [toCellValue(row)]));
  return rows.length === 1 && rows[0].length === 1 ? rows[0][0] : rows;
}

/** The workbook value of one result cell: error code text for errors. */
function toCellValue(result: unknown): CellValue {
  if (result instanceof FormulaError) return result.error;
  if (Array.isArray(result)) return toCellValue(Array.isArray(result[0]) ? result[0][0] : result[0]);
  if (result === null || result === undefined) return 0;
  if (typeof result === "number") return Number.isFinite(result) ? result : "#NUM!";
  if (typeof result === "string" || typeof result === "boolean") return result;
  return "#VALUE!";
}

/** Stands for an omitted leading argument, which fast-formula-parser's grammar would drop (see below). */
const OMITTED_FUNCTION = "INV.__OMITTED";
const OMITTED = Symbol("omitted argument");

/**
 * Marks omitted leading arguments (`=INV.ITEMS(,"Color=Blue")`): the parser drops every empty argument
 * before the first given one, shifting the others left, while Excel passes them as omitted. Text inside
 * string literals is left alone; omissions after the first argument the parser already reports itself.
 */
export function markLeadingOmissions(formula: string): string {
  let out = "";
  let inString = false;
  for (let i = 0; i < formula.length; i++) {
    const char = formula[i];
    out += char;
    if (char === '"') inString = !inString; // a doubled "" inside a string toggles twice: still inside
    if (inString || char !== "(") continue;
    let j = i + 1;
    while (formula[j] === " ") j++;
    while (formula[j] === ",") {
      out += `${formula.slice(i + 1, j)}${OMITTED_FUNCTION}(),`;
      i = j;
      j = i + 1;
      while (formula[j] === " ") j++;
    }
  }
  return out;
}

/** Excel hands a custom function plain values; an omitted argument arrives as undefined. */
function plainArgument(argument: FormulaArgument): unknown {
  if (argument.omitted || argument.value === OMITTED) return undefined;
  return argument.value;
}

/** A thrown error becomes the error value Excel would show (custom text only exists on #VALUE!/#N/A). */
function errorValue(error: unknown): InstanceType<typeof FormulaError> {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && code.startsWith("#")) return new FormulaError(code);
  const message = error instanceof Error ? error.message : String(error);
  if (/^#(VALUE!|DIV\/0!|NUM!|REF!|NAME\?|NULL!)/.test(message)) return new FormulaError(message.split(" ")[0]);
  if (/not a date|must be|invalid/i.test(message)) return FormulaError.VALUE;
  return FormulaError.NA;
}

/** Custom functions may return error values (Excel's CustomFunctions.Error, or plain errors off Excel). */
function fromCustomResult(result: unknown): unknown {
  if (result instanceof Error) return errorValue(result);
  if (Array.isArray(result)) return result.map(fromCustomResult);
  return result ?? 0;
}

export class FormulaEngine {
  private readonly parser: FormulaParser;

  constructor(
    private readonly cells: CellReader,
    functions: Readonly<Record<string, CustomFunctionImpl>>,
    namespace = "INV",
  ) {
    const registered: Record<string, (...args: FormulaArgument[]) => unknown> = { [OMITTED_FUNCTION]: () => OMITTED };
    for (const [name, impl] of Object.entries(functions)) {
      registered[`${namespace}.${name}`.toUpperCase()] = (...args: FormulaArgument[]) => this.callCustom(impl, args);
    }
    this.parser = new FormulaParser({
      functions: registered,
      onCell: (ref: CellRef) => this.cells.cellValue(ref.sheet, ref.row - 1, ref.col - 1),
      onRange: (ref: RangeRef) => this.readRange(ref),
    });
  }

  /** Evaluates `formula` (with or without the leading "=") as if it sat at `at`. */
  async evaluate(formula: string, at: FormulaPosition): Promise<FormulaResult> {
    const text = markLeadingOmissions(formula.startsWith("=") ? formula.slice(1) : formula);
    try {
      const result = await this.parser.parseAsync(text, { sheet: at.sheet, row: at.row + 1, col: at.col + 1 }, true);
      return toFormulaResult(result);
    } catch (error) {
      // Parse errors and unexpected failures: Excel would refuse the formula; the workbench shows #ERROR!.
      return error instanceof FormulaError ? error.error : "#ERROR!";
    }
  }

  private async callCustom(impl: CustomFunctionImpl, args: FormulaArgument[]): Promise<unknown> {
    try {
      return fromCustomResult(await Reflect.apply(impl, undefined, args.map(plainArgument)));
    } catch (error) {
      return errorValue(error);
    }
  }

  private readRange(ref: RangeRef): CellValue[][] {
    const used = this.cells.usedSize(ref.sheet);
    const lastRow = Math.min(ref.to.row, used.rows);
    const lastCol = Math.min(ref.to.col, used.cols);
    const rows: CellValue[][] = [];
    for (let row = ref.from.row; row <= lastRow; row++) {
      const values: CellValue[] = [];
      for (let col = ref.from.col; col <= lastCol; col++) values.push(this.cells.cellValue(ref.sheet, row - 1, col - 1));
      rows.push(values);
    }
    return rows;
  }
}
