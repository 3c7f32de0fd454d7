/**
 * Cache invalidation of excel.md §2.1 rule 2 for the planning and ledger-wide answers on the DEMO: an order
 * or reservation invalidates only the items it names; G/L differences and the ledger version follow every
 * commit, manual G/L lines included; the work date refreshes INV.WORKDATE.
 */
import type { LedgerStore } from "../../src/core/ports";
import { InventoryService } from "../../src/core/service/inventoryService";
import { loadDemoLedger } from "../../src/demo/demoData";
import { closeChangeChannel, configureFunctions, flushFunctions, functionStats, invFunctions, resetFunctionStats } from "../../src/functions/registry";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";
import { installCustomFunctionsShim } from "./customFunctionsShim";

const { PAB, AVAILABLE, VALUE, GLDIFF, VERSION, WORKDATE } = invFunctions;

let store: LedgerStore;
let service: InventoryService;

beforeEach(async () => {
  installCustomFunctionsShim();
  store = configureFunctions({ store: new MemoryLedgerStore(), broadcast: false });
  service = new InventoryService(store);
  await loadDemoLedger(service);
  resetFunctionStats();
}, 30_000);
afterAll(async () => {
  closeChangeChannel();
  await flushFunctions();
});

/** Fills the cache with one flush of the given calls. */
async function warm(...calls: (() => unknown)[]): Promise<void> {
  const pending = calls.map((call) => call());
  await flushFunctions();
  await Promise.all(pending);
}

/** A manual G/L line as the general journal writes it: a G/L entry without a value entry. */
async function postManualLine(account: string, cents: number): Promise<void> {
  await store.transact(async (tx) => {
    const company = await tx.company();
    if (!company) throw new Error("no company");
    const entryNo = ++company.counters.lastGLEntryNo;
    await tx.appendGLEntries([{ entryNo, postingDate: "2025-02-04", accountNo: account, amount: cents, documentNo: "GJ-TEST", valueEntryNo: null, description: "test" }]);
    company.glBalances[account] = (company.glBalances[account] ?? 0) + cents;
    company.ledgerVersion++;
    await tx.putCompany(company);
  });
}

test("an order for item 1000 keeps the cached answers of item 3000", async () => {
  await warm(() => PAB([["1000"]], "2025-02-12", "MAIN"), () => AVAILABLE([["3000"]], "2025-04-15"), () => PAB([["3000"]], "2025-02-12"));
  await service.order({ type: "Sale", documentNo: "SO-1003", item: "1000", location: "MAIN", quantity: 1, date: "2025-02-11" });
  expect(AVAILABLE([["3000"]], "2025-04-15")).toEqual([[15]]); // synchronous: still current
  expect(PAB([["3000"]], "2025-02-12")).toEqual([[31]]);
  const refreshed = PAB([["1000"]], "2025-02-12", "MAIN");
  expect(refreshed).toBeInstanceOf(Promise);
  await flushFunctions();
  expect(await refreshed).toEqual([[3]]);
});

test("a reservation on item 1000 refreshes 1000's availability only", async () => {
  await warm(() => AVAILABLE([["1000"]], null, "MAIN"), () => AVAILABLE([["2000"]]));
  await service.reserve({ documentNo: "SO-1002", quantity: 2, from: "Inventory" });
  expect(AVAILABLE([["2000"]])).toEqual([[15]]);
  const refreshed = AVAILABLE([["1000"]], null, "MAIN");
  expect(refreshed).toBeInstanceOf(Promise);
  await flushFunctions();
  expect(await refreshed).toEqual([[4]]);
});

test("GLDIFF and VERSION follow every commit; item answers survive a manual G/L line", async () => {
  await warm(() => GLDIFF([["5100"]]), () => VERSION(), () => VALUE([["2000"]]));
  expect(GLDIFF([["5100"]])).toEqual([[0]]);
  const before = functionStats().reads;
  await postManualLine("5100", 700);
  expect(VALUE([["2000"]])).toEqual([[510]]); // no book changed
  const [difference, version] = [GLDIFF([["5100"]]), VERSION()];
  expect(difference).toBeInstanceOf(Promise);
  await flushFunctions();
  expect(await difference).toEqual([[7]]);
  const company = await store.read((tx) => tx.company());
  expect(await version).toEqual([[company?.ledgerVersion]]);
  expect(functionStats().reads).toBe(before + 1);
});

test("INV.WORKDATE is cached and refreshed by a work-date change", async () => {
  await warm(() => WORKDATE());
  expect(WORKDATE()).toEqual([[45693]]);
  await store.transact(async (tx) => {
    const company = await tx.company();
    if (!company) throw new Error("no company");
    await tx.putCompany({ ...company, workDate: "2025-02-06" });
  });
  const refreshed = WORKDATE();
  await flushFunctions();
  expect(await refreshed).toEqual([[45694]]);
});
