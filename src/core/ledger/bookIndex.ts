/**
 * Lookups over one item book: entry by number, value entries per item ledger entry, quantity
 * applications per inbound and per outbound, and the followers of an outbound (transfer receipts
 * and cost-applied inbounds). Built once per loaded book and kept current by the append helpers,
 * so a posting never rescans the book.
 */
import type { ItemBook } from "../book";
import type { ItemApplicationEntry, ItemLedgerEntry, ValueEntry } from "../types";
import { openSide, trackClosed, trackOpen, type OpenBuckets } from "./openLists";

export interface BookIndex {
  entry: Map<number, ItemLedgerEntry>;
  values: Map<number, ValueEntry[]>;
  /** Quantity applications (outboundEntryNo ≠ 0, not cost applications) by inbound entry. */
  appsByInbound: Map<number, ItemApplicationEntry[]>;
  /** Quantity applications by outbound entry. */
  appsByOutbound: Map<number, ItemApplicationEntry[]>;
  /** Inbound entries that take their cost from an outbound: transfer receipts and cost applications. */
  followers: Map<number, number[]>;
  /** Outbound entries fixed-applied (appliesToEntry) to an inbound. */
  fixedOutbounds: Map<number, number[]>;
  /** Transfer receipt → the transfer's outbound entry. */
  transferSource: Map<number, number>;
  /** Open entries (remaining quantity ≠ 0), for application without scanning the book. */
  open: Set<number>;
  /** Open entries per location and variant, in application order. */
  buckets: OpenBuckets;
  /** Running Σ quantity of inventoriable entries and Σ cost of their value entries. */
  quantityOnHand: number;
  inventoryValue: number;
}

const indexes = new WeakMap<ItemBook, BookIndex>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function indexOf(book: ItemBook): BookIndex {
  let index = indexes.get(book);
  if (!index) {
    index = {
      entry: new Map(),
      values: new Map(),
      appsByInbound: new Map(),
      appsByOutbound: new Map(),
      followers: new Map(),
      fixedOutbounds: new Map(),
      transferSource: new Map(),
      open: new Set(),
      buckets: new Map(),
      quantityOnHand: 0,
      inventoryValue: 0,
    };
    indexes.set(book, index);
    for (const entry of book.entries) indexEntry(index, entry);
    for (const value of book.values) indexValue(index, value);
    for (const application of book.applications) indexApplication(index, application);
  }
  return index;
}

function indexEntry(index: BookIndex, entry: ItemLedgerEntry): void {
  index.entry.set(entry.entryNo, entry);
  if (entry.open) {
    index.open.add(entry.entryNo);
    trackOpen(index.buckets, entry);
  }
  if (entry.inventoriable) index.quantityOnHand += entry.quantity;
  if (!entry.positive && entry.appliesToEntry !== null) push(index.fixedOutbounds, entry.appliesToEntry, entry.entryNo);
}

function indexValue(index: BookIndex, value: ValueEntry): void {
  push(index.values, value.itemLedgerEntryNo, value);
  if (value.inventoriable) index.inventoryValue += value.costAmountActual + value.costAmountExpected;
}

function indexApplication(index: BookIndex, application: ItemApplicationEntry): void {
  if (application.outboundEntryNo === 0) {
    if (application.transferredFromEntryNo !== null) {
      push(index.followers, application.transferredFromEntryNo, application.inboundEntryNo);
      index.transferSource.set(application.inboundEntryNo, application.transferredFromEntryNo);
    }
    return;
  }
  if (application.costApplication) {
    push(index.followers, application.outboundEntryNo, application.inboundEntryNo);
    return;
  }
  push(index.appsByInbound, application.inboundEntryNo, application);
  push(index.appsByOutbound, application.outboundEntryNo, application);
}

export function addEntry(book: ItemBook, entry: ItemLedgerEntry): void {
  const index = indexOf(book);
  book.entries.push(entry);
  indexEntry(index, entry);
}

export function addValue(book: ItemBook, value: ValueEntry): void {
  const index = indexOf(book);
  book.values.push(value);
  indexValue(index, value);
}

export function addApplication(book: ItemBook, application: ItemApplicationEntry): void {
  const index = indexOf(book);
  book.applications.push(application);
  indexApplication(index, application);
}

/** Removes quantity applications of an outbound (reapply); the book's list is rewritten once. */
export function removeApplications(book: ItemBook, outboundEntryNo: number): ItemApplicationEntry[] {
  const removed = book.applications.filter(
    (a) => a.outboundEntryNo === outboundEntryNo && !a.costApplication && a.itemLedgerEntryNo === outboundEntryNo,
  );
  book.applications = book.applications.filter((a) => !removed.includes(a));
  indexes.delete(book);
  return removed;
}

export function findEntry(book: ItemBook, entryNo: number): ItemLedgerEntry | undefined {
  return indexOf(book).entry.get(entryNo);
}

export function valuesOf(book: ItemBook, entryNo: number): ValueEntry[] {
  return indexOf(book).values.get(entryNo) ?? [];
}

export interface EntryCost {
  actual: number;
  expected: number;
}

/** Σ cost of an entry's value entries, optionally leaving some entry types out. */
export function costOf(book: ItemBook, entryNo: number, exclude?: (value: ValueEntry) => boolean): EntryCost {
  let actual = 0;
  let expected = 0;
  for (const value of valuesOf(book, entryNo)) {
    if (exclude?.(value)) continue;
    actual += value.costAmountActual;
    expected += value.costAmountExpected;
  }
  return { actual, expected };
}

export function totalCost(book: ItemBook, entryNo: number, exclude?: (value: ValueEntry) => boolean): number {
  const cost = costOf(book, entryNo, exclude);
  return cost.actual + cost.expected;
}

/** Sets an entry's remaining quantity and open flag, keeping the open set current. */
export function setRemaining(book: ItemBook, entry: ItemLedgerEntry, remaining: number): void {
  entry.remainingQuantity = remaining;
  entry.open = remaining !== 0;
  const index = indexOf(book);
  if (entry.open) {
    index.open.add(entry.entryNo);
    trackOpen(index.buckets, entry);
  } else if (index.open.delete(entry.entryNo)) trackClosed(index.buckets, entry);
}

/** Inbound (or outbound) entries at a location and variant in application order; skip closed ones. */
export function openInBucket(book: ItemBook, like: Pick<ItemLedgerEntry, "location" | "variant">, inbound: boolean): readonly ItemLedgerEntry[] {
  return openSide(indexOf(book).buckets, like, inbound);
}

/** Open entries of the book in entry-number order. */
export function openEntries(book: ItemBook): ItemLedgerEntry[] {
  const index = indexOf(book);
  return [...index.open]
    .sort((a, b) => a - b)
    .map((no) => index.entry.get(no))
    .filter((entry): entry is ItemLedgerEntry => entry !== undefined);
}
