/**
 * A small ledger for function tests, written through the store port: items 1000 (MAIN and EAST), 2000 (MAIN),
 * 3000 (a card without entries), and a store wrapper that counts read transactions.
 */
import type { LedgerStore } from "../../src/core/ports";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";
import { makeBook, makeCompany, makeItem } from "../storage/fixtures";

export interface CountingStore extends LedgerStore {
  reads: number;
}

export function countReads(store: LedgerStore): CountingStore {
  const counting: CountingStore = {
    reads: 0,
    read: (work) => {
      counting.reads++;
      return store.read(work);
    },
    transact: (work) => store.transact(work),
    exportAll: () => store.exportAll(),
    replaceAll: (snapshot) => store.replaceAll(snapshot),
  };
  return counting;
}

export const BOOK_1000 = [
  { entryNo: 2, date: "2025-01-05", quantity: 10, cost: 1000 },
  { entryNo: 4, date: "2025-01-10", quantity: 10, cost: 1200 },
  { entryNo: 6, date: "2025-01-15", quantity: -12, cost: -1240 },
  { entryNo: 9, date: "2025-01-20", quantity: -3, cost: -360 },
  { entryNo: 10, date: "2025-01-20", quantity: 3, cost: 360, location: "EAST" },
  { entryNo: 12, date: "2025-02-03", quantity: 5, cost: 650 },
];
export const BOOK_2000 = [
  { entryNo: 1, date: "2025-01-03", quantity: 10, cost: 300 },
  { entryNo: 7, date: "2025-01-17", quantity: 10, cost: 360 },
  { entryNo: 11, date: "2025-01-22", quantity: -5, cost: -150 },
];

export async function smallLedger(): Promise<MemoryLedgerStore> {
  const store = new MemoryLedgerStore();
  await store.transact(async (tx) => {
    await tx.putCompany(makeCompany("2025-02-05"));
    await tx.putItems([makeItem("1000"), makeItem("2000"), makeItem("3000")]);
    await tx.putBooks([makeBook("1000", BOOK_1000, 1), makeBook("2000", BOOK_2000, 1)]);
  });
  return store;
}
