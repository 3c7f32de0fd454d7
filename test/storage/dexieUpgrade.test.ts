/**
 * Layout versions (dexieSchema.ts): a version 1 database — one record per whole book — and a version 2 one —
 * paged books whose state records carry a boolean `unadjusted` — are upgraded in place when opened, keeping
 * every record; and the book cache never outlives a refused command or misses a write made through another
 * connection.
 */
import type { ItemBook } from "../../src/core/book";
import { DexieLedgerStore } from "../../src/storage/dexieStore";
import { bookRecords, pageCount, PAGE_ROWS } from "../../src/storage/bookPages";
import { LedgerDatabaseV1, LedgerDatabaseV2 } from "../../src/storage/dexieSchema";
import { makeBook, makeCompany, makeGLEntry, makeItem, type Movement } from "./fixtures";

// fake-indexeddb is slow with thousands of rows on a busy machine (tooling notes §7.5).
jest.setTimeout(30_000);

let databases = 0;
const opened: DexieLedgerStore[] = [];
function open(name: string): DexieLedgerStore {
  const store = new DexieLedgerStore(name);
  opened.push(store);
  return store;
}

afterAll(async () => {
  const names = new Set<string>();
  for (const store of opened) {
    if (names.has(store.db.name)) store.close();
    else await store.destroy();
    names.add(store.db.name);
  }
});

const movements = (count: number, from = 1): Movement[] =>
  Array.from({ length: count }, (_, i) => ({ entryNo: from + i, date: "2025-01-05", quantity: 1, cost: 2 }));

/** A stored version 1 database: company, items, two books (one of 2,500 entries), owners and G/L chunks. */
async function writeV1(name: string): Promise<ItemBook[]> {
  const v1 = new LedgerDatabaseV1(name);
  const big = makeBook("1000", movements(2500));
  big.costIsAdjusted = false;
  big.marks.inbounds.push(1);
  const small = makeBook("2000", movements(3, 2501));
  await v1.table("company").put({ slot: 0, company: makeCompany() });
  await v1.table("items").bulkPut([makeItem("1000"), makeItem("2000")]);
  await v1.table("books").bulkPut([big, small]);
  const owners = Array.from({ length: 1000 }, (_, slot) => (slot === 0 ? null : "1000"));
  await v1.table("entryOwners").bulkPut([{ chunkNo: 0, owners }]);
  await v1.table("gl").bulkPut([{ chunkNo: 0, entries: [makeGLEntry(1), makeGLEntry(2)] }]);
  v1.close();
  return [big, small];
}

test("opening a version 1 database upgrades it to paged books with every record intact", async () => {
  const name = `upgrade-${++databases}`;
  const [big, small] = await writeV1(name);
  const store = open(name);
  const snapshot = await store.exportAll();
  expect(store.db.verno).toBe(3);
  expect(snapshot.books).toEqual([big, small]);
  expect(snapshot.items.map((item) => item.no)).toEqual(["1000", "2000"]);
  expect(snapshot.glEntries.map((entry) => entry.entryNo)).toEqual([1, 2]);
  expect(await store.read((tx) => tx.entryOwner(7))).toBe("1000");
  // 2,500 entries and 2,500 value entries; the small book's 3 and 3 fill one page each.
  expect(await store.db.bookPages.count()).toBe(2 * pageCount(2500) + 2);
  expect(store.db.tables.map((table) => table.name)).not.toContain("books");
  expect(await store.read(async (tx) => tx.unadjustedItems?.())).toEqual(["1000"]);
});

