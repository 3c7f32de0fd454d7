import type { Item } from "../../src/core/types";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { readItemsForImport, writeItemsSheet, writeItemsStatus } from "../../src/excel/sheets/itemsSheet";

const noYield = { yieldToEventLoop: async () => undefined };

function item(no: string, overrides: Partial<Item> = {}): Item {
  return {
    no, description: `Item ${no}`, type: "Inventory", costingMethod: "FIFO", baseUnitOfMeasure: "PCS",
    unitsOfMeasure: [{ code: "PCS", qtyPerUnit: 100_000, qtyRoundingPrecision: 0 }], variants: [],
    unitCost: 3_000_000, standardCost: 0, unitPrice: 5_000_000, indirectCostPercent: 0, overheadRate: 0,
    blocked: false, salesBlocked: false, purchasingBlocked: false, itemTracking: "None", category: "BIKES",
    attributes: {}, ...overrides,
  };
}

describe("Items sheet", () => {
  test("exports item cards with attribute columns and live INV formulas; import reads only import columns", async () => {
    const wb = new MemoryWorkbook({ writer: noYield });
    await writeItemsSheet(wb, [
      item("2000", { description: "Helmet", costingMethod: "Average", attributes: { Color: "Blue" } }),
      item("1000", { description: "Bicycle", attributes: { Color: "Red", Size: 26 } }),
    ], { details: () => ({ inventoryPostingGroup: "RESALE" }) });
    const table = (await wb.readTable("tblItems"))!;
    expect(table.headers.slice(0, 13)).toEqual([
      "No.", "Description", "Base Unit of Measure", "Type", "Item Category Code", "Costing Method", "Standard Cost",
      "Unit Cost", "Unit Price", "Blocked", "Item Tracking", "Attribute: Color", "Attribute: Size",
    ]);
    expect(table.rows[0].slice(0, 13)).toEqual(["1000", "Bicycle", "PCS", "Inventory", "BIKES", "FIFO", 0, 30, 50, false, "None", "Red", 26]);
    const qty = table.headers.indexOf("Qty. on Hand");
    expect(wb.cell("Items", 5, qty).formula).toBe("=INV.QTY([@[No.]])");
    expect(wb.cell("Items", 5, qty).fill).toBe("#F2F2F2");

    wb.setCellInput("Items", 6, 5, "LIFO"); // the user edits Helmet's costing method
    const read = (await readItemsForImport(wb))!;
    expect(read.rows[0]).toEqual(table.headers.slice(0, 13));
    expect(read.rows[2].slice(0, 6)).toEqual(["2000", "Helmet", "PCS", "Inventory", "BIKES", "LIFO"]);
    expect(read.tableRows).toEqual([0, 1]);

    await writeItemsStatus(wb, read, [{ row: 3, field: "costingMethod", message: "Item 2000 has ledger entries; its costing method cannot change" }]);
    const after = (await wb.readTable("tblItems"))!;
    const status = after.headers.indexOf("Status");
    expect(after.rows.map((r) => r.slice(status))).toEqual([["Not imported", null], ["Error", "Item 2000 has ledger entries; its costing method cannot change"]]);
    expect(wb.cell("Items", 6, 5).fill).toBe("#FFC7CE");
  });
});
