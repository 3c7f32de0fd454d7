/**
 * Row outlines in the workbench grid (excel.md §4.3: 8 outline levels, summary rows above their detail, as
 * the Item Tracing sheet groups its tree). A row is a summary when the row below it is grouped deeper;
 * collapsing it hides the rows below that are deeper than it, up to the next row at its level or above.
 */

/** Outline level per grouped row (absent = 0), as the in-memory workbook stores them. */
export type OutlineLevels = ReadonlyMap<number, number>;

export const levelOf = (levels: OutlineLevels, row: number): number => levels.get(row) ?? 0;

/** True when the row heads a group: the next row is grouped one level deeper or more. */
export function isSummaryRow(levels: OutlineLevels, row: number): boolean {
  return levelOf(levels, row + 1) > levelOf(levels, row);
}

/**
 * Which rows of 0..rowCount-1 are shown, in order, when the summary rows in `collapsed` hide their detail.
 * A collapsed summary inside a hidden group stays collapsed when its parent opens again, as in Excel.
 */
export function visibleRows(rowCount: number, levels: OutlineLevels, collapsed: ReadonlySet<number>): number[] {
  const rows: number[] = [];
  let hideDeeperThan = Number.POSITIVE_INFINITY;
  for (let row = 0; row < rowCount; row++) {
    const level = levelOf(levels, row);
    if (level > hideDeeperThan) continue;
    hideDeeperThan = Number.POSITIVE_INFINITY;
    rows.push(row);
    if (collapsed.has(row) && isSummaryRow(levels, row)) hideDeeperThan = level;
  }
  return rows;
}

/** Maps display positions to sheet rows: the visible rows first, then the empty rows below the sheet. */
export interface RowOrder {
  /** Display positions in use (visible rows plus the padding rows). */
  count: number;
  rowAt(position: number): number;
  positionOf(row: number): number;
}

export function rowOrder(rowCount: number, displayRows: number, levels: OutlineLevels, collapsed: ReadonlySet<number>): RowOrder {
  if (levels.size === 0 || collapsed.size === 0) {
    return { count: displayRows, rowAt: (position) => position, positionOf: (row) => row };
  }
  const shown = visibleRows(rowCount, levels, collapsed);
  const hidden = rowCount - shown.length;
  const positions = new Map(shown.map((row, position) => [row, position]));
  return {
    count: displayRows - hidden,
    rowAt: (position) => (position < shown.length ? shown[position] : rowCount + (position - shown.length)),
    // A hidden row is shown at its summary's place (the nearest visible row above it).
    positionOf: (row) => {
      if (row >= rowCount) return row - hidden;
      for (let r = row; r >= 0; r--) {
        const position = positions.get(r);
        if (position !== undefined) return position;
      }
      return 0;
    },
  };
}
