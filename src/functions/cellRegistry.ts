/**
 * Which cell asked for what (excel.md §2.2): every INV function declares `@requiresAddress`, so each
 * invocation tells its cell; the cell is registered with its request keys and the items those requests
 * read. After a commit touching items S, only the cells whose items intersect S need `Range.calculate()`.
 * A cell whose requests read no single item (a filter, the catalogue, the whole ledger) depends on all.
 */
import type { InvRequest } from "./requests";
import { invRequestKey } from "./requests";

/** A cell's dependency: item numbers (upper case), or "all" for answers over many items or the ledger. */
export type CellDependency = ReadonlySet<string> | "all";

export interface RegisteredCell {
  /** Address as Excel gives it: "Sheet1!B7" or "'My sheet'!B7". */
  address: string;
  keys: readonly string[];
  items: CellDependency;
}

/** Characters of a BC filter (inventory.md): such an item argument reads more than one item. */
const FILTER_CHARACTERS = /[|*?&<>=.@()']/;

/** The items one request reads, or "all" when it reads a filter, the catalogue or the whole ledger. */
export function itemsOfRequest(request: InvRequest): ReadonlySet<string> | "all" {
  const item = (request as { item?: unknown }).item;
  if (typeof item !== "string" || item.trim() === "" || FILTER_CHARACTERS.test(item)) return "all";
  return new Set([item.trim().toUpperCase()]);
}

/** What a cached answer read: item books and cards, the list of items (catalogue), the whole ledger. */
export interface AnswerReads {
  items: ReadonlySet<string>;
  catalog: boolean;
  ledger: boolean;
}

/** What the answer cached under a request key read, or undefined when it is not cached. */
export type ItemsReadBy = (key: string) => AnswerReads | undefined;

/** What commits touched: items (upper case) whose book or card changed; whether any card changed. */
export interface TouchedScope {
  items: ReadonlySet<string>;
  cards: boolean;
  /** The ledger stamp moved (a G/L line alone): ledger-wide answers are stale (commitScope.ts). */
  ledger?: boolean;
}

function intersects(items: CellDependency, touched: ReadonlySet<string>): boolean {
  return items === "all" || [...items].some((item) => touched.has(item));
}

function isAffected(cell: RegisteredCell, scope: TouchedScope, readBy: ItemsReadBy | undefined): boolean {
  if (!readBy || cell.keys.length === 0) return intersects(cell.items, scope.items);
  for (const key of cell.keys) {
    const read = readBy(key);
    if (read === undefined) return intersects(cell.items, scope.items);
    // Ledger-wide answers (G/L difference, version) move with every commit; catalogue answers with any card.
    if (read.ledger || (read.catalog && scope.cards) || intersects(read.items, scope.items)) return true;
  }
  return false;
}

function unionOf(requests: readonly InvRequest[]): CellDependency {
  const items = new Set<string>();
  for (const request of requests) {
    const read = itemsOfRequest(request);
    if (read === "all") return "all";
    for (const item of read) items.add(item);
  }
  return items;
}

export class CellRegistry {
  private readonly cells = new Map<string, RegisteredCell>();

  /** Registers (or re-registers, replacing the old keys) the cell at `address`. */
  register(address: string, requests: readonly InvRequest[]): void {
    this.cells.set(address, { address, keys: requests.map(invRequestKey), items: unionOf(requests) });
  }

  /** A cell found by scanning formulas: its requests are not known until Excel invokes it, so it depends on all. */
  registerUnknown(address: string): void {
    if (!this.cells.has(address)) this.cells.set(address, { address, keys: [], items: "all" });
  }

  forget(address: string): void {
    this.cells.delete(address);
  }

  /** Forgets the cells of one sheet (renamed or deleted: its cells register again when Excel invokes them). */
  forgetSheet(sheet: string, sheetOf: (address: string) => string | undefined): void {
    for (const address of [...this.cells.keys()]) if (sheetOf(address) === sheet) this.cells.delete(address);
  }

  /** Forgets every cell (a workbook closed; tests). */
  clear(): void {
    this.cells.clear();
  }

  get size(): number {
    return this.cells.size;
  }

  all(): RegisteredCell[] {
    return [...this.cells.values()];
  }

  /**
   * Cells a commit made stale: `scope` is what it touched ("all" selects every cell). `readBy` gives what
   * each answer actually read (the batcher's cache: a BOM or trace answer reads more items than it
   * names); for a key it has no answer for, the items the cell's requests name are used.
   */
  affectedBy(scope: TouchedScope | "all", readBy?: ItemsReadBy): RegisteredCell[] {
    if (scope === "all") return this.all();
    return this.all().filter((cell) => isAffected(cell, scope, readBy));
  }
}

/** One registry per page, like the batcher (see pageBatcher in registry.ts for why a function is stored). */
export function pageCellRegistry(): CellRegistry {
  const page = globalThis as { __invCellRegistry?: () => CellRegistry };
  if (!page.__invCellRegistry) {
    const registry = new CellRegistry();
    page.__invCellRegistry = () => registry;
  }
  return page.__invCellRegistry();
}

/** Registers an invocation's cell when Excel gave its address (the workbench passes no invocation). */
export function registerInvocation(address: string | undefined, requests: readonly InvRequest[]): void {
  if (address) pageCellRegistry().register(address, requests);
}
