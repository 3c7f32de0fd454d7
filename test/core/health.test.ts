import { InvariantError } from "../../src/core/errors";
import { checkLedgerHealth } from "../../src/core/health";
import { addEntry } from "../../src/core/ledger/bookIndex";
import { loadWorkspace } from "../../src/core/service/inventoryService";
import { freshService, line } from "./helpers";

describe("ledger health check", () => {
  it("accepts a consistent ledger and refuses a remaining quantity that the applications do not explain", async () => {
    const { store, service } = await freshService([{ no: "A" }]);
    await service.postJournal([line({ entryType: "Purchase", quantity: 5, unitCost: 2 })]);
    const ws = await store.read((tx) => loadWorkspace(tx, { items: ["A"] }));
    // A new outbound as the engine would write it, but without its application record.
    const book = ws.bookForUpdate("A");
    addEntry(book, { ...book.entries[0], entryNo: 2, quantity: -100_000, remainingQuantity: 0, open: false, positive: false });
    ws.startCounters.lastItemLedgerEntryNo = 1;
    expect(() => checkLedgerHealth(ws)).toThrow(InvariantError);
    expect(() => checkLedgerHealth(ws)).toThrow(/entry 2 remaining 0, applications give -100000/);
  });

  it("refuses an item value that differs from the sum of its value entries", async () => {
    const { store, service } = await freshService([{ no: "A" }]);
    await service.postJournal([line({ entryType: "Purchase", quantity: 5, unitCost: 2 })]);
    const ws = await store.read((tx) => loadWorkspace(tx, { items: ["A"] }));
    const book = ws.bookForUpdate("A");
    expect(() => checkLedgerHealth(ws)).not.toThrow();
    // A value entry changed in place, behind the running inventory value's back.
    book.values[0].costAmountActual += 1;
    expect(() => checkLedgerHealth(ws)).toThrow(InvariantError);
    expect(() => checkLedgerHealth(ws)).toThrow(/\(item value\): item A: inventory value 1000, value entries give 1001/);
  });

  it("refuses G/L entries that do not balance", async () => {
    const { store, service } = await freshService([{ no: "A" }]);
    await service.postJournal([line({ entryType: "Purchase", quantity: 1, unitCost: 2 })]);
    const ws = await store.read((tx) => loadWorkspace(tx, { items: ["A"] }));
    ws.newGLEntries.push({ entryNo: 1, postingDate: "2024-01-01", accountNo: "2130", amount: 5, documentNo: "", valueEntryNo: null, description: "" });
    expect(() => checkLedgerHealth(ws)).toThrow(/do not balance/);
  });
});
