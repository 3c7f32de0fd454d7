/**
 * Settings / Backup (excel.md §4.1, §5; issue 8 item 6): work date, backup to a file or into the
 * workbook, restore from either (checked first, confirmed, a safety backup taken), safety backups,
 * persistent-storage status with the workbook backup one click away, and diagnostics.
 */
import { useRef } from "react";
import { Button, Field, Input, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { AppDeps } from "../app/deps";
import { TaskStatus } from "./components/TaskStatus";
import { FormulaTools } from "./FormulaTools";
import { describeManifest, useSettings, type SettingsCommands } from "./hooks/useSettings";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "6px", marginBottom: "12px" },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap" },
  row: { display: "flex", gap: "8px", alignItems: "flex-end" },
  control: { minWidth: 0, flexGrow: 1 },
  facts: { display: "grid", gridTemplateColumns: "auto 1fr", gap: "2px 12px", margin: 0, fontSize: tokens.fontSizeBase200 },
  fact: { margin: 0, textAlign: "right", fontVariantNumeric: "tabular-nums" },
  hidden: { display: "none" },
  pair: { display: "contents" },
});

function StorageWarnings({ settings }: { settings: SettingsCommands }) {
  const busy = settings.task.busy;
  return (
    <>
      {settings.storage?.warnings.map((warning) => (
        <MessageBar key={warning} intent="warning" layout="multiline" data-testid="storage-warning">
          <MessageBarBody>
            <MessageBarTitle>Data at risk</MessageBarTitle>
            {warning}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={settings.backupToWorkbook} disabled={busy}>Backup into workbook</Button>
          </MessageBarActions>
        </MessageBar>
      ))}
      {settings.workbookOffer && (
        <MessageBar intent="info" layout="multiline" data-testid="workbook-offer">
          <MessageBarBody>
            <MessageBarTitle>This workbook carries a backup</MessageBarTitle>
            {describeManifest(settings.workbookOffer)}. This computer does not hold that company.
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={settings.chooseWorkbook} disabled={busy}>Restore from workbook</Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </>
  );
}

function RestoreConfirmation({ settings }: { settings: SettingsCommands }) {
  const { pending } = settings;
  if (!pending) return null;
  const replaces = settings.companyId
    ? `It replaces every item, entry and setting of this computer's store (company ${settings.companyId}); a safety backup of it is taken first.`
    : "The store here is empty.";
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="restore-confirm">
      <MessageBarBody>
        <MessageBarTitle>Restore from {pending.label}?</MessageBarTitle>
        {describeManifest(pending.manifest)}. {replaces}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" size="small" onClick={settings.confirmRestore}>Restore now</Button>
        <Button size="small" onClick={settings.cancelRestore}>Cancel</Button>
      </MessageBarActions>
    </MessageBar>
  );
}

function storageLine(settings: SettingsCommands): string {
  const status = settings.storage;
  if (!status) return "Checking storage…";
  const persisted = status.persisted === null ? "unknown (the browser does not say)" : status.persisted ? "granted" : "denied";
  const used = status.usage !== null && status.quota !== null ? `; ${(status.usage / 1024 / 1024).toFixed(1)} MB of ${(status.quota / 1024 / 1024).toFixed(0)} MB used` : "";
  return `Persistent storage: ${persisted}${used}.`;
}

export function SettingsScreen(deps: AppDeps) {
  const styles = useStyles();
  const settings = useSettings(deps);
  const fileInput = useRef<HTMLInputElement>(null);
  const busy = settings.task.busy;
  return (
    <section aria-label="Settings and backup">
      <StorageWarnings settings={settings} />
      <div className={styles.section}>
        <div className={styles.row}>
          <Field label="Work date" className={styles.control}>
            <Input value={settings.workDate} placeholder="yyyy-mm-dd" onChange={(_e, d) => settings.setWorkDateText(d.value)} />
          </Field>
          <Button onClick={settings.saveWorkDate} disabled={busy}>Set</Button>
        </div>
      </div>
      <div className={styles.section}>
        <Text weight="semibold">Backup</Text>
        <div className={styles.actions}>
          <Button appearance="primary" onClick={settings.backupToFile} disabled={busy}>Backup to file</Button>
          <Button onClick={settings.backupToWorkbook} disabled={busy}>Backup into workbook</Button>
        </div>
        <Text weight="semibold">Restore</Text>
        <div className={styles.actions}>
          <Button onClick={() => fileInput.current?.click()} disabled={busy}>Restore from file…</Button>
          <Button onClick={settings.chooseWorkbook} disabled={busy}>Restore from workbook</Button>
        </div>
        <input
          ref={fileInput}
          className={styles.hidden}
          type="file"
          accept=".invbak"
          data-testid="restore-file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (file) settings.chooseFile(file);
          }}
        />
        <RestoreConfirmation settings={settings} />
        <TaskStatus task={settings.task} />
        {settings.safetyBackups.length > 0 && (
          <>
            <Text size={200}>Safety backups (taken before each restore; newest three kept):</Text>
            {settings.safetyBackups.map((backup) => (
              <div key={backup.id} className={styles.row}>
                <Text size={200} className={styles.control}>{describeManifest(backup.manifest)}</Text>
                <Button size="small" onClick={() => settings.chooseSafety(backup.id)} disabled={busy}>Restore</Button>
              </div>
            ))}
          </>
        )}
      </div>
      {deps.formulaRefresh && (
        <div className={styles.section}>
          <FormulaTools control={deps.formulaRefresh} />
        </div>
      )}
      <div className={styles.section}>
        <Text weight="semibold">Diagnostics</Text>
        <Text size={200} data-testid="storage-status">{storageLine(settings)}</Text>
        <dl className={styles.facts} data-testid="diagnostics">
          {settings.diagnostics.map(([label, value]) => (
            <div key={label} className={styles.pair}>
              <dt>{label}</dt>
              <dd className={styles.fact}>{value}</dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}
