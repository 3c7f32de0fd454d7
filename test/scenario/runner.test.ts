import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../src/scenario/cli";
import { runScenario } from "../../src/scenario/run";
import type { Scenario } from "../../src/scenario/format";

const base = (steps: Scenario["steps"], expect: Record<string, unknown> = {}): Scenario => ({
  id: "t",
  setup: { locations: [{ code: "BLUE" }], items: [{ no: "A", costingMethod: "FIFO" }] },
  steps,
  expect,
});

const buy = { op: "post", entryType: "Purchase", date: "2024-01-01", item: "A", location: "BLUE", quantity: 2, unitCost: 5 };

describe("scenario runner", () => {
  it("passes matching expectations and names the first mismatch", async () => {
    expect(await runScenario(base([buy], { items: [{ no: "A", inventory: 2, inventoryValue: 10 }] }))).toEqual({ id: "t", passed: true });
    const failed = await runScenario(base([buy], { items: [{ no: "A", inventoryValue: 11 }] }));
    expect(failed.message).toBe("expect.items[no=A].inventoryValue expected 11 actual 10");
  });

  it("fails unknown ops, step fields and expectation fields by name", async () => {
    expect((await runScenario(base([{ op: "teleport" }]))).message).toContain("unknown op teleport");
    expect((await runScenario(base([{ ...buy, colour: "red" }]))).message).toContain("unknown step field colour");
    expect((await runScenario(base([buy], { weather: [] }))).message).toContain("unknown expectation field expect.weather");
  });

  it("requires expectError steps to be refused with the text", async () => {
    const refused = { ...buy, quantity: -1, expectError: "quantity must be positive" };
    expect((await runScenario(base([refused]))).passed).toBe(true);
    const accepted = { ...buy, expectError: "anything" };
    expect((await runScenario(base([accepted]))).message).toContain("actual accepted");
  });

  it("exits 0 under --gate while only unlisted scenarios fail, and counts them as pending", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scen-"));
    writeFileSync(join(dir, "good.json"), JSON.stringify({ ...base([buy]), id: "good" }));
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ ...base([{ op: "teleport" }]), id: "bad" }));
    writeFileSync(join(dir, "gate.txt"), "good\n");
    const gated = await runCli([dir, "--gate", join(dir, "gate.txt")]);
    expect(gated.exitCode).toBe(0);
    expect(gated.lines).toEqual(["FAIL bad: steps[0]: unknown op teleport", "PASS good", "1 passed, 1 failed", "1 pending"]);
    expect((await runCli([dir])).exitCode).toBe(1);
  });
});
