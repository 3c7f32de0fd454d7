/**
 * Item tracing (inventory.md §13): from the entries carrying a serial or lot number, a tree that
 * follows applications, transfers and assembly orders — forwards to where the goods went (Usage)
 * or backwards to where they came from (Origin). A node already shown elsewhere is listed again
 * as `alreadyTraced` without its subtree.
 */
import type { ItemBook } from "../book";
import { findEntry, indexOf } from "../ledger/bookIndex";
import type { ItemLedgerEntry } from "../types";

export interface TraceNode {
  entryNo: number;
  entryType: ItemLedgerEntry["entryType"];
  item: string;
  quantity: number;
  lotNo: string | null;
  serialNo: string | null;
  alreadyTraced: boolean;
  children: TraceNode[];
}

export interface TraceQuery {
  lotNo?: string | null;
  serialNo?: string | null;
  item?: string;
  direction: "Usage" | "Origin";
  showComponents?: "No" | "ItemTrackedOnly" | "All";
}

type Ref = { book: ItemBook; entry: ItemLedgerEntry };

function resolve(books: ReadonlyMap<string, ItemBook>, item: string, entryNo: number): Ref | undefined {
  const book = books.get(item);
  const entry = book ? findEntry(book, entryNo) : undefined;
  return book && entry ? { book, entry } : undefined;
}

/** The other consumption entries of an assembly, per the show-components option. */
function components(books: ReadonlyMap<string, ItemBook>, output: ItemLedgerEntry, except: number | null, option: TraceQuery["showComponents"]): Ref[] {
  if (!output.assembly || option === "No") return [];
  return output.assembly.consumption
    .filter((c) => c.entryNo !== except)
    .map((c) => resolve(books, c.item, c.entryNo))
    .filter((r): r is Ref => !!r && (option === "All" || r.entry.lotNo !== null || r.entry.serialNo !== null));
}

function usageChildren(books: ReadonlyMap<string, ItemBook>, { book, entry }: Ref, option: TraceQuery["showComponents"]): Ref[] {
  const index = indexOf(book);
  if (entry.positive) {
    return [...new Set((index.appsByInbound.get(entry.entryNo) ?? []).map((a) => a.outboundEntryNo))]
      .sort((a, b) => a - b)
      .map((no) => ({ book, entry: findEntry(book, no) as ItemLedgerEntry }));
  }
  if (entry.entryType === "Transfer") {
    return (index.followers.get(entry.entryNo) ?? [])
      .filter((no) => index.transferSource.get(no) === entry.entryNo)
      .map((no) => ({ book, entry: findEntry(book, no) as ItemLedgerEntry }));
  }
  if (entry.entryType === "AssemblyConsumption" && entry.assemblyOutput) {
    const output = resolve(books, entry.assemblyOutput.item, entry.assemblyOutput.entryNo);
    if (!output) return [];
    return [...components(books, output.entry, entry.entryNo, option), output];
  }
  return [];
}

function originChildren(books: ReadonlyMap<string, ItemBook>, { book, entry }: Ref, option: TraceQuery["showComponents"]): Ref[] {
  const index = indexOf(book);
  if (!entry.positive) {
    return [...new Set((index.appsByOutbound.get(entry.entryNo) ?? []).map((a) => a.inboundEntryNo))]
      .sort((a, b) => a - b)
      .map((no) => ({ book, entry: findEntry(book, no) as ItemLedgerEntry }));
  }
  const source = index.transferSource.get(entry.entryNo);
  if (source !== undefined) return [{ book, entry: findEntry(book, source) as ItemLedgerEntry }];
  if (entry.entryType === "AssemblyOutput") return components(books, entry, null, option);
  return [];
}

function carries(entry: ItemLedgerEntry, query: TraceQuery): boolean {
  if (query.item !== undefined && entry.item !== query.item) return false;
  if (query.lotNo != null && entry.lotNo !== query.lotNo) return false;
  if (query.serialNo != null && entry.serialNo !== query.serialNo) return false;
  return query.lotNo != null || query.serialNo != null;
}

export function traceItem(books: ReadonlyMap<string, ItemBook>, query: TraceQuery): TraceNode[] {
  const option = query.showComponents ?? "ItemTrackedOnly";
  const shown = new Set<number>();
  const expand = (ref: Ref): TraceNode => {
    const { entry } = ref;
    const node: TraceNode = {
      entryNo: entry.entryNo, entryType: entry.entryType, item: entry.item, quantity: entry.quantity,
      lotNo: entry.lotNo, serialNo: entry.serialNo, alreadyTraced: shown.has(entry.entryNo), children: [],
    };
    if (node.alreadyTraced) return node;
    shown.add(entry.entryNo);
    const children = query.direction === "Usage" ? usageChildren(books, ref, option) : originChildren(books, ref, option);
    node.children = children.map(expand);
    return node;
  };
  const candidates: Ref[] = [];
  for (const book of books.values()) for (const entry of book.entries) if (carries(entry, query)) candidates.push({ book, entry });
  // Usage roots: inbound entries (not consumption) in entry order; Origin roots: every entry, newest first.
  const roots = query.direction === "Usage"
    ? candidates.filter((r) => r.entry.positive).sort((a, b) => a.entry.entryNo - b.entry.entryNo)
    : candidates.sort((a, b) => b.entry.entryNo - a.entry.entryNo);
  const trees: TraceNode[] = [];
  for (const root of roots) if (!shown.has(root.entry.entryNo)) trees.push(expand(root));
  return trees;
}
