/**
 * The sheets the workbench opens with: the Item Journal input sheet and an "Analysis" sheet of INV
 * formulas over the DEMO company (excel.md §1.2 examples that the first slice computes).
 */
import type { MemoryWorkbook } from "../excel/memoryWorkbook";
import { createItemJournalSheet } from "../excel/sheets/itemJournalSheet";

export const ANALYSIS_SHEET = "Analysis";

/** [address, typed input]: labels, item numbers and live formulas. */
export const ANALYSIS_CELLS: [string, string][] = [
  ["A1", "INV functions on the DEMO company (work date 2025-02-05)"],
  ["A2", "On hand: at the work date · Jan 31: as of 2025-01-31 · MAIN: Jan 31 at MAIN · Cost: unit cost Jan 31"],
  ["A3", "Item"],
  ["B3", "On hand"],
  ["C3", "Jan 31"],
  ["D3", "MAIN"],
  ["E3", "Cost"],
  ...["1000", "2000", "3000"].flatMap((item, index): [string, string][] => {
    const row = 4 + index;
    return [
      [`A${row}`, `'${item}`],
      [`B${row}`, `=INV.QTY(A${row})`],
      [`C${row}`, `=INV.QTY(A${row},"2025-01-31")`],
      [`D${row}`, `=INV.QTY(A${row},"2025-01-31","MAIN")`],
      [`E${row}`, `=INV.UNITCOST(A${row},"2025-01-31")`],
    ];
  }),
  // One call over a range spills one answer per item (excel.md §1.1, ranges in, arrays out).
  ["G3", "Range call"],
  ["G4", "=INV.QTY(A4:A6)"],
  ["A7", "Total"],
  ["B7", "=SUM(B4:B6)"],
  ["C7", "=SUM(C4:C6)"],
  ["D7", "=SUM(D4:D6)"],
  ["A9", "Literal arguments, item 1000:"],
  ["A10", "Qty"],
  ["B10", '=INV.QTY("1000")'],
  ["A11", "Cost"],
  ["B11", '=INV.UNITCOST("1000","2025-01-31")'],
];

function position(address: string): { row: number; col: number } {
  const match = /^([A-Z])(\d+)$/.exec(address);
  if (!match) throw new Error(`Bad demo address ${address}`);
  return { row: Number(match[2]) - 1, col: match[1].charCodeAt(0) - 65 };
}

export async function createDemoSheets(workbook: MemoryWorkbook): Promise<void> {
  await createItemJournalSheet(workbook);
  workbook.addSheet(ANALYSIS_SHEET);
  for (const [address, input] of ANALYSIS_CELLS) {
    const { row, col } = position(address);
    workbook.setCellInput(ANALYSIS_SHEET, row, col, input);
  }
  await workbook.activate(ANALYSIS_SHEET);
}
