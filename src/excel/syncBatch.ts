/**
 * The low-level operations both workbook implementations provide to the SheetWriter. Operations are
 * queued and sent together by `sync()`, as office-js does with a request context; a rejected sync
 * applies nothing, so the writer can shrink the chunk and queue it again. All indexes are 0-based.
 */
import type { CellFill, CellValue, SheetVisibility } from "./port";
import { PAYLOAD_LIMIT_ERROR } from "./port";

export interface FontPatch {
  bold?: boolean;
  size?: number;
}

/** A table as found in the workbook before a rewrite. */
export interface ExistingTable {
  sheet: string;
  headerRow: number;
  firstColumn: number;
  headers: string[];
  bodyRows: number;
  /** Per column: its first data cell holds a formula (a calculated column the user added). */
  formulaColumns: boolean[];
}

export interface SyncBatch {
  /** Syncs sent so far through this batch (including any the preparation needed). */
  readonly syncs: number;
  /**
   * Queues: the sheet exists and is empty (contents, formats, panes), with `visibility`, and no table
   * named `table` remains anywhere in the workbook. May sync once to learn what exists. `outlined`:
   * the sheet is about to be grouped, so old row groups must go too (clearing cells keeps them).
   */
  prepareSheet(sheet: string, table: string, visibility: SheetVisibility, outlined?: boolean): Promise<void>;
  /** The named table as it stands, or null (may sync). */
  inspectTable(table: string): Promise<ExistingTable | null>;
  /** Clears a block's contents, or contents and formats ("all"). */
  clear(sheet: string, row: number, column: number, rowCount: number, columnCount: number, what: "contents" | "all"): void;
  /** Values as typed input (strings already quote-prefixed where they must stay text). */
  setValues(sheet: string, row: number, column: number, values: CellValue[][]): void;
  /** One format for a block of one column. */
  setNumberFormat(sheet: string, row: number, column: number, rowCount: number, format: string): void;
  setFont(sheet: string, row: number, column: number, font: FontPatch): void;
  /** One fill for a block of one column. */
  setFill(sheet: string, row: number, column: number, rowCount: number, fill: CellFill): void;
  setColumnWidth(sheet: string, column: number, points: number): void;
  /** A table over the block whose first row is the header. */
  addTable(sheet: string, table: string, row: number, column: number, rowCount: number, columnCount: number, style: string): void;
  freezePanes(sheet: string, rows: number, columns: number): void;
  /** Moves an existing table's range to the block whose first row is the header (ExcelApi 1.13). */
  resizeTable(sheet: string, table: string, row: number, column: number, rowCount: number, columnCount: number): void;
  /** Groups whole rows once more (one outline level deeper), as Excel's Group does. */
  groupRows(sheet: string, row: number, rowCount: number): void;
  setIndent(sheet: string, row: number, column: number, rowCount: number, indent: number): void;
  /** In-cell drop-down list validation on a block of one column. */
  setValidationList(sheet: string, row: number, column: number, rowCount: number, list: readonly string[]): void;
  /** Sends the queue; throws an error named/coded RequestPayloadSizeLimitExceeded when it is too large. */
  sync(): Promise<void>;
}

/** Excel's fill colours for the add-in's fills: light red for errors, light grey for computed columns. */
export const FILL_COLOR: Record<Exclude<CellFill, null>, string> = { error: "#FFC7CE", computed: "#F2F2F2" };

/** Excel's limits: 8 outline levels; indent levels shown up to 15. */
export const MAX_OUTLINE_LEVEL = 8;
export const MAX_INDENT = 15;

export const TABLE_STYLE = { output: "TableStyleLight9", input: "TableStyleMedium2" } as const;

/** The error Excel on the web raises (RichApi.Error with code RequestPayloadSizeLimitExceeded). */
export class PayloadLimitError extends Error {
  readonly code = PAYLOAD_LIMIT_ERROR;
  constructor(bytes: number, limit: number) {
    super(`The request payload (${bytes} bytes) exceeds the limit of ${limit} bytes.`);
    this.name = PAYLOAD_LIMIT_ERROR;
  }
}

export function isPayloadLimitError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, name } = error as { code?: unknown; name?: unknown };
  return code === PAYLOAD_LIMIT_ERROR || name === PAYLOAD_LIMIT_ERROR;
}
