/* global window -- page.evaluate callbacks run in the page */
/**
 * Lot tracing end to end (issue 5): on the DEMO, a lot-tracked receipt of Glue (item 3000, lot L-003), a
 * transfer of part of it to EAST, a BOM item assembled from it; then the Trace screen shows the usage tree
 * of the lot and writes it as the outlined Item Tracing sheet, whose rows and outline levels are checked.
 * Runs in its own IndexedDB database (?db=) so the other suites keep the plain DEMO.
 */
import assert from "node:assert/strict";
import { hooks, waitReady } from "./support.mjs";

const LOT = "L-003";
const command = (page, name, input) => hooks(page, ([n, i]) => window.__invTest.command(n, i), [name, input]);

async function postLotFlow(page) {
  await command(page, "postJournal", [
    { postingDate: "2025-02-05", entryType: "Purchase", documentNo: "PR-0008", item: "3000", location: "MAIN", quantity: 10, unitCost: 5, lotNo: LOT, expirationDate: "2025-12-31" },
  ]);
  await command(page, "postJournal", [
    { postingDate: "2025-02-05", entryType: "Transfer", documentNo: "TR-0002", item: "3000", location: "MAIN", newLocation: "EAST", quantity: 4, lotNo: LOT },
  ]);
  await command(page, "upsertItems", [{ no: "5000", description: "Glue kit", costingMethod: "FIFO", assemblyBOM: [{ item: "3000", quantityPer: 2 }] }]);
  await command(page, "assemble", { item: "5000", location: "EAST", quantity: 2, date: "2025-02-05", documentNo: "AO-0001", componentTracking: [{ item: "3000", lotNo: LOT }] });
}

export const tests = [
  {
    name: "lot trace: receipt, transfer and assembly of lot L-003 traced in the pane and written as an outlined sheet",
    async run(ctx) {
      const { page } = ctx;
      await page.goto(`${ctx.url}?db=lot-trace-e2e&now=2025-02-05T10:14:00`, { waitUntil: "domcontentloaded" });
      await waitReady(page);
      await postLotFlow(page);

      await page.getByRole("tab", { name: "Trace", exact: true }).click();
      await page.getByLabel("Lot No.").fill(LOT);
      await page.getByRole("button", { name: "Trace", exact: true }).click();
      const tree = page.getByRole("tree", { name: "Trace tree" });
      await tree.waitFor({ timeout: 15_000 });
      const levels = await tree.getByRole("treeitem").evaluateAll((items) => items.map((item) => item.getAttribute("aria-level")));
      assert.deepEqual(levels, ["1", "2", "3", "4", "5"]);

      await page.getByRole("button", { name: "Write to sheet", exact: true }).click();
      await page.getByText("Item Tracing: 5 rows").waitFor({ timeout: 15_000 });
      await hooks(page, () => window.__invTest.waitIdle());
      const rows = await hooks(page, () => window.__invTest.tableRows("tblItemTrace"));
      assert.deepEqual(
        rows.map((row) => [row.Level, row["Item No."], row["Entry Type"], row["Location Code"], row["Lot No."], row.Quantity]),
        [
          [1, "3000", "Purchase", "MAIN", LOT, 10],
          [2, "3000", "Transfer", "MAIN", LOT, -4],
          [3, "3000", "Transfer", "EAST", LOT, 4],
          [4, "3000", "Assembly Consumption", "EAST", LOT, -4],
          [5, "5000", "Assembly Output", "EAST", null, 2],
        ],
      );
      const table = await hooks(page, () => window.__invTest.table("tblItemTrace"));
      const outline = await hooks(page, () => window.__invTest.outlinedRows("Item Tracing"));
      // Summary above detail: the root row ungrouped, each level below it one group deeper.
      assert.deepEqual(outline, [1, 2, 3, 4].map((level) => [table.firstDataRow + level, level]));
      assert.equal(await hooks(page, () => window.__invTest.activeSheet()), "Item Tracing");
      await ctx.screenshot("09-trace-sheet");
      // The grid's outline buttons: collapsing the root's group hides the four rows below it, expanding shows them.
      const rootRow = table.firstDataRow + 1; // 1-based row number of the root
      const grid = page.getByTestId("grid");
      await grid.getByRole("button", { name: `Collapse the group under row ${rootRow}` }).click();
      assert.equal(await grid.locator(`[data-row="${table.firstDataRow + 1}"]`).count(), 0);
      await grid.getByRole("button", { name: `Expand the group under row ${rootRow}` }).click();
      assert.equal(await grid.locator(`[data-row="${table.firstDataRow + 4}"]`).count(), 1);
      assert.deepEqual(ctx.consoleErrors, []);
    },
  },
  {
    name: "availability by period and a physical count sheet from the pane, on the same ledger",
    async run(ctx) {
      const { page } = ctx;
      await page.getByRole("tab", { name: "Availability", exact: true }).click();
      await page.getByRole("textbox", { name: /Item No\./ }).fill("1000");
      await page.getByRole("textbox", { name: "Location" }).fill("MAIN");
      await page.getByRole("textbox", { name: "Start date" }).fill("2025-02-03");
      await page.getByRole("textbox", { name: "Periods" }).fill("4");
      await page.getByRole("button", { name: "Write to sheet", exact: true }).click();
      await page.getByText("Item Availability by Periods: 4 rows").waitFor({ timeout: 15_000 });
      await hooks(page, () => window.__invTest.waitIdle());
      const periods = await hooks(page, () => window.__invTest.tableRows("tblAvailPeriod"));
      assert.deepEqual(periods.map((row) => row["Projected Available Balance"]), [10, 14, 6, 6]);
      await ctx.screenshot("10-avail-period");

      await page.getByRole("tab", { name: "Count", exact: true }).click();
      await page.getByRole("textbox", { name: "Location" }).fill("MAIN");
      await page.getByRole("button", { name: "Calculate inventory", exact: true }).click();
      await page.getByText(/Physical Count: \d+ lines calculated at 2025-02-05/).waitFor({ timeout: 15_000 });
      await hooks(page, () => window.__invTest.waitIdle());
      const lines = await hooks(page, () => window.__invTest.tableRows("tblPhysCount"));
      const lot = lines.find((row) => row["Lot No."] === LOT);
      assert.equal(lot["Qty. (Calculated)"], 6);
      await ctx.screenshot("11-phys-count");
      assert.deepEqual(ctx.consoleErrors, []);
    },
  },
];
