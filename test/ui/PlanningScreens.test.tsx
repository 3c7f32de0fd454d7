/**
 * The Trace, Availability and Count screens on the DEMO ledger (memory store and workbook), driven as a user
 * would: fill the fields, click, read the tree, the outcome and the sheet written.
 */
import { fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { composeApp } from "../../src/app/composition";
import { loadDemoLedger } from "../../src/demo/demoData";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { closeChangeChannel, flushFunctions } from "../../src/functions/registry";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";
import { AvailabilityScreen } from "../../src/taskpane/AvailabilityScreen";
import { CountScreen } from "../../src/taskpane/CountScreen";
import { TraceScreen } from "../../src/taskpane/TraceScreen";
import { postLotFlow } from "../excel/lotScenario";

afterAll(async () => {
  closeChangeChannel();
  await flushFunctions();
});

async function setup(Screen: (deps: ReturnType<typeof composeApp>) => ReactElement) {
  const workbook = new MemoryWorkbook();
  const deps = composeApp(new MemoryLedgerStore(), workbook, { now: () => new Date(2025, 1, 5, 10, 14) });
  await loadDemoLedger(deps.service);
  await postLotFlow(deps.service);
  render(<FluentProvider theme={webLightTheme}>{Screen(deps)}</FluentProvider>);
  return { deps, workbook };
}

const outcome = () => screen.findByTestId("task-outcome", {}, { timeout: 5000 });

test("Trace: the usage tree of lot L-003 in the pane, then written to the Item Tracing sheet", async () => {
  const { workbook } = await setup((deps) => <TraceScreen {...deps} />);
  fireEvent.change(screen.getByLabelText("Lot No."), { target: { value: "L-003" } });
  fireEvent.click(screen.getByRole("button", { name: "Trace" }));
  const tree = await screen.findByRole("tree", { name: "Trace tree" }, { timeout: 5000 });
  const items = within(tree).getAllByRole("treeitem");
  expect(items.map((item) => item.getAttribute("aria-level"))).toEqual(["1", "2", "3", "4", "5"]);
  expect(items[0].textContent).toContain("Purchase PR-0008");
  expect(items[4].textContent).toContain("Assembly Output AO-0001 · 5000 · 2 EAST");
  fireEvent.click(screen.getByRole("button", { name: "Write to sheet" }));
  await screen.findByText("Item Tracing: 5 rows", {}, { timeout: 5000 });
  expect((await workbook.readTable("tblItemTrace"))!.rows).toHaveLength(5);
});

test("Trace asks for a lot or serial first", async () => {
  await setup((deps) => <TraceScreen {...deps} />);
  fireEvent.click(screen.getByRole("button", { name: "Trace" }));
  expect((await outcome()).textContent).toContain("Enter a lot or serial number");
});

test("Availability by period writes the weekly figures; a bad date is reported, not thrown", async () => {
  const { workbook } = await setup((deps) => <AvailabilityScreen {...deps} />);
  fireEvent.change(screen.getByLabelText(/^Item No\./), { target: { value: "1000" } });
  fireEvent.change(screen.getByLabelText("Location"), { target: { value: "MAIN" } });
  fireEvent.change(screen.getByLabelText("Start date"), { target: { value: "2025-02-03" } });
  fireEvent.change(screen.getByLabelText("Periods"), { target: { value: "4" } });
  fireEvent.click(screen.getByRole("button", { name: "Write to sheet" }));
  await screen.findByText("Item Availability by Periods: 4 rows", {}, { timeout: 5000 });
  expect((await workbook.readTable("tblAvailPeriod"))!.rows.map((r) => r[5])).toEqual([10, 14, 6, 6]);
  fireEvent.change(screen.getByLabelText("Start date"), { target: { value: "03/02/2025" } });
  fireEvent.click(screen.getByRole("button", { name: "Write to sheet" }));
  expect((await screen.findByText(/is not a date/, {}, { timeout: 5000 })).textContent).toContain("'03/02/2025' is not a date");
});

test("Count: calculate at MAIN, count one lot lower, post the difference", async () => {
  const { workbook, deps } = await setup((deps) => <CountScreen {...deps} />);
  fireEvent.change(screen.getByLabelText("Location"), { target: { value: "MAIN" } });
  fireEvent.click(screen.getByRole("button", { name: "Calculate inventory" }));
  await screen.findByText(/Physical Count: 5 lines calculated at 2025-02-05/, {}, { timeout: 5000 });
  const table = (await workbook.readTable("tblPhysCount"))!;
  const lot = table.rows.findIndex((r) => r[4] === "L-003");
  expect(table.rows[lot][7]).toBe(6); // 10 received − 4 transferred to EAST
  workbook.setCellInput("Physical Count", table.firstDataRow + lot, table.firstColumn + 8, "5");
  fireEvent.click(screen.getByRole("button", { name: "Post differences" }));
  await screen.findByText("Posted 1 difference(s)", {}, { timeout: 5000 });
  const book = (await deps.service.books(["3000"])).get("3000")!;
  expect(book.entries[book.entries.length - 1]).toMatchObject({ entryType: "NegativeAdjmt", lotNo: "L-003", documentNo: "PHYS-0001" });
});
