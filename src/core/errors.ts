/** Refusals: every error names what was refused and, for journal lines, the line and field. */

export interface FieldError {
  /** 1-based line (journal line, import row); absent for errors not tied to a line. */
  line?: number;
  field?: string;
  message: string;
}

/** A posting or command was refused; nothing was written. */
export class RefusedError extends Error {
  readonly errors: FieldError[];
  constructor(errors: FieldError[] | string) {
    const list = typeof errors === "string" ? [{ message: errors }] : errors;
    super(list.map(describeFieldError).join("; "));
    this.name = "RefusedError";
    this.errors = list;
  }
}

export function describeFieldError(error: FieldError): string {
  const where = [error.line !== undefined ? `line ${error.line}` : "", error.field ?? ""].filter(Boolean).join(", ");
  return where ? `${where}: ${error.message}` : error.message;
}

/** A ledger invariant failed after a posting (the health check); the posting is refused. */
export class InvariantError extends RefusedError {
  constructor(invariant: string, detail: string) {
    super(`Ledger health check failed (${invariant}): ${detail}`);
    this.name = "InvariantError";
  }
}
