/**
 * Physical Count screen state (inventory.md §8, excel.md §3.2 tblPhysCount): Calculate Inventory at a count
 * date and location into the sheet; Post differences as adjustments through the service.
 */
import { useCallback, useState } from "react";
import type { AppDeps } from "../../app/deps";
import { isoDateText } from "../../functions/arguments";
import { calculateCountSheet, postCountSheet } from "./planningCommands";
import { stampTime } from "./useLedgers";
import { useTask, type TaskState } from "./useTask";

export interface CountForm {
  /** Count date; blank = work date. */
  date: string;
  location: string;
  includeZero: boolean;
  documentNo: string;
}

export interface CountCommands {
  task: TaskState;
  form: CountForm;
  setForm(change: Partial<CountForm>): void;
  calculate(): void;
  post(): void;
}

export function useCount({ store, service, workbook, now, onLedgerChanged }: AppDeps): CountCommands {
  const task = useTask();
  const { run } = task;
  const [form, setFormState] = useState<CountForm>({ date: "", location: "", includeZero: false, documentNo: "PHYS-0001" });
  const setForm = useCallback((change: Partial<CountForm>) => setFormState((old) => ({ ...old, ...change })), []);

  const countDate = useCallback(async (): Promise<string> => {
    if (!form.date.trim()) return (await service.company()).workDate;
    const iso = isoDateText(form.date.trim());
    if (!iso) throw new Error(`'${form.date}' is not a date; use yyyy-mm-dd`);
    return iso;
  }, [form.date, service]);

  const calculate = useCallback(() => {
    void run("Inventory not calculated", async (reporter) => {
      const calc = { date: await countDate(), location: form.location.trim(), includeZero: form.includeZero };
      return calculateCountSheet(store, workbook, calc, reporter, `Generated ${stampTime((now ?? (() => new Date()))())}`);
    });
  }, [countDate, form.includeZero, form.location, now, run, store, workbook]);

  const post = useCallback(() => {
    void run("Differences not posted", async () => {
      const outcome = await postCountSheet(service, workbook, await countDate(), form.documentNo.trim());
      onLedgerChanged?.();
      return outcome;
    });
  }, [countDate, form.documentNo, onLedgerChanged, run, service, workbook]);

  return { task, form, setForm, calculate, post };
}
