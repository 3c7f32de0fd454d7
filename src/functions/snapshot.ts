/**
 * Loads what one flush needs in a single read transaction (excel.md §2.1 rule 1): the company, the item
 * cards the requests name (every card when a request uses a filter, or INV.ITEMS), and the books of the
 * union of items the stock requests select.
 */
import type { LedgerReader } from "../core/ports";
import type { Item } from "../core/types";
import { isCatalogRequest } from "./catalogArguments";
import type { InvRequest } from "./requests";
import { isFilter } from "./codeFilter";
import { isPlanRequest } from "./planArguments";
import { planBooksWanted } from "./planning";
import { itemsOfRequest, type StockSnapshot } from "./evaluate";

function byUpperNo(items: readonly Item[]): Map<string, Item> {
  return new Map(items.map((item) => [item.no.toUpperCase(), item]));
}

async function loadItems(tx: LedgerReader, requests: readonly InvRequest[]): Promise<StockSnapshot["items"] | null> {
  // Plan requests read every card: assembly parents' orders and BOMs, traces across items (planning.ts).
  if (requests.some((request) => isFilter(request.item) || isPlanRequest(request))) return null;
  const codes = new Set<string>();
  for (const request of requests) codes.add(request.item).add(request.item.toUpperCase());
  const items = byUpperNo(await tx.items([...codes]));
  // A code typed in another case than stored: fall back to every card (still the same transaction).
  const allFound = requests.every((request) => items.has(request.item.toUpperCase()));
  return allFound ? items : null;
}

export async function loadSnapshot(tx: LedgerReader, requests: readonly InvRequest[]): Promise<StockSnapshot> {
  const company = await tx.company();
  const named = await loadItems(tx, requests);
  const items = named ?? byUpperNo(await tx.items());
  const snapshot: StockSnapshot = { company, items, allItems: named === null, books: new Map(), booksRead: new Set() };
  const wanted = new Set<string>();
  for (const request of requests) {
    // Catalogue answers read cards only, never books.
    if (isCatalogRequest(request)) continue;
    if (isPlanRequest(request)) {
      for (const no of planBooksWanted(request, snapshot)) wanted.add(no);
      continue;
    }
    const selected = itemsOfRequest(request, snapshot);
    if (Array.isArray(selected)) for (const item of selected) wanted.add(item.no);
  }
  if (wanted.size > 0) snapshot.books = await tx.books([...wanted]);
  snapshot.booksRead = wanted;
  return snapshot;
}
