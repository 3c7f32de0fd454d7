import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import type { TableSpec } from "../../src/excel/port";
import { isPayloadLimitError } from "../../src/excel/syncBatch";

const noYield = { yieldToEventLoop: async () => undefined };

function spec(rows: TableSpec["rows"], extra: Partial<TableSpec> = {}): TableSpec {
  return {
    sheet: "Items",
    table: "tblItems",
    title: "Items",
    stamp: "Generated 2025-02-05 10:14 · ledger v57",
    columns: [
      { header: "No.", kind: "code" },
      { header: "Posting Date", kind: "date" },
      { header: "Quantity", kind: "quantity" },
      { header: "Cost Amount (Actual)", kind: "amount" },
      { header: "Open", kind: "boolean" },
    ],
    rows,
    ...extra,
  };
}

describe("MemoryWorkbook", () => {
  test("a written table reads back with its layout, formats, widths and panes", async () => {
    const wb = new MemoryWorkbook({ writer: noYield });
    const report = await wb.writeTable(spec([["0100", "2025-01-03", 10, 300, true], ["=SUM(A1)", "2025-01-05", 2.5, -12.5, false]]));
    expect(report).toMatchObject({ rows: 2, complete: true });
    expect(report.syncs).toBe(wb.syncs);
    expect(wb.cell("Items", 0, 0)).toMatchObject({ value: "Items", bold: true, fontSize: 14 });
    expect(wb.cell("Items", 2, 0).value).toBe("Generated 2025-02-05 10:14 · ledger v57");
    const table = await wb.readTable("TBLITEMS");
    expect(table).toMatchObject({ sheet: "Items", firstDataRow: 5, firstColumn: 0 });
    expect(table?.headers).toEqual(["No.", "Posting Date", "Quantity", "Cost Amount (Actual)", "Open"]);
    // Codes keep leading zeros and formula-like text stays text (quote prefix), dates become serials.
    expect(table?.rows).toEqual([["0100", 45660, 10, 300, true], ["=SUM(A1)", 45662, 2.5, -12.5, false]]);
    expect(wb.cell("Items", 6, 0)).toMatchObject({ formula: null, quotePrefix: true, numberFormat: "@" });
    expect(wb.cell("Items", 5, 1)).toMatchObject({ numberFormat: "yyyy-mm-dd", text: "2025-01-03" });
    expect(wb.cell("Items", 6, 2)).toMatchObject({ numberFormat: "#,##0.#####", text: "2.5" });
    expect(wb.cell("Items", 6, 3)).toMatchObject({ numberFormat: "#,##0.00;[Red]-#,##0.00", text: "-12.50", red: true });
    expect(wb.columnWidth("Items", 0)).toBe(70);
    expect(wb.columnWidth("Items", 3)).toBe(95);
    expect(wb.sheets()).toEqual([{ name: "Items", visibility: "visible", frozenRows: 5, frozenColumns: 0, rowCount: 7, columnCount: 5 }]);
    expect(wb.table("tblItems")).toMatchObject({ row: 4, rowCount: 3, columnCount: 5, style: "TableStyleLight9" });
  });

  test("rewriting a table replaces the sheet's contents and keeps sheet order", async () => {
    const wb = new MemoryWorkbook({ writer: noYield });
    await wb.writeTable(spec([["A", null, 1, 1, true], ["B", null, 2, 2, true]]));
    await wb.writeTable({ ...spec([]), sheet: "Meta", table: "tblMeta", visibility: "veryHidden" });
    await wb.writeTable(spec([["C", null, 3, 3, false]]));
    expect(await wb.sheetNames()).toEqual(["Items", "Meta"]);
    expect(wb.sheets()[1].visibility).toBe("veryHidden");
    expect((await wb.readTable("tblItems"))?.rows).toEqual([["C", null, 3, 3, false]]);
    expect(wb.usedRange("Items").rowCount).toBe(6);
    // An empty table still has one (blank) body row, as in Excel.
    expect((await wb.readTable("tblMeta"))?.rows).toEqual([[null, null, null, null, null]]);
  });

  test("a sync over the payload limit applies nothing and throws RequestPayloadSizeLimitExceeded", async () => {
    const wb = new MemoryWorkbook({ payloadLimitBytes: 10_000, writer: { ...noYield, targetBytes: 1_000_000, maxRetries: 0 } });
    const rows = Array.from({ length: 1000 }, (_, i) => [`ITEM-${i}`, "2025-01-03", i, i, true]);
    const error = await wb.writeTable(spec(rows)).catch((e: unknown) => e);
    expect(isPayloadLimitError(error)).toBe(true);
    expect((error as Error).name).toBe("RequestPayloadSizeLimitExceeded");
    expect(wb.largestSyncBytes).toBeLessThanOrEqual(10_000);
    expect(wb.table("tblItems")).toBeUndefined();
    expect(wb.usedRange("Items").rowCount).toBe(5); // banner and header only
  });

  test("user input is read as Excel reads typed text; formulas keep their text and take computed results", () => {
    const wb = new MemoryWorkbook();
    wb.addSheet("Sheet1");
    const changes: string[] = [];
    const off = wb.onChange((change) => changes.push(change.kind));
    wb.setCellInput("Sheet1", 0, 0, "42.5");
    wb.setCellInput("Sheet1", 0, 1, "2025-02-05");
    wb.setCellInput("Sheet1", 0, 2, "'00123");
    wb.setCellInput("Sheet1", 0, 3, '=INV.QTY("1000")');
    wb.setCellInput("Sheet1", 0, 4, "true");
    expect(wb.cell("Sheet1", 0, 0).value).toBe(42.5);
    expect(wb.cell("Sheet1", 0, 1)).toMatchObject({ value: 45693, numberFormat: "yyyy-mm-dd", text: "2025-02-05" });
    expect(wb.cell("Sheet1", 0, 2)).toMatchObject({ value: "00123", quotePrefix: true });
    expect(wb.cell("Sheet1", 0, 3)).toMatchObject({ value: null, formula: '=INV.QTY("1000")' });
    expect(wb.cell("Sheet1", 0, 4).value).toBe(true);
    wb.setFormulaResult("Sheet1", 0, 3, 8);
    expect(wb.cell("Sheet1", 0, 3)).toMatchObject({ value: 8, formula: '=INV.QTY("1000")' });
    expect(wb.formulaCells()).toEqual([{ sheet: "Sheet1", row: 0, column: 3, formula: '=INV.QTY("1000")' }]);
    expect(() => wb.setFormulaResult("Sheet1", 0, 0, 1)).toThrow(/no formula/);
    off();
    wb.setCellInput("Sheet1", 1, 0, "x");
    expect(changes).toEqual(["input", "input", "input", "input", "input", "result"]);
  });

  test("outline levels stop at 8 and cells at 32,767 characters", () => {
    const wb = new MemoryWorkbook();
    wb.addSheet("Trace");
    wb.setRowOutlineLevel("Trace", 3, 8);
    expect(wb.rowOutlineLevel("Trace", 3)).toBe(8);
    expect(() => wb.setRowOutlineLevel("Trace", 4, 9)).toThrow(RangeError);
    expect(() => wb.setCellInput("Trace", 0, 0, "x".repeat(32_768))).toThrow(/32767/);
  });

  test("status columns and fills are written into an existing table", async () => {
    const wb = new MemoryWorkbook({ writer: noYield });
    await wb.writeTable(spec([["A", null, 1, 1, true], ["B", null, 2, 2, true]]));
    await wb.updateTableColumns("tblItems", ["Quantity", "Cost Amount (Actual)"], [[5, 6], [7, 8]]);
    await wb.updateTableColumns("tblItems", ["No.", "Open"], [["-X", false]]);
    expect((await wb.readTable("tblItems"))?.rows).toEqual([["-X", null, 5, 6, false], ["B", null, 7, 8, true]]);
    await wb.markCells("tblItems", [{ row: 1, column: "Quantity", fill: "error" }]);
    expect(wb.cell("Items", 6, 2).fill).toBe("#FFC7CE");
    await wb.markCells("tblItems", [{ row: "all", column: "Quantity", fill: null }]);
    expect(wb.cell("Items", 6, 2).fill).toBeNull();
    await expect(wb.markCells("tblItems", [{ row: 2, column: "Quantity", fill: "error" }])).rejects.toThrow(/no row 2/);
    await expect(wb.updateTableColumns("tblItems", ["Nope"], [[1]])).rejects.toThrow(/no column/);
  });

  test("trace rows are grouped by level up to 8, indented past it, summary above detail", async () => {
    const wb = new MemoryWorkbook({ writer: noYield });
    const levels = [0, 1, 2, 2, 1, 0, 1, 9, 10, 3];
    await wb.writeTable({
      sheet: "Item Tracing", table: "tblItemTrace", title: "Item Tracing",
      columns: [{ header: "Level", kind: "integer" }, { header: "Trace Line", kind: "text" }],
      rows: levels.map((level) => [level, `entry at ${level}`]),
      rowLevels: levels, indentColumn: "Trace Line",
    });
    expect(levels.map((_, r) => wb.rowOutlineLevel("Item Tracing", 5 + r))).toEqual([0, 1, 2, 2, 1, 0, 1, 8, 8, 3]);
    expect(levels.map((_, r) => wb.cell("Item Tracing", 5 + r, 1).indent)).toEqual([0, 1, 2, 2, 1, 0, 1, 9, 10, 3]);
    expect(wb.cell("Item Tracing", 5, 0).indent).toBe(0);
  });

  test("formula columns are written as formulas; list columns carry their drop-down", async () => {
    const wb = new MemoryWorkbook({ writer: noYield });
    await wb.writeTable({
      sheet: "Items", table: "tblItems", title: "Items",
      columns: [{ header: "No.", kind: "code" }, { header: "Type", kind: "text", list: ["Inventory", "Service"] }, { header: "Qty", kind: "formula" }],
      rows: [["1000", "Inventory", "=INV.QTY([@[No.]])"]],
    });
    expect(wb.cell("Items", 5, 2)).toMatchObject({ formula: "=INV.QTY([@[No.]])", value: null });
    expect(wb.cell("Items", 5, 1).validationList).toEqual(["Inventory", "Service"]);
    expect(wb.formulaCells()).toEqual([{ sheet: "Items", row: 5, column: 2, formula: "=INV.QTY([@[No.]])" }]);
  });

  test("array results spill, #SPILL! when blocked, and typing over a spilled cell blocks the spill", () => {
    const wb = new MemoryWorkbook();
    wb.addSheet("S");
    wb.setCellInput("S", 0, 0, '=INV.EXPLAIN("1000")');
    wb.setFormulaResult("S", 0, 0, [["Entry", "Cost"], [2, 1040], [4, 1200]]);
    expect([0, 1, 2].map((r) => [wb.cell("S", r, 0).value, wb.cell("S", r, 1).value])).toEqual([["Entry", "Cost"], [2, 1040], [4, 1200]]);
    expect(wb.cell("S", 2, 1).spillAnchor).toEqual({ row: 0, column: 0 });
    expect(wb.cell("S", 2, 1).formula).toBeNull();
    // A smaller result shrinks the spill.
    wb.setFormulaResult("S", 0, 0, [["Entry"], [2]]);
    expect(wb.cell("S", 2, 1).value).toBeNull();
    expect(wb.cell("S", 2, 1).spillAnchor).toBeNull();
    // Typing into the spill range blocks it.
    wb.setCellInput("S", 1, 0, "x");
    expect(wb.cell("S", 0, 0).text).toBe("#SPILL!");
    expect(wb.cell("S", 1, 0).value).toBe("x");
    wb.setFormulaResult("S", 0, 0, [["Entry"], [2]]);
    expect(wb.cell("S", 0, 0).value).toBe("#SPILL!");
    wb.setCellInput("S", 1, 0, "");
    wb.setFormulaResult("S", 0, 0, [["Entry"], [2]]);
    expect(wb.cell("S", 1, 0)).toMatchObject({ value: 2, spillAnchor: { row: 0, column: 0 } });
  });
});
