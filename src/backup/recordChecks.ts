/**
 * Shape checks on a decoded backup, before anything is written: each record has the key fields its
 * store is ordered by, keys ascend without duplicates, counts match the manifest, and every item ledger
 * entry belongs to exactly one book. A failure names the body line (line 1 is the manifest).
 */
import type { ItemBook } from "../core/book";
import type { Company } from "../core/company";
import type { StoreSnapshot } from "../core/ports";
import type { GLEntry, Item } from "../core/types";
import { BACKUP_STORES, BackupError, type BackupLine, type BackupManifest, type BackupStoreName } from "./manifest";

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function damaged(lineNo: number, what: string): BackupError {
  return new BackupError("INV-B-006", `The backup is damaged at line ${lineNo}: ${what}. Nothing was restored.`);
}

/** The key a record is ordered by in its store, or an error text when the record lacks it. */
function keyOf(store: BackupStoreName, record: unknown): string | number | Error {
  if (!isObject(record)) return new Error("the record is not an object");
  switch (store) {
    case "company":
      if (typeof record.id !== "string" || typeof record.ledgerVersion !== "number" || !isObject(record.counters)) {
        return new Error("the company lacks its id, ledger version or counters");
      }
      return 0;
    case "items":
      return typeof record.no === "string" && record.no !== "" ? record.no : new Error("an item without a No.");
    case "books":
      if (typeof record.item !== "string" || !Array.isArray(record.entries) || !Array.isArray(record.values) || !Array.isArray(record.applications)) {
        return new Error("an item book without its item, entries, value entries or applications");
      }
      return record.item;
    case "glEntries":
      return Number.isSafeInteger(record.entryNo) && (record.entryNo as number) > 0 ? (record.entryNo as number) : new Error("a G/L entry without a valid entry No.");
  }
}

/** Builds the snapshot from migrated lines, refusing anything out of shape or order. */
export function snapshotOfLines(lines: readonly BackupLine[], manifest: BackupManifest): StoreSnapshot {
  const snapshot: StoreSnapshot = { company: undefined, items: [], books: [], glEntries: [] };
  const counts: Record<BackupStoreName, number> = { company: 0, items: 0, books: 0, glEntries: 0 };
  const entryOwners = new Set<number>();
  let storeAt = 0;
  let lastKey: string | number | undefined;
  lines.forEach((line, index) => {
    const lineNo = index + 2;
    const at = BACKUP_STORES.indexOf(line.store);
    if (at < 0) throw damaged(lineNo, `unknown store "${String(line.store)}"`);
    if (at < storeAt) throw damaged(lineNo, `store ${line.store} comes after ${BACKUP_STORES[storeAt]}`);
    if (at > storeAt) lastKey = undefined;
    storeAt = at;
    const key = keyOf(line.store, line.record);
    if (key instanceof Error) throw damaged(lineNo, key.message);
    if (lastKey !== undefined && !(key > lastKey)) throw damaged(lineNo, `${line.store} key ${key} is out of order or repeated`);
    lastKey = key;
    counts[line.store]++;
    if (line.store === "company") snapshot.company = line.record as Company;
    else if (line.store === "items") snapshot.items.push(line.record as Item);
    else if (line.store === "glEntries") snapshot.glEntries.push(line.record as GLEntry);
    else {
      const book = line.record as ItemBook;
      for (const entry of book.entries) {
        if (!Number.isSafeInteger(entry?.entryNo) || entryOwners.has(entry.entryNo)) throw damaged(lineNo, `item ledger entry ${String(entry?.entryNo)} is invalid or in two books`);
        entryOwners.add(entry.entryNo);
      }
      snapshot.books.push(book);
    }
  });
  for (const store of BACKUP_STORES) {
    if (counts[store] !== manifest.counts?.[store]) {
      throw new BackupError("INV-B-006", `The backup is incomplete: ${counts[store]} ${store} record(s), the manifest says ${String(manifest.counts?.[store])}. Nothing was restored.`);
    }
  }
  return snapshot;
}
