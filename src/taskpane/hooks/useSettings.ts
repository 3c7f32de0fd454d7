/**
 * Settings / Backup screen state (excel.md §4.1, §5; issue 8 item 6): diagnostics, work date, backup to
 * a file or into the workbook, restore from either after a confirmation that shows what will replace
 * what, safety backups, and the persistent-storage status.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { AppDeps } from "../../app/deps";
import { backupIntoWorkbook, createBackup, readBackupFromWorkbook, restoreBackup, workbookRestoreOffer } from "../../backup/backupService";
import { decodeBackup } from "../../backup/format";
import type { BackupManifest } from "../../backup/manifest";
import { MemorySafetyVault, type SafetyBackupInfo, type SafetyVault } from "../../backup/safetyVault";
import { backupFileName, downloadFile } from "../../backup/saveFile";
import { checkStorage, defaultStorageSource, type StorageStatus } from "../../backup/storageStatus";
import { functionStats } from "../../functions/registry";
import { readDiagnostics, setWorkDate, diagnosticRows } from "./settingsCommands";
import { useTask, type Outcome, type TaskReporter, type TaskState } from "./useTask";

export interface PendingRestore {
  source: "file" | "workbook" | "safety";
  /** File name, "this workbook" or the safety backup's time. */
  label: string;
  bytes: Uint8Array;
  manifest: BackupManifest;
}

export interface SettingsCommands {
  task: TaskState;
  diagnostics: [string, string][];
  companyId: string | null;
  storage: StorageStatus | null;
  /** A workbook backup of a company this store does not hold (offer "Restore from workbook"). */
  workbookOffer: BackupManifest | null;
  safetyBackups: SafetyBackupInfo[];
  workDate: string;
  setWorkDateText(text: string): void;
  saveWorkDate(): void;
  backupToFile(): void;
  backupToWorkbook(): void;
  chooseFile(file: File): void;
  chooseWorkbook(): void;
  chooseSafety(id: number): void;
  pending: PendingRestore | null;
  confirmRestore(): void;
  cancelRestore(): void;
}

async function fileBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return new Uint8Array(await file.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error(`${file.name} could not be read`));
    reader.readAsArrayBuffer(file);
  });
}

const countsText = (m: BackupManifest) => `${m.counts.items} items, ${m.counts.books} item books, ${m.counts.glEntries} G/L entries`;

export function describeManifest(m: BackupManifest): string {
  const company = m.company ? `${m.company.name} (${m.company.id})` : "no company";
  return `${company}, ledger version ${m.ledgerVersion}, made ${m.createdAt.slice(0, 16).replace("T", " ")} UTC: ${countsText(m)}`;
}

const progressOf = (reporter: TaskReporter) => (p: { done: number; total: number; label: string }) => reporter.progress(p);

export function useSettings(deps: AppDeps): SettingsCommands {
  const { store, workbook, onLedgerChanged } = deps;
  const task = useTask();
  const { run } = task;
  const vault = useRef<SafetyVault>(deps.safetyVault ?? new MemorySafetyVault()).current;
  const clock = useCallback(() => (deps.now ?? (() => new Date()))(), [deps.now]);
  const [diagnostics, setDiagnostics] = useState<[string, string][]>([]);
  const [companyId, setCompanyId] = useState<string | null>(null);
  const [storage, setStorage] = useState<StorageStatus | null>(null);
  const [workbookOffer, setWorkbookOffer] = useState<BackupManifest | null>(null);
  const [safetyBackups, setSafetyBackups] = useState<SafetyBackupInfo[]>([]);
  const [workDate, setWorkDateText] = useState("");

  const refresh = useCallback(async () => {
    const d = await readDiagnostics(store);
    setDiagnostics(diagnosticRows(d, functionStats()));
    setCompanyId(d.companyId);
    setWorkDateText(d.workDate ?? "");
    setSafetyBackups(await vault.list());
    setWorkbookOffer(await workbookRestoreOffer(store, workbook).catch(() => null));
  }, [store, vault, workbook]);

  useEffect(() => {
    let live = true;
    void refresh().catch(() => undefined);
    void checkStorage(deps.storage ?? defaultStorageSource()).then((status) => live && setStorage(status));
    return () => {
      live = false;
    };
  }, [deps.storage, refresh]);

  const backupToFile = useCallback(() => {
    void run("Backup not made", async (reporter) => {
      const backup = await createBackup(store, { now: clock, onProgress: progressOf(reporter) });
      const name = backupFileName(backup.manifest.company?.id, backup.manifest.createdAt);
      (deps.saveFile ?? downloadFile)(name, backup.bytes);
      return { intent: "success", title: "Backup saved", detail: `${name} (${(backup.bytes.length / 1024).toFixed(0)} KB): ${countsText(backup.manifest)}.` };
    });
  }, [clock, deps.saveFile, run, store]);

  const backupToWorkbook = useCallback(() => {
    void run("Backup not written to the workbook", async (reporter) => {
      const report = await backupIntoWorkbook(store, workbook, { now: clock, onProgress: progressOf(reporter) });
      await refresh();
      const detail = `Very hidden sheet _INV_BACKUP, ${report.write.rows} rows in ${report.write.syncs} request(s): ${countsText(report.manifest)}. Save the workbook to keep it.`;
      return report.warning ? { intent: "warning", title: "Backup written to the workbook", detail: `${detail} ${report.warning}` } : { intent: "success", title: "Backup written to the workbook", detail };
    });
  }, [clock, refresh, run, store, workbook]);

  const restore = useRestoreFlow({ store, workbook, vault, clock, run, refresh, onLedgerChanged });

  const saveWorkDate = useCallback(() => {
    void run("Work date not changed", async () => {
      const date = await setWorkDate(store, workDate);
      onLedgerChanged?.();
      await refresh();
      return { intent: "success", title: "Work date changed", detail: `INV functions now default to ${date}.` };
    });
  }, [onLedgerChanged, refresh, run, store, workDate]);

  return {
    task, diagnostics, companyId, storage, workbookOffer, safetyBackups, workDate, setWorkDateText, saveWorkDate,
    backupToFile, backupToWorkbook, ...restore,
  };
}

