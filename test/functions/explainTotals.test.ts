/**
 * INV.EXPLAIN ends with a Total row equal to the scalar function it explains (excel.md §1.2: "from the same
 * evaluator"): 400 random pairs over the DEMO (fixed seed; FC_SEED explores others) — the Total equals
 * the function's value, or both calls fail.
 */
import fc from "fast-check";
import { InventoryService } from "../../src/core/service/inventoryService";
import { loadDemoLedger } from "../../src/demo/demoData";
import { closeChangeChannel, configureFunctions, flushFunctions, invFunctions, type ResultMatrix } from "../../src/functions/registry";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";
import { installCustomFunctionsShim } from "./customFunctionsShim";

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

const item = fc.constantFrom<unknown>("1000", "2000", "3000", "9999", "*", "1000|3000");
const date = fc.constantFrom<unknown>(null, "2025-01-10", "2025-01-20", "2025-01-31", "2025-02-12", "2025-02-28", "2025-04-15");
const location = fc.constantFrom<unknown>(null, "MAIN", "EAST", "WEST");
const basis = fc.constantFrom<unknown>(null, "adjusted");
const valueOptions = fc.constantFrom<unknown>(null, "date=valuation", "expected=TRUE", "lot=L-001");

/** [scalar function, its arguments, the EXPLAIN arguments] */
type Pair = [string, unknown[], unknown[]];
const pair: fc.Arbitrary<Pair> = fc.oneof(
  fc.tuple(item, date, location, valueOptions).map(([i, d, l, o]): Pair => ["QTY", [[[i]], d, l, o], ["QTY", i, d, null, l, null, o]]),
  fc.tuple(item, date, location, basis, valueOptions).map(([i, d, l, b, o]): Pair => ["VALUE", [[[i]], d, l, b, o], ["VALUE", i, d, null, l, b, o]]),
  fc.tuple(item, date, date, location, basis).map(([i, f, t, l, b]): Pair => ["COGS", [[[i]], f, t, l, b], ["COGS", i, f, t, l, b]]),
  fc.tuple(item, date, location).map(([i, d, l]): Pair => ["PAB", [[[i]], d, l], ["PAB", i, d, null, l]]),
  fc.tuple(item, date, location, fc.constantFrom<unknown>(null, "expired=include")).map(([i, d, l, o]): Pair => ["AVAILABLE", [[[i]], d, l, o], ["AVAILABLE", i, d, null, l, null, o]]),
  fc.tuple(item, location).map(([i, l]): Pair => ["RESERVED", [[[i]], l], ["RESERVED", i, null, null, l]]),
  fc.tuple(fc.constantFrom<unknown>("3000"), fc.constantFrom("L-001", "L-002"), date, location).map(([i, lot, d, l]): Pair => ["LOTQTY", [[[i]], lot, d, l], ["LOTQTY", i, d, null, l, null, `lot=${lot}`]]),
  fc.tuple(fc.constantFrom<unknown>("1300", "5000", "5100", "5200", "1*"), date).map(([a, d]): Pair => ["GLDIFF", [[[a]], d], ["GLDIFF", a, d]]),
);

/** The number a call shows, or "error". */
async function scalarOf(name: string, args: unknown[]): Promise<number | "error"> {
  try {
    const cell = (await F[name](...args))[0][0];
    return typeof cell === "number" ? cell : "error";
  } catch {
    return "error";
  }
}

async function totalOf(args: unknown[]): Promise<number | "error"> {
  try {
    const rows = await F.EXPLAIN(...args);
    const total = rows[rows.length - 1];
    if (total[0] !== "Total") return "error";
    return [...total].reverse().find((cell): cell is number => typeof cell === "number") ?? "error";
  } catch {
    return "error";
  }
}

test("400 random EXPLAIN calls: the Total row equals the scalar function, or both fail", async () => {
  let answered = 0;
  for (const [name, scalarArgs, explainArgs] of fc.sample(pair, { seed: SEED, numRuns: 400 })) {
    const [scalar, total] = await Promise.all([scalarOf(name, scalarArgs), totalOf(explainArgs)]);
    expect({ name, scalarArgs, total }).toEqual({ name, scalarArgs, total: scalar });
    if (scalar !== "error") answered++;
  }
  expect(answered).toBeGreaterThan(200);
}, 120_000);
