/**
 * The composition root shared by the Excel task pane and the workbench: one store, one service over
 * it, the custom functions reading the same store, and the workbook port the pane writes to.
 */
import type { LedgerStore } from "../core/ports";
import { InventoryService } from "../core/service/inventoryService";
import type { WorkbookPort } from "../excel/port";
import { configureFunctions, type CommitListener } from "../functions/registry";
import type { AppDeps } from "./deps";

/** IndexedDB database of the add-in (the workbench may override it with ?db=). */
export const DEFAULT_DB_NAME = "inventory-ledger";

/**
 * `onCommit` hears every commit's touched items (Excel: the targeted INV refresh, excel.md §2.2);
 * `onRemoteCommit` the commits other runtimes broadcast (§2.1 rule 9).
 */
export function composeApp(
  store: LedgerStore,
  workbook: WorkbookPort,
  extra: Partial<AppDeps> = {},
  onCommit?: CommitListener,
  onRemoteCommit?: CommitListener,
): AppDeps {
  // Everything posts through the observed store, so each commit refreshes the functions' cache.
  const observed = configureFunctions({ store, onCommit, onRemoteCommit });
  return { service: new InventoryService(observed), store: observed, workbook, ...extra };
}

/** Asks the browser to keep the IndexedDB data under storage pressure (best effort; webviews may refuse). */
export function requestPersistentStorage(): void {
  const storage = typeof navigator === "undefined" ? undefined : navigator.storage;
  if (storage?.persist) void storage.persist().catch(() => false);
}
