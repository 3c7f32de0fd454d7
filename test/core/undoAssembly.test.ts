/** Undo of a posted assembly (inventory.md §14.2): reversing entries per value-entry type, refusals. */
import { undoAssemblyPosting } from "../../src/core/service/assemblyCommands";
import { freshService, line } from "./helpers";

describe("undo of a posted assembly", () => {
  it("takes back a Standard parent's direct cost and variance alike, so the parent's value per type returns to zero", async () => {
    const { service } = await freshService([
      { no: "C", costingMethod: "FIFO" },
      { no: "P", costingMethod: "Standard", standardCost: 20, assemblyBOM: [{ item: "C", quantityPer: 3 }] },
    ]);
    await service.postJournal([line({ entryType: "Purchase", item: "C", quantity: 9, unitCost: 5 })]);
    await service.assemble({ item: "P", location: "BLUE", quantity: 2, date: "2024-01-03" });
    const result = await undoAssemblyPosting(service, { outputEntryNo: 3 });
    expect(result).toEqual({ outputReversal: 4, consumptionReversals: [5] });
    const books = await service.books(["C", "P"]);
    const parent = books.get("P");
    const byType = (entryNo: number) =>
      Object.fromEntries(["DirectCost", "Variance"].map((t) => [t, (parent?.values ?? []).filter((v) => v.itemLedgerEntryNo === entryNo && v.entryType === t).reduce((s, v) => s + v.costAmountActual, 0) / 100]));
    // Output: direct 2 × 3 × 5 = 30, standard 40, variance 10; the reversal mirrors each part.
    expect(byType(3)).toEqual({ DirectCost: 30, Variance: 10 });
    expect(byType(4)).toEqual({ DirectCost: -30, Variance: -10 });
    const component = books.get("C");
    expect(component?.entries.map((e) => [e.entryNo, e.quantity / 100_000, e.remainingQuantity / 100_000])).toEqual([[1, 9, 3], [2, -6, 0], [5, 6, 6]]);
    // The reversal is dated on the original posting date, and names the assembled item as its source.
    expect(parent?.entries[1]).toMatchObject({ postingDate: "2024-01-03", correction: true, sourceType: "Item", sourceNo: "P" });
  });

  it("refuses entries that are not an assembly output, outputs no longer all in inventory, and closed periods", async () => {
    const { service } = await freshService([
      { no: "C" },
      { no: "P", assemblyBOM: [{ item: "C", quantityPer: 1 }] },
    ]);
    await service.postJournal([line({ entryType: "Purchase", item: "C", quantity: 4, unitCost: 5 })]);
    await service.assemble({ item: "P", location: "BLUE", quantity: 2, date: "2024-01-03" });
    await expect(undoAssemblyPosting(service, { outputEntryNo: 1 })).rejects.toThrow(/not the output of a posted assembly/);
    await expect(undoAssemblyPosting(service, { outputEntryNo: 99 })).rejects.toThrow(/does not exist/);
    await service.postJournal([line({ entryType: "Sale", item: "P", quantity: 1, postingDate: "2024-01-04" })]);
    await expect(undoAssemblyPosting(service, { outputEntryNo: 3 })).rejects.toThrow(/applied and cannot be undone/);
    await service.assemble({ item: "P", location: "BLUE", quantity: 1, date: "2024-01-05" });
    await service.adjustCost();
    await service.closeInventoryPeriod("2024-01-31");
    await expect(undoAssemblyPosting(service, { outputEntryNo: 6 })).rejects.toThrow(/closed inventory period/);
  });
});