type RestoreFlow = Pick<SettingsCommands, "chooseFile" | "chooseWorkbook" | "chooseSafety" | "pending" | "confirmRestore" | "cancelRestore">;

interface RestoreFlowDeps {
  store: AppDeps["store"];
  workbook: AppDeps["workbook"];
  vault: SafetyVault;
  clock: () => Date;
  run: TaskState["run"];
  refresh: () => Promise<void>;
  onLedgerChanged?: () => void;
}

/** Restore in two steps: choose (the backup is checked completely, nothing changes), then confirm. */
function useRestoreFlow({ store, workbook, vault, clock, run, refresh, onLedgerChanged }: RestoreFlowDeps): RestoreFlow {
  const [pending, setPending] = useState<PendingRestore | null>(null);
  /** Checks a backup completely before offering to restore it: a refusal shows at once, nothing changed. */
  const prepare = useCallback(
    (title: string, load: () => Promise<Omit<PendingRestore, "manifest"> | null>) => {
      setPending(null);
      void run(title, async (): Promise<Outcome> => {
        const loaded = await load();
        if (!loaded) return { intent: "warning", title, detail: "This workbook holds no backup (no _INV_BACKUP sheet)." };
        const { manifest } = await decodeBackup(loaded.bytes);
        setPending({ ...loaded, manifest });
        return { intent: "success", title: "Backup checked", detail: "Its format, schema version, record counts and SHA-256 checksum are valid." };
      });
    },
    [run],
  );

  const chooseFile = useCallback((file: File) => prepare("Backup file refused", async () => ({ source: "file", label: file.name, bytes: await fileBytes(file) })), [prepare]);
  const chooseWorkbook = useCallback(
    () => prepare("Workbook backup refused", async () => {
      const stored = await readBackupFromWorkbook(workbook);
      return stored && { source: "workbook", label: "this workbook", bytes: stored.bytes };
    }),
    [prepare, workbook],
  );
  const chooseSafety = useCallback(
    (id: number) => prepare("Safety backup refused", async () => {
      const safety = await vault.get(id);
      return safety ? { source: "safety", label: `safety backup ${safety.manifest.createdAt}`, bytes: safety.bytes } : null;
    }),
    [prepare, vault],
  );

  const confirmRestore = useCallback(() => {
    if (!pending) return;
    setPending(null);
    void run("Restore failed; nothing was changed", async (reporter) => {
      const report = await restoreBackup(store, pending.bytes, { now: clock, vault, onProgress: progressOf(reporter) });
      onLedgerChanged?.();
      await refresh();
      const safety = report.safetyBackup ? " The data it replaced is kept as a safety backup." : "";
      return { intent: "success", title: "Restored", detail: `${describeManifest(report.manifest)}; now ledger version ${report.ledgerVersion}.${safety} All INV formulas recalculate.` };
    });
  }, [clock, onLedgerChanged, pending, refresh, run, store, vault]);

  return { pending, chooseFile, chooseWorkbook, chooseSafety, confirmRestore, cancelRestore: () => setPending(null) };
}
