/**
 * The end of every command (costing.md §4 general order): automatic cost adjustment for the items
 * touched (§9.7), automatic G/L posting of the new value entries (§15.3), then the ledger health
 * check on the touched items.
 */
import { adjustItems, withAssemblyParents } from "./setupCommands";
import { postValueEntry } from "../gl/postValue";
import { checkLedgerHealth } from "../health";
import type { Workspace } from "../workspace";

export function finishCommand(ws: Workspace): void {
  const setup = ws.company.inventorySetup;
  if (setup.automaticCostAdjustment === "Always") {
    // The items touched, and the assembly parents their consumption feeds (loaded with them).
    const touched = new Set<string>();
    for (const no of ws.changedBooks) for (const related of withAssemblyParents(ws, no)) touched.add(related);
    adjustItems(ws, touched, null);
  }
  if (setup.automaticCostPosting) {
    for (const value of ws.newValueEntries) postValueEntry(ws, value);
  }
  checkLedgerHealth(ws);
}
