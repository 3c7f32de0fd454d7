/** Journal: create the Item Journal sheet, Validate it, Post it; errors listed by row and field. */
import { Button, Text, makeStyles } from "@fluentui/react-components";
import type { AppDeps } from "../app/deps";
import { describeJournalError, useJournal } from "./hooks/useJournal";
import { TaskStatus } from "./components/TaskStatus";

const useStyles = makeStyles({
  actions: { display: "flex", gap: "8px", flexWrap: "wrap", margin: "8px 0" },
});

export function JournalScreen(deps: AppDeps) {
  const styles = useStyles();
  const journal = useJournal(deps);
  const busy = journal.task.busy;
  return (
    <section aria-label="Item Journal">
      <Text size={200}>Lines on the Item Journal sheet post together: one error and nothing is posted.</Text>
      <div className={styles.actions}>
        <Button onClick={journal.createSheet} disabled={busy}>
          Create journal sheet
        </Button>
        <Button onClick={journal.validate} disabled={busy}>
          Validate
        </Button>
        <Button appearance="primary" onClick={journal.post} disabled={busy}>
          Post
        </Button>
      </div>
      <TaskStatus task={journal.task} onShowError={journal.showError} describeError={describeJournalError} />
    </section>
  );
}
