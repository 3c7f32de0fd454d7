/** Item Age Composition (src/core/queries/aging.ts) on the DEMO's item 1000 (excel.md §1.2 INV.AGING). */
import type { ItemBook } from "../../../src/core/book";
import { money, qty } from "../../../src/core/money";
import { ageComposition, minusPeriods, parsePeriodLength } from "../../../src/core/queries/aging";
import { InventoryService } from "../../../src/core/service/inventoryService";
import { loadDemoLedger } from "../../../src/demo/demoData";
import { MemoryLedgerStore } from "../../../src/storage/memoryStore";

let book: ItemBook;

beforeAll(async () => {
  const store = new MemoryLedgerStore();
  await loadDemoLedger(new InventoryService(store));
  const books = await store.read((tx) => tx.books(["1000"]));
  const found = books.get("1000");
  if (!found) throw new Error("no book");
  book = found;
});

test("period lengths: days, weeks, months clamped to the month's end", () => {
  expect(parsePeriodLength("1m")).toEqual({ count: 1, unit: "M" });
  expect(parsePeriodLength("1 month")).toBeUndefined();
  expect(minusPeriods("2025-03-31", { count: 1, unit: "M" }, 1)).toBe("2025-02-28");
  expect(minusPeriods("2025-01-31", { count: 10, unit: "D" }, 2)).toBe("2025-01-11");
  expect(minusPeriods("2025-01-31", { count: 1, unit: "Q" }, 1)).toBe("2024-10-31");
});

test("open receipts of 1000 in three 10-day periods ending 2025-01-31, before and after", () => {
  const buckets = ageComposition(book, "2025-01-31", { count: 10, unit: "D" });
  expect(buckets.map((b) => [b.label, b.start, b.end, b.remainingQty, b.remainingValue])).toEqual([
    ["Before", null, "2025-01-01", 0, 0],
    ["Period 1", "2025-01-02", "2025-01-11", qty(5), money(600)], // ILE 4: 5 left of 10 at 120.00
    ["Period 2", "2025-01-12", "2025-01-21", qty(3), money(360)], // ILE 10, the transfer to EAST
    ["Period 3", "2025-01-22", "2025-01-31", 0, 0],
    ["After", "2025-02-01", null, qty(5), money(650)], // ILE 12 of 2025-02-03
  ]);
  const east = ageComposition(book, "2025-01-31", { count: 10, unit: "D" }, { location: "EAST" });
  expect(east.map((b) => b.remainingQty)).toEqual([0, 0, qty(3), 0, 0]);
});
