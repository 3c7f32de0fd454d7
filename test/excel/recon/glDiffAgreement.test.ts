/**
 * The recon sheet and INV.GLDIFF answer the same question (excel.md §1.2, §3.2): for every account row,
 * Difference = INV.GLDIFF(account, asOf), on the DEMO and with value entries left unposted.
 */
import { composeApp } from "../../../src/app/composition";
import { loadDemoLedger } from "../../../src/demo/demoData";
import { MemoryWorkbook } from "../../../src/excel/memoryWorkbook";
import { closeChangeChannel, flushFunctions, invFunctions } from "../../../src/functions/registry";
import { MemoryLedgerStore } from "../../../src/storage/memoryStore";
import { loadLedger } from "../../../src/taskpane/hooks/reconCommands";
import { runReconciliation } from "../../../src/excel/sheets/glReconSheet";
import { moneyToNumber } from "../../../src/core/money";

afterAll(async () => {
  closeChangeChannel();
  await flushFunctions();
});

async function differences(deps: ReturnType<typeof composeApp>, asOf: string) {
  const ledger = await loadLedger(deps.store);
  const recon = runReconciliation(ledger, { asOf, grouping: "account", itemFilter: "", locationFilter: "" });
  const rows = recon.rows.map((row) => [row.accountNo, moneyToNumber(row.difference)] as const);
  const cells = await Promise.all(rows.map(([account]) => invFunctions.GLDIFF(account, asOf)));
  return { rows, cells: cells.map((cell, i) => [rows[i][0], (cell as unknown[][])[0][0]] as const) };
}

test("DEMO and an unposted receipt: every recon row's Difference equals INV.GLDIFF of its account", async () => {
  const deps = composeApp(new MemoryLedgerStore(), new MemoryWorkbook());
  await loadDemoLedger(deps.service);
  const demo = await differences(deps, "2025-01-31");
  expect(demo.rows).toEqual([["1300", 15], ["5000", 0], ["5100", 0], ["5200", 0]]);
  expect(demo.cells).toEqual(demo.rows);

  await deps.service.changeSetup({ inventorySetup: { automaticCostPosting: false } });
  await deps.service.postJournal([{ postingDate: "2025-02-04", entryType: "Purchase", documentNo: "PR-0099", item: "2000", location: "MAIN", quantity: 2, unitCost: 40 }]);
  const unposted = await differences(deps, "2025-02-05");
  expect(unposted.rows).toEqual([["1300", 15 - 80], ["5000", 0], ["5100", 0], ["5200", 80]]);
  expect(unposted.cells).toEqual(unposted.rows);
});
