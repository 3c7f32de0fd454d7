import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { ITEM_LEDGER_COLUMNS, refreshItemLedgerSheet, writeItemLedgerSheet } from "../../src/excel/sheets/itemLedgerSheet";
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { FakeExcel } from "./fakeExcel";
import { ledgerEntry, valueEntryFor } from "./ledgerFixtures";

const noYield = { yieldToEventLoop: async () => undefined };
const col = (header: string): number => ITEM_LEDGER_COLUMNS.findIndex((c) => c.header === header);

function ledger(count: number) {
  const entries = Array.from({ length: count }, (_, i) => ledgerEntry(i + 1));
  const values = entries.map((e, i) => valueEntryFor(e, i + 1, 10_000));
  return { entries, values };
}

describe("append + patch refresh of ledger sheets", () => {
  test("new entries are appended and changed entries patched, found by Entry No. after the user sorted", async () => {
    const wb = new MemoryWorkbook({ writer: noYield });
    const { entries, values } = ledger(10);
    await writeItemLedgerSheet(wb, entries, values);
    // The user sorts the sheet descending by Entry No. (rows move; the refresh must still find them).
    const table = (await wb.readTable("tblItemLedger"))!;
    const sorted = [...table.rows].reverse();
    // Rows read back hold dates as serials, which write back unchanged.
    await wb.updateTableRows("tblItemLedger", ITEM_LEDGER_COLUMNS, sorted.map((row, i) => ({ row: i, values: row })));
    expect((await wb.readTable("tblItemLedger"))!.rows.map((r) => r[0])).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);

    // Entry 4 is applied (remaining 0, closed), entry 2 gets an adjustment; entries 11–12 are new.
    const next = ledger(12);
    next.entries[3] = { ...next.entries[3], remainingQuantity: 0, open: false };
    next.values.push(valueEntryFor(next.entries[1], 13, 4000, { adjustment: true }));
    const syncsBefore = wb.syncs;
    const result = await refreshItemLedgerSheet(wb, next.entries, next.values);
    expect(result).toEqual({ mode: "incremental", appended: 2, patched: 2 });
    const rows = (await wb.readTable("tblItemLedger"))!.rows;
    expect(rows.map((r) => r[0])).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 11, 12]);
    expect(rows[6][col("Open")]).toBe(false);
    expect(rows[6][col("Remaining Quantity")]).toBe(0);
    expect(rows[8][col("Cost Amount (Actual)")]).toBe(140);
    expect(rows[11][col("Posting Date")]).toBe(45670); // 2025-01-13 as a serial, formatted as a date
    expect(wb.cell("Item Ledger Entries", 5 + 11, col("Posting Date")).text).toBe("2025-01-13");
    expect(wb.table("tblItemLedger")?.rowCount).toBe(13);
    expect(wb.syncs - syncsBefore).toBeLessThanOrEqual(4);

    // Nothing changed: nothing written.
    expect(await refreshItemLedgerSheet(wb, next.entries, next.values)).toEqual({ mode: "incremental", appended: 0, patched: 0 });
  });

  test("a sheet holding entries the ledger no longer has (a restore) is written again in full", async () => {
    const wb = new MemoryWorkbook({ writer: noYield });
    await writeItemLedgerSheet(wb, ledger(5).entries, ledger(5).values);
    const smaller = ledger(3);
    const result = await refreshItemLedgerSheet(wb, smaller.entries, smaller.values);
    expect(result.mode).toBe("full");
    expect((await wb.readTable("tblItemLedger"))!.rows.length).toBe(3);
    const empty = new MemoryWorkbook({ writer: noYield });
    expect((await refreshItemLedgerSheet(empty, smaller.entries, smaller.values)).mode).toBe("full");
  });

  test("office-js: appended rows resize the table; patches write single rows", async () => {
    const fake = new FakeExcel();
    (globalThis as any).Excel = fake.excel;
    try {
      const workbook = new OfficeWorkbook({ writer: noYield });
      const { entries, values } = ledger(3);
      await writeItemLedgerSheet(workbook, entries, values);
      const next = ledger(4);
      next.entries[0] = { ...next.entries[0], open: false, remainingQuantity: 0 };
      fake.calls.length = 0;
      expect(await refreshItemLedgerSheet(workbook, next.entries, next.values)).toEqual({ mode: "incremental", appended: 1, patched: 1 });
      expect(fake.calls.filter((c) => /^(values|resize)/.test(c))).toEqual([
        "values Item Ledger Entries!R5C0:1x25",
        "values Item Ledger Entries!R8C0:1x25",
        "resize tblItemLedger Item Ledger Entries!R4C0:5x25",
      ]);
      expect(fake.tables.get("tblitemledger")?.rowCount).toBe(5);
      expect(fake.value("Item Ledger Entries", 8, 0)).toBe(4);
      expect(fake.value("Item Ledger Entries", 5, col("Open"))).toBe(false);
    } finally {
      delete (globalThis as any).Excel;
    }
  });
});
