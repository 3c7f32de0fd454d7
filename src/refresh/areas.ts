/**
 * Cell addresses → rectangular areas per sheet, and areas → calls of at most N cells (excel.md §2.2:
 * "merged into areas, per sheet, 5,000 cells per call"). Pure: no Excel here.
 */

export interface CellRef {
  sheet: string;
  /** 0-based worksheet row and column. */
  row: number;
  column: number;
}

export interface Area {
  sheet: string;
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

export interface CalculationCall {
  sheet: string;
  /** A1 areas without the sheet ("B2:D40"). */
  areas: string[];
  cells: number;
}

export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

/** "Sheet1!B7", "'My sheet'!$B$7" or "'It''s'!B7:C9" (the top-left cell is taken) → a CellRef; null when unreadable. */
export function parseCellAddress(address: string): CellRef | null {
  const match = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Za-z]{1,3})\$?(\d+)/.exec(address);
  if (!match) return null;
  const sheet = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2];
  return { sheet, row: Number(match[4]) - 1, column: columnIndex(match[3]) };
}

export function areaAddress(area: Area): string {
  const first = `${columnLetters(area.column)}${area.row + 1}`;
  if (area.rowCount === 1 && area.columnCount === 1) return first;
  return `${first}:${columnLetters(area.column + area.columnCount - 1)}${area.row + area.rowCount}`;
}

/** Vertical runs per column, then runs with the same rows in adjacent columns joined into rectangles. */
export function mergeAreas(cells: readonly CellRef[]): Area[] {
  const bySheet = new Map<string, Map<number, number[]>>();
  for (const cell of cells) {
    const columns = bySheet.get(cell.sheet) ?? new Map<number, number[]>();
    bySheet.set(cell.sheet, columns);
    const rows = columns.get(cell.column);
    if (rows) rows.push(cell.row);
    else columns.set(cell.column, [cell.row]);
  }
  const areas: Area[] = [];
  for (const [sheet, columns] of bySheet) {
    const open = new Map<string, Area>();
    for (const column of [...columns.keys()].sort((a, b) => a - b)) {
      for (const [row, rowCount] of runsOf(columns.get(column) ?? [])) {
        const key = `${row}:${rowCount}`;
        const previous = open.get(key);
        if (previous && previous.column + previous.columnCount === column) previous.columnCount += 1;
        else {
          const area = { sheet, row, column, rowCount, columnCount: 1 };
          open.set(key, area);
          areas.push(area);
        }
      }
    }
  }
  return areas;
}

function runsOf(rows: number[]): [number, number][] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const row of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === row) last[1] += 1;
    else runs.push([row, 1]);
  }
  return runs;
}

/** Areas grouped into calls of at most `maxCells` cells, one sheet per call; a larger area is cut by rows. */
export function calculationCalls(areas: readonly Area[], maxCells: number): CalculationCall[] {
  const calls: CalculationCall[] = [];
  let current: CalculationCall | null = null;
  for (const area of areas.flatMap((whole) => cutArea(whole, maxCells))) {
    const size = area.rowCount * area.columnCount;
    if (!current || current.sheet !== area.sheet || current.cells + size > maxCells) {
      current = { sheet: area.sheet, areas: [], cells: 0 };
      calls.push(current);
    }
    current.areas.push(areaAddress(area));
    current.cells += size;
  }
  return calls;
}

function cutArea(area: Area, maxCells: number): Area[] {
  if (area.rowCount * area.columnCount <= maxCells) return [area];
  // A row wider than the slice still goes alone: Excel's limit is per request, not per row.
  const rowsPerPiece = Math.max(1, Math.floor(maxCells / area.columnCount));
  const pieces: Area[] = [];
  for (let row = 0; row < area.rowCount; row += rowsPerPiece)
    pieces.push({ ...area, row: area.row + row, rowCount: Math.min(rowsPerPiece, area.rowCount - row) });
  return pieces;
}
