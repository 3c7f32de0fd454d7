/** Progress and outcome of the pane's current command: a ProgressBar while busy, then a MessageBar. */
import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  makeStyles,
} from "@fluentui/react-components";
import { describeFieldError } from "../../core/errors";
import type { TaskState } from "../hooks/useTask";

const useStyles = makeStyles({
  errors: { margin: "4px 0 0 0", paddingLeft: "16px" },
  status: { display: "flex", flexDirection: "column", gap: "8px", marginTop: "12px" },
});

export function TaskStatus({ task }: { task: TaskState }) {
  const styles = useStyles();
  const { progress, outcome } = task;
  return (
    <div className={styles.status} aria-live="polite">
      {task.busy && (
        <Field
          validationMessage={progress ? `${progress.label} ${progress.done.toLocaleString("en-US")} / ${progress.total.toLocaleString("en-US")}` : "Working…"}
          validationState="none"
        >
          <ProgressBar value={progress && progress.total > 0 ? progress.done / progress.total : undefined} />
        </Field>
      )}
      {outcome && (
        <MessageBar intent={outcome.intent} layout="multiline" data-testid="task-outcome">
          <MessageBarBody>
            <MessageBarTitle>{outcome.title}</MessageBarTitle>
            {outcome.detail}
            {"errors" in outcome && outcome.errors && outcome.errors.length > 0 && (
              <ul className={styles.errors} data-testid="error-list">
                {outcome.errors.map((error, index) => (
                  <li key={index}>{describeFieldError(error)}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="transparent" size="small" onClick={task.dismiss}>
              Dismiss
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
