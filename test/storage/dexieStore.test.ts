/** What the Dexie store adds beyond the contract: the packed layout, persistence across opens, nesting. */
import type { LedgerTransaction } from "../../src/core/ports";
import { PAGE_ROWS, pageCount } from "../../src/storage/bookPages";
import { CHUNK_SIZE } from "../../src/storage/dexieSchema";
import { DexieLedgerStore, sharedDexieStore } from "../../src/storage/dexieStore";
import { makeBook, makeCompany, makeGLEntry, makeItem } from "./fixtures";

let databases = 0;
const opened: DexieLedgerStore[] = [];
function freshStore(): DexieLedgerStore {
  const store = new DexieLedgerStore(`dexie-only-${++databases}`);
  opened.push(store);
  return store;
}

afterAll(async () => {
  for (const store of opened) await store.destroy();
});

test("G/L entries and entry owners are packed 1,000 to a record", async () => {
  const store = freshStore();
  const gl = Array.from({ length: 2500 }, (_, i) => makeGLEntry(i + 1));
  const movements = Array.from({ length: 1200 }, (_, i) => ({ entryNo: i + 1, date: "2025-01-05", quantity: 1, cost: 1 }));
  await store.transact(async (tx) => {
    await tx.appendGLEntries(gl);
    await tx.putBooks([makeBook("1000", movements)]);
  });
  // Entries 1…2500 fall in chunks 0, 1, 2; entries 1…1200 in chunks 0, 1.
  expect(await store.db.gl.count()).toBe(3);
  expect(await store.db.entryOwners.count()).toBe(2);
  // One state record; 1,200 entries and 1,200 value entries in pages of PAGE_ROWS rows, no applications.
  expect(await store.db.bookState.count()).toBe(1);
  expect(await store.db.bookPages.count()).toBe(2 * pageCount(1200));
  const firstChunk = await store.db.entryOwners.get(0);
  expect(firstChunk?.owners).toHaveLength(CHUNK_SIZE);
  expect(firstChunk?.owners[0]).toBeNull(); // there is no entry 0
  expect((await store.read((tx) => tx.glEntries())).length).toBe(2500);
});

test("data survives closing and reopening the database", async () => {
  const name = `dexie-reopen-${++databases}`;
  const first = new DexieLedgerStore(name);
  await first.transact(async (tx) => {
    await tx.putCompany(makeCompany());
    await tx.putItems([makeItem("1000")]);
  });
  first.close();
  const second = new DexieLedgerStore(name);
  opened.push(second);
  const snapshot = await second.exportAll();
  expect(snapshot.company?.workDate).toBe("2025-02-05");
  expect(snapshot.items.map((item) => item.no)).toEqual(["1000"]);
});

test("a transaction survives domain code that awaits nested async helpers", async () => {
  const store = freshStore();
  // The posting code awaits its own async functions between store calls; only store calls may be awaited.
  const loadCompany = async (tx: LedgerTransaction) => (await tx.company()) ?? makeCompany();
  const bump = async (tx: LedgerTransaction) => {
    const company = await loadCompany(tx);
    company.ledgerVersion++;
    await tx.putCompany(company);
    return company.ledgerVersion;
  };
  const versions = await store.transact(async (tx) => [await bump(tx), await bump(tx), await bump(tx)]);
  expect(versions).toEqual([1, 2, 3]);
  expect((await store.exportAll()).company?.ledgerVersion).toBe(3);
});

test("storage persistence is not requested where the API is missing (jest)", async () => {
  expect(await freshStore().persisted).toBe(false);
});

test("sharedDexieStore hands out one store per database name", () => {
  const a = sharedDexieStore("shared-test");
  opened.push(a);
  expect(sharedDexieStore("shared-test")).toBe(a);
  expect(sharedDexieStore("shared-test-2")).not.toBe(a);
  opened.push(sharedDexieStore("shared-test-2"));
});

describe("loading many books reads their pages in batches", () => {
  /** Books of 1, 3 and 5 pages per ledger, plus one without ledgers: every batch edge of a 4-page read is crossed. */
  const books = [
    makeBook("1000", movementsFrom(1, 1)),
    makeBook("2000", movementsFrom(2, PAGE_ROWS * 2 + 7)),
    makeBook("3000", movementsFrom(PAGE_ROWS * 3, PAGE_ROWS * 4 + 1)),
    makeBook("4000", []),
    makeBook("5000", movementsFrom(PAGE_ROWS * 8, 3)),
  ];

  function movementsFrom(first: number, count: number) {
    return Array.from({ length: count }, (_, i) => ({ entryNo: first + i, date: "2025-01-05", quantity: 1, cost: i + 1 }));
  }

  test.each([1, 4, 6, 1_000])("with %i pages a read, every book comes back whole and in order", async (pagesPerRead) => {
    const store = new DexieLedgerStore(`dexie-only-batched-${++databases}`, { pagesPerRead });
    opened.push(store);
    await store.transact((tx) => tx.putBooks(books));
    store.close();
    const reopened = new DexieLedgerStore(store.db.name, { pagesPerRead });
    const loaded = await reopened.read((tx) => tx.books(books.map((book) => book.item)));
    expect([...loaded.keys()]).toEqual(books.map((book) => book.item));
    for (const book of books) expect(loaded.get(book.item)).toEqual(book);
    // A write transaction loads the same way and keeps what it loaded as the baseline of its next write.
    await reopened.transact(async (tx) => {
      const lent = await tx.books(["3000"]);
      const chain = lent.get("3000") as (typeof books)[number];
      chain.entries[0].remainingQuantity = 0;
      await tx.putBooks([chain]);
    });
    reopened.close();
    const third = new DexieLedgerStore(store.db.name);
    const after = await third.read((tx) => tx.books(["3000"]));
    third.close();
    expect(after.get("3000")?.entries[0].remainingQuantity).toBe(0);
    expect(after.get("3000")?.entries.slice(1)).toEqual(books[2].entries.slice(1));
  });
});
