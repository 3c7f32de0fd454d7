/**
 * The "adjusted" basis (excel.md §1.1): value entries as they would be right after Adjust Cost – Item
 * Entries, from an in-memory dry run of the engine's own adjustment on a copy of the book. Nothing is
 * written. The dry run is computed once per item, book version and costing setup, and shared by every
 * "adjusted" request (§2.1 rule 3); an already adjusted book is its own answer.
 */
import type { ItemBook } from "../core/book";
import type { Company } from "../core/company";
import { adjustItem } from "../core/costing/adjust";
import { hasMarks } from "../core/costing/marks";
import type { Item } from "../core/types";
import { Workspace } from "../core/workspace";

const MEMO_LIMIT = 2000;
const memo = new Map<string, ItemBook>();

/** Everything the adjustment of one item reads besides its book. */
function memoKey(book: ItemBook, item: Item, company: Company): string {
  const setup = [
    company.id,
    company.inventorySetup,
    company.generalLedgerSetup,
    company.closedInventoryPeriods,
    company.accountingPeriods,
    item,
  ];
  return `${book.item}\u0001${book.version}\u0001${JSON.stringify(setup)}`;
}

export function adjustedBook(book: ItemBook, item: Item, company: Company): ItemBook {
  if (book.costIsAdjusted && !hasMarks(book)) return book;
  const key = memoKey(book, item, company);
  const known = memo.get(key);
  if (known) return known;
  const copy = structuredClone(book);
  const ws = new Workspace(structuredClone(company), new Map([[item.no, structuredClone(item)]]), new Map([[book.item, copy]]), new Map());
  adjustItem(ws, ws.items.get(item.no) ?? item, copy);
  memo.set(key, copy);
  if (memo.size > MEMO_LIMIT) memo.delete(memo.keys().next().value ?? key);
  return copy;
}
