/**
 * Item Tracing, availability and Physical Count sheets (excel.md §3.2) on the DEMO ledger, written into the
 * in-memory workbook through the same commands the pane runs.
 */
import { InventoryService } from "../../src/core/service/inventoryService";
import { loadDemoLedger } from "../../src/demo/demoData";
import { FIRST_DATA_ROW } from "../../src/excel/sheetWriter";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { availByBomSpec, availByEventSpec, availByLocationSpec, availByPeriodSpec } from "../../src/excel/sheets/availabilitySheets";
import { ITEM_TRACE_SHEET } from "../../src/excel/sheets/traceSheet";
import { calculateCountSheet, postCountSheet, writePlanSheet, writeTraceSheet } from "../../src/taskpane/hooks/planningCommands";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";
import { LOT, postLotFlow } from "./lotScenario";

const noYield = { yieldToEventLoop: async () => undefined };
const reporter = { progress: () => undefined, isCancelled: () => false };
const STAMP = "Generated 2025-02-05 10:14";

async function demo() {
  const store = new MemoryLedgerStore();
  const service = new InventoryService(store);
  await loadDemoLedger(service);
  return { store, service, wb: new MemoryWorkbook({ writer: noYield }) };
}

test("Item Tracing: usage of a lot through a transfer into an assembly, one outline level per tree level", async () => {
  const { store, service, wb } = await demo();
  await postLotFlow(service);
  const outcome = await writeTraceSheet(store, wb, { lotNo: LOT, direction: "Usage", showComponents: "ItemTrackedOnly" }, reporter, STAMP);
  expect(outcome).toMatchObject({ intent: "success", title: "Item Tracing: 5 rows" });
  const table = (await wb.readTable("tblItemTrace"))!;
  const at = (header: string) => table.headers.indexOf(header);
  expect(table.rows.map((r) => [r[at("Level")], r[at("Item No.")], r[at("Entry Type")], r[at("Location Code")], r[at("Quantity")], r[at("Already Traced")]])).toEqual([
    [1, "3000", "Purchase", "MAIN", 10, false],
    [2, "3000", "Transfer", "MAIN", -4, false],
    [3, "3000", "Transfer", "EAST", 4, false],
    [4, "3000", "Assembly Consumption", "EAST", -4, false],
    [5, "5000", "Assembly Output", "EAST", 2, false],
  ]);
  expect(table.rows[0][at("Trace Line")]).toBe("Purchase PR-0008 (item 3000)");
  expect(table.rows[4][at("Description")]).toBe("Glue kit");
  // Summary above detail: the root is ungrouped, each level below it one group deeper.
  expect([0, 1, 2, 3, 4].map((i) => wb.rowOutlineLevel(ITEM_TRACE_SHEET, table.firstDataRow + i))).toEqual([0, 1, 2, 3, 4]);
  expect(table.firstDataRow).toBe(FIRST_DATA_ROW);
  // The Trace Line is indented by level (Excel shows indents up to 15).
  const line = table.firstColumn + at("Trace Line");
  expect([0, 1, 4].map((i) => wb.cell(ITEM_TRACE_SHEET, table.firstDataRow + i, line).indent)).toEqual([0, 1, 4]);
});

test("Item Tracing: origin of the lot's consumption goes back to the purchase; an unknown lot writes nothing", async () => {
  const { store, service, wb } = await demo();
  await postLotFlow(service);
  await writeTraceSheet(store, wb, { lotNo: LOT, item: "3000", direction: "Origin" }, reporter, STAMP);
  const rows = (await wb.readTable("tblItemTrace"))!.rows;
  // Origin roots are the lot's entries newest first; each walks back to where it came from.
  // Origin roots are the lot's entries newest first; entries already in a tree start no tree of their own.
  expect(rows.map((r) => [r[0], r[4], r[7], r[10], r[14]])).toEqual([
    [1, "Assembly Consumption", "EAST", -4, 16],
    [2, "Transfer", "EAST", 4, 15],
    [3, "Transfer", "MAIN", -4, 14],
    [4, "Purchase", "MAIN", 10, 13],
  ]);
  expect(await writeTraceSheet(store, wb, { lotNo: "L-404", direction: "Usage" }, reporter, STAMP)).toMatchObject({ intent: "warning" });
});

