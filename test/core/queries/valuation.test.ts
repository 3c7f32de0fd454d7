/**
 * The valuation evaluators of src/core/queries/valuation.ts on the DEMO ledger (excel.md §0): INV.VALUE,
 * INV.COGS, INV.OPENENTRIES and the Inventory Valuation report's increases and decreases.
 */
import type { ItemBook } from "../../../src/core/book";
import { money, qty } from "../../../src/core/money";
import {
  cogsBetween, cogsEntriesBetween, increasesDecreases, openEntriesAt, valueAt, valueEntriesAt, valueEntryCost,
} from "../../../src/core/queries/valuation";
import { InventoryService } from "../../../src/core/service/inventoryService";
import { loadDemoLedger } from "../../../src/demo/demoData";
import { MemoryLedgerStore } from "../../../src/storage/memoryStore";

let books: Map<string, ItemBook>;

beforeAll(async () => {
  const store = new MemoryLedgerStore();
  await loadDemoLedger(new InventoryService(store));
  books = await store.read((tx) => tx.books(["1000", "2000", "3000"]));
});

const book = (no: string): ItemBook => {
  const found = books.get(no);
  if (!found) throw new Error(`no book ${no}`);
  return found;
};

test("valueAt: posting date by default, valuation date on request, per location and lot", () => {
  expect(valueAt(book("1000"), { asOf: "2025-01-31" })).toBe(money(920));
  expect(valueAt(book("1000"), { asOf: "2025-01-31", location: "EAST" })).toBe(money(360));
  expect(valueAt(book("1000"), { asOf: "2025-01-20" })).toBe(money(880));
  expect(valueAt(book("1000"), { asOf: "2025-01-20", dateBasis: "valuation" })).toBe(money(920));
  expect(valueAt(book("3000"), { asOf: "2025-01-31", lot: "L-001" })).toBe(money(80));
});

test("valueEntriesAt lists the entries valueAt sums", () => {
  const rows = valueEntriesAt(book("1000"), { asOf: "2025-01-31" });
  expect(rows.map((value) => value.entryNo)).toEqual([2, 4, 6, 9, 10, 12]);
  expect(rows.reduce((sum, value) => sum + valueEntryCost(value, {}), 0)).toBe(money(920));
});

test("cogsBetween: minus the cost of sales in the period", () => {
  const january = { from: "2025-01-01", to: "2025-01-31" };
  expect(cogsBetween(book("1000"), january)).toBe(money(1320));
  expect(cogsBetween(book("2000"), january)).toBe(money(150));
  expect(cogsBetween(book("3000"), january)).toBe(0); // the negative adjustment is not COGS
  expect(cogsEntriesBetween(book("1000"), { from: "2025-01-16", to: "2025-01-31" })).toEqual([]);
});

test("openEntriesAt rebuilds remaining quantity and cost at the date", () => {
  const open = openEntriesAt(book("1000"), "2025-01-31");
  expect(open.map((row) => [row.entry.entryNo, row.remainingQty, row.remainingCost])).toEqual([
    [4, qty(5), money(600)],
    [10, qty(3), money(360)],
  ]);
  // Before the sale every receipt is wholly open.
  expect(openEntriesAt(book("1000"), "2025-01-12").map((row) => row.remainingQty)).toEqual([qty(10), qty(10)]);
});

test("increasesDecreases: January of the DEMO, start + increases − decreases = end = valueAt", () => {
  const january = increasesDecreases(book("1000"), { from: "2025-01-01", to: "2025-01-31" });
  expect(january).toMatchObject({
    startQty: 0, startValue: 0,
    increasesQty: qty(23), increasesValue: money(2600), // 10 + 10 + 3 (transfer in); 1,000 + 1,200 + 360 + 40
    decreasesQty: qty(15), decreasesValue: money(1680), // 12 sold + 3 transferred out
    endQty: qty(8), endValue: money(920),
  });
  expect(january.postedToGL).toBe(money(920)); // automatic cost posting
  const february = increasesDecreases(book("1000"), { from: "2025-02-01", to: "2025-02-28" });
  expect(february).toMatchObject({ startQty: qty(8), startValue: money(920), increasesValue: money(650), endValue: money(1570) });
  expect(february.endValue).toBe(valueAt(book("1000"), { asOf: "2025-02-28" }));
  const atEast = increasesDecreases(book("1000"), { from: null, to: "2025-01-31" }, { location: "EAST" });
  expect(atEast).toMatchObject({ increasesQty: qty(3), decreasesQty: 0, endValue: money(360) });
});
