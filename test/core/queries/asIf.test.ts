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
