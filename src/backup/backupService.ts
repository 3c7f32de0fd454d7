/**
 * Backup and restore of the whole store (excel.md §5) over the LedgerStore port, so it works the same
 * on Dexie, on the in-memory store and whatever the IndexedDB layout is. Restore decodes and checks the
 * backup completely first, takes a safety backup of the store as it is, then replaces the store in one
 * transaction; a refused or failed restore changes nothing.
 */
import { version as packageVersion } from "../../package.json";
import type { LedgerStore, StoreSnapshot } from "../core/ports";
import type { WorkbookPort, WriteReport } from "../excel/port";
import { BACKUP_WARNING_CHARS, readWorkbookBackup, writeWorkbookBackup } from "../excel/sheets/backupSheet";
import { fromBase64, toBase64 } from "./codec";
import { decodeBackup, encodeBackup, parseManifest, type DecodeOptions, type EncodedBackup } from "./format";
import { BackupError, type BackupManifest } from "./manifest";
import type { SafetyVault } from "./safetyVault";

export const APP_VERSION: string = packageVersion;

export interface BackupProgress {
  done: number;
  total: number;
  label: string;
}

export interface BackupContext {
  /** The clock of the manifest's created-at; injected so tests are reproducible. */
  now: () => Date;
  appVersion?: string;
  onProgress?: (progress: BackupProgress) => void;
}

export interface RestoreContext extends BackupContext, DecodeOptions {
  /** Where the safety backup of the store goes before it is replaced. */
  vault: SafetyVault;
}

export interface RestoreReport {
  manifest: BackupManifest;
  /** The ledger version the restored store carries. */
  ledgerVersion: number;
  /** The safety backup taken first, or null when the store was empty. */
  safetyBackup: BackupManifest | null;
}

const RESTORE_STEPS = 4;

export async function backupSnapshot(snapshot: StoreSnapshot, ctx: BackupContext): Promise<EncodedBackup> {
  return encodeBackup(snapshot, { createdAt: ctx.now().toISOString(), appVersion: ctx.appVersion ?? APP_VERSION });
}

/** A backup of the whole store, read in one consistent read transaction. */
export async function createBackup(store: LedgerStore, ctx: BackupContext): Promise<EncodedBackup> {
  ctx.onProgress?.({ done: 0, total: 2, label: "Reading the store" });
  const snapshot = await store.exportAll();
  ctx.onProgress?.({ done: 1, total: 2, label: "Compressing" });
  return backupSnapshot(snapshot, ctx);
}

/**
 * The version the restored company carries. A restore into a store that already had a ledger moves past
 * its version (sheets stamped with an older one show as stale, caches cannot mistake old for new); into an
 * empty store the backup's own version is kept, so backup → restore → backup gives the same bytes.
 */
export function restoredLedgerVersion(backupVersion: number, current: number | undefined): number {
  return current === undefined ? backupVersion : Math.max(backupVersion, current + 1);
}

/**
 * Backs up the store into the vault unless it is empty (excel.md §5: before restore, demo reset and schema
 * upgrade). Returns the safety backup's manifest, or null when there was nothing to keep.
 */
export async function takeSafetyBackup(store: LedgerStore, vault: SafetyVault, reason: string, ctx: BackupContext): Promise<BackupManifest | null> {
  return safetyBackupOf(await store.exportAll(), vault, reason, ctx);
}

async function safetyBackupOf(current: StoreSnapshot, vault: SafetyVault, reason: string, ctx: BackupContext): Promise<BackupManifest | null> {
  if (!current.company && current.items.length === 0) return null;
  const safety = await backupSnapshot(current, ctx);
  await vault.add(reason, safety.manifest, safety.bytes);
  return safety.manifest;
}

export async function restoreBackup(store: LedgerStore, bytes: Uint8Array, ctx: RestoreContext): Promise<RestoreReport> {
  const step = (done: number, label: string) => ctx.onProgress?.({ done, total: RESTORE_STEPS, label });
  step(0, "Checking the backup");
  const { manifest, snapshot } = await decodeBackup(bytes, ctx);
  step(1, "Safety backup of the current data");
  const current = await store.exportAll();
  const safetyBackup = await safetyBackupOf(current, ctx.vault, "before restore", ctx);
  step(2, "Replacing the store");
  const ledgerVersion = restoredLedgerVersion(manifest.ledgerVersion, current.company?.ledgerVersion);
  if (snapshot.company) snapshot.company = { ...snapshot.company, ledgerVersion };
  await store.replaceAll(snapshot);
  step(RESTORE_STEPS, "Restored");
  return { manifest, ledgerVersion, safetyBackup };
}

export interface WorkbookBackupReport {
  manifest: BackupManifest;
  write: WriteReport;
  base64Chars: number;
  /** Set above excel.md §5's 50 MB of base64: the workbook gets large to save and open. */
  warning?: string;
}

/** Writes the backup into the very hidden sheet _INV_BACKUP (manifest in A1, base64 chunks below). */
export async function backupIntoWorkbook(store: LedgerStore, workbook: WorkbookPort, ctx: BackupContext): Promise<WorkbookBackupReport> {
  const backup = await createBackup(store, ctx);
  const base64 = toBase64(backup.bytes);
  const manifestText = JSON.stringify(backup.manifest);
  const write = await writeWorkbookBackup(workbook, { manifest: manifestText, base64 }, {
    onProgress: (p) => ctx.onProgress?.({ done: p.rowsWritten, total: p.rowsTotal, label: "Writing backup rows" }),
  });
  const warning = base64.length > BACKUP_WARNING_CHARS
    ? `The backup is ${(base64.length / 1024 / 1024).toFixed(0)} MB of text in the workbook; saving and opening it will be slow.`
    : undefined;
  return { manifest: backup.manifest, write, base64Chars: base64.length, warning };
}

/** The workbook's backup as bytes with its manifest, or null when the workbook holds none. */
export async function readBackupFromWorkbook(workbook: WorkbookPort): Promise<{ manifest: BackupManifest; bytes: Uint8Array } | null> {
  const stored = await readWorkbookBackup(workbook);
  if (!stored) return null;
  const manifest = parseManifest(stored.manifest);
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(stored.base64);
  } catch {
    throw new BackupError("INV-B-001", "The backup sheet _INV_BACKUP is damaged (its data is not base64). Nothing was restored.");
  }
  return { manifest, bytes };
}

export async function restoreFromWorkbook(store: LedgerStore, workbook: WorkbookPort, ctx: RestoreContext): Promise<RestoreReport> {
  const stored = await readBackupFromWorkbook(workbook);
  if (!stored) throw new BackupError("INV-B-007", "This workbook holds no backup (no _INV_BACKUP sheet). Nothing was restored.");
  return restoreBackup(store, stored.bytes, ctx);
}

/**
 * excel.md §5: on open, when the workbook carries a backup of a company this store does not hold, the
 * pane offers "Restore from workbook". Returns that backup's manifest, or null when there is nothing to offer.
 */
export async function workbookRestoreOffer(store: LedgerStore, workbook: WorkbookPort): Promise<BackupManifest | null> {
  const stored = await readWorkbookBackup(workbook).catch(() => null);
  if (!stored) return null;
  let manifest: BackupManifest;
  try {
    manifest = parseManifest(stored.manifest);
  } catch {
    return null;
  }
  const company = await store.read((tx) => tx.company());
  return company && company.id === manifest.company?.id ? null : manifest;
}
