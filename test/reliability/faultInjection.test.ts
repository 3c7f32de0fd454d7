/**
 * Issue 8, item 1: a fault at EVERY storage call of a posting, a cost adjustment, an item import and a
 * restore, one at a time. After each: the full export equals the one before, and the next posting works.
 * Depths: inside Dexie (every table operation, failing or aborting the IndexedDB transaction) and at the
 * LedgerStore port (memory and Dexie stores). The next posting must give exactly the store it gives
 * after no fault at all. The injection points tried are printed at the end.
 */
import { createBackup, restoreBackup } from "../../src/backup/backupService";
import { MemorySafetyVault } from "../../src/backup/safetyVault";
import type { JournalLine } from "../../src/core/journal";
import type { LedgerStore, StoreSnapshot } from "../../src/core/ports";
import { InventoryService } from "../../src/core/service/inventoryService";
import { DexieLedgerStore } from "../../src/storage/dexieStore";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";
import { FaultPlan, injectDexieFaults, injectPortFaults, type FaultMode } from "./faults";
import { demoStore, fixedClock } from "./helpers";

jest.setTimeout(120_000);

const NEXT_POSTING: JournalLine[] = [{ postingDate: "2025-02-05", entryType: "Purchase", documentNo: "PR-NEXT", item: "3000", location: "EAST", quantity: 2, unitCost: 7, lotNo: "L-009", expirationDate: "2025-12-31" }];

type Operation = "posting" | "cost adjustment" | "import" | "restore";

/** What each operation does to the DEMO ledger; each changes the store when it runs without faults. */
function operations(service: InventoryService, store: LedgerStore, restoreBytes: Uint8Array): Record<Operation, () => Promise<unknown>> {
  return {
    posting: () =>
      service.postJournal([
        { postingDate: "2025-02-04", entryType: "Purchase", documentNo: "PR-0100", item: "1000", location: "MAIN", quantity: 5, unitCost: 110 },
        { postingDate: "2025-02-04", entryType: "Sale", documentNo: "SS-0100", item: "2000", location: "MAIN", quantity: 2, unitPrice: 60 },
        { postingDate: "2025-02-04", entryType: "Transfer", documentNo: "TR-0100", item: "1000", location: "MAIN", newLocation: "EAST", quantity: 1 },
      ]),
    "cost adjustment": () => service.adjustCost({}),
    import: async () => {
      const errors = await service.importItems([
        ["No.", "Description", "Base Unit of Measure", "Unit Price"],
        ["4000", "Pump", "PCS", "25"],
        ["1000", "Bicycle deluxe", "PCS", "210"],
      ]);
      if (errors.length > 0) throw new Error(`import refused: ${JSON.stringify(errors)}`);
    },
    restore: () => restoreBackup(store, restoreBytes, { now: fixedClock("2026-01-01T00:00:00Z"), vault: new MemorySafetyVault() }),
  };
}

interface Rig {
  /** The store the service and the checks use (faults injected on the way). */
  store: LedgerStore;
  /** The store underneath, reset between injections without faults. */
  raw: LedgerStore;
  plan: FaultPlan;
}

let databases = 0;
const opened: DexieLedgerStore[] = [];
afterAll(async () => {
  for (const store of opened) await store.destroy();
});

function dexieStore(): DexieLedgerStore {
  const store = new DexieLedgerStore(`faults-${++databases}`, { persist: false });
  opened.push(store);
  return store;
}

function dexieRig(mode: FaultMode): Rig {
  const plan = new FaultPlan(mode);
  const raw = dexieStore();
  injectDexieFaults(raw.db, plan);
  return { store: raw, raw, plan };
}

function portRig(raw: LedgerStore): Rig {
  const plan = new FaultPlan("throw");
  return { store: injectPortFaults(raw, plan), raw, plan };
}

const tried: Record<string, number> = {};

async function restoreSource(): Promise<Uint8Array> {
  const other = await demoStore();
  await new InventoryService(other).postJournal([{ postingDate: "2025-02-05", entryType: "Sale", documentNo: "SS-0900", item: "1000", location: "EAST", quantity: 1, unitPrice: 200 }]);
  return (await createBackup(other, { now: fixedClock("2025-12-31T00:00:00Z") })).bytes;
}

/** Runs `operation` once per storage call it makes, failing that call; returns the number of points tried. */
async function everyInjectionPoint(rig: Rig, name: Operation, base: StoreSnapshot, restoreBytes: Uint8Array): Promise<number> {
  const service = new InventoryService(rig.store);
  const run = operations(service, rig.store, restoreBytes)[name];
  await rig.raw.replaceAll(base);
  rig.plan.count();
  await run();
  rig.plan.disarm();
  const points = rig.plan.calls;
  expect(points).toBeGreaterThan(0);
  expect(await rig.raw.exportAll()).not.toEqual(base); // the operation does change the store
  // The store the next posting must give: nothing of a failed attempt may linger (in caches either).
  await rig.raw.replaceAll(base);
  await service.postJournal(NEXT_POSTING);
  const afterNext = await rig.raw.exportAll();
  const survived: number[] = [];
  for (let k = 1; k <= points; k++) {
    await rig.raw.replaceAll(base);
    rig.plan.arm(k);
    const outcome = await run().then(() => "completed", () => "refused");
    rig.plan.disarm();
    expect({ k, fired: rig.plan.fired, outcome }).toEqual({ k, fired: true, outcome: "refused" });
    expect(await rig.raw.exportAll()).toEqual(base);
    const next = await service.postJournal(NEXT_POSTING);
    expect(next.firstEntryNo).toBe(base.company!.counters.lastItemLedgerEntryNo + 1);
    expect(await rig.raw.exportAll()).toEqual(afterNext);
    survived.push(k);
  }
  expect(survived).toHaveLength(points);
  return points;
}

describe.each<[string, () => Promise<Rig>]>([
  ["Dexie table operations, call rejected", async () => dexieRig("throw")],
  ["Dexie table operations, transaction aborted", async () => dexieRig("abort")],
  ["LedgerStore port over the memory store", async () => portRig(new MemoryLedgerStore())],
  ["LedgerStore port over the Dexie store", async () => portRig(dexieStore())],
])("faults in %s", (depth, makeRig) => {
  let rig: Rig;
  let base: StoreSnapshot;
  let restoreBytes: Uint8Array;
  beforeAll(async () => {
    rig = await makeRig();
    await demoStore(rig.raw);
    base = await rig.raw.exportAll();
    restoreBytes = await restoreSource();
  });

  test.each<Operation>(["posting", "cost adjustment", "import", "restore"])("%s: every storage call failed in turn leaves the store as it was", async (name) => {
    const points = await everyInjectionPoint(rig, name, base, restoreBytes);
    tried[`${depth} / ${name}`] = points;
  });
});

afterAll(() => {
  const total = Object.values(tried).reduce((sum, n) => sum + n, 0);
  console.log(`fault injection: ${total} injection points tried and survived\n${Object.entries(tried).map(([what, n]) => `  ${what}: ${n}`).join("\n")}`);
});
