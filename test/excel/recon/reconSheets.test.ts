/**
 * Inventory Valuation, Inventory GL Recon, Cost Adjustment Log, Explain and General Journal sheets on the
 * DEMO ledger, written into the in-memory workbook through the commands the pane runs.
 */
import { InventoryService } from "../../../src/core/service/inventoryService";
import { loadDemoLedger } from "../../../src/demo/demoData";
import { MemoryWorkbook } from "../../../src/excel/memoryWorkbook";
import { FORMAT } from "../../../src/excel/numberFormats";
import { FILL_COLOR } from "../../../src/excel/syncBatch";
import { parseTrialBalance } from "../../../src/excel/sheets/glReconSheet";
import { readTableMeta, staleTables } from "../../../src/excel/sheets/metaSheet";
import { explainSpec } from "../../../src/excel/sheets/explainSheet";
import { createGenJournalSheet } from "../../../src/excel/sheets/genJournalSheet";
import { postGenJournalSheet, validateGenJournalSheet } from "../../../src/taskpane/hooks/genJournalCommands";
import { runAdjustCost, writeReconSheet, writeValuationSheet } from "../../../src/taskpane/hooks/reconCommands";
import { MemoryLedgerStore } from "../../../src/storage/memoryStore";

const noYield = { yieldToEventLoop: async () => undefined };
const reporter = { progress: () => undefined, isCancelled: () => false };
const STAMP = "Generated 2025-02-05 10:14";

async function demo(wb = new MemoryWorkbook({ writer: noYield })) {
  const store = new MemoryLedgerStore();
  const service = new InventoryService(store);
  await loadDemoLedger(service);
  return { store, service, wb };
}

async function records(wb: MemoryWorkbook, table: string) {
  const data = await wb.readTable(table);
  if (!data) throw new Error(`no ${table}`);
  return data.rows.map((row) => Object.fromEntries(data.headers.map((h, i) => [h, row[i]])));
}

const january = { start: "2025-01-01", end: "2025-01-31", basis: "posted" as const, includeExpected: false, locationFilter: "", perLocation: false };

test("Inventory Valuation, DEMO January posted: 8 / 920.00, 15 / 510.00, 31 / 170.00, total 1,600.00; formats per column", async () => {
  const { store, wb } = await demo();
  const outcome = await writeValuationSheet(store, wb, january, reporter, STAMP);
  expect(outcome).toMatchObject({ intent: "success", title: "Inventory Valuation: 3 rows, value at end 1,600.00" });
  const rows = await records(wb, "tblInvValuation");
  expect(rows.map((r) => [r["Item No."], r["Qty at End"], r["Value at End"], r["Unit Cost at End"]])).toEqual([
    ["1000", 8, 920, 115],
    ["2000", 15, 510, 34],
    ["3000", 31, 170, 5.48387],
    ["Total", 54, 1600, null],
  ]);
  expect(rows[0]).toMatchObject({ "Inventory Posting Group": "RESALE", Description: "Bicycle", "Costing Method": "FIFO", "Increases Value": 2600, "Decreases Value": 1680, "Not Posted to G/L": 0 });
  const table = (await wb.readTable("tblInvValuation"))!;
  const col = (header: string) => table.headers.indexOf(header);
  const format = (header: string) => wb.cell("Inventory Valuation", table.firstDataRow, col(header)).numberFormat;
  expect([format("Item No."), format("Qty at End"), format("Value at End"), format("Unit Cost at End")]).toEqual([FORMAT.text, FORMAT.wholeQuantity, FORMAT.amount, FORMAT.unitCost]);
  expect(wb.cell("Inventory Valuation", 1, 0).value).toBe("2025-01-01 to 2025-01-31 · basis posted · actual cost · all locations · per item");
  expect(wb.cell("Inventory Valuation", 2, 0).value).toMatch(/^Generated 2025-02-05 10:14 · ledger v\d+ · basis posted$/);
});

