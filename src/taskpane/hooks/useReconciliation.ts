/**
 * Reconciliation screen state (excel.md §4.1): the Inventory Valuation and Inventory–G/L Reconciliation
 * forms, the last reconciliation's tiles (total difference, unreconciled rows), and the General
 * Journal sheet's commands for manual G/L lines.
 */
import { useCallback, useState } from "react";
import type { AppDeps } from "../../app/deps";
import type { ReconGrouping } from "../../core/gl/reconciliation";
import type { IsoDate } from "../../core/types";
import { isoDateText } from "../../functions/arguments";
import { openGenJournalSheet, postGenJournalSheet, validateGenJournalSheet } from "./genJournalCommands";
import { invFunctions } from "../../functions/registry";
import { explainReconRow, RECON_TABLE, writeReconSheet, writeValuationSheet, type ExplainFunction, type ReconSummary, type UnreconciledRow } from "./reconCommands";
import { stampTime } from "./useLedgers";
import { useTask, type TaskState } from "./useTask";

export interface ValuationForm {
  start: string;
  end: string;
  basis: "posted" | "adjusted";
  includeExpected: boolean;
  location: string;
  perLocation: boolean;
}

export interface ReconForm {
  asOf: string;
  grouping: ReconGrouping;
  item: string;
  location: string;
  /** Sheet holding a pasted trial balance (account, balance); blank = the add-in's own G/L. */
  trialBalanceSheet: string;
}

export interface ReconciliationCommands {
  task: TaskState;
  valuation: ValuationForm;
  setValuation(change: Partial<ValuationForm>): void;
  recon: ReconForm;
  setRecon(change: Partial<ReconForm>): void;
  summary: ReconSummary | null;
  writeValuation(): void;
  reconcile(): void;
  /** Selects a row of tblInvGLRecon (0-based data row): the tiles link to their rows. */
  showReconRow(row: number): void;
  /** Writes the entries behind an unreconciled row to the Explain sheet. */
  explainRow(row: UnreconciledRow): void;
  openGenJournal(): void;
  validateGenJournal(): void;
  postGenJournal(): void;
}

function dateOrThrow(text: string, label: string): IsoDate | null {
  if (!text.trim()) return null;
  const iso = isoDateText(text.trim());
  if (!iso) throw new Error(`${label}: '${text}' is not a date; use yyyy-mm-dd`);
  return iso;
}

export function useReconciliation({ store, service, workbook, now, selectTableCell, onLedgerChanged }: AppDeps): ReconciliationCommands {
  const task = useTask();
  const { run } = task;
  const [valuation, setValuationState] = useState<ValuationForm>({ start: "", end: "", basis: "posted", includeExpected: false, location: "", perLocation: false });
  const [recon, setReconState] = useState<ReconForm>({ asOf: "", grouping: "account", item: "", location: "", trialBalanceSheet: "" });
  const [summary, setSummary] = useState<ReconSummary | null>(null);
  const setValuation = useCallback((change: Partial<ValuationForm>) => setValuationState((old) => ({ ...old, ...change })), []);
  const setRecon = useCallback((change: Partial<ReconForm>) => setReconState((old) => ({ ...old, ...change })), []);
  const stamp = useCallback(() => `Generated ${stampTime((now ?? (() => new Date()))())}`, [now]);

  const writeValuation = useCallback(() => {
    void run("Valuation not written", async (reporter) => {
      const end = dateOrThrow(valuation.end, "End date") ?? (await service.company()).workDate;
      const start = dateOrThrow(valuation.start, "Start date");
      if (start && start > end) throw new Error(`Start date ${start} is after end date ${end}`);
      const p = { start, end, basis: valuation.basis, includeExpected: valuation.includeExpected, locationFilter: valuation.location, perLocation: valuation.perLocation };
      return writeValuationSheet(store, workbook, p, reporter, stamp());
    });
  }, [run, service, stamp, store, valuation, workbook]);

  const reconcile = useCallback(() => {
    void run("Reconciliation not written", async (reporter) => {
      const asOf = dateOrThrow(recon.asOf, "As of") ?? (await service.company()).workDate;
      const p = { asOf, grouping: recon.grouping, itemFilter: recon.item, locationFilter: recon.location };
      const result = await writeReconSheet(store, workbook, p, reporter, stamp(), recon.trialBalanceSheet.trim() || undefined);
      setSummary(result.summary);
      return result.outcome;
    });
  }, [recon, run, service, stamp, store, workbook]);

  const showReconRow = useCallback((row: number) => selectTableCell?.(RECON_TABLE, row, "Difference"), [selectTableCell]);

  const explainRow = useCallback((row: UnreconciledRow) => {
    void run("Entries not listed", (reporter) => {
      const explain = (invFunctions as Partial<Record<string, ExplainFunction>>).EXPLAIN;
      return explainReconRow(workbook, explain, row, summary?.asOf ?? "", reporter, stamp());
    });
  }, [run, stamp, summary, workbook]);

  const openGenJournal = useCallback(() => void run("General Journal not opened", () => openGenJournalSheet(workbook)), [run, workbook]);
  const validateGenJournal = useCallback(() => void run("General journal not validated", () => validateGenJournalSheet(service, workbook)), [run, service, workbook]);
  const postGenJournal = useCallback(() => {
    void run("General journal not posted", async () => {
      const outcome = await postGenJournalSheet(service, workbook);
      onLedgerChanged?.();
      return outcome;
    });
  }, [onLedgerChanged, run, service, workbook]);

  return { task, valuation, setValuation, recon, setRecon, summary, writeValuation, reconcile, showReconRow, explainRow, openGenJournal, validateGenJournal, postGenJournal };
}
