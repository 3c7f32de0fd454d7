/**
 * The same WorkbookPort behaviour from both implementations: the in-memory workbook and the office-js
 * workbook over office-addin-mock with the fake object graph.
 */
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import type { CellValue, WorkbookPort } from "../../src/excel/port";
import {
  createItemJournalSheet, readItemJournal, removePostedLines, writeJournalStatus,
} from "../../src/excel/sheets/itemJournalSheet";
import { readItemsForImport, writeItemsStatus } from "../../src/excel/sheets/itemsSheet";
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

/** A sheet the user typed (no table): text stays text in both workbooks, numbers are numbers. */
function typeSheet(port: WorkbookPort, name: string, rows: CellValue[][]): void {
  if (port instanceof MemoryWorkbook) {
    port.addSheet(name);
    rows.forEach((line, r) => line.forEach((value, c) => value !== null && port.setCellInput(name, r, c, typeof value === "string" ? `'${value}` : String(value))));
  } else {
    const fake = (globalThis as any).__fake as FakeExcel;
    fake.sheets.push({ name, visibility: "Visible", cells: rows.map((line) => [...line]), numberFormats: [], fills: new Map(), fonts: new Map(), widths: new Map(), frozen: { rows: 0, columns: 0 } });
  }
}

/** The fill colour of a cell, or null. */
function fillOf(port: WorkbookPort, sheet: string, row: number, column: number): string | null {
  if (port instanceof MemoryWorkbook) return port.cell(sheet, row, column).fill;
  return ((globalThis as any).__fake as FakeExcel).sheet(sheet)!.fills.get(`${row},${column}`) ?? null;
}

const ERROR_FILL = "#FFC7CE";

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

  test("plain sheet: table names, values from A1, cells written beside the rows with fills set and cleared", async () => {
    const port = create();
    await port.writeTable({ sheet: "L", table: "tblL", title: "L", columns: [{ header: "A", kind: "text" }], rows: [["x"]] });
    expect(await port.tableNames()).toEqual(["tblL"]);
    typeSheet(port, "Import", [["No.", "Description", null, "Qty"], ["A-100", "Bolt", null, 5], [null, null, null, null], ["A-200", "Nut", null, 7]]);
    typeSheet(port, "Empty", []);
    expect(await port.readSheetValues("Import")).toEqual([["No.", "Description", null, "Qty"], ["A-100", "Bolt", null, 5], [null, null, null, null], ["A-200", "Nut", null, 7]]);
    expect(await port.readSheetValues("Empty")).toEqual([]);
    expect(await port.activeSheetName?.()).toBe("L");
    await port.activate("Import");
    expect(await port.activeSheetName?.()).toBe("Import");
    await expect(port.readSheetValues("Nowhere")).rejects.toThrow();

    await port.writeSheetCells("Import", 0, 4, [["Status", "Message"], ["Error", "=x is not a number"], [null, null], ["+1", 12]], [{ row: 1, column: 3, fill: "error" }]);
    expect((await port.readSheetValues("Import")).map((row) => row.slice(4))).toEqual([["Status", "Message"], ["Error", "=x is not a number"], [null, null], ["+1", 12]]);
    expect(fillOf(port, "Import", 1, 3)).toBe(ERROR_FILL);
    expect(fillOf(port, "Import", 3, 3)).toBeNull();
    await port.writeSheetCells("Import", 0, 0, [], [{ row: 1, column: 3, rowCount: 3, fill: null }]);
    expect(fillOf(port, "Import", 1, 3)).toBeNull();
    expect((await port.readSheetValues("Import"))[1]).toEqual(["A-100", "Bolt", null, 5, "Error", "=x is not a number"]);
  });

  test("items import from a plain sheet: headers in row 1, status beside the rows, a re-run overwrites it", async () => {
    const port = create();
    typeSheet(port, "My list", [
      ["No.", "Description", "Base Unit of Measure", "Costing Method"],
      ["4000", "Chain", "PCS", "FIFO"],
      [null, null, null, null],
      ["4100", "Pump", "PCS", "FIFOX"],
    ]);
    expect(await readItemsForImport(port, { sheet: "Missing" })).toBeNull();
    const read = (await readItemsForImport(port, { sheet: "My list" }))!;
    expect(read.rows).toEqual([["No.", "Description", "Base Unit of Measure", "Costing Method"], ["4000", "Chain", "PCS", "FIFO"], ["4100", "Pump", "PCS", "FIFOX"]]);
    expect(read.tableRows).toEqual([0, 2]);
    await writeItemsStatus(port, read, [{ row: 3, field: "costingMethod", message: "Costing method FIFOX is not valid" }]);
    const marked = await port.readSheetValues("My list");
    expect(marked.map((row) => row.slice(4))).toEqual([["Status", "Message"], ["Not imported", null], [null, null], ["Error", "Costing method FIFOX is not valid"]]);
    expect(fillOf(port, "My list", 3, 3)).toBe(ERROR_FILL);

    // Re-run on the same sheet: the Status/Message columns are found and reused, the old fill cleared.
    const again = (await readItemsForImport(port, { sheet: "My list" }))!;
    expect(again.rows[0]).toEqual(["No.", "Description", "Base Unit of Measure", "Costing Method"]);
    await writeItemsStatus(port, again, []);
    const after = await port.readSheetValues("My list");
    expect(after[0]).toEqual(["No.", "Description", "Base Unit of Measure", "Costing Method", "Status", "Message"]);
    expect(after.map((row) => row[4])).toEqual(["Status", "Imported", null, "Imported"]);
    expect(after[3][5]).toBeNull();
    expect(fillOf(port, "My list", 3, 3)).toBeNull();
  });

  test("items import from a user's table without Status/Message: the columns go on the sheet right of the table", async () => {
    const port = create();
    const columns = ["No.", "Description", "Base Unit of Measure", "Costing Method"].map((header) => ({ header, kind: "text" as const }));
    await port.writeTable({ sheet: "Paste", table: "tblPaste", title: "Pasted", columns, rows: [["4000", "Chain", "PCS", "FIFOX"], ["4100", "Pump", "PCS", "FIFO"]] });
    const read = (await readItemsForImport(port, { table: "tblPaste" }))!;
    expect(read.rows).toHaveLength(3);
    await writeItemsStatus(port, read, [{ row: 2, field: "costingMethod", message: "Costing method FIFOX is not valid" }]);
    const table = (await port.readTable("tblPaste"))!;
    expect(table.headers).toEqual(["No.", "Description", "Base Unit of Measure", "Costing Method"]);
    const beside = () => port.readSheetValues("Paste").then((values) => values.slice(table.firstDataRow - 1).map((row) => row.slice(4, 6)));
    expect(await beside()).toEqual([["Status", "Message"], ["Error", "Costing method FIFOX is not valid"], ["Not imported", null]]);
    expect(fillOf(port, "Paste", table.firstDataRow, 3)).toBe(ERROR_FILL);
    await writeItemsStatus(port, (await readItemsForImport(port, { table: "tblPaste" }))!, []);
    expect(await beside()).toEqual([["Status", "Message"], ["Imported", null], ["Imported", null]]);
    expect((await port.readSheetValues("Paste"))[table.firstDataRow - 1]).toHaveLength(6);
    expect(fillOf(port, "Paste", table.firstDataRow, 3)).toBeNull();
  });
});
