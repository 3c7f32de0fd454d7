/**
 * The task pane against the in-memory store and workbook: creating an item, and the journal flow of
 * excel.md §3.2 (one bad row refuses the whole journal and is marked beside it; fixed, it posts and the
 * posted lines leave the sheet).
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { composeApp } from "../../src/app/composition";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { unitCost } from "../../src/core/money";

const JOURNAL = "tblItemJournal";

async function setup() {
  const workbook = new MemoryWorkbook();
  const selectTableCell = jest.fn();
  const deps = composeApp(new MemoryLedgerStore(), workbook, { selectTableCell });
  await deps.service.initCompany({ workDate: "2025-02-05", locations: [{ code: "MAIN" }, { code: "EAST" }] });
  await deps.service.upsertItems([{ no: "1000", description: "Bicycle", costingMethod: "FIFO", unitCost: 100 }]);
  render(
    <FluentProvider theme={webLightTheme}>
      <App {...deps} />
    </FluentProvider>,
  );
  return { deps, workbook, selectTableCell };
}

async function ledgerEntries(deps: Awaited<ReturnType<typeof setup>>["deps"]): Promise<number> {
  const snapshot = await deps.store.exportAll();
  return snapshot.books.reduce((sum, book) => sum + book.entries.length, 0);
}

/** Types journal rows into the table as a user would (header → typed text). */
async function typeJournal(workbook: MemoryWorkbook, records: Record<string, string>[], firstRow = 0) {
  const table = await workbook.readTable(JOURNAL);
  if (!table) throw new Error("no journal table");
  records.forEach((record, index) => {
    for (const [header, input] of Object.entries(record)) {
      const column = table.headers.indexOf(header);
      expect(column).toBeGreaterThanOrEqual(0);
      workbook.setCellInput(table.sheet, table.firstDataRow + firstRow + index, table.firstColumn + column, input);
    }
  });
}

async function journalRows(workbook: MemoryWorkbook): Promise<Record<string, unknown>[]> {
  const table = await workbook.readTable(JOURNAL);
  if (!table) throw new Error("no journal table");
  return table.rows.map((row) => Object.fromEntries(table.headers.map((header, index) => [header, row[index]])));
}

const outcome = () => screen.findByTestId("task-outcome", {}, { timeout: 5000 });

describe("Items screen", () => {
  it("creates an item from the form and lists it, its text shown as text", async () => {
    const { deps } = await setup();
    fireEvent.click(screen.getByRole("tab", { name: "Items" }));
    await screen.findByTestId("item-1000");
    fireEvent.change(screen.getByLabelText(/^No\./), { target: { value: "2000" } });
    fireEvent.change(screen.getByLabelText(/^Description/), { target: { value: "Helmet <b>XL</b>" } });
    fireEvent.change(screen.getByLabelText("Costing Method"), { target: { value: "Average" } });
    fireEvent.change(screen.getByLabelText("Unit Cost"), { target: { value: "12.5" } });
    fireEvent.click(screen.getByRole("button", { name: "Create item" }));

    const row = await screen.findByTestId("item-2000");
    expect(within(row).getByText("Helmet <b>XL</b>")).toBeTruthy();
    expect(row.querySelector("b")).toBeNull();
    expect(within(row).getByText("12.50")).toBeTruthy();
    const [stored] = await deps.store.read((tx) => tx.items(["2000"]));
    expect(stored).toMatchObject({ no: "2000", costingMethod: "Average", unitCost: unitCost(12.5) });

    fireEvent.change(screen.getByLabelText("Search items"), { target: { value: "helm" } });
    expect(screen.queryByTestId("item-1000")).toBeNull();
    expect(screen.getByTestId("item-2000")).toBeTruthy();
  });
});

