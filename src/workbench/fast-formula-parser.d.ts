/** The subset of fast-formula-parser (MIT, no bundled types) that the workbench uses. */
declare module "fast-formula-parser" {
  export interface CellRef {
    sheet: string;
    /** 1-based. */
    row: number;
    /** 1-based. */
    col: number;
  }
  export interface RangeRef {
    sheet: string;
    from: { row: number; col: number };
    to: { row: number; col: number };
  }
  /** How the parser hands an argument to a custom function. */
  export interface FormulaArgument {
    value: unknown;
    isArray: boolean;
    omitted?: boolean;
    isRangeRef?: boolean;
    isCellRef?: boolean;
  }
  export class FormulaError extends Error {
    constructor(error: string, msg?: string, details?: unknown);
    readonly error: string;
    static readonly DIV0: FormulaError;
    static readonly NA: FormulaError;
    static readonly NAME: FormulaError;
    static readonly NULL: FormulaError;
    static readonly NUM: FormulaError;
    static readonly REF: FormulaError;
    static readonly VALUE: FormulaError;
  }
  export interface FormulaParserConfig {
    functions?: Record<string, (...args: FormulaArgument[]) => unknown>;
    onCell?: (ref: CellRef) => unknown;
    onRange?: (ref: RangeRef) => unknown[][];
  }
  export default class FormulaParser {
    constructor(config?: FormulaParserConfig);
    static readonly FormulaError: typeof FormulaError;
    static readonly MAX_ROW: number;
    static readonly MAX_COLUMN: number;
    parse(formula: string, position: CellRef, allowReturnArray?: boolean): unknown;
    parseAsync(formula: string, position: CellRef, allowReturnArray?: boolean): Promise<unknown>;
  }
}
