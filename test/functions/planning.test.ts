/**
 * The planning and tracking functions (excel.md §1.2) on the DEMO ledger of excel.md §0, posted through the
 * service: lots of item 3000, open documents SO-1001 (4 reserved from ILE 4), PO-2001 and SO-1002.
 */
import type { LedgerStore } from "../../src/core/ports";
import { InventoryService } from "../../src/core/service/inventoryService";
import { loadDemoLedger } from "../../src/demo/demoData";
import { configureFunctions, flushFunctions, functionStats, invFunctions, resetFunctionStats } from "../../src/functions/registry";
import { isoDateToSerial } from "../../src/functions/planArguments";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";
import { installCustomFunctionsShim } from "./customFunctionsShim";

const { AVAILABLE, PAB, RESERVED, LOTQTY, EXPIRY, LOTS, AVAILBYPERIOD, AVAILBYEVENT, ABLETOMAKE, TRACE } = invFunctions;

let store: LedgerStore;
let service: InventoryService;

beforeAll(async () => {
  installCustomFunctionsShim();
  store = configureFunctions({ store: new MemoryLedgerStore() });
  service = new InventoryService(store);
  await loadDemoLedger(service);
});

/** The error Excel would show: a single-cell call throws its CustomFunctions.Error. */
async function errorOf(call: () => unknown): Promise<{ code: string; message: string }> {
  try {
    await call();
  } catch (error) {
    const e = error as { code: string; message: string };
    return { code: e.code, message: e.message };
  }
  throw new Error("expected an error");
}

test("INV.PAB: on hand + receipts − requirements due by the date; transfers and reservations do not count", async () => {
  expect(await PAB([["1000"]], "2025-02-12", "MAIN")).toEqual([[4]]);
  expect(await PAB([["1000"]], "2025-02-28", "MAIN")).toEqual([[6]]);
  expect(await PAB([["1000"]], "2025-02-28")).toEqual([[9]]);
  expect(await errorOf(() => PAB([["1000"]], "2025-02-28", null, "expired=include"))).toEqual({ code: "#VALUE!", message: "option expired is not known; this function takes no options" });
  expect(await errorOf(() => PAB([["1000"]]))).toEqual({ code: "#VALUE!", message: "date is required" });
  expect(await errorOf(() => PAB([["1000"]], "2025-02-28", "WEST"))).toEqual({ code: "#N/A", message: "Location WEST does not exist" });
  expect(await errorOf(() => PAB([["10*"]], "2025-02-28"))).toMatchObject({ code: "#VALUE!" });
});

test("INV.AVAILABLE: on hand less reserved; expired lots of a strict-expiration item left out unless expired=include", async () => {
  expect(await AVAILABLE([["1000"]], null, "MAIN")).toEqual([[6]]);
  expect(await AVAILABLE([["3000"]], "2025-04-15")).toEqual([[15]]);
  expect(await AVAILABLE([["3000"]], "2025-04-15", null, "expired=include")).toEqual([[31]]);
  expect(await AVAILABLE([["3000"]], "2025-02-05")).toEqual([[31]]);
});

test("INV.RESERVED by side", async () => {
  expect(await RESERVED([["1000"]], "MAIN")).toEqual([[4]]);
  expect(await RESERVED([["1000"]], "EAST")).toEqual([[0]]);
  expect(await RESERVED([["1000"]], null, "demand")).toEqual([[4]]);
  expect(await RESERVED([["1000"]], null, "supply")).toEqual([[0]]);
});

test("INV.LOTQTY and INV.EXPIRY", async () => {
  expect(await LOTQTY([["3000"]], "L-001", "2025-01-31")).toEqual([[16]]);
  expect(await LOTQTY([["3000"]], "L-001", "2025-01-10")).toEqual([[20]]);
  expect(await errorOf(() => LOTQTY([["3000"]], "L-999"))).toEqual({ code: "#N/A", message: "Lot L-999 does not exist for item 3000" });
  expect(await EXPIRY([["3000"]], "L-002")).toEqual([[45838]]);
  expect(isoDateToSerial("2025-06-30")).toBe(45838);
  expect(await LOTQTY([["3000"], ["3000"]], [["L-001"], ["L-002"]], "2025-01-31")).toEqual([[16], [15]]);
});

test("INV.LOTS spills lot, location, quantity and expiry", async () => {
  expect(await LOTS("3000", "2025-01-31")).toEqual([
    ["Lot No.", "Serial No.", "Location", "Quantity", "Expiration Date"],
    ["L-001", "", "MAIN", 16, "2025-03-31"],
    ["L-002", "", "MAIN", 15, "2025-06-30"],
  ]);
  expect(await LOTS("3000", "2025-01-31", null, "headers=FALSE")).toHaveLength(2);
});

