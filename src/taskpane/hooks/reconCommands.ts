/**
 * Commands of the Reconciliation screen and the Ledgers additions (excel.md §4.1): one consistent read
 * of the ledger, the core's report, then the sheet through the WorkbookPort. Plain async functions, so
 * tests run them without React; the hooks only hold form state and progress.
 */
import { RefusedError } from "../../core/errors";
import { moneyToNumber } from "../../core/money";
import type { LedgerStore } from "../../core/ports";
import type { InventoryService } from "../../core/service/inventoryService";
import type { GLEntry } from "../../core/types";
import type { CellValue, TableSpec, WorkbookPort } from "../../excel/port";
import { recordTableMeta } from "../../excel/sheets/metaSheet";
import { FIRST_DATA_ROW } from "../../excel/sheetWriter";
import { appendCostAdjLog, COST_ADJ_LOG_SHEET } from "../../excel/sheets/costAdjLogSheet";
import { EXPLAIN_SHEET, explainSpec } from "../../excel/sheets/explainSheet";
import { amountText, RECON_SHEET, RECON_TABLE, reconSpec, trialBalanceOrRefuse, type ReconParameters } from "../../excel/sheets/glReconSheet";
import { VALUATION_SHEET, valuationSpec, type ValuationParameters } from "../../excel/sheets/valuationSheet";
import { explainArguments, parseInvCall, resolveArguments } from "./explainCell";
import { readPlanSource, type LoadedPlan } from "./planningCommands";
import { sheetWriteOptions } from "./sheetWrite";
import type { Outcome, TaskReporter } from "./useTask";

export interface LoadedLedger extends LoadedPlan {
  glEntries: GLEntry[];
}

/** Company, cards, books and G/L entries in one read transaction (one ledger version). */
export async function loadLedger(store: LedgerStore): Promise<LoadedLedger> {
  return store.read(async (tx) => ({ ...(await readPlanSource(tx)), glEntries: await tx.glEntries() }));
}

/** Writes a report sheet and records it in _INV_META (excel.md §3.1), so a later posting marks it stale. */
async function writeReport(workbook: WorkbookPort, spec: TableSpec, ledgerVersion: number, reporter: TaskReporter, stamp: string): Promise<void> {
  const report = await workbook.writeTable(spec, sheetWriteOptions(reporter));
  await recordTableMeta(workbook, { table: spec.table, schemaVersion: 1, parameters: spec.parameters ?? "", ledgerVersion, complete: report.complete, writtenAt: stamp });
}

export async function writeValuationSheet(store: LedgerStore, workbook: WorkbookPort, p: ValuationParameters, reporter: TaskReporter, stamp: string): Promise<Outcome> {
  const ledger = await loadLedger(store);
  const spec = valuationSpec(ledger, p, `${stamp} · ledger v${ledger.version} · basis ${p.basis}`);
  await writeReport(workbook, spec, ledger.version, reporter, stamp);
  await workbook.activate(VALUATION_SHEET);
  const total = spec.rows[spec.rows.length - 1]?.[13];
  const value = typeof total === "number" ? total.toLocaleString("en-US", { minimumFractionDigits: 2 }) : "0.00";
  return { intent: "success", title: `Inventory Valuation: ${spec.rows.length - 1} rows, value at end ${value}`, detail: `Sheet "${VALUATION_SHEET}", ledger v${ledger.version}.` };
}

/** An unreconciled row as the pane's tiles list it; `row` is the 0-based data row in tblInvGLRecon. */
export interface UnreconciledRow {
  row: number;
  label: string;
  accountNo: string;
  difference: number;
}

export interface ReconSummary {
  asOf: string;
  totalDifference: number;
  unreconciled: UnreconciledRow[];
}

export interface ReconResult {
  outcome: Outcome;
  summary: ReconSummary;
}

/** Writes tblInvGLRecon; with `trialBalanceSheet` the G/L side is read from that pasted sheet. */
export async function writeReconSheet(
  store: LedgerStore,
  workbook: WorkbookPort,
  p: Omit<ReconParameters, "trialBalance">,
  reporter: TaskReporter,
  stamp: string,
  trialBalanceSheet?: string,
): Promise<ReconResult> {
  const trialBalance = trialBalanceSheet ? trialBalanceOrRefuse(await workbook.readSheetValues(trialBalanceSheet), trialBalanceSheet) : undefined;
  const ledger = await loadLedger(store);
  const { spec, recon } = reconSpec(ledger, { ...p, trialBalance }, `${stamp} · ledger v${ledger.version} · basis posted`);
  await writeReport(workbook, spec, ledger.version, reporter, stamp);
  await workbook.activate(RECON_SHEET);
  const unreconciled = recon.rows.flatMap((row, index) =>
    row.difference === 0 ? [] : [{ row: index, label: [row.accountNo, row.item ?? row.location].filter(Boolean).join(" · ") || row.accountNo, accountNo: row.accountNo, difference: moneyToNumber(row.difference) }],
  );
  const summary = { asOf: p.asOf, totalDifference: moneyToNumber(recon.totalDifference), unreconciled };
  const detail = `Sheet "${RECON_SHEET}", ledger v${ledger.version}${trialBalanceSheet ? `, G/L from sheet "${trialBalanceSheet}"` : ""}.`;
  const outcome: Outcome = recon.totalDifference === 0
    ? { intent: "success", title: "Inventory reconciles with the G/L: difference 0.00", detail }
    : { intent: "warning", title: `Difference ${amountText(recon.totalDifference)} on ${unreconciled.length} row(s)`, detail };
  return { outcome, summary };
}

export { RECON_TABLE };

/** "2025-02-05 10:14:03" in local time: the log's Started / Finished. */
export function timestampText(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
}

