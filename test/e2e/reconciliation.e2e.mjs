/* global window -- page.evaluate callbacks run in the page */
/**
 * Reconciliation end to end (issue 6): on the DEMO in its own IndexedDB database (?db=), the
 * Inventory–G/L Reconciliation shows 1300 at 1,600.00 / 1,615.00 / 15.00 explained by GJ-0001 with tiles
 * linking to the row; the Inventory Valuation for January ends at 8 / 920.00, 15 / 510.00, 31 / 170.00;
 * Run Adjust Cost logs 1000 +40.00 and 2000 −15.00; Explain selected cell drills an Analysis formula down;
 * a General Journal line reversing GJ-0001 brings the difference to 0.00.
 */
import assert from "node:assert/strict";
import { hooks, waitReady, runCommand } from "./support.mjs";

const rowsOf = (page, table) => hooks(page, (t) => window.__invTest.tableRows(t), table);

const pick = (rows, headers) => rows.map((row) => headers.map((header) => row[header]));

export const tests = [
  {
    name: "reconciliation: DEMO 1300 differs by 15.00 (GJ-0001), tiles link to the row; January valuation ends at 1,600.00",
    async run(ctx) {
      const { page } = ctx;
      await page.goto(`${ctx.url}?db=recon-e2e&now=2025-02-05T10:14:00`, { waitUntil: "domcontentloaded" });
      await waitReady(page);
      await page.getByRole("tab", { name: "Reconciliation", exact: true }).click();

      await page.getByRole("textbox", { name: "As of" }).fill("2025-01-31");
      assert.match(await runCommand(page, "Reconcile"), /Difference 15\.00 on 1 row\(s\)/);
      const recon = await rowsOf(page, "tblInvGLRecon");
      assert.deepEqual(pick(recon, ["Account Type", "G/L Account No.", "Inventory Ledger Amount", "Posted to G/L", "G/L Balance", "Difference", "Status"]), [
        ["Inventory", "1300", 1600, 1600, 1615, 15, "Difference"],
        ["COGS", "5000", 1470, 1470, 1470, 0, "OK"],
        ["Inventory Adjmt.", "5100", 20, 20, 20, 0, "OK"],
        ["Direct Cost Applied", "5200", -3090, -3090, -3090, 0, "OK"],
        ["Total", null, null, null, null, 15, "Difference"],
      ]);
      assert.equal(recon[0].Explanation, "manual G/L entries on an inventory account: 15.00 (GJ-0001; G/L entry 27)");
      await page.getByRole("button", { name: "Total difference 15.00" }).click();
      assert.equal(await hooks(page, () => window.__invTest.activeSheet()), "Inventory GL Recon");
      await ctx.screenshot("20-recon-sheet");

      await page.getByRole("textbox", { name: "Start date" }).fill("2025-01-01");
      await page.getByRole("textbox", { name: "End date" }).fill("2025-01-31");
      assert.match(await runCommand(page, "Write valuation"), /Inventory Valuation: 3 rows, value at end 1,600\.00/);
      const valuation = await rowsOf(page, "tblInvValuation");
      assert.deepEqual(pick(valuation, ["Item No.", "Qty at End", "Value at End"]), [["1000", 8, 920], ["2000", 15, 510], ["3000", 31, 170], ["Total", 54, 1600]]);
      // Select the total Value at End (column N, row 9), so the grid scrolls to the figures.
      await page.locator('[data-address="N9"]').click();
      await ctx.screenshot("21-valuation-sheet");
      assert.deepEqual(ctx.consoleErrors, []);
    },
  },
  {
    name: "ledgers: Run Adjust Cost writes the log, Explain selected cell drills an Analysis formula down",
    async run(ctx) {
      const { page } = ctx;
      await page.getByRole("tab", { name: "Ledgers", exact: true }).click();
      assert.match(await runCommand(page, "Run Adjust Cost"), /Run 1: 2 item\(s\) adjusted[\s\S]*1000 \+40\.00, 2000 -15\.00/);
      const log = await rowsOf(page, "tblCostAdjLog");
      const adjusted = log.filter((row) => row["Adjustment Entries Created"] > 0);
      // Posting Date Used as Excel serials: 2025-01-15 and 2025-01-22.
      assert.deepEqual(pick(adjusted, ["Run No.", "Item No.", "Adjustment Entries Created", "Amount Adjusted", "Posting Date Used", "Posted to G/L"]), [
        [1, "1000", 1, 40, 45672, true],
        [1, "2000", 1, -15, 45679, true],
      ]);
      await page.locator('[data-address="H6"]').click();
      await ctx.screenshot("22-cost-adj-log");

      // E4 holds =INV.UNITCOST(A4,"2025-01-31"): its explanation is the VALUE behind it (now adjusted: 960.00).
      await page.getByRole("tab", { name: "Analysis" }).click();
      await page.locator('[data-address="E4"]').click();
      assert.match(await runCommand(page, "Explain selected cell"), /Explained Analysis!E4: \d+ rows/);
      const explain = await rowsOf(page, "tblExplain");
      const total = explain[explain.length - 1];
      assert.equal(total["Entry No."], "Total");
      assert.equal(total["Cost Amount"], 960);
      assert.equal(total["Source Cell"], "Analysis!E4");
      assert.equal(await hooks(page, () => window.__invTest.activeSheet()), "Explain");
      await ctx.screenshot("23-explain-sheet");
      assert.deepEqual(ctx.consoleErrors, []);
    },
  },
  {
    name: "general journal: a line reversing GJ-0001 is refused until fixed, then posts; the books reconcile at 0.00",
    async run(ctx) {
      const { page } = ctx;
      await page.getByRole("tab", { name: "Reconciliation", exact: true }).click();
      assert.match(await runCommand(page, "General Journal sheet"), /General Journal sheet created/);
      const line = { "Posting Date": "2025-01-31", "Document No.": "GJ-0002", "Account No.": "1300", Description: "Reverse GJ-0001", Amount: "-15", "Bal. Account No.": "1300" };
      await hooks(page, (l) => window.__invTest.fillTableRows("tblGenJournal", [l]), line);
      assert.match(await runCommand(page, "Post G/L lines"), /Bal\. Account No\. must differ from Account No\./);
      const refused = await rowsOf(page, "tblGenJournal");
      assert.equal(refused[0].Status, "Error");
      await ctx.screenshot("24-gen-journal-refused");
      await hooks(page, (l) => window.__invTest.fillTableRows("tblGenJournal", [l]), { ...line, "Bal. Account No.": "2310" });
      assert.match(await runCommand(page, "Post G/L lines"), /Posted 1 line\(s\): G\/L entries/);

      await page.getByRole("textbox", { name: "As of" }).fill("2025-01-31");
      assert.match(await runCommand(page, "Reconcile"), /Inventory reconciles with the G\/L: difference 0\.00/);
      const recon = await rowsOf(page, "tblInvGLRecon");
      // After Adjust Cost (posted automatically): 1,625.00 on both sides.
      assert.deepEqual(pick(recon.slice(0, 1), ["G/L Account No.", "Inventory Ledger Amount", "G/L Balance", "Difference", "Status"]), [["1300", 1625, 1625, 0, "OK"]]);
      assert.equal(recon[recon.length - 1].Difference, 0);
      await page.getByRole("button", { name: "Total difference 0.00" }).waitFor();
      await ctx.screenshot("25-recon-reconciled");
      assert.deepEqual(ctx.consoleErrors, []);
    },
  },
];
