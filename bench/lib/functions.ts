/**
 * P3: the INV functions over the P1 company, cases B1–B4 and B6 of excel.md §2.3, through the same
 * registry Excel and the workbench call. Functions that do not exist yet are replaced by the nearest
 * existing one (noted in the result) or their case is reported as not measured, so new functions plug
 * in by name without changing the cases.
 */
import type { LedgerStore } from "../../src/core/ports";
import { InventoryService } from "../../src/core/service/inventoryService";
import { configureFunctions, flushFunctions, functionStats, invFunctions, notifyLedgerChanged, resetFunctionStats } from "../../src/functions/registry";
import { BENCH_LOCATIONS, benchJournal, benchItems, isoDay, itemNo, seededRandom } from "./data";
import { measured, now, type BenchEnv, type CaseResult } from "./measure";

type Call = { fn: string; args: unknown[] };
type Invoker = (...args: unknown[]) => unknown;

const registry = invFunctions as unknown as Record<string, Invoker | undefined>;
const has = (fn: string): boolean => typeof registry[fn] === "function";

/** The ten cells of one item: 60 % QTY/VALUE, 20 % COGS, 10 % PAB, 10 % ATTR (excel.md §2.3 B1). */
function cellsOfItem(item: string, substitutes: Set<string>): Call[] {
  const mid = isoDay(365);
  const value = has("VALUE") ? "VALUE" : "UNITCOST";
  if (value !== "VALUE") substitutes.add("VALUE→UNITCOST");
  const cogs: Call[] = has("COGS")
    ? [
        { fn: "COGS", args: [item, isoDay(0), mid] },
        { fn: "COGS", args: [item, mid, isoDay(729)] },
      ]
    : [
        { fn: "UNITCOST", args: [item, isoDay(100)] },
        { fn: "UNITCOST", args: [item, isoDay(600)] },
      ];
  if (!has("COGS")) substitutes.add("COGS→UNITCOST");
  return [
    { fn: "QTY", args: [item] },
    { fn: "QTY", args: [item, mid] },
    { fn: "QTY", args: [item, null, BENCH_LOCATIONS[0]] },
    { fn: value, args: [item] },
    { fn: value, args: [item, mid] },
    { fn: value, args: [item, null, BENCH_LOCATIONS[1]] },
    ...cogs,
    { fn: "PAB", args: [item, isoDay(700)] },
    { fn: "ATTR", args: [item, "Color"] },
  ];
}

interface Outcome {
  values: unknown[];
  errors: number;
  firstError?: string;
}

/** Invokes every call as Excel would (all in one tick) and waits for the last answer. */
async function invokeAll(calls: readonly Call[]): Promise<Outcome> {
  const pending = calls.map((call) => {
    try {
      return Promise.resolve((registry[call.fn] as Invoker)(...call.args)).then(
        (value) => ({ ok: true, value }),
        (error: unknown) => ({ ok: false, value: String((error as { message?: string })?.message ?? error) }),
      );
    } catch (error) {
      return Promise.resolve({ ok: false, value: String((error as { message?: string })?.message ?? error) });
    }
  });
  const settled = await Promise.all(pending);
  const failed = settled.findIndex((s) => !s.ok);
  const firstError = failed < 0 ? undefined : `${calls[failed].fn}(${calls[failed].args.join(", ")}): ${String(settled[failed].value)}`;
  return { values: settled.map((s) => s.value), errors: settled.filter((s) => !s.ok).length, firstError };
}

function b1Calls(items: number, substitutes: Set<string>): Call[] {
  return Array.from({ length: items }, (_, index) => cellsOfItem(itemNo(index), substitutes)).flat();
}

export async function benchFunctions(env: BenchEnv, store: LedgerStore, items: number): Promise<CaseResult[]> {
  const observed = configureFunctions({ store, broadcast: false });
  const substitutes = new Set<string>();
  const calls = b1Calls(items, substitutes);
  const notes = substitutes.size > 0 ? [`not yet available, replaced: ${[...substitutes].join(", ")}`] : [];
  const results: CaseResult[] = [];
  results.push(...(await b1(env, store, calls, notes)));
  results.push(...(await b2(env, items)));
  results.push(...(await b3(env, observed, calls, items)));
  results.push(await b4(env, observed));
  results.push(await b6(env, calls));
  return results;
}

