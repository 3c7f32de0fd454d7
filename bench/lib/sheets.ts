/** P4 (B5): the item ledger sheet through the workbook port; B7: backup and restore of the large company. */
import type { LedgerStore, StoreSnapshot } from "../../src/core/ports";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { writeItemLedgerSheet } from "../../src/excel/sheets/itemLedgerSheet";
import type { ItemLedgerEntry, ValueEntry } from "../../src/core/types";
import { measured, now, type BenchEnv, type CaseResult } from "./measure";

const MB = 1024 * 1024;

export async function benchLedgerSheet(env: BenchEnv, store: LedgerStore): Promise<CaseResult> {
  const snapshot = await store.exportAll();
  const entries: ItemLedgerEntry[] = snapshot.books.flatMap((book) => book.entries).sort((a, b) => a.entryNo - b.entryNo);
  const values: ValueEntry[] = snapshot.books.flatMap((book) => book.values);
  const runs: number[] = [];
  let syncs = 0;
  let largest = 0;
  for (let run = 0; run < env.runs; run++) {
    const workbook = new MemoryWorkbook();
    const start = now();
    const report = await writeItemLedgerSheet(workbook, entries, values);
    runs.push(now() - start);
    syncs = report.syncs;
    largest = Math.max(report.largestRequestBytes, workbook.largestSyncBytes);
  }
  env.log(`P4 ${entries.length} rows: ${runs.map(Math.round).join(", ")} ms, ${syncs} syncs, largest ${(largest / MB).toFixed(2)} MB`);
  const m = measured(runs);
  return {
    id: "P4",
    env: env.name,
    what: `item ledger sheet, ${entries.length} rows × 25 columns, through the workbook port (in-memory workbook)`,
    unit: "ms",
    ...m,
    target: "no request > 5 MB, ≤ 25 syncs (time reported)",
    met: largest <= 5 * MB && syncs <= 25,
    notes: [`${syncs} syncs, largest request ${(largest / MB).toFixed(2)} MB`],
  };
}

/** FNV-1a over the JSON of a snapshot: equal stores give equal hashes. */
export function snapshotHash(snapshot: StoreSnapshot): string {
  const text = JSON.stringify(snapshot);
  let hash = 0x811c9dc5;
  for (let at = 0; at < text.length; at++) {
    hash ^= text.charCodeAt(at);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${hash.toString(16)}:${text.length}`;
}

export async function benchBackup(env: BenchEnv, store: LedgerStore): Promise<CaseResult[]> {
  const backup: number[] = [];
  const restore: number[] = [];
  let equal = true;
  for (let run = 0; run < env.runs; run++) {
    let start = now();
    const snapshot = await store.exportAll();
    backup.push(now() - start);
    const target = await env.newStore(`b7-${run}`);
    start = now();
    await target.replaceAll(snapshot);
    restore.push(now() - start);
    equal &&= snapshotHash(await target.exportAll()) === snapshotHash(snapshot);
    await env.dropStore(target);
  }
  env.log(`B7 backup ${backup.map(Math.round).join(", ")} ms, restore ${restore.map(Math.round).join(", ")} ms, equal ${equal}`);
  const b = measured(backup);
  const r = measured(restore);
  const note = ["store-level export/replace (the backup file format is not included)", `hash equal after round trip: ${equal}`];
  return [
    { id: "P3.B7-backup", env: env.name, what: "backup (export of every stored record)", unit: "ms", ...b, target: "≤ 20000 ms", met: b.median <= 20_000, notes: note },
    { id: "P3.B7-restore", env: env.name, what: "restore into an empty store, hash compared", unit: "ms", ...r, target: "≤ 30000 ms and hash equal", met: r.median <= 30_000 && equal, notes: note },
  ];
}
