/** Test helpers: a fresh service over an in-memory store, with one location and the given items. */
import type { JournalLine } from "../../src/core/journal";
import { moneyToNumber } from "../../src/core/money";
import { InventoryService } from "../../src/core/service/inventoryService";
import type { CompanyInput, ItemInput } from "../../src/core/service/inputs";
import { totalCost } from "../../src/core/ledger/bookIndex";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";

export async function freshService(items: ItemInput[], company: Partial<CompanyInput> = {}) {
  const store = new MemoryLedgerStore();
  const service = new InventoryService(store);
  await service.initCompany({ workDate: "2024-01-01", locations: [{ code: "BLUE" }, { code: "RED" }], ...company });
  await service.upsertItems(items);
  return { store, service };
}

export function line(fields: Partial<JournalLine> & Pick<JournalLine, "entryType" | "quantity">): JournalLine {
  return { postingDate: "2024-01-01", item: "A", location: "BLUE", ...fields };
}

/** Σ cost (actual + expected) of one item ledger entry, as a plain number. */
export async function entryCost(service: InventoryService, item: string, entryNo: number): Promise<number> {
  const book = (await service.books([item])).get(item);
  if (!book) throw new Error(`no book for ${item}`);
  return moneyToNumber(totalCost(book, entryNo));
}
