#!/usr/bin/env node
/* global process, console, URL -- Node globals (the lint config gives .mjs files none) */
/**
 * End-to-end runner: builds the workbench page (webpack, development mode, into a temp dir), serves it
 * on http://127.0.0.1:3000 (a free port if 3000 is taken), launches Debian Chromium headless through
 * playwright-core with a fresh profile and HOME, runs test/e2e/*.e2e.mjs in order against one page,
 * saves screenshots to test-results/screenshots/ (docs/screenshots/ with --update-screenshots), and prints "N passed, N failed". Any request to a host other
 * than 127.0.0.1 fails the run: the add-in works offline. A static build is used rather than
 * `webpack serve` because it has no live-reload socket and no file watching to race with.
 *
 *   node scripts/run-e2e.mjs [--summary out.json] [--keep] [--update-screenshots] [--only NAME]
 *
 * `--only NAME` runs only the suites whose file name contains NAME (while working on one suite).
 */
import { spawn } from "node:child_process";
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const summaryFile = args.includes("--summary") ? args[args.indexOf("--summary") + 1] : null;
const onlySuite = args.includes("--only") ? args[args.indexOf("--only") + 1] : null;
// Debian Chromium and the headless flags the e2e run and the bench share (scripts/chromium.json).
const CHROMIUM_LAUNCH = JSON.parse(readFileSync(path.join(root, "scripts", "chromium.json"), "utf8"));
const CHROMIUM = CHROMIUM_LAUNCH.executablePath;
const started = Date.now();

function log(message) {
  console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
}

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".css": "text/css",
};

/** Builds the workbench (development mode, no minifier: faster) into `outDir`; dist/ is left alone. */
function buildWorkbench(outDir) {
  return new Promise((resolve, reject) => {
    const build = spawn("npx", ["webpack", "--mode", "development", "--env", "workbench", "--output-path", outDir], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    build.stdout.on("data", (chunk) => (output += chunk));
    build.stderr.on("data", (chunk) => (output += chunk));
    build.on("close", (code) => {
      if (code === 0 && existsSync(path.join(outDir, "workbench.html"))) resolve();
      else reject(new Error(`workbench build failed (exit ${code}):\n${output.slice(-4000)}`));
    });
  });
}

/** Serves the built files on 127.0.0.1 (a secure context: IndexedDB works without https). */
function serveStatic(dir, port) {
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    const file = path.normalize(path.join(dir, pathname));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end("not found");
      return;
    }
    response.writeHead(200, { "Content-Type": MIME[path.extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

/** Port 3000 as in development; another free port when something else holds it. */
async function startServer(dir) {
  try {
    return await serveStatic(dir, 3000);
  } catch (error) {
    if (error.code !== "EADDRINUSE") throw error;
    log("port 3000 is busy; serving on a free port instead");
    return serveStatic(dir, 0);
  }
}

async function launchBrowser(profileDir, homeDir) {
  const { chromium } = await import("playwright-core");
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 860 },
    env: { ...process.env, HOME: homeDir },
    args: CHROMIUM_LAUNCH.args,
  });
}

async function loadSuites() {
  const dir = path.join(root, "test", "e2e");
  const files = readdirSync(dir).filter((file) => file.endsWith(".e2e.mjs") && (!onlySuite || file.includes(onlySuite))).sort();
  const suites = [];
  for (const file of files) suites.push({ file, tests: (await import(pathToFileURL(path.join(dir, file)).href)).tests });
  return suites;
}

async function runTests(context, suites, pageUrl) {
  const foreign = [];
  context.on("request", (request) => {
    const url = new URL(request.url());
    if (!["http:", "https:", "ws:", "wss:"].includes(url.protocol)) return;
    if (url.hostname !== "127.0.0.1") foreign.push(request.url());
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors = [];
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  // Screenshots go to test-results/ (ignored by git), so an ordinary run never modifies tracked files;
  // --update-screenshots writes them to docs/screenshots/ instead, to refresh the committed ones.
  const screenshots = path.join(root, args.includes("--update-screenshots") ? "docs" : "test-results", "screenshots");
  mkdirSync(screenshots, { recursive: true });
  // Failure screenshots go to test-results/ (ignored by git), not among the documentation screenshots.
  const failures = path.join(root, "test-results", "e2e");
  rmSync(failures, { recursive: true, force: true });
  const ctx = { page, url: pageUrl, screenshot: (name) => page.screenshot({ path: path.join(screenshots, `${name}.png`), animations: "disabled", caret: "hide" }), consoleErrors, log };

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
        const shot = path.join(failures, `${test.name.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}.png`);
        await page.screenshot({ path: shot }).then(() => log(`screenshot: ${path.relative(root, shot)}`)).catch(() => {});
      }
    }
  }
  // Uncaught exceptions in the page fail the run even when every assertion held.
  results.push({ name: "no uncaught page errors", ok: consoleErrors.length === 0 });
  if (consoleErrors.length > 0) log(`FAIL uncaught page errors:\n${consoleErrors.join("\n")}`);
  else log("PASS no uncaught page errors");
  return results;
}

async function main() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y --no-install-recommends chromium`);
  const temp = mkdtempSync(path.join(tmpdir(), "inv-e2e-"));
  let server;
  let context;
  try {
    const site = path.join(temp, "site");
    await buildWorkbench(site);
    log("workbench built");
    server = await startServer(site);
    const pageUrl = `http://127.0.0.1:${server.address().port}/workbench.html`;
    mkdirSync(path.join(temp, "home"), { recursive: true });
    context = await launchBrowser(path.join(temp, "profile"), path.join(temp, "home"));
    log(`chromium up; testing ${pageUrl}`);
    return await runTests(context, await loadSuites(), pageUrl);
  } finally {
    await context?.close().catch(() => {});
    server?.close();
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
