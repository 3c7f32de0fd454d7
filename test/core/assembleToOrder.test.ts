/** Assemble to order (inventory.md §14.3): the linked assembly order, shipping through it, and undoing the shipment. */
import { assembleToOrderNo } from "../../src/core/inventory/assembleToOrder";
import { freshService, line } from "./helpers";

const ITEMS = [
  { no: "C", unitCost: 3 },
  { no: "P", assemblyPolicy: "AssembleToOrder" as const, assemblyBOM: [{ item: "C", quantityPer: 2 }] },
];

/** 10 of component C bought and 4 of P in stock: entries 1 and 2. */
async function withStockOfBoth() {
  const { service } = await freshService(ITEMS);
  await service.postJournal([
    line({ entryType: "Purchase", item: "C", quantity: 10, unitCost: 3 }),
    line({ entryType: "PositiveAdjmt", item: "P", quantity: 4, unitCost: 10 }),
  ]);
  return service;
}

async function ledger(service: Awaited<ReturnType<typeof freshService>>["service"]) {
  const books = await service.books(["C", "P"]);
  return [...books.values()]
    .flatMap((b) => b.entries)
    .sort((a, b) => a.entryNo - b.entryNo)
    .map((e) => [e.entryNo, e.item, e.entryType, e.quantity / 100_000, e.appliesToEntry, e.assembleToOrder ?? false]);
}

