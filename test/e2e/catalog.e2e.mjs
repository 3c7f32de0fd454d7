/* global window, URL -- page.evaluate callbacks run in the page; URL is Node's */
/**
 * Every example of excel.md §1.2 against the DEMO of §0 in the workbench: each formula of
 * catalog-examples.json (shared with test/functions/workbenchExamples.test.ts) is typed into a cell of the
 * Analysis sheet through window.__invTest, and the cell — or, for spills, every cell of the spill area —
 * must show the stated value. A database of its own (`?db=`) gives a fresh DEMO, whatever other suites posted.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { hooks } from "./support.mjs";

const { examples } = JSON.parse(readFileSync(new URL("./catalog-examples.json", import.meta.url), "utf8"));
const SHEET = "Analysis";
/** Examples go down column B from row 14 (below the demo's own formulas), the formula text beside each in A. */
const FIRST_ROW = 14;
const FIRST_COL = 1;

const letters = (col) => (col < 26 ? String.fromCharCode(65 + col) : letters(Math.floor(col / 26) - 1) + letters(col % 26));
const address = (row, col) => `${letters(col)}${row}`;

/** What a cell shows for an expected value: errors by their code. */
function shown(expected) {
  return expected !== null && typeof expected === "object" && !Array.isArray(expected) ? expected.error : expected;
}

export const tests = [
  {
    name: "catalog: a fresh DEMO company opens in its own database",
    async run({ page, url }) {
      await page.goto(`${url}?db=inv-catalog-e2e&now=2025-02-05T10:14:00`, { waitUntil: "domcontentloaded" });
      await page.waitForFunction(() => window.__invTest?.isReady() || window.__invTest?.problem(), null, { timeout: 60_000 });
      assert.equal(await hooks(page, () => window.__invTest.problem()), null);
      await hooks(page, () => window.__invTest.waitIdle());
      const ledger = await hooks(page, () => window.__invTest.ledger());
      assert.deepEqual(ledger.items, ["1000", "2000", "3000"]);
    },
  },
  {
    name: `catalog: the ${examples.length} examples of excel.md §1.2 typed into cells`,
    async run(ctx) {
      const { page } = ctx;
      const failures = [];
      let row = FIRST_ROW;
      for (const { formula, expected } of examples) {
        const anchor = address(row, FIRST_COL);
        await hooks(page, ([a, text]) => window.__invTest.setCell("Analysis", a, text), [address(row, 0), formula.slice(1)]);
        await hooks(page, ([a, f]) => window.__invTest.setCell("Analysis", a, f), [anchor, formula]);
        await hooks(page, () => window.__invTest.waitIdle());
        const grid = Array.isArray(expected) ? expected : [[shown(expected)]];
        const top = row;
        row += grid.length + (grid.length > 1 ? 1 : 0);
        const addresses = grid.map((cells, r) => cells.map((_, c) => address(top + r, FIRST_COL + c)));
        const actual = await hooks(page, ([sheet, rows]) => rows.map((cells) => cells.map((a) => window.__invTest.getCell(sheet, a).value)), [SHEET, addresses]);
        // A blank spill cell reads back as null or "" depending on the writer: compare "" for both.
        const normalised = actual.map((cells) => cells.map((value) => (value === null ? "" : value)));
        try {
          assert.deepEqual(normalised, grid);
        } catch {
          failures.push(`${formula} at ${anchor}: expected ${JSON.stringify(grid)}, got ${JSON.stringify(normalised)}`);
        }
      }
      await hooks(page, ([sheet]) => window.__invTest.showSheet(sheet), [SHEET]);
      await ctx.screenshot("12-catalog-examples");
      assert.deepEqual(failures, [], failures.join("\n"));
    },
  },
];
