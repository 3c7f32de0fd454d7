/** The Reconciliation screen's two forms: Inventory Valuation and Inventory – G/L Reconciliation parameters. */
import { Button, Checkbox, Dropdown, Field, Input, Option, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ReconGrouping } from "../../../core/gl/reconciliation";
import type { ReconForm, ValuationForm } from "../../hooks/useReconciliation";

const useStyles = makeStyles({
  form: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: "4px 8px", marginTop: "4px" },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap", margin: "8px 0" },
  // Fluent inputs and dropdowns have minimum widths wider than half the 350 px pane.
  control: { minWidth: 0, width: "100%" },
  heading: { display: "block", marginTop: "12px", color: tokens.colorNeutralForeground1 },
});

const GROUPINGS: [ReconGrouping, string][] = [["account", "Account"], ["accountItem", "Account × item"], ["accountLocation", "Account × location"]];

export interface ValuationFieldsProps {
  form: ValuationForm;
  setForm(change: Partial<ValuationForm>): void;
  busy: boolean;
  onWrite(): void;
}

export function ValuationFields({ form, setForm, busy, onWrite }: ValuationFieldsProps) {
  const styles = useStyles();
  return (
    <>
      <Text weight="semibold" className={styles.heading}>Inventory Valuation</Text>
      <div className={styles.form}>
        <Field label="Start date"><Input className={styles.control} value={form.start} placeholder="beginning" onChange={(_e, d) => setForm({ start: d.value })} /></Field>
        <Field label="End date"><Input className={styles.control} value={form.end} placeholder="work date" onChange={(_e, d) => setForm({ end: d.value })} /></Field>
        <Field label="Basis">
          <Dropdown className={styles.control} value={form.basis} selectedOptions={[form.basis]} onOptionSelect={(_e, d) => setForm({ basis: d.optionValue as "posted" | "adjusted" })}>
            <Option value="posted">posted</Option>
            <Option value="adjusted">adjusted</Option>
          </Dropdown>
        </Field>
        <Field label="Valuation location"><Input className={styles.control} value={form.location} placeholder="All" onChange={(_e, d) => setForm({ location: d.value })} /></Field>
        <Checkbox label="Include expected cost" checked={form.includeExpected} onChange={(_e, d) => setForm({ includeExpected: d.checked === true })} />
        <Checkbox label="Per location" checked={form.perLocation} onChange={(_e, d) => setForm({ perLocation: d.checked === true })} />
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onWrite} disabled={busy}>Write valuation</Button>
      </div>

    </>
  );
}

export interface ReconFieldsProps {
  form: ReconForm;
  setForm(change: Partial<ReconForm>): void;
  busy: boolean;
  onReconcile(): void;
}

export function ReconFields({ form, setForm, busy, onReconcile }: ReconFieldsProps) {
  const styles = useStyles();
  const groupingText = GROUPINGS.find(([value]) => value === form.grouping)?.[1] ?? "";
  return (
    <>
      <Text weight="semibold" className={styles.heading}>Inventory – G/L Reconciliation</Text>
      <div className={styles.form}>
        <Field label="As of"><Input className={styles.control} value={form.asOf} placeholder="work date" onChange={(_e, d) => setForm({ asOf: d.value })} /></Field>
        <Field label="Group by">
          <Dropdown className={styles.control} value={groupingText} selectedOptions={[form.grouping]} onOptionSelect={(_e, d) => setForm({ grouping: d.optionValue as ReconGrouping })}>
            {GROUPINGS.map(([value, text]) => <Option key={value} value={value}>{text}</Option>)}
          </Dropdown>
        </Field>
        <Field label="Item filter"><Input className={styles.control} value={form.item} placeholder="All" onChange={(_e, d) => setForm({ item: d.value })} /></Field>
        <Field label="Location filter"><Input className={styles.control} value={form.location} placeholder="All" onChange={(_e, d) => setForm({ location: d.value })} /></Field>
        <Field label="Trial balance sheet" hint="Pasted from your ERP: account, balance">
          <Input className={styles.control} value={form.trialBalanceSheet} placeholder="none" onChange={(_e, d) => setForm({ trialBalanceSheet: d.value })} />
        </Field>
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onReconcile} disabled={busy}>Reconcile</Button>
      </div>
    </>
  );
}
