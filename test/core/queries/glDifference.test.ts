/**
 * G/L − inventory ledger per account (src/core/queries/glDifference.ts) on the DEMO with the manual journal
 * GJ-0001 (+15.00 to 1300 on 2025-01-31): excel.md §1.2 INV.GLDIFF, agreeing with gl/reconcile.ts.
 */
import type { ItemBook } from "../../../src/core/book";
import type { Company } from "../../../src/core/company";
import { reconcile } from "../../../src/core/gl/reconcile";
import { money } from "../../../src/core/money";
import { glDifference, knownAccounts } from "../../../src/core/queries/glDifference";
import { InventoryService } from "../../../src/core/service/inventoryService";
import type { GLEntry } from "../../../src/core/types";
import { loadDemoLedger } from "../../../src/demo/demoData";
import { MemoryLedgerStore } from "../../../src/storage/memoryStore";

let company: Company;
let books: ItemBook[];
let glEntries: GLEntry[];

/** GJ-0001 written as a general journal posts it: a G/L entry without a value entry, balance kept in step. */
async function postManualLine(store: MemoryLedgerStore, line: { date: string; account: string; amount: number; documentNo: string }): Promise<void> {
  await store.transact(async (tx) => {
    const current = await tx.company();
    if (!current) throw new Error("no company");
    const entryNo = ++current.counters.lastGLEntryNo;
    await tx.appendGLEntries([{ entryNo, postingDate: line.date, accountNo: line.account, amount: money(line.amount), documentNo: line.documentNo, valueEntryNo: null, description: "manual" }]);
    current.glBalances[line.account] = (current.glBalances[line.account] ?? 0) + money(line.amount);
    current.ledgerVersion++;
    await tx.putCompany(current);
  });
}

beforeAll(async () => {
  const store = new MemoryLedgerStore();
  await loadDemoLedger(new InventoryService(store));
  // The DEMO loader posts GJ-0001 through the general journal; written here only if it does not.
  const posted = await store.read((tx) => tx.glEntries());
  if (!posted.some((entry) => entry.documentNo === "GJ-0001"))
    await postManualLine(store, { date: "2025-01-31", account: "1300", amount: 15, documentNo: "GJ-0001" });
  const read = await store.read(async (tx) => ({ company: await tx.company(), books: await tx.books(["1000", "2000", "3000"]), gl: await tx.glEntries() }));
  if (!read.company) throw new Error("no company");
  [company, books, glEntries] = [read.company, [...read.books.values()], read.gl];
});

const only = (account: string) => (code: string) => code === account;

test("1300 at 2025-01-31: ledger 1,600.00, G/L 1,615.00, difference 15.00 from GJ-0001", () => {
  const result = glDifference(company, books, glEntries, only("1300"), "2025-01-31");
  expect(result).toMatchObject({ ledgerAmount: money(1600), glBalance: money(1615), difference: money(15) });
  expect(result.lines).toEqual([expect.objectContaining({ kind: "manual G/L entry", documentNo: "GJ-0001", amount: money(15) })]);
});

test("5000 COGS reconciles; every account's lines sum to its difference", () => {
  expect(glDifference(company, books, glEntries, only("5000"), "2025-01-31").difference).toBe(0);
  for (const account of knownAccounts(company, glEntries)) {
    const result = glDifference(company, books, glEntries, only(account), "2025-12-31");
    expect(result.lines.reduce((sum, line) => sum + line.amount, 0)).toBe(result.difference);
  }
});

test("agrees with gl/reconcile.ts on the inventory account at an open end date", () => {
  const result = glDifference(company, books, glEntries, only("1300"), "9999-12-31");
  expect(result.difference).toBe(-reconcile(company, books).inventoryDifference);
});

test("a value entry not posted to G/L is a line of its own", () => {
  const unposted = structuredClone(books);
  const value = unposted[0].values[0];
  value.costAmountActual += money(1); // as if a later change had not been posted yet
  const result = glDifference(company, unposted, glEntries, only("1300"), "2025-01-31");
  expect(result.difference).toBe(money(14));
  expect(result.lines).toContainEqual(expect.objectContaining({ kind: "value entry not posted to G/L", entryNo: value.entryNo, amount: money(-1) }));
});