test("opening a version 2 database indexes which items cost adjustment has to visit", async () => {
  const name = `upgrade-v2-${++databases}`;
  const v2 = new LedgerDatabaseV2(name);
  const books = ["1000", "2000", "3000"].map((item, at) => {
    const book = makeBook(item, movements(3, 1 + at * 3));
    book.costIsAdjusted = item !== "2000";
    return book;
  });
  await v2.table("company").put({ slot: 0, company: makeCompany() });
  await v2.table("items").bulkPut(books.map((book) => makeItem(book.item)));
  for (const book of books) {
    const { state, pages } = bookRecords(book, 1);
    // Version 2 stored the flag as a boolean.
    await v2.table("bookState").put({ ...state, unadjusted: state.unadjusted === 1 });
    await v2.table("bookPages").bulkPut(pages);
  }
  v2.close();
  const store = open(name);
  expect(await store.read(async (tx) => tx.unadjustedItems?.())).toEqual(["2000"]);
  expect(store.db.verno).toBe(3);
  expect((await store.exportAll()).books).toEqual(books);
  // The index follows later writes: adjusting 2000 takes it off the list, marking 3000 puts that on.
  await store.transact(async (tx) => {
    const loaded = await tx.books(["2000", "3000"]);
    const [adjusted, marked] = [loaded.get("2000") as ItemBook, loaded.get("3000") as ItemBook];
    adjusted.costIsAdjusted = true;
    marked.marks.inbounds.push(7);
    await tx.putBooks([adjusted, marked]);
  });
  expect(await store.read(async (tx) => tx.unadjustedItems?.())).toEqual(["3000"]);
});

test("a refused command leaves neither the store nor the cached book changed", async () => {
  const store = open(`cache-refused-${++databases}`);
  await store.transact((tx) => tx.putBooks([makeBook("1000", movements(5))]));
  // Load once through a transaction so that the book is cached and lent.
  await store.transact(async (tx) => {
    const book = (await tx.books(["1000"])).get("1000") as ItemBook;
    book.version += 1;
    await tx.putBooks([book]);
  });
  const refused = store.transact(async (tx) => {
    const book = (await tx.books(["1000"])).get("1000") as ItemBook;
    book.entries[0].quantity = -7;
    book.entries.pop();
    throw new Error("refused");
  });
  await expect(refused).rejects.toThrow("refused");
  const after = await store.transact(async (tx) => (await tx.books(["1000"])).get("1000") as ItemBook);
  expect(after.entries).toHaveLength(5);
  expect(after.entries[0].quantity).not.toBe(-7);
  expect(after.version).toBe(2);
});

test("a write through another connection is seen, not the cached book", async () => {
  const name = `cache-other-${++databases}`;
  const first = open(name);
  const second = open(name);
  await first.transact((tx) => tx.putBooks([makeBook("1000", movements(2))]));
  await first.transact(async (tx) => tx.books(["1000"])); // cached in `first`
  await second.transact((tx) => tx.putBooks([makeBook("1000", movements(4), 5)]));
  const seen = await first.transact(async (tx) => (await tx.books(["1000"])).get("1000") as ItemBook);
  expect(seen.entries).toHaveLength(4);
  expect(seen.version).toBe(5);
});

test("a shorter ledger drops the pages it no longer fills", async () => {
  const store = open(`shrink-${++databases}`);
  await store.transact((tx) => tx.putBooks([makeBook("1000", movements(2100))]));
  expect(await store.db.bookPages.count()).toBe(2 * pageCount(2100));
  await store.transact((tx) => tx.putBooks([makeBook("1000", movements(900))]));
  expect(await store.db.bookPages.count()).toBe(2 * pageCount(900));
  expect((await store.read((tx) => tx.books(["1000"]))).get("1000")?.entries).toHaveLength(900);
});

test("a write rewrites only the pages whose rows changed", async () => {
  const store = open(`dirty-${++databases}`);
  await store.transact((tx) => tx.putBooks([makeBook("1000", movements(2500))]));
  const writes: number[] = [];
  const bulkPut = store.db.bookPages.bulkPut.bind(store.db.bookPages);
  jest.spyOn(store.db.bookPages, "bulkPut").mockImplementation((pages, ...rest) => {
    writes.push((pages as unknown[]).length);
    return bulkPut(pages as never, ...(rest as []));
  });
  await store.transact(async (tx) => {
    const book = (await tx.books(["1000"])).get("1000") as ItemBook;
    book.entries[10].remainingQuantity = 0; // the first page of the entries
    const [next] = makeBook("1000", movements(1, 2501)).entries;
    book.entries.push(next); // a new last page of the entries (2,500 rows fill whole pages)
    book.version += 1;
    await tx.putBooks([book]);
  });
  expect(2500 % PAGE_ROWS).toBe(0);
  expect(writes).toEqual([2]);
  const stored = (await store.exportAll()).books[0];
  expect(stored.entries).toHaveLength(2501);
  expect(stored.entries[10].remainingQuantity).toBe(0);
});
