/**
 * Availability functions over a transfer order shipped and received in part through an in-transit location
 * (inventory.md §9, §11.1): the unshipped rest is a requirement of the from-location and a receipt of the
 * to-location, the quantity in transit a receipt of the to-location; company-wide, transfers cancel out.
 */
import { InventoryService } from "../../src/core/service/inventoryService";
import { closeChangeChannel, configureFunctions, flushFunctions, invFunctions } from "../../src/functions/registry";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";
import { installCustomFunctionsShim } from "./customFunctionsShim";

const { PAB, AVAILABLE, LOTQTY, LOTS } = invFunctions;

beforeAll(async () => {
  installCustomFunctionsShim();
  const service = new InventoryService(configureFunctions({ store: new MemoryLedgerStore(), broadcast: false }));
  await service.initCompany({
    id: "transfers", name: "Transfers", workDate: "2025-02-05",
    locations: [{ code: "MAIN" }, { code: "EAST" }, { code: "TRANSIT", inTransit: true }],
  });
  await service.upsertItems([{ no: "3000", description: "Glue", costingMethod: "FIFO", itemTracking: "Lot" }]);
  await service.postJournal([{ postingDate: "2025-02-01", entryType: "Purchase", documentNo: "PR-1", item: "3000", location: "MAIN", quantity: 10, unitCost: 5, lotNo: "L-1" }]);
  await service.order({ type: "Transfer", documentNo: "TO-1", item: "3000", location: "MAIN", newLocation: "EAST", quantity: 6, date: "2025-02-10" });
  await service.shipTransfer({ documentNo: "TO-1", item: "3000", location: "MAIN", newLocation: "EAST", inTransit: "TRANSIT", quantity: 4, date: "2025-02-05", lotNo: "L-1" });
  await service.receiveTransfer({ documentNo: "TO-1", quantity: 1, date: "2025-02-05", lotNo: "L-1" });
});
afterAll(async () => {
  closeChangeChannel();
  await flushFunctions();
});

test("on hand per location after shipping 4 and receiving 1: MAIN 6, in transit 3, EAST 1", async () => {
  expect(await LOTQTY([["3000"], ["3000"], ["3000"]], "L-1", null, [["MAIN"], ["TRANSIT"], ["EAST"]])).toEqual([[6], [3], [1]]);
  expect(await LOTS("3000", null, null, "headers=FALSE")).toEqual([
    ["L-1", "", "EAST", 1, ""],
    ["L-1", "", "MAIN", 6, ""],
    ["L-1", "", "TRANSIT", 3, ""],
  ]);
});

test("PAB: the 2 unshipped leave MAIN and reach EAST with the 3 in transit; company-wide transfers cancel out", async () => {
  expect(await PAB([["3000"]], "2025-02-10", "MAIN")).toEqual([[4]]);
  expect(await PAB([["3000"]], "2025-02-10", "EAST")).toEqual([[6]]);
  expect(await PAB([["3000"]], "2025-02-10")).toEqual([[10]]);
  expect(await AVAILABLE([["3000"]], null, "EAST")).toEqual([[1]]);
});
