import { freshService, line } from "./helpers";

describe("item tracking at posting", () => {
  it("refuses a serial twice in inventory, serials of more than one unit and outbounds of numbers not on hand", async () => {
    const { service } = await freshService([{ no: "A", itemTracking: "Serial" }]);
    await service.postJournal([line({ entryType: "Purchase", quantity: 1, unitCost: 5, serialNo: "S1" })]);
    await expect(service.postJournal([line({ entryType: "Purchase", quantity: 1, unitCost: 5, serialNo: "S1" })])).rejects.toThrow(/already in inventory/);
    await expect(service.postJournal([line({ entryType: "Purchase", quantity: 2, unitCost: 5, serialNo: "S2" })])).rejects.toThrow(/must be 1/);
    await expect(service.postJournal([line({ entryType: "Purchase", quantity: 1, unitCost: 5 })])).rejects.toThrow(/serial number is required/);
    await expect(service.postJournal([line({ entryType: "Sale", quantity: 1, serialNo: "S9" })])).rejects.toThrow(/not available/);
    await service.postJournal([line({ entryType: "Sale", quantity: 1, serialNo: "S1" })]);
    // Once sold, the serial may come back.
    await service.postJournal([line({ entryType: "Sale", return: true, quantity: 1, serialNo: "S1", unitCost: 5 })]);
  });

  it("gives a lot one expiration date and refuses expired lots under strict expiration posting", async () => {
    const { service } = await freshService([{ no: "A", itemTracking: "Lot", requireExpirationDate: true, strictExpirationPosting: true }]);
    await service.postJournal([line({ entryType: "Purchase", quantity: 4, unitCost: 5, lotNo: "L1", expirationDate: "2024-02-01" })]);
    await expect(
      service.postJournal([line({ entryType: "Purchase", quantity: 1, unitCost: 5, lotNo: "L1", expirationDate: "2024-03-01" })]),
    ).rejects.toThrow(/expiration date/);
    await service.postJournal([line({ entryType: "Purchase", quantity: 1, unitCost: 5, lotNo: "L1" })]);
    const book = (await service.books(["A"])).get("A");
    expect(book?.entries[1].expirationDate).toBe("2024-02-01");
    await expect(service.postJournal([line({ entryType: "Sale", quantity: 1, lotNo: "L1", postingDate: "2024-02-02" })])).rejects.toThrow(/expired/);
  });
});

describe("physical count", () => {
  it("posts the difference to the quantity calculated as of the count date", async () => {
    const { service } = await freshService([{ no: "A", unitCost: 3 }]);
    await service.postJournal([
      line({ entryType: "Purchase", quantity: 10, unitCost: 3, postingDate: "2024-01-05" }),
      line({ entryType: "Sale", quantity: 4, postingDate: "2024-02-10" }),
    ]);
    expect(await service.physicalCount({ date: "2024-01-31", item: "A", location: "BLUE", countedQuantity: 12 })).toBe(200_000);
    expect(await service.physicalCount({ date: "2024-01-31", item: "A", location: "BLUE", countedQuantity: 12 })).toBe(0);
    const book = (await service.books(["A"])).get("A");
    expect(book?.entries.map((e) => [e.entryType, e.quantity / 100_000, e.postingDate])).toEqual([
      ["Purchase", 10, "2024-01-05"],
      ["Sale", -4, "2024-02-10"],
      ["PositiveAdjmt", 2, "2024-01-31"],
    ]);
  });
});
