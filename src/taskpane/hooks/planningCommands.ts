/**
 * The Trace, Availability and Physical Count screens' commands (excel.md §4.1): one consistent read of the
 * ledger, then the sheet written through the WorkbookPort; the count posts its differences through the
 * service (inventory.md §8.2), one adjustment per differing line.
 */
import type { ItemBook } from "../../core/book";
import { RefusedError } from "../../core/errors";
import { qty, qtyToNumber } from "../../core/money";
import type { LedgerReader, LedgerStore } from "../../core/ports";
import type { TraceQuery } from "../../core/queries/trace";
import type { InventoryService } from "../../core/service/inventoryService";
import type { IsoDate } from "../../core/types";
import type { TableSpec, WorkbookPort } from "../../excel/port";
import type { PlanSource } from "../../excel/sheets/availabilitySheets";
import { calculateCountLines, calculatedQuantity, physCountSpec, readCountedLines, writeCountStatus, PHYS_COUNT_SHEET, type CountCalculation } from "../../excel/sheets/physCountSheet";
import { ITEM_TRACE_SHEET, itemTraceSpec } from "../../excel/sheets/traceSheet";
import { traceRows, type TraceRow } from "../../functions/traceRows";
import { sheetWriteOptions } from "./sheetWrite";
import type { Outcome, TaskReporter } from "./useTask";

export interface LoadedPlan extends PlanSource {
  version: number;
}

/** Company, every card and every book, read inside an open read transaction (one ledger version). */
export async function readPlanSource(tx: LedgerReader): Promise<LoadedPlan> {
  const company = await tx.company();
  if (!company) throw new Error("No inventory company: set one up first");
  const items = await tx.items();
  const books: Map<string, ItemBook> = await tx.books(items.map((item) => item.no));
  return { company, items, books, version: company.ledgerVersion };
}

/** Company, every card and every book, in one read transaction. */
export function loadPlanSource(store: LedgerStore): Promise<LoadedPlan> {
  return store.read(readPlanSource);
}

/** The trace tree's rows for the in-pane tree (same order and levels as the sheet). */
export async function traceInPane(store: LedgerStore, query: TraceQuery): Promise<TraceRow[]> {
  const { books } = await loadPlanSource(store);
  return traceRows(books, query);
}

export async function writeTraceSheet(store: LedgerStore, workbook: WorkbookPort, query: TraceQuery, reporter: TaskReporter, stamp: string): Promise<Outcome> {
  const { books, items, version } = await loadPlanSource(store);
  const spec = itemTraceSpec(books, new Map(items.map((item) => [item.no, item])), query, { stamp: `${stamp} · ledger v${version}` });
  if (spec.rows.length === 0) return { intent: "warning", title: "Nothing to trace", detail: "No entry carries that lot or serial number." };
  await workbook.writeTable(spec, sheetWriteOptions(reporter));
  await workbook.activate(ITEM_TRACE_SHEET);
  return { intent: "success", title: `Item Tracing: ${spec.rows.length} rows`, detail: `Sheet "${ITEM_TRACE_SHEET}", ledger v${version}.` };
}

/** Writes one availability table built from the loaded ledger (availabilitySheets.ts). */
export async function writePlanSheet(
  store: LedgerStore,
  workbook: WorkbookPort,
  build: (source: PlanSource, stamp: string) => TableSpec,
  reporter: TaskReporter,
  stamp: string,
): Promise<Outcome> {
  const source = await loadPlanSource(store);
  const spec = build(source, `${stamp} · ledger v${source.version}`);
  await workbook.writeTable(spec, sheetWriteOptions(reporter));
  await workbook.activate(spec.sheet);
  return { intent: "success", title: `${spec.title}: ${spec.rows.length} rows`, detail: `Sheet "${spec.sheet}", ledger v${source.version}.` };
}

export async function calculateCountSheet(store: LedgerStore, workbook: WorkbookPort, calc: CountCalculation, reporter: TaskReporter, stamp: string): Promise<Outcome> {
  const { items, books, version } = await loadPlanSource(store);
  const lines = calculateCountLines(items, books, calc);
  await workbook.writeTable(physCountSpec(lines, items, calc, `${stamp} · ledger v${version}`), sheetWriteOptions(reporter));
  await workbook.activate(PHYS_COUNT_SHEET);
  return { intent: "success", title: `Physical Count: ${lines.length} lines calculated at ${calc.date}`, detail: "Enter the counted quantities, then Post differences." };
}

/**
 * Posts every line whose counted quantity differs, in one transaction. Entries posted since the calculation (dated on or before the
 * count date) change a calculated quantity: then nothing is posted and the user recalculates (excel.md §3.2).
 */
export async function postCountSheet(service: InventoryService, workbook: WorkbookPort, date: IsoDate, documentNo: string): Promise<Outcome> {
  const lines = await readCountedLines(workbook);
  if (!lines) return { intent: "error", title: "No Physical Count sheet", detail: "Calculate inventory first." };
  const books = await service.books([...new Set(lines.map((line) => line.item))]);
  const stale = lines.filter((line) => { const book = books.get(line.item); return !book || calculatedQuantity(book, date, line) !== line.calculated; });
  if (stale.length > 0) return { intent: "error", title: "Entries were posted after the calculation", detail: `${stale.length} line(s) changed; calculate inventory again.` };
  // Like BC's physical inventory journal, the sheet posts in one transaction: one bad line, nothing posted.
  const missing = lines.map((line, index) => (line.counted === null ? index : -1)).filter((index) => index >= 0);
  if (missing.length > 0) {
    await writeCountStatus(workbook, lines.map((line): [string, string] => (line.counted === null ? ["Error", "Qty. (Phys. Inventory) must be a number"] : ["", ""])));
    return { intent: "error", title: "Nothing posted", detail: `${missing.length} line(s) have no counted quantity.` };
  }
  const differing = lines.filter((line) => line.counted !== line.calculated);
  try {
    await service.physicalCounts(differing.map((line) => ({ date, item: line.item, location: line.location, variant: line.variant, countedQuantity: line.counted as number, lotNo: line.lotNo ?? undefined, serialNo: line.serialNo ?? undefined, documentNo })));
  } catch (error) {
    if (!(error instanceof RefusedError)) throw error;
    const byLine = new Map(error.errors.map((e) => [differing[(e.line ?? 1) - 1], e.message]));
    await writeCountStatus(workbook, lines.map((line): [string, string] => (byLine.has(line) ? ["Error", byLine.get(line) as string] : ["", ""])));
    return { intent: "error", title: "Nothing posted", detail: `${byLine.size} line(s) refused; see Status and Message on the sheet.` };
  }
  const posted = differing.length;
  const status = lines.map((line): [string, string] => {
    if (line.counted === line.calculated) return ["OK", "No difference"];
    const difference = qty(line.counted as number) - qty(line.calculated);
    return ["Posted", `${difference > 0 ? "Positive" : "Negative"} adjustment of ${qtyToNumber(Math.abs(difference))}`];
  });
  await writeCountStatus(workbook, status);
  return { intent: "success", title: posted === 0 ? "No differences to post" : `Posted ${posted} difference(s)`, detail: `Document ${documentNo}, dated ${date}.` };
}
