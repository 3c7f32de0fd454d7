/**
 * The LedgerStore contract (src/core/ports.ts), run against every implementation: round trip, copies,
 * atomicity, entry owners and G/L entries across the 1,000-entry chunk boundary, deterministic export.
 */
import type { LedgerStore } from "../../src/core/ports";
import { makeBook, makeCompany, makeGLEntry, makeItem } from "./fixtures";

export type StoreFactory = () => Promise<LedgerStore> | LedgerStore;

async function seed(store: LedgerStore): Promise<void> {
  await store.transact(async (tx) => {
    await tx.putCompany(makeCompany());
    await tx.putItems([makeItem("2000"), makeItem("1000"), makeItem("3000")]);
    await tx.putBooks([
      makeBook("1000", [
        { entryNo: 2, date: "2025-01-05", quantity: 10, cost: 1000 },
        { entryNo: 4, date: "2025-01-10", quantity: 10, cost: 1200 },
      ]),
      makeBook("2000", [{ entryNo: 1, date: "2025-01-03", quantity: 10, cost: 300 }]),
    ]);
    await tx.appendGLEntries([makeGLEntry(1), makeGLEntry(2)]);
  });
}

export function ledgerStoreContract(name: string, factory: StoreFactory): void {
  describe(`${name} satisfies the LedgerStore contract`, () => {
    let store: LedgerStore;
    beforeEach(async () => {
      store = await factory();
    });

    test("round trip: what a transaction writes, a read returns", async () => {
      await seed(store);
      const read = await store.read(async (tx) => ({
        company: await tx.company(),
        all: (await tx.items()).map((item) => item.no),
        some: (await tx.items(["3000", "9999", "1000"])).map((item) => item.no),
        books: await tx.books(["1000", "3000", "2000"]),
        gl: (await tx.glEntries()).map((entry) => entry.entryNo),
      }));
      expect(read.company).toEqual(makeCompany());
      expect(read.all).toEqual(["1000", "2000", "3000"]);
      expect(read.some).toEqual(["1000", "3000"]);
      expect([...read.books.keys()].sort()).toEqual(["1000", "2000"]); // 3000 has no entries, so no book
      expect(read.books.get("1000")).toEqual(makeBook("1000", [
        { entryNo: 2, date: "2025-01-05", quantity: 10, cost: 1000 },
        { entryNo: 4, date: "2025-01-10", quantity: 10, cost: 1200 },
      ]));
      expect(read.gl).toEqual([1, 2]);
    });

    test("reads hand out copies: mutating a loaded book changes nothing stored", async () => {
      await seed(store);
      const book = (await store.read((tx) => tx.books(["1000"]))).get("1000");
      book!.entries[0].quantity = 0;
      book!.version = 99;
      const again = (await store.read((tx) => tx.books(["1000"]))).get("1000");
      expect(again!.entries[0].quantity).toBe(1_000_000);
      expect(again!.version).toBe(1);
    });

    test("a transaction reads its own writes", async () => {
      await seed(store);
      const seen = await store.transact(async (tx) => {
        await tx.putBooks([makeBook("3000", [{ entryNo: 5, date: "2025-01-12", quantity: 15, cost: 90 }])]);
        return { book: (await tx.books(["3000"])).get("3000")?.entries.length, owner: await tx.entryOwner(5) };
      });
      expect(seen).toEqual({ book: 1, owner: "3000" });
    });

    test("atomicity: a throw inside transact writes nothing", async () => {
      await seed(store);
      const before = await store.exportAll();
      const failing = store.transact(async (tx) => {
        const company = (await tx.company())!;
        company.ledgerVersion = 42;
        await tx.putCompany(company);
        await tx.putItems([makeItem("4000")]);
        await tx.putBooks([makeBook("4000", [{ entryNo: 6, date: "2025-01-15", quantity: 1, cost: 5 }])]);
        await tx.appendGLEntries([makeGLEntry(3)]);
        throw new Error("refused by the health check");
      });
      await expect(failing).rejects.toThrow("refused by the health check");
      expect(await store.exportAll()).toEqual(before);
      expect(await store.read((tx) => tx.entryOwner(6))).toBeUndefined();
    });

    test("entryOwner names the item of each entry, across chunk boundaries and later postings", async () => {
      await seed(store);
      await store.transact(async (tx) => {
        const books = await tx.books(["1000"]);
        const book = books.get("1000")!;
        const later = makeBook("1000", [
          { entryNo: 999, date: "2025-01-20", quantity: -1, cost: -100 },
          { entryNo: 1000, date: "2025-01-21", quantity: -1, cost: -100 },
          { entryNo: 1001, date: "2025-01-22", quantity: -1, cost: -100 },
        ]);
        book.entries.push(...later.entries);
        book.values.push(...later.values);
        await tx.putBooks([book, makeBook("3000", [{ entryNo: 2001, date: "2025-01-23", quantity: 1, cost: 5 }])]);
      });
      const owners = await store.read(async (tx) =>
        Promise.all([1, 2, 4, 999, 1000, 1001, 2001, 3, 1002, 5000].map((entryNo) => tx.entryOwner(entryNo))),
      );
      expect(owners).toEqual(["2000", "1000", "1000", "1000", "1000", "1000", "3000", undefined, undefined, undefined]);
    });

    test("G/L entries across the 1,000 boundary come back ascending after any entry number", async () => {
      await store.transact((tx) => tx.appendGLEntries([995, 996, 997, 998, 999].map((no) => makeGLEntry(no))));
      await store.transact((tx) => tx.appendGLEntries([1000, 1001, 1002, 1999, 2000].map((no) => makeGLEntry(no))));
      const read = await store.read(async (tx) => ({
        all: (await tx.glEntries()).map((entry) => entry.entryNo),
        after998: (await tx.glEntries(998)).map((entry) => entry.entryNo),
        after999: (await tx.glEntries(999)).map((entry) => entry.entryNo),
        after1999: (await tx.glEntries(1999)).map((entry) => entry.entryNo),
        after2000: (await tx.glEntries(2000)).map((entry) => entry.entryNo),
      }));
      expect(read.all).toEqual([995, 996, 997, 998, 999, 1000, 1001, 1002, 1999, 2000]);
      expect(read.after998).toEqual([999, 1000, 1001, 1002, 1999, 2000]);
      expect(read.after999).toEqual([1000, 1001, 1002, 1999, 2000]);
      expect(read.after1999).toEqual([2000]);
      expect(read.after2000).toEqual([]);
      expect((await store.exportAll()).glEntries.map((entry) => entry.amount)).toEqual(new Array(10).fill(100));
    });

    test("exportAll is deterministic whatever the order of writes", async () => {
      await seed(store);
      const other = await factory();
      await other.transact(async (tx) => {
        await tx.appendGLEntries([makeGLEntry(2), makeGLEntry(1)]);
        await tx.putBooks([
          makeBook("2000", [{ entryNo: 1, date: "2025-01-03", quantity: 10, cost: 300 }]),
          makeBook("1000", [
            { entryNo: 2, date: "2025-01-05", quantity: 10, cost: 1000 },
            { entryNo: 4, date: "2025-01-10", quantity: 10, cost: 1200 },
          ]),
        ]);
        await tx.putItems([makeItem("3000"), makeItem("1000"), makeItem("2000")]);
        await tx.putCompany(makeCompany());
      });
      const [a, b] = [await store.exportAll(), await other.exportAll()];
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      expect(a.items.map((item) => item.no)).toEqual(["1000", "2000", "3000"]);
      expect(a.books.map((book) => book.item)).toEqual(["1000", "2000"]);
    });
  });
}