/** Runs Adjust Cost – Item Entries, appends its rows to the Cost Adjustment Log and names what changed. */
export async function runAdjustCost(service: InventoryService, workbook: WorkbookPort, now: () => Date, reporter: TaskReporter): Promise<Outcome> {
  const started = timestampText(now());
  reporter.progress({ done: 0, total: 2, label: "Adjusting cost" });
  const report = await service.adjustCost();
  const finished = timestampText(now());
  reporter.progress({ done: 1, total: 2, label: "Writing the log" });
  await appendCostAdjLog(workbook, report, { started, finished });
  await workbook.activate(COST_ADJ_LOG_SHEET);
  const changed = report.lines.filter((line) => line.adjustmentEntriesCreated > 0);
  const detail = changed.map((line) => `${line.item} ${line.amountAdjusted >= 0 ? "+" : ""}${amountText(line.amountAdjusted)}`).join(", ");
  if (changed.length === 0) return { intent: "success", title: `Run ${report.runNo}: nothing to adjust`, detail: `Logged on "${COST_ADJ_LOG_SHEET}".` };
  return { intent: "success", title: `Run ${report.runNo}: ${changed.length} item(s) adjusted`, detail: `${detail}. Logged on "${COST_ADJ_LOG_SHEET}".` };
}

/** Post Inventory Cost to G/L (costing.md §15.3), for companies with automatic cost posting off. */
export async function postInventoryCostToGL(service: InventoryService): Promise<Outcome> {
  const before = (await service.glEntries()).length;
  await service.postInventoryCostToGL();
  const created = (await service.glEntries()).length - before;
  if (created === 0) return { intent: "success", title: "Nothing to post: every value entry is in the G/L" };
  return { intent: "success", title: `Posted inventory cost to the G/L: ${created} G/L entries` };
}

/** The functions layer's INV.EXPLAIN, called with plain values (as the workbench calls custom functions). */
export type ExplainFunction = (...args: unknown[]) => unknown;

function errorText(cell: unknown): string | null {
  if (cell !== null && typeof cell === "object") {
    const { code, message } = cell as { code?: unknown; message?: unknown };
    return [code, message].filter((part) => typeof part === "string" && part !== "").join(" ") || "error";
  }
  return null;
}

/**
 * Drill-down of an unreconciled recon row: the entries behind the account's difference (manual G/L
 * entries, value entries not posted) from INV.EXPLAIN("GLDIFF", account, asOf), on the Explain sheet.
 * The explanation is per account, also for a row of an item or a location.
 */
export async function explainReconRow(workbook: WorkbookPort, explain: ExplainFunction | undefined, row: UnreconciledRow, asOf: string, reporter: TaskReporter, stamp: string): Promise<Outcome> {
  if (!explain) throw new RefusedError("INV.EXPLAIN is not available in this build");
  const formula = `=INV.GLDIFF("${row.accountNo}","${asOf}")`;
  const spill = (await explain("GLDIFF", row.accountNo, asOf)) as unknown[][];
  const failure = errorText(Array.isArray(spill) ? spill[0]?.[0] : spill);
  if (failure || !Array.isArray(spill)) throw new RefusedError(`Entries of account ${row.accountNo}: ${failure ?? "no rows"}`);
  const rows = spill.map((cells) => cells.map((value) => (errorText(value) ?? value) as CellValue));
  // The Difference cell of the row: column I, below the header on row 5.
  const sourceCell = `${RECON_SHEET}!I${FIRST_DATA_ROW + row.row + 1}`;
  const spec = explainSpec(rows, { sourceCell, formula }, stamp);
  await workbook.writeTable(spec, sheetWriteOptions(reporter));
  await workbook.activate(EXPLAIN_SHEET);
  return { intent: "success", title: `Entries behind ${row.label}: ${spec.rows.length} rows`, detail: `${formula} on sheet "${EXPLAIN_SHEET}".` };
}

/** Explain selected cell: parses the active cell's INV formula and writes INV.EXPLAIN's rows to the Explain sheet. */
export async function explainActiveCell(workbook: WorkbookPort, explain: ExplainFunction | undefined, reporter: TaskReporter, stamp: string): Promise<Outcome> {
  if (!workbook.activeCell) throw new RefusedError("This workbook cannot report its selected cell");
  const cell = await workbook.activeCell();
  if (!cell) throw new RefusedError("Select a cell holding an INV formula first");
  const call = cell.formula ? parseInvCall(cell.formula) : null;
  if (!cell.formula || !call) throw new RefusedError(`${cell.sheet}!${cell.address} holds no INV formula; select a cell with one (e.g. =INV.VALUE("1000"))`);
  if (!explain) throw new RefusedError("INV.EXPLAIN is not available in this build");
  const args = explainArguments(call.fn, await resolveArguments(workbook, cell.sheet, call.args));
  const result = await explain(...args);
  const spill = (Array.isArray(result) ? result : [[result]]) as unknown[][];
  const failure = errorText(spill[0]?.[0]);
  if (failure) throw new RefusedError(`INV.EXPLAIN for ${cell.sheet}!${cell.address}: ${failure}`);
  const rows = spill.map((row) => row.map((value) => (errorText(value) ?? value) as CellValue));
  const spec = explainSpec(rows, { sourceCell: `${cell.sheet}!${cell.address}`, formula: cell.formula }, stamp);
  await workbook.writeTable(spec, sheetWriteOptions(reporter));
  await workbook.activate(EXPLAIN_SHEET);
  return { intent: "success", title: `Explained ${cell.sheet}!${cell.address}: ${spec.rows.length} rows`, detail: `${cell.formula} on sheet "${EXPLAIN_SHEET}".` };
}
