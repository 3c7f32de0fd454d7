/** Late binding of non-specific reservations on tracked stock (inventory.md §12.4). */
import { freshService, line } from "./helpers";

async function reservations(service: Awaited<ReturnType<typeof freshService>>["service"]) {
  const company = await service.company();
  return (company.reservations ?? []).map((r) => [r.demand, r.serialNo ?? r.lotNo, r.quantity / 100_000, r.lateBinding ?? false]);
}

describe("late binding", () => {
  it("moves a non-specific serial reservation when another demand reserves exactly that serial", async () => {
    const { service } = await freshService([{ no: "A", itemTracking: "Serial" }]);
    for (const serialNo of ["S1", "S2"]) await service.postJournal([line({ entryType: "Purchase", quantity: 1, unitCost: 5, serialNo })]);
    await service.order({ type: "Sale", documentNo: "SO1", item: "A", location: "BLUE", quantity: 1, date: "2024-01-05" });
    await service.order({ type: "Sale", documentNo: "SO2", item: "A", location: "BLUE", quantity: 1, date: "2024-01-05" });
    await service.reserve({ documentNo: "SO1", quantity: 1, from: "Inventory" });
    expect(await reservations(service)).toEqual([["SO1", "S1", 1, true]]);
    await service.reserve({ documentNo: "SO2", quantity: 1, from: "Inventory", serialNo: "S1" });
    expect(await reservations(service)).toEqual([["SO1", "S2", 1, true], ["SO2", "S1", 1, false]]);
    // Nothing is left for a third demand asking for S2: SO1's reservation has nowhere to go.
    await service.order({ type: "Sale", documentNo: "SO3", item: "A", location: "BLUE", quantity: 1, date: "2024-01-05" });
    await expect(service.reserve({ documentNo: "SO3", quantity: 1, from: "Inventory", serialNo: "S2" })).rejects.toThrow(/exceeds/);
    expect(await reservations(service)).toEqual([["SO1", "S2", 1, true], ["SO2", "S1", 1, false]]);
  });

  it("refuses a demand shipped with another number when that number is held firmly elsewhere (not available), and ships it when free", async () => {
    const { service } = await freshService([{ no: "A", itemTracking: "Lot" }]);
    await service.postJournal([
      line({ entryType: "Purchase", quantity: 2, unitCost: 5, lotNo: "L1" }),
      line({ entryType: "Purchase", quantity: 2, unitCost: 6, lotNo: "L2" }),
    ]);
    await service.order({ type: "Sale", documentNo: "SO1", item: "A", location: "BLUE", quantity: 2, date: "2024-01-05" });
    await service.order({ type: "Sale", documentNo: "SO2", item: "A", location: "BLUE", quantity: 2, date: "2024-01-05" });
    await service.reserve({ documentNo: "SO1", quantity: 2, from: "Inventory" });
    await service.reserve({ documentNo: "SO2", quantity: 2, from: "Inventory", lotNo: "L2" });
    await expect(service.postJournal([line({ entryType: "Sale", quantity: 2, lotNo: "L2", documentNo: "SO1" })])).rejects.toThrow(/not available/);
    await service.cancelReservation("SO2");
    await service.postJournal([line({ entryType: "Sale", quantity: 2, lotNo: "L2", documentNo: "SO1" })]);
    const book = (await service.books(["A"])).get("A");
    // The sale took lot L2 (entry 2), never the L1 entry its reservation first held.
    expect(book?.applications.filter((a) => a.outboundEntryNo === 3).map((a) => [a.inboundEntryNo, a.quantity / 100_000, a.fixedApplication])).toEqual([[2, -2, true]]);
    expect(book?.entries[0].remainingQuantity).toBe(200_000);
    expect(await reservations(service)).toEqual([]);
  });

  it("makes a received purchase order's reservation without a number late-binding, and keeps a lot-specific one firm", async () => {
    const { service } = await freshService([{ no: "A", itemTracking: "Lot" }]);
    await service.order({ type: "Purchase", documentNo: "PO1", item: "A", location: "BLUE", quantity: 4, date: "2024-01-02", unitCost: 5 });
    await service.order({ type: "Sale", documentNo: "SO1", item: "A", location: "BLUE", quantity: 2, date: "2024-01-05" });
    await service.order({ type: "Sale", documentNo: "SO2", item: "A", location: "BLUE", quantity: 2, date: "2024-01-05" });
    await service.reserve({ documentNo: "SO1", quantity: 2, from: "PO1" });
    await service.reserve({ documentNo: "SO2", quantity: 2, from: "PO1", lotNo: "L7" });
    await service.postJournal([line({ entryType: "Purchase", quantity: 4, lotNo: "L7", documentNo: "PO1", postingDate: "2024-01-02" })]);
    expect(await reservations(service)).toEqual([["SO1", "L7", 2, true], ["SO2", "L7", 2, false]]);
  });

  it("cancels a firm reservation the demand no longer needs when it ships another lot (a changed lot cancels it)", async () => {
    const { service } = await freshService([{ no: "A", itemTracking: "Lot" }]);
    await service.postJournal([
      line({ entryType: "Purchase", quantity: 3, unitCost: 5, lotNo: "L1" }),
      line({ entryType: "Purchase", quantity: 3, unitCost: 6, lotNo: "L2" }),
    ]);
    await service.order({ type: "Sale", documentNo: "SO1", item: "A", location: "BLUE", quantity: 3, date: "2024-01-05" });
    await service.reserve({ documentNo: "SO1", quantity: 2, from: "Inventory", lotNo: "L1" });
    await service.postJournal([line({ entryType: "Sale", quantity: 2, lotNo: "L2", documentNo: "SO1" })]);
    // One unit is still outstanding: one unit of the L1 reservation stays.
    expect(await reservations(service)).toEqual([["SO1", "L1", 1, false]]);
    await service.postJournal([line({ entryType: "Sale", quantity: 1, lotNo: "L2", documentNo: "SO1" })]);
    expect(await reservations(service)).toEqual([]);
    const book = (await service.books(["A"])).get("A");
    expect(book?.entries[0].remainingQuantity).toBe(300_000);
  });

  it("leaves untracked items alone: an unlinked sale still cannot take reserved quantity", async () => {
    const { service } = await freshService([{ no: "A" }]);
    await service.postJournal([line({ entryType: "Purchase", quantity: 2, unitCost: 5 })]);
    await service.order({ type: "Sale", documentNo: "SO1", item: "A", location: "BLUE", quantity: 2, date: "2024-01-05" });
    await service.reserve({ documentNo: "SO1", quantity: 2, from: "Inventory" });
    expect(await reservations(service)).toEqual([["SO1", null, 2, false]]);
    await expect(service.postJournal([line({ entryType: "Sale", quantity: 1 })])).rejects.toThrow(/reserved/);
  });
});
