/**
 * excel.md §2.2 mechanics: cells merged into areas per sheet, calls of ≤ 5,000 cells, the 20,000-cell
 * threshold that asks instead of refreshing, the one-time scan of unregistered INV formulas, a settings
 * change refreshing everything, and the office-js calls (Range.calculate per area, one sync).
 */
import { calculateAreas } from "../../src/excel/officeCalculate";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import type { Company } from "../../src/core/company";
import { CellRegistry } from "../../src/functions/cellRegistry";
import { DEFAULT_OPTIONS, type StockRequest } from "../../src/functions/arguments";
import { calculationCalls, mergeAreas, parseCellAddress, type CellRef } from "../../src/refresh/areas";
import { addressOf, FormulaRefresher } from "../../src/refresh/formulaRefresher";

const qty = (item: string): StockRequest => ({ fn: "QTY", item, asOf: null, location: "", basis: "posted", options: DEFAULT_OPTIONS });

function column(sheet: string, col: number, fromRow: number, rows: number): CellRef[] {
  return Array.from({ length: rows }, (_, r) => ({ sheet, row: fromRow + r, column: col }));
}

/** Registers `rows` cells of one item in column B of `sheet`, from row 2. */
function registerColumn(registry: CellRegistry, sheet: string, item: string, rows: number, col = 1): void {
  for (const cell of column(sheet, col, 1, rows)) registry.register(addressOf(cell), [qty(item)]);
}

test("addresses as Excel gives them are parsed, quoted sheet names included", () => {
  expect(parseCellAddress("Sheet1!B7")).toEqual({ sheet: "Sheet1", row: 6, column: 1 });
  expect(parseCellAddress("'It''s here'!$AA$10")).toEqual({ sheet: "It's here", row: 9, column: 26 });
  expect(parseCellAddress("B7")).toBeNull();
  expect(addressOf({ sheet: "It's here", row: 9, column: 26 })).toBe("'It''s here'!AA10");
});

test("adjacent cells merge into rectangles, per sheet; gaps split them", () => {
  const cells = [...column("S", 1, 1, 3), ...column("S", 2, 1, 3), ...column("S", 1, 9, 1), ...column("T", 0, 0, 2)];
  expect(mergeAreas(cells).map((area) => `${area.sheet}:${area.row},${area.column} ${area.rowCount}x${area.columnCount}`)).toEqual([
    "S:1,1 3x2", "S:9,1 1x1", "T:0,0 2x1",
  ]);
  expect(calculationCalls(mergeAreas(cells), 5000)).toEqual([
    { sheet: "S", areas: ["B2:C4", "B10"], cells: 7 },
    { sheet: "T", areas: ["A1:A2"], cells: 2 },
  ]);
});

test("no call holds more than 5,000 cells: a 12,000-cell column goes in three calls", () => {
  const calls = calculationCalls(mergeAreas(column("S", 3, 0, 12_000)), 5000);
  expect(calls.map((call) => [call.areas, call.cells])).toEqual([[["D1:D5000"], 5000], [["D5001:D10000"], 5000], [["D10001:D12000"], 2000]]);
});

async function refresherWith(cellsOf1000: number) {
  const workbook = new MemoryWorkbook();
  const registry = new CellRegistry();
  registerColumn(registry, "Stock", "1000", cellsOf1000);
  registerColumn(registry, "Stock", "2000", 50, 2);
  return { workbook, registry, refresher: new FormulaRefresher(workbook, registry) };
}

test("only the cells of the touched item are recalculated, in ≤ 5,000-cell calls", async () => {
  const { workbook, refresher } = await refresherWith(12_000);
  refresher.noteChange({ items: ["1000"] });
  expect(await refresher.refreshChanged()).toEqual({ kind: "done", cells: 12_000, calls: 3 });
  expect(workbook.calculationRequests).toEqual([
    { sheet: "Stock", areas: ["B2:B5001"] }, { sheet: "Stock", areas: ["B5002:B10001"] }, { sheet: "Stock", areas: ["B10002:B12001"] },
  ]);
  // Nothing new committed: nothing to do.
  expect(await refresher.refreshChanged()).toEqual({ kind: "none", cells: 0, calls: 0 });
});

