/** P5: time to the first INV answer after opening a store of a million entries; memory after loading them. */
import type { LedgerStore } from "../../src/core/ports";
import { InventoryService } from "../../src/core/service/inventoryService";
import { configureFunctions, invFunctions } from "../../src/functions/registry";
import { benchCompany, benchItems, benchJournalParts, itemNo } from "./data";
import { measured, now, type BenchEnv, type CaseResult, type OpenSize } from "./measure";

const MB = 1024 * 1024;

export function p5Size(env: BenchEnv) {
  return { lines: Math.round(1_000_000 * env.scale), items: 1_000 };
}

async function buildLarge(env: BenchEnv, store: LedgerStore, lines: number, items: number): Promise<void> {
  const service = new InventoryService(store);
  const cards = benchItems(items);
  await service.initCompany(benchCompany("p5"));
  await service.upsertItems(cards);
  const start = now();
  let posted = 0;
  for (const part of benchJournalParts(lines, cards, 29, 100_000)) {
    await service.postJournal(part);
    posted += part.length;
    if (posted % 500_000 === 0) env.log(`P5 build: ${posted} lines posted (${Math.round((now() - start) / 1000)} s)`);
  }
  env.log(`P5 build: ${lines} lines in ${Math.round((now() - start) / 1000)} s`);
}

/**
 * P5 and MEM: builds the store of a million entries, then measures opening it — in a page of its own where
 * the environment has pages (`env.inFreshPage`), else here over a reopened connection.
 */
export async function benchOpen(env: BenchEnv): Promise<CaseResult[]> {
  if (!env.reopenStore) return [];
  const { lines, items } = p5Size(env);
  const store = await env.newStore("p5");
  await buildLarge(env, store, lines, items);
  const reopened = await env.reopenStore(store);
  if (!env.inFreshPage) {
    const results = await measureOpen(env, reopened, { lines, items });
    await env.dropStore(reopened);
    return results;
  }
  const detach = env.detachStore as NonNullable<BenchEnv["detachStore"]>;
  const attach = env.attachStore as NonNullable<BenchEnv["attachStore"]>;
  const database = detach(reopened);
  const results = await env.inFreshPage(database, { lines, items });
  await env.dropStore(await attach(database));
  return results;
}

/** The open measured over a stored company of `lines` entries (P5: first answer; MEM: heap with every book loaded). */
export async function measureOpen(env: BenchEnv, opened: LedgerStore, { lines, items }: OpenSize): Promise<CaseResult[]> {
  const reopen = env.reopenStore as NonNullable<BenchEnv["reopenStore"]>;
  let store = opened;
  const first: number[] = [];
  const floor: number[] = [];
  for (let run = 0; run < Math.max(3, env.runs); run++) {
    let start = now();
    store = await reopen(store);
    await store.read((tx) => tx.company());
    floor.push(now() - start);
    start = now();
    store = await reopen(store);
    configureFunctions({ store, broadcast: false });
    await Promise.resolve(invFunctions.QTY(itemNo((run * 101) % items)));
    first.push(now() - start);
  }
  env.log(`P5 first answer after open: ${first.map(Math.round).join(", ")} ms`);
  const results: CaseResult[] = [];
  const f = measured(first);
  const base = measured(floor);
  results.push({
    baseline: { what: "reopen and read the company record", ...base },
    ratio: f.median / base.median,
    id: "P5",
    env: env.name,
    what: `open a store of ${lines} entries (${env.freshPage ? "new page" : "new connection"}), first INV.QTY answer`,
    unit: "ms",
    ...f,
    target: "≤ 1000 ms",
    met: f.median <= 1000,
  });
  if (env.heapBytes) results.push(await memory(env, store, lines));
  env.detachStore?.(store);
  return results;
}

async function memory(env: BenchEnv, store: LedgerStore, lines: number): Promise<CaseResult> {
  const heap = env.heapBytes as NonNullable<BenchEnv["heapBytes"]>;
  const before = await heap();
  const start = now();
  const loaded = await store.read(async (tx) => tx.books((await tx.items()).map((item) => item.no)));
  const loadMs = now() - start;
  const after = await heap();
  let entries = 0;
  for (const book of loaded.values()) entries += book.entries.length;
  const used = after / MB;
  env.log(`memory: ${entries} entries loaded in ${Math.round(loadMs)} ms; heap ${(before / MB).toFixed(0)} → ${used.toFixed(0)} MB`);
  return {
    id: "MEM",
    env: env.name,
    what: `JS heap after loading all ${entries} entries (with their value entries and applications)`,
    unit: "MB",
    median: used,
    runs: [used],
    target: "≤ 300 MB",
    met: used <= 300,
    notes: [`heap before loading ${(before / MB).toFixed(0)} MB; loading took ${Math.round(loadMs)} ms; ${lines} lines posted`],
  };
}
