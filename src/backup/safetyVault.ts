/**
 * Safety backups (excel.md §5): before a restore replaces the store, the store as it was is backed up
 * here; the newest three are kept. The Dexie vault is its own small database beside the ledger's, so the
 * ledger's layout and schema version are not touched by it.
 */
import Dexie, { type Table } from "dexie";
import type { BackupManifest } from "./manifest";

export const SAFETY_BACKUPS_KEPT = 3;

export interface SafetyBackupInfo {
  id: number;
  /** Why it was taken ("before restore"). */
  reason: string;
  manifest: BackupManifest;
}

export interface SafetyBackup extends SafetyBackupInfo {
  bytes: Uint8Array;
}

export interface SafetyVault {
  /** Stores a backup and drops all but the newest SAFETY_BACKUPS_KEPT. */
  add(reason: string, manifest: BackupManifest, bytes: Uint8Array): Promise<void>;
  /** Newest first, without their bytes. */
  list(): Promise<SafetyBackupInfo[]>;
  get(id: number): Promise<SafetyBackup | undefined>;
}

export class MemorySafetyVault implements SafetyVault {
  private readonly backups: SafetyBackup[] = [];
  private nextId = 1;

  async add(reason: string, manifest: BackupManifest, bytes: Uint8Array): Promise<void> {
    this.backups.unshift({ id: this.nextId++, reason, manifest, bytes: bytes.slice() });
    this.backups.splice(SAFETY_BACKUPS_KEPT);
  }

  async list(): Promise<SafetyBackupInfo[]> {
    return this.backups.map(({ id, reason, manifest }) => ({ id, reason, manifest }));
  }

  async get(id: number): Promise<SafetyBackup | undefined> {
    const found = this.backups.find((backup) => backup.id === id);
    return found && { ...found, bytes: found.bytes.slice() };
  }
}

class SafetyDatabase extends Dexie {
  backups!: Table<Omit<SafetyBackup, "id"> & { id?: number }, number>;

  constructor(name: string, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({ backups: "++id" });
  }
}

export class DexieSafetyVault implements SafetyVault {
  private readonly db: SafetyDatabase;

  /** `ledgerDatabase` is the ledger's database name; the vault lives in "<name>-safety". */
  constructor(ledgerDatabase: string, options?: ConstructorParameters<typeof Dexie>[1]) {
    this.db = new SafetyDatabase(`${ledgerDatabase}-safety`, options);
  }

  add(reason: string, manifest: BackupManifest, bytes: Uint8Array): Promise<void> {
    return this.db.transaction("rw", this.db.backups, async () => {
      await this.db.backups.add({ reason, manifest, bytes });
      const keys = await this.db.backups.orderBy(":id").reverse().primaryKeys();
      await this.db.backups.bulkDelete(keys.slice(SAFETY_BACKUPS_KEPT));
    });
  }

  async list(): Promise<SafetyBackupInfo[]> {
    const rows = await this.db.backups.orderBy(":id").reverse().toArray();
    return rows.map((row) => ({ id: row.id as number, reason: row.reason, manifest: row.manifest }));
  }

  async get(id: number): Promise<SafetyBackup | undefined> {
    const row = await this.db.backups.get(id);
    return row && { ...row, id };
  }

  async destroy(): Promise<void> {
    await this.db.delete();
  }
}