test("Inventory Valuation adjusted basis uses the dry run of INV.VALUE(…,\"adjusted\"): 960.00 and 495.00, total 1,625.00", async () => {
  const { store, wb } = await demo();
  await writeValuationSheet(store, wb, { ...january, basis: "adjusted" }, reporter, STAMP);
  const rows = await records(wb, "tblInvValuation");
  expect(rows.map((r) => [r["Item No."], r["Value at End"]])).toEqual([["1000", 960], ["2000", 495], ["3000", 170], ["Total", 1625]]);
});

test("Inventory GL Recon, DEMO: 1300 1,600.00 / 1,615.00 / 15.00 explained by GJ-0001; total and tiles", async () => {
  const { store, wb } = await demo();
  const { outcome, summary } = await writeReconSheet(store, wb, { asOf: "2025-01-31", grouping: "account", itemFilter: "", locationFilter: "" }, reporter, STAMP);
  expect(outcome).toMatchObject({ intent: "warning", title: "Difference 15.00 on 1 row(s)" });
  expect(summary).toEqual({ asOf: "2025-01-31", totalDifference: 15, unreconciled: [{ row: 0, label: "1300", accountNo: "1300", difference: 15 }] });
  const rows = await records(wb, "tblInvGLRecon");
  expect(rows[0]).toMatchObject({
    "Inventory Posting Group": "RESALE", "Account Type": "Inventory", "G/L Account No.": "1300", "Inventory Ledger Amount": 1600, "Posted to G/L": 1600, "G/L Balance": 1615, Difference: 15, Status: "Difference",
    Explanation: "manual G/L entries on an inventory account: 15.00 (GJ-0001; G/L entry 27)",
  });
  expect(rows.slice(1, -1).map((r) => [r["Account Type"], r["G/L Account No."], r.Difference, r.Status, r.Explanation])).toEqual([
    ["COGS", "5000", 0, "OK", null],
    ["Inventory Adjmt.", "5100", 0, "OK", null],
    ["Direct Cost Applied", "5200", 0, "OK", null],
  ]);
  expect(rows[rows.length - 1]).toMatchObject({ "Account Type": "Total", Difference: 15, Status: "Difference" });
  // Difference is an amount: red when negative, two decimals.
  const table = (await wb.readTable("tblInvGLRecon"))!;
  expect(wb.cell("Inventory GL Recon", table.firstDataRow, table.headers.indexOf("Difference")).text).toBe("15.00");
});

test("Inventory GL Recon against a pasted trial balance sheet; bad rows are refused with their row numbers", async () => {
  const { store, wb } = await demo();
  wb.addSheet("TB");
  await wb.writeSheetCells("TB", 0, 0, [["Account", "Balance"], ["1300", 1600], ["5000", "1,470.00"], ["5100", 20], ["5200", "(3,090.00)"]]);
  const { summary } = await writeReconSheet(store, wb, { asOf: "2025-01-31", grouping: "account", itemFilter: "", locationFilter: "" }, reporter, STAMP, "TB");
  expect(summary.totalDifference).toBe(0);
  await wb.writeSheetCells("TB", 5, 0, [["5300", "abc"], ["1300", 1]]);
  await expect(writeReconSheet(store, wb, { asOf: "2025-01-31", grouping: "account", itemFilter: "", locationFilter: "" }, reporter, STAMP, "TB")).rejects.toMatchObject({
    errors: [
      { line: 6, field: "balance", message: "TB row 6: 'abc' is not an amount" },
      { line: 7, field: "account", message: "TB row 7: Account 1300 appears twice" },
    ],
  });
  expect(parseTrialBalance([["Account", "Balance"], ["1300", 1.005]]).errors).toEqual([{ line: 2, field: "balance", message: "'1.005' is not an amount" }]);
});