test("above 20,000 affected cells the pane is asked; Refresh now recalculates them", async () => {
  const { workbook, refresher } = await refresherWith(20_001);
  const seen: (number | null)[] = [];
  refresher.subscribe(() => seen.push(refresher.pendingOffer()));
  refresher.noteChange({ items: ["1000"] });
  expect(await refresher.refreshChanged()).toEqual({ kind: "asked", cells: 20_001, calls: 0 });
  expect(workbook.calculationRequests).toEqual([]);
  expect(refresher.pendingOffer()).toBe(20_001);
  expect(await refresher.acceptOffer()).toEqual({ kind: "done", cells: 20_001, calls: 5 });
  expect(refresher.pendingOffer()).toBeNull();
  expect(seen).toEqual([20_001, null]);
});

test("exactly 20,000 cells still refresh by themselves", async () => {
  const { refresher } = await refresherWith(20_000);
  refresher.noteChange({ items: ["1000"] });
  expect((await refresher.refreshChanged()).kind).toBe("done");
});

test("INV formulas of a file just opened are found once and refreshed; others are not", async () => {
  const workbook = new MemoryWorkbook();
  workbook.addSheet("Report");
  workbook.setCellInput("Report", 1, 1, "=INV.QTY(A2)");
  workbook.setCellInput("Report", 2, 1, "=inv.value(A3)");
  workbook.setCellInput("Report", 3, 1, "=SUM(A1:A3)");
  const registry = new CellRegistry();
  const refresher = new FormulaRefresher(workbook, registry);
  const find = jest.spyOn(workbook, "findFormulas");
  refresher.noteChange({ items: ["1000"] });
  expect(await refresher.refreshChanged()).toMatchObject({ kind: "done", cells: 2 });
  expect(workbook.calculationRequests).toEqual([{ sheet: "Report", areas: ["B2:B3"] }]);
  refresher.noteChange({ items: ["1000"] });
  await refresher.refreshChanged();
  expect(find).toHaveBeenCalledTimes(1);
});

test("a settings change (work date) refreshes every INV cell; a posting's counters do not", async () => {
  const { workbook, refresher } = await refresherWith(3);
  const company = { id: "acme", workDate: "2025-02-05", locations: [], counters: { lastGLEntryNo: 1 } } as unknown as Company;
  refresher.noteChange({ items: ["1000"], company });
  await refresher.refreshChanged();
  refresher.noteChange({ items: ["1000"], company: { ...company, counters: { lastGLEntryNo: 9 } } as Company });
  await refresher.refreshChanged();
  expect(workbook.calculationRequests.at(-1)).toEqual({ sheet: "Stock", areas: ["B2:B4"] });
  refresher.noteChange({ company: { ...company, workDate: "2025-03-01" } });
  expect(await refresher.refreshChanged()).toMatchObject({ kind: "done", cells: 53 });
});

test("office-js: calculate() on each area of the call, then one sync", async () => {
  const log: string[] = [];
  const context = {
    workbook: { worksheets: { getItem: (sheet: string) => ({ getRange: (area: string) => ({ calculate: () => log.push(`${sheet}!${area}`) }) }) } },
    sync: async () => {
      log.push("sync");
    },
  };
  await calculateAreas(context as unknown as Excel.RequestContext, "Stock", ["B2:C3", "B10"]);
  expect(log).toEqual(["Stock!B2:C3", "Stock!B10", "sync"]);
});

test("a sheet deleted since its cells registered is skipped and forgotten; the other sheets refresh", async () => {
  const workbook = new MemoryWorkbook();
  const registry = new CellRegistry();
  registerColumn(registry, "Gone", "1000", 2);
  registerColumn(registry, "Stock", "1000", 2);
  const calculate = workbook.calculateCells.bind(workbook);
  workbook.calculateCells = async (sheet, areas) => {
    if (sheet === "Gone") throw new Error("ItemNotFound");
    return calculate(sheet, areas);
  };
  const refresher = new FormulaRefresher(workbook, registry);
  refresher.noteChange({ items: ["1000"] });
  await refresher.refreshChanged();
  expect(workbook.calculationRequests).toEqual([{ sheet: "Stock", areas: ["B2:B3"] }]);
  expect(registry.all().map((cell) => cell.address)).toEqual(["Stock!B2", "Stock!B3"]);
});
