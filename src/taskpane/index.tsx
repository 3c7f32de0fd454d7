/**
 * Task pane entry inside Excel: Dexie over IndexedDB as the store, office-js as the workbook. The
 * custom functions entry on the same page (shared runtime) reads the same store.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { composeApp, DEFAULT_DB_NAME, requestPersistentStorage } from "../app/composition";
import { DexieSafetyVault } from "../backup/safetyVault";
import { DexieLedgerStore } from "../storage/dexieStore";
import { OfficeWorkbook } from "../excel/officeWorkbook";
import { App } from "./App";

function render(): void {
  const container = document.getElementById("container");
  if (!container) return;
  requestPersistentStorage();
  const deps = composeApp(new DexieLedgerStore(DEFAULT_DB_NAME), new OfficeWorkbook(), { safetyVault: new DexieSafetyVault(DEFAULT_DB_NAME) });
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App {...deps} />
    </FluentProvider>,
  );
}

void Office.onReady(() => render());