test("Cost Adjustment Log: the DEMO's first run appends 1000 +40.00 and 2000 −15.00; a second run appends below", async () => {
  const { service, wb } = await demo();
  let tick = 0;
  const clock = () => new Date(2025, 1, 5, 10, 14, tick++);
  const first = await runAdjustCost(service, wb, clock, reporter);
  expect(first).toMatchObject({ title: "Run 1: 2 item(s) adjusted", detail: '1000 +40.00, 2000 -15.00. Logged on "Cost Adjustment Log".' });
  await runAdjustCost(service, wb, clock, reporter);
  const rows = await records(wb, "tblCostAdjLog");
  const adjusted = rows.filter((r) => r["Adjustment Entries Created"] !== 0);
  expect(adjusted.map((r) => [r["Run No."], r["Item No."], r["Adjustment Entries Created"], r["Amount Adjusted"], r["Posting Date Used"], r["Posted to G/L"]])).toEqual([
    [1, "1000", 1, 40, 45672, true],
    [1, "2000", 1, -15, 45679, true],
  ]);
  expect(rows[rows.length - 1]).toMatchObject({ "Run No.": 2, "Item No.": null, Message: "Nothing to adjust: every item's cost is adjusted" });
  const table = (await wb.readTable("tblCostAdjLog"))!;
  expect(wb.cell("Cost Adjustment Log", table.firstDataRow, 1)).toMatchObject({ numberFormat: FORMAT.timestamp, text: "2025-02-05 10:14:00" });
});

test("Explain sheet: the spill's columns plus Source Cell and Formula", async () => {
  const wb = new MemoryWorkbook({ writer: noYield });
  const spill = [["Entry No.", "Posting Date", "Cost Amount", "Note"], [2, "2025-01-05", 1000, ""], ["Total", null, 1000, ""]];
  await wb.writeTable(explainSpec(spill, { sourceCell: "Analysis!B3", formula: '=INV.VALUE("1000")' }, STAMP));
  const rows = await records(wb, "tblExplain");
  expect(rows[0]).toMatchObject({ "Entry No.": 2, "Posting Date": 45662, "Cost Amount": 1000, "Source Cell": "Analysis!B3", Formula: '=INV.VALUE("1000")' });
  expect(wb.cell("Explain", 5, 2).numberFormat).toBe(FORMAT.amount);
});

test("General Journal sheet: a bad line is marked beside its cell and nothing posts; fixed, it posts and the sheet empties", async () => {
  const { service, wb } = await demo();
  await createGenJournalSheet(wb, [
    { postingDate: "2025-02-05", documentNo: "GJ-0002", accountNo: "1300", amount: -15, balAccountNo: "2310", description: "Reverse GJ-0001" },
    { postingDate: "2025-02-05", documentNo: "", accountNo: "1300", amount: 5 },
  ]);
  const invalid = await validateGenJournalSheet(service, wb);
  expect(invalid).toMatchObject({ intent: "error" });
  const rows = await records(wb, "tblGenJournal");
  expect(rows.map((r) => [r.Status, r.Message])).toEqual([["OK", null], ["Error", "Document No. is required"]]);
  const table = (await wb.readTable("tblGenJournal"))!;
  expect(wb.cell("General Journal", table.firstDataRow + 1, table.headers.indexOf("Document No.")).fill).toBe(FILL_COLOR.error);
  await expect(postGenJournalSheet(service, wb)).rejects.toThrow();
  const glBefore = (await service.glEntries()).length;
  const balanceBefore = (await service.company()).glBalances["1300"];
  await wb.updateTableColumns("tblGenJournal", ["Document No.", "Bal. Account No."], [["GJ-0002", "2310"], ["GJ-0003", "2310"]]);
  const posted = await postGenJournalSheet(service, wb);
  expect(posted).toMatchObject({ intent: "success", title: `Posted 2 line(s): G/L entries ${glBefore + 1}–${glBefore + 4}` });
  expect((await service.company()).glBalances["1300"]).toBe(balanceBefore - 1500 + 500);
  expect((await records(wb, "tblGenJournal")).every((r) => r["Account No."] === null)).toBe(true);
});

