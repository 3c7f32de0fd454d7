/**
 * Open entries per location and variant, each side kept in application order (posting date, then
 * entry number), so applying an outbound or closing negative inventory looks only at open entries
 * of its own bucket instead of scanning the book. Closed entries are dropped lazily.
 */
import type { ItemLedgerEntry } from "../types";

interface Side {
  entries: ItemLedgerEntry[];
  members: Set<number>;
}

export interface OpenBucket {
  inbound: Side;
  outbound: Side;
}

export type OpenBuckets = Map<string, OpenBucket>;

const bucketKey = (entry: ItemLedgerEntry): string => `${entry.location}\u0000${entry.variant}`;

function before(a: ItemLedgerEntry, b: ItemLedgerEntry): boolean {
  return a.postingDate < b.postingDate || (a.postingDate === b.postingDate && a.entryNo < b.entryNo);
}

function sideOf(buckets: OpenBuckets, entry: ItemLedgerEntry): Side {
  const key = bucketKey(entry);
  let bucket = buckets.get(key);
  if (!bucket) {
    bucket = { inbound: { entries: [], members: new Set() }, outbound: { entries: [], members: new Set() } };
    buckets.set(key, bucket);
  }
  return entry.positive ? bucket.inbound : bucket.outbound;
}

/** Records an entry that is open (again); keeps the side sorted (entries mostly arrive in order). */
export function trackOpen(buckets: OpenBuckets, entry: ItemLedgerEntry): void {
  const side = sideOf(buckets, entry);
  if (side.members.has(entry.entryNo)) return;
  side.members.add(entry.entryNo);
  const list = side.entries;
  let i = list.length;
  while (i > 0 && before(entry, list[i - 1])) i -= 1;
  list.splice(i, 0, entry);
}

/** The open entries of one side of a bucket, in application order; closed ones are compacted away. */
export function openSide(buckets: OpenBuckets, like: Pick<ItemLedgerEntry, "location" | "variant">, inbound: boolean): ItemLedgerEntry[] {
  const bucket = buckets.get(`${like.location}\u0000${like.variant}`);
  if (!bucket) return [];
  const side = inbound ? bucket.inbound : bucket.outbound;
  if (side.entries.some((e) => !e.open)) {
    const open = side.entries.filter((e) => e.open);
    for (const e of side.entries) if (!e.open) side.members.delete(e.entryNo);
    side.entries = open;
  }
  return side.entries;
}
