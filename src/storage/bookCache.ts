/**
 * The Dexie store's cache of item books (issue 7: a command must not re-read and re-index the books it
 * touched a moment ago). A cached book is the very object the last committed transaction wrote, kept with
 * the store revision of its state record; a transaction trusts it only when the stored revision is still
 * that one, so a write from another page (same origin, same database) is never missed.
 *
 * Inside a read-write transaction the cached book itself is lent to the command (its indexes survive); the
 * store takes it back when the transaction commits and drops it when the transaction fails, so a refused
 * command never leaves a mutated book behind. Read-only transactions get copies.
 */
import type { ItemBook } from "../core/book";
import { baselineBytes, type BookBaseline } from "./bookBaseline";

interface Cached {
  rev: number;
  book: ItemBook;
  /** The rows as stored at `rev`: a write rewrites only the pages holding a row that differs. */
  baseline: BookBaseline;
  /** Estimated heap of the book and its baseline when it was put. */
  bytes: number;
  /** The transaction the book is lent to, if any: nobody else may use it until then. */
  lentTo: object | null;
}

/**
 * Heap of one row object as loaded (bench MEM, headless Chromium: 116 bytes an entry with its document
 * number, 116 a value entry, 52 an application; ~92 on average once strings are shared).
 */
export const CACHED_ROW_BYTES = 100;
const MB = 1024 * 1024;

const rowsOf = (book: ItemBook): number => book.entries.length + book.values.length + book.applications.length;

/** A cached book's estimated heap: its rows, and its baseline (row copies, or the page texts it keeps). */
export function cachedBytes(book: ItemBook, baseline: BookBaseline): number {
  const rows = rowsOf(book);
  return rows * CACHED_ROW_BYTES + baselineBytes(baseline, CACHED_ROW_BYTES);
}

export class BookCache {
  private readonly books = new Map<string, Cached>();
  private bytes = 0;

  /**
   * Keeps books up to about `maxBytes` of heap (least recently used dropped first). The bound counts
   * baselines too: a book written whole keeps its page texts, ~3–4× the heap of its rows.
   */
  constructor(private readonly maxBytes = 256 * MB) {}

  /** The cached book at `rev` and its baseline, if it is not lent to another transaction. */
  get(item: string, rev: number, borrower: object | null): { book: ItemBook; baseline: BookBaseline } | undefined {
    const cached = this.books.get(item);
    if (!cached || cached.rev !== rev || (cached.lentTo !== null && cached.lentTo !== borrower)) return undefined;
    this.books.delete(item); // most recently used last
    this.books.set(item, cached);
    return cached;
  }

  isLent(item: string): boolean {
    return (this.books.get(item)?.lentTo ?? null) !== null;
  }

  /** Lends a book to a transaction (it may be one just loaded: it is cached at `rev`, lent). */
  lend(item: string, rev: number, book: ItemBook, baseline: BookBaseline, borrower: object): void {
    this.put(item, { rev, book, baseline, bytes: cachedBytes(book, baseline), lentTo: borrower });
  }

  /** Takes a book back at the revision its transaction committed. */
  keep(item: string, rev: number, book: ItemBook, baseline: BookBaseline): void {
    this.put(item, { rev, book, baseline, bytes: cachedBytes(book, baseline), lentTo: null });
  }

  drop(item: string): void {
    const cached = this.books.get(item);
    if (!cached) return;
    this.bytes -= cached.bytes;
    this.books.delete(item);
  }

  clear(): void {
    this.books.clear();
    this.bytes = 0;
  }

  private put(item: string, cached: Cached): void {
    this.drop(item);
    this.books.set(item, cached);
    this.bytes += cached.bytes;
    for (const [oldest, cached] of this.books) {
      if (this.bytes <= this.maxBytes) break;
      if (cached.lentTo === null) this.drop(oldest);
    }
  }
}

/** A deep copy of a book for readers: rows are spread, the few nested parts (assembly links, head) cloned. */
export function copyBook(book: ItemBook): ItemBook {
  const copyRow = <T extends object>(row: T): T => {
    const copy = { ...row };
    for (const key in copy) {
      const field = copy[key];
      if (typeof field === "object" && field !== null) copy[key] = structuredClone(field);
    }
    return copy;
  };
  const { entries, values, applications, ...head } = book;
  return { ...structuredClone(head), entries: entries.map(copyRow), values: values.map(copyRow), applications: applications.map(copyRow) };
}
