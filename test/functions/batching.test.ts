/**
 * The batching layer (excel.md §2.1): one read per flush, a synchronous cache hit, invalidation by item,
 * and the same answer alone or batched.
 */
import { makeBook, makeItem } from "../storage/fixtures";
import {
  configureFunctions,
  flushFunctions,
  functionStats,
  invFunctions,
  CHANGE_CHANNEL,
  closeChangeChannel,
  resetFunctionStats,
  type ResultMatrix,
} from "../../src/functions/registry";
import type { LedgerStore } from "../../src/core/ports";
import { BOOK_1000, countReads, smallLedger, type CountingStore } from "./ledgerFixture";
import { describeError, installCustomFunctionsShim } from "./customFunctionsShim";
import { estimatedJsonBytes, FunctionBatcher } from "../../src/functions/batcher";
import { optionsArgument } from "../../src/functions/arguments";

const { QTY, UNITCOST } = invFunctions;

let counting: CountingStore;
let observed: LedgerStore;

beforeAll(() => installCustomFunctionsShim());
// Nothing may run after the file's globals are torn down: no open channel, no queued call.
afterAll(async () => {
  closeChangeChannel();
  await flushFunctions();
});

beforeEach(async () => {
  counting = countReads(await smallLedger());
  observed = configureFunctions({ store: counting });
  resetFunctionStats();
});

/** Awaits a call and unwraps a thrown single-cell error into its code and message. */
async function settle(call: () => unknown): Promise<unknown> {
  try {
    const result = await call();
    return (result as ResultMatrix).map((row) => row.map((cell) => (typeof cell === "number" ? cell : describeError(cell))));
  } catch (error) {
    return describeError(error);
  }
}

/** 40 distinct dates: 2025-01-01 … 2025-02-09. */
const dates = Array.from({ length: 40 }, (_, day) =>
  day < 31 ? `2025-01-${String(day + 1).padStart(2, "0")}` : `2025-02-${String(day - 30).padStart(2, "0")}`,
);
/** 1,000 distinct calls: 5 items (one unknown) × 40 dates × 5 locations/functions. */
function thousandCalls(): (() => unknown)[] {
  const calls: (() => unknown)[] = [];
  const items = ["1000", "2000", "3000", "9999", "1000|2000"];
  const variants: ((item: string, date: string) => unknown)[] = [
    (item, date) => QTY([[item]], date),
    (item, date) => QTY([[item]], date, "MAIN"),
    (item, date) => QTY([[item]], date, "EAST"),
    (item, date) => UNITCOST([[item]], date),
    (item, date) => UNITCOST([[item]], date, "MAIN"),
  ];
  for (const item of items) for (const date of dates) for (const variant of variants) calls.push(() => variant(item, date));
  return calls;
}

test("1,000 calls in one tick make one flush and one read transaction", async () => {
  const calls = thousandCalls();
  expect(calls).toHaveLength(1000);
  const pending = calls.map((call) => settle(call));
  const results = await Promise.all(pending);
  expect(counting.reads).toBe(1);
  expect(functionStats()).toMatchObject({ flushes: 1, reads: 1, requests: 1000, queued: 1000, largestFlush: 1000 });
  // Spot checks against the ledger: 1000 on 2025-01-31 (index 30 of the dates) has 8 on hand, 5 at MAIN.
  const at = (item: number, date: number, variant: number) => results[item * 200 + date * 5 + variant];
  expect(at(0, 30, 0)).toEqual([[8]]);
  expect(at(0, 30, 1)).toEqual([[5]]);
  expect(at(0, 30, 2)).toEqual([[3]]);
  expect(at(0, 30, 3)).toEqual([[120]]);
  expect(at(1, 30, 3)).toEqual([[34]]);
  expect(at(2, 30, 3)).toEqual({ code: "#DIV/0!", message: undefined });
  expect(at(3, 30, 0)).toEqual({ code: "#N/A", message: "Item 9999 does not exist" });
  expect(at(4, 30, 0)).toEqual([[23]]);
});

test("1,000 requests give the same values, error codes and messages alone as batched (rule 6, B6)", async () => {
  const calls = thousandCalls();
  const batched = await Promise.all(calls.map((call) => settle(call)));
  const alone: unknown[] = [];
  for (const call of calls) {
    configureFunctions({ store: counting }); // empty cache: each call is its own flush
    alone.push(await settle(call));
  }
  expect(alone).toEqual(batched);
  expect(counting.reads).toBe(1 + calls.length);
});

