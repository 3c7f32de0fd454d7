/**
 * Workbench entry (workbench.html, `npm run workbench`): the task pane app over real IndexedDB (Dexie,
 * database from `?db=`, default the add-in's) and the in-memory workbook drawn beside it. On first open
 * of an empty database the DEMO company is posted through the service.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { composeApp, DEFAULT_DB_NAME, requestPersistentStorage } from "../app/composition";
import { isEmptyStore, loadDemoLedger } from "../demo/demoData";
import { createDemoSheets } from "../demo/demoWorkbook";
import { MemoryWorkbook } from "../excel/memoryWorkbook";
import { exportXlsx } from "../excel/xlsxExport";
import { pageCellRegistry } from "../functions/cellRegistry";
import { invFunctions } from "../functions/registry";
import { FormulaRefresher } from "../refresh/formulaRefresher";
import { DexieSafetyVault } from "../backup/safetyVault";
import { DexieLedgerStore } from "../storage/dexieStore";
import { WorkbenchController } from "./controller";
import { installTestHooks } from "./testHooks";
import { Workbench } from "./Workbench";

async function download(workbook: MemoryWorkbook): Promise<void> {
  const bytes = await exportXlsx(workbook);
  const url = URL.createObjectURL(new Blob([bytes.slice()], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = "inventory-ledger-workbench.xlsx";
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function start(): void {
  const container = document.getElementById("container");
  if (!container) return;
  requestPersistentStorage();
  const params = new URLSearchParams(window.location.search);
  const dbName = params.get("db") || DEFAULT_DB_NAME;
  // ?now=2025-02-05T10:14 fixes the clock of sheet banners (reproducible screenshots and tests).
  const fixedNow = params.get("now");
  const now = fixedNow && !Number.isNaN(Date.parse(fixedNow)) ? () => new Date(fixedNow) : undefined;
  const workbook = new MemoryWorkbook();
  const controller = new WorkbenchController(workbook, invFunctions);
  const deps = composeApp(new DexieLedgerStore(dbName), workbook, {
    // The in-memory workbook recomputes every formula after a command (its formulas are few); the
    // refresher only serves Settings' "Refresh all INV formulas" and formula audit here.
    onLedgerChanged: () => void controller.recalculate(),
    formulaRefresh: new FormulaRefresher(workbook, pageCellRegistry()),
    selectTableCell: controller.selectTableCell,
    now,
    safetyVault: new DexieSafetyVault(dbName),
  });

  const ready = controller.track(
    (async () => {
      if (await isEmptyStore(deps.store)) await loadDemoLedger(deps.service);
      await createDemoSheets(workbook);
      await controller.recalculate();
    })(),
  );
  installTestHooks(controller, deps.store, ready);
  ready.catch((error: unknown) => {
    controller.reportProblem(`The workbench could not start: ${error instanceof Error ? error.message : String(error)}`);
  });

  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Workbench deps={deps} controller={controller} onDownload={() => void download(workbook)} />
    </FluentProvider>,
  );
}

start();