/** The I/O floor of a cold flush: one read transaction loading every book the cells read. */
async function readAllBooks(store: LedgerStore): Promise<number> {
  const start = now();
  await store.read(async (tx) => tx.books((await tx.items()).map((item) => item.no)));
  return now() - start;
}

async function b1(env: BenchEnv, store: LedgerStore, calls: Call[], notes: string[]): Promise<CaseResult[]> {
  const floor: number[] = [];
  const cold: number[] = [];
  const warm: number[] = [];
  let flushes = 0;
  let reads = 0;
  let errors = 0;
  let firstError: string | undefined;
  for (let run = 0; run < env.runs; run++) {
    floor.push(await readAllBooks(store));
    notifyLedgerChanged({ all: true });
    resetFunctionStats();
    let start = now();
    const outcome = await invokeAll(calls);
    cold.push(now() - start);
    ({ flushes, reads } = functionStats());
    errors = outcome.errors;
    firstError = outcome.firstError;
    start = now();
    await invokeAll(calls);
    warm.push(now() - start);
  }
  env.log(`B1 cold ${cold.map(Math.round).join(", ")} ms (${flushes} flushes, ${reads} reads, ${errors} error cells); warm ${warm.map((ms) => ms.toFixed(1)).join(", ")} ms`);
  const c = measured(cold);
  const w = measured(warm);
  const f = measured(floor);
  const errorNote = errors > 0 ? `${errors} cells answered with an error, e.g. ${firstError}` : "no error cells";
  const base = { env: env.name, unit: "ms", notes: [...notes, `${flushes} flushes, ${reads} read transactions`, errorNote] };
  return [
    { id: "P3.B1", ...base, what: `${calls.length} distinct INV cells, cold`, ...c, baseline: { what: "one read transaction loading every book", ...f }, ratio: c.median / f.median, target: "≤ 1500 ms, 1 read per flush, ≤ 5 flushes", met: c.median <= 1500 && reads === flushes && flushes <= 5 },
    { id: "P3.B1w", ...base, what: `the same ${calls.length} cells, warm (ledger unchanged)`, ...w, target: "≤ 200 ms", met: w.median <= 200 },
  ];
}

/** One edited cell: a new request over an item just read (warm) and over an item whose answers were dropped (cold). */
async function b2(env: BenchEnv, items: number): Promise<CaseResult[]> {
  const warm: number[] = [];
  const cold: number[] = [];
  for (let run = 0; run < Math.max(5, env.runs); run++) {
    const item = itemNo((run * 37) % items);
    let start = now();
    await invokeAll([{ fn: "QTY", args: [item, isoDay(400 + run)] }]);
    warm.push(now() - start);
    notifyLedgerChanged({ items: [item] });
    start = now();
    await invokeAll([{ fn: "QTY", args: [item, isoDay(500 + run), BENCH_LOCATIONS[2]] }]);
    cold.push(now() - start);
  }
  const w = measured(warm);
  const c = measured(cold);
  return [
    { id: "P3.B2-warm", env: env.name, what: "one edited cell, warm item", unit: "ms", ...w, target: "≤ 50 ms", met: w.median <= 50 },
    { id: "P3.B2-cold", env: env.name, what: "one edited cell, cold item", unit: "ms", ...c, target: "≤ 150 ms", met: c.median <= 150 },
  ];
}

