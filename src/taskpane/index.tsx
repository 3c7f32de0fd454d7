/**
 * Task pane entry inside Excel: Dexie over IndexedDB as the store, office-js as the workbook. The
 * custom functions entry on the same page (shared runtime) reads the same store. INV functions are not
 * volatile, so after each command the pane recalculates the INV cells its commits made stale
 * (excel.md §2.2); the workbench instead recalculates its whole in-memory workbook.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { composeApp, DEFAULT_DB_NAME, requestPersistentStorage } from "../app/composition";
import { DexieSafetyVault } from "../backup/safetyVault";
import { DexieLedgerStore } from "../storage/dexieStore";
import { OfficeWorkbook } from "../excel/officeWorkbook";
import { pageCellRegistry } from "../functions/cellRegistry";
import { itemsReadBy } from "../functions/registry";
import { FormulaRefresher } from "../refresh/formulaRefresher";
import { ResultStampKeeper, storeStamp } from "../refresh/resultStamp";
import { App } from "./App";
import { RefreshOfferBar } from "./RefreshOfferBar";
import { LedgerChangedOfferBar } from "./components/LedgerChangedOfferBar";
import { stampTime } from "./hooks/useLedgers";

function render(): void {
  const container = document.getElementById("container");
  if (!container) return;
  requestPersistentStorage();
  const workbook = new OfficeWorkbook();
  const store = new DexieLedgerStore(DEFAULT_DB_NAME);
  // Rule 10: the ledger version INV values were calculated from is stamped in _INV_META after each refresh.
  const stamps = new ResultStampKeeper(workbook, () => storeStamp(store), () => stampTime(new Date()));
  const refresher = new FormulaRefresher(workbook, pageCellRegistry(), { readBy: itemsReadBy, listener: stamps });
  const deps = composeApp(
    store,
    workbook,
    {
      safetyVault: new DexieSafetyVault(DEFAULT_DB_NAME),
      // A failed refresh leaves old values, which Settings' "Refresh all INV formulas" can redo.
      onLedgerChanged: () => void refresher.refreshChanged().catch(() => undefined),
      formulaRefresh: refresher,
    },
    refresher.noteChange,
    // Rule 9: another workbook's commit refreshes this workbook's INV cells it made stale (§2.2).
    (change, scope) => void refresher.noteRemoteCommit(change, scope).catch(() => undefined),
  );
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <RefreshOfferBar control={refresher} />
      <LedgerChangedOfferBar stamps={stamps} control={refresher} />
      <App {...deps} />
    </FluentProvider>,
  );
}

void Office.onReady(() => render());
