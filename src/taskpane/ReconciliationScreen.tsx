/**
 * Reconciliation (excel.md §4.1): Inventory Valuation and Inventory–G/L Reconciliation written to their
 * sheets; tiles for the total difference and the unreconciled rows, each linking to its row; and the
 * General Journal sheet for manual G/L lines.
 */
import { useState } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { AppDeps } from "../app/deps";
import type { FieldError } from "../core/errors";
import { GEN_JOURNAL_FIELD_COLUMN, GEN_JOURNAL_TABLE } from "../excel/sheets/genJournalSheet";
import { TaskStatus } from "./components/TaskStatus";
import { ReconFields, ValuationFields } from "./components/recon/ReconForms";
import { ReconTiles } from "./components/recon/ReconTiles";
import { useReconciliation } from "./hooks/useReconciliation";

const useStyles = makeStyles({
  actions: { display: "flex", gap: "8px", flexWrap: "wrap", margin: "8px 0" },
  heading: { display: "block", marginTop: "12px", color: tokens.colorNeutralForeground1 },
});

export function ReconciliationScreen(deps: AppDeps) {
  const styles = useStyles();
  const r = useReconciliation(deps);
  const { valuation, setValuation, recon, setRecon } = r;
  const busy = r.task.busy;
  // The outcome shows beside the part of the screen whose command ran (errors next to what caused them).
  const [section, setSection] = useState<"reports" | "journal">("reports");
  const inSection = (next: "reports" | "journal", command: () => void) => () => {
    setSection(next);
    command();
  };
  const showError = (error: FieldError) => {
    const column = (error.field && GEN_JOURNAL_FIELD_COLUMN[error.field as keyof typeof GEN_JOURNAL_FIELD_COLUMN]) || "Status";
    if (error.line !== undefined) deps.selectTableCell?.(GEN_JOURNAL_TABLE, error.line - 1, column);
  };
  return (
    <section aria-label="Reconciliation">
      <ValuationFields form={valuation} setForm={setValuation} busy={busy} onWrite={inSection("reports", r.writeValuation)} />
      <ReconFields form={recon} setForm={setRecon} busy={busy} onReconcile={inSection("reports", r.reconcile)} />
      {r.summary && <ReconTiles summary={r.summary} onShowRow={r.showReconRow} onExplainRow={(row) => inSection("reports", () => r.explainRow(row))()} />}
      {section === "reports" && <TaskStatus task={r.task} />}

      <Text weight="semibold" className={styles.heading}>Manual G/L lines</Text>
      <Text size={200}>General journal lines to any G/L account, typed on the General Journal sheet.</Text>
      <div className={styles.actions}>
        <Button onClick={inSection("journal", r.openGenJournal)} disabled={busy}>General Journal sheet</Button>
        <Button onClick={inSection("journal", r.validateGenJournal)} disabled={busy}>Validate G/L lines</Button>
        <Button onClick={inSection("journal", r.postGenJournal)} disabled={busy}>Post G/L lines</Button>
      </div>
      {section === "journal" && <TaskStatus task={r.task} onShowError={showError} />}
    </section>
  );
}
