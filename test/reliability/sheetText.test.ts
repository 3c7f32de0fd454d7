/**
 * Issue 8, item 5: text from imports and journals is written so that Excel never evaluates it. Every
 * write path of the WorkbookPort, on the in-memory workbook and on office-js (the office-addin-mock fake,
 * which stores a non-prefixed "=" string as a formula as Excel does), with values that start with =, +,
 * - or @, and a posted journal whose text fields carry them, written as the Item Ledger Entries sheet.
 */
import type { CellValue, ColumnKind, WorkbookPort } from "../../src/excel/port";
import { MemoryBatch } from "../../src/excel/memoryBatch";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { writeItemLedgerSheet } from "../../src/excel/sheets/itemLedgerSheet";
import { InventoryService } from "../../src/core/service/inventoryService";
import { FakeExcel } from "../excel/fakeExcel";
import { demoStore } from "./helpers";

const HOSTILE = [
  "=HYPERLINK(\"http://example.invalid\",\"click\")",
  "=cmd|' /C calc'!A0",
  "+SUM(1,2)",
  "-2+3",
  "@SUM(A1:A2)",
  "=1+1",
  "'=quoted already",
  "<script>alert(1)</script>",
  "1-2",
  "0012",
];

const noYield = { yieldToEventLoop: async () => undefined };

interface Rig {
  port: WorkbookPort;
  /** Every stored cell as [text-or-value, isFormula]. */
  cells(sheet: string): { value: unknown; formula: boolean }[];
}

function memoryRig(): Rig {
  const wb = new MemoryWorkbook({ writer: noYield });
  return {
    port: wb,
    cells(sheet) {
      const { rowCount, columnCount } = wb.usedRange(sheet);
      const out: { value: unknown; formula: boolean }[] = [];
      for (let r = 0; r < rowCount; r++) for (let c = 0; c < columnCount; c++) {
        const cell = wb.cell(sheet, r, c);
        out.push({ value: cell.value, formula: cell.formula !== null });
      }
      return out;
    },
  };
}

function officeRig(): Rig {
  const fake = new FakeExcel();
  (globalThis as { Excel?: unknown }).Excel = fake.excel;
  return {
    port: new OfficeWorkbook({ writer: noYield }),
    cells: (sheet) => (fake.sheet(sheet)?.cells ?? []).flatMap((row) => (row ?? []).map((value) => ({ value, formula: typeof value === "string" && value.startsWith("FORMULA:") }))),
  };
}

afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
});

const TEXT_KINDS: ColumnKind[] = ["code", "text", "message", "date", "quantity", "amount"];

describe.each<[string, () => Rig]>([
  ["in-memory workbook", memoryRig],
  ["office-js workbook", officeRig],
])("%s", (_name, makeRig) => {
  test("writeTable, appendTableRows, updateTableRows, updateTableColumns and writeSheetCells keep hostile text as text", async () => {
    const rig = makeRig();
    const columns = TEXT_KINDS.map((kind) => ({ header: `Col ${kind}`, kind }));
    const rows: CellValue[][] = HOSTILE.map((text) => TEXT_KINDS.map(() => text));
    await rig.port.writeTable({ sheet: "Data", table: "tblData", title: "=TITLE()", parameters: "+P", stamp: "@S", columns, rows });
    await rig.port.appendTableRows("tblData", columns, [TEXT_KINDS.map(() => "=APPENDED()")]);
    await rig.port.updateTableRows("tblData", columns, [{ row: 0, values: TEXT_KINDS.map(() => "-UPDATED()") }]);
    await rig.port.updateTableColumns("tblData", ["Col text"], [["@COLUMN()"]]);
    await rig.port.writeSheetCells("Data", 40, 0, [HOSTILE]);
    const cells = rig.cells("Data");
    expect(cells.filter((cell) => cell.formula)).toEqual([]);
    const values = cells.map((cell) => cell.value);
    for (const text of [...HOSTILE, "=TITLE()", "+P", "@S", "=APPENDED()", "-UPDATED()", "@COLUMN()"]) expect(values).toContain(text);
    const table = await rig.port.readTable("tblData");
    expect(table?.rows[1]).toEqual(TEXT_KINDS.map(() => HOSTILE[1]));
  });

  test("a posted journal's text fields reach the Item Ledger Entries sheet as text", async () => {
    const store = await demoStore();
    await new InventoryService(store).postJournal(
      HOSTILE.slice(0, 6).map((text, i) => ({ postingDate: "2025-02-05", entryType: "Purchase" as const, documentNo: text, item: "1000", location: "MAIN", quantity: i + 1, unitCost: 10 })),
    );
    const book = (await store.read((tx) => tx.books(["1000"]))).get("1000")!;
    const rig = makeRig();
    await writeItemLedgerSheet(rig.port, book.entries, book.values);
    const cells = rig.cells((await rig.port.sheetNames()).find((name) => !name.startsWith("Sheet"))!);
    expect(cells.filter((cell) => cell.formula)).toEqual([]);
    for (const text of HOSTILE.slice(0, 6)) expect(cells.map((cell) => cell.value)).toContain(text);
  });
});

test("every string sent to the workbook carries the quote prefix, so +, - and @ are text too", async () => {
  const sent: string[] = [];
  const original = MemoryBatch.prototype.setValues;
  const spy = jest.spyOn(MemoryBatch.prototype, "setValues").mockImplementation(function (this: MemoryBatch, sheet, row, column, values) {
    for (const line of values) for (const value of line) if (typeof value === "string" && value !== "") sent.push(value);
    return original.call(this, sheet, row, column, values);
  });
  try {
    const rig = memoryRig();
    const columns = TEXT_KINDS.map((kind) => ({ header: `Col ${kind}`, kind }));
    await rig.port.writeTable({ sheet: "Data", table: "tblData", title: "T", columns, rows: HOSTILE.map((text) => TEXT_KINDS.map(() => text)) });
    await rig.port.writeSheetCells("Data", 40, 0, [HOSTILE]);
  } finally {
    spy.mockRestore();
  }
  expect(sent.length).toBeGreaterThan(HOSTILE.length * 2);
  expect(sent.filter((value) => !value.startsWith("'"))).toEqual([]);
});
