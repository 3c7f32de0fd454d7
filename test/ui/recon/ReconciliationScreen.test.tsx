/**
 * The Reconciliation screen and the Ledgers cost commands on the DEMO ledger (memory store and workbook),
 * driven as a user would: fill the fields, click, read the tiles, the outcome and the sheet written.
 */
import { fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { composeApp } from "../../../src/app/composition";
import { loadDemoLedger } from "../../../src/demo/demoData";
import { MemoryWorkbook } from "../../../src/excel/memoryWorkbook";
import { closeChangeChannel, flushFunctions } from "../../../src/functions/registry";
import { MemoryLedgerStore } from "../../../src/storage/memoryStore";
import { LedgersScreen } from "../../../src/taskpane/LedgersScreen";
import { ReconciliationScreen } from "../../../src/taskpane/ReconciliationScreen";

// Under a loaded machine a screen command can take seconds: generous waits, not a flaky suite.
jest.setTimeout(60_000);

afterAll(async () => {
  closeChangeChannel();
  await flushFunctions();
});

async function setup(Screen: (deps: ReturnType<typeof composeApp>) => ReactElement) {
  const workbook = new MemoryWorkbook({ writer: { yieldToEventLoop: async () => undefined } });
  const selected: [string, number, string][] = [];
  const deps = composeApp(new MemoryLedgerStore(), workbook, {
    now: () => new Date(2025, 1, 5, 10, 14),
    selectTableCell: (table, row, column) => selected.push([table, row, column]),
  });
  await loadDemoLedger(deps.service);
  render(<FluentProvider theme={webLightTheme}>{Screen(deps)}</FluentProvider>);
  return { deps, workbook, selected };
}

const outcome = () => screen.findByTestId("task-outcome", {}, { timeout: 15_000 });

test("Reconcile: the 15.00 difference on 1300 as tiles; the tile and the row link select the row on the sheet", async () => {
  const { workbook, selected } = await setup((deps) => <ReconciliationScreen {...deps} />);
  fireEvent.change(screen.getByLabelText("As of"), { target: { value: "2025-01-31" } });
  fireEvent.click(screen.getByRole("button", { name: "Reconcile" }));
  expect((await outcome()).textContent).toContain("Difference 15.00 on 1 row(s)");
  const summary = screen.getByLabelText("Reconciliation summary");
  fireEvent.click(within(summary).getByRole("button", { name: "Total difference 15.00" }));
  fireEvent.click(within(summary).getByRole("button", { name: "1300: 15.00" }));
  expect(selected).toEqual([["tblInvGLRecon", 0, "Difference"], ["tblInvGLRecon", 0, "Difference"]]);
  expect(within(summary).getByRole("button", { name: "Unreconciled rows 1" })).toBeTruthy();
  expect((await workbook.readTable("tblInvGLRecon"))?.rows[0].slice(3, 9)).toEqual(["1300", null, 1600, 1600, 1615, 15]);
  // Drill-down: the entries behind the row (INV.EXPLAIN of GLDIFF) on the Explain sheet.
  fireEvent.click(within(summary).getByRole("button", { name: "Entries behind 1300" }));
  await screen.findByText(/Entries behind 1300: \d+ rows/, {}, { timeout: 15_000 });
  const explain = (await workbook.readTable("tblExplain"))!;
  const at = (header: string) => explain.headers.indexOf(header);
  expect(explain.rows.some((row) => row[at("Document No.")] === "GJ-0001" && row[at("Amount")] === 15)).toBe(true);
  expect(explain.rows[explain.rows.length - 1].slice(0, 1)).toEqual(["Total"]);
  expect(explain.rows[0][at("Formula")]).toBe('=INV.GLDIFF("1300","2025-01-31")');
  expect(explain.rows[0][at("Source Cell")]).toBe("Inventory GL Recon!I6");
});

test("Write valuation: DEMO January ends at 1,600.00; a bad date is reported beside nothing written", async () => {
  const { workbook } = await setup((deps) => <ReconciliationScreen {...deps} />);
  fireEvent.change(screen.getByLabelText("Start date"), { target: { value: "2025-01-01" } });
  fireEvent.change(screen.getByLabelText("End date"), { target: { value: "31/01/2025" } });
  fireEvent.click(screen.getByRole("button", { name: "Write valuation" }));
  expect((await outcome()).textContent).toContain("End date: '31/01/2025' is not a date; use yyyy-mm-dd");
  expect(await workbook.readTable("tblInvValuation")).toBeNull();
  fireEvent.change(screen.getByLabelText("End date"), { target: { value: "2025-01-31" } });
  fireEvent.click(screen.getByRole("button", { name: "Write valuation" }));
  await screen.findByText("Inventory Valuation: 3 rows, value at end 1,600.00", {}, { timeout: 15_000 });
});

test("Manual G/L lines: the General Journal sheet's errors link to their cells; fixed lines post", async () => {
  const { workbook, selected } = await setup((deps) => <ReconciliationScreen {...deps} />);
  fireEvent.click(screen.getByRole("button", { name: "General Journal sheet" }));
  await screen.findByText("General Journal sheet created", {}, { timeout: 15_000 });
  await workbook.writeSheetCells("General Journal", 5, 1, [["2025-02-05", "GJ-0002", "1300", null, 12.345, "2310"]]);
  const table = await workbook.readTable("tblGenJournal");
  expect(table?.rows[0][1]).toBe("2025-02-05");
  fireEvent.click(screen.getByRole("button", { name: "Post G/L lines" }));
  const list = await screen.findByTestId("error-list", {}, { timeout: 15_000 });
  fireEvent.click(within(list).getByRole("button", { name: /Amount 12.345 has more than two decimals/ }));
  expect(selected).toEqual([["tblGenJournal", 0, "Amount"]]);
  await workbook.updateTableColumns("tblGenJournal", ["Amount"], [[12.35]]);
  fireEvent.click(screen.getByRole("button", { name: "Post G/L lines" }));
  await screen.findByText(/Posted 1 line\(s\): G\/L entries/, {}, { timeout: 15_000 });
});

test("Ledgers: Run Adjust Cost writes the log and names the items and amounts; Post Inventory Cost to G/L has nothing left", async () => {
  const { workbook } = await setup((deps) => <LedgersScreen {...deps} />);
  fireEvent.click(screen.getByRole("button", { name: "Run Adjust Cost" }));
  await screen.findByText("Run 1: 2 item(s) adjusted", {}, { timeout: 15_000 });
  expect(screen.getByText(/1000 \+40\.00, 2000 -15\.00/)).toBeTruthy();
  expect((await workbook.readTable("tblCostAdjLog"))?.rows.length).toBeGreaterThanOrEqual(2);
  fireEvent.click(screen.getByRole("button", { name: "Post Inventory Cost to G/L" }));
  await screen.findByText("Nothing to post: every value entry is in the G/L", {}, { timeout: 15_000 });
  fireEvent.click(screen.getByRole("button", { name: "Explain selected cell" }));
  await screen.findByText(/holds no INV formula/, {}, { timeout: 15_000 });
});
