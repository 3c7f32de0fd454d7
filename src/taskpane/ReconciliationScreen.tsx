/**
 * Reconciliation (excel.md §4.1): Inventory Valuation and Inventory–G/L Reconciliation written to their
 * sheets; tiles for the total difference and the unreconciled rows, each linking to its row; and the
 * General Journal sheet for manual G/L lines.
 */
import { Button, Checkbox, Dropdown, Field, Input, Option, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { AppDeps } from "../app/deps";
import type { FieldError } from "../core/errors";
import type { ReconGrouping } from "../core/gl/reconciliation";
import { GEN_JOURNAL_FIELD_COLUMN, GEN_JOURNAL_TABLE } from "../excel/sheets/genJournalSheet";
import { TaskStatus } from "./components/TaskStatus";
import { ReconTiles } from "./components/recon/ReconTiles";
import { useReconciliation } from "./hooks/useReconciliation";

const useStyles = makeStyles({
  form: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: "4px 8px", marginTop: "4px" },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap", margin: "8px 0" },
  control: { minWidth: 0, width: "100%" },
  heading: { display: "block", marginTop: "12px", color: tokens.colorNeutralForeground1 },
});

const GROUPINGS: [ReconGrouping, string][] = [["account", "Account"], ["accountItem", "Account × item"], ["accountLocation", "Account × location"]];

export function ReconciliationScreen(deps: AppDeps) {
  const styles = useStyles();
  const r = useReconciliation(deps);
  const { valuation, setValuation, recon, setRecon } = r;
  const busy = r.task.busy;
  const showError = (error: FieldError) => {
    const column = (error.field && GEN_JOURNAL_FIELD_COLUMN[error.field as keyof typeof GEN_JOURNAL_FIELD_COLUMN]) || "Status";
    if (error.line !== undefined) deps.selectTableCell?.(GEN_JOURNAL_TABLE, error.line - 1, column);
  };
  const groupingText = GROUPINGS.find(([value]) => value === recon.grouping)?.[1] ?? "";
  return (
    <section aria-label="Reconciliation">
      <Text weight="semibold" className={styles.heading}>Inventory Valuation</Text>
      <div className={styles.form}>
        <Field label="Start date"><Input className={styles.control} value={valuation.start} placeholder="beginning" onChange={(_e, d) => setValuation({ start: d.value })} /></Field>
        <Field label="End date"><Input className={styles.control} value={valuation.end} placeholder="work date" onChange={(_e, d) => setValuation({ end: d.value })} /></Field>
        <Field label="Basis">
          <Dropdown className={styles.control} value={valuation.basis} selectedOptions={[valuation.basis]} onOptionSelect={(_e, d) => setValuation({ basis: d.optionValue as "posted" | "adjusted" })}>
            <Option value="posted">posted</Option>
            <Option value="adjusted">adjusted</Option>
          </Dropdown>
        </Field>
        <Field label="Valuation location"><Input className={styles.control} value={valuation.location} placeholder="All" onChange={(_e, d) => setValuation({ location: d.value })} /></Field>
        <Checkbox label="Include expected cost" checked={valuation.includeExpected} onChange={(_e, d) => setValuation({ includeExpected: d.checked === true })} />
        <Checkbox label="Per location" checked={valuation.perLocation} onChange={(_e, d) => setValuation({ perLocation: d.checked === true })} />
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={r.writeValuation} disabled={busy}>Write valuation</Button>
      </div>

      <Text weight="semibold" className={styles.heading}>Inventory – G/L Reconciliation</Text>
      <div className={styles.form}>
        <Field label="As of"><Input className={styles.control} value={recon.asOf} placeholder="work date" onChange={(_e, d) => setRecon({ asOf: d.value })} /></Field>
        <Field label="Group by">
          <Dropdown className={styles.control} value={groupingText} selectedOptions={[recon.grouping]} onOptionSelect={(_e, d) => setRecon({ grouping: d.optionValue as ReconGrouping })}>
            {GROUPINGS.map(([value, text]) => <Option key={value} value={value}>{text}</Option>)}
          </Dropdown>
        </Field>
        <Field label="Item filter"><Input className={styles.control} value={recon.item} placeholder="All" onChange={(_e, d) => setRecon({ item: d.value })} /></Field>
        <Field label="Location filter"><Input className={styles.control} value={recon.location} placeholder="All" onChange={(_e, d) => setRecon({ location: d.value })} /></Field>
        <Field label="Trial balance sheet" hint="Pasted from your ERP: account, balance">
          <Input className={styles.control} value={recon.trialBalanceSheet} placeholder="none" onChange={(_e, d) => setRecon({ trialBalanceSheet: d.value })} />
        </Field>
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={r.reconcile} disabled={busy}>Reconcile</Button>
      </div>
      {r.summary && <ReconTiles summary={r.summary} onShowRow={r.showReconRow} onExplainRow={r.explainRow} />}

      <Text weight="semibold" className={styles.heading}>Manual G/L lines</Text>
      <Text size={200}>General journal lines to any G/L account, typed on the General Journal sheet.</Text>
      <div className={styles.actions}>
        <Button onClick={r.openGenJournal} disabled={busy}>General Journal sheet</Button>
        <Button onClick={r.validateGenJournal} disabled={busy}>Validate G/L lines</Button>
        <Button onClick={r.postGenJournal} disabled={busy}>Post G/L lines</Button>
      </div>
      <TaskStatus task={r.task} onShowError={showError} />
    </section>
  );
}
