#!/usr/bin/env node
/* global process, console, fetch, setTimeout, URL -- Node globals (the lint config gives .mjs files none) */
/**
 * End-to-end runner: serves the workbench (webpack dev server, http://127.0.0.1:3000), launches Debian
 * Chromium headless through playwright-core with a fresh profile and HOME, runs test/e2e/*.e2e.mjs in
 * order against one page, and prints "N passed, N failed". Any request to a host other than 127.0.0.1
 * fails the run: the add-in works offline.
 *
 *   node scripts/run-e2e.mjs [--summary out.json] [--no-server] [--keep]
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const summaryFile = args.includes("--summary") ? args[args.indexOf("--summary") + 1] : null;
const BASE = "http://127.0.0.1:3000";
const PAGE = `${BASE}/workbench.html`;
const CHROMIUM = "/usr/bin/chromium";
const started = Date.now();

function log(message) {
  console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
}

async function reachable(url) {
  try {
    const response = await fetch(url);
    return response.ok;
  } catch {
    return false;
  }
}

/** Starts `webpack serve` for the workbench unless one already answers; resolves when the page is served. */
async function startServer() {
  if (args.includes("--no-server") || (await reachable(PAGE))) return null;
  const server = spawn("npx", ["webpack", "serve", "--mode", "development", "--env", "workbench"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  server.stdout.on("data", (chunk) => (output += chunk));
  server.stderr.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`webpack serve exited (${server.exitCode}):\n${output.slice(-3000)}`);
    if (/compiled (successfully|with \d+ warning)/.test(output) && (await reachable(PAGE))) return server;
    if (/compiled with \d+ error/.test(output)) throw new Error(`workbench build failed:\n${output.slice(-5000)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`workbench not served within 180 s:\n${output.slice(-3000)}`);
}

function stopServer(server) {
  if (!server || server.exitCode !== null) return;
  try {
    process.kill(-server.pid, "SIGTERM"); // the process group started above (npx → webpack)
  } catch {
    /* already gone */
  }
}

async function launchBrowser(profileDir, homeDir) {
  const { chromium } = await import("playwright-core");
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 860 },
    env: { ...process.env, HOME: homeDir },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-crash-reporter",
      "--disable-breakpad",
    ],
  });
}

async function loadSuites() {
  const dir = path.join(root, "test", "e2e");
  const files = readdirSync(dir).filter((file) => file.endsWith(".e2e.mjs")).sort();
  const suites = [];
  for (const file of files) suites.push({ file, tests: (await import(pathToFileURL(path.join(dir, file)).href)).tests });
  return suites;
}

async function runTests(context, suites) {
  const foreign = [];
  context.on("request", (request) => {
    const url = new URL(request.url());
    if (!["http:", "https:", "ws:", "wss:"].includes(url.protocol)) return;
    if (url.hostname !== "127.0.0.1") foreign.push(request.url());
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors = [];
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  const screenshots = path.join(root, "docs", "screenshots");
  mkdirSync(screenshots, { recursive: true });
  const ctx = { page, url: PAGE, screenshot: (name) => page.screenshot({ path: path.join(screenshots, `${name}.png`) }), consoleErrors, log };

  const results = [];
  for (const { file, tests } of suites) {
    for (const test of tests) {
      const t0 = Date.now();
      try {
        await test.run(ctx);
        if (foreign.length > 0) throw new Error(`network request to another host: ${foreign.join(", ")}`);
        results.push({ name: test.name, ok: true });
        log(`PASS ${file} › ${test.name} (${Date.now() - t0} ms)`);
      } catch (error) {
        results.push({ name: test.name, ok: false });
        log(`FAIL ${file} › ${test.name} (${Date.now() - t0} ms)\n${error?.stack ?? error}`);
        await ctx.screenshot(`failure-${test.name.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`).catch(() => {});
      }
    }
  }
  if (consoleErrors.length > 0) log(`page errors:\n${consoleErrors.join("\n")}`);
  return results;
}

async function main() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y --no-install-recommends chromium`);
  const temp = mkdtempSync(path.join(tmpdir(), "inv-e2e-"));
  const server = await startServer();
  log(server ? "workbench served by webpack serve" : "using the server already running");
  let context;
  try {
    mkdirSync(path.join(temp, "home"), { recursive: true });
    context = await launchBrowser(path.join(temp, "profile"), path.join(temp, "home"));
    const results = await runTests(context, await loadSuites());
    return results;
  } finally {
    await context?.close().catch(() => {});
    stopServer(server);
    if (!args.includes("--keep")) rmSync(temp, { recursive: true, force: true });
  }
}

let results = [];
let fatal = null;
try {
  results = await main();
} catch (error) {
  fatal = error;
  console.error(error?.stack ?? error);
}
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed + (fatal ? 1 : 0);
if (summaryFile) writeFileSync(summaryFile, JSON.stringify({ passed, failed, seconds: (Date.now() - started) / 1000 }));
console.log(`e2e took ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
