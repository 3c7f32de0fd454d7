/**
 * The valuation and ledger functions (excel.md §1.2) on the DEMO ledger: every example of the spec for
 * INV.VALUE, INV.COGS, INV.OPENENTRIES, INV.VALUEASIF, INV.COGSASIF, INV.GLDIFF, INV.EXPLAIN, INV.WORKDATE,
 * INV.VERSION, plus INV.AGING and INV.INCDEC, argument errors, and EXPLAIN totals equal to their functions.
 */
import type { LedgerStore } from "../../src/core/ports";
import { InventoryService } from "../../src/core/service/inventoryService";
import { loadDemoLedger } from "../../src/demo/demoData";
import { closeChangeChannel, configureFunctions, flushFunctions, invFunctions } from "../../src/functions/registry";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";
import { installCustomFunctionsShim, settle } from "./customFunctionsShim";

const F = invFunctions;
let store: LedgerStore;

beforeAll(async () => {
  installCustomFunctionsShim();
  store = configureFunctions({ store: new MemoryLedgerStore(), broadcast: false });
  const service = new InventoryService(store);
  await loadDemoLedger(service);
  // GJ-0001 of excel.md §0, unless the DEMO loader already posts it through the general journal.
  const gl = await store.read((tx) => tx.glEntries());
  if (!gl.some((entry) => entry.documentNo === "GJ-0001")) {
    await store.transact(async (tx) => {
      const company = await tx.company();
      if (!company) throw new Error("no company");
      const entryNo = ++company.counters.lastGLEntryNo;
      await tx.appendGLEntries([{ entryNo, postingDate: "2025-01-31", accountNo: "1300", amount: 1500, documentNo: "GJ-0001", valueEntryNo: null, description: "manual" }]);
      company.glBalances["1300"] = (company.glBalances["1300"] ?? 0) + 1500;
      company.ledgerVersion++;
      await tx.putCompany(company);
    });
  }
}, 30_000);
afterAll(async () => {
  closeChangeChannel();
  await flushFunctions();
});

const one = async (call: () => unknown) => ((await settle(call)) as unknown[][])[0][0];

test("INV.VALUE examples", async () => {
  expect(await one(() => F.VALUE([["1000"]], "2025-01-31"))).toBe(920);
  expect(await one(() => F.VALUE([["1000"]], "2025-01-31", null, "adjusted"))).toBe(960);
  expect(await one(() => F.VALUE([["1000"]], "2025-01-31", "EAST"))).toBe(360);
  expect(await one(() => F.VALUE([["1000"]], "2025-01-20"))).toBe(880);
  expect(await one(() => F.VALUE([["1000"]], "2025-01-20", null, null, "date=valuation"))).toBe(920);
  expect(await one(() => F.VALUE([["3000"]], "2025-01-31", null, null, "lot=L-001"))).toBe(80);
  // Ranges in, arrays out; the ledger total of excel.md §0.
  expect(await settle(() => F.VALUE([["1000"], ["2000"], ["3000"]], "2025-01-31"))).toEqual([[920], [510], [170]]);
  expect(await one(() => F.VALUE([["*"]], "2025-01-31"))).toBe(1600);
  expect(await one(() => F.VALUE([["*"]], "2025-01-31", null, "adjusted"))).toBe(1625);
});

test("INV.COGS examples", async () => {
  expect(await one(() => F.COGS([["1000"]], "2025-01-01", "2025-01-31"))).toBe(1320);
  expect(await one(() => F.COGS([["1000"]], "2025-01-01", "2025-01-31", null, "adjusted"))).toBe(1280);
  expect(await one(() => F.COGS([["*"]], "2025-01-01", "2025-01-31"))).toBe(1470);
  expect(await settle(() => F.COGS([["1000"]], "2025-02-01", "2025-01-31"))).toEqual({ code: "#VALUE!", message: "from must not be after to" });
});

test("INV.OPENENTRIES example", async () => {
  expect(await settle(() => F.OPENENTRIES("1000", "2025-01-31"))).toEqual([
    ["Entry No.", "Posting Date", "Entry Type", "Location", "Lot No.", "Serial No.", "Expiration Date", "Remaining Qty", "Remaining Cost"],
    [4, "2025-01-10", "Purchase", "MAIN", "", "", "", 5, 600],
    [10, "2025-01-20", "Transfer", "EAST", "", "", "", 3, 360],
  ]);
  expect(await settle(() => F.OPENENTRIES("1000", "2025-01-31", "EAST", null, "headers=FALSE"))).toEqual([[10, "2025-01-20", "Transfer", "EAST", "", "", "", 3, 360]]);
});

