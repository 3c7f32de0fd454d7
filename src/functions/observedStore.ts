/**
 * Change notification for the function cache: wraps a LedgerStore so that, after each committed
 * transaction, the items, item cards and company it wrote are reported (excel.md §2.1 rule 2, §2.2).
 * Writes that bypass the wrapper must report themselves through `notifyLedgerChanged`.
 */
import type { Company } from "../core/company";
import type { LedgerStore, LedgerTransaction } from "../core/ports";
import type { LedgerChange } from "./batcher";

export function observeCommits(store: LedgerStore, onCommit: (change: LedgerChange) => void): LedgerStore {
  return {
    read: (work) => store.read(work),
    exportAll: () => store.exportAll(),
    // A restore may change anything: every cached answer is stale once it has committed.
    replaceAll: async (snapshot) => {
      await store.replaceAll(snapshot);
      onCommit({ all: true });
    },
    async transact<T>(work: (tx: LedgerTransaction) => Promise<T>): Promise<T> {
      const items = new Set<string>();
      const itemCards = new Set<string>();
      let company: Company | undefined;
      const result = await store.transact((tx) =>
        work({
          company: () => tx.company(),
          items: (nos) => tx.items(nos),
          books: (nos) => tx.books(nos),
          entryOwner: (entryNo) => tx.entryOwner(entryNo),
          glEntries: (after) => tx.glEntries(after),
          unadjustedItems: tx.unadjustedItems && (() => tx.unadjustedItems?.() ?? Promise.resolve([])),
          appendGLEntries: (entries) => tx.appendGLEntries(entries),
          putCompany: (written) => {
            company = written;
            return tx.putCompany(written);
          },
          putItems: (written) => {
            for (const item of written) itemCards.add(item.no);
            return tx.putItems(written);
          },
          putBooks: (written) => {
            for (const book of written) items.add(book.item);
            return tx.putBooks(written);
          },
        }),
      );
      // Only after the commit: a refused transaction wrote nothing, so nothing is stale.
      if (items.size || itemCards.size || company)
        onCommit({ items: [...items], itemCards: [...itemCards], company });
      return result;
    },
  };
}
