/**
 * The Items sheet round trip through the service (inventory.md §5): the exported DEMO list re-imports
 * without an error and changes nothing; an edited attribute with a value outside its Option list is
 * refused, marked in its own column, and written nowhere.
 */
import { InventoryService } from "../../src/core/service/inventoryService";
import { loadDemoLedger } from "../../src/demo/demoData";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { readItemsForImport, writeItemsSheet, writeItemsStatus } from "../../src/excel/sheets/itemsSheet";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";

const noYield = { yieldToEventLoop: async () => undefined };

async function demo() {
  const store = new MemoryLedgerStore();
  const service = new InventoryService(store);
  await loadDemoLedger(service);
  const workbook = new MemoryWorkbook({ writer: noYield });
  await writeItemsSheet(workbook, await service.items());
  return { store, service, workbook };
}

test("the exported DEMO item list re-imports cleanly and leaves the cards as they were", async () => {
  const { store, service, workbook } = await demo();
  const before = await store.exportAll();
  const read = (await readItemsForImport(workbook))!;
  expect(read.rows).toHaveLength(4);
  expect(await service.importItems(read.rows)).toEqual([]);
  const after = await store.exportAll();
  expect(after.items).toEqual(before.items);
});

test("an attribute value outside its Option list is refused, marked in the attribute column, nothing written", async () => {
  const { store, service, workbook } = await demo();
  const table = (await workbook.readTable("tblItems"))!;
  const color = table.headers.indexOf("Attribute: Color");
  const description = table.headers.indexOf("Description");
  workbook.setCellInput("Items", table.firstDataRow + 1, table.firstColumn + color, "Purple");
  workbook.setCellInput("Items", table.firstDataRow + 2, table.firstColumn + description, "Glue 50 ml");
  const before = await store.exportAll();
  const read = (await readItemsForImport(workbook))!;
  const errors = await service.importItems(read.rows);
  expect(errors).toEqual([{ row: 3, field: "attribute:Color", message: expect.stringContaining("Purple") }]);
  expect((await store.exportAll()).items).toEqual(before.items);
  await writeItemsStatus(workbook, read, errors);
  const marked = (await workbook.readTable("tblItems"))!;
  const status = marked.headers.indexOf("Status");
  expect(marked.rows.map((row) => row[status])).toEqual(["Not imported", "Error", "Not imported"]);
  expect(workbook.cell("Items", table.firstDataRow + 1, table.firstColumn + color).fill).toBe("#FFC7CE");
  expect(workbook.cell("Items", table.firstDataRow + 2, table.firstColumn + description).fill).toBeNull();
});

test("a plain sheet imports through the service; Status and Message columns found anywhere in row 1 are reused", async () => {
  const { store, service, workbook } = await demo();
  const sheet = "Paste";
  workbook.addSheet(sheet);
  // A previous run (or the user) left Status first, spelt its own way, and Message last; not imported.
  const rows = [
    ["status", "No.", "Description", "Base Unit of Measure", "Costing Method", "Message"],
    ["Error", "6000", "Saddle", "PCS", "Standard", "old message"],
    [null, null, null, null, null, null],
    [null, "6100", "Pedal", "BOX!", "FIFO", null],
  ];
  rows.forEach((line, r) => line.forEach((value, c) => value !== null && workbook.setCellInput(sheet, r, c, `'${value}`)));
  const read = (await readItemsForImport(workbook, { sheet }))!;
  expect(read.rows[0]).toEqual(["No.", "Description", "Base Unit of Measure", "Costing Method"]);
  expect(read.columns).toEqual([1, 2, 3, 4]);
  const before = await store.exportAll();
  const errors = await service.importItems(read.rows);
  expect(errors.length).toBeGreaterThan(0);
  expect(errors.every((error) => error.row === 3)).toBe(true);
  expect((await store.exportAll()).items).toEqual(before.items);
  await writeItemsStatus(workbook, read, errors);
  const values = await workbook.readSheetValues(sheet);
  expect(values[0]).toEqual(["Status", ...rows[0].slice(1)]);
  expect(values.map((row) => [row[0], row[5]])).toEqual([
    ["Status", "Message"],
    ["Not imported", null],
    [null, null],
    ["Error", errors[0].message + (errors.length > 1 ? ` (+${errors.length - 1} more)` : "")],
  ]);
  expect(values[0]).toHaveLength(6);
  expect(errors[0].field).toBe("baseUnitOfMeasure");
  expect(workbook.cell(sheet, 3, 3).fill).toBe("#FFC7CE");

  workbook.setCellInput(sheet, 3, 3, "PCS");
  const fixed = (await readItemsForImport(workbook, { sheet }))!;
  expect(await service.importItems(fixed.rows)).toEqual([]);
  await writeItemsStatus(workbook, fixed, []);
  expect(workbook.cell(sheet, 3, 3).fill).toBeNull();
  expect((await workbook.readSheetValues(sheet)).map((row) => row[0])).toEqual(["Status", "Imported", null, "Imported"]);
  expect((await service.items(["6000", "6100"])).map((item) => [item.no, item.costingMethod, item.baseUnitOfMeasure])).toEqual([["6000", "Standard", "PCS"], ["6100", "FIFO", "PCS"]]);
});
