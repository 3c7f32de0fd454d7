import { Workbook } from "exceljs";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { createItemJournalSheet } from "../../src/excel/sheets/itemJournalSheet";
import { writeItemLedgerSheet } from "../../src/excel/sheets/itemLedgerSheet";
import { writeItemsSheet } from "../../src/excel/sheets/itemsSheet";
import { exportXlsx, pointsToCharacters, toFileFormula } from "../../src/excel/xlsxExport";
import { ledgerEntry, valueEntryFor } from "./ledgerFixtures";

const noYield = { yieldToEventLoop: async () => undefined };
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** exceljs reads date-formatted numbers back as Dates; turn them into serials to compare with what was written. */
function asWritten(value: unknown): unknown {
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH) / 86_400_000;
  if (value && typeof value === "object" && "formula" in value) return value;
  return value ?? null;
}

describe("exportXlsx", () => {
  test("round trip through exceljs keeps sheets, table rows, formats, widths, panes, formulas and hidden state", async () => {
    const wb = new MemoryWorkbook({ writer: noYield });
    const entries = Array.from({ length: 50 }, (_, i) => ledgerEntry(i + 1, i === 0 ? { item: "0042", documentNo: "=NOT-A-FORMULA" } : {}));
    await writeItemLedgerSheet(wb, entries, entries.map((e, i) => valueEntryFor(e, i + 1, 12_345)), { stamp: "Generated 2025-02-05 10:14 · ledger v57" });
    await createItemJournalSheet(wb);
    await wb.writeTable({ sheet: "_INV_META", table: "tblMeta", title: "meta", columns: [{ header: "Key", kind: "code" }], rows: [["schema"]], visibility: "veryHidden" });
    wb.addSheet("Notes", "hidden");
    wb.setCellInput("Notes", 0, 0, '=INV.QTY("1000")');
    wb.setFormulaResult("Notes", 0, 0, 8);
    wb.setCellInput("Notes", 1, 0, "detail");
    wb.setRowOutlineLevel("Notes", 1, 2);

    const bytes = await exportXlsx(wb);
    const file = new Workbook();
    await file.xlsx.load(Buffer.from(bytes) as any);

    expect(file.worksheets.map((s) => [s.name, s.state])).toEqual([
      ["Item Ledger Entries", "visible"], ["Item Journal", "visible"], ["_INV_META", "veryHidden"], ["Notes", "hidden"],
    ]);
    const ledger = file.getWorksheet("Item Ledger Entries")!;
    const original = await wb.readTable("tblItemLedger");
    const tableModel = (ledger.getTable("tblItemLedger") as any).table;
    expect(tableModel.name).toBe("tblItemLedger");
    expect(tableModel.tableRef ?? tableModel.ref).toMatch(/^A5:Y55$/);
    const readBack = Array.from({ length: 50 }, (_, r) => Array.from({ length: 25 }, (_, c) => asWritten(ledger.getCell(6 + r, c + 1).value)));
    expect(readBack).toEqual(original?.rows);
    expect(ledger.getCell(6, 2).value).toBe("0042");
    expect(ledger.getCell(6, 6).value).toBe("=NOT-A-FORMULA");
    expect(ledger.getCell(1, 1).font).toMatchObject({ bold: true, size: 14 });
    expect(ledger.getCell(6, 3).numFmt).toBe("yyyy-mm-dd");
    expect(ledger.getCell(6, 20).numFmt).toBe("#,##0.00;[Red]-#,##0.00");
    expect(ledger.getColumn(1).width).toBe(pointsToCharacters(60));
    expect(ledger.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 5 });

    const journal = file.getWorksheet("Item Journal")!;
    expect((journal.getCell(6, 22).fill as any).fgColor.argb).toBe("FFF2F2F2");
    expect(journal.getCell(6, 3).dataValidation).toMatchObject({ type: "list", formulae: ['"Purchase,Sale,Positive Adjmt.,Negative Adjmt.,Transfer"'] });
    const notes = file.getWorksheet("Notes")!;
    // Saved the way Excel saves an add-in's custom function, so it links back when the add-in loads.
    expect(notes.getCell(1, 1).value).toEqual({ formula: '_xldudf_INV_QTY("1000")', result: 8 });
    expect(notes.getRow(2).outlineLevel).toBe(2);
    expect(notes.properties.outlineProperties).toMatchObject({ summaryBelow: false });
  });

  test("formulas are stored in file form: custom functions with _xldudf_, this-row references with the table name", () => {
    expect(toFileFormula('=INV.QTY("1000") + inv.value("2000", "2025-01-31")', null)).toBe('_xldudf_INV_QTY("1000") + _xldudf_INV_VALUE("2000", "2025-01-31")');
    expect(toFileFormula('="INV.QTY(x)" & INV.QTY([@[No.]])', "tblItems")).toBe('"INV.QTY(x)" & _xldudf_INV_QTY(tblItems[[#This Row],[No.]])');
    expect(toFileFormula("=[@Quantity]*2", "tblPhysCount")).toBe("tblPhysCount[[#This Row],[Quantity]]*2");
    expect(toFileFormula("=SUM(A1:A3)", "t")).toBe("SUM(A1:A3)");
  });

  test("the Items sheet's live columns survive the round trip as table formulas", async () => {
    const wb = new MemoryWorkbook({ writer: noYield });
    await writeItemsSheet(wb, [{
      no: "1000", description: "Bicycle", type: "Inventory", costingMethod: "FIFO", baseUnitOfMeasure: "PCS",
      unitsOfMeasure: [], variants: [], unitCost: 0, standardCost: 0, unitPrice: 0, indirectCostPercent: 0, overheadRate: 0,
      blocked: false, salesBlocked: false, purchasingBlocked: false, itemTracking: "None", category: null, attributes: {},
    }]);
    const file = new Workbook();
    await file.xlsx.load(Buffer.from(await exportXlsx(wb)) as any);
    const items = file.getWorksheet("Items")!;
    const header = (items.getRow(5).values as unknown[]).indexOf("Qty. on Hand");
    expect(items.getCell(6, header).value).toMatchObject({ formula: "_xldudf_INV_QTY(tblItems[[#This Row],[No.]])" });
  });
});
