/**
 * The Chromium side of `npm run bench`: the same cases over DexieLedgerStore on the page's real IndexedDB.
 * The runner calls `window.__bench.run(options)` and gets the results back; progress goes to the console.
 */
import Dexie from "dexie";
import type { LedgerStore } from "../../src/core/ports";
import { DexieLedgerStore } from "../../src/storage/dexieStore";
import type { BenchEnv, CaseResult, OpenSize, RawLayout, RawTables } from "../lib/measure";
import { measureOpen } from "../lib/open";
import { now } from "../lib/measure";
import { runSuite } from "../lib/suite";

interface RunOptions {
  quick: boolean;
  scale: number;
  runs: number;
  only: string[];
}

let databases = 0;

/** The baseline: the rows written with Dexie into a fresh database, in one transaction, nothing computed. */
async function rawWrite(tables: RawTables, layout: RawLayout): Promise<number> {
  const db = new Dexie(`bench-raw-${++databases}`);
  db.version(1).stores({ entries: "entryNo", values: "entryNo", applications: "entryNo" });
  await db.open();
  const pack = <T>(rows: T[]) => {
    const out: { chunkNo: number; rows: T[] }[] = [];
    for (let at = 0; at < rows.length; at += 1000) out.push({ chunkNo: at / 1000, rows: rows.slice(at, at + 1000) });
    return out;
  };
  const start = now();
  await db.transaction("rw", [db.table("entries"), db.table("values"), db.table("applications")], async () => {
    for (const name of ["entries", "values", "applications"] as const) {
      const table = db.table(name);
      if (layout === "row") await table.bulkPut(tables[name]);
      else if (layout === "packed") await table.bulkPut(pack(tables[name]).map((chunk) => ({ entryNo: chunk.chunkNo, rows: chunk.rows })));
      else await table.bulkPut(pack(tables[name]).map((chunk) => ({ entryNo: chunk.chunkNo, rows: JSON.stringify(chunk.rows) })));
    }
  });
  const ms = now() - start;
  await db.delete();
  return ms;
}

async function openByName(database: string): Promise<DexieLedgerStore> {
  const store = new DexieLedgerStore(database, { persist: false });
  await store.db.open();
  return store;
}

/** The runner's hook that measures an open in a new page (run.ts exposes it to the main page only). */
const freshPageHook = (globalThis as { __benchFreshPage?: (database: string, options: unknown) => Promise<CaseResult[]> }).__benchFreshPage;

function browserEnv(options: RunOptions, freshPage = false): BenchEnv {
  const heap = (globalThis as { __benchHeap?: () => Promise<number> }).__benchHeap;
  return {
    name: "chromium",
    quick: options.quick,
    scale: options.scale,
    runs: options.runs,
    newStore: async (label) => {
      const store = new DexieLedgerStore(`bench-${label}-${++databases}`, { persist: false });
      await store.db.open();
      return store;
    },
    dropStore: async (store: LedgerStore) => {
      if (store instanceof DexieLedgerStore) await store.destroy();
    },
    reopenStore: async (store: LedgerStore) => {
      const dexie = store as DexieLedgerStore;
      dexie.close();
      return openByName(dexie.db.name);
    },
    detachStore: (store: LedgerStore) => {
      const dexie = store as DexieLedgerStore;
      dexie.close();
      return dexie.db.name;
    },
    attachStore: openByName,
    inFreshPage: freshPage || !freshPageHook ? undefined : (database, size) => freshPageHook(database, { ...options, size }),
    freshPage,
    rawWrite,
    heapBytes: heap,
    log: (message) => console.log(`[chromium] ${message}`),
  };
}

(globalThis as { __bench?: unknown }).__bench = {
  run: (options: RunOptions): Promise<CaseResult[]> => runSuite(browserEnv(options), options.only),
  /** In a page of its own: P5 and MEM over a company another page stored. */
  open: async (database: string, options: RunOptions & { size: OpenSize }): Promise<CaseResult[]> => {
    const env = browserEnv(options, true);
    return measureOpen(env, await openByName(database), options.size);
  },
};
