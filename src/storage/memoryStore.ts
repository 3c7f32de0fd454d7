/**
 * In-memory LedgerStore for tests, scenarios and the workbench without persistence.
 * Reads hand out deep copies; a transaction stages its writes and commits them only when its
 * callback resolves, so a refused command leaves the store exactly as it was.
 */
import type { ItemBook } from "../core/book";
import type { Company } from "../core/company";
import type { LedgerReader, LedgerStore, LedgerTransaction, StoreSnapshot } from "../core/ports";
import type { GLEntry, Item } from "../core/types";
import { needsAdjustment } from "./bookPages";

interface State {
  company: Company | undefined;
  items: Map<string, Item>;
  books: Map<string, ItemBook>;
  owners: Map<number, string>;
  glEntries: GLEntry[];
}

const copy = <T>(value: T): T => structuredClone(value);

/**
 * Deep copy of a book. Its records (entries, value entries, applications) are flat objects of
 * primitives, so a spread per record is a full deep copy, several times faster than structuredClone
 * on large books; the small nested parts go through structuredClone.
 */
function copyBook(book: ItemBook): ItemBook {
  return {
    ...book,
    entries: book.entries.map((e) => ({ ...e })),
    values: book.values.map((v) => ({ ...v })),
    applications: book.applications.map((a) => ({ ...a })),
    marks: structuredClone(book.marks),
  };
}

/** Staged writes of one transaction, read before the committed state. */
class Staging {
  company_: Company | undefined;
  companyWritten = false;
  readonly items = new Map<string, Item>();
  readonly books = new Map<string, ItemBook>();
  readonly owners = new Map<number, string>();
  readonly glEntries: GLEntry[] = [];

  constructor(private readonly state: State) {}

  async company(): Promise<Company | undefined> {
    const company = this.companyWritten ? this.company_ : this.state.company;
    return company && copy(company);
  }

  async putCompany(company: Company): Promise<void> {
    this.company_ = copy(company);
    this.companyWritten = true;
  }

  async putItems(items: readonly Item[]): Promise<void> {
    for (const item of items) this.items.set(item.no, copy(item));
  }

  /**
   * Books are taken over as they are, not copied: a book is the largest record and the caller (the
   * service's workspace) drops it after the transaction. Reads still hand out copies.
   */
  async putBooks(books: readonly ItemBook[]): Promise<void> {
    for (const book of books) {
      this.books.set(book.item, book);
      for (const entry of book.entries) {
        if (!this.state.owners.has(entry.entryNo)) this.owners.set(entry.entryNo, book.item);
      }
    }
  }

  async appendGLEntries(entries: readonly GLEntry[]): Promise<void> {
    for (const entry of entries) this.glEntries.push(copy(entry));
  }

  booksOf(items: readonly string[]): Map<string, ItemBook> {
    const found = new Map<string, ItemBook>();
    for (const no of items) {
      const book = this.books.get(no) ?? this.state.books.get(no);
      if (book) found.set(no, copyBook(book));
    }
    return found;
  }

  itemsOf(nos?: readonly string[]): Item[] {
    const merged = new Map(this.state.items);
    for (const [no, item] of this.items) merged.set(no, item);
    const list = nos ? nos.map((no) => merged.get(no)).filter((item): item is Item => !!item) : [...merged.values()];
    return copy(list.sort((a, b) => compareText(a.no, b.no)));
  }

  unadjustedItems(): string[] {
    const merged = new Map(this.state.books);
    for (const [no, book] of this.books) merged.set(no, book);
    return [...merged.values()].filter(needsAdjustment).map((book) => book.item).sort(compareText);
  }

  async entryOwner(entryNo: number): Promise<string | undefined> {
    return this.owners.get(entryNo) ?? this.state.owners.get(entryNo);
  }

  async glEntries_(afterEntryNo = 0): Promise<GLEntry[]> {
    return copy([...this.state.glEntries, ...this.glEntries].filter((entry) => entry.entryNo > afterEntryNo));
  }

  commit(): void {
    if (this.companyWritten) this.state.company = this.company_;
    for (const [no, item] of this.items) this.state.items.set(no, item);
    for (const [no, book] of this.books) this.state.books.set(no, book);
    for (const [entryNo, owner] of this.owners) this.state.owners.set(entryNo, owner);
    this.state.glEntries.push(...this.glEntries);
  }
}

/** The LedgerTransaction view of a Staging (method names of the port). */
function transactionOf(staging: Staging): LedgerTransaction {
  return {
    company: () => staging.company(),
    items: async (nos) => staging.itemsOf(nos),
    books: async (items) => staging.booksOf(items),
    entryOwner: (entryNo) => staging.entryOwner(entryNo),
    glEntries: (after) => staging.glEntries_(after),
    unadjustedItems: async () => staging.unadjustedItems(),
    putCompany: (company) => staging.putCompany(company),
    putItems: (items) => staging.putItems(items),
    putBooks: (books) => staging.putBooks(books),
    appendGLEntries: (entries) => staging.appendGLEntries(entries),
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A fresh state holding copies of the snapshot's records; entry owners are derived from the books. */
function stateOf(snapshot: StoreSnapshot): State {
  const books = new Map<string, ItemBook>();
  const owners = new Map<number, string>();
  for (const book of snapshot.books) {
    books.set(book.item, copyBook(book));
    for (const entry of book.entries) owners.set(entry.entryNo, book.item);
  }
  return {
    company: snapshot.company && copy(snapshot.company),
    items: new Map(snapshot.items.map((item) => [item.no, copy(item)])),
    books,
    owners,
    glEntries: copy([...snapshot.glEntries].sort((a, b) => a.entryNo - b.entryNo)),
  };
}

export class MemoryLedgerStore implements LedgerStore {
  private readonly state: State = {
    company: undefined,
    items: new Map(),
    books: new Map(),
    owners: new Map(),
    glEntries: [],
  };
  /** Transactions run one at a time, in call order. */
  private queue: Promise<unknown> = Promise.resolve();

  transact<T>(work: (tx: LedgerTransaction) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      const staging = new Staging(this.state);
      const result = await work(transactionOf(staging));
      staging.commit();
      return result;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  read<T>(work: (tx: LedgerReader) => Promise<T>): Promise<T> {
    const run = (): Promise<T> => work(transactionOf(new Staging(this.state)));
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Builds the whole new state aside and swaps it in at once: a throw while copying changes nothing. */
  replaceAll(snapshot: StoreSnapshot): Promise<void> {
    const run = async (): Promise<void> => {
      const next = stateOf(snapshot);
      Object.assign(this.state, next);
    };
    const done = this.queue.then(run, run);
    this.queue = done.catch(() => undefined);
    return done;
  }

  async exportAll(): Promise<StoreSnapshot> {
    await this.queue;
    return copy({
      company: this.state.company,
      items: [...this.state.items.values()].sort((a, b) => compareText(a.no, b.no)),
      books: [...this.state.books.values()].sort((a, b) => compareText(a.item, b.item)).map(copyBook),
      glEntries: [...this.state.glEntries].sort((a, b) => a.entryNo - b.entryNo),
    });
  }
}
