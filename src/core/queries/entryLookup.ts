/**
 * A light entry-number → item ledger entry lookup for the read-only queries. The posting index
 * (ledger/bookIndex.ts) also builds application, open-entry and follower maps — far more than a query
 * needs, and a flush reads freshly loaded books, so building it there was most of a cold answer's cost.
 * Memoised per book; entries are append-only, so a changed entry count means a rebuilt map.
 */
import type { ItemBook } from "../book";
import type { ItemLedgerEntry } from "../types";

const lookups = new WeakMap<ItemBook, Map<number, ItemLedgerEntry>>();

/** The item ledger entry `entryNo` of the book, if it has one. */
export function entryOf(book: ItemBook, entryNo: number): ItemLedgerEntry | undefined {
  let lookup = lookups.get(book);
  if (!lookup || lookup.size !== book.entries.length) {
    lookup = new Map(book.entries.map((entry) => [entry.entryNo, entry]));
    lookups.set(book, lookup);
  }
  return lookup.get(entryNo);
}
