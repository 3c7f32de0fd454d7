/** What the workbench grid draws: a read-only view of one sheet, cell by cell (0-based). */

export interface GridCell {
  /** What the cell shows (computed value, formatted). */
  display: string;
  /** What the user typed (a formula keeps its "=" text); shown in the formula bar. */
  input: string;
  bold?: boolean;
  /** Font size in points (banner titles are 14 pt). */
  fontSize?: number;
  /** CSS colours: fills (errors, grey computed columns, table headers) and text ([Red] formats). */
  background?: string;
  color?: string;
  align?: "left" | "right" | "center";
  /** Excel's indent level (Format Cells ▸ Indent); the trace sheet indents its Trace Line by level. */
  indent?: number;
  /** Text that may run on into the empty cells to its right, as in Excel. */
  overflow?: boolean;
}

export interface GridSheet {
  name: string;
  rowCount: number;
  colCount: number;
  /** Frozen panes: rows at the top and columns at the left that stay in view while scrolling. */
  frozenRows: number;
  frozenColumns: number;
  cell(row: number, col: number): GridCell | undefined;
  /** Column width in pixels. */
  colWidth(col: number): number;
  /** Outline level per grouped row (summary rows above their detail); absent or empty = no outline. */
  outline?: ReadonlyMap<number, number>;
}

/** Excel column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "B3" → { row: 2, col: 1 }; null when the text is not a single A1 address. */
export function parseAddress(address: string): { row: number; col: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!match) return null;
  let col = 0;
  for (const letter of match[1].toUpperCase()) col = col * 26 + (letter.charCodeAt(0) - 64);
  const row = Number(match[2]);
  return row >= 1 ? { row: row - 1, col: col - 1 } : null;
}

export function addressOf(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}
