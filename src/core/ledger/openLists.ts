/**
 * Open entries per location and variant, each side kept in application order (posting date, then
 * entry number), so applying an outbound or closing negative inventory looks only at open entries
 * of its own bucket instead of scanning the book. Closed entries are dropped lazily: trimmed from
 * both ends as they close (FIFO and LIFO consume from the ends), and compacted when they make up
 * half of the list.
 */
import type { ItemLedgerEntry } from "../types";

interface Side {
  entries: ItemLedgerEntry[];
  members: Set<number>;
  /** Entries of `entries` that are closed but not yet dropped. */
  closed: number;
}

export interface OpenBucket {
  inbound: Side;
  outbound: Side;
}

export type OpenBuckets = Map<string, OpenBucket>;

const keyOf = (like: Pick<ItemLedgerEntry, "location" | "variant">): string => `${like.location}\u0000${like.variant}`;

function before(a: ItemLedgerEntry, b: ItemLedgerEntry): boolean {
  return a.postingDate < b.postingDate || (a.postingDate === b.postingDate && a.entryNo < b.entryNo);
}

function sideOf(buckets: OpenBuckets, entry: ItemLedgerEntry, create: boolean): Side | undefined {
  const key = keyOf(entry);
  let bucket = buckets.get(key);
  if (!bucket) {
    if (!create) return undefined;
    bucket = { inbound: { entries: [], members: new Set(), closed: 0 }, outbound: { entries: [], members: new Set(), closed: 0 } };
    buckets.set(key, bucket);
  }
  return entry.positive ? bucket.inbound : bucket.outbound;
}

/** Records an entry that is open (again); keeps the side sorted (entries mostly arrive in order). */
export function trackOpen(buckets: OpenBuckets, entry: ItemLedgerEntry): void {
  const side = sideOf(buckets, entry, true) as Side;
  if (side.members.has(entry.entryNo)) {
    // Re-opened while still listed (reapply): it no longer counts as a closed leftover.
    side.closed = Math.max(0, side.closed - 1);
    return;
  }
  side.members.add(entry.entryNo);
  const list = side.entries;
  let i = list.length;
  while (i > 0 && before(entry, list[i - 1])) i -= 1;
  list.splice(i, 0, entry);
}

/** Notes that a listed entry closed; trims the ends and compacts when closed entries pile up. */
export function trackClosed(buckets: OpenBuckets, entry: ItemLedgerEntry): void {
  const side = sideOf(buckets, entry, false);
  if (!side || !side.members.has(entry.entryNo)) return;
  side.closed += 1;
  const list = side.entries;
  let head = 0;
  while (head < list.length && !list[head].open) {
    side.members.delete(list[head].entryNo);
    head += 1;
  }
  if (head > 0) {
    list.splice(0, head);
    side.closed -= head;
  }
  while (list.length > 0 && !list[list.length - 1].open) {
    side.members.delete((list.pop() as ItemLedgerEntry).entryNo);
    side.closed -= 1;
  }
  if (side.closed > 32 && side.closed * 2 > list.length) {
    for (const e of list) if (!e.open) side.members.delete(e.entryNo);
    side.entries = list.filter((e) => e.open);
    side.closed = 0;
  }
}

/** The entries of one side of a bucket in application order; some may be closed (callers skip them). */
export function openSide(buckets: OpenBuckets, like: Pick<ItemLedgerEntry, "location" | "variant">, inbound: boolean): readonly ItemLedgerEntry[] {
  const bucket = buckets.get(keyOf(like));
  if (!bucket) return [];
  return (inbound ? bucket.inbound : bucket.outbound).entries;
}
