import { composeApp } from "../../../src/app/composition";
import { loadDemoLedger } from "../../../src/demo/demoData";
import { MemoryWorkbook } from "../../../src/excel/memoryWorkbook";
import { closeChangeChannel, flushFunctions, invFunctions } from "../../../src/functions/registry";
import { MemoryLedgerStore } from "../../../src/storage/memoryStore";
import { explainArguments, parseInvCall, resolveArguments } from "../../../src/taskpane/hooks/explainCell";
import { explainActiveCell } from "../../../src/taskpane/hooks/reconCommands";

const reporter = { progress: () => undefined, isCancelled: () => false };

describe("Explain selected cell: the INV call of a formula", () => {
  it("parses literals, omitted arguments and cell references (with sheets and $)", () => {
    expect(parseInvCall('=INV.VALUE("1000","2025-01-31",,"adjusted")')).toEqual({
      fn: "VALUE",
      args: [{ kind: "value", value: "1000" }, { kind: "value", value: "2025-01-31" }, { kind: "omitted" }, { kind: "value", value: "adjusted" }],
    });
    expect(parseInvCall("=ROUND(inv.qty($A4, 'My Sheet'!B$1, TRUE, 2.5),0)")?.args).toEqual([
      { kind: "cell", sheet: null, row: 3, column: 0 },
      { kind: "cell", sheet: "My Sheet", row: 0, column: 1 },
      { kind: "value", value: true },
      { kind: "value", value: 2.5 },
    ]);
    expect(parseInvCall('=INV.ATTR("a ""quoted"" item","Color")')?.args[0]).toEqual({ kind: "value", value: 'a "quoted" item' });
    expect(parseInvCall("=SUM(A1:A3)")).toBeNull();
  });

  it("refuses ranges and nested calls instead of guessing", () => {
    expect(() => parseInvCall("=INV.QTY(A2:A5)")).toThrow("Explain needs literal or single-cell arguments; 'A2:A5' is neither");
    expect(() => parseInvCall("=INV.QTY(B1, TODAY())")).toThrow("'TODAY()' is neither");
  });

  it("maps each function's arguments onto INV.EXPLAIN(kind, item, from/asOf, to, location, basis, options)", () => {
    expect(explainArguments("VALUE", ["1000", "2025-01-31", "EAST", "adjusted"])).toEqual(["VALUE", "1000", "2025-01-31", undefined, "EAST", "adjusted", undefined]);
    expect(explainArguments("UNITCOST", ["1000"])[0]).toBe("VALUE");
    expect(explainArguments("COGS", ["1000", "2025-01-01", "2025-01-31"])).toEqual(["COGS", "1000", "2025-01-01", "2025-01-31", undefined, undefined, undefined]);
    expect(explainArguments("LOTQTY", ["3000", "L-001", "2025-01-31"])).toEqual(["LOTQTY", "3000", "2025-01-31", undefined, undefined, undefined, "lot=L-001"]);
    expect(explainArguments("GLDIFF", ["1300", "2025-01-31"])).toEqual(["GLDIFF", "1300", "2025-01-31", undefined, undefined, undefined, undefined]);
    expect(() => explainArguments("ATTR", ["1000", "Color"])).toThrow("INV.ATTR has no explanation");
  });

  it("resolves references from the workbook and writes the explanation of the selected cell", async () => {
    const wb = new MemoryWorkbook({ writer: { yieldToEventLoop: async () => undefined } });
    wb.addSheet("Analysis");
    wb.setCellInput("Analysis", 3, 0, "'1000");
    wb.setCellInput("Analysis", 3, 1, '=INV.VALUE(A4,"2025-01-31")');
    wb.selectCell("Analysis", 3, 1);
    const call = parseInvCall('=INV.VALUE(A4,"2025-01-31")');
    expect(await resolveArguments(wb, "Analysis", call?.args ?? [])).toEqual(["1000", "2025-01-31"]);
    const calls: unknown[][] = [];
    const explain = (...args: unknown[]) => {
      calls.push(args);
      return [["Entry No.", "Cost Amount"], [2, 1000], ["Total", 1000]];
    };
    const outcome = await explainActiveCell(wb, explain, reporter, "Generated 2025-02-05 10:14");
    expect(calls).toEqual([["VALUE", "1000", "2025-01-31", undefined, undefined, undefined, undefined]]);
    expect(outcome).toMatchObject({ intent: "success", title: "Explained Analysis!B4: 2 rows" });
    expect((await wb.readTable("tblExplain"))?.rows).toEqual([[2, 1000, "Analysis!B4", '=INV.VALUE(A4,"2025-01-31")'], ["Total", 1000, "Analysis!B4", '=INV.VALUE(A4,"2025-01-31")']]);
    expect(await wb.activeSheetName()).toBe("Explain");
  });

  it("says what to do when the selected cell holds no INV formula, or the function answers with an error", async () => {
    const wb = new MemoryWorkbook();
    wb.addSheet("Analysis");
    wb.setCellInput("Analysis", 0, 0, "42");
    wb.selectCell("Analysis", 0, 0);
    await expect(explainActiveCell(wb, () => [[0]], reporter, "")).rejects.toThrow("Analysis!A1 holds no INV formula");
    wb.setCellInput("Analysis", 0, 0, '=INV.QTY("9999")');
    const failing = () => [[{ code: "#N/A", message: "Item 9999 does not exist" }]];
    await expect(explainActiveCell(wb, failing, reporter, "")).rejects.toThrow("INV.EXPLAIN for Analysis!A1: #N/A Item 9999 does not exist");
  });
});

describe("Explain selected cell with the real INV.EXPLAIN on the DEMO", () => {
  afterAll(async () => {
    closeChangeChannel();
    await flushFunctions();
  });

  it("=INV.VALUE(A4,\"2025-01-31\") on item 1000: the six value entries and a Total of 920.00", async () => {
    const wb = new MemoryWorkbook({ writer: { yieldToEventLoop: async () => undefined } });
    const deps = composeApp(new MemoryLedgerStore(), wb);
    await loadDemoLedger(deps.service);
    wb.addSheet("Analysis");
    wb.setCellInput("Analysis", 3, 0, "'1000");
    wb.setCellInput("Analysis", 3, 1, '=INV.VALUE(A4,"2025-01-31")');
    wb.selectCell("Analysis", 3, 1);
    await explainActiveCell(wb, invFunctions.EXPLAIN, reporter, "Generated 2025-02-05 10:14");
    const table = await wb.readTable("tblExplain");
    const at = (header: string) => table?.headers.indexOf(header) ?? -1;
    expect(table?.rows.map((row) => [row[at("Entry No.")], row[at("Cost Amount")]])).toEqual([[2, 1000], [4, 1200], [6, -1320], [9, -360], [10, 360], [12, 40], ["Total", 920]]);
    expect(table?.rows[0][at("Source Cell")]).toBe("Analysis!B4");
  });
});
