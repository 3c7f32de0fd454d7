/** Shared set-up of the reliability tests: a DEMO ledger on either store, fixed clocks, gzip helpers. */
import { gunzipSync, gzipSync } from "node:zlib";
import { canonicalJson } from "../../src/backup/canonicalJson";
import type { LedgerStore, StoreSnapshot } from "../../src/core/ports";
import { InventoryService } from "../../src/core/service/inventoryService";
import { loadDemoLedger } from "../../src/demo/demoData";
import { DexieLedgerStore } from "../../src/storage/dexieStore";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";

export const fixedClock = (iso: string) => () => new Date(iso);

export async function demoStore(store: LedgerStore = new MemoryLedgerStore()): Promise<LedgerStore> {
  await loadDemoLedger(new InventoryService(store));
  return store;
}

let databases = 0;
const opened: DexieLedgerStore[] = [];

/** A fresh Dexie store on fake-indexeddb; `destroyDexieStores` in afterAll removes them. */
export function freshDexieStore(prefix = "reliability"): DexieLedgerStore {
  const store = new DexieLedgerStore(`${prefix}-${++databases}-${Date.now()}`, { persist: false });
  opened.push(store);
  return store;
}

export async function destroyDexieStores(): Promise<void> {
  for (const store of opened.splice(0)) await store.destroy();
}

/** The NDJSON text inside a backup (node's zlib, independent of the code under test). */
export const backupText = (bytes: Uint8Array): string => gunzipSync(bytes).toString("utf8");
export const gzipText = (text: string): Uint8Array => new Uint8Array(gzipSync(Buffer.from(text, "utf8")));

/**
 * Record equality after a trip through a backup: every field, compared as the backup writes it — a
 * stored -0 (a negated zero amount) comes back as 0, equal to it in every sum and comparison.
 */
export function expectSameRecords(actual: StoreSnapshot, expected: StoreSnapshot): void {
  expect(canonicalJson(actual)).toBe(canonicalJson(expected));
}
