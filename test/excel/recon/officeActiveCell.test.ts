/** OfficeWorkbook.activeCell over office-js's Workbook.getActiveCell (a fake Excel): sheet, address, formula. */
import { OfficeWorkbook } from "../../../src/excel/officeWorkbook";
import { FakeExcel } from "../fakeExcel";

afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
});

function withActiveCell(address: string, formula: unknown, value: unknown, rowIndex: number, columnIndex: number) {
  const fake = new FakeExcel();
  (globalThis as { Excel?: unknown }).Excel = fake.excel;
  const loaded: string[][] = [];
  fake.excel.context.workbook.getActiveCell = () => ({
    load: (what: string[]) => loaded.push(what),
    address, formulas: [[formula]], values: [[value]], rowIndex, columnIndex,
  });
  return { workbook: new OfficeWorkbook(), loaded };
}

test("a formula cell on a quoted sheet name: sheet unquoted, address without the sheet, formula text", async () => {
  const { workbook, loaded } = withActiveCell("'Bob''s Sheet'!E4", '=INV.UNITCOST(A4,"2025-01-31")', 115, 3, 4);
  expect(await workbook.activeCell()).toEqual({ sheet: "Bob's Sheet", row: 3, column: 4, address: "E4", formula: '=INV.UNITCOST(A4,"2025-01-31")', value: 115 });
  expect(loaded).toEqual([["address", "formulas", "values", "rowIndex", "columnIndex"]]);
});

test("a constant has no formula", async () => {
  const { workbook } = withActiveCell("Analysis!A4", "1000", "1000", 3, 0);
  expect(await workbook.activeCell()).toMatchObject({ sheet: "Analysis", address: "A4", formula: null, value: "1000" });
});
