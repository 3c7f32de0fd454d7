/**
 * Storage of one in-memory worksheet: values in dense row arrays, styles as small integer ids into a
 * shared style table (so formatting a 100,000-row column stores 100,000 small numbers, not objects),
 * formulas and quote prefixes in sparse maps.
 */
import type { CellValue, SheetVisibility } from "./port";

export interface CellStyle {
  numberFormat: string;
  /** Fill colour "#RRGGBB", or null for none. */
  fill: string | null;
  bold: boolean;
  fontSize: number;
  indent: number;
  /** Text entered with a leading apostrophe (Excel keeps this flag in the cell format, as here). */
  quotePrefix: boolean;
  /** Drop-down validation list, or null (kept with the style since it too is set per block of cells). */
  validationList: string[] | null;
}

export const DEFAULT_STYLE: CellStyle = {
  numberFormat: "General", fill: null, bold: false, fontSize: 11, indent: 0, quotePrefix: false, validationList: null,
};

/** Interned styles shared by every sheet of a workbook; id 0 is the default style. */
export class StyleTable {
  private readonly styles: CellStyle[] = [DEFAULT_STYLE];
  private readonly ids = new Map<string, number>([[JSON.stringify(DEFAULT_STYLE), 0]]);
  private readonly quoted = [this.patcher({ quotePrefix: false }), this.patcher({ quotePrefix: true })];

  get(id: number): CellStyle {
    return this.styles[id] ?? DEFAULT_STYLE;
  }

  intern(style: CellStyle): number {
    const key = JSON.stringify(style);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.styles.length;
      this.styles.push(style);
      this.ids.set(key, id);
    }
    return id;
  }

  /** The style id with the quote-prefix flag set or cleared (memoised for the table's lifetime). */
  withQuotePrefix(id: number, on: boolean): number {
    return this.quoted[on ? 1 : 0](id);
  }

  /** A function mapping old style ids to patched ones, memoised for one range operation. */
  patcher(patch: Partial<CellStyle>): (id: number) => number {
    const memo = new Map<number, number>();
    return (id) => {
      let patched = memo.get(id);
      if (patched === undefined) {
        patched = this.intern({ ...this.get(id), ...patch });
        memo.set(id, patched);
      }
      return patched;
    };
  }
}

/** The error value a blocked dynamic-array formula shows. */
export const SPILL_ERROR = "#SPILL!";

/** Excel has 16,384 columns, so row × 16,384 + column is a unique numeric cell key. */
const COLUMNS = 16_384;
const key = (row: number, column: number): number => row * COLUMNS + column;

export class MemorySheet {
  visibility: SheetVisibility = "visible";
  frozenRows = 0;
  frozenColumns = 0;
  readonly columnWidths = new Map<number, number>();
  readonly outlineLevels = new Map<number, number>();
  private readonly values: (CellValue[] | undefined)[] = [];
  private readonly styleIds: (number[] | undefined)[] = [];
  private readonly formulas = new Map<number, string>();
  /** Dynamic-array results: spill size per anchor cell, and the anchor of every other spilled cell. */
  private readonly spills = new Map<number, { rows: number; columns: number }>();
  private readonly spillAnchors = new Map<number, number>();
  private columnCount = 0;

  constructor(
    public name: string,
    private readonly styles: StyleTable,
  ) {}

  value(row: number, column: number): CellValue {
    return this.values[row]?.[column] ?? null;
  }

  styleId(row: number, column: number): number {
    return this.styleIds[row]?.[column] ?? 0;
  }

  formula(row: number, column: number): string | null {
    return this.formulas.get(key(row, column)) ?? null;
  }

  setCell(row: number, column: number, value: CellValue, formula: string | null, quotePrefix: boolean): void {
    if (this.spills.size > 0) this.releaseSpill(key(row, column));
    const cells = (this.values[row] ??= []);
    cells[column] = value;
    this.columnCount = Math.max(this.columnCount, column + 1);
    if (formula !== null) this.formulas.set(key(row, column), formula);
    else if (this.formulas.size > 0) this.formulas.delete(key(row, column));
    const ids = this.styleIds[row];
    const id = ids?.[column] ?? 0;
    if (quotePrefix !== this.styles.get(id).quotePrefix) (this.styleIds[row] ??= [])[column] = this.styles.withQuotePrefix(id, quotePrefix);
  }

