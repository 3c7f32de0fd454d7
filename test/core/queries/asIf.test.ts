/**
 * What-if costing (src/core/queries/asIf.ts) on the DEMO's item 1000 (excel.md §1.2 INV.VALUEASIF and
 * INV.COGSASIF), replayed over the book as cost adjustment would leave it.
 */
import type { ItemBook } from "../../../src/core/book";
import { money, unitCost } from "../../../src/core/money";
import { AsIfNotPossible, cogsAsIf, valueAsIf, type AsIfMethod, type AsIfSetup } from "../../../src/core/queries/asIf";
import { InventoryService } from "../../../src/core/service/inventoryService";
import { loadDemoLedger } from "../../../src/demo/demoData";
import { adjustedBook } from "../../../src/functions/dryRun";
import { MemoryLedgerStore } from "../../../src/storage/memoryStore";
import { freshService, line } from "../helpers";

let adjusted: ItemBook;

beforeAll(async () => {
  const store = new MemoryLedgerStore();
  await loadDemoLedger(new InventoryService(store));
  const { company, items, books } = await store.read(async (tx) => ({ company: await tx.company(), items: await tx.items(["1000"]), books: await tx.books(["1000"]) }));
  const book = books.get("1000");
  if (!company || !book) throw new Error("DEMO not loaded");
  adjusted = adjustedBook(book, items[0], company);
});

const setup = (method: AsIfMethod, cutoff = "2025-01-31"): AsIfSetup => ({
  method, cutoff, averageCostPeriod: "Day", averageCostCalcType: "Item", accountingPeriods: [],
});

test.each([
  ["LIFO", 832],
  ["AVERAGE", 896],
  ["FIFO", 960],
] as const)("VALUEASIF 1000 %s at 2025-01-31 → %d", (method, expected) => {
  expect(valueAsIf(adjusted, setup(method))).toBe(money(expected));
});

test("VALUEASIF per location: the transfer carries the method's cost to EAST", () => {
  expect(valueAsIf(adjusted, setup("LIFO"), "EAST")).toBe(money(312)); // 3 of ILE 2 at 104.00
  expect(valueAsIf(adjusted, setup("FIFO"), "EAST")).toBe(money(360));
});

test.each([
  ["LIFO", 1408],
  ["FIFO", 1280],
  ["AVERAGE", 1344],
] as const)("COGSASIF 1000 %s in January → %d", (method, expected) => {
  expect(cogsAsIf(adjusted, setup(method), "2025-01-01", "2025-01-31")).toBe(money(expected));
});

test("STANDARD values every entry at the standard cost; SPECIFIC needs fixed applications", () => {
  expect(valueAsIf(adjusted, { ...setup("STANDARD"), standardCost: unitCost(100) })).toBe(money(800));
  expect(() => valueAsIf(adjusted, setup("SPECIFIC"))).toThrow(AsIfNotPossible);
});

describe("outbound beyond stock and per-location average", () => {
  const base = { averageCostPeriod: "Day", averageCostCalcType: "Item", accountingPeriods: [] } as const;

  test("a sale beyond stock takes the cost of the receipt that later covers it", async () => {
    const { service } = await freshService([{ no: "A", costingMethod: "FIFO", unitCost: 10 }]);
    await service.postJournal([line({ entryType: "Purchase", quantity: 5, unitCost: 10, postingDate: "2024-01-02" })]);
    await service.postJournal([line({ entryType: "Sale", quantity: 8, postingDate: "2024-01-03" })]);
    await service.postJournal([line({ entryType: "Purchase", quantity: 10, unitCost: 12, postingDate: "2024-01-04" })]);
    const book = (await service.books(["A"])).get("A");
    if (!book) throw new Error("no book");
    for (const method of ["FIFO", "LIFO"] as const) {
      // 5 at 10.00 + 3 covered by the receipt at 12.00; 7 left at 12.00.
      expect(cogsAsIf(book, { ...base, method }, null, "2024-01-31")).toBe(money(86));
      expect(valueAsIf(book, { ...base, method, cutoff: "2024-01-31" })).toBe(money(84));
    }
  });

  test("ItemLocationVariant keeps one average per location", async () => {
    const { service } = await freshService([{ no: "A", costingMethod: "Average", unitCost: 10 }]);
    await service.postJournal([
      line({ entryType: "Purchase", quantity: 10, unitCost: 10, postingDate: "2024-01-02", location: "BLUE" }),
      line({ entryType: "Purchase", quantity: 10, unitCost: 20, postingDate: "2024-01-02", location: "RED" }),
    ]);
    await service.postJournal([line({ entryType: "Sale", quantity: 5, postingDate: "2024-01-03", location: "RED" })]);
    const book = (await service.books(["A"])).get("A");
    if (!book) throw new Error("no book");
    const perLocation = { ...base, averageCostCalcType: "ItemLocationVariant" as const, method: "AVERAGE" as const };
    expect(cogsAsIf(book, perLocation, null, "2024-01-31")).toBe(money(100)); // 5 × 20.00 at RED
    expect(cogsAsIf(book, { ...base, method: "AVERAGE" }, null, "2024-01-31")).toBe(money(75)); // 5 × 15.00 item-wide
    expect(valueAsIf(book, { ...perLocation, cutoff: "2024-01-31" }, "RED")).toBe(money(100));
  });
});
