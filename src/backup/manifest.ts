/**
 * What a backup is (excel.md §5): its manifest, the stores it holds in their fixed order, the record
 * schema version and the chain of pure record-to-record migrations from older versions.
 */
import type { StoreSnapshot } from "../core/ports";

/** The format id on line 1 of every `.invbak`. */
export const BACKUP_FORMAT = "inventory-ledger-backup";

/**
 * Version of the backed-up record shapes (Company, Item, ItemBook, GLEntry). It changes only when those
 * shapes change, not when the IndexedDB layout does: a backup is written from the logical StoreSnapshot.
 */
export const BACKUP_SCHEMA_VERSION = 1;

export type BackupStoreName = "company" | "items" | "books" | "glEntries";

/** Stores in body order. */
export const BACKUP_STORES: readonly BackupStoreName[] = ["company", "items", "books", "glEntries"];

export interface BackupManifest {
  format: string;
  schemaVersion: number;
  appVersion: string;
  company: { id: string; name: string } | null;
  ledgerVersion: number;
  /** ISO timestamp from the caller's clock. */
  createdAt: string;
  counts: Record<BackupStoreName, number>;
  /** SHA-256 (hex) of the body: every byte after the manifest line. */
  bodySha256: string;
}

/** One body line: a record of a store. */
export interface BackupLine {
  store: BackupStoreName;
  record: unknown;
}

/** One step of the migration chain: turns a line of schema version `from` into one of `from + 1`. */
export interface BackupMigration {
  from: number;
  migrate(line: BackupLine): BackupLine;
}

/**
 * The chain, one step per schema version. Empty while version 1 is the only one; each future step
 * comes with a fixture backup of its `from` version (test/reliability/fixtures) that must still restore.
 */
export const BACKUP_MIGRATIONS: readonly BackupMigration[] = [];

/** A refused backup: a stable code for the pane's MessageBar and a sentence saying what is wrong. */
export class BackupError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "BackupError";
  }
}

/** The lines of a snapshot, store by store, each store in key order. */
export function snapshotLines(snapshot: StoreSnapshot): BackupLine[] {
  const byText = <T>(key: (record: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  return [
    ...(snapshot.company ? [{ store: "company" as const, record: snapshot.company }] : []),
    ...[...snapshot.items].sort(byText((item) => item.no)).map((record) => ({ store: "items" as const, record })),
    ...[...snapshot.books].sort(byText((book) => book.item)).map((record) => ({ store: "books" as const, record })),
    ...[...snapshot.glEntries].sort((a, b) => a.entryNo - b.entryNo).map((record) => ({ store: "glEntries" as const, record })),
  ];
}

export function countLines(lines: readonly BackupLine[]): Record<BackupStoreName, number> {
  const counts: Record<BackupStoreName, number> = { company: 0, items: 0, books: 0, glEntries: 0 };
  for (const line of lines) counts[line.store]++;
  return counts;
}
