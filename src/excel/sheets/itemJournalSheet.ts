/**
 * The Item Journal input sheet (excel.md §3.2, tblItemJournal): the user fills lines; Validate and Post
 * read them as JournalLines, write Status and Message beside each line with a light-red fill on the
 * offending cell, and a successful post removes the posted lines.
 */
import type { FieldError } from "../../core/errors";
import type { JournalEntryType, JournalLine } from "../../core/journal";
import { isoToSerial, serialToIsoDate } from "../cellValues";
import type { CellMark, CellValue, ColumnSpec, TableData, WorkbookPort, WriteReport } from "../port";
import { ENTRY_TYPE_CAPTION, entryTypeFromCaption } from "./captions";

export const ITEM_JOURNAL_SHEET = "Item Journal";
export const ITEM_JOURNAL_TABLE = "tblItemJournal";

/** Journal line fields shown as columns, in sheet order; undefined = written by the add-in only. */
const JOURNAL_COLUMNS: [header: string, kind: ColumnSpec["kind"], field: keyof JournalLine | undefined][] = [
  ["Line No.", "integer", undefined],
  ["Posting Date", "date", "postingDate"],
  ["Entry Type", "text", "entryType"],
  ["Document No.", "code", "documentNo"],
  ["Item No.", "code", "item"],
  ["Variant Code", "code", "variant"],
  ["Description", "text", undefined],
  ["Location Code", "code", "location"],
  ["New Location Code", "code", "newLocation"],
  ["Quantity", "quantity", "quantity"],
  ["Unit of Measure Code", "code", "unitOfMeasure"],
  ["Unit Amount", "unitCost", "unitAmount"],
  ["Unit Cost", "unitCost", "unitCost"],
  ["Amount", "amount", undefined],
  ["Applies-to Entry", "integer", "appliesToEntry"],
  ["Applies-from Entry", "integer", "appliesFromEntry"],
  ["Lot No.", "code", "lotNo"],
  ["Serial No.", "code", "serialNo"],
  ["Expiration Date", "date", "expirationDate"],
  ["Reason Code", "code", undefined],
  ["External Document No.", "code", undefined],
  ["Status", "text", undefined],
  ["Message", "message", undefined],
];

/** Columns the add-in writes (grey in the input table). Reason Code and External Document No. are the user's. */
const COMPUTED = new Set(["Line No.", "Description", "Amount", "Status", "Message"]);

export const ITEM_JOURNAL_COLUMNS: ColumnSpec[] = JOURNAL_COLUMNS.map(([header, kind]) => ({
  header,
  kind,
  ...(COMPUTED.has(header) && { computed: true }),
}));

/** The column that shows a JournalLine field, for placing the engine's field errors. */
export const JOURNAL_FIELD_COLUMN: Partial<Record<keyof JournalLine, string>> = Object.fromEntries(
  JOURNAL_COLUMNS.filter(([, , field]) => field !== undefined).map(([header, , field]) => [field, header]),
);

const REQUIRED: (keyof JournalLine)[] = ["postingDate", "entryType", "item", "location", "quantity"];
const JOURNAL_TYPES: readonly JournalEntryType[] = ["Purchase", "Sale", "PositiveAdjmt", "NegativeAdjmt", "Transfer"];

export interface JournalSheetOptions {
  stamp?: string;
  /** Drop-down lists (excel.md §3.2: Entry Type always; Location and Unit of Measure when given). */
  locations?: readonly string[];
  unitsOfMeasure?: readonly string[];
  /** Lines to prefill (the demo, or lines kept after a post). */
  lines?: readonly JournalLine[];
}

export function createItemJournalSheet(port: WorkbookPort, options: JournalSheetOptions = {}): Promise<WriteReport> {
  const rows = (options.lines ?? []).map((line, index) => {
    const row = journalLineRow(line);
    row[0] = index + 1; // Line No.: the table row, as readItemJournal numbers lines
    return row;
  });
  return writeJournalRows(port, rows, options);
}

function journalColumns(options: JournalSheetOptions): ColumnSpec[] {
  const lists: Record<string, readonly string[] | undefined> = {
    "Entry Type": JOURNAL_TYPES.map((type) => ENTRY_TYPE_CAPTION[type]),
    "Location Code": options.locations,
    "New Location Code": options.locations,
    "Unit of Measure Code": options.unitsOfMeasure,
  };
  return ITEM_JOURNAL_COLUMNS.map((column) => {
    const list = lists[column.header];
    return list && list.length > 0 ? { ...column, list: [...list] } : column;
  });
}

function writeJournalRows(port: WorkbookPort, rows: CellValue[][], options: JournalSheetOptions): Promise<WriteReport> {
  return port.writeTable({
    sheet: ITEM_JOURNAL_SHEET,
    table: ITEM_JOURNAL_TABLE,
    title: "Item Journal",
    parameters: "Fill in the lines, then Validate and Post from the task pane.",
    stamp: options.stamp,
    columns: journalColumns(options),
    rows,
    style: "input",
  });
}

