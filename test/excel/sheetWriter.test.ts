import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import type { CellValue, TableSpec } from "../../src/excel/port";
import { rowsPerSync, writeRowsChunked } from "../../src/excel/sheetWriter";
import { ITEM_LEDGER_COLUMNS, writeItemLedgerSheet, writeValueEntriesSheet } from "../../src/excel/sheets/itemLedgerSheet";
import type { SyncBatch } from "../../src/excel/syncBatch";
import { PayloadLimitError } from "../../src/excel/syncBatch";
import { ledgerEntry, valueEntryFor } from "./ledgerFixtures";

const FIVE_MB = 5 * 1024 * 1024;
const noYield = { yieldToEventLoop: async () => undefined };

describe("SheetWriter", () => {
  test("a 100,000-row item ledger stays under 5 MB per sync in at most 25 syncs", async () => {
    const entries = Array.from({ length: 100_000 }, (_, i) => ledgerEntry(i + 1));
    const values = entries.map((entry, i) => valueEntryFor(entry, i + 1, Math.round(entry.quantity / 1000) * 37));
    const wb = new MemoryWorkbook({ writer: noYield });
    const progress: number[] = [];
    const report = await writeItemLedgerSheet(wb, entries, values, { onProgress: (p) => progress.push(p.rowsWritten) });
    console.log(`100k ledger: ${report.syncs} syncs, ${report.rowsPerSync} rows/sync, largest values request ${report.largestRequestBytes} B, largest sync ${wb.largestSyncBytes} B`);
    expect(report).toMatchObject({ rows: 100_000, complete: true });
    expect(report.syncs).toBeLessThanOrEqual(25);
    expect(wb.largestSyncBytes).toBeLessThan(FIVE_MB);
    expect(report.largestRequestBytes).toBeLessThanOrEqual(2.2 * 1024 * 1024);
    expect(progress[progress.length - 1]).toBe(100_000);
    expect(progress.length).toBe(Math.ceil(100_000 / report.rowsPerSync));
    const table = await wb.readTable("tblItemLedger");
    expect(table?.rows.length).toBe(100_000);
    expect(table?.rows[99_999][0]).toBe(100_000);
    expect(wb.sheets()[0]).toMatchObject({ frozenRows: 5, frozenColumns: 1 });
  }, 60_000);

  test("ledger rows carry BC captions, decimal quantities and amounts summed from value entries", async () => {
    const receipt = ledgerEntry(2, { entryType: "PositiveAdjmt", quantity: 1_000_000, remainingQuantity: 250_000, invoicedQuantity: 1_000_000, item: "1000" });
    const charge = valueEntryFor(receipt, 12, 4000, { itemChargeNo: "FREIGHT", valuedQuantity: 1_000_000 });
    const wb = new MemoryWorkbook({ writer: noYield });
    await writeItemLedgerSheet(wb, [receipt], [valueEntryFor(receipt, 2, 100_000), charge], { stamp: "Generated 2025-02-05 10:14 · ledger v57" });
    const table = await wb.readTable("tblItemLedger");
    const row = Object.fromEntries(ITEM_LEDGER_COLUMNS.map((c, i) => [c.header, table?.rows[0][i]]));
    expect(row).toMatchObject({
      "Entry No.": 2, "Item No.": "1000", "Entry Type": "Positive Adjmt.", Quantity: 10, "Remaining Quantity": 2.5,
      "Cost Amount (Actual)": 1040, "Cost Amount (Expected)": 0, Open: true, "Completely Invoiced": true,
    });
    expect(wb.cell("Item Ledger Entries", 5, 11).numberFormat).toBe("#,##0.#####"); // 2.5 remaining
    expect(wb.cell("Item Ledger Entries", 5, 10).numberFormat).toBe("#,##0");
    await writeValueEntriesSheet(wb, [charge]);
    const ve = await wb.readTable("tblValueEntries");
    expect(ve?.rows[0].slice(0, 8)).toEqual([12, 2, "1000", 45719, 45719, "Positive Adjmt.", "Direct Cost", false]);
    expect(ve?.rows[0][13]).toBe(4); // 40.00 over 10 units
    expect(await wb.sheetNames()).toEqual(["Item Ledger Entries", "Value Entries"]);
  });

  test("rows per sync come from the first 200 rows' JSON size", () => {
    const rows: CellValue[][] = Array.from({ length: 1000 }, () => ["x".repeat(98)]);
    expect(rowsPerSync(rows, 103_100)).toBe(1000); // (2 + 200 × 103 − 1) ÷ 200 = 103.005 bytes per row
    expect(rowsPerSync([], 1000)).toBe(1);
  });

  test("on RequestPayloadSizeLimitExceeded the chunk is halved and retried, at most 5 times in a row", async () => {
    const rows: CellValue[][] = Array.from({ length: 4000 }, (_, i) => [`'ITEM-${i}`, i, i * 1.5]);
    const wb = new MemoryWorkbook({ payloadLimitBytes: 20_000, writer: { ...noYield, targetBytes: 100_000 } });
    const spec: TableSpec = { sheet: "S", table: "tblS", title: "S", columns: [{ header: "No.", kind: "code" }, { header: "N", kind: "integer" }, { header: "Q", kind: "quantity" }], rows };
    const report = await wb.writeTable(spec);
    expect(report.rows).toBe(4000);
    expect(report.rowsPerSync).toBeLessThan(rowsPerSync(rows, 100_000));
    expect(wb.largestSyncBytes).toBeLessThanOrEqual(20_000);
    expect((await wb.readTable("tblS"))?.rows[3999]).toEqual(["'ITEM-3999", 3999, 5998.5]);

    // A limit no halving can reach: the sixth failure in a row is thrown.
    const attempts: number[] = [];
    const failing: SyncBatch = {
      syncs: 0,
      prepareSheet: async () => undefined,
      inspectTable: async () => null, clear: () => undefined,
      setValues: (_s, _r, _c, values) => attempts.push(values.length),
      setNumberFormat: () => undefined, setFont: () => undefined, setFill: () => undefined,
      setColumnWidth: () => undefined, addTable: () => undefined, freezePanes: () => undefined,
      groupRows: () => undefined, resizeTable: () => undefined, setIndent: () => undefined, setValidationList: () => undefined,
      sync: async () => { throw new PayloadLimitError(1, 0); },
    };
    await expect(writeRowsChunked(failing, { sheet: "S", row: 5, column: 0 }, rows, { ...noYield, targetBytes: 64_000 })).rejects.toThrow(PayloadLimitError);
    expect(attempts.length).toBe(6);
    expect(attempts.slice(1).every((n, i) => n === Math.ceil(attempts[i] / 2))).toBe(true);
  });

  test("cancelling stops after the current chunk and reports the write incomplete", async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [i]);
    const wb = new MemoryWorkbook({ writer: { ...noYield, targetBytes: 1000 } });
    let chunks = 0;
    const report = await wb.writeTable(
      { sheet: "S", table: "tblS", title: "S", columns: [{ header: "N", kind: "integer" }], rows },
      { onProgress: () => (chunks += 1), isCancelled: () => chunks >= 2 },
    );
    expect(report.complete).toBe(false);
    expect(report.rows).toBe(2 * report.rowsPerSync);
    expect((await wb.readTable("tblS"))?.rows.length).toBe(report.rows);
  });

  test("text over Excel's 32,767-character cell limit is refused before anything is written", async () => {
    const wb = new MemoryWorkbook({ writer: noYield });
    const spec: TableSpec = { sheet: "S", table: "tblS", title: "S", columns: [{ header: "Message", kind: "message" }], rows: [["x".repeat(32_767)], ["x".repeat(32_768)]] };
    await expect(wb.writeTable(spec)).rejects.toThrow("tblS row 2, Message: 32768 characters exceed");
    expect(wb.syncs).toBe(0);
    await wb.writeTable({ ...spec, rows: [spec.rows[0]] });
    expect(wb.cell("S", 5, 0).value).toHaveLength(32_767);
  });
});