  /**
   * Stores a formula's computed result. An array spills right and down from the formula's cell; if any
   * cell it needs holds something else, the formula shows #SPILL! instead, as in Excel.
   */
  setResult(row: number, column: number, result: CellValue | CellValue[][]): void {
    const anchor = key(row, column);
    this.clearSpill(anchor);
    const values = Array.isArray(result) ? result : [[result]];
    const rows = values.length;
    const columns = Math.max(0, ...values.map((line) => line.length));
    if (rows === 0 || columns === 0) return this.put(row, column, null);
    if (rows === 1 && columns === 1) return this.put(row, column, values[0][0] ?? null);
    const blocked = values.some((line, r) =>
      Array.from({ length: columns }, (_, c) => r + c > 0 && (this.value(row + r, column + c) !== null || this.formula(row + r, column + c) !== null)).some(Boolean),
    );
    if (blocked) return this.put(row, column, SPILL_ERROR);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        this.put(row + r, column + c, values[r][c] ?? null);
        if (r + c > 0) this.spillAnchors.set(key(row + r, column + c), anchor);
      }
    }
    this.spills.set(anchor, { rows, columns });
  }

  /** The anchor (formula cell) of a spilled cell, the cell itself for an anchor, else null. */
  spillAnchor(row: number, column: number): { row: number; column: number } | null {
    const at = key(row, column);
    const anchor = this.spills.has(at) ? at : this.spillAnchors.get(at);
    return anchor === undefined ? null : { row: Math.floor(anchor / COLUMNS), column: anchor % COLUMNS };
  }

  private put(row: number, column: number, value: CellValue): void {
    (this.values[row] ??= [])[column] = value;
    this.columnCount = Math.max(this.columnCount, column + 1);
  }

  private clearSpill(anchor: number): void {
    const spill = this.spills.get(anchor);
    if (!spill) return;
    this.spills.delete(anchor);
    const [row, column] = [Math.floor(anchor / COLUMNS), anchor % COLUMNS];
    for (let r = 0; r < spill.rows; r++) {
      for (let c = r === 0 ? 1 : 0; c < spill.columns; c++) {
        this.spillAnchors.delete(key(row + r, column + c));
        this.put(row + r, column + c, null);
      }
    }
  }

  /** Typing over a spill: over its anchor removes the spill; over a spilled cell blocks it (#SPILL!). */
  private releaseSpill(at: number): void {
    const anchor = this.spills.has(at) ? at : this.spillAnchors.get(at);
    if (anchor === undefined) return;
    this.clearSpill(anchor);
    if (anchor !== at) this.put(Math.floor(anchor / COLUMNS), anchor % COLUMNS, SPILL_ERROR);
  }

  restyle(row: number, column: number, rowCount: number, columnCount: number, patch: (id: number) => number): void {
    for (let r = row; r < row + rowCount; r++) {
      const ids = (this.styleIds[r] ??= []);
      for (let c = column; c < column + columnCount; c++) ids[c] = patch(ids[c] ?? 0);
    }
    this.columnCount = Math.max(this.columnCount, column + columnCount);
  }

  /** Clears a block: contents (values and formulas), and with `formats` its styles too. */
  clearBlock(row: number, column: number, rowCount: number, columnCount: number, formats: boolean): void {
    for (let r = row; r < row + rowCount; r++) {
      for (let c = column; c < column + columnCount; c++) {
        if (this.value(r, c) !== null || this.formula(r, c) !== null) this.setCell(r, c, null, null, false);
        if (formats && this.styleIds[r]?.[c] !== undefined) this.styleIds[r]![c] = 0;
      }
      // A row left with nothing in it no longer counts toward the used range.
      if ((this.values[r] ?? []).every((value) => value === null || value === undefined)) this.values[r] = undefined;
      if ((this.styleIds[r] ?? []).every((id) => !id)) this.styleIds[r] = undefined;
    }
  }

  /** Excel's Group on rows: each call puts the rows one outline level deeper, at most 8. */
  groupRows(row: number, rowCount: number, maxLevel: number): void {
    for (let r = row; r < row + rowCount; r++) {
      const level = (this.outlineLevels.get(r) ?? 0) + 1;
      if (level > maxLevel) throw new RangeError(`Row ${r + 1} cannot be grouped beyond ${maxLevel} outline levels.`);
      this.outlineLevels.set(r, level);
    }
  }

  /** Contents, formats and panes cleared (the sheet keeps its name, place and visibility). */
  clear(): void {
    this.values.length = 0;
    this.styleIds.length = 0;
    this.formulas.clear();
    this.spills.clear();
    this.spillAnchors.clear();
    this.columnWidths.clear();
    this.outlineLevels.clear();
    this.frozenRows = 0;
    this.frozenColumns = 0;
    this.columnCount = 0;
  }

  /** Rows and columns from A1 to the last cell holding a value or a format. */
  usedRange(): { rowCount: number; columnCount: number } {
    const rowCount = Math.max(lastIndex(this.values), lastIndex(this.styleIds)) + 1;
    return { rowCount, columnCount: rowCount === 0 ? 0 : this.columnCount };
  }

  formulaCells(): { row: number; column: number; formula: string }[] {
    return [...this.formulas].map(([at, formula]) => ({ row: Math.floor(at / COLUMNS), column: at % COLUMNS, formula }));
  }
}

function lastIndex(rows: readonly unknown[]): number {
  for (let i = rows.length - 1; i >= 0; i--) if (rows[i] !== undefined) return i;
  return -1;
}
