/**
 * Ranges in, arrays out (excel.md §1.1): the first argument is a matrix and the answer has its shape; every
 * other argument is one value for all cells, or a range of the same shape read element-wise. Each cell becomes
 * one request (or its own argument error), answered from the cache or queued for the next flush.
 */
import type { FunctionBatcher } from "./batcher";
import { codeText, type StockRequest } from "./arguments";
import { InvError, internalError, invalidValue, toExcelError, type CellResult, type CellScalar, type ExcelCellError } from "./cellErrors";
import type { InvRequest } from "./requests";
import { registerInvocation } from "./cellRegistry";

export type CellValueOut = CellScalar | ExcelCellError;
export type ResultMatrix = CellValueOut[][];

/** Reads the named argument for the cell at (row, col). */
export type ArgumentAt = (name: string) => unknown;
/** Builds the request fields other than the function and item from one cell's arguments (throws InvError). */
export type RequestFields = (argument: ArgumentAt) => Omit<StockRequest, "fn" | "item">;
/** Builds one cell's whole request from its item code and its other arguments (throws InvError). */
export type RequestBuilder = (item: string, argument: ArgumentAt) => InvRequest;

/** Excel passes a range as rows of cells; the workbench and omitted arguments pass a single value. */
export function asMatrix(value: unknown): unknown[][] {
  if (!Array.isArray(value)) return [[value]];
  return value.map((row: unknown) => (Array.isArray(row) ? row : [row]));
}

type Reader = (row: number, col: number) => unknown;

function elementwise(name: string, value: unknown, rows: number, cols: number): Reader {
  if (!Array.isArray(value)) return () => value;
  const matrix = asMatrix(value);
  if (matrix.length === 1 && matrix[0].length === 1) return () => matrix[0][0];
  if (matrix.length === rows && matrix.every((row) => row.length === cols)) return (row, col) => matrix[row][col];
  throw invalidValue(`${name} must be a single value or a range the same size as item`);
}

function toOutput(result: CellResult): CellValueOut {
  if (result instanceof InvError) return toExcelError(result);
  // A spill in a per-cell position cannot happen (only INV.ITEMS spills, through evaluateSpill).
  if (Array.isArray(result)) return toExcelError(internalError(new Error("unexpected spill in a cell")));
  return result;
}

/** Shapes the answer; a single-cell call with an error throws it, which is how Excel shows an error cell. */
function finish(input: unknown[][], results: CellResult[]): ResultMatrix {
  if (results.length === 1 && results[0] instanceof InvError) throw toExcelError(results[0]);
  let at = 0;
  return input.map((row) => row.map(() => toOutput(results[at++])));
}

/** Excel's cancelable invocation: it calls `onCanceled` when the cell no longer needs the answer. */
export interface CancelSignal {
  onCanceled?: () => void;
  /** The calling cell ("Sheet1!B7"), given because every function declares `@requiresAddress` (§2.2). */
  address?: string;
}

/** The invocation Excel appends after the declared arguments; the workbench passes none. */
export function cancelSignalOf(value: unknown): CancelSignal | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as CancelSignal) : undefined;
}

export function evaluateCells(
  batcher: FunctionBatcher,
  itemArgument: unknown,
  others: Record<string, unknown>,
  build: RequestBuilder,
  signal?: CancelSignal,
): ResultMatrix | Promise<ResultMatrix> {
  const input = asMatrix(itemArgument);
  const rows = input.length;
  const cols = input[0]?.length ?? 0;
  const readers = new Map<string, Reader>();
  try {
    for (const [name, value] of Object.entries(others)) readers.set(name, elementwise(name, value, rows, cols));
  } catch (error) {
    const failure = internalError(error); // a misshapen range is the answer of every cell
    return finish(input, input.flat().map(() => failure));
  }
  const cancels: (() => void)[] = [];
  const requests: InvRequest[] = [];
  const results = input.flatMap((row, r) =>
    row.map((cell, c): CellResult | Promise<CellResult> => {
      let request: InvRequest;
      try {
        const argument: ArgumentAt = (name) => readers.get(name)?.(r, c);
        request = build(codeText(cell, "item"), argument);
      } catch (error) {
        return internalError(error);
      }
      requests.push(request);
      const hit = batcher.cached(request);
      if (hit !== undefined) return hit;
      const queued = batcher.cancelable(request);
      cancels.push(queued.cancel);
      return queued.result;
    }),
  );
  registerInvocation(signal?.address, requests);
  if (signal && cancels.length > 0) signal.onCanceled = () => cancels.forEach((cancel) => cancel());
  // Rule 2: when every cell hit the cache, answer synchronously (no #BUSY! round trip).
  if (results.every((result) => !(result instanceof Promise))) return finish(input, results as CellResult[]);
  return Promise.all(results).then((settled) => finish(input, settled));
}

function spillOutput(result: CellResult): ResultMatrix {
  if (result instanceof InvError) throw toExcelError(result);
  return Array.isArray(result) ? result : [[result]];
}

/**
 * A spilling function (INV.ITEMS): one request for the whole call, answered with rows of cells; an error
 * is thrown, which is how Excel shows the single error cell where the spill would start.
 */
export function evaluateSpill(
  batcher: FunctionBatcher,
  build: () => InvRequest,
  signal?: CancelSignal,
): ResultMatrix | Promise<ResultMatrix> {
  let request: InvRequest;
  try {
    request = build();
  } catch (error) {
    throw toExcelError(internalError(error));
  }
  registerInvocation(signal?.address, [request]);
  const hit = batcher.cached(request);
  if (hit !== undefined) return spillOutput(hit);
  const queued = batcher.cancelable(request);
  if (signal) signal.onCanceled = queued.cancel;
  return queued.result.then(spillOutput);
}