/** Post 1,000 journal lines through the observed store, then refresh the dependent cells. */
async function b3(env: BenchEnv, observed: LedgerStore, calls: Call[], items: number): Promise<CaseResult[]> {
  const service = new InventoryService(observed);
  const commit: number[] = [];
  const refresh: number[] = [];
  const cards = benchItems(items);
  for (let run = 0; run < env.runs; run++) {
    await invokeAll(calls); // warm before the posting
    const lines = benchJournal(1_000, cards, 100 + run).map((line) => ({ ...line, postingDate: isoDay(729) }));
    let start = now();
    await service.postJournal(lines);
    commit.push(now() - start);
    start = now();
    await invokeAll(calls);
    refresh.push(now() - start);
  }
  env.log(`B3 commit ${commit.map(Math.round).join(", ")} ms, refresh ${refresh.map(Math.round).join(", ")} ms`);
  const c = measured(commit);
  const r = measured(refresh);
  return [
    { id: "P3.B3-commit", env: env.name, what: "post 1,000 journal lines into the large company", unit: "ms", ...c, target: "≤ 3000 ms", met: c.median <= 3000 },
    { id: "P3.B3-refresh", env: env.name, what: `then re-invoke the ${calls.length} cells`, unit: "ms", ...r, target: "≤ 2000 ms", met: r.median <= 2000 },
  ];
}

/** B4: INV.OPENENTRIES of an item with 20,000 open receipts: a spill of 20,000 rows × 9 columns. */
async function b4(env: BenchEnv, observed: LedgerStore): Promise<CaseResult> {
  const receipts = Math.round(20_000 * env.scale);
  const base = { id: "P3.B4", env: env.name, what: `spill INV.OPENENTRIES of an item with ${receipts} open receipts`, unit: "ms", target: "≤ 1000 ms" };
  if (!has("OPENENTRIES")) return { ...base, median: Number.NaN, runs: [], met: null, notes: ["INV.OPENENTRIES does not exist yet: not measured"] };
  const service = new InventoryService(observed);
  await service.upsertItems([{ no: "OPEN", costingMethod: "FIFO", unitCost: 3 }]);
  await service.postJournal(
    Array.from({ length: receipts }, (_, n) => ({ postingDate: isoDay(Math.floor((n * 729) / receipts)), entryType: "Purchase" as const, item: "OPEN", location: BENCH_LOCATIONS[n % 3], quantity: 1 + (n % 7), unitCost: 3 })),
  );
  const runs: number[] = [];
  let shape = "";
  for (let run = 0; run < env.runs; run++) {
    notifyLedgerChanged({ all: true });
    const start = now();
    const { values } = await invokeAll([{ fn: "OPENENTRIES", args: ["OPEN"] }]);
    runs.push(now() - start);
    const spill = values[0];
    shape = Array.isArray(spill) ? `${spill.length} rows × ${Array.isArray(spill[0]) ? spill[0].length : 1} columns, ${(JSON.stringify(spill).length / 1024 / 1024).toFixed(2)} MB as JSON` : String(spill);
  }
  const m = measured(runs);
  return { ...base, ...m, met: m.median <= 1000, notes: [shape] };
}

/** B6: 1,000 random requests one flush each vs all in one flush: identical answers. */
async function b6(env: BenchEnv, calls: Call[]): Promise<CaseResult> {
  const random = seededRandom(23);
  const sample = Array.from({ length: env.scale < 1 ? 200 : 1_000 }, () => {
    const call = calls[Math.floor(random() * calls.length)];
    return call.fn === "QTY" || call.fn === "UNITCOST" || call.fn === "VALUE" ? { fn: call.fn, args: [call.args[0], isoDay(Math.floor(random() * 730))] } : call;
  });
  notifyLedgerChanged({ all: true });
  const single: unknown[] = [];
  let start = now();
  for (const call of sample) {
    notifyLedgerChanged({ all: true });
    const outcome = invokeAll([call]);
    await flushFunctions();
    single.push((await outcome).values[0]);
  }
  const singleMs = now() - start;
  notifyLedgerChanged({ all: true });
  start = now();
  const batched = (await invokeAll(sample)).values;
  const batchedMs = now() - start;
  const differing = sample.filter((_, at) => JSON.stringify(single[at]) !== JSON.stringify(batched[at])).length;
  return {
    id: "P3.B6",
    env: env.name,
    what: `${sample.length} random requests, one flush each vs one batch: differing answers`,
    unit: "count",
    median: differing,
    runs: [differing],
    target: "0 (identical)",
    met: differing === 0,
    notes: [`one by one ${Math.round(singleMs)} ms, batched ${Math.round(batchedMs)} ms`],
  };
}
