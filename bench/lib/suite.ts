/** Every case in order for one environment; `only` (case id prefixes) narrows it while tuning. */
import { benchFunctions } from "./functions";
import { cpuReference, measured, type BenchEnv, type CaseResult } from "./measure";
import { benchOpen } from "./open";
import { benchP1, benchP2, p1Size } from "./posting";
import { benchBackup, benchLedgerSheet } from "./sheets";

export const CASE_GROUPS = ["P1", "P2", "P3", "P4", "P5"] as const;

export async function runSuite(env: BenchEnv, only: readonly string[] = []): Promise<CaseResult[]> {
  const wanted = (group: string) => only.length === 0 || only.some((id) => id.toUpperCase() === group);
  const ref = measured(Array.from({ length: 5 }, cpuReference));
  const refMs = ref.median;
  const reference = (e: BenchEnv): CaseResult => ({ id: "REF", env: e.name, what: "CPU reference: 200,000 records built, sorted, JSON round-tripped", unit: "ms", ...ref, target: "(reference)", met: null });
  const results: CaseResult[] = [];
  // P3 and P4 read the company P1 posted, so P1 runs whenever one of them is asked for.
  if (wanted("P1") || wanted("P3") || wanted("P4")) {
    const { results: p1, store } = await benchP1(env, wanted("P1"));
    if (wanted("P1")) results.push(...p1);
    if (wanted("P4")) results.push(await benchLedgerSheet(env, store));
    if (wanted("P3")) {
      results.push(...(await benchBackup(env, store)));
      results.push(...(await benchFunctions(env, store, p1Size(env).items)));
    }
    await env.dropStore(store);
  }
  if (wanted("P2")) results.push(...(await benchP2(env)));
  if (wanted("P5")) results.push(...(await benchOpen(env)));
  return [reference(env), ...results.map((r) => ({ ...r, perRef: r.unit === "ms" ? r.median / refMs : undefined }))];
}
