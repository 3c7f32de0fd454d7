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
  errors: { margin: "4px 0 0 0", padding: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: "2px" },
  // A button cannot be inline, so each error gets its own line (no bullet to misalign).
  errorLink: { display: "block", textAlign: "left" },
  status: { display: "flex", flexDirection: "column", gap: "8px", marginTop: "12px" },
});

export interface TaskStatusProps {
  task: TaskState;
  /** When given, errors on a line become links that select the offending cell. */
  onShowError?: (error: FieldError) => void;
  /** How an error reads in the list (default: "line 2, field: message"). */
  describeError?: (error: FieldError) => string;
}

interface ErrorItemProps {
  error: FieldError;
  text: string;
  onShowError?: (error: FieldError) => void;
}

function ErrorItem({ error, text, onShowError }: ErrorItemProps) {
  const styles = useStyles();
  if (!onShowError || error.line === undefined) return <li>{text}</li>;
  return (
    <li>
      <Link as="button" inline className={styles.errorLink} onClick={() => onShowError(error)}>
        {text}
      </Link>
    </li>
  );
}

export function TaskStatus({ task, onShowError, describeError = describeFieldError }: TaskStatusProps) {
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
          {progress?.cancellable && (
            <Button size="small" onClick={task.cancel}>
              Cancel
            </Button>
          )}
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
                  <ErrorItem key={index} error={error} text={describeError(error)} onShowError={onShowError} />
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
