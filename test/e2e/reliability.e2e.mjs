/* global window -- page.evaluate callbacks run in the page */
/**
 * Reliability in Chromium (issue 8): two tabs posting at once on one IndexedDB (no lost or duplicated
 * entries, numbers unique and gapless, the other tab's INV functions see the new version through the
 * BroadcastChannel), a page closed in the middle of a posting (all or nothing on reopen), and backup to
 * a file and restore from it through the Settings screen. Own databases (?db=), so other suites keep DEMO.
 * The runner fails any test during which the page asked a host other than 127.0.0.1.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { hooks, waitReady } from "./support.mjs";


async function open(page, url, db) {
  await page.goto(`${url}?db=${db}&now=2025-02-05T10:14:00`, { waitUntil: "domcontentloaded" });
  await waitReady(page);
}

const purchase = (item, n, documentNo) => ({ postingDate: "2025-02-05", entryType: "Purchase", documentNo, item, location: "MAIN", quantity: n, unitCost: 100 });

function assertGapless(numbers, what) {
  assert.equal(new Set(numbers).size, numbers.length, `${what}: duplicated entry numbers`);
  numbers.forEach((no, i) => assert.equal(no, i + 1, `${what}: gap or duplicate at ${i + 1}`));
}

const qtyOf = async (page, sheet, address) => (await hooks(page, ([s, a]) => window.__invTest.setCell(s, a, '=INV.QTY("1000")'), [sheet, address])).value;

export const tests = [
  {
    name: "two tabs posting at once on one IndexedDB: nothing lost or doubled, numbers gapless, the other tab's functions see the new version",
    async run(ctx) {
      const POSTINGS_PER_TAB = 25;
      const a = ctx.page;
      await open(a, ctx.url, "reliability-two-tabs");
      const b = await a.context().newPage();
      try {
        await open(b, ctx.url, "reliability-two-tabs");
        const sheet = (await hooks(b, () => window.__invTest.sheetNames()))[0];
        const before = await hooks(a, () => window.__invTest.entryNumbers());
        const q0 = await qtyOf(b, sheet, "Z40");
        const postAll = (page, tab) =>
          hooks(page, async ([n, tab, line]) => {
            for (let i = 0; i < n; i++) await window.__invTest.command("postJournal", [{ ...line, documentNo: `${tab}-${i}` }]);
          }, [POSTINGS_PER_TAB, tab, purchase("1000", 1, "")]);
        const started = Date.now();
        await Promise.all([postAll(a, "A"), postAll(b, "B")]);
        ctx.log(`concurrent postings: ${2 * POSTINGS_PER_TAB} from two tabs in ${Date.now() - started} ms`);
        const after = await hooks(a, () => window.__invTest.entryNumbers());
        assert.equal(after.itemLedger.length, before.itemLedger.length + 2 * POSTINGS_PER_TAB, "item ledger entries lost or doubled");
        assertGapless(after.itemLedger, "item ledger entries");
        assertGapless(after.gl, "G/L entries");
        assert.deepEqual(await hooks(b, () => window.__invTest.entryNumbers()), after, "the tabs see different ledgers");
        assert.equal(await qtyOf(b, sheet, "Z41"), q0 + 2 * POSTINGS_PER_TAB);
        // One more posting in tab A alone: tab B's cached answer for the same formula must not survive it.
        await hooks(a, (line) => window.__invTest.command("postJournal", [line]), purchase("1000", 3, "A-LAST"));
        await b.waitForFunction(async () => (await window.__invTest.setCell(window.__invTest.sheetNames()[0], "Z42", '=INV.QTY("1000")')).value !== null, null, { timeout: 5000 });
        let seen = null;
        for (let tries = 0; tries < 20 && seen !== q0 + 2 * POSTINGS_PER_TAB + 3; tries++) {
          seen = await qtyOf(b, sheet, "Z42");
          if (seen !== q0 + 2 * POSTINGS_PER_TAB + 3) await b.waitForTimeout(100);
        }
        assert.equal(seen, q0 + 2 * POSTINGS_PER_TAB + 3, "tab B's INV.QTY did not see tab A's posting");
      } finally {
        await b.close();
      }
    },
  },
  {
    name: "a page closed in the middle of a posting: on reopen the posting is all there or not at all, and the next posting works",
    async run(ctx) {
      const LINES = 1500;
      const outcomes = [];
      const context = ctx.page.context();
      for (const delay of [0, 15, 40, 80, 150, 300, 600]) {
        const page = await context.newPage();
        await open(page, ctx.url, "reliability-close");
        const before = await hooks(page, () => window.__invTest.entryNumbers());
        await hooks(page, ([n, line]) => {
          window.__pendingPosting = window.__invTest.command("postJournal", Array.from({ length: n }, (_, i) => ({ ...line, documentNo: `BIG-${i}` }))).catch(() => undefined);
          return true;
        }, [LINES, purchase("2000", 1, "")]);
        await page.waitForTimeout(delay);
        await page.close({ runBeforeUnload: false });
        const reopened = await context.newPage();
        await open(reopened, ctx.url, "reliability-close");
        const after = await hooks(reopened, () => window.__invTest.entryNumbers());
        const added = after.itemLedger.length - before.itemLedger.length;
        assert.ok(added === 0 || added === LINES, `after closing at ${delay} ms: ${added} of ${LINES} entries were written`);
        assertGapless(after.itemLedger, "item ledger entries");
        assertGapless(after.gl, "G/L entries");
        await hooks(reopened, (line) => window.__invTest.command("postJournal", [line]), purchase("1000", 1, `NEXT-${delay}`));
        const next = await hooks(reopened, () => window.__invTest.entryNumbers());
        assert.equal(next.itemLedger.length, after.itemLedger.length + 1);
        outcomes.push(`${delay} ms: ${added === 0 ? "none" : "all"}`);
        await reopened.close();
      }
      ctx.log(`closed mid-posting (${LINES} lines): ${outcomes.join(", ")}`);
    },
  },
  {
    name: "settings: backup to a file and restore it in Chromium (CompressionStream, SHA-256), after a confirmation",
    async run(ctx) {
      const { page } = ctx;
      await open(page, ctx.url, "reliability-backup");
      await page.getByRole("tab", { name: "Settings" }).click();
      await page.getByTestId("diagnostics").getByText("Item ledger entries").waitFor();
      const original = await hooks(page, () => window.__invTest.entryNumbers());
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Backup to file" }).click()]);
      const file = await download.path();
      assert.match(download.suggestedFilename(), /^inventory-ledger-demo-.*\.invbak$/);
      const [head, ...body] = gunzipSync(readFileSync(file)).toString("utf8").split("\n");
      const manifest = JSON.parse(head);
      assert.equal(manifest.format, "inventory-ledger-backup");
      assert.equal(body.filter(Boolean).length, manifest.counts.company + manifest.counts.items + manifest.counts.books + manifest.counts.glEntries);
      await ctx.screenshot("30-settings-backup");

      await hooks(page, (line) => window.__invTest.command("postJournal", [line]), purchase("1000", 2, "AFTER-BACKUP"));
      await page.getByTestId("restore-file").setInputFiles(file);
      const confirm = page.getByTestId("restore-confirm");
      await confirm.waitFor({ timeout: 15_000 });
      assert.match(await confirm.innerText(), /DEMO \(demo\)/);
      await ctx.screenshot("31-settings-restore-confirm");
      await confirm.getByRole("button", { name: "Restore now" }).click();
      await page.getByTestId("task-outcome").getByText("Restored").waitFor({ timeout: 15_000 });
      await hooks(page, () => window.__invTest.waitIdle());
      assert.deepEqual(await hooks(page, () => window.__invTest.entryNumbers()), original, "the restore did not bring back the backed-up ledger");
      await page.getByText("Safety backups", { exact: false }).waitFor();
      await ctx.screenshot("32-settings-restored");
    },
  },
];
