/**
 * General Journal input sheet (tblGenJournal): manual G/L lines typed in Excel, like the Item Journal —
 * Validate and Post from the pane, Status and Message beside each line, a light-red fill on the
 * offending cell; a successful post clears the posted lines. (excel.md lists no G/L sheet; an input
 * table is the Excel-native way to enter the DEMO's GJ-0001, see the H3 report.)
 */
import type { FieldError } from "../../core/errors";
import type { GenJournalLine } from "../../core/gl/generalJournal";
import { isoToSerial, serialToIsoDate } from "../cellValues";
import type { CellMark, CellValue, ColumnSpec, WorkbookPort, WriteReport } from "../port";

export const GEN_JOURNAL_SHEET = "General Journal";
export const GEN_JOURNAL_TABLE = "tblGenJournal";

type Field = keyof GenJournalLine;

const COLUMNS: [header: string, kind: ColumnSpec["kind"], field: Field | undefined][] = [
  ["Line No.", "integer", undefined],
  ["Posting Date", "date", "postingDate"],
  ["Document No.", "code", "documentNo"],
  ["Account No.", "code", "accountNo"],
  ["Description", "text", "description"],
  ["Amount", "amount", "amount"],
  ["Bal. Account No.", "code", "balAccountNo"],
  ["Status", "text", undefined],
  ["Message", "message", undefined],
];

const COMPUTED = new Set(["Line No.", "Status", "Message"]);

export const GEN_JOURNAL_COLUMNS: ColumnSpec[] = COLUMNS.map(([header, kind]) => ({ header, kind, ...(COMPUTED.has(header) && { computed: true }) }));

/** The column showing each line field, for placing the engine's field errors. */
export const GEN_JOURNAL_FIELD_COLUMN: Partial<Record<Field, string>> = Object.fromEntries(
  COLUMNS.filter(([, , field]) => field !== undefined).map(([header, , field]) => [field, header]),
);

const INPUT_HEADERS = COLUMNS.filter(([header]) => !COMPUTED.has(header)).map(([header]) => header);

export function genJournalRow(line: Partial<GenJournalLine>): CellValue[] {
  return COLUMNS.map(([, , field]) => (field === undefined ? null : ((line[field] ?? null) as CellValue)));
}

export function createGenJournalSheet(port: WorkbookPort, lines: readonly Partial<GenJournalLine>[] = [], stamp?: string): Promise<WriteReport> {
  const rows = lines.map((line, index) => {
    const row = genJournalRow(line);
    row[0] = index + 1;
    return row;
  });
  return port.writeTable({
    sheet: GEN_JOURNAL_SHEET, table: GEN_JOURNAL_TABLE, title: "General Journal",
    parameters: "Manual G/L lines: Amount debit positive; without Bal. Account No. each document must balance. Validate and Post from the task pane.",
    stamp, columns: GEN_JOURNAL_COLUMNS, rows, style: "input",
  });
}

export interface GenJournalRead {
  /** Each line with its 1-based table row. */
  lines: { row: number; line: GenJournalLine }[];
  parseErrors: FieldError[];
}

const isBlank = (value: CellValue): boolean => value === null || (typeof value === "string" && value.trim() === "");

function parseDate(value: CellValue): string | null {
  if (typeof value === "number" && Number.isFinite(value) && value >= 1) return serialToIsoDate(value);
  if (typeof value === "string" && isoToSerial(value.trim()) !== null && /^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return value.trim();
  return null;
}

function parseAmount(value: CellValue): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  const text = String(value).trim().replace(/,/g, "");
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : null;
}

/** Reads the filled rows; cells that are not a date or an amount are errors naming row and column. */
export async function readGenJournal(port: WorkbookPort): Promise<GenJournalRead> {
  const table = await port.readTable(GEN_JOURNAL_TABLE);
  if (!table) return { lines: [], parseErrors: [{ message: `The workbook has no ${GEN_JOURNAL_TABLE} table; create the General Journal sheet first.` }] };
  const cell = (row: readonly CellValue[], header: string): CellValue => {
    const index = table.headers.indexOf(header);
    return index < 0 ? null : (row[index] ?? null);
  };
  const read: GenJournalRead = { lines: [], parseErrors: [] };
  table.rows.forEach((row, index) => {
    if (INPUT_HEADERS.every((header) => isBlank(cell(row, header)))) return;
    const lineNo = index + 1;
    const text = (header: string) => (isBlank(cell(row, header)) ? "" : String(cell(row, header)).trim());
    const date = isBlank(cell(row, "Posting Date")) ? "" : parseDate(cell(row, "Posting Date"));
    const amount = isBlank(cell(row, "Amount")) ? 0 : parseAmount(cell(row, "Amount"));
    if (date === null) read.parseErrors.push({ line: lineNo, field: "postingDate", message: `'${String(cell(row, "Posting Date"))}' is not a date (use yyyy-mm-dd)` });
    if (amount === null) read.parseErrors.push({ line: lineNo, field: "amount", message: `'${String(cell(row, "Amount"))}' is not an amount` });
    if (date === null || amount === null) return;
    const balAccountNo = text("Bal. Account No.");
    const description = text("Description");
    read.lines.push({
      row: lineNo,
      line: { postingDate: date, documentNo: text("Document No."), accountNo: text("Account No."), amount, ...(balAccountNo && { balAccountNo }), ...(description && { description }) },
    });
  });
  return read;
}

/** Status and Message per filled row, fills on the offending cells (earlier fills cleared). */
export async function writeGenJournalStatus(port: WorkbookPort, errors: readonly FieldError[]): Promise<void> {
  const table = await port.readTable(GEN_JOURNAL_TABLE);
  if (!table) throw new Error(`The workbook has no ${GEN_JOURNAL_TABLE} table.`);
  const byRow = new Map<number, FieldError[]>();
  for (const error of errors) if (error.line !== undefined) byRow.set(error.line, [...(byRow.get(error.line) ?? []), error]);
  const filled = (row: readonly CellValue[]) => INPUT_HEADERS.some((header) => !isBlank(row[table.headers.indexOf(header)] ?? null));
  const status = table.rows.map((row, index): CellValue[] => {
    const found = byRow.get(index + 1) ?? [];
    if (found.length > 0) return [index + 1, "Error", found[0].message + (found.length > 1 ? ` (+${found.length - 1} more)` : "")];
    return filled(row) ? [index + 1, "OK", null] : [null, null, null];
  });
  await port.updateTableColumns(GEN_JOURNAL_TABLE, ["Line No.", "Status", "Message"], status);
  const marks: CellMark[] = INPUT_HEADERS.map((column) => ({ row: "all", column, fill: null }));
  for (const error of errors) {
    const column = error.field && GEN_JOURNAL_FIELD_COLUMN[error.field as Field];
    if (error.line !== undefined && column && error.line <= table.rows.length) marks.push({ row: error.line - 1, column, fill: "error" });
  }
  await port.markCells(GEN_JOURNAL_TABLE, marks);
}

/** Engine errors are numbered by line within the posted list: map them back to table rows. */
export function toTableRows(errors: readonly FieldError[], read: GenJournalRead): FieldError[] {
  return errors.map((error) => (error.line === undefined ? error : { ...error, line: read.lines[error.line - 1]?.row ?? error.line }));
}