test("INV.VALUEASIF and INV.COGSASIF examples", async () => {
  expect(await settle(() => F.VALUEASIF([["1000"], ["1000"], ["1000"]], [["LIFO"], ["AVERAGE"], ["FIFO"]], "2025-01-31"))).toEqual([[832], [896], [960]]);
  expect(await settle(() => F.COGSASIF([["1000"], ["1000"], ["1000"]], [["LIFO"], ["FIFO"], ["AVERAGE"]], "2025-01-01", "2025-01-31"))).toEqual([[1408], [1280], [1344]]);
  expect(await settle(() => F.VALUEASIF([["1000"]], "SPECIFIC", "2025-01-31"))).toEqual({
    code: "#N/A", message: "Item 1000 has outbound entries without a fixed application; SPECIFIC is not possible",
  });
  expect(await settle(() => F.VALUEASIF([["1000"]], "STANDARD", "2025-01-31"))).toEqual({ code: "#VALUE!", message: "STANDARD needs stdCost: item 1000 has no standard cost" });
  expect(await one(() => F.VALUEASIF([["1000"]], "STANDARD", "2025-01-31", null, 100))).toBe(800);
  expect(await settle(() => F.VALUEASIF([["1000"]], "HIFO"))).toEqual({ code: "#VALUE!", message: "method must be FIFO, LIFO, AVERAGE, STANDARD or SPECIFIC" });
});

test("INV.GLDIFF examples", async () => {
  expect(await settle(() => F.GLDIFF([["1300"], ["5000"]], "2025-01-31"))).toEqual([[15], [0]]);
  expect(await settle(() => F.GLDIFF([["9999"]], "2025-01-31"))).toEqual({ code: "#N/A", message: "Account 9999 does not exist" });
  expect(await one(() => F.GLDIFF([["1300"]], "2025-01-30"))).toBe(0); // before GJ-0001
});

test("INV.EXPLAIN VALUE example, posted and adjusted", async () => {
  const header = ["Entry No.", "Posting Date", "Valuation Date", "ILE No.", "ILE Type", "Location", "ILE Quantity", "Cost Amount", "Note"];
  const rows = [
    [2, "2025-01-05", "2025-01-05", 2, "Purchase", "MAIN", 10, 1000, ""],
    [4, "2025-01-10", "2025-01-10", 4, "Purchase", "MAIN", 10, 1200, ""],
    [6, "2025-01-15", "2025-01-15", 6, "Sale", "MAIN", -12, -1320, ""],
    [9, "2025-01-20", "2025-01-20", 9, "Transfer", "MAIN", -3, -360, ""],
    [10, "2025-01-20", "2025-01-20", 10, "Transfer", "EAST", 3, 360, ""],
    [12, "2025-01-25", "2025-01-05", 2, "Purchase", "MAIN", 0, 40, "item charge FREIGHT"],
  ];
  expect(await settle(() => F.EXPLAIN("VALUE", "1000", "2025-01-31"))).toEqual([header, ...rows, ["Total", "", "", "", "", "", 8, 920, ""]]);
  const adjusted = (await settle(() => F.EXPLAIN("VALUE", "1000", "2025-01-31", null, null, "adjusted"))) as unknown[][];
  expect(adjusted).toContainEqual(["", "2025-01-15", "2025-01-15", 6, "Sale", "MAIN", 0, 40, "simulated adjustment"]);
  expect(adjusted[adjusted.length - 1]).toEqual(["Total", "", "", "", "", "", 8, 960, ""]);
});

/** The Total row's figure of an EXPLAIN spill. */
async function explainTotal(...args: unknown[]): Promise<unknown> {
  const rows = (await settle(() => F.EXPLAIN(...args))) as unknown[][];
  const total = rows[rows.length - 1];
  expect(total[0]).toBe("Total");
  return [...total].reverse().find((cell) => typeof cell === "number");
}

test("every EXPLAIN kind ends with the Total of its function", async () => {
  expect(await explainTotal("QTY", "1000", "2025-01-31", null, "MAIN")).toBe(await one(() => F.QTY([["1000"]], "2025-01-31", "MAIN")));
  expect(await explainTotal("COGS", "*", "2025-01-01", "2025-01-31")).toBe(1470);
  expect(await explainTotal("COGS", "1000", "2025-01-01", "2025-01-31", null, "adjusted")).toBe(1280);
  expect(await explainTotal("PAB", "1000", "2025-02-12", null, "MAIN")).toBe(await one(() => F.PAB([["1000"]], "2025-02-12", "MAIN")));
  expect(await explainTotal("PAB", "1000", "2025-02-28")).toBe(9);
  expect(await explainTotal("AVAILABLE", "1000", null, null, "MAIN")).toBe(6);
  expect(await explainTotal("AVAILABLE", "3000", "2025-04-15")).toBe(15);
  expect(await explainTotal("AVAILABLE", "3000", "2025-04-15", null, null, null, "expired=include")).toBe(await one(() => F.AVAILABLE([["3000"]], "2025-04-15", null, "expired=include")));
  expect(await explainTotal("RESERVED", "1000", null, null, "MAIN")).toBe(4);
  expect(await explainTotal("LOTQTY", "3000", "2025-01-31", null, null, null, "lot=L-001")).toBe(16);
  expect(await explainTotal("GLDIFF", "1300", "2025-01-31")).toBe(15);
  const gl = (await settle(() => F.EXPLAIN("GLDIFF", "1300", "2025-01-31"))) as unknown[][];
  expect(gl[1]).toEqual(expect.arrayContaining(["manual G/L entry", "1300", "2025-01-31", "GJ-0001", 15]));
});

