/** Timing, medians and the result record every bench case reports (bench/results.json). */
import type { LedgerStore } from "../../src/core/ports";

export interface Measured {
  median: number;
  runs: number[];
}

export interface CaseResult {
  /** Case id, e.g. "P1", "P3.B1-cold". */
  id: string;
  /** Where it ran: "node" (pure core, in-memory store) or "chromium" (real IndexedDB). */
  env: string;
  what: string;
  unit: string;
  median: number;
  runs: number[];
  baseline?: { what: string; median: number; runs: number[] };
  /** median / baseline median, when there is a baseline. */
  ratio?: number;
  target: string;
  /** null: no target for this figure (reported only), or it could not be measured. */
  met: boolean | null;
  notes?: string[];
  /** For times: median / the CPU reference (REF) measured in the same run and environment, to compare runs on a noisy machine. */
  perRef?: number;
}

export const now = (): number => performance.now();

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function measured(runs: number[]): Measured {
  return { median: median(runs), runs };
}

export async function time<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = now();
  const value = await work();
  return { ms: now() - start, value };
}

/** Rounds for the report: 3 significant decimals below 10, else 1. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  return Math.abs(value) < 10 ? Math.round(value * 1000) / 1000 : Math.round(value * 10) / 10;
}

/** Where the cases run: the store they get and what only a browser can measure. */
export interface BenchEnv {
  name: "node" | "chromium";
  quick: boolean;
  /** Data size as a fraction of the targets' sizes (1; --quick 0.1; --scale F). */
  scale: number;
  runs: number;
  /** A new, empty store under a name unique to the case. */
  newStore(label: string): Promise<LedgerStore>;
  /** Drops a store made by newStore (frees the database). */
  dropStore(store: LedgerStore): Promise<void>;
  /** Closes and reopens a store by its label, as a new page would (chromium only). */
  reopenStore?(store: LedgerStore): Promise<LedgerStore>;
  /** Writes rows straight into a fresh database in one transaction; ms (the P1 baseline, chromium only). */
  rawWrite?(tables: RawTables, layout: RawLayout): Promise<number>;
  /** Chromium's main page: measures an open (P5, MEM) in a new page over the named database and returns its results. */
  inFreshPage?(database: string, size: OpenSize): Promise<CaseResult[]>;
  /** Closes a store's connection and names its database, for another page to open (chromium only). */
  detachStore?(store: LedgerStore): string;
  /** Opens a stored database by name (chromium only). */
  attachStore?(database: string): Promise<LedgerStore>;
  /** True in a page opened for one measurement. */
  freshPage?: boolean;
  /** Used JS heap after a full garbage collection, in bytes (where measurable). */
  heapBytes?(): Promise<number>;
  log(message: string): void;
}

/** The size of the company an open is measured over. */
export interface OpenSize {
  lines: number;
  items: number;
}

/** One IndexedDB record per row; 1,000 rows per record; 1,000 rows per record as one JSON text. */
export type RawLayout = "row" | "packed" | "json";

export interface RawTables {
  entries: { entryNo: number }[];
  values: { entryNo: number }[];
  applications: { entryNo: number }[];
}

/**
 * The CPU reference (REF): a fixed pure-JS workload — 200,000 seeded records built, sorted and
 * JSON round-tripped — timed in the same run and environment as the cases, so that figures from a
 * busy machine can be compared as multiples of it.
 */
export function cpuReference(): number {
  let seed = 42;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  const start = now();
  const rows = Array.from({ length: 200_000 }, (_, i) => ({ entryNo: i, key: Math.floor(random() * 1e9), text: `R${i}` }));
  rows.sort((a, b) => a.key - b.key);
  const copy = JSON.parse(JSON.stringify(rows)) as typeof rows;
  if (copy.length !== rows.length) throw new Error("reference workload broke");
  return now() - start;
}
