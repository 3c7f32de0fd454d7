/**
 * The scenario CLI behind `npm run scenario -- PATH... [--gate FILE]`: replays every scenario file
 * found (folders recursively), prints `PASS id` / `FAIL id: …`, then `N passed, N failed`. With a
 * gate file, the exit code only depends on the ids listed there; other failures count as pending.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Scenario } from "./format";
import { runScenario, type ScenarioResult } from "./run";

function scenarioFiles(path: string): string[] {
  if (statSync(path).isDirectory()) {
    return readdirSync(path)
      .sort()
      .flatMap((name) => scenarioFiles(join(path, name)));
  }
  return path.endsWith(".json") ? [path] : [];
}

export interface CliOutcome {
  lines: string[];
  exitCode: number;
}

export async function runCli(args: string[]): Promise<CliOutcome> {
  const gateIndex = args.indexOf("--gate");
  const gateFile = gateIndex >= 0 ? args[gateIndex + 1] : undefined;
  const paths = gateIndex < 0 ? args : args.filter((_, i) => i !== gateIndex && i !== gateIndex + 1);
  const gate = gateFile ? new Set(readFileSync(gateFile, "utf8").split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) : null;
  const lines: string[] = [];
  const results: ScenarioResult[] = [];
  for (const file of paths.flatMap(scenarioFiles)) {
    let result: ScenarioResult;
    try {
      result = await runScenario(JSON.parse(readFileSync(file, "utf8")) as Scenario);
    } catch (error) {
      result = { id: file, passed: false, message: `cannot read scenario: ${(error as Error).message}` };
    }
    results.push(result);
    lines.push(result.passed ? `PASS ${result.id}` : `FAIL ${result.id}: ${result.message}`);
  }
  const failed = results.filter((r) => !r.passed);
  lines.push(`${results.length - failed.length} passed, ${failed.length} failed`);
  if (!gate) return { lines, exitCode: failed.length > 0 ? 1 : 0 };
  const passedIds = new Set(results.filter((r) => r.passed).map((r) => r.id));
  const gateFailures = [...gate].filter((id) => !passedIds.has(id));
  const pending = failed.filter((r) => !gate.has(r.id)).length;
  lines.push(`${pending} pending`);
  for (const id of gateFailures) lines.push(`GATE ${id} is listed but did not pass`);
  return { lines, exitCode: gateFailures.length > 0 ? 1 : 0 };
}
