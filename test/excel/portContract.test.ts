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
    (globalThis as any).Excel = new FakeExcel().excel;
    return new OfficeWorkbook({ writer: noYield });
  }],
];

afterEach(() => {
  delete (globalThis as any).Excel;
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
});
