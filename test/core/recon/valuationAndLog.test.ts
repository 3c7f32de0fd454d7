import { inventoryValuation } from "../../../src/core/reports/inventoryValuation";
import { moneyToNumber, qtyToNumber } from "../../../src/core/money";
import { freshService, line } from "../helpers";
import { demoService, ledgerOf } from "./demo";

describe("inventory valuation rows", () => {
  it("DEMO January, posted: ends 8 / 920.00, 15 / 510.00, 31 / 170.00; total 1,600.00", async () => {
    const { service } = await demoService();
    const { items, books } = await ledgerOf(service);
    const valuation = inventoryValuation(items, books, { start: "2025-01-01", end: "2025-01-31" });
    expect(valuation.rows.map((r) => [r.item, qtyToNumber(r.endQty), moneyToNumber(r.endValue)])).toEqual([
      ["1000", 8, 920],
      ["2000", 15, 510],
      ["3000", 31, 170],
    ]);
    const bike = valuation.rows[0];
    // Receipts 1,000 + 1,200 + 40 charge + transfer in 360; sale 1,320 and transfer out 360.
    expect([bike.startValue, bike.increasesValue, bike.decreasesValue, bike.increasesQty, bike.decreasesQty].map((n, i) => (i < 3 ? moneyToNumber(n) : qtyToNumber(n)))).toEqual([
      0, 2600, 1680, 23, 15,
    ]);
    expect(moneyToNumber(valuation.totals.endValue)).toBe(1600);
    expect(valuation.totals.notPostedToGL).toBe(0);
  });

  it("DEMO per item × location, and a period starting in February carries January's end as its start", async () => {
    const { service } = await demoService();
    const { items, books } = await ledgerOf(service);
    const perLocation = inventoryValuation(items, books, { start: "2025-01-01", end: "2025-01-31", perLocation: true });
    expect(perLocation.rows.map((r) => [r.item, r.location, qtyToNumber(r.endQty), moneyToNumber(r.endValue)])).toEqual([
      ["1000", "EAST", 3, 360],
      ["1000", "MAIN", 5, 560],
      ["2000", "MAIN", 15, 510],
      ["3000", "MAIN", 31, 170],
    ]);
    const east = inventoryValuation(items, books, { start: "2025-02-01", end: "2025-02-28", location: (code) => code === "EAST" });
    expect(east.rows.map((r) => [r.item, r.location, moneyToNumber(r.startValue), moneyToNumber(r.endValue)])).toEqual([["1000", null, 360, 360]]);
  });

  it("shows value not yet posted to G/L when automatic cost posting is off", async () => {
    const { service } = await freshService([{ no: "A" }], { inventorySetup: { automaticCostPosting: false } });
    await service.postJournal([line({ entryType: "Purchase", quantity: 2, unitCost: 10 })]);
    const { items, books } = await ledgerOf(service);
    const [row] = inventoryValuation(items, books, { start: null, end: "2024-12-31" }).rows;
    expect([row.endValue, row.postedToGL, row.notPostedToGL]).toEqual([2000, 0, 2000]);
  });
});

describe("cost adjustment log", () => {
  it("DEMO first run: 1000 one entry +40.00 on 2025-01-15, 2000 one entry −15.00 on 2025-01-22; run numbers count", async () => {
    const { service } = await demoService();
    const first = await service.adjustCost();
    expect(first.runNo).toBe(1);
    const changed = first.lines.filter((l) => l.adjustmentEntriesCreated > 0);
    expect(changed.map((l) => [l.item, l.costingMethod, l.adjustmentEntriesCreated, l.amountAdjusted, l.postingDateUsed, l.postedToGL])).toEqual([
      ["1000", "FIFO", 1, 4000, "2025-01-15", true],
      ["2000", "Average", 1, -1500, "2025-01-22", true],
    ]);
    expect(changed.every((l) => l.entriesExamined >= 1)).toBe(true);
    const second = await service.adjustCost();
    expect(second).toEqual({ runNo: 2, lines: [] });
    expect((await service.company()).costAdjustmentRuns).toBe(2);
  });

  it("names a date moved past a closed inventory period (costing.md §9.6)", async () => {
    const { service } = await freshService([{ no: "A", costingMethod: "FIFO" }]);
    await service.postJournal([line({ entryType: "Purchase", quantity: 2, unitCost: 10, postingDate: "2024-01-05" }), line({ entryType: "Sale", quantity: 2, postingDate: "2024-01-10" })]);
    await service.adjustCost();
    await service.closeInventoryPeriod("2024-01-31");
    await service.itemCharge({ date: "2024-02-03", appliesToEntry: 1, amount: 4 });
    const report = await service.adjustCost();
    expect(report.lines.map((l) => [l.item, l.amountAdjusted, l.postingDateUsed, l.postedToGL, l.message])).toEqual([
      ["A", -400, "2024-02-01", false, "date moved to 2024-02-01: inventory period closed"],
    ]);
  });
});
