/**
 * `npm run bench` (issue 7): the performance cases P1–P5 in Node over the pure core (in-memory store) and
 * in headless Chromium over real IndexedDB, each run several times; prints a table and writes
 * bench/results.json with every median, its baseline measured in the same run, the ratio, the target and
 * whether it was met. Not part of `npm test`.
 *
 *   npm run bench [-- --quick] [--only P1,P3] [--runs N] [--scale F] [--node-only | --browser-only] [--out FILE]
 *
 * `--profile` writes a CPU profile of the Chromium side to bench/profile/ (git-ignored).
 * `--quick` runs a tenth of the data once (development); `--scale F` any fraction. Figures of a scaled run
 * are not comparable with the targets.
 */
import { build } from "esbuild";
import type { BrowserContext, Page } from "playwright-core";
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { MemoryLedgerStore } from "../src/storage/memoryStore";
import { round, type BenchEnv, type CaseResult } from "./lib/measure";
import { runSuite } from "./lib/suite";

const root = path.resolve(__dirname, "..");
// Debian Chromium and the headless flags the e2e run and the bench share.
const CHROMIUM_LAUNCH = JSON.parse(readFileSync(path.join(root, "scripts", "chromium.json"), "utf8")) as { executablePath: string; args: string[] };
const CHROMIUM = CHROMIUM_LAUNCH.executablePath;
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const quick = flag("--quick");
const runs = Number(option("--runs") ?? (quick ? 1 : 3));
const scale = Number(option("--scale") ?? (quick ? 0.1 : 1));
const only = (option("--only") ?? "").split(",").filter(Boolean);
const outFile = option("--out") ?? path.join(root, "bench", "results.json");
const started = Date.now();

function log(message: string): void {
  console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${message}`);
}

function nodeEnv(): BenchEnv {
  return {
    name: "node",
    quick,
    scale,
    runs,
    newStore: async () => new MemoryLedgerStore(),
    dropStore: async () => undefined,
    log: (message) => log(`[node] ${message}`),
  };
}

/** Bundles the Chromium side into `dir` with esbuild (the bundler tsx already brings). */
async function bundle(dir: string): Promise<void> {
  await build({
    entryPoints: [path.join(root, "bench", "browser", "entry.ts")],
    outfile: path.join(dir, "bench.js"),
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "warning",
  });
  writeFileSync(path.join(dir, "bench.html"), '<!doctype html><meta charset="utf-8"><title>bench</title><link rel="icon" href="data:,"><script src="bench.js"></script>\n');
}

function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const name = path.basename(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    const file = path.join(dir, name);
    if (!["bench.html", "bench.js"].includes(name) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": name.endsWith(".js") ? "text/javascript" : "text/html", "Cache-Control": "no-store" });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

/** A bench page's heap probe (through DevTools: a full collection, then the used size) and its console in our log. */
async function preparePage(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await page.exposeFunction("__benchHeap", async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    return (await cdp.send("Runtime.getHeapUsage")).usedSize;
  });
  page.on("console", (message) => log(message.text()));
  page.on("pageerror", (error) => log(`page error: ${error.message}`));
  return cdp;
}

async function runChromium(): Promise<{ results: CaseResult[]; version: string }> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y --no-install-recommends chromium`);
  const temp = mkdtempSync(path.join(os.tmpdir(), "inv-bench-"));
  const site = path.join(temp, "site");
  mkdirSync(site);
  mkdirSync(path.join(temp, "home"));
  await bundle(site);
  const server = await serve(site);
  const { chromium } = await import("playwright-core");
  const context = await chromium.launchPersistentContext(path.join(temp, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    env: { ...process.env, HOME: path.join(temp, "home") },
    args: CHROMIUM_LAUNCH.args,
  });
  try {
    const address = server.address() as { port: number };
    const url = `http://127.0.0.1:${address.port}/bench.html`;
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await preparePage(context, page);
    // P5 measures an open as a workbook opening does it: in a page of its own, so its first answer is cold
    // and its heap holds nothing the earlier cases left behind.
    await page.exposeFunction("__benchFreshPage", async (database: string, options: unknown) => {
      const fresh = await context.newPage();
      try {
        await preparePage(context, fresh);
        await fresh.goto(url);
        return await fresh.evaluate(
          ({ database, options }) => (window as unknown as { __bench: { open(d: string, o: unknown): Promise<CaseResult[]> } }).__bench.open(database, options),
          { database, options },
        );
      } finally {
        await fresh.close();
      }
    });
    await page.goto(url);
    const version = context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent));
    // --profile: a CPU profile of the page's whole run, for chrome://inspect or bench/profile summaries.
    if (flag("--profile")) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 500 });
      await cdp.send("Profiler.start");
    }
    const results = await page.evaluate(
      (options) => (window as unknown as { __bench: { run(o: typeof options): Promise<CaseResult[]> } }).__bench.run(options),
      { quick, scale, runs, only },
    );
    if (flag("--profile")) {
      const { profile } = await cdp.send("Profiler.stop");
      mkdirSync(path.join(root, "bench", "profile"), { recursive: true });
      writeFileSync(path.join(root, "bench", "profile", "chromium.cpuprofile"), JSON.stringify(profile));
      log("wrote bench/profile/chromium.cpuprofile");
    }
    return { results, version };
  } finally {
    await context.close().catch(() => undefined);
    server.close();
    rmSync(temp, { recursive: true, force: true });
  }
}

function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return "n/a";
  return `${round(value)} ${unit}`;
}

function printTable(results: CaseResult[]): void {
  const rows = results.map((r) => [
    r.id,
    r.env,
    formatValue(r.median, r.unit),
    r.baseline ? formatValue(r.baseline.median, r.unit) : "",
    r.ratio !== undefined ? `${round(r.ratio)}×` : "",
    r.perRef !== undefined ? `${round(r.perRef)}` : "",
    r.target,
    r.met === null ? "—" : r.met ? "yes" : "NO",
  ]);
  const header = ["case", "env", "median", "baseline", "ratio", "×REF", "target", "met"];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell.padEnd(widths[c])).join("  ");
  console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const row of rows) console.log(line(row));
  for (const r of results) if (r.notes?.length) console.log(`  ${r.id} (${r.env}): ${r.what}; ${r.notes.join("; ")}`);
}

async function main(): Promise<void> {
  const results: CaseResult[] = [];
  let chromiumVersion: string | null = null;
  if (!flag("--browser-only")) {
    log(`node ${process.version}: pure core over the in-memory store`);
    results.push(...(await runSuite(nodeEnv(), only)));
  }
  if (!flag("--node-only")) {
    log("chromium: real IndexedDB");
    const chromium = await runChromium();
    results.push(...chromium.results);
    chromiumVersion = chromium.version;
  }
  printTable(results);
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "", memoryGB: Math.round(os.totalmem() / 1024 ** 3), node: process.version, chromium: chromiumVersion, platform: `${os.platform()} ${os.release()}` };
  const maybe = (value: number | undefined) => (value === undefined ? undefined : round(value));
  const rounded = results.map((r) => ({
    ...r,
    median: round(r.median),
    runs: r.runs.map(round),
    baseline: r.baseline && { ...r.baseline, median: round(r.baseline.median), runs: r.baseline.runs.map(round) },
    ratio: maybe(r.ratio),
    perRef: maybe(r.perRef),
  }));
  writeFileSync(outFile, `${JSON.stringify({ quick, scale, runs, seconds: Math.round((Date.now() - started) / 1000), machine, results: rounded }, null, 2)}\n`);
  log(`wrote ${path.relative(root, outFile)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
