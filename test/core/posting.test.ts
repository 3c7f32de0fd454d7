import { RefusedError } from "../../src/core/errors";
import { entryCost, freshService, line } from "./helpers";

describe("posting and adjustment by costing method", () => {
  it("values FIFO sales oldest receipt first after adjustment", async () => {
    const { service } = await freshService([{ no: "A", costingMethod: "FIFO" }]);
    await service.postJournal([
      line({ entryType: "Purchase", quantity: 1, unitCost: 10 }),
      line({ entryType: "Purchase", quantity: 1, unitCost: 20 }),
      line({ entryType: "Sale", quantity: 1, postingDate: "2024-01-02" }),
    ]);
    // Posted at the card's unit cost (15 = 30 / 2), then adjusted to the first receipt's 10.
    expect(await entryCost(service, "A", 3)).toBe(-15);
    await service.adjustCost();
    expect(await entryCost(service, "A", 3)).toBe(-10);
  });

  it("values LIFO sales newest receipt first", async () => {
    const { service } = await freshService([{ no: "A", costingMethod: "LIFO" }]);
    await service.postJournal([
      line({ entryType: "Purchase", quantity: 1, unitCost: 10 }),
      line({ entryType: "Purchase", quantity: 1, unitCost: 20 }),
      line({ entryType: "Sale", quantity: 1, postingDate: "2024-01-02" }),
    ]);
    await service.adjustCost();
    expect(await entryCost(service, "A", 3)).toBe(-20);
  });

  it("values Average sales at the period average", async () => {
    const { service } = await freshService([{ no: "A", costingMethod: "Average" }]);
    await service.postJournal([
      line({ entryType: "Purchase", quantity: 1, unitCost: 10 }),
      line({ entryType: "Purchase", quantity: 1, unitCost: 30 }),
      line({ entryType: "Sale", quantity: 1 }),
    ]);
    await service.adjustCost();
    expect(await entryCost(service, "A", 3)).toBe(-20);
  });

  it("rounds average outbounds cumulatively: 10.00 over three units", async () => {
    const { service } = await freshService([{ no: "A", costingMethod: "Average" }]);
    await service.postJournal([
      line({ entryType: "Purchase", quantity: 3, amount: 10 }),
      line({ entryType: "Sale", quantity: 1 }),
      line({ entryType: "Sale", quantity: 1 }),
      line({ entryType: "Sale", quantity: 1 }),
    ]);
    await service.adjustCost();
    const costs = [await entryCost(service, "A", 2), await entryCost(service, "A", 3), await entryCost(service, "A", 4)];
    expect(costs).toEqual([-3.33, -3.34, -3.33]);
  });

  it("writes a Rounding entry on a FIFO receipt that three sales leave 0.01 of", async () => {
    const { service } = await freshService([{ no: "A", costingMethod: "FIFO" }]);
    await service.postJournal([
      line({ entryType: "Purchase", quantity: 3, amount: 10 }),
      line({ entryType: "Sale", quantity: 1 }),
      line({ entryType: "Sale", quantity: 1 }),
      line({ entryType: "Sale", quantity: 1 }),
    ]);
    await service.adjustCost();
    const book = (await service.books(["A"])).get("A");
    const rounding = book?.values.filter((v) => v.entryType === "Rounding") ?? [];
    expect(rounding.map((v) => [v.itemLedgerEntryNo, v.costAmountActual])).toEqual([[1, -1]]);
    expect(await entryCost(service, "A", 1)).toBe(9.99);
  });

  it("closes negative inventory with a later receipt and adjusts the sale to it", async () => {
    const { service } = await freshService([{ no: "A", costingMethod: "FIFO", unitCost: 8 }]);
    await service.postJournal([line({ entryType: "Sale", quantity: 5 })]);
    expect(await entryCost(service, "A", 1)).toBe(-40);
    await service.postJournal([line({ entryType: "Purchase", quantity: 10, unitCost: 10, postingDate: "2024-01-02" })]);
    await service.adjustCost();
    expect(await entryCost(service, "A", 1)).toBe(-50);
    const book = (await service.books(["A"])).get("A");
    expect(book?.entries.map((e) => e.remainingQuantity / 100_000)).toEqual([0, 5]);
  });
});

describe("refusals", () => {
  it("reports every bad line with its line and field, and writes nothing", async () => {
    const { store, service } = await freshService([{ no: "A" }]);
    const before = JSON.stringify(await store.exportAll());
    const lines = [
      line({ entryType: "Purchase", quantity: 1, unitCost: 1 }),
      line({ entryType: "Purchase", quantity: -1, unitCost: 1 }),
      line({ entryType: "Purchase", quantity: 1, item: "NOPE" }),
    ];
    await expect(service.postJournal(lines)).rejects.toBeInstanceOf(RefusedError);
    const errors = await service.validateJournal(lines);
    expect(errors).toEqual([
      { line: 2, field: "quantity", message: "Quantity must be positive" },
      { line: 3, field: "item", message: "Item NOPE does not exist" },
    ]);
    expect(JSON.stringify(await store.exportAll())).toBe(before);
  });

  it("refuses negative inventory when prevented, consuming no entry numbers", async () => {
    const { store, service } = await freshService([{ no: "A" }], { inventorySetup: { preventNegativeInventory: true } });
    await service.postJournal([line({ entryType: "Purchase", quantity: 1, unitCost: 5 })]);
    const before = JSON.stringify(await store.exportAll());
    await expect(service.postJournal([line({ entryType: "Sale", quantity: 2 })])).rejects.toThrow(/negative inventory is not allowed/);
    expect(JSON.stringify(await store.exportAll())).toBe(before);
    const summary = await service.postJournal([line({ entryType: "Sale", quantity: 1 })]);
    expect(summary).toMatchObject({ firstEntryNo: 2, lastEntryNo: 2, entries: 1 });
  });

  it("posts a batch in one transaction: a late refusal undoes the earlier lines", async () => {
    const { store, service } = await freshService([{ no: "A" }], { inventorySetup: { preventNegativeInventory: true } });
    const before = JSON.stringify(await store.exportAll());
    await expect(
      service.postJournal([line({ entryType: "Purchase", quantity: 1, unitCost: 5 }), line({ entryType: "Sale", quantity: 3 })]),
    ).rejects.toThrow(/line 2/);
    expect(JSON.stringify(await store.exportAll())).toBe(before);
  });
});
