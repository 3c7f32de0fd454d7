/* global window, document, Buffer -- page.evaluate callbacks run in the page; Buffer is Node's */
/**
 * The workbench in headless Chromium: DEMO data in real IndexedDB, the journal error flow (a bad row
 * refuses the whole journal and is marked beside it), a successful post, the item ledger sheet, an INV
 * formula typed into the grid, and persistence across a reload. Run by scripts/run-e2e.mjs, which
 * shares one page between the tests below, in order.
 */
import assert from "node:assert/strict";
import { hooks, waitReady, runCommand } from "./support.mjs";

const JOURNAL = "tblItemJournal";
const LEDGER = "tblItemLedger";
const DEMO_ENTRIES = 12; // DEMO ILE 1–12 (the transfer posts two entries)
/** Item 1000 on hand at the work date after the DEMO journals: 10 + 10 − 12 + 5 (the transfer nets 0). */
const DEMO_QTY_1000 = 13;


const letters = (col) => (col < 26 ? String.fromCharCode(65 + col) : letters(Math.floor(col / 26) - 1) + letters(col % 26));

/** The grid address of a table cell: `row` is the 0-based data row. */
async function tableAddress(page, table, header, row) {
  const data = await hooks(page, (t) => window.__invTest.table(t), table);
  return `${letters(data.firstColumn + data.headers.indexOf(header))}${data.firstDataRow + row + 1}`;
}

async function openWorkbench({ page, url }) {
  await page.goto(`${url}?now=2025-02-05T10:14:00`, { waitUntil: "domcontentloaded" });
  await waitReady(page);
}

async function clickTab(page, name) {
  await page.getByRole("tab", { name, exact: true }).click();
}

const journalLines = [
  { "Posting Date": "2025-02-05", "Entry Type": "Purchase", "Document No.": "E2E-1", "Item No.": "1000", "Location Code": "MAIN", Quantity: "4", "Unit Cost": "125" },
  { "Posting Date": "2025-02-05", "Entry Type": "Purchase", "Document No.": "E2E-1", "Item No.": "9999", "Location Code": "MAIN", Quantity: "2", "Unit Cost": "10" },
];

