/**
 * excel.md §5: when the pane opens on a workbook whose hidden _INV_BACKUP holds a company this browser's
 * store does not have (the file came from another Excel, e.g. desktop → web), say so at once and lead to
 * the Settings screen, where the restore itself (with its safety backup and progress) lives.
 */
import { useEffect, useState } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { LedgerStore } from "../../core/ports";
import type { WorkbookPort } from "../../excel/port";
import { workbookRestoreOffer } from "../../backup/backupService";
import type { BackupManifest } from "../../backup/manifest";

export interface RestoreOfferBarProps {
  store: LedgerStore;
  workbook: WorkbookPort;
  onOpenSettings: () => void;
}

export function RestoreOfferBar({ store, workbook, onOpenSettings }: RestoreOfferBarProps) {
  const [offer, setOffer] = useState<BackupManifest | null>(null);
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => {
    let live = true;
    // A workbook that cannot be read simply offers nothing; the Settings screen reports read errors.
    workbookRestoreOffer(store, workbook)
      .then((found) => live && setOffer(found))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [store, workbook]);
  if (!offer || dismissed) return null;
  const company = offer.company?.name ?? offer.company?.id ?? "a company";
  return (
    <MessageBar intent="info" layout="multiline" data-testid="restore-offer">
      <MessageBarBody>
        <MessageBarTitle>Backup in this workbook</MessageBarTitle>
        It holds {company} (ledger v{offer.ledgerVersion}), which this computer&apos;s store does not have.
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onOpenSettings}>
          Restore from workbook…
        </Button>
        <Button size="small" appearance="transparent" onClick={() => setDismissed(true)}>
          Not now
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
