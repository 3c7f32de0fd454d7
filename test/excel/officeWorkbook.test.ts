import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { writeItemLedgerSheet } from "../../src/excel/sheets/itemLedgerSheet";
import { FakeExcel } from "./fakeExcel";
import { ledgerEntry, valueEntryFor } from "./ledgerFixtures";

const noYield = { yieldToEventLoop: async () => undefined };

function setup(limitBytes?: number, targetBytes?: number) {
  const fake = new FakeExcel(limitBytes);
  (globalThis as any).Excel = fake.excel;
  const syncSpy = jest.spyOn(fake.excel.context, "sync");
  const workbook = new OfficeWorkbook({ writer: { ...noYield, ...(targetBytes && { targetBytes }) } });
  return { fake, workbook, syncSpy };
}

afterEach(() => {
  delete (globalThis as any).Excel;
});

const spec = (rows: (string | number | boolean | null)[][]) => ({
  sheet: "Items",
  table: "tblItems",
  title: "Items",
  columns: [{ header: "No.", kind: "code" as const }, { header: "Posting Date", kind: "date" as const }, { header: "Quantity", kind: "quantity" as const }],
  rows,
});

describe("OfficeWorkbook (office-addin-mock)", () => {
  test("writes values, then tables.add, then formats, with manual calculation restored afterwards", async () => {
    const { fake, workbook, syncSpy } = setup();
    const report = await workbook.writeTable(spec([["0100", "2025-01-03", 10], ["=X", null, 2]]));
    const calls = fake.calls.filter((c) => c !== "suspendScreenUpdatingUntilNextSync");
    expect(calls).toEqual([
      "sync", // calculation mode read
      "properties.add(INV.CalculationModeBeforeWrite,Automatic)",
      "sync", // is there a table to replace in place? (also sends the switch to manual)
      "sync", // does the sheet or table exist?
      "worksheets.add(Items)", "Items.visibility=Visible",
      "values Items!R0C0:3x1", "bold Items!R0C0:1x1", "size Items!R0C0:1x1", "values Items!R4C0:1x3", "sync",
      "values Items!R5C0:2x3", "sync",
      "Items.tables.add(Items!R4C0:3x3,true)",
      "numberFormat Items!R5C0:2x1 @", "columnWidth Items!R0C0:1x1 70",
      "numberFormat Items!R5C1:2x1 yyyy-mm-dd", "columnWidth Items!R0C1:1x1 80",
      "numberFormat Items!R5C2:2x1 #,##0", "columnWidth Items!R0C2:1x1 80",
      "Items.freezeRows(5)", "sync",
      "properties.delete(INV.CalculationModeBeforeWrite)",
      "sync", // calculation mode restored
    ]);
    expect(syncSpy).toHaveBeenCalledTimes(7);
    expect(report).toMatchObject({ rows: 2, syncs: 5, complete: true });
    // Strings carry the quote prefix so Excel keeps them as text; dates go as serials.
    expect([0, 1, 2].map((c) => fake.value("Items", 5, c))).toEqual(["0100", 45660, 10]);
    expect(fake.value("Items", 6, 0)).toBe("=X");
    expect(fake.value("Items", 4, 2)).toBe("Quantity");
    expect(fake.numberFormat("Items", 6, 1)).toBe("yyyy-mm-dd");
    expect(fake.value("Items", 6, 1)).toBe("");
    expect(fake.tables.get("tblitems")).toMatchObject({ sheet: "Items", row: 4, rowCount: 3, columnCount: 3, style: "TableStyleLight9" });
    expect(fake.modes).toEqual(["Automatic", "Manual", "Manual", "Manual", "Manual", "Manual", "Automatic"]);
    expect(fake.excel.context.workbook.application.calculationMode).toBe("Automatic");
    expect(fake.calls.filter((c) => c === "suspendScreenUpdatingUntilNextSync").length).toBe(report.syncs);
    expect(fake.properties.size).toBe(0);
  });

  test("a failing write still restores the calculation mode and drops the stored one", async () => {
    const { fake, workbook } = setup();
    fake.excel.context.workbook.worksheets.add = () => {
      throw new Error("InvalidArgument");
    };
    await expect(workbook.writeTable(spec([["A", null, 1]]))).rejects.toThrow("InvalidArgument");
    expect(fake.excel.context.workbook.application.calculationMode).toBe("Automatic");
    expect(fake.properties.size).toBe(0);
  });

  test("at start, a calculation mode left in metadata by a write that never finished is restored", async () => {
    const { fake, workbook } = setup();
    // The state a killed add-in leaves: manual calculation, previous mode stored in the workbook.
    fake.properties.set("INV.CalculationModeBeforeWrite", "Automatic");
    fake.excel.context.workbook.application.calculationMode = "Manual";
    expect(await workbook.recoverCalculationMode()).toBe("Automatic");
    expect(fake.excel.context.workbook.application.calculationMode).toBe("Automatic");
    expect(fake.properties.size).toBe(0);
    expect(await workbook.recoverCalculationMode()).toBeNull();
  });

  test("a 100,000-row ledger is chunked under 5 MB, halving after a rejected request", async () => {
    // Target above the limit: the first chunks are rejected and halved, as on Excel on the web.
    const { fake, workbook } = setup(5 * 1024 * 1024, 8 * 1024 * 1024);
    const entries = Array.from({ length: 100_000 }, (_, i) => ledgerEntry(i + 1));
    const values = entries.map((e, i) => valueEntryFor(e, i + 1, 1000));
    const report = await writeItemLedgerSheet(workbook, entries, values);
    console.log(`office 100k ledger: ${report.syncs} syncs (${fake.rejected} rejected), ${report.rowsPerSync} rows/sync, largest accepted request ${Math.max(...fake.requestBytes)} B`);
    expect(fake.rejected).toBeGreaterThan(0);
    expect(Math.max(...fake.requestBytes)).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(report.rows).toBe(100_000);
    expect(report.syncs).toBeLessThanOrEqual(25);
    expect(fake.value("Item Ledger Entries", 5 + 99_999, 0)).toBe(100_000);
    expect(fake.sheet("Item Ledger Entries")?.frozen).toEqual({ rows: 5, columns: 1 });
  }, 60_000);

  test("reads a table back in chunks and writes status columns and fills into it", async () => {
    const { fake, workbook } = setup();
    await workbook.writeTable(spec(Array.from({ length: 2500 }, (_, i) => [`I${i}`, "2025-01-03", i])));
    const small = new OfficeWorkbook({ writer: noYield, firstReadRows: 1000 });
    const before = fake.syncs;
    const table = await small.readTable("tblItems");
    expect(table?.headers).toEqual(["No.", "Posting Date", "Quantity"]);
    expect(table?.rows.length).toBe(2500);
    expect(table?.rows[2499]).toEqual(["I2499", 45660, 2499]);
    expect(fake.syncs - before).toBeGreaterThanOrEqual(4); // locate (2) + chunks
    expect(await workbook.readTable("nope")).toBeNull();
    await workbook.updateTableColumns("tblItems", ["Quantity"], [[7], [8]]);
    expect(fake.value("Items", 6, 2)).toBe(8);
    await workbook.markCells("tblItems", [{ row: 1, column: "Quantity", fill: "error" }]);
    expect(fake.sheet("Items")?.fills.get("6,2")).toBe("#FFC7CE");
    expect(await workbook.sheetNames()).toEqual(["Items"]);
  });

  test("a plain sheet is read from A1 in row blocks, and cells beside it are written under the request limit", async () => {
    const { fake, workbook } = setup(256 * 1024, 64 * 1024);
    const cells = [["No.", "Description"], ...Array.from({ length: 5000 }, (_, i) => [`A-${i}`, `Item number ${i}`])];
    fake.sheets.push({ name: "List", visibility: "Visible", cells, numberFormats: [], fills: new Map(), fonts: new Map(), widths: new Map(), frozen: { rows: 0, columns: 0 } });
    const small = new OfficeWorkbook({ writer: { ...noYield, targetBytes: 64 * 1024 }, firstReadRows: 500 });
    const before = fake.syncs;
    const values = await small.readSheetValues("List");
    expect(values).toHaveLength(5001);
    expect(values[5000]).toEqual(["A-4999", "Item number 4999"]);
    expect(fake.syncs - before).toBeGreaterThanOrEqual(3); // used range + at least two blocks
    const status = [["Status", "Message"], ...Array.from({ length: 5000 }, (_, i) => ["Error", `Row ${i + 2}: ${"x".repeat(60)}`])];
    await workbook.writeSheetCells("List", 0, 2, status, [{ row: 1, column: 0, rowCount: 5000, fill: "error" }]);
    expect(fake.rejected).toBe(0);
    expect(Math.max(...fake.requestBytes)).toBeLessThanOrEqual(256 * 1024);
    expect(fake.value("List", 5000, 3)).toBe(`Row 5001: ${"x".repeat(60)}`);
    expect(fake.sheet("List")?.fills.get("5000,0")).toBe("#FFC7CE");
    expect(fake.modes.at(-1)).toBe("Automatic");
  });

  test("outline levels become nested row groups, and drop-down lists data validation", async () => {
    const { fake, workbook } = setup();
    await workbook.writeTable({
      sheet: "Item Tracing", table: "tblItemTrace", title: "Item Tracing",
      columns: [{ header: "Trace Line", kind: "text", list: ["a", "b"] }],
      rows: [["root"], ["child"], ["grandchild"], ["child"]],
      rowLevels: [0, 1, 2, 1], indentColumn: "Trace Line",
    });
    expect(fake.calls.filter((c) => /^(group|indent|validation)/.test(c))).toEqual([
      "validation Item Tracing!R5C0:4x1 a,b",
      "group ByRows rows 6+3",
      "group ByRows rows 7+1",
      "indent Item Tracing!R6C0:1x1 1",
      "indent Item Tracing!R7C0:1x1 2",
      "indent Item Tracing!R8C0:1x1 1",
    ]);
    expect([...fake.outline.get("Item Tracing")!]).toEqual([[6, 1], [7, 2], [8, 1]]);

    // Writing the trace again replaces the sheet in place, so the groups do not stack.
    await workbook.writeTable({ sheet: "Other", table: "tblOther", title: "O", columns: [{ header: "A", kind: "text" }], rows: [] });
    await workbook.writeTable({
      sheet: "Item Tracing", table: "tblItemTrace", title: "Item Tracing",
      columns: [{ header: "Trace Line", kind: "text" }], rows: [["root"], ["child"]], rowLevels: [0, 1],
    });
    expect([...fake.outline.get("Item Tracing")!]).toEqual([[6, 1]]);
    expect(fake.sheets.map((sheet) => sheet.name)).toEqual(["Item Tracing", "Other"]);
  });
});