/** A JournalLine as a sheet row (BC captions, ISO dates). */
export function journalLineRow(line: JournalLine): CellValue[] {
  return JOURNAL_COLUMNS.map(([, , field]) => {
    if (field === undefined) return null;
    const value = line[field];
    if (field === "entryType") return ENTRY_TYPE_CAPTION[line.entryType];
    return value === undefined ? null : (value as CellValue);
  });
}

export interface JournalRead {
  lines: JournalLine[];
  /** Cells that could not be read; `line` is the 1-based table row, `field` the JournalLine field. */
  parseErrors: FieldError[];
}

/** Reads the journal table. Blank rows are skipped; each line's lineNo is its 1-based table row. */
/** Status of a line that is in the ledger; such lines are skipped by every later read. */
export const POSTED_STATUS = "Posted";

export async function readItemJournal(port: WorkbookPort): Promise<JournalRead> {
  const table = await port.readTable(ITEM_JOURNAL_TABLE);
  if (!table) return { lines: [], parseErrors: [{ message: `The workbook has no ${ITEM_JOURNAL_TABLE} table; create the Item Journal sheet first.` }] };
  const columnOf = headerIndex(table);
  const missing = REQUIRED.filter((field) => columnOf.get(field) === undefined);
  if (missing.length > 0) {
    return { lines: [], parseErrors: missing.map((field) => ({ field, message: `Column ${JOURNAL_FIELD_COLUMN[field]} is missing from ${ITEM_JOURNAL_TABLE}.` })) };
  }
  const read: JournalRead = { lines: [], parseErrors: [] };
  const statusColumn = table.headers.indexOf("Status");
  table.rows.forEach((row, index) => {
    const cells = new Map<keyof JournalLine, CellValue>();
    for (const [field, column] of columnOf) cells.set(field, row[column] ?? null);
    if ([...cells.values()].every(isBlank)) return;
    // A line marked Posted is already in the ledger (its removal from the sheet failed): never post it twice.
    if (statusColumn >= 0 && row[statusColumn] === POSTED_STATUS) return;
    const parsed = parseJournalRow(cells, index + 1);
    if (parsed.errors.length > 0) read.parseErrors.push(...parsed.errors);
    else if (parsed.line) read.lines.push(parsed.line);
  });
  return read;
}

function headerIndex(table: TableData): Map<keyof JournalLine, number> {
  const map = new Map<keyof JournalLine, number>();
  for (const [field, header] of Object.entries(JOURNAL_FIELD_COLUMN) as [keyof JournalLine, string][]) {
    const index = table.headers.indexOf(header);
    if (index >= 0) map.set(field, index);
  }
  return map;
}

const isBlank = (value: CellValue): boolean => value === null || (typeof value === "string" && value.trim() === "");

const INPUT_HEADERS = JOURNAL_COLUMNS.filter(([header]) => !COMPUTED.has(header)).map(([header]) => header);

/** A row the user filled: some input column holds a value (Status and Line No. do not count). */
function isFilled(table: TableData, row: readonly CellValue[]): boolean {
  return INPUT_HEADERS.some((header) => {
    const index = table.headers.indexOf(header);
    return index >= 0 && !isBlank(row[index] ?? null);
  });
}

/** One row's cells → a JournalLine, or the errors naming the row and the column. */
function parseJournalRow(cells: Map<keyof JournalLine, CellValue>, lineNo: number): { line?: JournalLine; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fail = (field: keyof JournalLine, message: string): undefined => {
    errors.push({ line: lineNo, field, message: `${JOURNAL_FIELD_COLUMN[field]}: ${message}` });
    return undefined;
  };
  for (const field of REQUIRED) if (isBlank(cells.get(field) ?? null)) fail(field, "is required.");
  const text = (field: keyof JournalLine): string | undefined => {
    const value = cells.get(field) ?? null;
    return isBlank(value) ? undefined : String(value).trim();
  };
  const number = (field: keyof JournalLine): number | undefined => readNumber(cells.get(field) ?? null, (m) => fail(field, m));
  const date = (field: keyof JournalLine): string | undefined => readDate(cells.get(field) ?? null, (m) => fail(field, m));
  const integer = (field: keyof JournalLine): number | undefined => {
    const value = number(field);
    return value === undefined || Number.isInteger(value) ? value : fail(field, `${value} is not an entry number.`);
  };
  const entryType = (): JournalEntryType | undefined => {
    const caption = text("entryType");
    return caption === undefined ? undefined : journalEntryType(caption, (m) => fail("entryType", m));
  };
  const line: Partial<JournalLine> = {
    lineNo,
    postingDate: date("postingDate"),
    entryType: entryType(),
    documentNo: text("documentNo"),
    item: text("item"),
    variant: text("variant"),
    location: text("location"),
    newLocation: text("newLocation"),
    quantity: number("quantity"),
    unitOfMeasure: text("unitOfMeasure"),
    unitAmount: number("unitAmount"),
    unitCost: number("unitCost"),
    appliesToEntry: integer("appliesToEntry"),
    appliesFromEntry: integer("appliesFromEntry"),
    lotNo: text("lotNo"),
    serialNo: text("serialNo"),
    expirationDate: date("expirationDate"),
  };
  if (errors.length > 0) return { errors };
  return { line: withoutUndefined(line) as JournalLine, errors };
}

