/**
 * Assembly commands beyond posting (inventory.md §14): undo of a posted assembly. The service loads the
 * parent and the components the posting consumed, then runs the engine in one transaction.
 */
import { undoAssembly, type UndoAssemblyInput, type UndoAssemblyResult } from "../posting/undoAssembly";
import type { InventoryService } from "./inventoryService";

/** Undoes the assembly posting whose output entry is `input.outputEntryNo`; returns the reversing entries' numbers. */
export async function undoAssemblyPosting(service: InventoryService, input: UndoAssemblyInput): Promise<{ outputReversal: number; consumptionReversals: number[] }> {
  const components = await service.inspect({ items: [], entries: [input.outputEntryNo] }, (ws) => {
    const owner = ws.ownerOf(input.outputEntryNo);
    const output = owner === undefined ? undefined : ws.book(owner)?.entries.find((e) => e.entryNo === input.outputEntryNo);
    return output?.assembly?.consumption.map((c) => c.item) ?? [];
  });
  const result: UndoAssemblyResult = await service.command({ items: components, entries: [input.outputEntryNo] }, (ws) => undoAssembly(ws, input));
  return { outputReversal: result.outputReversal.entryNo, consumptionReversals: result.consumptionReversals.map((e) => e.entryNo) };
}
