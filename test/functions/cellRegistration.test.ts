/**
 * excel.md §2.2 end to end, without Excel: INV invocations carrying their cell address register it; a
 * posting through the observed store recalculates (in the memory workbook: records) only the registered
 * cells whose items the posting touched, plus cells that read many items (filters, the whole ledger).
 */
import { DEFAULT_OPTIONS, type StockRequest } from "../../src/functions/arguments";
import { composeApp } from "../../src/app/composition";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { CellRegistry, itemsOfRequest, pageCellRegistry } from "../../src/functions/cellRegistry";
import { closeChangeChannel, flushFunctions, invFunctions, itemsReadBy } from "../../src/functions/registry";
import { FormulaRefresher } from "../../src/refresh/formulaRefresher";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";
import { installCustomFunctionsShim } from "./customFunctionsShim";

const { QTY, VALUE, VERSION, AVAILABLE } = invFunctions;

const qtyRequest = (item: string): StockRequest => ({ fn: "QTY", item, asOf: null, location: "", basis: "posted", options: DEFAULT_OPTIONS });

afterAll(async () => {
  closeChangeChannel();
  await flushFunctions();
});

async function setup() {
  installCustomFunctionsShim();
  pageCellRegistry().clear();
  const workbook = new MemoryWorkbook();
  const refresher = new FormulaRefresher(workbook, pageCellRegistry(), { readBy: itemsReadBy });
  const deps = composeApp(new MemoryLedgerStore(), workbook, { onLedgerChanged: () => void refresher.refreshChanged() }, refresher.noteChange);
  await deps.service.initCompany({ id: "acme", name: "Acme", workDate: "2025-02-05", locations: [{ code: "MAIN" }] });
  const item = (no: string) => ({ no, description: `Item ${no}`, costingMethod: "FIFO" as const, unitCost: 10, baseUnitOfMeasure: "PCS" });
  await deps.service.upsertItems([item("1000"), item("2000")]);
  return { deps, workbook, refresher };
}

/** Calls a function as Excel would with `@requiresAddress`, and waits for its answer. */
async function invoke(call: () => unknown): Promise<unknown> {
  const result = call();
  await flushFunctions();
  return result;
}

test("a posting for item 1000 recalculates only the cells reading 1000 or many items", async () => {
  const { deps, workbook, refresher } = await setup();
  await invoke(() => QTY([["1000"]], undefined, undefined, undefined, { address: "Stock!B2" }));
  await invoke(() => QTY([["1000"]], undefined, undefined, undefined, { address: "Stock!B3" }));
  await invoke(() => VALUE([["1000"]], undefined, undefined, undefined, undefined, { address: "Stock!C2" }));
  await invoke(() => VALUE([["1000"]], undefined, undefined, undefined, undefined, { address: "Stock!C3" }));
  await invoke(() => QTY([["2000"]], undefined, undefined, undefined, { address: "Stock!B9" }));
  await invoke(() => VERSION({ address: "'G L'!A1" }));
  await refresher.refreshChanged(); // the setup's commits (item cards) are not what this test is about
  workbook.calculationRequests.length = 0;

  await deps.service.postJournal([{ postingDate: "2025-02-01", entryType: "Purchase", item: "1000", location: "MAIN", quantity: 4, unitCost: 10 }]);
  deps.onLedgerChanged?.();
  await new Promise((resolve) => setTimeout(resolve, 0));

  // B2:C3 merged into one area; B9 (item 2000) left alone; the ledger-wide VERSION cell refreshed too.
  expect(workbook.calculationRequests).toEqual([
    { sheet: "Stock", areas: ["B2:C3"] },
    { sheet: "G L", areas: ["A1"] },
  ]);
});

test("a sales order for item 2000 (kept on the company) refreshes the cells of 2000 only", async () => {
  const { deps, workbook, refresher } = await setup();
  await deps.service.postJournal([{ postingDate: "2025-02-01", entryType: "Purchase", item: "2000", location: "MAIN", quantity: 4, unitCost: 10 }]);
  await invoke(() => AVAILABLE([["1000"]], "2025-03-01", undefined, undefined, { address: "Plan!B2" }));
  await invoke(() => AVAILABLE([["2000"]], "2025-03-01", undefined, undefined, { address: "Plan!B3" }));
  await refresher.refreshChanged();
  workbook.calculationRequests.length = 0;

  await deps.service.order({ type: "Sale", documentNo: "SO-1", item: "2000", location: "MAIN", quantity: 1, date: "2025-02-11" });
  await refresher.refreshChanged();

  expect(workbook.calculationRequests).toEqual([{ sheet: "Plan", areas: ["B3"] }]);
});

test("a cell re-invoked with another item is re-registered under the new item", () => {
  const registry = new CellRegistry();
  registry.register("S!A1", [qtyRequest("1000")]);
  registry.register("S!A1", [qtyRequest("2000")]);
  expect(registry.affectedBy({ items: new Set(["1000"]), cards: false })).toEqual([]);
  expect(registry.affectedBy({ items: new Set(["2000"]), cards: false }).map((cell) => cell.address)).toEqual(["S!A1"]);
});

test("an item filter or a request without an item depends on every item", () => {
  expect(itemsOfRequest(qtyRequest("10*"))).toBe("all");
  expect(itemsOfRequest(qtyRequest("1000|2000"))).toBe("all");
  expect(itemsOfRequest(qtyRequest(""))).toBe("all");
  expect(itemsOfRequest(qtyRequest("ab-1"))).toEqual(new Set(["AB-1"]));
});