function journalEntryType(text: string, fail: (message: string) => undefined): JournalEntryType | undefined {
  const type = entryTypeFromCaption(text);
  if (type && (JOURNAL_TYPES as readonly string[]).includes(type)) return type as JournalEntryType;
  return fail(`'${text}' is not one of ${JOURNAL_TYPES.map((t) => ENTRY_TYPE_CAPTION[t]).join(", ")}.`);
}

/** Numbers arrive as numbers, or as text when the user typed into a text cell ("12.5", "1,200.00"). */
function readNumber(value: CellValue, fail: (message: string) => undefined): number | undefined {
  if (isBlank(value)) return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? value : fail("is not a number.");
  const text = String(value).trim().replace(/,/g, "");
  if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return Number(text);
  return fail(`'${String(value)}' is not a number.`);
}

/** Dates arrive as Excel serials, or as ISO text typed into a text cell. */
function readDate(value: CellValue, fail: (message: string) => undefined): string | undefined {
  if (isBlank(value)) return undefined;
  if (typeof value === "number" && Number.isFinite(value) && value >= 1) return serialToIsoDate(value);
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) && isoToSerial(value) !== null) return value.trim();
  return fail(`'${String(value)}' is not a date (use yyyy-mm-dd).`);
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export interface JournalStatusResult {
  /** Parse errors and the engine's refusals; `line` is the 1-based table row. */
  errors: readonly FieldError[];
  /** True after a successful post (Status "Posted"); otherwise lines without errors get "OK". */
  posted?: boolean;
  /** The add-in's Description and Amount per 1-based line, when Validate computed them. */
  computed?: ReadonlyMap<number, { description?: string; amount?: number }>;
}

/** Status and Message beside each filled line, and a light-red fill on each offending cell (the previous fills cleared). */
export async function writeJournalStatus(port: WorkbookPort, result: JournalStatusResult): Promise<void> {
  const table = await port.readTable(ITEM_JOURNAL_TABLE);
  if (!table) throw new Error(`The workbook has no ${ITEM_JOURNAL_TABLE} table.`);
  const byLine = new Map<number, FieldError[]>();
  for (const error of result.errors) if (error.line !== undefined) byLine.set(error.line, [...(byLine.get(error.line) ?? []), error]);
  const filled = table.rows.map((row) => isFilled(table, row));
  const status = table.rows.map((_, index): CellValue[] => {
    const errors = byLine.get(index + 1) ?? [];
    if (errors.length > 0) return [index + 1, "Error", errors[0].message + (errors.length > 1 ? ` (+${errors.length - 1} more)` : "")];
    return filled[index] ? [index + 1, result.posted ? POSTED_STATUS : "OK", null] : [null, null, null];
  });
  await port.updateTableColumns(ITEM_JOURNAL_TABLE, ["Line No.", "Status", "Message"], status);
  if (result.computed) {
    const computed = result.computed;
    const derived = table.rows.map((_, index): CellValue[] => {
      const line = computed.get(index + 1);
      return [line?.description ?? null, line?.amount ?? null];
    });
    await port.updateTableColumns(ITEM_JOURNAL_TABLE, ["Description", "Amount"], derived);
  }
  // Columns the user deleted from the table are skipped, not an error.
  const present = new Set(table.headers);
  const marks: CellMark[] = INPUT_HEADERS.filter((column) => present.has(column)).map((column) => ({ row: "all", column, fill: null }));
  for (const error of result.errors) {
    const column = error.field && JOURNAL_FIELD_COLUMN[error.field as keyof JournalLine];
    if (error.line !== undefined && column && present.has(column) && error.line <= table.rows.length) {
      marks.push({ row: error.line - 1, column, fill: "error" });
    }
  }
  await port.markCells(ITEM_JOURNAL_TABLE, marks);
}

/** After a successful post: the posted lines (1-based table rows) leave the table; other filled lines stay. */
export async function removePostedLines(
  port: WorkbookPort,
  postedLines: readonly number[],
  options: Omit<JournalSheetOptions, "lines"> = {},
): Promise<WriteReport> {
  const table = await port.readTable(ITEM_JOURNAL_TABLE);
  if (!table) throw new Error(`The workbook has no ${ITEM_JOURNAL_TABLE} table.`);
  const posted = new Set(postedLines);
  const kept = table.rows
    .filter((row, index) => !posted.has(index + 1) && isFilled(table, row))
    .map((row, index) =>
      // Line No. follows the row again, as readItemJournal numbers lines by their row.
      ITEM_JOURNAL_COLUMNS.map((column) => (column.header === "Line No." ? index + 1 : (row[table.headers.indexOf(column.header)] ?? null))),
    );
  return writeJournalRows(port, kept, options);
}
