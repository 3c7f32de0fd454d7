/**
 * The INV examples of excel.md §1.2 on the DEMO ledger, posted through the real service into both stores.
 */
import type { LedgerStore } from "../../src/core/ports";
import { InventoryService } from "../../src/core/service/inventoryService";
import { loadDemoLedger } from "../../src/demo/demoData";
import { configureFunctions, invFunctions } from "../../src/functions/registry";
import { DexieLedgerStore } from "../../src/storage/dexieStore";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";
import { installCustomFunctionsShim } from "./customFunctionsShim";

const { QTY, UNITCOST } = invFunctions;
const dexieStores: DexieLedgerStore[] = [];

beforeAll(() => installCustomFunctionsShim());
afterAll(async () => {
  for (const store of dexieStores) await store.destroy();
});

const stores: [string, () => LedgerStore][] = [
  ["memory", () => new MemoryLedgerStore()],
  [
    "Dexie",
    () => {
      const store = new DexieLedgerStore(`demo-functions-${dexieStores.length}`);
      dexieStores.push(store);
      return store;
    },
  ],
];

describe.each(stores)("DEMO examples on the %s store", (_name, makeStore) => {
  let store: LedgerStore;
  beforeAll(async () => {
    store = configureFunctions({ store: makeStore() });
    await loadDemoLedger(new InventoryService(store));
  }, 30_000);

  test("INV.QTY examples", async () => {
    expect(await QTY([["1000"]], "2025-01-31")).toEqual([[8]]);
    expect(await QTY([["1000"]], "2025-01-31", "MAIN")).toEqual([[5]]);
    expect(await QTY([["1000"]], null, "MAIN")).toEqual([[10]]); // =INV.QTY("1000",,"MAIN") on the work date
  });

  test("a range of items returns a same-shaped array; a filter sums its items", async () => {
    expect(await QTY([["1000"], ["2000"], ["3000"]], "2025-01-31")).toEqual([[8], [15], [31]]);
    expect(await QTY([["*"]], "2025-01-31")).toEqual([[54]]);
  });

  test("INV.UNITCOST of the FIFO item includes the freight charge; adjusted forwards it to the sale", async () => {
    expect(await UNITCOST([["1000"]], "2025-01-31")).toEqual([[115]]);
    expect(await UNITCOST([["1000"]], "2025-01-31", null, "adjusted")).toEqual([[120]]);
  });

  test("INV.UNITCOST of the average-cost item, posted and adjusted", async () => {
    expect(await UNITCOST([["2000"]], "2025-01-31")).toEqual([[34]]);
    // The dry run of cost adjustment revalues the sale of 2025-01-22 at the day's average (33.00).
    expect(await UNITCOST([["2000"]], "2025-01-31", null, "adjusted")).toEqual([[33]]);
  });

  test("the adjusted basis writes nothing", async () => {
    const before = await store.exportAll();
    await UNITCOST([["1000"], ["2000"], ["3000"]], "2025-01-31", null, "adjusted");
    expect(await store.exportAll()).toEqual(before);
  });
});
