import { freshService, line } from "./helpers";

describe("item card changes", () => {
  it("keeps the costing method once the item has entries, and uses an edited card cost for later estimates", async () => {
    const { service } = await freshService([{ no: "A", costingMethod: "FIFO", unitCost: 4 }]);
    await service.upsertItems([{ no: "A", costingMethod: "LIFO" }]);
    expect((await service.items(["A"]))[0].costingMethod).toBe("LIFO");
    await service.postJournal([line({ entryType: "Purchase", quantity: 1, unitCost: 5 })]);
    await expect(service.upsertItems([{ no: "A", costingMethod: "FIFO" }])).rejects.toThrow(/cannot be changed/);
    await expect(service.updateItem("A", { costingMethod: "Average" })).rejects.toThrow(/cannot be changed/);
    await service.updateItem("A", { unitCost: 9 });
    await service.postJournal([line({ entryType: "Sale", quantity: 1 })]);
    const book = (await service.books(["A"])).get("A");
    expect(book?.values.at(-1)?.costAmountActual).toBe(-900);
  });
});
