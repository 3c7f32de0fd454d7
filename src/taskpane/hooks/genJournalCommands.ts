/**
 * The General Journal sheet's commands: create it, Validate (the engine's checks, errors beside the
 * lines) and Post (all lines in one transaction; posted lines leave the sheet).
 */
import { RefusedError } from "../../core/errors";
import type { InventoryService } from "../../core/service/inventoryService";
import type { WorkbookPort } from "../../excel/port";
import {
  createGenJournalSheet,
  GEN_JOURNAL_SHEET,
  readGenJournal,
  toTableRows,
  writeGenJournalStatus,
} from "../../excel/sheets/genJournalSheet";
import type { Outcome } from "./useTask";

export async function openGenJournalSheet(workbook: WorkbookPort): Promise<Outcome> {
  const existing = await workbook.readTable("tblGenJournal");
  if (!existing) await createGenJournalSheet(workbook);
  await workbook.activate(GEN_JOURNAL_SHEET);
  return { intent: "success", title: existing ? "General Journal sheet opened" : "General Journal sheet created", detail: "Fill in the lines, then Validate and Post." };
}

async function checkedLines(service: InventoryService, workbook: WorkbookPort) {
  const read = await readGenJournal(workbook);
  const engine = read.lines.length > 0 && read.parseErrors.length === 0 ? await service.validateGenJournal(read.lines.map((l) => l.line)) : [];
  const errors = [...read.parseErrors, ...toTableRows(engine, read)];
  if (read.lines.length === 0 && errors.length === 0) errors.push({ message: "The General Journal has no lines to post" });
  return { read, errors };
}

export async function validateGenJournalSheet(service: InventoryService, workbook: WorkbookPort): Promise<Outcome> {
  const { read, errors } = await checkedLines(service, workbook);
  if (errors.some((e) => e.line !== undefined) || read.lines.length > 0) await writeGenJournalStatus(workbook, errors);
  if (errors.length > 0) return { intent: "error", title: "General journal has errors", detail: `${errors.length} error(s); nothing was posted.`, errors };
  return { intent: "success", title: `${read.lines.length} line(s) OK`, detail: "Post writes them to the G/L in one transaction." };
}

export async function postGenJournalSheet(service: InventoryService, workbook: WorkbookPort): Promise<Outcome> {
  const { read, errors } = await checkedLines(service, workbook);
  if (errors.length > 0) {
    await writeGenJournalStatus(workbook, errors);
    throw new RefusedError(errors);
  }
  let posting;
  try {
    posting = await service.postGenJournal(read.lines.map((l) => l.line));
  } catch (error) {
    if (error instanceof RefusedError) await writeGenJournalStatus(workbook, toTableRows(error.errors, read));
    throw error;
  }
  // Posted lines leave the sheet; only blank rows were left beside them, so the table starts empty again.
  await createGenJournalSheet(workbook);
  return { intent: "success", title: `Posted ${read.lines.length} line(s): G/L entries ${posting.firstGLEntryNo}–${posting.lastGLEntryNo}` };
}
