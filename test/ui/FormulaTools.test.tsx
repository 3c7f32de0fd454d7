/**
 * Settings' INV formula tools (excel.md §4.1, §2.1 rule 4, §2.2) and the "Refresh now" offer, over the
 * memory store and workbook: the audit lists INV cells fed by TODAY/NOW/OFFSET/INDIRECT/RAND with the
 * proposed fix; "Refresh all INV formulas" recalculates every INV cell; above the threshold the pane asks.
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { composeApp } from "../../src/app/composition";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { CellRegistry } from "../../src/functions/cellRegistry";
import { FormulaRefresher } from "../../src/refresh/formulaRefresher";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";
import { RefreshOfferBar } from "../../src/taskpane/RefreshOfferBar";
import { SettingsScreen } from "../../src/taskpane/SettingsScreen";

jest.setTimeout(30_000);

function workbookWithFormulas(): MemoryWorkbook {
  const workbook = new MemoryWorkbook();
  workbook.addSheet("Report");
  workbook.setCellInput("Report", 1, 1, "=INV.QTY(A2,TODAY())");
  workbook.setCellInput("Report", 2, 1, "=INV.VALUE(A3)");
  workbook.setCellInput("Report", 3, 1, "=INV.QTY(INDIRECT(\"A\"&ROW()))");
  workbook.setCellInput("Report", 4, 1, "=SUM(TODAY(),1)");
  return workbook;
}

async function renderSettings(workbook: MemoryWorkbook) {
  const refresher = new FormulaRefresher(workbook, new CellRegistry());
  const deps = composeApp(new MemoryLedgerStore(), workbook, { formulaRefresh: refresher, storage: { persisted: async () => true } });
  await deps.service.initCompany({ id: "acme", name: "Acme", workDate: "2025-02-05", locations: [{ code: "MAIN" }] });
  render(
    <FluentProvider theme={webLightTheme}>
      <SettingsScreen {...deps} />
    </FluentProvider>,
  );
  return refresher;
}

test("the audit lists INV cells with volatile arguments and proposes INV.WORKDATE() or a typed value", async () => {
  await renderSettings(workbookWithFormulas());
  fireEvent.click(screen.getByRole("button", { name: "Audit formulas" }));
  const list = await screen.findByTestId("formula-audit");
  const lines = within(list).getAllByRole("listitem").map((item) => item.textContent);
  expect(lines).toEqual([
    "Report!B2 =INV.QTY(A2,TODAY()): replace TODAY with INV.WORKDATE() or a typed date.",
    "Report!B4 =INV.QTY(INDIRECT(\"A\"&ROW())): replace INDIRECT with a direct reference or a typed value.",
  ]);
});

test("a workbook without such formulas says so", async () => {
  const workbook = new MemoryWorkbook();
  workbook.addSheet("Report");
  workbook.setCellInput("Report", 0, 0, "=INV.QTY(\"1000\",INV.WORKDATE())");
  await renderSettings(workbook);
  fireEvent.click(screen.getByRole("button", { name: "Audit formulas" }));
  expect((await screen.findByTestId("formula-audit")).textContent).toMatch(/No INV formula uses TODAY/);
});

test("Refresh all INV formulas recalculates every INV cell and only those", async () => {
  const workbook = workbookWithFormulas();
  await renderSettings(workbook);
  fireEvent.click(screen.getByRole("button", { name: "Refresh all INV formulas" }));
  expect((await screen.findByTestId("formula-status")).textContent).toBe("Recalculated 3 INV cells.");
  expect(workbook.calculationRequests).toEqual([{ sheet: "Report", areas: ["B2:B4"] }]);
});

test("above the threshold the pane asks; Refresh now recalculates, and the bar goes", async () => {
  const workbook = new MemoryWorkbook();
  const registry = new CellRegistry();
  for (let row = 2; row <= 6; row++) registry.registerUnknown(`Stock!C${row}`);
  const refresher = new FormulaRefresher(workbook, registry, { autoRefreshLimit: 4 });
  render(
    <FluentProvider theme={webLightTheme}>
      <RefreshOfferBar control={refresher} />
    </FluentProvider>,
  );
  expect(screen.queryByTestId("refresh-offer")).toBeNull();
  refresher.noteChange({ items: ["1000"] });
  await refresher.refreshChanged();
  expect((await screen.findByTestId("refresh-offer")).textContent).toMatch(/5 cells depend on the items just changed/);
  expect(workbook.calculationRequests).toEqual([]);
  fireEvent.click(screen.getByRole("button", { name: "Refresh now" }));
  await waitFor(() => expect(screen.queryByTestId("refresh-offer")).toBeNull());
  expect(workbook.calculationRequests).toEqual([{ sheet: "Stock", areas: ["C2:C6"] }]);
});
