/* global window -- page.evaluate callbacks run in the page */
/**
 * Bulk item import in the workbench (inventory.md §5, issue 4): a tblItems sheet with one bad row is
 * imported from the Items screen — the error is written beside the row and nothing is written; fixed, it
 * imports and the items exist. Then 10,000 rows are imported and timed (through the pane and through the
 * service alone). Runs in its own IndexedDB database (?db=) so the other suites keep the plain DEMO.
 */
import assert from "node:assert/strict";
import { hooks, waitReady } from "./support.mjs";

const TABLE = "tblItems";
const letters = (col) => (col < 26 ? String.fromCharCode(65 + col) : letters(Math.floor(col / 26) - 1) + letters(col % 26));

const COLUMNS = ["No.", "Description", "Base Unit of Measure", "Costing Method", "Item Category Code", "Attribute: Color", "Status", "Message"];

function itemsSpec(rows) {
  return {
    sheet: "Items",
    table: TABLE,
    title: "Items",
    parameters: "Edit the white columns, then Import from the task pane.",
    style: "input",
    columns: COLUMNS.map((header) => ({ header, kind: header === "Message" ? "message" : "text", computed: header === "Status" || header === "Message" })),
    rows: rows.map((row) => [...row, null, null]),
  };
}

/** Clicks Import from sheet and returns the outcome's text once the command is done. */
async function runImport(page, timeout = 30_000) {
  const outcome = page.getByTestId("task-outcome");
  if (await outcome.count()) {
    await outcome.getByRole("button", { name: "Dismiss" }).click();
    await outcome.waitFor({ state: "detached" });
  }
  await page.getByRole("button", { name: "Import from sheet", exact: true }).click();
  await outcome.waitFor({ timeout });
  await hooks(page, () => window.__invTest.waitIdle());
  return outcome.innerText();
}

async function statusColumn(page) {
  const rows = await hooks(page, (t) => window.__invTest.tableRows(t), TABLE);
  return rows.map((row) => [row["No."], row.Status, row.Message]);
}

export const tests = [
  {
    name: "items import: one bad row is marked beside it and nothing is written; fixed, the items are created",
    async run(ctx) {
      const { page } = ctx;
      await page.goto(`${ctx.url}?db=items-import-e2e&now=2025-02-05T10:14:00`, { waitUntil: "domcontentloaded" });
      await waitReady(page);
      const sheet = [
        ["4000", "Chain", "PCS", "FIFO", "ACCESS", "Black"],
        ["4100", "Pump", "PCS", "FIFOX", "ACCESS", "Blue"],
        ["4200", "Bell", "PCS", "Average", "ACCESS", "Clear"],
      ];
      await hooks(page, (spec) => window.__invTest.writeTable(spec), itemsSpec(sheet));
      await hooks(page, () => window.__invTest.showSheet("Items"));
      // The pane's Items tab (the workbook's sheet tab "Items" has the same name).
      await page.locator('button[role="tab"][value="items"]').click();

      const failed = await runImport(page);
      assert.match(failed, /Items not imported/);
      assert.match(failed, /Row 3, Costing Method: Costing method FIFOX is not valid/);
      assert.deepEqual(await statusColumn(page), [
        ["4000", "Not imported", null],
        ["4100", "Error", "Costing method FIFOX is not valid"],
        ["4200", "Not imported", null],
      ]);
      const table = await hooks(page, (t) => window.__invTest.table(t), TABLE);
      const method = `${letters(table.firstColumn + table.headers.indexOf("Costing Method"))}${table.firstDataRow + 2}`;
      assert.equal((await hooks(page, (a) => window.__invTest.getCell("Items", a), method)).fill, "#FFC7CE");
      assert.deepEqual((await hooks(page, () => window.__invTest.ledger())).items, ["1000", "2000", "3000"], "nothing written");
      // Bring the Message column beside the bad row into view for the screenshot.
      await hooks(page, (t) => window.__invTest.selectTableCell(t, 1, "Message"), TABLE);
      await page.waitForTimeout(300);
      await ctx.screenshot("07-import-errors");

      await hooks(page, (a) => window.__invTest.setCell("Items", a, "FIFO"), method);
      const imported = await runImport(page);
      assert.match(imported, /3 items imported/);
      assert.deepEqual((await statusColumn(page)).map((row) => row[1]), ["Imported", "Imported", "Imported"]);
      assert.deepEqual((await hooks(page, () => window.__invTest.ledger())).items, ["1000", "2000", "3000", "4000", "4100", "4200"]);

      // The Items screen: search by attribute, then the card of an imported item.
      await page.getByLabel("Attribute", { exact: true }).selectOption("Color");
      await page.getByLabel("Attribute value").fill("Blue");
      await page.getByTestId("item-4100").waitFor();
      assert.equal(await page.getByTestId("item-1000").count(), 0);
      await page.getByTestId("item-4100").click();
      await page.getByTestId("item-card").waitFor();
      assert.equal(await page.getByTestId("attribute-Color").innerText(), "Blue");
      await ctx.screenshot("08-items-screen");

      // INV.ITEMS typed into the grid spills the imported items with their attribute (header row: 2 columns).
      await hooks(page, () => window.__invTest.setCell("Analysis", "M30", '=INV.ITEMS("ACCESS","","No.;Color")'));
      const spill = await hooks(page, () => ["M30", "N30", "M31", "N31", "M34", "N34"].map((a) => window.__invTest.getCell("Analysis", a).value));
      assert.deepEqual(spill, ["No.", "Color", "2000", "Blue", "4200", "Clear"]);
    },
  },
  {
    name: "items import: 10,000 rows in one transaction, timed",
    async run(ctx) {
      const { page, log } = ctx;
      const colors = ["Red", "Blue", "Clear", "Black", "White"];
      const rows = Array.from({ length: 10_000 }, (_, i) => [String(100000 + i), `Bulk item ${i}`, "PCS", i % 2 ? "FIFO" : "Average", "SUPPLIES", colors[i % 5]]);
      await hooks(page, (spec) => window.__invTest.writeTable(spec), itemsSpec(rows));
      const started = Date.now();
      const outcome = await runImport(page, 120_000);
      const paneMs = Date.now() - started;
      assert.match(outcome, /10,000 items imported/);
      const ledger = await hooks(page, () => window.__invTest.ledger());
      assert.equal(ledger.items.length, 6 + 10_000);
      // The same sheet again through the service only: every row is an update by number.
      const header = COLUMNS.slice(0, 6);
      const service = await hooks(page, (r) => window.__invTest.importItems(r), [header, ...rows.map((r) => [...r.slice(0, 1), `${r[1]} v2`, ...r.slice(2)])]);
      assert.deepEqual(service.errors, []);
      assert.equal((await hooks(page, () => window.__invTest.ledger())).items.length, 6 + 10_000, "re-import updates, no duplicates");
      // 10,000 new numbers through the service only: check + create in one write transaction.
      const fresh = await hooks(page, (r) => window.__invTest.importItems(r), [header, ...rows.map((r) => [String(200000 + Number(r[0]) - 100000), ...r.slice(1)])]);
      assert.deepEqual(fresh.errors, []);
      assert.equal((await hooks(page, () => window.__invTest.ledger())).items.length, 6 + 20_000);
      log(`10,000-row import: ${paneMs} ms through the pane (read sheet + check + write + status column); service only: create ${fresh.ms} ms, update ${service.ms} ms`);
    },
  },
];
