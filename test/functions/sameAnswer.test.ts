/**
 * Benchmark B6 / excel.md §2.1 rule 6: a cell gives the same answer alone or in a batch. 1,000 random INV
 * calls over the DEMO (every scalar and spill function, good and bad arguments, ranges of items) are
 * evaluated one by one — each in its own flush, with the cache emptied in between — and then all at once
 * in one flush; values, error codes and messages must be identical. A fixed seed replays in CI; FC_SEED
 * explores others.
 */
import fc from "fast-check";
import { InventoryService } from "../../src/core/service/inventoryService";
import { loadDemoLedger } from "../../src/demo/demoData";
import {
  closeChangeChannel, configureFunctions, flushFunctions, functionStats, invFunctions, notifyLedgerChanged, resetFunctionStats, type ResultMatrix,
} from "../../src/functions/registry";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";
import { installCustomFunctionsShim, settle } from "./customFunctionsShim";

const SEED = Number(process.env.FC_SEED ?? 20261125);
const F = invFunctions as Record<string, (...args: unknown[]) => ResultMatrix | Promise<ResultMatrix>>;

beforeAll(async () => {
  installCustomFunctionsShim();
  const store = configureFunctions({ store: new MemoryLedgerStore(), broadcast: false });
  await loadDemoLedger(new InventoryService(store));
}, 30_000);
afterAll(async () => {
  closeChangeChannel();
  await flushFunctions();
});

const item = fc.constantFrom<unknown>("1000", "2000", "3000", "9999", "*", "1000|2000", "", "10*", 1000, [["1000"], ["2000"], ["3000"]]);
const date = fc.constantFrom<unknown>(null, "2025-01-10", "2025-01-20", "2025-01-31", "2025-02-28", "2025-04-15", 45688, "31/01/25");
const location = fc.constantFrom<unknown>(null, "MAIN", "EAST", "WEST", "<>EAST");
const basis = fc.constantFrom<unknown>(null, "posted", "adjusted", "bogus");
const options = fc.constantFrom<unknown>(null, "date=valuation", "expected=TRUE", "lot=L-001", "headers=FALSE", "foo=1");
const method = fc.constantFrom<unknown>("FIFO", "LIFO", "AVERAGE", "STANDARD", "SPECIFIC", "HIFO");
const kind = fc.constantFrom<unknown>("QTY", "VALUE", "COGS", "PAB", "AVAILABLE", "RESERVED", "LOTQTY", "GLDIFF", "PRICE");

/** One call: a function name and its arguments. */
const call: fc.Arbitrary<[string, unknown[]]> = fc.oneof(
  fc.tuple(fc.constant("QTY"), fc.tuple(item, date, location, options)),
  fc.tuple(fc.constant("VALUE"), fc.tuple(item, date, location, basis, options)),
  fc.tuple(fc.constant("UNITCOST"), fc.tuple(item, date, location, basis, options)),
  fc.tuple(fc.constant("COGS"), fc.tuple(item, date, date, location, basis, options)),
  fc.tuple(fc.constant("PAB"), fc.tuple(item, date, location)),
  fc.tuple(fc.constant("AVAILABLE"), fc.tuple(item, date, location, fc.constantFrom<unknown>(null, "expired=include"))),
  fc.tuple(fc.constant("RESERVED"), fc.tuple(item, location)),
  fc.tuple(fc.constant("LOTQTY"), fc.tuple(item, fc.constantFrom<unknown>("L-001", "L-002", "L-999"), date, location)),
  fc.tuple(fc.constant("ATTR"), fc.tuple(item, fc.constantFrom<unknown>("Color", "Size"))),
  fc.tuple(fc.constant("ITEM"), fc.tuple(item, fc.constantFrom<unknown>("Description", "Costing Method", "Nope"))),
  fc.tuple(fc.constant("GLDIFF"), fc.tuple(fc.constantFrom<unknown>("1300", "5000", "5100", "9999", "1*", ""), date)),
  fc.tuple(fc.constant("VALUEASIF"), fc.tuple(item, method, date, location)),
  fc.tuple(fc.constant("COGSASIF"), fc.tuple(item, method, date, date, location)),
  fc.tuple(fc.constant("EXPLAIN"), fc.tuple(kind, item, date, fc.constant(null), location, basis, options)),
  fc.tuple(fc.constant("OPENENTRIES"), fc.tuple(item, date, location, basis)),
  fc.tuple(fc.constant("INCDEC"), fc.tuple(item, date, date)),
  fc.tuple(fc.constant("AGING"), fc.tuple(item, date, fc.constantFrom<unknown>("10D", "1M", "x"))),
  fc.tuple(fc.constant("WORKDATE"), fc.constant<unknown[]>([])),
  fc.tuple(fc.constant("VERSION"), fc.constant<unknown[]>([])),
);

test("1,000 random requests: one by one and batched give identical values, error codes and messages", async () => {
  const calls = fc.sample(call, { seed: SEED, numRuns: 1000 });
  const alone: unknown[] = [];
  for (const [name, args] of calls) {
    notifyLedgerChanged({ all: true }); // nothing cached: each call is evaluated in a flush of its own
    const answer = settle(() => F[name](...args));
    await flushFunctions();
    alone.push(await answer);
  }
  notifyLedgerChanged({ all: true });
  resetFunctionStats();
  const pending = calls.map(([name, args]) => settle(() => F[name](...args)));
  await flushFunctions();
  const batched = await Promise.all(pending);
  expect(functionStats().reads).toBe(1);
  for (let at = 0; at < calls.length; at++) expect({ call: calls[at], answer: batched[at] }).toEqual({ call: calls[at], answer: alone[at] });
  // The sample covers answers and errors alike.
  const errors = alone.filter((answer) => !Array.isArray(answer)).length;
  expect(errors).toBeGreaterThan(50);
  expect(alone.length - errors).toBeGreaterThan(400);
}, 120_000);
