/**
 * Availability screen state (excel.md §4.1): one item, by Period, Event, Location or BOM level, written to its
 * sheet (tblAvailPeriod, tblAvailEvent, tblAvailLocation, tblAvailBOM) from the same evaluator as the INV functions.
 */
import { useCallback, useState } from "react";
import type { AppDeps } from "../../app/deps";
import { isoDateText } from "../../functions/arguments";
import type { PeriodType } from "../../functions/planArguments";
import { availByBomSpec, availByEventSpec, availByLocationSpec, availByPeriodSpec, type PlanSource } from "../../excel/sheets/availabilitySheets";
import type { TableSpec } from "../../excel/port";
import { writePlanSheet } from "./planningCommands";
import { stampTime } from "./useLedgers";
import { useTask, type TaskState } from "./useTask";

export type AvailabilityView = "Period" | "Event" | "Location" | "BOM";

export interface AvailabilityForm {
  view: AvailabilityView;
  item: string;
  location: string;
  /** Period: first day; Event: from; Location and BOM: the date (needed by). Blank = work date (Event: the beginning). */
  date: string;
  /** Event only: last day (blank = no end). */
  to: string;
  periodType: PeriodType;
  count: string;
}

export interface AvailabilityCommands {
  task: TaskState;
  form: AvailabilityForm;
  setForm(change: Partial<AvailabilityForm>): void;
  writeSheet(): void;
}

/** The sheet the form asks for, or the field the user must fix first. */
export function availabilitySpec(form: AvailabilityForm, source: PlanSource, stamp: string): TableSpec {
  const item = form.item.trim();
  if (!item) throw new Error("Enter an item number");
  const date = (text: string): string | null => {
    if (!text.trim()) return null;
    const iso = isoDateText(text.trim());
    if (!iso) throw new Error(`'${text}' is not a date; use yyyy-mm-dd`);
    return iso;
  };
  const location = form.location.trim();
  if (form.view === "Location") return availByLocationSpec(source, item, date(form.date) ?? source.company.workDate, stamp);
  // How many parents can be built by the date, per BOM line, with the bottleneck (inventory.md §14.4).
  if (form.view === "BOM") return availByBomSpec(source, { item, date: date(form.date) ?? source.company.workDate, location }, stamp);
  if (form.view === "Event") return availByEventSpec(source, { item, from: date(form.date), to: date(form.to), location }, stamp);
  const count = Number(form.count);
  if (!Number.isInteger(count) || count < 1 || count > 1000) throw new Error("Periods must be a whole number from 1 to 1000");
  return availByPeriodSpec(source, { item, start: date(form.date) ?? source.company.workDate, periodType: form.periodType, count, location }, stamp);
}

export function useAvailability({ store, workbook, now }: AppDeps): AvailabilityCommands {
  const task = useTask();
  const { run } = task;
  const [form, setFormState] = useState<AvailabilityForm>({ view: "Period", item: "", location: "", date: "", to: "", periodType: "Week", count: "8" });
  const setForm = useCallback((change: Partial<AvailabilityForm>) => setFormState((old) => ({ ...old, ...change })), []);
  const writeSheet = useCallback(() => {
    void run("Availability sheet not written", (reporter) =>
      writePlanSheet(store, workbook, (source, stamp) => availabilitySpec(form, source, stamp), reporter, `Generated ${stampTime((now ?? (() => new Date()))())}`));
  }, [form, now, run, store, workbook]);
  return { task, form, setForm, writeSheet };
}
