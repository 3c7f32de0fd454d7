/**
 * Prints bench/results.json (or the file given) as the Markdown table of BENCHMARKS.md:
 *   npx tsx bench/table.ts [bench/results.json]
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { CaseResult } from "./lib/measure";

interface ResultsFile {
  quick: boolean;
  scale?: number;
  runs: number;
  seconds: number;
  machine: Record<string, unknown>;
  results: CaseResult[];
}

const file = process.argv[2] ?? path.join(__dirname, "results.json");
const data = JSON.parse(readFileSync(file, "utf8")) as ResultsFile;
const cell = (value: number | undefined, unit = ""): string => (value === undefined || value === null || !Number.isFinite(value) ? "" : `${value}${unit ? ` ${unit}` : ""}`);

console.log(`Run: scale ${data.scale ?? (data.quick ? 0.1 : 1)}, ${data.runs} runs per case (median), ${data.seconds} s; machine ${JSON.stringify(data.machine)}\n`);
console.log("| case | env | what | median | runs | baseline (same run) | ratio | ×REF | target | met |");
console.log("|---|---|---|---|---|---|---|---|---|---|");
for (const r of data.results) {
  const baseline = r.baseline ? `${cell(r.baseline.median, r.unit)} (${r.baseline.what})` : "";
  const met = r.met === null ? "—" : r.met ? "yes" : "**no**";
  const notes = r.notes?.length ? ` — ${r.notes.join("; ")}` : "";
  console.log(`| ${r.id} | ${r.env} | ${r.what}${notes} | ${cell(r.median, r.unit)} | ${r.runs.join(", ")} | ${baseline} | ${cell(r.ratio, "×")} | ${cell(r.perRef)} | ${r.target} | ${met} |`);
}
