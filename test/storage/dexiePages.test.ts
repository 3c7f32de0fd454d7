/**
 * Issue 7, P2: the Dexie store rewrites only the pages whose rows changed, found by comparing rows with a
 * baseline instead of serialising the whole book. That must never miss a row the engine mutated in place.
 * A checking store runs every command through the real engine on a Dexie store and, after each commit,
 * compares what the database holds (exportAll reads the pages, not the cache) with the books the engine
 * left in the cache (a reader's copy), i.e. with a full re-serialisation of the in-memory books.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { canonicalJson } from "../../src/backup/canonicalJson";
import type { LedgerReader, LedgerStore, LedgerTransaction, StoreSnapshot } from "../../src/core/ports";
import type { Scenario, Step } from "../../src/scenario/format";
import { runScenario } from "../../src/scenario/run";
import { PAGE_ROWS } from "../../src/storage/bookPages";
import type { DexieLedgerStore } from "../../src/storage/dexieStore";
import { destroyDexieStores, freshDexieStore } from "../reliability/helpers";

jest.setTimeout(300_000);

/** A Dexie store that, after every committed transaction, proves its stored pages equal its in-memory books. */
class CheckingStore implements LedgerStore {
  checks = 0;
  constructor(private readonly inner: DexieLedgerStore) {}

  async transact<T>(work: (tx: LedgerTransaction) => Promise<T>): Promise<T> {
    const result = await this.inner.transact(work);
    await this.check();
    return result;
  }

  read<T>(work: (tx: LedgerReader) => Promise<T>): Promise<T> {
    return this.inner.read(work);
  }

  exportAll(): Promise<StoreSnapshot> {
    return this.inner.exportAll();
  }

  replaceAll(snapshot: StoreSnapshot): Promise<void> {
    return this.inner.replaceAll(snapshot);
  }

  private async check(): Promise<void> {
    const stored = await this.inner.exportAll();
    const items = stored.books.map((book) => book.item);
    const inMemory = await this.inner.read(async (tx) => tx.books(items));
    const expected = items.map((item) => inMemory.get(item));
    this.checks++;
    if (canonicalJson(stored.books) !== canonicalJson(expected)) {
      const differing = stored.books.filter((book, at) => canonicalJson(book) !== canonicalJson(expected[at])).map((book) => book.item);
      throw new Error(`stored pages differ from the in-memory books of ${differing.join(", ")}`);
    }
  }
}

async function replay(scenario: Scenario): Promise<{ passed: boolean; message?: string; checks: number }> {
  const store = new CheckingStore(freshDexieStore("pages"));
  const result = await runScenario(scenario, store);
  return { passed: result.passed, message: result.message, checks: store.checks };
}

afterAll(destroyDexieStores);

const post = (date: string, entryType: string, quantity: number, more: Partial<Step> = {}): Step =>
  ({ op: "post", date, entryType, item: "A", location: "BLUE", quantity, ...more }) as Step;

/** Several pages per ledger: receipts and sales partly invoiced, then mutations that reach back into sealed pages. */
function multiPageScenario(): Scenario {
  const receipts = PAGE_ROWS + 40;
  const steps: Step[] = [];
  for (let n = 0; n < receipts; n++) steps.push(post("2024-01-02", "Purchase", 4, { unitCost: 10 + (n % 7), invoicedQuantity: n % 3 === 0 ? 0 : 4 }));
  for (let n = 0; n < receipts; n++) steps.push(post("2024-02-01", "Sale", 3, n % 4 === 0 ? { invoicedQuantity: 0 } : {}));
  steps.push(
    { op: "invoice", date: "2024-03-01", entryNo: 1, unitCost: 25 } as Step,
    { op: "itemCharge", date: "2024-03-02", appliesToEntry: 2, amount: 7 } as Step,
    { op: "adjustCost", item: "A" } as Step,
    { op: "undo", date: "2024-03-03", entryNo: receipts + 1 } as Step,
    { op: "reapply", outboundEntryNo: receipts + 5, inboundEntryNo: receipts - 1 } as Step,
    { op: "revalue", date: "2024-03-04", item: "A", location: "BLUE", newUnitCost: 30 } as Step,
    post("2024-01-15", "Sale", 5),
    { op: "adjustCost", item: "A" } as Step,
    { op: "postInventoryCostToGL", date: "2024-03-05" } as Step,
  );
  return { id: "pages-multi", setup: { locations: [{ code: "BLUE" }], items: [{ no: "A", costingMethod: "FIFO" }] }, steps, expect: {} };
}

test("rows mutated across several pages (invoice, charge, adjustment, undo, reapply, revaluation) reach the stored pages", async () => {
  const result = await replay(multiPageScenario());
  expect(result.message).toBeUndefined();
  expect(result.passed).toBe(true);
  expect(result.checks).toBeGreaterThan(2 * (PAGE_ROWS + 40));
});

/** The scenario corpora: the project's own and, where this checkout has it, the shared spec's. */
function scenarioFiles(): string[] {
  const dirs = [join(__dirname, "../../scenarios/extra"), join(__dirname, "../../../shared/spec/scenarios")];
  return dirs.filter((dir) => existsSync(dir)).flatMap((dir) => readdirSync(dir).filter((name) => name.endsWith(".json")).map((name) => join(dir, name)));
}

test("every scenario replayed on a Dexie store leaves stored pages equal to the engine's books after each command", async () => {
  const files = scenarioFiles();
  expect(files.length).toBeGreaterThan(50);
  const failures: string[] = [];
  let checks = 0;
  for (const file of files) {
    const result = await replay(JSON.parse(readFileSync(file, "utf8")) as Scenario);
    checks += result.checks;
    if (!result.passed) failures.push(`${file}: ${result.message}`);
  }
  expect(failures).toEqual([]);
  expect(checks).toBeGreaterThan(files.length);
});
