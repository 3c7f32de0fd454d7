/**
 * The end of every command (costing.md §4 general order): automatic cost adjustment for the items
 * touched (§9.7), automatic G/L posting of the new value entries (§15.3), then the ledger health
 * check on the touched items.
 */
import { adjustItem } from "../costing/adjust";
import { hasMarks } from "../costing/marks";
import { postValueEntry } from "../gl/postValue";
import { checkLedgerHealth } from "../health";
import type { Workspace } from "../workspace";

export function finishCommand(ws: Workspace): void {
  const setup = ws.company.inventorySetup;
  if (setup.automaticCostAdjustment === "Always") {
    for (const no of [...ws.changedBooks].sort()) {
      const book = ws.book(no);
      const item = ws.item(no);
      if (book && item && hasMarks(book)) adjustItem(ws, item, book);
    }
  }
  if (setup.automaticCostPosting) {
    for (const value of ws.newValueEntries) postValueEntry(ws, value);
  }
  checkLedgerHealth(ws);
}
