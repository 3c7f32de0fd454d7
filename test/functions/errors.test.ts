/** Argument handling and error mapping of the INV functions (excel.md §1.1 conventions and error table). */
import { basisArgument, dateArgument, optionsArgument, serialToIsoDate } from "../../src/functions/arguments";
import { InvError } from "../../src/functions/cellErrors";
import { codeFilter, isFilter } from "../../src/functions/codeFilter";
import { configureFunctions, invFunctions } from "../../src/functions/registry";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";
import { describeError, FakeCustomFunctionError, installCustomFunctionsShim, removeCustomFunctionsShim } from "./customFunctionsShim";
import { smallLedger } from "./ledgerFixture";

const { QTY, UNITCOST } = invFunctions;

async function rejection(call: () => unknown): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

describe("cell errors reach Excel as CustomFunctions.Error", () => {
  beforeAll(() => installCustomFunctionsShim());
  beforeEach(async () => {
    configureFunctions({ store: await smallLedger() });
  });

  test("an unknown item is #N/A with the item named", async () => {
    const error = await rejection(() => QTY([["9999"]], "2025-01-31"));
    expect(error).toBeInstanceOf(FakeCustomFunctionError);
    expect(describeError(error)).toEqual({ code: "#N/A", message: "Item 9999 does not exist" });
  });

  test("an unknown location is #N/A; a location filter that matches nothing is 0", async () => {
    expect(describeError(await rejection(() => QTY([["1000"]], "2025-01-31", "WEST")))).toEqual({
      code: "#N/A",
      message: "Location WEST does not exist",
    });
    expect(await QTY([["1000"]], "2025-01-31", "W*")).toEqual([[0]]);
  });

  test("text that is not a date is #VALUE! with the spec's hint", async () => {
    expect(describeError(await rejection(() => QTY([["1000"]], "31/01/25")))).toEqual({
      code: "#VALUE!",
      message: "'31/01/25' is not a date; use a date cell or yyyy-mm-dd",
    });
    expect(describeError(await rejection(() => QTY([["1000"]], "2025-02-30")))).toEqual({
      code: "#VALUE!",
      message: "'2025-02-30' is not a date; use a date cell or yyyy-mm-dd",
    });
  });

  test("unit cost at zero quantity is #DIV/0! without text", async () => {
    expect(describeError(await rejection(() => UNITCOST([["3000"]], "2025-01-31")))).toEqual({
      code: "#DIV/0!",
      message: undefined,
    });
  });

  test("a bad basis or option key is #VALUE!", async () => {
    expect(describeError(await rejection(() => UNITCOST([["1000"]], "2025-01-31", "", "FIFO")))).toEqual({
      code: "#VALUE!",
      message: "basis must be posted or adjusted",
    });
    expect(describeError(await rejection(() => QTY([["1000"]], "", "", "colour=red")))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("option colour is not known"),
    });
  });

  test("in a range, errors sit in their cells and the other cells keep their numbers", async () => {
    const result = (await UNITCOST([["1000"], ["9999"], ["3000"], ["2000"]], "2025-01-31")) as unknown[][];
    expect(result[0]).toEqual([120]);
    expect(describeError(result[1][0])).toEqual({ code: "#N/A", message: "Item 9999 does not exist" });
    expect(describeError(result[2][0])).toEqual({ code: "#DIV/0!", message: undefined });
    expect(result[3]).toEqual([34]);
  });

  test("a shared-argument error fills every cell of the range", async () => {
    const result = (await QTY([["1000", "2000"]], "someday")) as unknown[][];
    expect(result).toHaveLength(1);
    expect(result[0].map((cell) => describeError(cell).code)).toEqual(["#VALUE!", "#VALUE!"]);
  });

  test("other arguments may be ranges of the item's shape, read element-wise", async () => {
    const result = (await QTY([["1000"], ["1000"], ["2000"]], [["2025-01-31"], ["2025-01-05"], [45688]], [["MAIN"], [""], ["EAST"]])) as unknown[][];
    expect(result).toEqual([[5], [10], [0]]);
    const mixed = (await QTY([["1000"], ["1000"]], [["2025-01-31"], ["31/01/25"]])) as unknown[][];
    expect(mixed[0]).toEqual([8]);
    expect(describeError(mixed[1][0])).toEqual({ code: "#VALUE!", message: "'31/01/25' is not a date; use a date cell or yyyy-mm-dd" });
  });

  test("a range argument of another shape is #VALUE! in every cell", async () => {
    const result = (await QTY([["1000"], ["2000"]], [["2025-01-31", "2025-01-31"]])) as unknown[][];
    expect(result.flat().map((cell) => describeError(cell))).toEqual(
      new Array(2).fill({ code: "#VALUE!", message: "asOf must be a single value or a range the same size as item" }),
    );
  });

  test("without a company the answer is #N/A asking to open the pane", async () => {
    configureFunctions({ store: new MemoryLedgerStore() });
    expect(describeError(await rejection(() => QTY([["1000"]])))).toEqual({
      code: "#N/A",
      message: "No inventory company bound — open the INV pane",
    });
  });

  test("an Excel date serial and ISO text give the same answer; numbers are read as item codes", async () => {
    expect(await QTY([[1000]], 45688)).toEqual([[8]]); // 45688 = 2025-01-31
    expect(await QTY([["1000"]], "2025-01-31")).toEqual([[8]]);
    expect(await QTY("1000", "2025-01-31", "MAIN")).toEqual([[5]]);
  });
});

