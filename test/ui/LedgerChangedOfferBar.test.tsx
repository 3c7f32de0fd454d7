/**
 * excel.md §2.1 rule 10 in the pane: nothing is recomputed on open; when the ledger version stamped in the
 * workbook differs from the store's, a bar offers Refresh, which recalculates every INV formula and
 * stamps the store's version. A workbook stamped at the store's version opens without the bar.
 */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { composeApp } from "../../src/app/composition";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { CellRegistry } from "../../src/functions/cellRegistry";
import { FormulaRefresher } from "../../src/refresh/formulaRefresher";
import { readResultStamp, ResultStampKeeper, storeStamp, writeResultStamp } from "../../src/refresh/resultStamp";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";
import { LedgerChangedOfferBar } from "../../src/taskpane/components/LedgerChangedOfferBar";

jest.setTimeout(30_000);

/** A store with a posting (ledger past v1) and a workbook with two INV cells stamped at `stamped`. */
async function openPane(stamped: (version: number) => number) {
  const workbook = new MemoryWorkbook({ writer: { yieldToEventLoop: async () => undefined } });
  workbook.addSheet("Report");
  workbook.setCellInput("Report", 1, 1, "=INV.QTY(A2)");
  workbook.setCellInput("Report", 2, 1, "=INV.VALUE(A3)");
  const { service, store } = composeApp(new MemoryLedgerStore(), workbook);
  await service.initCompany({ id: "acme", name: "Acme", workDate: "2025-02-05", locations: [{ code: "MAIN" }] });
  await service.upsertItems([{ no: "1000", description: "Bolt", costingMethod: "FIFO", unitCost: 10, baseUnitOfMeasure: "PCS" }]);
  await service.postJournal([{ postingDate: "2025-02-01", entryType: "Purchase", item: "1000", location: "MAIN", quantity: 4, unitCost: 10 }]);
  const version = (await storeStamp(store))!.ledgerVersion;
  await writeResultStamp(workbook, { companyId: "acme", ledgerVersion: stamped(version) }, "2025-02-01 09:00");
  const stamps = new ResultStampKeeper(workbook, () => storeStamp(store), () => "2025-02-05 10:14");
  const check = jest.spyOn(stamps, "checkOnOpen");
  const refresher = new FormulaRefresher(workbook, new CellRegistry(), { listener: stamps });
  render(
    <FluentProvider theme={webLightTheme}>
      <LedgerChangedOfferBar stamps={stamps} control={refresher} />
    </FluentProvider>,
  );
  return { workbook, version, checked: () => check.mock.results[0]?.value as Promise<unknown> };
}

test("a workbook stamped at an older ledger version offers Refresh, which recalculates every INV cell and stamps", async () => {
  const { workbook, version } = await openPane(() => 1);
  const bar = await screen.findByTestId("ledger-changed-offer");
  expect(bar.textContent).toContain("The ledger changed since these INV values were calculated");
  expect(bar.textContent).toContain(`Calculated from acme v1; the ledger is now at acme v${version}.`);
  expect(workbook.calculationRequests).toEqual([]); // nothing recomputed on open
  fireEvent.click(screen.getByRole("button", { name: "Refresh" }));
  await waitFor(() => expect(screen.queryByTestId("ledger-changed-offer")).toBeNull());
  expect(workbook.calculationRequests).toEqual([{ sheet: "Report", areas: ["B2:B3"] }]);
  expect(await readResultStamp(workbook)).toEqual({ companyId: "acme", ledgerVersion: version });
});

test("a workbook stamped at the store's version opens without the bar", async () => {
  const { workbook, checked } = await openPane((version) => version);
  await act(async () => {
    await checked();
  });
  expect(screen.queryByTestId("ledger-changed-offer")).toBeNull();
  expect(workbook.calculationRequests).toEqual([]);
});

test("Not now leaves the values and hides the bar", async () => {
  const { workbook } = await openPane(() => 1);
  fireEvent.click(await screen.findByRole("button", { name: "Not now" }));
  expect(screen.queryByTestId("ledger-changed-offer")).toBeNull();
  expect(workbook.calculationRequests).toEqual([]);
  expect((await readResultStamp(workbook))?.ledgerVersion).toBe(1);
});