test("after a flush a repeated call is answered synchronously without a read", async () => {
  const first = QTY([["1000"], ["2000"]], "2025-01-31");
  expect(first).toBeInstanceOf(Promise);
  expect(await first).toEqual([[8], [15]]);
  const again = QTY([["1000"], ["2000"]], "2025-01-31");
  expect(again).not.toBeInstanceOf(Promise);
  expect(again).toEqual([[8], [15]]);
  expect(counting.reads).toBe(1);
  expect(functionStats().cacheHits).toBe(2);
});

test("a posting on one item invalidates only that item's answers", async () => {
  await QTY([["1000"], ["2000"]]);
  await observed.transact(async (tx) => {
    const book = (await tx.books(["1000"])).get("1000")!;
    const receipt = makeBook("1000", [{ entryNo: 13, date: "2025-02-04", quantity: 7, cost: 700 }]);
    book.entries.push(...receipt.entries);
    book.values.push(...receipt.values);
    book.version++;
    await tx.putBooks([book]);
  });
  expect(QTY([["2000"]])).toEqual([[15]]); // still a synchronous hit
  const refreshed = QTY([["1000"]]);
  expect(refreshed).toBeInstanceOf(Promise);
  expect(await refreshed).toEqual([[20]]); // 13 on the work date + 7 received
  expect(counting.reads).toBe(2);
});

test("a refused transaction leaves the cache valid", async () => {
  await QTY([["1000"]]);
  await expect(
    observed.transact(async (tx) => {
      await tx.putBooks([makeBook("1000", BOOK_1000, 7)]);
      throw new Error("refused");
    }),
  ).rejects.toThrow("refused");
  expect(QTY([["1000"]])).toEqual([[13]]);
});

test("a new item card turns an unknown-item error into an answer", async () => {
  await expect(settle(() => QTY([["4000"]]))).resolves.toEqual({ code: "#N/A", message: "Item 4000 does not exist" });
  await observed.transact((tx) => tx.putItems([makeItem("4000")]));
  await expect(settle(() => QTY([["4000"]]))).resolves.toEqual([[0]]);
});

test("changing the work date refreshes answers that default to it", async () => {
  expect(await QTY([["1000"]])).toEqual([[13]]);
  await observed.transact(async (tx) => {
    const company = (await tx.company())!;
    company.workDate = "2025-01-31";
    await tx.putCompany(company);
  });
  const after = QTY([["1000"]]);
  expect(after).toBeInstanceOf(Promise);
  expect(await after).toEqual([[8]]);
});

test("a change reported while a flush runs is not marked current by that flush", async () => {
  const during = QTY([["1000"]]);
  // Report the change before the flush's read has returned: the flush must not mark its result current.
  const flushing = flushFunctions();
  await observed.transact(async (tx) => {
    const book = (await tx.books(["1000"])).get("1000")!;
    book.version++;
    await tx.putBooks([book]);
  });
  await flushing;
  expect(await during).toEqual([[13]]);
  const next = QTY([["1000"]]);
  expect(next).toBeInstanceOf(Promise);
  expect(await next).toEqual([[13]]);
});

test("calls made before a store is bound wait for it", async () => {
  const page = globalThis as { __invFunctionBatcher?: unknown };
  delete page.__invFunctionBatcher;
  const early = QTY([["2000"]], "2025-01-31");
  await new Promise((resolve) => setTimeout(resolve, 5));
  configureFunctions({ store: counting });
  expect(await early).toEqual([[15]]);
});

test("a commit broadcast by another runtime invalidates only the items it names (rule 9)", async () => {
  configureFunctions({ store: counting, broadcast: true });
  await QTY([["1000"], ["2000"]]);
  const otherWorkbook = new BroadcastChannel(CHANGE_CHANNEL);
  otherWorkbook.postMessage({ items: ["1000"] });
  otherWorkbook.close();
  const answer = async () => {
    for (let wait = 0; wait < 50; wait++) {
      const result = QTY([["1000"]]);
      if (result instanceof Promise) return result;
      await new Promise((resolve) => setTimeout(resolve, 2)); // the message arrives as a task
    }
    throw new Error("the broadcast never invalidated item 1000");
  };
  expect(await answer()).toEqual([[13]]);
  expect(QTY([["2000"]])).toEqual([[15]]);
  closeChangeChannel();
});

