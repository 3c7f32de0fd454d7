/**
 * The in-memory working set of one command: copies of the company, the item cards and the item
 * books it touches. The engine mutates the workspace freely; the service writes it back in one
 * transaction only when the whole command succeeded, so a refusal leaves the store untouched.
 */
import type { ItemBook } from "./book";
import { emptyBook } from "./book";
import type { Company } from "./company";
import { findEntry } from "./ledger/bookIndex";
import type { GLEntry, Item, ValueEntry } from "./types";

const hasEntry = (book: ItemBook, entryNo: number): boolean => findEntry(book, entryNo) !== undefined;

export class Workspace {
  readonly newGLEntries: GLEntry[] = [];
  /** Value entries written by this command, in creation order (for automatic G/L posting). */
  readonly newValueEntries: ValueEntry[] = [];
  /** Cost this command posted to the G/L (value entries' posted fields moved by these amounts). */
  readonly postedToGL = { actual: 0, expected: 0 };
  readonly changedBooks = new Set<string>();
  readonly changedItems = new Set<string>();
  companyChanged = false;

  constructor(
    readonly company: Company,
    readonly items: Map<string, Item>,
    readonly books: Map<string, ItemBook>,
    /** Owner item of each item ledger entry number that the command may refer to. */
    readonly entryOwners: Map<number, string>,
  ) {
    this.startCounters = { ...company.counters };
  }

  /** The company's counters when the command began: records numbered above them are new. */
  readonly startCounters: Company["counters"];

  item(no: string): Item | undefined {
    return this.items.get(no);
  }

  /** The item's book, created empty on first use. Marks it changed: callers ask for it to write. */
  bookForUpdate(item: string): ItemBook {
    let book = this.books.get(item);
    if (!book) {
      book = emptyBook(item, this.items.get(item)?.unitCost ?? 0);
      this.books.set(item, book);
    }
    this.changedBooks.add(item);
    return book;
  }

  book(item: string): ItemBook | undefined {
    return this.books.get(item);
  }

  /** The item owning an entry: from the owners loaded for the command, else from the loaded books. */
  ownerOf(entryNo: number): string | undefined {
    const known = this.entryOwners.get(entryNo);
    if (known !== undefined) return known;
    for (const book of this.books.values()) {
      if (hasEntry(book, entryNo)) return book.item;
    }
    return undefined;
  }

  nextItemLedgerEntryNo(): number {
    this.companyChanged = true;
    return ++this.company.counters.lastItemLedgerEntryNo;
  }

  nextValueEntryNo(): number {
    this.companyChanged = true;
    return ++this.company.counters.lastValueEntryNo;
  }

  nextApplicationEntryNo(): number {
    this.companyChanged = true;
    return ++this.company.counters.lastApplicationEntryNo;
  }

  nextGLEntryNo(): number {
    this.companyChanged = true;
    return ++this.company.counters.lastGLEntryNo;
  }
}
