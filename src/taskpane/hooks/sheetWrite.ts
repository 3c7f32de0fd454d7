/**
 * The pane's side of a sheet write (excel.md §4.2): rows written feed the task's ProgressBar, and the
 * task's Cancel is polled by the writer between chunks, so a cancelled write stops after the current chunk.
 */
import type { WriteOptions, WriteProgress } from "../../excel/port";
import type { TaskReporter } from "./useTask";

export function sheetWriteOptions(reporter: TaskReporter, label = "Writing rows"): Pick<WriteOptions, "onProgress" | "isCancelled"> {
  return {
    onProgress: (progress: WriteProgress) => reporter.progress({ done: progress.rowsWritten, total: progress.rowsTotal, label, cancellable: true }),
    isCancelled: reporter.isCancelled,
  };
}
