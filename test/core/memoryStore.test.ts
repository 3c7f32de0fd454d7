import { newCompany } from "../../src/core/company";
import { emptyBook } from "../../src/core/book";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";

describe("MemoryLedgerStore", () => {
  it("commits a transaction's writes only when it resolves", async () => {
    const store = new MemoryLedgerStore();
    await store.transact(async (tx) => tx.putCompany(newCompany("c", "C", "2024-01-01")));
    await expect(
      store.transact(async (tx) => {
        await tx.putBooks([emptyBook("A", 0)]);
        expect((await tx.books(["A"])).has("A")).toBe(true);
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect((await store.exportAll()).books).toEqual([]);
  });

  it("hands out copies, so a caller's mutation never reaches the store", async () => {
    const store = new MemoryLedgerStore();
    await store.transact(async (tx) => tx.putCompany(newCompany("c", "C", "2024-01-01")));
    const company = await store.read((tx) => tx.company());
    if (company) company.name = "changed";
    expect((await store.exportAll()).company?.name).toBe("C");
  });

  it("records the owner of every stored entry and exports sorted", async () => {
    const store = new MemoryLedgerStore();
    const book = emptyBook("B", 0);
    book.entries.push({ entryNo: 7 } as never);
    await store.transact(async (tx) => tx.putBooks([book, emptyBook("A", 0)]));
    expect(await store.read((tx) => tx.entryOwner(7))).toBe("B");
    expect((await store.exportAll()).books.map((b) => b.item)).toEqual(["A", "B"]);
  });
});
