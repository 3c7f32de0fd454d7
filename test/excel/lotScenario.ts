/**
 * A lot-tracked flow on top of the DEMO ledger, posted through the service as a user would: receive lot
 * L-003 of item 3000 at MAIN, transfer 4 of it to EAST, then assemble two
 * Glue kits (item 5000, 2 × 3000 each) at EAST from that lot.
 */
import type { InventoryService } from "../../src/core/service/inventoryService";

export const LOT = "L-003";

export async function postLotFlow(service: InventoryService): Promise<void> {
  await service.postJournal([
    { postingDate: "2025-02-05", entryType: "Purchase", documentNo: "PR-0008", item: "3000", location: "MAIN", quantity: 10, unitCost: 5, lotNo: LOT, expirationDate: "2025-12-31" },
  ]);
  // A direct transfer: the DEMO company has no in-transit location (excel.md §0 lists MAIN and EAST only).
  await service.postJournal([
    { postingDate: "2025-02-05", entryType: "Transfer", documentNo: "TR-0002", item: "3000", location: "MAIN", newLocation: "EAST", quantity: 4, lotNo: LOT },
  ]);
  await service.upsertItems([{ no: "5000", description: "Glue kit", costingMethod: "FIFO", assemblyBOM: [{ item: "3000", quantityPer: 2 }] }]);
  await service.assemble({ item: "5000", location: "EAST", quantity: 2, date: "2025-02-05", documentNo: "AO-0001", componentTracking: [{ item: "3000", lotNo: LOT }] });
}
