/**
 * Issue 8, item 3, in CI: two connections to one IndexedDB database (as two task panes have), each posting
 * through its own service at the same time. Nothing is lost or doubled; item ledger, value and G/L entry
 * numbers are unique and gapless. (The e2e suite does the same with two Chromium tabs and checks that the
 * other tab's INV functions see the new version.)
 */
import { InventoryService } from "../../src/core/service/inventoryService";
import { DexieLedgerStore } from "../../src/storage/dexieStore";
import { demoStore } from "./helpers";

jest.setTimeout(60_000);

const POSTINGS_PER_PANE = 40;

function gapless(numbers: number[]): boolean {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted.every((no, i) => no === i + 1);
}

test(`two panes post ${2 * POSTINGS_PER_PANE} journals at once: nothing lost or doubled, numbers gapless`, async () => {
  const name = `two-panes-${Date.now()}`;
  const first = new DexieLedgerStore(name, { persist: false });
  const second = new DexieLedgerStore(name, { persist: false });
  try {
    await demoStore(first);
    const before = await first.exportAll();
    const pane = (store: DexieLedgerStore, tag: string) => async () => {
      const service = new InventoryService(store);
      for (let i = 0; i < POSTINGS_PER_PANE; i++) {
        await service.postJournal([
          { postingDate: "2025-02-05", entryType: "Purchase", documentNo: `${tag}-${i}`, item: "1000", location: "MAIN", quantity: 2, unitCost: 100 },
          { postingDate: "2025-02-05", entryType: "Sale", documentNo: `${tag}-${i}`, item: "2000", location: "MAIN", quantity: 1, unitPrice: 60 },
        ]);
      }
    };
    await Promise.all([pane(first, "A")(), pane(second, "B")()]);
    const after = await second.exportAll();
    const entries = after.books.flatMap((book) => book.entries);
    const values = after.books.flatMap((book) => book.values);
    const beforeEntries = before.books.flatMap((book) => book.entries).length;
    expect(entries).toHaveLength(beforeEntries + 2 * 2 * POSTINGS_PER_PANE);
    expect(gapless(entries.map((entry) => entry.entryNo))).toBe(true);
    expect(gapless(values.map((value) => value.entryNo))).toBe(true);
    expect(gapless(after.glEntries.map((entry) => entry.entryNo))).toBe(true);
    const documents = new Set(entries.map((entry) => entry.documentNo));
    for (let i = 0; i < POSTINGS_PER_PANE; i++) expect([documents.has(`A-${i}`), documents.has(`B-${i}`)]).toEqual([true, true]);
    expect(after.company!.counters.lastItemLedgerEntryNo).toBe(entries.length);
    expect(await first.exportAll()).toEqual(after);
  } finally {
    first.close();
    await second.destroy();
  }
});
