/**
 * The run-level pass cap of cost adjustment (setupCommands.adjustItems): when every pass still writes
 * value entries, the command is refused instead of stopping silently (costing issue item 4). The
 * per-item adjustment is replaced by one that never settles.
 */
import type { ItemBook } from "../../src/core/book";
import { InvariantError } from "../../src/core/errors";
import { adjustItems } from "../../src/core/service/setupCommands";
import { loadWorkspace } from "../../src/core/service/inventoryService";
import type { Item, ValueEntry } from "../../src/core/types";
import type { Workspace } from "../../src/core/workspace";
import { freshService, line } from "./helpers";

const calls: string[] = [];
let settles = false;

jest.mock("../../src/core/costing/adjust", () => ({
  ...jest.requireActual("../../src/core/costing/adjust"),
  adjustItem: (ws: Workspace, item: Item, book: ItemBook) => {
    calls.push(item.no);
    book.costIsAdjusted = settles;
    // Unless told to settle, writes something on every pass and leaves the item unadjusted.
    if (!settles) ws.newValueEntries.push({ ...book.values[0], entryNo: 1_000 + calls.length });
  },
}));

describe("cost adjustment run cap", () => {
  it("refuses with an InvariantError after 20 passes that all still write", async () => {
    const { store, service } = await freshService([{ no: "A" }]);
    await service.postJournal([line({ entryType: "Purchase", quantity: 1, unitCost: 1 })]);
    const ws = await store.read((tx) => loadWorkspace(tx, { items: "all" }));
    ws.bookForUpdate("A").costIsAdjusted = false;
    expect(() => adjustItems(ws, ["A"], null)).toThrow(InvariantError);
    expect(calls).toHaveLength(20);
    expect(() => adjustItems(ws, ["A"], null)).toThrow(/cost adjustment did not converge in 20 passes/);
  });

  it("stops without refusing when a pass writes nothing", async () => {
    const { store, service } = await freshService([{ no: "A" }]);
    await service.postJournal([line({ entryType: "Purchase", quantity: 1, unitCost: 1 })]);
    const ws = await store.read((tx) => loadWorkspace(tx, { items: "all" }));
    calls.length = 0;
    settles = true;
    ws.bookForUpdate("A").costIsAdjusted = false;
    const written: ValueEntry[] = ws.newValueEntries;
    expect(() => adjustItems(ws, ["A"], null)).not.toThrow();
    expect(calls).toEqual(["A"]);
    expect(written).toHaveLength(0);
  });
});
