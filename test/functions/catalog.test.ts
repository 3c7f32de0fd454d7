/**
 * INV.ATTR, INV.ITEM and INV.ITEMS (excel.md §1.2) on the DEMO ledger: the spec's examples, errors,
 * inheritance from categories, one read per flush, and invalidation by item-card changes.
 */
import type { LedgerStore } from "../../src/core/ports";
import { InventoryService } from "../../src/core/service/inventoryService";
import { DEMO_COMPANY, loadDemoLedger } from "../../src/demo/demoData";
import { closeChangeChannel, configureFunctions, flushFunctions, functionStats, invFunctions, resetFunctionStats } from "../../src/functions/registry";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";
import { countReads, type CountingStore } from "./ledgerFixture";
import { installCustomFunctionsShim, settle } from "./customFunctionsShim";

const { ATTR, ITEM, ITEMS, QTY } = invFunctions;

let counting: CountingStore;
let store: LedgerStore;
let service: InventoryService;

beforeAll(() => installCustomFunctionsShim());
afterAll(async () => {
  closeChangeChannel();
  await flushFunctions();
});

beforeEach(async () => {
  counting = countReads(new MemoryLedgerStore());
  store = configureFunctions({ store: counting, broadcast: false });
  service = new InventoryService(store);
  await loadDemoLedger(service);
  resetFunctionStats();
});

test("the excel.md examples on DEMO", async () => {
  expect(await settle(() => ATTR([["1000"]], [["Color"]]))).toEqual([["Red"]]);
  expect(await settle(() => ATTR([["1000"]], [["Size"]]))).toEqual({ code: "#N/A", message: "Item 1000 has no value for attribute 'Size'" });
  expect(await settle(() => ITEM([["2000"]], [["Costing Method"]]))).toEqual([["Average"]]);
  expect(await settle(() => ITEMS([["BIKES"]]))).toEqual([["No.", "Description"], ["1000", "Bicycle"]]);
  // =INV.ITEMS(,"Color=Blue|Clear","No."): a skipped argument arrives as null.
  expect(await settle(() => ITEMS(null, "Color=Blue|Clear", "No."))).toEqual([["2000"], ["3000"]]);
});

test("INV.ITEM reads captions case-insensitively; numbers, flags and the category", async () => {
  const fields = [["Description"], ["unit cost"], ["Blocked"], ["Item Category Code"], ["Type"], ["Base Unit of Measure"], ["Unit Price"]];
  const items = fields.map(() => ["1000"]);
  // The card's unit cost follows the postings (costing.md §16.3): read it from the card, scaled 1e-5.
  const [card] = await service.items(["1000"]);
  const unitCost = card.unitCost / 100_000;
  expect(await settle(() => ITEM(items, fields))).toEqual([["Bicycle"], [unitCost], [false], ["BIKES"], ["Inventory"], ["PCS"], [200]]);
});

test("a range of items returns a same-shaped array, one error per unknown item", async () => {
  const result = await settle(() => ATTR([["1000", "2000"], ["3000", "9999"]], "Color"));
  expect(result).toEqual([
    ["Red", "Blue"],
    ["Clear", { code: "#N/A", message: "Item 9999 does not exist" }],
  ]);
});

test("errors: unknown field, missing attribute name, unknown attribute in a filter, bad option", async () => {
  expect(await settle(() => ITEM([["1000"]], "Colour"))).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("Colour is not an item card field") });
  expect(await settle(() => ATTR([["1000"]], ""))).toEqual({ code: "#VALUE!", message: "attribute is required" });
  expect(await settle(() => ITEMS(null, "Size=L"))).toEqual({ code: "#N/A", message: "Attribute Size does not exist" });
  expect(await settle(() => ITEMS(null, "Color"))).toMatchObject({ code: "#VALUE!" });
  expect(await settle(() => ITEMS(null, null, null, "rows=5"))).toEqual({ code: "#VALUE!", message: "option rows is not known; use headers" });
  expect(await settle(() => ITEMS(null, "Color=Green", "No."))).toEqual({ code: "#N/A", message: "No item matches" });
});

test("INV.ITEMS: fields, headers=FALSE, attribute columns, a category filter and child categories", async () => {
  expect(await settle(() => ITEMS("BIKES|ACCESS", null, "No.;Color", "headers=FALSE"))).toEqual([["1000", "Red"], ["2000", "Blue"]]);
  expect(await settle(() => ITEMS(null, "Color<>Red", "No.;Costing Method"))).toEqual([
    ["No.", "Costing Method"],
    ["2000", "Average"],
    ["3000", "FIFO"],
  ]);
  // A child category of BIKES inherits its Color default; INV.ITEMS("BIKES") includes its items.
  await service.initCompany({
    ...DEMO_COMPANY,
    categories: [...(DEMO_COMPANY.categories ?? []), { code: "EBIKES", parent: "BIKES", attributes: [{ name: "Color", default: "Black" }] }],
  });
  await service.upsertItems([{ no: "1100", description: "E-Bike", category: "EBIKES", baseUnitOfMeasure: "PCS" }]);
  expect(await settle(() => ITEMS("BIKES", null, "No."))).toEqual([["1000"], ["1100"]]);
  expect(await settle(() => ATTR([["1100"]], "Color"))).toEqual([["Black"]]);
});

test("a batch of catalogue and stock calls shares one read; an item-card change refreshes the answers", async () => {
  const readsBefore = counting.reads;
  const calls = [() => ATTR([["1000"]], "Color"), () => ITEM([["2000"]], "Description"), () => ITEMS("ACCESS"), () => QTY([["1000"]], "2025-01-31")];
  const first = await Promise.all(calls.map((call) => settle(call)));
  expect(first).toEqual([[["Red"]], [["Helmet"]], [["No.", "Description"], ["2000", "Helmet"]], [[8]]]);
  expect(counting.reads - readsBefore).toBe(1);
  expect(functionStats()).toMatchObject({ flushes: 1, reads: 1, requests: 4 });
  // Cached: answered synchronously, no read.
  expect(ATTR([["1000"]], "Color")).toEqual([["Red"]]);
  expect(counting.reads - readsBefore).toBe(1);
  await service.updateItem("1000", { attributes: { Color: "Blue" }, blocked: true });
  expect(await settle(() => ATTR([["1000"]], "Color"))).toEqual([["Blue"]]);
  expect(await settle(() => ITEM([["1000"]], "Blocked"))).toEqual([[true]]);
  expect(await settle(() => ITEMS(null, "Color=Blue", "No."))).toEqual([["1000"], ["2000"]]);
});

test("INV.ITEM Inventory Posting Group: the company's posting group (RESALE on DEMO)", async () => {
  expect(DEMO_COMPANY.inventoryPostingGroup).toBe("RESALE");
  expect(await settle(() => ITEM([["1000"], ["3000"]], [["Inventory Posting Group"], ["inventory posting group"]]))).toEqual([["RESALE"], ["RESALE"]]);
});
