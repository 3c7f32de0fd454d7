/** Ledgers: write the Item Ledger Entries sheet from the stored item books (excel.md §3.2 tblItemLedger). */
import { useCallback } from "react";
import type { AppDeps } from "../../app/deps";
import type { LedgerStore } from "../../core/ports";
import type { ItemLedgerEntry, ValueEntry } from "../../core/types";
import { ITEM_LEDGER_SHEET, writeItemLedgerSheet } from "../../excel/sheets/itemLedgerSheet";
import { useTask, type TaskState } from "./useTask";

export interface LedgerCommands {
  task: TaskState;
  writeItemLedger(): void;
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

export function useLedgers({ store, workbook, now }: AppDeps): LedgerCommands {
  const task = useTask();
  const { run } = task;

  const writeItemLedger = useCallback(() => {
    void run("Item ledger not written", async (reporter) => {
      const { entries, values, descriptions, version } = await loadLedgers(store);
      const report = await writeItemLedgerSheet(workbook, entries, values, {
        parameters: "All items, all locations",
        details: (entry) => ({ description: descriptions.get(entry.item) }),
        stamp: `Generated ${stampTime((now ?? (() => new Date()))())} · ledger v${version} · basis posted`,
        onProgress: (progress) => reporter.progress({ done: progress.rowsWritten, total: progress.rowsTotal, label: "Writing rows" }),
      });
      await workbook.activate(ITEM_LEDGER_SHEET);
      return { intent: "success", title: `Wrote ${report.rows.toLocaleString("en-US")} item ledger entries`, detail: `Sheet "Item Ledger Entries", ledger v${version}.` };
    });
  }, [now, run, store, workbook]);

  return { task, writeItemLedger };
}
