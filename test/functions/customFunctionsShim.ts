import type { ResultMatrix } from "../../src/functions/registry";
/** A stand-in for office.js's CustomFunctions global: its Error class and the error codes the INV functions use. */
export class FakeCustomFunctionError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export function installCustomFunctionsShim(): void {
  (globalThis as any).CustomFunctions = {
    Error: FakeCustomFunctionError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
  };
}

export function removeCustomFunctionsShim(): void {
  delete (globalThis as any).CustomFunctions;
}

/** The code and message of a thrown or returned cell error, for comparisons. */
export function describeError(error: unknown): { code: string; message: string | undefined } {
  const { code, message } = error as { code: string; message?: string };
  return { code, message: message === "" ? undefined : message };
}

/** A call's cells (errors as code and message), or the code and message of the single error it threw. */
export async function settle(call: () => unknown): Promise<unknown> {
  try {
    const result = (await call()) as ResultMatrix;
    return result.map((row) => row.map((cell) => (typeof cell === "object" ? describeError(cell) : cell)));
  } catch (error) {
    return describeError(error);
  }
}
