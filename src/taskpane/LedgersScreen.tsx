/** Ledgers: write the item ledger entries and the value entries to their sheets. */
import { Button, Text, makeStyles } from "@fluentui/react-components";
import type { AppDeps } from "../app/deps";
import { useLedgers } from "./hooks/useLedgers";
import { TaskStatus } from "./components/TaskStatus";
import { LedgerActions } from "./components/recon/LedgerActions";

const useStyles = makeStyles({
  actions: { display: "flex", gap: "8px", flexWrap: "wrap", margin: "8px 0" },
});

export function LedgersScreen(deps: AppDeps) {
  const styles = useStyles();
  const ledgers = useLedgers(deps);
  return (
    <section aria-label="Ledgers">
      <Text size={200}>Write the posted entries to a sheet for filtering, pivots and audit.</Text>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={ledgers.writeItemLedger} disabled={ledgers.task.busy}>
          Write item ledger entries
        </Button>
        <Button onClick={ledgers.writeValueEntries} disabled={ledgers.task.busy}>
          Write value entries
        </Button>
      </div>
      <TaskStatus task={ledgers.task} />
      <LedgerActions {...deps} />
    </section>
  );
}
