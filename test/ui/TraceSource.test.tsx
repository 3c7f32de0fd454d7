/** The Trace screen's tree names the vendor or customer of each entry's document (inventory.md §13.3). */
import { fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { composeApp } from "../../src/app/composition";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { closeChangeChannel, flushFunctions } from "../../src/functions/registry";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";
import { TraceScreen } from "../../src/taskpane/TraceScreen";

afterAll(async () => {
  closeChangeChannel();
  await flushFunctions();
});

test("a purchased and sold lot shows its vendor and customer in the tree", async () => {
  const deps = composeApp(new MemoryLedgerStore(), new MemoryWorkbook(), { now: () => new Date(2025, 1, 5, 10, 14) });
  await deps.service.initCompany({ workDate: "2025-02-05", locations: [{ code: "MAIN" }] });
  await deps.service.upsertItems([{ no: "A", itemTracking: "Lot" }]);
  await deps.service.postJournal([
    { postingDate: "2025-02-01", entryType: "Purchase", documentNo: "PR1", item: "A", location: "MAIN", quantity: 5, unitCost: 2, lotNo: "L9", sourceNo: "V100" },
    { postingDate: "2025-02-02", entryType: "Sale", documentNo: "SS1", item: "A", location: "MAIN", quantity: 2, lotNo: "L9", sourceNo: "C200" },
    { postingDate: "2025-02-03", entryType: "NegativeAdjmt", documentNo: "ADJ", item: "A", location: "MAIN", quantity: 1, lotNo: "L9" },
  ]);
  render(<FluentProvider theme={webLightTheme}><TraceScreen {...deps} /></FluentProvider>);
  fireEvent.change(screen.getByLabelText("Lot No."), { target: { value: "L9" } });
  fireEvent.click(screen.getByRole("button", { name: "Trace" }));
  const tree = await screen.findByRole("tree", { name: "Trace tree" }, { timeout: 5000 });
  const items = within(tree).getAllByRole("treeitem").map((item) => item.textContent ?? "");
  expect(items[0]).toMatch(/^Purchase PR1 · A · 5 MAIN · 2025-02-01 · Vendor V100/);
  expect(items.find((text) => text.startsWith("Sale SS1"))).toContain("· Customer C200");
  // An adjustment has no vendor or customer: its label ends with its date.
  expect(items.find((text) => text.startsWith("Negative Adjmt. ADJ"))).toMatch(/ · 2025-02-03$/);
});
