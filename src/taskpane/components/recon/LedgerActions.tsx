/**
 * The Ledgers screen's cost commands (excel.md §4.1): Run Adjust Cost (writes the Cost Adjustment Log
 * and names the items and amounts changed), Post Inventory Cost to G/L (when automatic cost posting is
 * off) and Explain selected cell (the active cell's INV formula drilled down on the Explain sheet).
 */
import { Button, Text, makeStyles } from "@fluentui/react-components";
import type { AppDeps } from "../../../app/deps";
import { useLedgerActions } from "../../hooks/useLedgerActions";
import { TaskStatus } from "../TaskStatus";

const useStyles = makeStyles({
  actions: { display: "flex", gap: "8px", flexWrap: "wrap", margin: "8px 0" },
  block: { display: "block", marginTop: "12px" },
});

export function LedgerActions(deps: AppDeps) {
  const styles = useStyles();
  const actions = useLedgerActions(deps);
  const busy = actions.task.busy;
  return (
    <div aria-label="Cost commands">
      <Text size={200} className={styles.block}>Cost adjustment, G/L posting and drill-down.</Text>
      <div className={styles.actions}>
        <Button onClick={actions.adjustCost} disabled={busy}>Run Adjust Cost</Button>
        <Button onClick={actions.postToGL} disabled={busy}>Post Inventory Cost to G/L</Button>
        <Button onClick={actions.explain} disabled={busy}>Explain selected cell</Button>
      </div>
      <TaskStatus task={actions.task} />
    </div>
  );
}
