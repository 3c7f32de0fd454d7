/**
 * Regression gate: every public scenario listed in scenarios/passing.txt must still pass. The
 * scenarios live in the shared spec folder beside the repository (../shared/spec/scenarios).
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Scenario } from "../../src/scenario/format";
import { runScenario } from "../../src/scenario/run";

const root = resolve(__dirname, "../..");
const folder = resolve(root, "../shared/spec/scenarios");
const listed = readFileSync(join(root, "scenarios/passing.txt"), "utf8").split(/\r?\n/).filter(Boolean);

function byId(): Map<string, Scenario> {
  const map = new Map<string, Scenario>();
  for (const name of readdirSync(folder).filter((n) => n.endsWith(".json"))) {
    const scenario = JSON.parse(readFileSync(join(folder, name), "utf8")) as Scenario;
    map.set(scenario.id, scenario);
  }
  return map;
}

describe("public scenarios listed in scenarios/passing.txt", () => {
  it("finds the shared scenario folder", () => {
    expect(existsSync(folder)).toBe(true);
  });

  const scenarios = existsSync(folder) ? byId() : new Map<string, Scenario>();
  it.each(listed)("%s passes", async (id) => {
    const scenario = scenarios.get(id);
    expect(scenario).toBeDefined();
    expect(await runScenario(scenario as Scenario)).toEqual({ id, passed: true });
  });
});
