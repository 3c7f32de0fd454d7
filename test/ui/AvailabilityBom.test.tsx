/** The Availability screen's BOM-level view (excel.md §4.1, inventory.md §14.4) on the DEMO ledger. */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { composeApp } from "../../src/app/composition";
import { loadDemoLedger } from "../../src/demo/demoData";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { closeChangeChannel, flushFunctions } from "../../src/functions/registry";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";
import { AvailabilityScreen } from "../../src/taskpane/AvailabilityScreen";

afterAll(async () => {
  closeChangeChannel();
  await flushFunctions();
});

async function setup() {
  const workbook = new MemoryWorkbook();
  const deps = composeApp(new MemoryLedgerStore(), workbook, { now: () => new Date(2025, 1, 5, 10, 14) });
  await loadDemoLedger(deps.service);
  await deps.service.upsertItems([{ no: "4000", description: "Repair kit", costingMethod: "FIFO", assemblyBOM: [{ item: "1000", quantityPer: 2 }, { item: "3000", quantityPer: 5 }] }]);
  render(<FluentProvider theme={webLightTheme}><AvailabilityScreen {...deps} /></FluentProvider>);
  return { workbook };
}

test("By BOM level writes tblAvailBOM with the able-to-make figures and the bottleneck; an item without a BOM is reported", async () => {
  const { workbook } = await setup();
  fireEvent.click(screen.getByRole("tab", { name: "By BOM level" }));
  expect(screen.queryByLabelText("Periods")).toBeNull();
  fireEvent.change(screen.getByLabelText(/^Item No\./), { target: { value: "4000" } });
  fireEvent.change(screen.getByLabelText("Needed by"), { target: { value: "2025-02-05" } });
  fireEvent.click(screen.getByRole("button", { name: "Write to sheet" }));
  await screen.findByText("Item Availability by BOM Level: 3 rows", {}, { timeout: 5000 });
  // 1000: 13 on hand − 4 reserved = 9 → 4.5 kits (the bottleneck); 3000: 31 → 6.2.
  expect((await workbook.readTable("tblAvailBOM"))!.rows).toEqual([
    [0, "4000", null, 4.5, 4.5, false],
    [1, "1000", 9, 4.5, 4.5, true],
    [1, "3000", 31, 6.2, 6.2, false],
  ]);
  fireEvent.change(screen.getByLabelText("Location"), { target: { value: "EAST" } });
  fireEvent.click(screen.getByRole("button", { name: "Write to sheet" }));
  // The location reaches the evaluator: the banner names it.
  await waitFor(() => expect(String(workbook.cell("Avail by BOM Level", 1, 0).value)).toContain("EAST"), { timeout: 5000 });
  fireEvent.change(screen.getByLabelText(/^Item No\./), { target: { value: "1000" } });
  fireEvent.click(screen.getByRole("button", { name: "Write to sheet" }));
  expect((await screen.findByText(/has no assembly BOM/, {}, { timeout: 5000 })).textContent).toContain("Item 1000 has no assembly BOM");
});