describe("Items screen refusals", () => {
  it("refuses an existing No. and a bad unit cost, writing nothing", async () => {
    const { deps } = await setup();
    fireEvent.click(screen.getByRole("tab", { name: "Items" }));
    await screen.findByTestId("item-1000");
    fireEvent.change(screen.getByLabelText(/^No\./), { target: { value: "1000" } });
    fireEvent.change(screen.getByLabelText(/^Description/), { target: { value: "Other bicycle" } });
    fireEvent.change(screen.getByLabelText("Costing Method"), { target: { value: "Average" } });
    fireEvent.click(screen.getByRole("button", { name: "Create item" }));
    await waitFor(() => expect(screen.getByTestId("error-list").textContent).toMatch(/Item 1000 already exists/));

    fireEvent.change(screen.getByLabelText(/^No\./), { target: { value: "4000" } });
    fireEvent.change(screen.getByLabelText("Unit Cost"), { target: { value: "12,5x" } });
    fireEvent.click(screen.getByRole("button", { name: "Create item" }));
    await waitFor(() => expect(screen.getByTestId("error-list").textContent).toMatch(/Unit Cost: '12,5x' is not an amount/));

    const items = await deps.store.read((tx) => tx.items());
    expect(items.map((item) => [item.no, item.description, item.costingMethod])).toEqual([["1000", "Bicycle", "FIFO"]]);
  });
});

describe("Journal screen", () => {
  it("refuses a journal with a bad row, marks the row, posts nothing; fixed, posts and clears the lines", async () => {
    const { deps, workbook, selectTableCell } = await setup();
    fireEvent.click(screen.getByRole("tab", { name: "Journal" }));
    fireEvent.click(screen.getByRole("button", { name: "Create journal sheet" }));
    expect((await outcome()).textContent).toMatch(/Item Journal sheet ready/);

    await typeJournal(workbook, [
      { "Posting Date": "2025-02-05", "Entry Type": "Purchase", "Document No.": "PR-1", "Item No.": "1000", "Location Code": "MAIN", Quantity: "10", "Unit Cost": "100" },
      { "Posting Date": "2025-02-05", "Entry Type": "Purchase", "Document No.": "PR-1", "Item No.": "1000", "Location Code": "WEST", Quantity: "5", "Unit Cost": "110" },
    ]);
    // Creating the sheet again keeps the typed lines.
    fireEvent.click(screen.getByRole("button", { name: "Create journal sheet" }));
    await waitFor(() => expect(screen.getByTestId("task-outcome").textContent).toMatch(/its lines are kept/));
    expect((await journalRows(workbook)).map((row) => row["Location Code"])).toEqual(["MAIN", "WEST"]);

    fireEvent.click(screen.getByRole("button", { name: "Post" }));
    await waitFor(() => expect(screen.getByTestId("task-outcome").textContent).toMatch(/Posting refused|Journal has errors/));
    const errors = screen.getByTestId("error-list").textContent ?? "";
    expect(errors).toMatch(/line 2/i);
    expect(errors).toMatch(/WEST/);
    expect(errors).not.toMatch(/line 1\b/i);
    fireEvent.click(within(screen.getByTestId("error-list")).getByRole("button", { name: /Line 2 · Location Code/ }));
    expect(selectTableCell).toHaveBeenCalledWith("tblItemJournal", 1, "Location Code");
    const refused = await journalRows(workbook);
    expect(refused[1]).toMatchObject({ Status: "Error" });
    expect(String(refused[1].Message)).toMatch(/WEST/);
    expect(refused[0].Status).not.toBe("Posted");
    expect(await ledgerEntries(deps)).toBe(0);

    await typeJournal(workbook, [{ "Location Code": "EAST" }], 1);
    fireEvent.click(screen.getByRole("button", { name: "Post" }));
    await waitFor(() => expect(screen.getByTestId("task-outcome").textContent).toMatch(/Posted 2 line\(s\)/));
    expect(screen.getByTestId("task-outcome").textContent).toMatch(/Item ledger entries 1–2/);
    expect(await ledgerEntries(deps)).toBe(2);
    const left = (await journalRows(workbook)).filter((row) => row["Item No."] !== null && row["Item No."] !== "");
    expect(left).toEqual([]);
  });

  it("reports an empty journal instead of posting nothing silently", async () => {
    await setup();
    fireEvent.click(screen.getByRole("tab", { name: "Journal" }));
    fireEvent.click(screen.getByRole("button", { name: "Create journal sheet" }));
    await outcome();
    fireEvent.click(screen.getByRole("button", { name: "Post" }));
    await waitFor(() => expect(screen.getByTestId("task-outcome").textContent).toMatch(/The journal is empty/));
  });
});

