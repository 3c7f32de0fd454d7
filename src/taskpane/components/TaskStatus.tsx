/** Progress and outcome of the pane's current command: a ProgressBar while busy, then a MessageBar. */
import {
  Button,
  Link,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  makeStyles,
} from "@fluentui/react-components";
import { describeFieldError, type FieldError } from "../../core/errors";
import type { TaskState } from "../hooks/useTask";

const useStyles = makeStyles({
  errors: { margin: "4px 0 0 0", paddingLeft: "16px" },
  status: { display: "flex", flexDirection: "column", gap: "8px", marginTop: "12px" },
});

export interface TaskStatusProps {
  task: TaskState;
  /** When given, errors on a line become links that select the offending cell. */
  onShowError?: (error: FieldError) => void;
}

function ErrorItem({ error, onShowError }: { error: FieldError; onShowError?: (error: FieldError) => void }) {
  const text = describeFieldError(error);
  if (!onShowError || error.line === undefined) return <li>{text}</li>;
  return (
    <li>
      <Link as="button" inline onClick={() => onShowError(error)}>
        {text}
      </Link>
    </li>
  );
}

export function TaskStatus({ task, onShowError }: TaskStatusProps) {
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
                  <ErrorItem key={index} error={error} onShowError={onShowError} />
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
