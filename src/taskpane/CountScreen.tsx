/** Physical Count: Calculate Inventory into the count sheet, then post the counted differences. */
import { Button, Checkbox, Field, Input, Text, makeStyles } from "@fluentui/react-components";
import type { AppDeps } from "../app/deps";
import { TaskStatus } from "./components/TaskStatus";
import { useCount } from "./hooks/useCount";

const useStyles = makeStyles({
  form: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: "4px 8px" },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap", margin: "8px 0" },
  // Fluent inputs and dropdowns have minimum widths wider than half the 350 px pane.
  control: { minWidth: 0, width: "100%" },
});

export function CountScreen(deps: AppDeps) {
  const styles = useStyles();
  const count = useCount(deps);
  const { form, setForm } = count;
  const busy = count.task.busy;
  return (
    <section aria-label="Physical Count">
      <Text size={200}>Calculate the expected quantities, type the counted ones on the sheet, then post the differences.</Text>
      <div className={styles.form}>
        <Field label="Count date"><Input className={styles.control} value={form.date} placeholder="Work date" onChange={(_e, d) => setForm({ date: d.value })} /></Field>
        <Field label="Location"><Input className={styles.control} value={form.location} placeholder="All" onChange={(_e, d) => setForm({ location: d.value })} /></Field>
        <Field label="Document No."><Input className={styles.control} value={form.documentNo} onChange={(_e, d) => setForm({ documentNo: d.value })} /></Field>
        <Checkbox label="Include zero stock" checked={form.includeZero} onChange={(_e, d) => setForm({ includeZero: d.checked === true })} />
      </div>
      <div className={styles.actions}>
        <Button onClick={count.calculate} disabled={busy}>Calculate inventory</Button>
        <Button appearance="primary" onClick={count.post} disabled={busy}>Post differences</Button>
      </div>
      <TaskStatus task={count.task} />
    </section>
  );
}
