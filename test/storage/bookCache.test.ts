/** The store's book cache is bounded by estimated heap, baselines included (issue 7, MEM). */
import { baselineOf, textBaseline } from "../../src/storage/bookBaseline";
import { BookCache, CACHED_ROW_BYTES, cachedBytes } from "../../src/storage/bookCache";
import { bookRecords } from "../../src/storage/bookPages";
import { makeBook } from "./fixtures";

const movements = (count: number) => Array.from({ length: count }, (_, i) => ({ entryNo: i + 1, date: "2025-01-05", quantity: 1, cost: 1 }));

function cachedPair(item: string, rows: number, baseline: "texts" | "copies") {
  const book = makeBook(item, movements(rows));
  const stored = baseline === "texts" ? textBaseline(bookRecords(book, 1).pages) : { copies: baselineOf(book), texts: null };
  return { book, baseline: stored };
}

test("a book's estimate counts its rows and its baseline: the page texts it keeps, or one row estimate per row copy", () => {
  const withTexts = cachedPair("1000", 300, "texts");
  const textChars = bookRecords(withTexts.book, 1).pages.reduce((sum, page) => sum + page.text.length, 0);
  const withCopies = cachedPair("1000", 300, "copies");
  // 300 entries and 300 value entries: rows, then either their page texts or as many copies.
  expect(cachedBytes(withTexts.book, withTexts.baseline) - cachedBytes(withCopies.book, withCopies.baseline)).toBe(textChars - 600 * CACHED_ROW_BYTES);
  expect(cachedBytes(withCopies.book, withCopies.baseline)).toBe(2 * 600 * CACHED_ROW_BYTES);
});

test("the least recently used books go first once the bound is passed; a lent book stays", () => {
  const a = cachedPair("A", 100, "copies");
  const b = cachedPair("B", 100, "copies");
  const c = cachedPair("C", 100, "copies");
  const one = cachedBytes(a.book, a.baseline);
  const cache = new BookCache(2 * one);
  const borrower = {};
  cache.lend("A", 1, a.book, a.baseline, borrower);
  cache.keep("B", 1, b.book, b.baseline);
  cache.keep("C", 1, c.book, c.baseline);
  // Three books over a bound of two: B, the oldest not lent, was dropped; A is lent and stays.
  expect(cache.get("A", 1, borrower)?.book).toBe(a.book);
  expect(cache.get("B", 1, null)).toBeUndefined();
  expect(cache.get("C", 1, null)?.book).toBe(c.book);
  // Taking A back and using C makes A the oldest: the next book pushes A out.
  cache.keep("A", 2, a.book, a.baseline);
  cache.get("C", 1, null);
  cache.keep("B", 2, b.book, b.baseline);
  expect(cache.get("A", 2, null)).toBeUndefined();
  expect(cache.get("C", 1, null)?.book).toBe(c.book);
  expect(cache.get("B", 2, null)?.book).toBe(b.book);
});

test("a cache of size 0 keeps nothing it is not lending", () => {
  const a = cachedPair("A", 10, "texts");
  const cache = new BookCache(0);
  cache.keep("A", 1, a.book, a.baseline);
  expect(cache.get("A", 1, null)).toBeUndefined();
});
