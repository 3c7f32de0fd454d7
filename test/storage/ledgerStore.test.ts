/** Runs the LedgerStore contract against the Dexie store (fake-indexeddb in jest) and the in-memory store. */
import { DexieLedgerStore } from "../../src/storage/dexieStore";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";
import { ledgerStoreContract } from "./ledgerStoreContract";

let databases = 0;
const opened: DexieLedgerStore[] = [];

afterAll(async () => {
  for (const store of opened) await store.destroy();
});

ledgerStoreContract("DexieLedgerStore", () => {
  const store = new DexieLedgerStore(`contract-${++databases}`);
  opened.push(store);
  return store;
});

ledgerStoreContract("MemoryLedgerStore", () => new MemoryLedgerStore());