test("INV.AVAILBYPERIOD: the weekly example of excel.md", async () => {
  expect(await AVAILBYPERIOD("1000", "2025-02-03", "Week", 4, "MAIN")).toEqual([
    ["Period Start", "Period End", "Inventory", "Gross Requirement", "Scheduled Receipts", "Projected Available Balance"],
    ["2025-02-03", "2025-02-09", 10, 0, 0, 10],
    ["2025-02-10", "2025-02-16", 10, 6, 10, 14],
    ["2025-02-17", "2025-02-23", 10, 8, 0, 6],
    ["2025-02-24", "2025-03-02", 10, 0, 0, 6],
  ]);
  expect(await errorOf(() => AVAILBYPERIOD("1000", "2025-02-03", "Fortnight", 4))).toMatchObject({ code: "#VALUE!" });
});

test("INV.AVAILBYEVENT: an Inventory row, then the running balance per event with its source document and reservations", async () => {
  expect(await AVAILBYEVENT("1000", "2025-02-05", "2025-02-28", "MAIN")).toEqual([
    ["Date", "Event", "Source Document", "Location", "Gross Requirement", "Scheduled Receipts", "Projected Available Balance", "Reserved"],
    // The Inventory row's Reserved is the 4 of SO-1001 held on inventory at MAIN; that order's row shows them too.
    ["2025-02-05", "Inventory", "", "MAIN", 0, 0, 10, 4],
    ["2025-02-10", "Demand", "SO-1001", "MAIN", 6, 0, 4, 4],
    ["2025-02-15", "Supply", "PO-2001", "MAIN", 0, 10, 14, 0],
    ["2025-02-20", "Demand", "SO-1002", "MAIN", 8, 0, 6, 0],
  ]);
  expect(await errorOf(() => AVAILBYEVENT("1000", "2025-03-01", "2025-02-01"))).toMatchObject({ code: "#VALUE!" });
});

test("INV.ABLETOMAKE needs an assembly BOM", async () => {
  expect(await errorOf(() => ABLETOMAKE([["1000"]]))).toEqual({ code: "#N/A", message: "Item 1000 has no assembly BOM" });
});

test("INV.TRACE: usage of lot L-001 — the receipt, then the negative adjustment applied to it", async () => {
  const rows = (await TRACE("L-001")) as unknown[][];
  expect(rows[0]).toEqual(["Level", "Item No.", "Entry Type", "Posting Date", "Document No.", "Location", "Lot No.", "Serial No.", "Quantity", "Source Type", "Source No.", "Entry No.", "Already Traced"]);
  expect(rows.slice(1).map((r) => [r[0], r[2], r[8], r[11]])).toEqual([
    [1, "Purchase", 20, 3],
    [2, "Negative Adjmt.", -4, 8],
  ]);
  expect(await errorOf(() => TRACE("L-404"))).toEqual({ code: "#N/A", message: "Lot L-404 does not exist" });
});

test("a sheet of planning cells is one read; an order changes the answers (planning state invalidates the cache)", async () => {
  resetFunctionStats();
  const calls = [PAB([["1000"]], "2025-02-12", "MAIN"), AVAILABLE([["1000"]], null, "MAIN"), LOTQTY([["3000"]], "L-002"), RESERVED([["1000"]], "MAIN")];
  await flushFunctions();
  expect(await Promise.all(calls)).toEqual([[[4]], [[6]], [[15]], [[4]]]);
  expect(functionStats()).toMatchObject({ flushes: 1, reads: 1 });
  expect(PAB([["1000"]], "2025-02-12", "MAIN")).toEqual([[4]]); // a synchronous cache hit
  await service.order({ type: "Sale", documentNo: "SO-1003", item: "1000", location: "MAIN", quantity: 1, date: "2025-02-11" });
  expect(await PAB([["1000"]], "2025-02-12", "MAIN")).toEqual([[3]]);
});

test("INV.ABLETOMAKE: the scarcest component decides (available now, at the location)", async () => {
  await service.upsertItems([{ no: "4000", description: "Repair kit", costingMethod: "FIFO", assemblyBOM: [{ item: "1000", quantityPer: 2 }, { item: "3000", quantityPer: 5 }] }]);
  // 1000: 13 on hand − 4 reserved = 9 → 4.5 kits (the core's ratio keeps 0.00001 precision); 3000: 31 → 6.2.
  expect(await ABLETOMAKE([["4000"]])).toEqual([[4.5]]);
  // MAIN: 1000 has 10 − 4 = 6 → 3 kits.
  expect(await ABLETOMAKE([["4000"]], null, "MAIN")).toEqual([[3]]);
});
