/** The light entry lookup of the queries (src/core/queries/entryLookup.ts): memoised, and current after an append. */
import { entryOf } from "../../../src/core/queries/entryLookup";
import { makeBook } from "../../storage/fixtures";

test("finds entries by number and sees an entry appended after the first lookup", () => {
  const book = makeBook("1000", [{ entryNo: 2, date: "2025-01-05", quantity: 10, cost: 1000 }]);
  expect(entryOf(book, 2)?.quantity).toBe(1_000_000);
  expect(entryOf(book, 7)).toBeUndefined();
  const later = makeBook("1000", [{ entryNo: 7, date: "2025-01-17", quantity: 3, cost: 300 }]);
  book.entries.push(...later.entries);
  expect(entryOf(book, 7)?.postingDate).toBe("2025-01-17");
});
