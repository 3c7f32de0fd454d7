/**
 * What the Settings / Backup screen reads and changes besides backups (excel.md §4.1): the diagnostics
 * of the store and the function cache, and the work date.
 */
import { isIsoDate } from "../../core/dates";
import { RefusedError } from "../../core/errors";
import type { LedgerStore } from "../../core/ports";
import type { FlushStats } from "../../functions/batcher";

export interface Diagnostics {
  companyId: string | null;
  companyName: string | null;
  workDate: string | null;
  ledgerVersion: number;
  items: number;
  itemLedgerEntries: number;
  valueEntries: number;
  applications: number;
  glEntries: number;
}

/** Counts in one read transaction, so they belong to one ledger version. */
export function readDiagnostics(store: LedgerStore): Promise<Diagnostics> {
  return store.read(async (tx) => {
    const company = await tx.company();
    const items = await tx.items();
    const books = [...(await tx.books(items.map((item) => item.no))).values()];
    const sum = (count: (book: (typeof books)[number]) => number) => books.reduce((total, book) => total + count(book), 0);
    return {
      companyId: company?.id ?? null,
      companyName: company?.name ?? null,
      workDate: company?.workDate ?? null,
      ledgerVersion: company?.ledgerVersion ?? 0,
      items: items.length,
      itemLedgerEntries: sum((book) => book.entries.length),
      valueEntries: sum((book) => book.values.length),
      applications: sum((book) => book.applications.length),
      glEntries: (await tx.glEntries()).length,
    };
  });
}

/** The diagnostics as label/value rows for the pane. */
export function diagnosticRows(d: Diagnostics, stats: FlushStats | null): [string, string][] {
  const n = (value: number) => value.toLocaleString("en-US");
  const rows: [string, string][] = [
    ["Company", d.companyId ? `${d.companyName} (${d.companyId})` : "none"],
    ["Ledger version", n(d.ledgerVersion)],
    ["Items", n(d.items)],
    ["Item ledger entries", n(d.itemLedgerEntries)],
    ["Value entries", n(d.valueEntries)],
    ["Applications", n(d.applications)],
    ["G/L entries", n(d.glEntries)],
  ];
  if (stats) {
    rows.push(["INV flushes / reads", `${n(stats.flushes)} / ${n(stats.reads)}`], ["INV cache hits", n(stats.cacheHits)], ["Largest flush", n(stats.largestFlush)]);
  }
  return rows;
}

/**
 * The work date defaults `asOf` in every INV function, so changing it is a settings change: the ledger
 * version moves on and the observed store tells the function cache (excel.md §2.2).
 */
export async function setWorkDate(store: LedgerStore, text: string): Promise<string> {
  const date = text.trim();
  if (!isIsoDate(date)) throw new RefusedError([{ field: "workDate", message: `'${date}' is not a date; use yyyy-mm-dd` }]);
  await store.transact(async (tx) => {
    const company = await tx.company();
    if (!company) throw new RefusedError([{ field: "workDate", message: "There is no company yet" }]);
    await tx.putCompany({ ...company, workDate: date, ledgerVersion: company.ledgerVersion + 1 });
  });
  return date;
}