describe("assemble to order", () => {
  it("links an assembly order reserved for the sales line, and ships by assembling first, the sale fixed-applied to the output", async () => {
    const { service } = await freshService(ITEMS);
    await service.postJournal([line({ entryType: "Purchase", item: "C", quantity: 10, unitCost: 3 })]);
    await service.order({ type: "Sale", documentNo: "SO1", item: "P", location: "BLUE", quantity: 3, date: "2024-01-10" });
    const company = await service.company();
    const assembly = Object.values(company.orderLines ?? {}).find((l) => l.type === "Assembly");
    expect(assembly).toMatchObject({ documentNo: assembleToOrderNo("SO1"), item: "P", location: "BLUE", date: "2024-01-10", outstanding: 300_000, assembleToOrderFor: "SO1" });
    expect(company.reservations?.map((r) => [r.demand, r.supply, r.quantity / 100_000])).toEqual([["SO1", "SO1-ATO", 3]]);

    await service.postJournal([line({ entryType: "Sale", item: "P", quantity: 3, unitPrice: 20, documentNo: "SO1", postingDate: "2024-01-10" })]);
    expect(await ledger(service)).toEqual([
      [1, "C", "Purchase", 10, null, false],
      [2, "C", "AssemblyConsumption", -6, null, false],
      [3, "P", "AssemblyOutput", 3, null, false],
      [4, "P", "Sale", -3, 3, true],
    ]);
    const after = await service.company();
    expect(Object.keys(after.orderLines ?? {})).toEqual([]);
    expect(after.reservations).toEqual([]);
    const parent = (await service.books(["P"])).get("P");
    expect(parent?.applications.find((a) => a.outboundEntryNo === 4)).toMatchObject({ inboundEntryNo: 3, quantity: -300_000, fixedApplication: true });
    expect(parent?.values.filter((v) => v.itemLedgerEntryNo === 4).reduce((s, v) => s + v.costAmountActual, 0)).toBe(-1800);
  });

  it("ships the assemble-to-order part first and the rest from stock as a separate sale; later shipments come from stock", async () => {
    const service = await withStockOfBoth();
    await service.order({ type: "Sale", documentNo: "SO2", item: "P", location: "BLUE", quantity: 5, date: "2024-01-10", qtyToAssembleToOrder: 2 });
    await service.postJournal([line({ entryType: "Sale", item: "P", quantity: 4, documentNo: "SO2", postingDate: "2024-01-10" })]);
    await service.postJournal([line({ entryType: "Sale", item: "P", quantity: 1, documentNo: "SO2", postingDate: "2024-01-11" })]);
    expect(await ledger(service)).toEqual([
      [1, "C", "Purchase", 10, null, false],
      [2, "P", "PositiveAdjmt", 4, null, false],
      [3, "C", "AssemblyConsumption", -4, null, false],
      [4, "P", "AssemblyOutput", 2, null, false],
      [5, "P", "Sale", -2, 4, true],
      [6, "P", "Sale", -2, null, false],
      [7, "P", "Sale", -1, null, false],
    ]);
    const company = await service.company();
    expect([Object.keys(company.orderLines ?? {}), company.reservations]).toEqual([[], []]);
  });

  it("lets a shipment assemble between what the stock part cannot cover and the whole shipment", async () => {
    const service = await withStockOfBoth();
    // 5 on the line, 3 of them to assemble: shipping 4 must assemble at least 2 (only 2 come from stock), at most 3.
    await service.order({ type: "Sale", documentNo: "SO3", item: "P", location: "BLUE", quantity: 5, date: "2024-01-10", qtyToAssembleToOrder: 3 });
    const ship = (quantityToAssemble: number) => service.postJournal([line({ entryType: "Sale", item: "P", quantity: 4, documentNo: "SO3", quantityToAssemble })]);
    await expect(ship(1)).rejects.toThrow(/from 2 to 3/);
    await expect(ship(4)).rejects.toThrow(/from 2 to 3/);
    await ship(2);
    expect((await ledger(service)).slice(2)).toEqual([
      [3, "C", "AssemblyConsumption", -4, null, false],
      [4, "P", "AssemblyOutput", 2, null, false],
      [5, "P", "Sale", -2, 4, true],
      [6, "P", "Sale", -2, null, false],
    ]);
    // The last unit is the order's third to assemble; a plain sale asking to assemble is refused.
    await service.postJournal([line({ entryType: "Sale", item: "P", quantity: 1, documentNo: "SO3" })]);
    expect((await ledger(service)).at(-1)).toEqual([9, "P", "Sale", -1, 8, true]);
    await expect(service.postJournal([line({ entryType: "Sale", item: "P", quantity: 1, documentNo: "SO4", quantityToAssemble: 1 })])).rejects.toThrow(/nothing left to assemble/);
  });

  it("undoes an assemble-to-order shipment together with its assembly, cost reversing exactly", async () => {
    const { service } = await freshService(ITEMS);
    await service.postJournal([line({ entryType: "Purchase", item: "C", quantity: 10, unitCost: 3 })]);
    await service.order({ type: "Sale", documentNo: "SO1", item: "P", location: "BLUE", quantity: 3, date: "2024-01-10" });
    await service.postJournal([line({ entryType: "Sale", item: "P", quantity: 3, documentNo: "SO1", invoicedQuantity: 0, postingDate: "2024-01-10" })]);
    await service.undo({ date: "2024-01-12", entryNo: 4 });
    expect((await ledger(service)).slice(4)).toEqual([
      [5, "P", "Sale", 3, null, false],
      [6, "P", "AssemblyOutput", -3, 5, false],
      [7, "C", "AssemblyConsumption", 6, null, false],
    ]);
    await service.adjustCost();
    const books = await service.books(["C", "P"]);
    const value = (item: string) => (books.get(item)?.values ?? []).reduce((s, v) => s + v.costAmountActual + v.costAmountExpected, 0) / 100;
    const onHand = (item: string) => (books.get(item)?.entries ?? []).reduce((s, e) => s + e.quantity, 0) / 100_000;
    expect([onHand("C"), value("C"), onHand("P"), value("P")]).toEqual([10, 30, 0, 0]);
  });

  it("refuses a quantity to assemble beyond the line, on other order types, and a shipment short of components (nothing written)", async () => {
    const { service } = await freshService(ITEMS);
    await expect(service.order({ type: "Sale", documentNo: "SO9", item: "P", location: "BLUE", quantity: 2, date: "2024-01-10", qtyToAssembleToOrder: 3 })).rejects.toThrow(/exceeds/);
    await expect(service.order({ type: "Purchase", documentNo: "PO9", item: "C", location: "BLUE", quantity: 2, date: "2024-01-10", qtyToAssembleToOrder: 1 })).rejects.toThrow(/Only a sales line/);
    await service.order({ type: "Sale", documentNo: "SO1", item: "P", location: "BLUE", quantity: 3, date: "2024-01-10" });
    await service.postJournal([line({ entryType: "Purchase", item: "C", quantity: 5, unitCost: 3 })]);
    await expect(service.postJournal([line({ entryType: "Sale", item: "P", quantity: 3, documentNo: "SO1" })])).rejects.toThrow(/not available/);
    expect((await ledger(service)).length).toBe(1);
    expect((await service.company()).reservations?.map((r) => r.quantity / 100_000)).toEqual([3]);
  });
});
