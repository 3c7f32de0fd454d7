/* global window -- page.evaluate callbacks run in the page */
/**
 * The real task pane page (taskpane.html with the local office.js of the workbench build) outside
 * Excel: office.js loads without network, Office.onReady fires, and the pane renders its screens.
 * Commands that need Excel are not clicked here; the workbench suite drives them.
 */
import assert from "node:assert/strict";

export const tests = [
  {
    name: "the task pane page renders outside Excel with office.js loaded locally",
    async run(ctx) {
      const { page } = ctx;
      const errors = [];
      const onError = (error) => errors.push(String(error));
      page.on("pageerror", onError);
      try {
        await page.goto(ctx.url.replace("workbench.html", "taskpane.html"), { waitUntil: "domcontentloaded" });
        await page.getByText("Inventory Ledger").waitFor({ timeout: 30_000 });
        assert.equal(await page.evaluate(() => typeof window.Office?.onReady), "function");
        for (const tab of ["Items", "Journal", "Ledgers"]) assert.ok(await page.getByRole("tab", { name: tab, exact: true }).isVisible(), tab);
        await page.getByRole("tab", { name: "Items", exact: true }).click();
        await page.getByText("No items yet.").waitFor();
        assert.deepEqual(errors, []);
      } finally {
        page.off("pageerror", onError);
      }
    },
  },
];
