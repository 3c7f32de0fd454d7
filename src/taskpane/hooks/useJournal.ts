/**
 * The Item Journal commands (excel.md §3.2 tblItemJournal): create the sheet, Validate, Post. Post reads
 * the table through the port, posts every line in one transaction (one error: nothing posted, as BC
 * posts a journal), writes Status/Message beside refused rows, and on success removes the posted lines.
 */
import { useCallback } from "react";
import type { AppDeps } from "../../app/deps";
import { RefusedError, type FieldError } from "../../core/errors";
import type { InventoryService } from "../../core/service/inventoryService";
import type { WorkbookPort } from "../../excel/port";
import {
  ITEM_JOURNAL_SHEET,
  ITEM_JOURNAL_TABLE,
  JOURNAL_FIELD_COLUMN,
  createItemJournalSheet,
  readItemJournal,
  removePostedLines,
  writeJournalStatus,
  type JournalRead,
} from "../../excel/sheets/itemJournalSheet";
import { useTask, type Outcome, type TaskState } from "./useTask";

export interface JournalCommands {
  task: TaskState;
  /** Selects the cell of a line's error in the journal table (when the host can select cells). */
  showError?: (error: FieldError) => void;
  createSheet(): void;
  validate(): void;
  post(): void;
}

function refusal(title: string, errors: readonly FieldError[]): Outcome {
  const lines = new Set(errors.map((error) => error.line).filter((line) => line !== undefined));
  const detail = lines.size > 0 ? `${lines.size} line(s) with errors; nothing was posted.` : "Nothing was posted.";
  return { intent: "error", title, detail, errors: [...errors] };
}

/** Reading errors first, then the engine's checks on the lines that could be read. */
async function checkJournal(service: InventoryService, journal: JournalRead): Promise<FieldError[]> {
  const engineErrors = journal.lines.length > 0 ? await service.validateJournal(journal.lines) : [];
  return [...journal.parseErrors, ...engineErrors].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

async function validateSheet(service: InventoryService, workbook: WorkbookPort): Promise<Outcome> {
  const journal = await readItemJournal(workbook);
  const errors = await checkJournal(service, journal);
  await writeJournalStatus(workbook, { errors });
  if (errors.length > 0) return refusal("Journal has errors", errors);
  if (journal.lines.length === 0) return { intent: "warning", title: "The journal is empty" };
  return { intent: "success", title: `${journal.lines.length} line(s) OK`, detail: "Ready to post." };
}

async function postSheet(service: InventoryService, workbook: WorkbookPort, onPosted: () => void): Promise<Outcome> {
  const journal = await readItemJournal(workbook);
  const errors = await checkJournal(service, journal);
  if (errors.length > 0) {
    await writeJournalStatus(workbook, { errors });
    return refusal("Posting refused", errors);
  }
  if (journal.lines.length === 0) return { intent: "warning", title: "The journal is empty" };
  try {
    const summary = await service.postJournal(journal.lines);
    // Mark the lines Posted before removing them: if the removal fails, a second Post skips them.
    await writeJournalStatus(workbook, { errors: [], posted: true });
    await removePostedLines(workbook, journal.lines.map((line) => line.lineNo ?? 0));
    onPosted();
    const range = summary.firstEntryNo === summary.lastEntryNo ? `${summary.firstEntryNo}` : `${summary.firstEntryNo}–${summary.lastEntryNo}`;
    return { intent: "success", title: `Posted ${journal.lines.length} line(s)`, detail: `Item ledger entries ${range}.` };
  } catch (error) {
    // Posting revalidates inside its transaction (costs, stock at posting time); a refusal writes nothing.
    if (!(error instanceof RefusedError)) throw error;
    await writeJournalStatus(workbook, { errors: error.errors });
    return refusal("Posting refused", error.errors);
  }
}

/** The journal column an error points at: its field's column, else the row's Status. */
function errorColumn(error: FieldError): string {
  const field = error.field as keyof typeof JOURNAL_FIELD_COLUMN | undefined;
  return (field && JOURNAL_FIELD_COLUMN[field]) ?? "Status";
}

/** "Line 2 · Item No.: Item 9999 does not exist" — the journal's own row and column captions. */
export function describeJournalError(error: FieldError): string {
  const column = error.field ? errorColumn(error) : undefined;
  const where = [error.line !== undefined ? `Line ${error.line}` : "", column && !error.message.startsWith(`${column}:`) ? column : ""]
    .filter(Boolean)
    .join(" · ");
  return where ? `${where}: ${error.message}` : error.message;
}

export function useJournal({ service, workbook, onLedgerChanged, selectTableCell }: AppDeps): JournalCommands {
  const task = useTask();
  const { run } = task;

  const createSheet = useCallback(() => {
    void run("Item journal not created", async () => {
      // An existing journal keeps its lines: the command only shows it.
      const existing = await workbook.readTable(ITEM_JOURNAL_TABLE);
      if (!existing) await createItemJournalSheet(workbook);
      await workbook.activate(existing?.sheet ?? ITEM_JOURNAL_SHEET);
      return { intent: "success", title: "Item Journal sheet ready", detail: existing ? "The journal already exists; its lines are kept." : "Fill the rows, then Validate or Post." };
    });
  }, [run, workbook]);

  const validate = useCallback(() => {
    void run("Validation failed", () => validateSheet(service, workbook));
  }, [run, service, workbook]);

  const post = useCallback(() => {
    void run("Posting failed", () => postSheet(service, workbook, () => onLedgerChanged?.()));
  }, [onLedgerChanged, run, service, workbook]);

  const showError = selectTableCell
    ? (error: FieldError) => {
        if (error.line !== undefined) selectTableCell(ITEM_JOURNAL_TABLE, error.line - 1, errorColumn(error));
      }
    : undefined;

  return { task, showError, createSheet, validate, post };
}
