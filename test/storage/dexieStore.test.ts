/** What the Dexie store adds beyond the contract: the packed layout, persistence across opens, nesting. */
import type { LedgerTransaction } from "../../src/core/ports";
import { pageCount } from "../../src/storage/bookPages";
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
