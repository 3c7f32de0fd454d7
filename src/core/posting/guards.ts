/** Ledger-state refusals shared by the commands (costing.md §17). */
import type { ItemBook } from "../book";
import { RefusedError } from "../errors";
import { findEntry } from "../ledger/bookIndex";
import type { IsoDate, Item, ItemLedgerEntry } from "../types";
import type { Workspace } from "../workspace";

export function refuse(message: string, field?: string): never {
  throw new RefusedError([{ field, message }]);
}

/** §14: nothing may be posted on or before the ending date of the last closed inventory period. */
export function checkOpenPeriod(ws: Workspace, date: IsoDate, field = "date"): void {
  const closed = ws.company.closedInventoryPeriods.at(-1);
  if (closed && date <= closed) refuse(`The posting date ${date} is in a closed inventory period`, field);
}

export interface OwnedEntry {
  item: Item;
  book: ItemBook;
  entry: ItemLedgerEntry;
}

/** The entry with its item and book, or the refusal "Item ledger entry {n} does not exist". */
export function requireEntry(ws: Workspace, entryNo: number, field = "entryNo"): OwnedEntry {
  const owner = ws.ownerOf(entryNo);
  const item = owner === undefined ? undefined : ws.item(owner);
  const book = item ? ws.bookForUpdate(item.no) : undefined;
  const entry = book ? findEntry(book, entryNo) : undefined;
  if (!item || !book || !entry) return refuse(`Item ledger entry ${entryNo} does not exist`, field);
  return { item, book, entry };
}

export function requireItem(ws: Workspace, no: string): Item {
  const item = ws.item(no);
  if (!item) return refuse(`Item ${no} does not exist`, "item");
  return item;
}