test("availability sheets: by period (the excel.md weekly example), by event, by location", async () => {
  const { store, wb } = await demo();
  await writePlanSheet(store, wb, (source, stamp) => availByPeriodSpec(source, { item: "1000", start: "2025-02-03", periodType: "Week", count: 4, location: "MAIN" }, stamp), reporter, STAMP);
  const period = (await wb.readTable("tblAvailPeriod"))!;
  expect(period.rows.map((r) => r.slice(2, 6))).toEqual([[10, 0, 0, 10], [10, 6, 10, 14], [10, 8, 0, 6], [10, 0, 0, 6]]);
  // By source: Qty. on Purch. Order, Qty. on Sales Order, transfer receipt/shipment, assembly output/components, Reserved.
  expect(period.headers.slice(6)).toEqual([
    "Qty. on Purch. Order", "Qty. on Sales Order", "Trans. Ord. Receipt (Qty.)", "Trans. Ord. Shipment (Qty.)",
    "Qty. on Assembly Order", "Qty. on Asm. Component", "Reserved",
  ]);
  expect(period.rows.map((r) => r.slice(6))).toEqual([
    [0, 0, 0, 0, 0, 0, 0],
    [10, 6, 0, 0, 0, 0, 4],
    [0, 8, 0, 0, 0, 0, 0],
    [0, 0, 0, 0, 0, 0, 0],
  ]);
  await writePlanSheet(store, wb, (source, stamp) => availByEventSpec(source, { item: "1000", from: "2025-02-05", to: null, location: "MAIN" }, stamp), reporter, STAMP);
  const events = (await wb.readTable("tblAvailEvent"))!;
  expect(events.headers).toEqual(["Date", "Event", "Source Document", "Location", "Gross Requirement", "Scheduled Receipts", "Projected Available Balance", "Reserved"]);
  expect(events.rows.map((r) => r.slice(1))).toEqual([
    ["Inventory", null, "MAIN", 0, 0, 10, 4],
    ["Demand", "SO-1001", "MAIN", 6, 0, 4, 4],
    ["Supply", "PO-2001", "MAIN", 0, 10, 14, 0],
    ["Demand", "SO-1002", "MAIN", 8, 0, 6, 0],
  ]);
  await writePlanSheet(store, wb, (source, stamp) => availByLocationSpec(source, "1000", "2025-02-28", stamp), reporter, STAMP);
  const locations = (await wb.readTable("tblAvailLocation"))!;
  expect(locations.rows).toEqual([
    ["MAIN", 10, 14, 10, 6, 6],
    ["EAST", 3, 0, 0, 3, 3],
    ["Total", 13, 14, 10, 9, 9],
  ]);
});

test("availability by source: a transfer order and an assembly order's output and component demand", async () => {
  const { store, service, wb } = await demo();
  await service.upsertItems([{ no: "4000", description: "Repair kit", costingMethod: "FIFO", assemblyBOM: [{ item: "1000", quantityPer: 2 }, { item: "3000", quantityPer: 5 }] }]);
  await service.order({ type: "Transfer", documentNo: "TO-0001", item: "1000", location: "MAIN", newLocation: "EAST", quantity: 3, date: "2025-02-04" });
  await service.order({ type: "Assembly", documentNo: "AO-0001", item: "4000", location: "MAIN", quantity: 1, date: "2025-02-12" });
  await writePlanSheet(store, wb, (source, stamp) => availByPeriodSpec(source, { item: "1000", start: "2025-02-03", periodType: "Week", count: 2, location: "MAIN" }, stamp), reporter, STAMP);
  const period = (await wb.readTable("tblAvailPeriod"))!;
  // Week 1: 3 shipped by TO-0001; week 2: PO-2001 10, SO-1001 6 (4 reserved), 2 consumed by AO-0001.
  expect(period.rows.map((r) => r.slice(3))).toEqual([
    [3, 0, 7, 0, 0, 0, 3, 0, 0, 0],
    [8, 10, 9, 10, 6, 0, 0, 0, 2, 4],
  ]);
  await writePlanSheet(store, wb, (source, stamp) => availByEventSpec(source, { item: "1000", from: null, to: "2025-02-12", location: "EAST" }, stamp), reporter, STAMP);
  expect((await wb.readTable("tblAvailEvent"))!.rows.map((r) => r.slice(1))).toEqual([
    ["Inventory", null, "EAST", 0, 0, 3, 0],
    ["Supply", "TO-0001", "EAST", 0, 3, 6, 0],
  ]);
});

test("availability by BOM level: lines with their level and the bottleneck component marked", async () => {
  const { store, service, wb } = await demo();
  await service.upsertItems([{ no: "4000", description: "Repair kit", costingMethod: "FIFO", assemblyBOM: [{ item: "1000", quantityPer: 2 }, { item: "3000", quantityPer: 5 }] }]);
  await writePlanSheet(store, wb, (source, stamp) => availByBomSpec(source, { item: "4000", date: "2025-02-05", location: "" }, stamp), reporter, STAMP);
  const table = (await wb.readTable("tblAvailBOM"))!;
  expect(table.headers).toEqual(["Level", "Item No.", "Available Quantity", "Able to Make Parent", "Able to Make Top Item", "Bottleneck"]);
  // 1000: 13 on hand − 4 reserved = 9 → 4.5 kits, short for the next unit; 3000: 31 → 6.2.
  expect(table.rows).toEqual([
    [0, "4000", null, 4.5, 4.5, false],
    [1, "1000", 9, 4.5, 4.5, true],
    [1, "3000", 31, 6.2, 6.2, false],
  ]);
});

