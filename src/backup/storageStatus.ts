/**
 * Storage that can vanish (issue 8, item 6): the browser may evict IndexedDB under storage pressure
 * unless the page is granted persistent storage. The pane asks for it, and warns when it is denied or
 * the quota is nearly used up, with the workbook backup one click away.
 */

/** The part of navigator.storage (StorageManager) this needs. */
export interface StorageStatusSource {
  persisted?(): Promise<boolean>;
  persist?(): Promise<boolean>;
  estimate?(): Promise<{ usage?: number; quota?: number }>;
}

export interface StorageStatus {
  /** true granted, false denied, null when the browser does not say (no API). */
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
  /** What the user should be told, if anything. */
  warnings: string[];
}

/** Under this much free space, or above this share used, the quota counts as low. */
export const LOW_QUOTA_FREE_BYTES = 50 * 1024 * 1024;
export const LOW_QUOTA_SHARE = 0.8;

export function defaultStorageSource(): StorageStatusSource | undefined {
  return typeof navigator === "undefined" ? undefined : navigator.storage;
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Asks for persistence (once granted, the browser keeps saying so) and reads the quota. */
export async function checkStorage(source: StorageStatusSource | undefined): Promise<StorageStatus> {
  const warnings: string[] = [];
  let persisted: boolean | null = null;
  try {
    if (source?.persisted) persisted = await source.persisted();
    if (!persisted && source?.persist) persisted = await source.persist();
  } catch {
    persisted = false;
  }
  if (persisted === false) {
    warnings.push("The browser did not grant persistent storage: it may delete this computer's ledger when disk space runs low. Keep a backup in the workbook or a file.");
  }
  let usage: number | null = null;
  let quota: number | null = null;
  try {
    const estimate = await source?.estimate?.();
    usage = estimate?.usage ?? null;
    quota = estimate?.quota ?? null;
  } catch {
    // No estimate: nothing to warn about.
  }
  if (usage !== null && quota !== null && quota > 0 && (quota - usage < LOW_QUOTA_FREE_BYTES || usage / quota > LOW_QUOTA_SHARE)) {
    warnings.push(`Storage is nearly full (${megabytes(usage)} of ${megabytes(quota)} used): new postings may fail. Back up, then free space.`);
  }
  return { persisted, usage, quota, warnings };
}
