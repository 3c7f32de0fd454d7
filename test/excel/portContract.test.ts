/**
 * The same WorkbookPort behaviour from both implementations: the in-memory workbook and the office-js
 * workbook over office-addin-mock with the fake object graph.
 */
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import type { WorkbookPort } from "../../src/excel/port";
import {
  createItemJournalSheet, readItemJournal, removePostedLines, writeJournalStatus,
} from "../../src/excel/sheets/itemJournalSheet";
import { FakeExcel } from "./fakeExcel";

const noYield = { yieldToEventLoop: async () => undefined };

const implementations: [string, () => WorkbookPort][] = [
  ["MemoryWorkbook", () => new MemoryWorkbook({ writer: noYield })],
  ["OfficeWorkbook", () => {
    const fake = new FakeExcel();
    (globalThis as any).__fake = fake;
    (globalThis as any).Excel = fake.excel;
    return new OfficeWorkbook({ writer: noYield });
  }],
];

afterEach(() => {
  delete (globalThis as any).Excel;
  delete (globalThis as any).__fake;
});

describe.each(implementations)("%s", (_name, create) => {
  test("journal flow: create, read, status with fills, remove posted lines", async () => {
    const port = create();
    await createItemJournalSheet(port, {
      lines: [
        { postingDate: "2025-01-18", entryType: "NegativeAdjmt", documentNo: "ADJ-1", item: "3000", location: "MAIN", quantity: 4, lotNo: "L-001" },
        { postingDate: "2025-01-20", entryType: "Transfer", item: "0100", location: "MAIN", newLocation: "EAST", quantity: 3 },
      ],
    });
    const read = await readItemJournal(port);
    expect(read.parseErrors).toEqual([]);
    expect(read.lines).toEqual([
      { lineNo: 1, postingDate: "2025-01-18", entryType: "NegativeAdjmt", documentNo: "ADJ-1", item: "3000", location: "MAIN", quantity: 4, lotNo: "L-001" },
      { lineNo: 2, postingDate: "2025-01-20", entryType: "Transfer", item: "0100", location: "MAIN", newLocation: "EAST", quantity: 3 },
    ]);
    await writeJournalStatus(port, { errors: [{ line: 2, field: "newLocation", message: "Location EAST is blocked" }] });
    const table = (await port.readTable("tblItemJournal"))!;
    const status = table.headers.indexOf("Status");
    expect(table.rows.map((row) => row.slice(status))).toEqual([["OK", null], ["Error", "Location EAST is blocked"]]);
    await removePostedLines(port, [1]);
    const after = await readItemJournal(port);
    expect(after.lines.map((line) => [line.lineNo, line.item])).toEqual([[1, "0100"]]);
    expect(await port.sheetNames()).toEqual(["Item Journal"]);
  });

  test("append and patch rows keep types: serial dates, booleans, text that looks like a formula", async () => {
    const port = create();
    const columns = [
      { header: "Entry No.", kind: "integer" as const },
      { header: "Posting Date", kind: "date" as const },
      { header: "Open", kind: "boolean" as const },
      { header: "Note", kind: "text" as const },
    ];
    await port.writeTable({ sheet: "L", table: "tblL", title: "L", columns, rows: [[1, "2025-01-03", true, "+1"]] });
    await port.appendTableRows("tblL", columns, [[2, "2025-01-05", true, "=SUM(A1)"]]);
    await port.updateTableRows("tblL", [columns[0], columns[2]], [{ row: 0, values: [1, false] }]);
    const table = (await port.readTable("tblL"))!;
    expect(table.rows).toEqual([[1, 45660, false, "+1"], [2, 45662, true, "=SUM(A1)"]]);
    expect(table).toMatchObject({ sheet: "L", firstDataRow: 5, firstColumn: 0, headers: ["Entry No.", "Posting Date", "Open", "Note"] });
    expect(await port.readTable("tblMissing")).toBeNull();
    await expect(port.updateTableColumns("tblL", ["Nope"], [[1]])).rejects.toThrow(/no column "Nope"/);
  });

  test("replace keeps the table: a user's formula column follows the resize, a constants column is cleared with a warning", async () => {
    const port = create();
    const columns = [{ header: "Item No.", kind: "code" as const }, { header: "Value at End", kind: "amount" as const }];
    const spec = { sheet: "Valuation", table: "tblInvValuation", title: "Inventory Valuation", columns, rows: [["1000", 920], ["2000", 510]] };
    await port.writeTable(spec);
    // The user adds two columns to the table: a formula and a note.
    const widen = async () => {
      if (port instanceof MemoryWorkbook) {
        port.setCellInput("Valuation", 4, 2, "Share");
        port.setCellInput("Valuation", 4, 3, "Note");
        (port as any).tableMap.get("tblinvvaluation").columnCount = 4;
        for (const r of [5, 6]) { port.setCellInput("Valuation", r, 2, "=[@[Value at End]]/1600"); port.setCellInput("Valuation", r, 3, "check"); }
      } else {
        const fake = (globalThis as any).__fake as FakeExcel;
        const sheet = fake.sheet("Valuation")!;
        const cells = sheet.cells as (string | number | boolean | null)[][];
        cells[4][2] = "Share"; cells[4][3] = "Note";
        for (const r of [5, 6]) { cells[r][2] = "FORMULA:=[@[Value at End]]/1600"; cells[r][3] = "check"; }
        fake.tables.get("tblinvvaluation")!.columnCount = 4;
      }
    };
    await widen();
    const report = await port.writeTable({ ...spec, rows: [["1000", 960], ["2000", 495], ["3000", 170]] });
    expect(report.warnings).toEqual(['Column "Note" of tblInvValuation held values, not a formula; they were cleared.']);
    const table = (await port.readTable("tblInvValuation"))!;
    expect(table.headers).toEqual(["Item No.", "Value at End", "Share", "Note"]);
    expect(table.rows.map((row) => [row[0], row[1], row[3]])).toEqual([["1000", 960, null], ["2000", 495, null], ["3000", 170, null]]);
    if (port instanceof MemoryWorkbook) {
      // Excel fills a calculated column into the rows a table gains.
      expect([5, 6, 7].map((r) => port.cell("Valuation", r, 2).formula)).toEqual(Array(3).fill("=[@[Value at End]]/1600"));
    } else {
      expect((globalThis as any).__fake.value("Valuation", 5, 2)).toBe("FORMULA:=[@[Value at End]]/1600");
    }
    // Shrinking leaves no stale rows below the table.
    await port.writeTable({ ...spec, rows: [["1000", 1]] });
    expect((await port.readTable("tblInvValuation"))!.rows.map((row) => row.slice(0, 2))).toEqual([["1000", 1]]);
  });
});
