/**
 * The `.invbak` format (excel.md §5): gzip of newline-delimited JSON. Line 1 is the manifest; then one
 * record per line, store by store, each store in key order, in canonical JSON. Decoding checks, in
 * order: gzip, manifest, format id, schema version (newer refused, older migrated), the body's SHA-256,
 * then each record's shape — and refuses with a BackupError before anything could be written.
 */
import type { StoreSnapshot } from "../core/ports";
import { canonicalJson } from "./canonicalJson";
import { gunzip, gzip, sha256Hex } from "./codec";
import {
  BACKUP_FORMAT,
  BACKUP_MIGRATIONS,
  BACKUP_SCHEMA_VERSION,
  BACKUP_STORES,
  BackupError,
  countLines,
  snapshotLines,
  type BackupLine,
  type BackupManifest,
  type BackupMigration,
} from "./manifest";
import { snapshotOfLines } from "./recordChecks";

export interface EncodeOptions {
  /** The caller's clock (ISO timestamp): the only part of a backup that is not a function of the store. */
  createdAt: string;
  appVersion: string;
}

export interface EncodedBackup {
  bytes: Uint8Array;
  manifest: BackupManifest;
}

export async function encodeBackup(snapshot: StoreSnapshot, options: EncodeOptions): Promise<EncodedBackup> {
  const encoder = new TextEncoder();
  const lines = snapshotLines(snapshot);
  const body = encoder.encode(lines.map((line) => `${canonicalJson(line, `${line.store} record`)}\n`).join(""));
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    schemaVersion: BACKUP_SCHEMA_VERSION,
    appVersion: options.appVersion,
    company: snapshot.company ? { id: snapshot.company.id, name: snapshot.company.name } : null,
    ledgerVersion: snapshot.company?.ledgerVersion ?? 0,
    createdAt: options.createdAt,
    counts: countLines(lines),
    bodySha256: await sha256Hex(body),
  };
  const head = encoder.encode(`${canonicalJson(manifest, "manifest")}\n`);
  const whole = new Uint8Array(head.length + body.length);
  whole.set(head);
  whole.set(body, head.length);
  return { bytes: await gzip(whole), manifest };
}

export interface DecodeOptions {
  /** The version this add-in writes (tests pass another to exercise the chain). */
  schemaVersion?: number;
  migrations?: readonly BackupMigration[];
}

export interface DecodedBackup {
  manifest: BackupManifest;
  snapshot: StoreSnapshot;
}

/** Reads and checks the manifest alone (line 1), e.g. to describe a workbook's backup before restoring it. */
export function parseManifest(text: string, current = BACKUP_SCHEMA_VERSION): BackupManifest {
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    throw new BackupError("INV-B-002", "The backup's manifest (line 1) is not readable JSON. Nothing was restored.");
  }
  const m = manifest as Partial<BackupManifest> | null;
  if (typeof m !== "object" || m === null || m.format !== BACKUP_FORMAT) {
    throw new BackupError("INV-B-003", "This is not an Inventory Ledger backup (its format id is missing or different). Nothing was restored.");
  }
  if (!Number.isSafeInteger(m.schemaVersion) || (m.schemaVersion as number) < 1) {
    throw new BackupError("INV-B-003", "The backup's schema version is missing or invalid. Nothing was restored.");
  }
  if ((m.schemaVersion as number) > current) {
    throw new BackupError(
      "INV-B-004",
      `The backup was made by a newer version of the add-in (schema ${m.schemaVersion}; this one reads up to ${current}). Update the add-in, then restore. Nothing was restored.`,
    );
  }
  if (typeof m.bodySha256 !== "string" || typeof m.counts !== "object" || m.counts === null) {
    throw new BackupError("INV-B-003", "The backup's manifest lacks its checksum or record counts. Nothing was restored.");
  }
  return m as BackupManifest;
}

async function unzipped(bytes: Uint8Array): Promise<Uint8Array> {
  try {
    return await gunzip(bytes);
  } catch {
    throw new BackupError("INV-B-001", "The file is not an Inventory Ledger backup, or it is damaged or cut short (it does not decompress). Nothing was restored.");
  }
}

/** Runs the chain from the backup's version up to the current one, one pure step per version. */
export function migrateLines(lines: BackupLine[], from: number, to: number, migrations: readonly BackupMigration[]): BackupLine[] {
  let migrated = lines;
  for (let version = from; version < to; version++) {
    const step = migrations.find((m) => m.from === version);
    if (!step) throw new BackupError("INV-B-004", `This add-in cannot upgrade a schema ${version} backup (no migration step). Nothing was restored.`);
    migrated = migrated.map((line) => step.migrate(line));
  }
  return migrated;
}

function parseBody(body: string): BackupLine[] {
  const texts = body.split("\n");
  if (texts[texts.length - 1] === "") texts.pop();
  return texts.map((text, index) => {
    try {
      const line = JSON.parse(text) as BackupLine;
      if (typeof line !== "object" || line === null || !BACKUP_STORES.includes(line.store)) throw new Error("no store");
      return line;
    } catch {
      throw new BackupError("INV-B-006", `The backup is damaged at line ${index + 2}: not a record. Nothing was restored.`);
    }
  });
}

export async function decodeBackup(bytes: Uint8Array, options: DecodeOptions = {}): Promise<DecodedBackup> {
  const current = options.schemaVersion ?? BACKUP_SCHEMA_VERSION;
  const whole = await unzipped(bytes);
  const newline = whole.indexOf(0x0a);
  if (newline < 0) throw new BackupError("INV-B-002", "The backup has no manifest line. Nothing was restored.");
  let headText: string;
  try {
    headText = new TextDecoder("utf-8", { fatal: true }).decode(whole.subarray(0, newline));
  } catch {
    throw new BackupError("INV-B-002", "The backup's manifest is not UTF-8 text. Nothing was restored.");
  }
  const manifest = parseManifest(headText, current);
  const body = whole.subarray(newline + 1);
  if ((await sha256Hex(body)) !== manifest.bodySha256) {
    throw new BackupError("INV-B-005", "The backup is damaged: its checksum (SHA-256) does not match its contents. Nothing was restored.");
  }
  const lines = migrateLines(parseBody(new TextDecoder("utf-8").decode(body)), manifest.schemaVersion, current, options.migrations ?? BACKUP_MIGRATIONS);
  return { manifest, snapshot: snapshotOfLines(lines, manifest) };
}
