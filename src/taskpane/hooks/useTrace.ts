/**
 * Trace screen state (excel.md §4.1): item/lot/serial, direction and components; the usage or origin tree
 * of inventory.md §13 shown in the pane, and written to the Item Tracing sheet on request.
 */
import { useCallback, useState } from "react";
import type { AppDeps } from "../../app/deps";
import type { TraceQuery } from "../../core/queries/trace";
import type { TraceRow } from "../../functions/traceRows";
import { traceInPane, writeTraceSheet } from "./planningCommands";
import { stampTime } from "./useLedgers";
import { useTask, type TaskState } from "./useTask";

export interface TraceForm {
  item: string;
  lot: string;
  serial: string;
  direction: TraceQuery["direction"];
  components: NonNullable<TraceQuery["showComponents"]>;
}

export interface TraceCommands {
  task: TaskState;
  form: TraceForm;
  setForm(change: Partial<TraceForm>): void;
  rows: TraceRow[] | null;
  show(): void;
  writeSheet(): void;
}

export function queryOf(form: TraceForm): TraceQuery {
  return {
    item: form.item.trim() || undefined,
    lotNo: form.lot.trim() || null,
    serialNo: form.serial.trim() || null,
    direction: form.direction,
    showComponents: form.components,
  };
}

export function useTrace({ store, workbook, now }: AppDeps): TraceCommands {
  const task = useTask();
  const { run } = task;
  const [form, setFormState] = useState<TraceForm>({ item: "", lot: "", serial: "", direction: "Usage", components: "ItemTrackedOnly" });
  const [rows, setRows] = useState<TraceRow[] | null>(null);
  const setForm = useCallback((change: Partial<TraceForm>) => setFormState((old) => ({ ...old, ...change })), []);
  const missing = !form.lot.trim() && !form.serial.trim();

  const show = useCallback(() => {
    void run("Trace not shown", async () => {
      if (missing) return { intent: "warning", title: "Enter a lot or serial number" };
      const found = await traceInPane(store, queryOf(form));
      setRows(found);
      return found.length === 0
        ? { intent: "warning", title: "Nothing to trace", detail: "No entry carries that lot or serial number." }
        : { intent: "success", title: `${found.length} entries traced` };
    });
  }, [form, missing, run, store]);

  const writeSheet = useCallback(() => {
    void run("Item Tracing sheet not written", async (reporter) => {
      if (missing) return { intent: "warning", title: "Enter a lot or serial number" };
      return writeTraceSheet(store, workbook, queryOf(form), reporter, `Generated ${stampTime((now ?? (() => new Date()))())}`);
    });
  }, [form, missing, now, run, store, workbook]);

  return { task, form, setForm, rows, show, writeSheet };
}