test("availability by BOM level: a sub-assembly without stock is built from its components; the leaf below it is the bottleneck", async () => {
  const { store, service, wb } = await demo();
  await service.upsertItems([
    { no: "6000", description: "Glue pack", costingMethod: "FIFO", assemblyBOM: [{ item: "3000", quantityPer: 10 }] },
    { no: "7000", description: "Bench kit", costingMethod: "FIFO", assemblyBOM: [{ item: "1000", quantityPer: 1 }, { item: "6000", quantityPer: 1 }] },
  ]);
  await writePlanSheet(store, wb, (source, stamp) => availByBomSpec(source, { item: "7000", date: "2025-02-05", location: "" }, stamp), reporter, STAMP);
  // 6000 has none on hand: (0 + 31 / 10) = 3.1 packs, so 3.1 kits; the 3.10001st needs more of 3000.
  expect((await wb.readTable("tblAvailBOM"))!.rows).toEqual([
    [0, "7000", null, 3.1, 3.1, false],
    [1, "1000", 9, 9, 9, false],
    [1, "6000", 0, 3.1, 3.1, false],
    [2, "3000", 31, 3.1, 3.1, true],
  ]);
});

test("Physical Count: calculate per lot, count L-001 as 15, post the −1 difference through the service", async () => {
  const { store, service, wb } = await demo();
  const outcome = await calculateCountSheet(store, wb, { date: "2025-02-05", location: "MAIN", includeZero: false }, reporter, STAMP);
  expect(outcome.intent).toBe("success");
  const table = (await wb.readTable("tblPhysCount"))!;
  const at = (header: string) => table.headers.indexOf(header);
  expect(table.rows.map((r) => [r[at("Item No.")], r[at("Lot No.")], r[at("Qty. (Calculated)")], r[at("Qty. (Phys. Inventory)")]])).toEqual([
    ["1000", null, 10, 10],
    ["2000", null, 15, 15],
    ["3000", "L-001", 16, 16],
    ["3000", "L-002", 15, 15],
  ]);
  const lotRow = table.rows.findIndex((r) => r[at("Lot No.")] === "L-001");
  // excel.md §3.2: the informative unit cost is the card's (190.00 / 35 received, before adjustment).
  expect(table.rows[lotRow][at("Unit Cost")]).toBe(5.42857);
  wb.setCellInput("Physical Count", table.firstDataRow + lotRow, table.firstColumn + at("Qty. (Phys. Inventory)"), "15");
  expect(await postCountSheet(service, wb, "2025-02-05", "PHYS-0001")).toMatchObject({ intent: "success", title: "Posted 1 difference(s)" });
  const book = (await service.books(["3000"])).get("3000")!;
  const adjustment = book.entries[book.entries.length - 1];
  expect(adjustment).toMatchObject({ entryType: "NegativeAdjmt", lotNo: "L-001", quantity: -100_000, location: "MAIN", postingDate: "2025-02-05" });
  const status = (await wb.readTable("tblPhysCount"))!.rows.map((r) => r[at("Status")]);
  expect(status).toEqual(["OK", "OK", "Posted", "OK"]);
  // The sheet still shows 16 calculated for L-001: posting again is refused until recalculated.
  expect(await postCountSheet(service, wb, "2025-02-05", "PHYS-0002")).toMatchObject({ intent: "error", title: "Entries were posted after the calculation" });
});

test("Physical Count posts the whole sheet in one transaction: one refused line and nothing is posted", async () => {
  const { store, service, wb } = await demo();
  await calculateCountSheet(store, wb, { date: "2025-02-05", location: "MAIN", includeZero: false }, reporter, STAMP);
  const table = (await wb.readTable("tblPhysCount"))!;
  const at = (header: string) => table.headers.indexOf(header);
  const count = (item: string, counted: string) =>
    wb.setCellInput("Physical Count", table.firstDataRow + table.rows.findIndex((r) => r[at("Item No.")] === item), table.firstColumn + at("Qty. (Phys. Inventory)"), counted);
  count("1000", "12");
  count("2000", "14");
  await service.updateItem("2000", { blocked: true });
  const before = await store.exportAll();
  expect(await postCountSheet(service, wb, "2025-02-05", "PHYS-0003")).toMatchObject({ intent: "error", title: "Nothing posted" });
  expect(await store.exportAll()).toEqual(before);
  const rows = (await wb.readTable("tblPhysCount"))!.rows;
  expect(rows.map((r) => r[at("Status")])).toEqual([null, "Error", null, null]);
  expect(String(rows[1][at("Message")])).toMatch(/Item 2000 is blocked/);
});
