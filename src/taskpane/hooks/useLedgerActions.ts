/** State of the Ledgers screen's cost commands (LedgerActions): one task at a time, progress, outcome. */
import { useCallback } from "react";
import type { AppDeps } from "../../app/deps";
import { invFunctions } from "../../functions/registry";
import { explainActiveCell, postInventoryCostToGL, runAdjustCost, type ExplainFunction } from "./reconCommands";
import { stampTime } from "./useLedgers";
import { useTask, type TaskState } from "./useTask";

export interface LedgerActionCommands {
  task: TaskState;
  adjustCost(): void;
  postToGL(): void;
  explain(): void;
}

/** INV.EXPLAIN from the registry, looked up by name (absent from builds without it). */
function explainFunction(): ExplainFunction | undefined {
  return (invFunctions as Partial<Record<string, ExplainFunction>>).EXPLAIN;
}

export function useLedgerActions({ service, workbook, now, onLedgerChanged }: AppDeps): LedgerActionCommands {
  const task = useTask();
  const { run } = task;
  const clock = useCallback(() => (now ?? (() => new Date()))(), [now]);

  const adjustCost = useCallback(() => {
    void run("Cost not adjusted", async (reporter) => {
      const outcome = await runAdjustCost(service, workbook, clock, reporter);
      onLedgerChanged?.();
      return outcome;
    });
  }, [clock, onLedgerChanged, run, service, workbook]);

  const postToGL = useCallback(() => {
    void run("Inventory cost not posted", async () => {
      const outcome = await postInventoryCostToGL(service);
      onLedgerChanged?.();
      return outcome;
    });
  }, [onLedgerChanged, run, service]);

  const explain = useCallback(() => {
    void run("Cell not explained", (reporter) => explainActiveCell(workbook, explainFunction(), reporter, `Generated ${stampTime(clock())}`));
  }, [clock, run, workbook]);

  return { task, adjustCost, postToGL, explain };
}
