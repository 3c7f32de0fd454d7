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
