/**
 * Loads what one flush needs in a single read transaction (excel.md §2.1 rule 1): the company, the item
 * cards the requests name (every card when a request uses a filter, or INV.ITEMS), the books of the
 * union of items the requests select, and the G/L entries when a request reads the G/L (INV.GLDIFF).
 */
import type { LedgerReader } from "../core/ports";
import type { Item } from "../core/types";
import { isCatalogRequest } from "./catalogArguments";
import type { InvRequest } from "./requests";
import { isFilter } from "./codeFilter";
import { isPlanRequest } from "./planArguments";
import { isLedgerRequest } from "./ledgerArguments";
import { ledgerBooksWanted, needsGeneralLedger, needsNoItems } from "./ledgerEval";
import { planBooksWanted } from "./planning";
import { itemsOfRequest, type StockSnapshot } from "./evaluate";

function byUpperNo(items: readonly Item[]): Map<string, Item> {
  return new Map(items.map((item) => [item.no.toUpperCase(), item]));
}

/** Plan requests and the ledger-wide ones read every card: assembly parents' orders and BOMs, traces, the G/L. */
function needsEveryCard(request: InvRequest): boolean {
  if (isPlanRequest(request)) return true;
  if (isLedgerRequest(request)) return needsGeneralLedger(request) || (request.fn === "EXPLAIN" && ["PAB", "AVAILABLE", "RESERVED"].includes(request.mode));
  return isFilter(request.item);
}

async function loadItems(tx: LedgerReader, requests: readonly InvRequest[]): Promise<StockSnapshot["items"] | null> {
  const named = requests.filter((request) => !(isLedgerRequest(request) && needsNoItems(request)));
  if (named.some(needsEveryCard)) return null;
  const codes = new Set<string>();
  for (const request of named) codes.add(request.item).add(request.item.toUpperCase());
  const items = byUpperNo(codes.size > 0 ? await tx.items([...codes]) : []);
  // A code typed in another case than stored: fall back to every card (still the same transaction).
  const allFound = named.every((request) => items.has(request.item.toUpperCase()));
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
    if (isLedgerRequest(request)) {
      for (const no of ledgerBooksWanted(request, snapshot)) wanted.add(no);
      continue;
    }
    const selected = itemsOfRequest(request, snapshot);
    if (Array.isArray(selected)) for (const item of selected) wanted.add(item.no);
  }
  if (wanted.size > 0) snapshot.books = await tx.books([...wanted]);
  snapshot.booksRead = wanted;
  if (requests.some((request) => isLedgerRequest(request) && needsGeneralLedger(request))) snapshot.glEntries = await tx.glEntries();
  return snapshot;
}
