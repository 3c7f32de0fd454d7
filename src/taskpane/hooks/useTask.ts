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
  /** The work polls `isCancelled` (sheet writes between chunks); posting and restore never do. */
  cancellable?: boolean;
}

export interface TaskReporter {
  progress(progress: Progress): void;
  /** True once the user pressed Cancel; work that can stop part-way checks it. */
  isCancelled(): boolean;
}

export interface TaskState {
  busy: boolean;
  progress: Progress | null;
  outcome: Outcome | null;
  /** Runs `work` unless another task is running; its returned outcome (or its error) is shown. */
  run(title: string, work: (reporter: TaskReporter) => Promise<Outcome>): Promise<void>;
  /** Asks the running work to stop at its next check. */
  cancel(): void;
  dismiss(): void;
}

/** A success reached after Cancel means the work stopped part-way: say so instead of claiming it all. */
function afterCancel(outcome: Outcome): Outcome {
  if (outcome.intent !== "success") return outcome;
  return { intent: "warning", title: "Cancelled", detail: "The sheet holds only the rows written before Cancel." };
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
  const cancelled = useRef(false);

  const run = useCallback(async (title: string, work: (reporter: TaskReporter) => Promise<Outcome>) => {
    if (running.current) return;
    running.current = true;
    cancelled.current = false;
    setBusy(true);
    setOutcome(null);
    setProgress(null);
    try {
      const outcome = await work({ progress: setProgress, isCancelled: () => cancelled.current });
      setOutcome(cancelled.current ? afterCancel(outcome) : outcome);
    } catch (error) {
      setOutcome(failureOutcome(title, error));
    } finally {
      running.current = false;
      setBusy(false);
      setProgress(null);
    }
  }, []);

  const cancel = useCallback(() => {
    cancelled.current = true;
  }, []);
  const dismiss = useCallback(() => setOutcome(null), []);
  return { busy, progress, outcome, run, cancel, dismiss };
}
