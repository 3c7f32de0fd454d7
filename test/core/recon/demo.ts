/** The DEMO company of excel.md §0 on an in-memory store, with its cards, books and G/L entries. */
import { loadDemoLedger } from "../../../src/demo/demoData";
import { InventoryService } from "../../../src/core/service/inventoryService";
import { MemoryLedgerStore } from "../../../src/storage/memoryStore";

export async function demoService() {
  const store = new MemoryLedgerStore();
  const service = new InventoryService(store);
  await loadDemoLedger(service);
  return { store, service };
}

export async function ledgerOf(service: InventoryService) {
  const company = await service.company();
  const items = await service.items();
  const books = await service.books(items.map((item) => item.no));
  const glEntries = await service.glEntries();
  return { company, items, books, glEntries };
}