export const tests = [
  {
    name: "demo company is loaded on first open",
    async run(ctx) {
      await openWorkbench(ctx);
      const { page } = ctx;
      const ledger = await hooks(page, () => window.__invTest.ledger());
      assert.deepEqual(ledger.items, ["1000", "2000", "3000"]);
      assert.equal(ledger.entries, DEMO_ENTRIES);
      const sheets = await hooks(page, () => window.__invTest.sheetNames());
      assert.ok(sheets.includes("Item Journal") && sheets.includes("Analysis"), `sheets: ${sheets}`);
      const qty = await hooks(page, () => window.__invTest.getCell("Analysis", "B10"));
      assert.equal(qty.value, DEMO_QTY_1000);
      assert.equal((await hooks(page, () => window.__invTest.getCell("Analysis", "C4"))).value, 8);
      // =INV.UNITCOST("1000","2025-01-31"): 920.00 / 8, the FREIGHT charge (VE 12) included (excel.md §1.2).
      assert.equal((await hooks(page, () => window.__invTest.getCell("Analysis", "E4"))).value, 115);
      // =INV.QTY(A4:A6) in G4 spills to G4:G6.
      const spill = await hooks(page, () => ["G4", "G5", "G6"].map((a) => window.__invTest.getCell("Analysis", a).value));
      assert.deepEqual(spill, [DEMO_QTY_1000, 15, 31]);
      await ctx.screenshot("01-workbench-demo");
    },
  },
  {
    name: "a journal with a bad row is refused, marked beside the row, nothing posted",
    async run(ctx) {
      const { page } = ctx;
      const before = await hooks(page, () => window.__invTest.ledger());
      await hooks(page, (lines) => window.__invTest.fillTableRows("tblItemJournal", lines), journalLines);
      await page.getByRole("tab", { name: "Item Journal" }).click();
      await clickTab(page, "Journal");
      const validated = await runCommand(page, "Validate");
      assert.match(validated, /Journal has errors/, validated);
      const text = await runCommand(page, "Post");
      assert.match(text, /line 2/i, text);
      assert.match(text, /9999/, text);
      const rows = await hooks(page, (t) => window.__invTest.tableRows(t), JOURNAL);
      assert.equal(rows[1].Status, "Error");
      assert.match(String(rows[1].Message), /9999/);
      assert.notEqual(rows[0].Status, "Posted");
      const after = await hooks(page, () => window.__invTest.ledger());
      assert.equal(after.entries, before.entries, "nothing posted");
      assert.equal(after.ledgerVersion, before.ledgerVersion);
      // The error in the pane links to its cell: Item No. of line 2, filled red.
      await page.getByRole("button", { name: "Line 2 · Item No.: Item 9999 does not exist" }).click();
      const itemCell = await tableAddress(page, JOURNAL, "Item No.", 1);
      await page.waitForFunction((address) => document.querySelector('[aria-label="Name box"]').value === address, itemCell);
      assert.equal(await page.getByTestId("formula-bar").inputValue(), "9999");
      assert.equal((await hooks(page, (a) => window.__invTest.getCell("Item Journal", a), itemCell)).fill, "#FFC7CE");
      await ctx.screenshot("02-journal-refused");
      // Show the Status and Message written beside the refused row.
      const message = page.locator(`[data-address="${await tableAddress(page, JOURNAL, "Message", 1)}"]`);
      await page.getByTestId("grid").evaluate((grid, cell) => {
        grid.scrollLeft = grid.querySelector(`[data-address="${cell}"]`).offsetLeft - 420;
      }, await tableAddress(page, JOURNAL, "Message", 1));
      await message.click();
      assert.match(await page.getByTestId("formula-bar").inputValue(), /9999/);
      await ctx.screenshot("02b-journal-status-message");
    },
  },
  {
    name: "the fixed journal posts and its lines are removed",
    async run(ctx) {
      const { page } = ctx;
      await hooks(page, () => window.__invTest.fillTableRows("tblItemJournal", [{ "Item No.": "2000" }], 1));
      const validated = await runCommand(page, "Validate");
      assert.match(validated, /2 line\(s\) OK/, validated);
      const text = await runCommand(page, "Post");
      assert.match(text, /Posted 2 line\(s\)/, text);
      assert.match(text, new RegExp(`${DEMO_ENTRIES + 1}–${DEMO_ENTRIES + 2}`), text);
      const ledger = await hooks(page, () => window.__invTest.ledger());
      assert.equal(ledger.entries, DEMO_ENTRIES + 2);
      const rows = await hooks(page, (t) => window.__invTest.tableRows(t), JOURNAL);
      const filled = rows.filter((row) => row["Item No."] !== null && row["Item No."] !== "");
      assert.equal(filled.length, 0, `journal still holds ${JSON.stringify(filled)}`);
      assert.equal((await hooks(page, () => window.__invTest.getCell("Analysis", "B10"))).value, DEMO_QTY_1000 + 4);
      await page.getByTestId("grid").evaluate((grid) => (grid.scrollLeft = 0));
      await page.locator('[data-address="E6"]').click();
      await ctx.screenshot("03-journal-posted");
    },
  },
  {
    name: "the item ledger entries sheet lists every entry",
    async run(ctx) {
      const { page } = ctx;
      await clickTab(page, "Ledgers");
      const text = await runCommand(page, "Write item ledger entries");
      assert.match(text, new RegExp(`Wrote ${DEMO_ENTRIES + 2} item ledger entries`), text);
      const rows = await hooks(page, (t) => window.__invTest.tableRows(t), LEDGER);
      assert.equal(rows.length, DEMO_ENTRIES + 2);
      assert.deepEqual(rows.map((row) => row["Entry No."]), Array.from({ length: DEMO_ENTRIES + 2 }, (_, i) => i + 1));
      const last = rows.at(-1);
      assert.equal(last["Item No."], "2000");
      assert.equal(last.Quantity, 2);
      assert.equal(last.Description, "Helmet");
      const { ledgerVersion } = await hooks(page, () => window.__invTest.ledger());
      assert.equal(
        (await hooks(page, () => window.__invTest.getCell("Item Ledger Entries", "A3"))).value,
        `Generated 2025-02-05 10:14 · ledger v${ledgerVersion} · basis posted`,
      );
      assert.equal(await hooks(page, () => window.__invTest.activeSheet()), "Item Ledger Entries");
      await ctx.screenshot("04-item-ledger-sheet");
      const values = await runCommand(page, "Write value entries");
      assert.match(values, /Wrote \d+ value entries/, values);
      const valueRows = await hooks(page, () => window.__invTest.tableRows("tblValueEntries"));
      assert.ok(valueRows.length >= DEMO_ENTRIES + 2, `${valueRows.length} value entries`);
      assert.deepEqual([...new Set(valueRows.map((row) => row["Item Ledger Entry No."]))].sort((a, b) => a - b), rows.map((row) => row["Entry No."]));
    },
  },
  {
    name: "an INV formula typed into the grid computes from the ledger",
    async run(ctx) {
      const { page } = ctx;
      await page.getByRole("tab", { name: "Analysis" }).click();
      // Typing on a selected cell, as in Excel: the text goes to the formula bar; Enter commits.
      await page.locator('[data-address="B13"]').click();
      await page.keyboard.type('=INV.QTY("1000")');
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => window.__invTest.getCell("Analysis", "B13").formula !== null);
      await hooks(page, () => window.__invTest.waitIdle());
      const cell = await hooks(page, () => window.__invTest.getCell("Analysis", "B13"));
      assert.equal(cell.formula, '=INV.QTY("1000")');
      assert.equal(cell.value, DEMO_QTY_1000 + 4);
      assert.equal((await page.locator('[data-address="B13"]').innerText()).trim(), String(DEMO_QTY_1000 + 4));
      // Through the formula bar; an unknown item shows #N/A.
      await page.locator('[data-address="B14"]').click();
      const bar = page.getByTestId("formula-bar");
      await bar.fill('=INV.QTY("NOPE")');
      await bar.press("Enter");
      await page.waitForFunction(() => window.__invTest.getCell("Analysis", "B14").formula !== null);
      await hooks(page, () => window.__invTest.waitIdle());
      assert.equal((await hooks(page, () => window.__invTest.getCell("Analysis", "B14"))).value, "#N/A");
      await page.locator('[data-address="B13"]').click();
      await ctx.screenshot("05-analysis-formulas");
    },
  },
  {
    name: "an item created in the pane is listed, its text shown as typed",
    async run(ctx) {
      const { page } = ctx;
      await clickTab(page, "Items");
      await page.getByLabel("No.").fill("4000");
      await page.getByLabel("Description").fill("Chain <b>HD</b>");
      await page.getByLabel("Costing Method").selectOption("Average");
      await page.getByLabel("Unit Cost").fill("7.25");
      await page.getByRole("button", { name: "Create item" }).click();
      const row = page.getByTestId("item-4000");
      await row.waitFor();
      assert.match(await row.innerText(), /Chain <b>HD<\/b>/);
      assert.equal(await row.locator("b").count(), 0, "item text is not parsed as HTML");
      assert.deepEqual((await hooks(page, () => window.__invTest.ledger())).items, ["1000", "2000", "3000", "4000"]);
    },
  },
  {
    name: "after a reload the posted data is still there (IndexedDB)",
    async run(ctx) {
      const { page } = ctx;
      await page.reload({ waitUntil: "domcontentloaded" });
      await waitReady(page);
      const ledger = await hooks(page, () => window.__invTest.ledger());
      assert.equal(ledger.entries, DEMO_ENTRIES + 2, "the demo is not loaded twice and the posting survived");
      assert.equal((await hooks(page, () => window.__invTest.getCell("Analysis", "B10"))).value, DEMO_QTY_1000 + 4);
      await clickTab(page, "Items");
      await page.getByTestId("item-4000").waitFor();
      assert.match(await page.getByTestId("item-2000").innerText(), /Helmet/);
      await ctx.screenshot("06-after-reload-items");
    },
  },
  {
    name: "a sheet of 5,000 rows scrolls with only the rows in view rendered",
    async run(ctx) {
      const { page } = ctx;
      const rows = Array.from({ length: 5000 }, (_, i) => [i + 1, `Row ${i + 1}`, (i * 7) % 100]);
      await hooks(page, (r) => window.__invTest.writeTable({
        sheet: "Big", table: "tblBig", title: "5,000 rows", style: "output",
        columns: [{ header: "No.", kind: "integer" }, { header: "Text", kind: "text" }, { header: "Qty", kind: "quantity" }], rows: r,
      }), rows);
      await hooks(page, () => window.__invTest.showSheet("Big"));
      const grid = page.getByTestId("grid");
      await page.locator('[data-address="B6"]').waitFor();
      const t0 = Date.now();
      await grid.evaluate((element) => (element.scrollTop = element.scrollHeight));
      await page.locator('[data-address="B5005"]').waitFor();
      const scrollMs = Date.now() - t0;
      assert.equal((await page.locator('[data-address="B5005"]').innerText()).trim(), "Row 5000");
      const rendered = await grid.locator("[data-row]").count();
      assert.ok(rendered < 120, `${rendered} rows rendered`);
      assert.ok(scrollMs < 5000, `scrolling to the end took ${scrollMs} ms`); // a loose bound: the box may be busy
      ctx.log(`5,000-row sheet: ${rendered} rows rendered, scrolled to the end in ${scrollMs} ms`);
    },
  },
  {
    name: "Download .xlsx saves a workbook file",
    async run(ctx) {
      const { page } = ctx;
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download .xlsx" }).click()]);
      assert.match(download.suggestedFilename(), /\.xlsx$/);
      const stream = await download.createReadStream();
      const chunks = [];
      for await (const chunk of stream) chunks.push(chunk);
      const bytes = Buffer.concat(chunks);
      assert.ok(bytes.length > 2000, `only ${bytes.length} bytes`);
      assert.equal(bytes.subarray(0, 2).toString("latin1"), "PK", "an .xlsx is a zip file");
    },
  },
];
