import { FormulaEngine, markLeadingOmissions, type CellReader } from "../../src/workbench/formulaEngine";
import type { CellValue } from "../../src/excel/port";

function grid(sheets: Record<string, CellValue[][]>): CellReader {
  return {
    cellValue: (sheet, row, col) => sheets[sheet]?.[row]?.[col] ?? null,
    usedSize: (sheet) => ({ rows: sheets[sheet]?.length ?? 0, cols: Math.max(0, ...(sheets[sheet] ?? []).map((r) => r.length)) }),
  };
}

describe("FormulaEngine", () => {
  const cells = grid({ Analysis: [[1, 2], [3, 4]], "Item Journal": [["x", 7]] });
  const calls: unknown[][] = [];
  const engine = new FormulaEngine(cells, {
    QTY: async (item: string, asOf?: string, location?: string) => {
      calls.push([item, asOf, location]);
      if (item === "9999") throw new Error("Item 9999 does not exist");
      return item === "1000" ? 8 : 0;
    },
  });
  const at = { sheet: "Analysis", row: 5, col: 0 };

  it("evaluates ordinary formulas over cells and ranges", async () => {
    expect(await engine.evaluate("=SUM(A1:B2)*2", at)).toBe(20);
    expect(await engine.evaluate("='Item Journal'!B1+A2", at)).toBe(10);
    expect(await engine.evaluate("=1/0", at)).toBe("#DIV/0!");
  });

  it("calls INV functions with plain values and undefined for omitted arguments", async () => {
    expect(await engine.evaluate('=INV.QTY("1000",,"MAIN")+A1', at)).toBe(9);
    expect(calls.at(-1)).toEqual(["1000", undefined, "MAIN"]);
  });

  it("passes omitted leading arguments as undefined, as Excel does (the parser alone would drop them)", async () => {
    expect(await engine.evaluate('=INV.QTY(,"2025-01-31","MAIN")', at)).toBe(0);
    expect(calls.at(-1)).toEqual([undefined, "2025-01-31", "MAIN"]);
    expect(await engine.evaluate('=INV.QTY( , ,"(,")', at)).toBe(0);
    expect(calls.at(-1)).toEqual([undefined, undefined, "(,"]);
    expect(markLeadingOmissions('SUM(1,2)&"f(,x"')).toBe('SUM(1,2)&"f(,x"');
  });

  it("turns a refused function call into #N/A and a syntax error into #ERROR!", async () => {
    expect(await engine.evaluate('=INV.QTY("9999")', at)).toBe("#N/A");
    expect(await engine.evaluate("=INV.QTY(", at)).toBe("#ERROR!");
  });
});

describe("FormulaEngine with error values returned, not thrown", () => {
  class CodedError extends Error {
    constructor(readonly code: string, message: string) {
      super(message);
    }
  }
  const engine = new FormulaEngine({ cellValue: () => null, usedSize: () => ({ rows: 0, cols: 0 }) }, {
    UNITCOST: async (item: string) => (item === "0" ? new CodedError("#DIV/0!", "") : new CodedError("#VALUE!", "'x' is not a date")),
  });

  it("shows the error code the function returned", async () => {
    expect(await engine.evaluate('=INV.UNITCOST("0")', { sheet: "S", row: 0, col: 0 })).toBe("#DIV/0!");
    expect(await engine.evaluate('=INV.UNITCOST("1")', { sheet: "S", row: 0, col: 0 })).toBe("#VALUE!");
  });
});
