/**
 * Cost Adjustment Log sheet (excel.md §3.2 tblCostAdjLog, append): one row per item a run of Adjust
 * Cost – Item Entries processed, below the rows of earlier runs; a run that changed nothing still gets
 * a row, so every run is on record.
 */
import type { AdjustCostReport } from "../../core/costing/adjustLog";
import { moneyToNumber } from "../../core/money";
import type { CellValue, ColumnSpec, WorkbookPort, WriteOptions, WriteReport } from "../port";

export const COST_ADJ_LOG_SHEET = "Cost Adjustment Log";
export const COST_ADJ_LOG_TABLE = "tblCostAdjLog";

const c = (header: string, kind: ColumnSpec["kind"]): ColumnSpec => ({ header, kind });

export const COST_ADJ_LOG_COLUMNS: ColumnSpec[] = [
  c("Run No.", "integer"), c("Started", "timestamp"), c("Finished", "timestamp"), c("Item No.", "code"), c("Costing Method", "text"),
  c("Entries Examined", "integer"), c("Adjustment Entries Created", "integer"), c("Amount Adjusted", "amount"),
  c("Posting Date Used", "date"), c("Posted to G/L", "boolean"), c("Message", "message"),
];

/** Started and Finished as "yyyy-mm-dd hh:mm:ss" (the pane's clock; the core has none). */
export interface RunTimes {
  started: string;
  finished: string;
}

export function costAdjLogRows(report: AdjustCostReport, times: RunTimes): CellValue[][] {
  const head = [report.runNo, times.started, times.finished];
  if (report.lines.length === 0) return [[...head, null, null, 0, 0, 0, null, false, "Nothing to adjust: every item's cost is adjusted"]];
  return report.lines.map((line) => [
    ...head, line.item, line.costingMethod, line.entriesExamined, line.adjustmentEntriesCreated, moneyToNumber(line.amountAdjusted),
    line.postingDateUsed, line.postedToGL, line.message,
  ]);
}

/** Appends the run's rows; the first run creates the sheet. */
export async function appendCostAdjLog(port: WorkbookPort, report: AdjustCostReport, times: RunTimes, options: WriteOptions = {}): Promise<WriteReport> {
  const rows = costAdjLogRows(report, times);
  const existing = await port.readTable(COST_ADJ_LOG_TABLE);
  const matches = existing && COST_ADJ_LOG_COLUMNS.every((column, i) => existing.headers[i] === column.header);
  if (existing && matches) return port.appendTableRows(COST_ADJ_LOG_TABLE, COST_ADJ_LOG_COLUMNS, rows, options);
  return port.writeTable(
    {
      sheet: COST_ADJ_LOG_SHEET, table: COST_ADJ_LOG_TABLE, title: "Cost Adjustment Log",
      parameters: "One row per item and run of Adjust Cost – Item Entries; newest runs at the bottom.",
      columns: COST_ADJ_LOG_COLUMNS, rows, style: "output",
    },
    options,
  );
}
