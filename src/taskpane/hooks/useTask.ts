/**
 * Runs one pane command at a time and keeps what the user should see about it: whether it is busy,
 * how far it got (for a determinate ProgressBar) and the outcome as a MessageBar. Errors are shown,
 * never thrown into React and never alert()ed (office.js makes alert throw).
 */
import { useCallback, useRef, useState } from "react";
import { RefusedError, describeFieldError, type FieldError } from "../../core/errors";

export type Outcome =
  | { intent: "success"; title: string; detail?: string }
  | { intent: "warning" | "error"; title: string; detail?: string; errors?: FieldError[] };

export interface Progress {
  done: number;
  total: number;
  label: string;
}

export interface TaskReporter {
  progress(progress: Progress): void;
}

export interface TaskState {
  busy: boolean;
  progress: Progress | null;
  outcome: Outcome | null;
  /** Runs `work` unless another task is running; its returned outcome (or its error) is shown. */
  run(title: string, work: (reporter: TaskReporter) => Promise<Outcome>): Promise<void>;
  dismiss(): void;
}

/** The outcome shown for a failed command: a refusal lists its errors, anything else its message. */
export function failureOutcome(title: string, error: unknown): Outcome {
  if (error instanceof RefusedError) {
    return { intent: "error", title, detail: `${error.errors.length} error(s); nothing was written.`, errors: error.errors };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { intent: "error", title, detail: message };
}

export function errorsText(errors: readonly FieldError[]): string {
  return errors.map(describeFieldError).join("\n");
}

export function useTask(): TaskState {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const running = useRef(false);

  const run = useCallback(async (title: string, work: (reporter: TaskReporter) => Promise<Outcome>) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setOutcome(null);
    setProgress(null);
    try {
      setOutcome(await work({ progress: setProgress }));
    } catch (error) {
      setOutcome(failureOutcome(title, error));
    } finally {
      running.current = false;
      setBusy(false);
      setProgress(null);
    }
  }, []);

  const dismiss = useCallback(() => setOutcome(null), []);
  return { busy, progress, outcome, run, dismiss };
}