test("EXPLAIN argument errors", async () => {
  expect(await settle(() => F.EXPLAIN("PRICE", "1000"))).toEqual({ code: "#VALUE!", message: "kind must be QTY, VALUE, COGS, PAB, AVAILABLE, RESERVED, LOTQTY, GLDIFF" });
  expect(await settle(() => F.EXPLAIN("LOTQTY", "3000"))).toEqual({ code: "#VALUE!", message: "LOTQTY needs lot= (or serial=) in options" });
  expect(await settle(() => F.EXPLAIN("LOTQTY", "3000", null, null, null, null, "lot=L-999"))).toEqual({ code: "#N/A", message: "Lot L-999 does not exist for item 3000" });
  expect(await settle(() => F.EXPLAIN("VALUE", "9999"))).toEqual({ code: "#N/A", message: "Item 9999 does not exist" });
  expect(await settle(() => F.EXPLAIN("VALUE", "1000", "31/01/25"))).toEqual({ code: "#VALUE!", message: "'31/01/25' is not a date; use a date cell or yyyy-mm-dd" });
});

test("INV.WORKDATE and INV.VERSION", async () => {
  expect(await one(() => F.WORKDATE())).toBe(45693);
  const company = await store.read((tx) => tx.company());
  expect(await one(() => F.VERSION())).toBe(company?.ledgerVersion);
});

test("INV.INCDEC: January of item 1000, start + increases − decreases = end", async () => {
  expect(await settle(() => F.INCDEC("1000", "2025-01-01", "2025-01-31"))).toEqual([
    ["Qty at Start", "Value at Start", "Increases Qty", "Increases Value", "Decreases Qty", "Decreases Value", "Qty at End", "Value at End"],
    [0, 0, 23, 2600, 15, 1680, 8, 920],
  ]);
  const all = (await settle(() => F.INCDEC("*", "2025-01-01", "2025-01-31", null, null, "headers=FALSE"))) as number[][];
  expect(all[0][7]).toBe(1600);
});

test("INV.AGING of item 1000 at 2025-01-31 in 10-day periods", async () => {
  expect(await settle(() => F.AGING("1000", "2025-01-31", "10D"))).toEqual([
    ["Period", "Start", "End", "Remaining Qty", "Remaining Value"],
    ["Before", "", "2025-01-01", 0, 0],
    ["Period 1", "2025-01-02", "2025-01-11", 5, 600],
    ["Period 2", "2025-01-12", "2025-01-21", 3, 360],
    ["Period 3", "2025-01-22", "2025-01-31", 0, 0],
    ["After", "2025-02-01", "", 5, 650],
    ["Total", "", "", 13, 1610],
  ]);
  expect(await settle(() => F.AGING("1000", "2025-01-31", "ten days"))).toEqual({ code: "#VALUE!", message: "periodLength must be a date formula like 30D, 1W, 1M, 1Q or 1Y" });
});

test("a lot named in options must exist for a single item; with a filter it only narrows", async () => {
  const missing = { code: "#N/A", message: "Lot L-999 does not exist for item 3000" };
  expect(await settle(() => F.VALUE([["3000"]], "2025-01-31", null, null, "lot=L-999"))).toEqual(missing);
  expect(await settle(() => F.QTY([["3000"]], "2025-01-31", null, "lot=L-999"))).toEqual(missing);
  expect(await settle(() => F.COGS([["3000"]], null, "2025-01-31", null, null, "lot=L-999"))).toEqual(missing);
  expect(await settle(() => F.OPENENTRIES("3000", "2025-01-31", null, null, "lot=L-999"))).toEqual(missing);
  expect(await one(() => F.VALUE([["*"]], "2025-01-31", null, null, "lot=L-999"))).toBe(0);
  expect(await settle(() => F.OPENENTRIES("3000", "2025-01-31", null, null, "lot=L-002;headers=FALSE"))).toEqual([[5, "2025-01-12", "Purchase", "MAIN", "L-002", "", "2025-06-30", 15, 90]]);
});
