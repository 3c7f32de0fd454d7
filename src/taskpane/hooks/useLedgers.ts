/**
 * Ledgers: the Item Ledger Entries and Value Entries sheets from the stored item books (excel.md §3.2
 * tblItemLedger, tblValueEntries), refreshed append + patch when the sheet is already there.
 */
import { useCallback } from "react";
import type { AppDeps } from "../../app/deps";
import type { LedgerStore } from "../../core/ports";
import type { ItemLedgerEntry, ValueEntry } from "../../core/types";
import type { RefreshResult } from "../../excel/sheets/appendPatch";
import {
  ITEM_LEDGER_SHEET,
  VALUE_ENTRIES_SHEET,
  refreshItemLedgerSheet,
  refreshValueEntriesSheet,
} from "../../excel/sheets/itemLedgerSheet";
import { sheetWriteOptions } from "./sheetWrite";
import { useTask, type Outcome, type TaskState } from "./useTask";

export interface LedgerCommands {
  task: TaskState;
  writeItemLedger(): void;
  writeValueEntries(): void;
}

/** Every item ledger entry and value entry, in entry-number order across items. */
export interface LoadedLedgers {
  entries: ItemLedgerEntry[];
  values: ValueEntry[];
  /** Item descriptions, shown on each entry as BC copies the line's description onto it. */
  descriptions: Map<string, string>;
  version: number;
}

export async function loadLedgers(store: LedgerStore): Promise<LoadedLedgers> {
  return store.read(async (tx) => {
    const company = await tx.company();
    const items = await tx.items();
    const books = await tx.books(items.map((item) => item.no));
    const entries = [...books.values()].flatMap((book) => book.entries).sort((a, b) => a.entryNo - b.entryNo);
    const values = [...books.values()].flatMap((book) => book.values).sort((a, b) => a.entryNo - b.entryNo);
    const descriptions = new Map(items.map((item) => [item.no, item.description]));
    return { entries, values, descriptions, version: company?.ledgerVersion ?? 0 };
  });
}

/** "2025-02-05 10:14" in local time, as the banner stamp of excel.md §3.1. */
export function stampTime(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** What a sheet refresh did: a full write, or rows appended and patched (excel.md §3.1, append + patch). */
export function refreshOutcome(what: string, sheet: string, result: RefreshResult, version: number): Outcome {
  const detail = `Sheet "${sheet}", ledger v${version}.`;
  if (result.mode === "full") {
    return { intent: "success", title: `Wrote ${(result.report?.rows ?? result.appended).toLocaleString("en-US")} ${what}`, detail };
  }
  return { intent: "success", title: `${what[0].toUpperCase()}${what.slice(1)}: ${result.appended} appended, ${result.patched} updated`, detail };
}

export function useLedgers({ store, workbook, now }: AppDeps): LedgerCommands {
  const task = useTask();
  const { run } = task;

  const writeLedger = useCallback(
    (kind: "entries" | "values") => {
      void run("Ledger sheet not written", async (reporter) => {
        const { entries, values, descriptions, version } = await loadLedgers(store);
        const options = {
          parameters: "All items, all locations",
          stamp: `Generated ${stampTime((now ?? (() => new Date()))())} · ledger v${version} · basis posted`,
          ...sheetWriteOptions(reporter),
        };
        if (kind === "values") {
          const result = await refreshValueEntriesSheet(workbook, values, options);
          await workbook.activate(VALUE_ENTRIES_SHEET);
          return refreshOutcome("value entries", VALUE_ENTRIES_SHEET, result, version);
        }
        const details = (entry: ItemLedgerEntry) => ({ description: descriptions.get(entry.item) });
        const result = await refreshItemLedgerSheet(workbook, entries, values, { ...options, details });
        await workbook.activate(ITEM_LEDGER_SHEET);
        return refreshOutcome("item ledger entries", ITEM_LEDGER_SHEET, result, version);
      });
    },
    [now, run, store, workbook],
  );

  return { task, writeItemLedger: () => writeLedger("entries"), writeValueEntries: () => writeLedger("values") };
}
