/**
 * excel.md §2.1 rule 9 with §2.2: a commit another workbook (another runtime of the same origin) broadcasts
 * refreshes this workbook's INV cells it made stale, by the same targeted refresh as a local commit, the
 * 20,000-cell offer included. Excel is the office-js fake the refresher tests use: `Range.calculate` per
 * area, then one sync, logged.
 */
import type { LedgerStore } from "../../src/core/ports";
import { InventoryService } from "../../src/core/service/inventoryService";
import { OfficeWorkbook, type ExcelRun } from "../../src/excel/officeWorkbook";
import { pageCellRegistry } from "../../src/functions/cellRegistry";
import type { LedgerChange } from "../../src/functions/commitScope";
import { observeCommits } from "../../src/functions/observedStore";
import { CHANGE_CHANNEL, closeChangeChannel, configureFunctions, flushFunctions, invFunctions, itemsReadBy } from "../../src/functions/registry";
import { FormulaRefresher, type RefreshOutcome } from "../../src/refresh/formulaRefresher";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";
import { installCustomFunctionsShim } from "./customFunctionsShim";

const { QTY } = invFunctions;

/** office-js as the refresher tests fake it: calculate() per area, one sync; a workbook without formulas to scan. */
function fakeExcel(log: string[]): ExcelRun {
  const context = {
    workbook: {
      worksheets: {
        items: [],
        load: () => undefined,
        getItem: (sheet: string) => ({ getRange: (area: string) => ({ calculate: () => log.push(`${sheet}!${area}`) }) }),
      },
    },
    sync: async () => {
      log.push("sync");
    },
  };
  return <T,>(work: (context: Excel.RequestContext) => Promise<T>) => work(context as unknown as Excel.RequestContext);
}

afterEach(async () => {
  closeChangeChannel();
  await flushFunctions();
});

async function setup(autoRefreshLimit?: number) {
  installCustomFunctionsShim();
  pageCellRegistry().clear();
  const log: string[] = [];
  const refresher = new FormulaRefresher(new OfficeWorkbook({ run: fakeExcel(log) }), pageCellRegistry(), { readBy: itemsReadBy, autoRefreshLimit });
  const remote: Promise<RefreshOutcome>[] = [];
  const shared = new MemoryLedgerStore();
  const store = configureFunctions({
    store: shared,
    broadcast: true,
    onCommit: refresher.noteChange,
    onRemoteCommit: (change, scope) => remote.push(refresher.noteRemoteCommit(change, scope)),
  });
  const service = new InventoryService(store);
  await service.initCompany({ id: "acme", name: "Acme", workDate: "2025-02-05", locations: [{ code: "MAIN" }] });
  const item = (no: string) => ({ no, description: `Item ${no}`, costingMethod: "FIFO" as const, unitCost: 10, baseUnitOfMeasure: "PCS" });
  await service.upsertItems([item("1000"), item("2000")]);
  for (const [address, no] of [["Stock!B2", "1000"], ["Stock!B3", "1000"], ["Stock!B9", "2000"]]) {
    QTY([[no]], undefined, undefined, undefined, { address });
    await flushFunctions();
  }
  await refresher.refreshChanged(); // the setup's own commits are not what these tests are about
  log.length = 0;
  return { shared, refresher, log, remote };
}

/** Another workbook posts a purchase of `item` into the shared store and broadcasts its commit, as its runtime would. */
async function otherWorkbookPosts(shared: LedgerStore, item: string): Promise<void> {
  let posted: LedgerChange | undefined;
  const theirs = observeCommits(shared, (change) => (posted = change));
  await new InventoryService(theirs).postJournal([{ postingDate: "2025-02-01", entryType: "Purchase", item, location: "MAIN", quantity: 4, unitCost: 10 }]);
  const channel = new BroadcastChannel(CHANGE_CHANNEL);
  channel.postMessage(posted);
  channel.close();
}

async function heard(remote: Promise<RefreshOutcome>[]): Promise<RefreshOutcome> {
  for (let wait = 0; wait < 100 && remote.length === 0; wait++) await new Promise((resolve) => setTimeout(resolve, 2));
  if (remote.length === 0) throw new Error("the broadcast commit never reached the refresher");
  return remote[0];
}

test("another workbook's posting for 1000 recalculates this workbook's cells of 1000 only", async () => {
  const { shared, log, remote } = await setup();
  await otherWorkbookPosts(shared, "1000");
  expect(await heard(remote)).toEqual({ kind: "done", cells: 2, calls: 1 });
  expect(log).toEqual(["Stock!B2:B3", "sync"]);
  // The cache dropped 1000's answer too: the recalculated cell reads the posting.
  const again = QTY([["1000"]], undefined, undefined, undefined, { address: "Stock!B2" });
  await flushFunctions();
  expect(await again).toEqual([[4]]);
});

test("above the limit a broadcast commit asks instead of recalculating", async () => {
  const { shared, refresher, log, remote } = await setup(1);
  await otherWorkbookPosts(shared, "1000");
  expect(await heard(remote)).toEqual({ kind: "asked", cells: 2, calls: 0 });
  expect(log).toEqual([]);
  expect(refresher.pendingOffer()).toBe(2);
});