test("the 5 MB request limit holds: a large valuation sheet is written in chunks under a small limit", async () => {
  const limit = 40_000;
  const { store, service, wb } = await demo(new MemoryWorkbook({ payloadLimitBytes: limit, writer: { ...noYield, targetBytes: 20_000 } }));
  const items = Array.from({ length: 400 }, (_, i) => ({ no: `B${String(i).padStart(4, "0")}`, description: `Bulk item ${i}` }));
  await service.upsertItems(items);
  await service.postJournal(items.map((item) => ({ postingDate: "2025-01-10", entryType: "Purchase" as const, item: item.no, location: "MAIN", quantity: 2, unitCost: 3 })));
  await writeValuationSheet(store, wb, { ...january, perLocation: true }, reporter, STAMP);
  expect(wb.largestSyncBytes).toBeLessThanOrEqual(limit);
  expect(wb.syncs).toBeGreaterThan(3);
  const rows = await records(wb, "tblInvValuation");
  expect(rows).toHaveLength(404 + 1);
  expect(rows[rows.length - 1]).toMatchObject({ "Item No.": "Total", "Value at End": 1600 + 400 * 6 });
});

test("valuation and recon sheets are recorded in _INV_META and turn stale after a posting", async () => {
  const { store, service, wb } = await demo();
  await writeValuationSheet(store, wb, january, reporter, STAMP);
  await writeReconSheet(store, wb, { asOf: "2025-01-31", grouping: "account", itemFilter: "", locationFilter: "" }, reporter, STAMP);
  const version = (await service.company()).ledgerVersion;
  const meta = await readTableMeta(wb);
  expect(meta.get("tblinvvaluation")).toMatchObject({ ledgerVersion: version, complete: true, parameters: "2025-01-01 to 2025-01-31 · basis posted · actual cost · all locations · per item" });
  expect(await staleTables(wb, version)).toEqual([]);
  await service.postGenJournal([{ postingDate: "2025-02-05", documentNo: "GJ-9", accountNo: "1300", balAccountNo: "2310", amount: 1 }]);
  const stale = await staleTables(wb, (await service.company()).ledgerVersion);
  expect(stale.map((m) => m.table).sort()).toEqual(["tblInvGLRecon", "tblInvValuation"]);
});

test("a second explanation with other columns replaces the first on the Explain sheet", async () => {
  const wb = new MemoryWorkbook({ writer: noYield });
  await wb.writeTable(explainSpec([["Entry No.", "Cost Amount", "Note"], [2, 1000, ""], [4, 1200, ""], ["Total", 2200, ""]], { sourceCell: "A!B1", formula: "=INV.VALUE(1)" }, STAMP));
  await wb.writeTable(explainSpec([["Source", "Account", "Amount"], ["Manual G/L entry", "1300", 15], ["Total", "", 15]], { sourceCell: "A!B2", formula: '=INV.GLDIFF("1300")' }, STAMP));
  const table = (await wb.readTable("tblExplain"))!;
  expect(table.headers).toEqual(["Source", "Account", "Amount", "Source Cell", "Formula"]);
  expect(table.rows).toEqual([["Manual G/L entry", "1300", 15, "A!B2", '=INV.GLDIFF("1300")'], ["Total", null, 15, "A!B2", '=INV.GLDIFF("1300")']]);
  expect(wb.usedRange("Explain")).toEqual({ rowCount: 7, columnCount: 5 });
});

test("valuation with a BC location filter and per location: <>EAST leaves MAIN only", async () => {
  const { store, wb } = await demo();
  await writeValuationSheet(store, wb, { ...january, locationFilter: "<>EAST", perLocation: true }, reporter, STAMP);
  const rows = await records(wb, "tblInvValuation");
  expect(rows.map((r) => [r["Item No."], r["Location Code"], r["Value at End"]])).toEqual([["1000", "MAIN", 560], ["2000", "MAIN", 510], ["3000", "MAIN", 170], ["Total", null, 1240]]);
});
