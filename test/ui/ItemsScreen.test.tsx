/**
 * The Items screen on the DEMO ledger (memory store and workbook): search by text and attribute, the card
 * with inherited attributes and quick figures, Block/Unblock, edit, nonstock Convert, and the bulk import
 * of a sheet with a bad row (errors beside the rows, nothing written), then fixed and imported again.
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { composeApp } from "../../src/app/composition";
import { loadDemoLedger } from "../../src/demo/demoData";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import type { ColumnSpec } from "../../src/excel/port";
import { closeChangeChannel, flushFunctions } from "../../src/functions/registry";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";
import { ItemsScreen } from "../../src/taskpane/ItemsScreen";

afterAll(async () => {
  closeChangeChannel();
  await flushFunctions();
});

async function setup(load: (deps: ReturnType<typeof composeApp>) => Promise<void> = (deps) => loadDemoLedger(deps.service)) {
  const workbook = new MemoryWorkbook();
  const selectTableCell = jest.fn();
  const deps = composeApp(new MemoryLedgerStore(), workbook, { selectTableCell });
  await load(deps);
  render(
    <FluentProvider theme={webLightTheme}>
      <ItemsScreen {...deps} />
    </FluentProvider>,
  );
  await screen.findByTestId("item-1000");
  return { deps, workbook, selectTableCell };
}

const listed = () => screen.queryAllByTestId(/^item-\d+$/).map((row) => row.getAttribute("data-testid"));
const outcome = () => screen.findByTestId("task-outcome", {}, { timeout: 5000 });

test("search by text, then by the attribute Color (Option: one of the values)", async () => {
  await setup();
  expect(listed()).toEqual(["item-1000", "item-2000", "item-3000"]);
  fireEvent.change(screen.getByLabelText("Search items"), { target: { value: "gl" } });
  expect(listed()).toEqual(["item-3000"]);
  fireEvent.change(screen.getByLabelText("Search items"), { target: { value: "" } });
  fireEvent.change(screen.getByLabelText("Attribute"), { target: { value: "Color" } });
  fireEvent.change(screen.getByLabelText("Attribute value"), { target: { value: "Blue|Clear" } });
  expect(listed()).toEqual(["item-2000", "item-3000"]);
  fireEvent.change(screen.getByLabelText("Attribute value"), { target: { value: "red" } });
  expect(listed()).toEqual(["item-1000"]);
});

test("the card shows attributes and the evaluator's figures; Block and Unblock change the card", async () => {
  const { deps } = await setup();
  fireEvent.click(screen.getByTestId("item-1000"));
  const card = await screen.findByTestId("item-card");
  expect(within(card).getByTestId("attribute-Color").textContent).toBe("Red");
  // DEMO item 1000 at the work date: 10 + 10 − 12 + 5 on hand; value 1,040 + 1,200 − 1,320 + 650.
  await waitFor(() => expect(within(card).getByTestId("figure-On hand").textContent).toBe("13"));
  expect(within(card).getByTestId("figure-Value").textContent).toMatch(/^1570(\.00)?$/);

  fireEvent.click(within(card).getByRole("button", { name: "Block" }));
  expect((await outcome()).textContent).toMatch(/Item 1000 blocked/);
  expect((await deps.service.items(["1000"]))[0].blocked).toBe(true);
  expect(within(screen.getByTestId("item-1000")).getByText("Blocked")).toBeTruthy();
  fireEvent.click(within(screen.getByTestId("item-card")).getByRole("button", { name: "Unblock" }));
  await waitFor(async () => expect((await deps.service.items(["1000"]))[0].blocked).toBe(false));
});

test("edit: a new description and an attribute value are saved through the service", async () => {
  const { deps } = await setup();
  fireEvent.click(screen.getByTestId("item-2000"));
  fireEvent.click(within(await screen.findByTestId("item-card")).getByRole("button", { name: "Edit" }));
  fireEvent.change(screen.getByLabelText("New description"), { target: { value: "Helmet XL" } });
  fireEvent.change(screen.getByLabelText("Attribute Color"), { target: { value: "White" } });
  fireEvent.click(screen.getByRole("button", { name: "Save" }));
  expect((await outcome()).textContent).toMatch(/Item 2000 saved/);
  const [helmet] = await deps.service.items(["2000"]);
  expect(helmet).toMatchObject({ description: "Helmet XL", attributes: { Color: "White" }, category: "ACCESS" });
});

test("a nonstock catalog item is converted on Convert", async () => {
  const { deps } = await setup(async ({ service }) => {
    await service.initCompany({ workDate: "2025-02-05", nonstockItems: [{ entryNo: "NS1", vendorNo: "V10", vendorItemNo: "BELL-7", description: "Bell", unitCost: 3 }] });
    await service.upsertItems([{ no: "1000", description: "Bicycle", baseUnitOfMeasure: "PCS" }]);
  });
  fireEvent.click(screen.getByRole("button", { name: "Convert catalog item NS1" }));
  expect((await outcome()).textContent).toMatch(/Catalog item NS1 converted/);
  await screen.findByTestId("item-BELL-7");
  expect(within(screen.getByTestId("nonstock-NS1")).getByText("Item BELL-7")).toBeTruthy();
  expect((await deps.service.items(["BELL-7"]))[0]).toMatchObject({ description: "Bell", createdFromNonstock: true });
});

const USER_COLUMNS: ColumnSpec[] = ["No.", "Description", "Base Unit of Measure", "Costing Method", "Item Category Code", "Attribute: Color", "Status", "Message"].map(
  (header) => ({ header, kind: "text" }),
);

test("import: a bad row is marked beside it and nothing is written; fixed, the items are created; again, updated", async () => {
  const { deps, workbook, selectTableCell } = await setup();
  await workbook.writeTable({
    sheet: "Items", table: "tblItems", title: "Items", columns: USER_COLUMNS, style: "input",
    rows: [
      ["4000", "Chain", "PCS", "FIFO", "ACCESS", "Black", null, null],
      ["4100", "Pump", "PCS", "FIFOX", "ACCESS", "Blue", null, null],
      ["1000", "Bicycle", "PCS", "FIFO", "BIKES", "Red", null, null],
    ],
  });
  fireEvent.click(screen.getByRole("button", { name: "Import from sheet" }));
  const failed = await outcome();
  expect(failed.textContent).toMatch(/Items not imported/);
  expect(within(failed).getByTestId("error-list").textContent).toBe("Row 3, Costing Method: Costing method FIFOX is not valid");
  const table = (await workbook.readTable("tblItems"))!;
  const status = table.headers.indexOf("Status");
  expect(table.rows.map((row) => row.slice(status))).toEqual([["Not imported", null], ["Error", "Costing method FIFOX is not valid"], ["Not imported", null]]);
  expect(workbook.cell("Items", table.firstDataRow + 1, table.headers.indexOf("Costing Method")).fill).toBe("#FFC7CE");
  expect((await deps.service.items()).map((item) => item.no)).toEqual(["1000", "2000", "3000"]);
  // The listed error links to the offending cell (data row 1, its column).
  fireEvent.click(within(failed).getByRole("button", { name: /Row 3, Costing Method/ }));
  expect(selectTableCell).toHaveBeenCalledWith("tblItems", 1, "Costing Method");

  workbook.setCellInput("Items", table.firstDataRow + 1, table.headers.indexOf("Costing Method"), "Average");
  fireEvent.click(screen.getByRole("button", { name: "Import from sheet" }));
  await waitFor(() => expect(screen.getByTestId("task-outcome").textContent).toMatch(/3 items imported/));
  await screen.findByTestId("item-4100");
  expect((await deps.service.items(["4100"]))[0]).toMatchObject({ costingMethod: "Average", category: "ACCESS", attributes: { Color: "Blue" } });
  const after = (await workbook.readTable("tblItems"))!;
  expect(after.rows.map((row) => row[status])).toEqual(["Imported", "Imported", "Imported"]);

  // Re-import with a changed description: updated by number, not duplicated.
  workbook.setCellInput("Items", table.firstDataRow, table.headers.indexOf("Description"), "Chain HD");
  fireEvent.click(screen.getByRole("button", { name: "Import from sheet" }));
  await waitFor(async () => expect((await deps.service.items(["4000"]))[0].description).toBe("Chain HD"));
  expect((await deps.service.items()).map((item) => item.no)).toEqual(["1000", "2000", "3000", "4000", "4100"]);
});

test("Export item list sheet writes tblItems with the cards and their attributes", async () => {
  const { workbook } = await setup();
  fireEvent.click(screen.getByRole("button", { name: "Export item list sheet" }));
  expect((await outcome()).textContent).toMatch(/Items sheet ready: 3 items/);
  const table = (await workbook.readTable("tblItems"))!;
  const at = (header: string) => table.headers.indexOf(header);
  expect(table.rows.map((row) => [row[at("No.")], row[at("Item Category Code")], row[at("Attribute: Color")]])).toEqual([
    ["1000", "BIKES", "Red"],
    ["2000", "ACCESS", "Blue"],
    ["3000", "SUPPLIES", "Clear"],
  ]);
});

test("import from a plain sheet the user picks: errors beside the rows, nothing written; fixed, the items are created", async () => {
  const { deps, workbook, selectTableCell } = await setup();
  const sheet = "Supplier list";
  const rows = [
    ["No.", "Description", "Base Unit of Measure", "Costing Method", "Attribute: Color"],
    ["5000", "Bell", "PCS", "FIFO", "Red"],
    ["5100", "Basket", "PCS", "FIFOX", "Blue"],
    ["5200", "Lamp", "PCS", "Average", "Purple"],
  ];
  workbook.addSheet("_INV_META", "veryHidden");
  workbook.addSheet(sheet);
  rows.forEach((line, r) => line.forEach((value, c) => workbook.setCellInput(sheet, r, c, `'${value}`)));
  // The picker lists sheets added after the pane opened once it gets focus.
  const picker = screen.getByLabelText("Import source") as HTMLSelectElement;
  fireEvent.focus(picker);
  await waitFor(() => expect([...picker.options].map((o) => o.value)).toContain(`sheet:${sheet}`));
  expect([...picker.options].map((o) => o.value)).not.toContain("sheet:_INV_META");
  fireEvent.change(picker, { target: { value: `sheet:${sheet}` } });
  expect(picker.value).toBe(`sheet:${sheet}`);

  fireEvent.click(screen.getByRole("button", { name: "Import from sheet" }));
  const failed = await outcome();
  expect(failed.textContent).toMatch(/Items not imported/);
  expect(within(failed).getByTestId("error-list").textContent).toMatch(/Row 3, Costing Method: Costing method FIFOX is not valid/);
  expect(within(failed).getByTestId("error-list").textContent).toMatch(/Row 4, Attribute: Color: .*Purple/);
  // Status and Message go right of the last header, named in row 1; the offending cells are marked.
  const column = (r: number, c: number) => workbook.cell(sheet, r, c).value;
  expect([0, 1, 2, 3].map((r) => [column(r, 5), column(r, 6)])).toEqual([
    ["Status", "Message"],
    ["Not imported", null],
    ["Error", "Costing method FIFOX is not valid"],
    ["Error", expect.stringContaining("Purple")],
  ]);
  expect(workbook.cell(sheet, 2, 3).fill).toBe("#FFC7CE");
  expect(workbook.cell(sheet, 3, 4).fill).toBe("#FFC7CE");
  expect(workbook.cell(sheet, 1, 3).fill).toBeNull();
  expect((await deps.service.items()).map((item) => item.no)).toEqual(["1000", "2000", "3000"]);
  // A plain sheet has no table cell to select: the error is beside its row instead.
  fireEvent.click(within(failed).getByRole("button", { name: /Row 3, Costing Method/ }));
  expect(selectTableCell).not.toHaveBeenCalled();

  workbook.setCellInput(sheet, 2, 3, "FIFO");
  workbook.setCellInput(sheet, 3, 4, "Clear");
  fireEvent.click(screen.getByRole("button", { name: "Import from sheet" }));
  await waitFor(() => expect(screen.getByTestId("task-outcome").textContent).toMatch(/3 items imported/));
  await screen.findByTestId("item-5200");
  expect((await deps.service.items(["5100", "5200"])).map((item) => [item.costingMethod, item.attributes.Color])).toEqual([["FIFO", "Blue"], ["Average", "Clear"]]);
  // The re-run wrote into the same Status/Message columns and cleared the error fills.
  expect(workbook.usedRange(sheet).columnCount).toBe(7);
  expect([1, 2, 3].map((r) => [column(r, 5), column(r, 6)])).toEqual([["Imported", null], ["Imported", null], ["Imported", null]]);
  expect(workbook.cell(sheet, 2, 3).fill).toBeNull();
  expect(workbook.cell(sheet, 3, 4).fill).toBeNull();
});

test("the picker defaults to the active sheet without tblItems, and to tblItems once the item list is exported", async () => {
  const { workbook } = await setup();
  workbook.addSheet("Sheet1");
  workbook.addSheet("Prices");
  const picker = screen.getByLabelText("Import source") as HTMLSelectElement;
  fireEvent.focus(picker);
  await waitFor(() => expect(picker.value).toBe("sheet:Sheet1"));
  await workbook.activate("Prices");
  fireEvent.focus(picker);
  await waitFor(() => expect(picker.value).toBe("sheet:Prices"));
  fireEvent.click(screen.getByRole("button", { name: "Export item list sheet" }));
  expect((await outcome()).textContent).toMatch(/Items sheet ready/);
  await waitFor(() => expect(picker.value).toBe("table:tblItems"));
  expect([...picker.options].map((o) => o.value)).toEqual(["table:tblItems", "sheet:Sheet1", "sheet:Prices", "sheet:Items"]);
});