describe("Ledgers screen", () => {
  it("writes every item ledger entry to the Item Ledger Entries sheet", async () => {
    const { deps, workbook } = await setup();
    await deps.service.postJournal([
      { postingDate: "2025-01-05", entryType: "Purchase", item: "1000", location: "MAIN", quantity: 10, unitCost: 100 },
      { postingDate: "2025-01-15", entryType: "Sale", item: "1000", location: "MAIN", quantity: 4, unitPrice: 200 },
    ]);
    fireEvent.click(screen.getByRole("tab", { name: "Ledgers" }));
    fireEvent.click(screen.getByRole("button", { name: "Write item ledger entries" }));
    await waitFor(() => expect(screen.getByTestId("task-outcome").textContent).toMatch(/Wrote 2 item ledger entries/));
    const table = await workbook.readTable("tblItemLedger");
    const column = (header: string) => table?.rows.map((row) => row[table.headers.indexOf(header)]);
    expect(column("Entry No.")).toEqual([1, 2]);
    expect(column("Quantity")).toEqual([10, -4]);
    expect(column("Remaining Quantity")).toEqual([6, 0]);
    expect(column("Cost Amount (Actual)")).toEqual([1000, -400]);
    expect(column("Description")).toEqual(["Bicycle", "Bicycle"]);
    expect(workbook.activeSheet()).toBe("Item Ledger Entries");

    // A second write appends the new entry and patches the purchase's remaining quantity.
    await deps.service.postJournal([{ postingDate: "2025-01-20", entryType: "Sale", item: "1000", location: "MAIN", quantity: 1, unitPrice: 200 }]);
    fireEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    fireEvent.click(screen.getByRole("button", { name: "Write item ledger entries" }));
    await waitFor(() => expect(screen.getByTestId("task-outcome").textContent).toMatch(/Item ledger entries: 1 appended, 1 updated/));
    const refreshed = await workbook.readTable("tblItemLedger");
    expect(refreshed?.rows.map((row) => row[refreshed.headers.indexOf("Remaining Quantity")])).toEqual([5, 0, 0]);

    fireEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    fireEvent.click(screen.getByRole("button", { name: "Write value entries" }));
    await waitFor(() => expect(screen.getByTestId("task-outcome").textContent).toMatch(/Wrote 3 value entries/));
    const values = await workbook.readTable("tblValueEntries");
    expect(values?.rows.map((row) => row[values.headers.indexOf("Cost Amount (Actual)")])).toEqual([1000, -400, -100]);
  });
});

describe("describeJournalError", () => {
  it("names the row and the column caption once", async () => {
    const { describeJournalError } = await import("../../src/taskpane/hooks/useJournal");
    expect(describeJournalError({ line: 2, field: "item", message: "Item 9999 does not exist" })).toBe("Line 2 · Item No.: Item 9999 does not exist");
    expect(describeJournalError({ line: 1, field: "quantity", message: "Quantity: 'ten' is not a number." })).toBe("Line 1: Quantity: 'ten' is not a number.");
    expect(describeJournalError({ line: 3, message: "Item 1000 is blocked" })).toBe("Line 3: Item 1000 is blocked");
    expect(describeJournalError({ message: "Posting date is not allowed" })).toBe("Posting date is not allowed");
  });
});
