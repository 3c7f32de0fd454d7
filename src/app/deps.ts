/**
 * What the React app needs from the rest of the add-in, injected as props by the composition root
 * (Excel task pane, workbench page, tests). Nothing in the UI constructs a store or a workbook itself.
 */
import type { InventoryService } from "../core/service/inventoryService";
import type { LedgerStore } from "../core/ports";
import type { WorkbookPort } from "../excel/port";
import type { SafetyVault } from "../backup/safetyVault";
import type { StorageStatusSource } from "../backup/storageStatus";
import type { FormulaRefreshControl } from "../refresh/formulaRefresher";

export interface AppDeps {
  service: InventoryService;
  store: LedgerStore;
  workbook: WorkbookPort;
  /** Called after every command that changed the ledger, so INV formulas can be recalculated. */
  onLedgerChanged?: () => void;
  /** Selects a table cell in the workbook (the error list links to the offending cells); `row` is the 0-based data row. */
  selectTableCell?: (table: string, row: number, column: string) => void;
  /** Wall clock for sheet banners ("Generated …"); injected so tests are deterministic. */
  now?: () => Date;
  /** Where restore keeps its safety backups (excel.md §5); in memory when absent. */
  safetyVault?: SafetyVault;
  /** Offers bytes as a downloaded file (default: a link click; a desktop webview may need an Office dialog). */
  saveFile?: (name: string, bytes: Uint8Array) => void;
  /** navigator.storage or a stand-in (tests); absent: persistence status unknown. */
  storage?: StorageStatusSource;
  /** Targeted INV refresh (excel.md §2.2): Settings' "Refresh all INV formulas", formula audit, "Refresh now" offer. */
  formulaRefresh?: FormulaRefreshControl;
}
