/**
 * The targeted refresh hears the function cache's reading of each commit (commitScope.ts), not its own:
 * a pane whose refresher heard no commit before (just opened) still recalculates the cells of the item an
 * order names, because the cache learned the open orders when it last read the store (excel.md §2.2).
 */
import type { CommitScope, LedgerChange } from "../../src/functions/commitScope";
import { composeApp } from "../../src/app/composition";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { pageCellRegistry } from "../../src/functions/cellRegistry";
import { closeChangeChannel, flushFunctions, invFunctions, itemsReadBy } from "../../src/functions/registry";
import { FormulaRefresher } from "../../src/refresh/formulaRefresher";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";
import { installCustomFunctionsShim } from "./customFunctionsShim";

const { AVAILABLE } = invFunctions;

afterAll(async () => {
  closeChangeChannel();
  await flushFunctions();
});

test("a refresher that heard no earlier commit refreshes the cells of an order's item from the cache's scope", async () => {
  installCustomFunctionsShim();
  pageCellRegistry().clear();
  let hear: (change: LedgerChange, scope: CommitScope) => void = () => undefined;
  const deps = composeApp(new MemoryLedgerStore(), new MemoryWorkbook(), {}, (change, scope) => hear(change, scope));
  await deps.service.initCompany({ id: "acme", name: "Acme", workDate: "2025-02-05", locations: [{ code: "MAIN" }] });
  const item = (no: string) => ({ no, description: `Item ${no}`, costingMethod: "FIFO" as const, unitCost: 10, baseUnitOfMeasure: "PCS" });
  await deps.service.upsertItems([item("1000"), item("2000")]);
  // The pane opens now: its refresher has heard nothing; Excel evaluates the saved cells once.
  const workbook = new MemoryWorkbook();
  const refresher = new FormulaRefresher(workbook, pageCellRegistry(), { readBy: itemsReadBy });
  hear = refresher.noteChange;
  for (const [address, no] of [["Plan!B2", "1000"], ["Plan!B3", "2000"]]) {
    AVAILABLE([[no]], "2025-03-01", undefined, undefined, { address });
    await flushFunctions();
  }

  await deps.service.order({ type: "Sale", documentNo: "SO-1", item: "2000", location: "MAIN", quantity: 1, date: "2025-02-11" });
  await refresher.refreshChanged();

  expect(workbook.calculationRequests).toEqual([{ sheet: "Plan", areas: ["B3"] }]);
});