test("restoring an older state of the ledger drops every cached answer", async () => {
  await QTY([["2000"]]);
  await observed.transact(async (tx) => {
    const company = (await tx.company())!;
    company.ledgerVersion = 5;
    await tx.putCompany(company);
  });
  expect(QTY([["2000"]])).toEqual([[15]]); // a forward step keeps the cache
  await observed.transact(async (tx) => {
    const company = (await tx.company())!;
    company.ledgerVersion = 2; // a backup from before
    await tx.putCompany(company);
  });
  const after = QTY([["2000"]]);
  expect(after).toBeInstanceOf(Promise);
  expect(await after).toEqual([[15]]);
});

test("a filter's flush does not vouch for books it did not read", async () => {
  expect(await QTY([["3000"]])).toEqual([[0]]); // a card without a book yet
  await observed.transact((tx) =>
    tx.putBooks([makeBook("3000", [{ entryNo: 14, date: "2025-02-01", quantity: 4, cost: 20 }], 1)]),
  );
  expect(await QTY([["1*"]])).toEqual([[13]]); // loads every card, but only the book of 1000
  const after = QTY([["3000"]]);
  expect(after).toBeInstanceOf(Promise);
  expect(await after).toEqual([[4]]);
});

test("a costing setup change refreshes answers; a posting's counter update does not", async () => {
  await QTY([["2000"]]);
  await observed.transact(async (tx) => {
    const company = (await tx.company())!;
    company.counters.lastItemLedgerEntryNo += 1;
    company.ledgerVersion += 1;
    await tx.putCompany(company);
  });
  expect(QTY([["2000"]])).toEqual([[15]]);
  await observed.transact(async (tx) => {
    const company = (await tx.company())!;
    company.inventorySetup = { ...company.inventorySetup, averageCostPeriod: "Month" };
    await tx.putCompany(company);
  });
  const after = QTY([["2000"]]);
  expect(after).toBeInstanceOf(Promise);
  expect(await after).toEqual([[15]]);
});

test("a cancelled invocation leaves the pending batch before its flush (rule 7)", async () => {
  const invocation: { onCanceled?: () => void } = {};
  const cancelled = QTY([["1000"], ["2000"]], "2025-01-31", null, null, invocation);
  const kept = QTY([["2000"]], "2025-01-31");
  expect(invocation.onCanceled).toBeInstanceOf(Function);
  invocation.onCanceled!();
  await expect(Promise.resolve(kept)).resolves.toEqual([[15]]);
  // Only the request another cell still waits for was evaluated.
  expect(functionStats()).toMatchObject({ flushes: 1, requests: 1, cancelled: 2 });
  const settled = (await cancelled) as unknown[][];
  expect(settled.flat().map((cell) => describeError(cell))).toEqual(
    new Array(2).fill({ code: "#N/A", message: "Calculation cancelled" }),
  );
});

test("a flush hands results back in slices of about 2 MB, each in its own task (rule 8)", async () => {
  const batcher = new FunctionBatcher({ sliceBytes: 30 });
  batcher.setStore(counting);
  const order: string[] = [];
  const requests = ["1000", "2000", "3000"].map((item) => ({ fn: "QTY" as const, item, asOf: null, location: "", basis: "posted" as const, options: optionsArgument(null) }));
  const results = requests.map((request) => batcher.request(request).then((result) => order.push(`result ${request.item}`) && result));
  const flushing = batcher.flush();
  setTimeout(() => order.push("other task"), 0);
  await flushing;
  expect(await Promise.all(results)).toEqual([13, 15, 0]);
  // Every result is 16 estimated bytes: the third one waits for the task queued during the flush.
  expect(order.indexOf("other task")).toBeGreaterThan(order.indexOf("result 2000"));
  expect(order.indexOf("other task")).toBeLessThan(order.indexOf("result 3000"));
  expect(batcher.stats().slices).toBe(1);
  expect(estimatedJsonBytes([["No.", "Description"], ["1000", "Bicycle"]])).toBeLessThan(60);
});

test("a request cancelled while its flush reads the store is not evaluated or cached (rule 7)", async () => {
  const batcher = new FunctionBatcher();
  batcher.setStore(counting);
  const request = (item: string) => ({ fn: "QTY" as const, item, asOf: null, location: "", basis: "posted" as const, options: optionsArgument(null) });
  const dropped = batcher.cancelable(request("1000"));
  const kept = batcher.request(request("2000"));
  const flushing = batcher.flush(); // now awaiting its read transaction
  dropped.cancel();
  await flushing;
  expect(await kept).toBe(15);
  expect(describeError(await dropped.result)).toEqual({ code: "#N/A", message: "Calculation cancelled" });
  expect(batcher.cached(request("2000"))).toBe(15);
  expect(batcher.cached(request("1000"))).toBeUndefined();
});