describe("outside office.js (workbench) errors are plain InvError values", () => {
  beforeAll(() => removeCustomFunctionsShim());
  beforeEach(async () => {
    configureFunctions({ store: await smallLedger() });
  });

  test("the thrown error carries the Excel code and text", async () => {
    const error = await rejection(() => QTY([["9999"]]));
    expect(error).toBeInstanceOf(InvError);
    expect(describeError(error)).toEqual({ code: "#N/A", message: "Item 9999 does not exist" });
  });
});

describe("argument parsing", () => {
  test("Excel serials in the 1900 system, including its phantom 29 February", () => {
    expect(serialToIsoDate(1)).toBe("1900-01-01");
    expect(serialToIsoDate(59)).toBe("1900-02-28");
    expect(serialToIsoDate(61)).toBe("1900-03-01");
    expect(serialToIsoDate(45688.75)).toBe("2025-01-31");
    expect(() => serialToIsoDate(60)).toThrow(InvError);
    expect(() => serialToIsoDate(0)).toThrow("is not a date");
  });

  test("dates: blank means the work date; booleans and loose text are refused", () => {
    expect(dateArgument(undefined)).toBeNull();
    expect(dateArgument(null)).toBeNull();
    expect(dateArgument("  ")).toBeNull();
    expect(dateArgument(" 2024-02-29 ")).toBe("2024-02-29");
    expect(() => dateArgument(true)).toThrow("'true' is not a date");
    expect(() => dateArgument("2025-1-31")).toThrow("is not a date");
  });

  test("basis and options", () => {
    expect(basisArgument(undefined)).toBe("posted");
    expect(basisArgument(" Adjusted ")).toBe("adjusted");
    expect(optionsArgument("date=valuation; expected=true;lot=L-001;")).toEqual({
      date: "valuation",
      expected: true,
      variant: null,
      lot: "L-001",
      serial: null,
    });
    expect(() => optionsArgument("expected=maybe")).toThrow("expected must be TRUE or FALSE");
    expect(() => optionsArgument("lot")).toThrow("needs a value");
  });

  test("BC filters on codes", () => {
    const codes = ["1000", "1500", "2000", "10A", "EAST", "MAIN", ""];
    const select = (filter: string) => codes.filter(codeFilter(filter));
    expect(select("1000|2000")).toEqual(["1000", "2000"]);
    expect(select("1000..1999")).toEqual(["1000", "1500", "10A"]);
    expect(select("<>EAST")).toEqual(["1000", "1500", "2000", "10A", "MAIN", ""]);
    expect(select("10*")).toEqual(["1000", "10A"]);
    expect(select("1?00")).toEqual(["1000", "1500"]);
    expect(select(">=1500&<2000")).toEqual(["1500"]);
    expect(select("main")).toEqual(["MAIN"]);
    expect(isFilter("1000")).toBe(false);
    expect(isFilter("")).toBe(true);
    expect(isFilter("1000..2000")).toBe(true);
  });
});
