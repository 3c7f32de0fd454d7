/**
 * Cell errors of the INV functions (excel.md §1.1 error table). The evaluator produces plain `InvError`
 * values so it stays pure and testable; at the Excel boundary they become `CustomFunctions.Error`, whose
 * custom text Excel shows on hover (only #VALUE! and #N/A can carry text).
 */

export type InvErrorCode = "#N/A" | "#VALUE!" | "#DIV/0!";

export class InvError extends Error {
  constructor(
    readonly code: InvErrorCode,
    message = "",
  ) {
    super(message);
    this.name = "InvError";
  }
}

export const notAvailable = (message: string): InvError => new InvError("#N/A", message);
export const invalidValue = (message: string): InvError => new InvError("#VALUE!", message);
export const divisionByZero = (): InvError => new InvError("#DIV/0!");

/** A plain cell value: stock figures are numbers; card fields and attributes may be text or TRUE/FALSE. */
export type CellScalar = number | string | boolean;

/** What one request answers: a cell value, an error value, or a spill (rows of cells, INV.ITEMS). */
export type CellResult = CellScalar | CellScalar[][] | InvError;

/** The error object Excel understands, when running under office.js; the plain InvError elsewhere (workbench). */
export type ExcelCellError = CustomFunctions.Error | InvError;

const ERROR_CODE_NAMES: Record<InvErrorCode, keyof typeof CustomFunctions.ErrorCode> = {
  "#N/A": "notAvailable",
  "#VALUE!": "invalidValue",
  "#DIV/0!": "divisionByZero",
};

export function toExcelError(error: InvError): ExcelCellError {
  const runtime = (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
  if (!runtime?.Error || !runtime.ErrorCode) return error;
  const code = runtime.ErrorCode[ERROR_CODE_NAMES[error.code]];
  // Custom text is only allowed on #VALUE! and #N/A; Excel refuses it on the others.
  return error.code === "#DIV/0!" || !error.message ? new runtime.Error(code) : new runtime.Error(code, error.message);
}

/** Anything unexpected thrown while evaluating becomes the spec's internal-error cell, never a raw exception. */
export function internalError(error: unknown): InvError {
  if (error instanceof InvError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return notAvailable(`Internal error INV-E-001 (${detail}); see Settings ▸ Diagnostics`);
}
