/**
 * Deterministic benchmark data (issue 7): every generator takes a seed, so two runs post the very same
 * journals. Dates run over two years; quantities are whole units; a sale never takes more than its
 * location holds, so nothing is refused and every line becomes entries.
 */
import type { JournalLine } from "../../src/core/journal";
import type { CompanyInput, ItemInput } from "../../src/core/service/inputs";

/** mulberry32: a small, fast, seedable PRNG (the bench must not depend on Math.random). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const BENCH_LOCATIONS = ["BLUE", "RED", "GREEN"];
export const BENCH_COLORS = ["Red", "Blue", "Clear", "Black", "White"];
const FIRST_DAY = Date.UTC(2024, 0, 1);
const DAY_MS = 86_400_000;
export const BENCH_DAYS = 730;
/** The work date: the last day of the two years. */
export const BENCH_WORK_DATE = isoDay(BENCH_DAYS - 1);

export function isoDay(day: number): string {
  return new Date(FIRST_DAY + day * DAY_MS).toISOString().slice(0, 10);
}

export function benchCompany(id: string): CompanyInput {
  return {
    id,
    name: `Bench ${id}`,
    workDate: BENCH_WORK_DATE,
    inventorySetup: { automaticCostPosting: false, expectedCostPosting: false, averageCostPeriod: "Day", averageCostCalcType: "Item" },
    locations: BENCH_LOCATIONS.map((code) => ({ code })),
    categories: [{ code: "GOODS", description: "Goods", attributes: [{ name: "Color", type: "Option", values: BENCH_COLORS }] }],
  };
}

export const itemNo = (index: number, prefix = "I"): string => `${prefix}${String(index).padStart(5, "0")}`;

/** Items I00000…: even numbers FIFO, odd numbers Average (issue 7, P1). */
export function benchItems(count: number, prefix = "I", seed = 7): ItemInput[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => ({
    no: itemNo(index, prefix),
    description: `Bench item ${index}`,
    costingMethod: index % 2 === 0 ? "FIFO" : "Average",
    unitCost: 5 + Math.round(random() * 9500) / 100,
    unitPrice: 200,
    category: "GOODS",
    attributes: { Color: BENCH_COLORS[index % BENCH_COLORS.length] },
  }));
}

/**
 * `lines` journal lines over `items` items and the three locations, ascending by date over two years:
 * purchases (1–20 units at the item's cost ±10 %) and sales of what the location holds; yielded in
 * journals of `size` lines, so a million lines never sit in memory at once.
 */
export function* benchJournalParts(lines: number, items: readonly ItemInput[], seed: number, size: number): Generator<JournalLine[]> {
  const random = seededRandom(seed);
  const stock = new Map<string, number>();
  let journal: JournalLine[] = [];
  for (let i = 0; i < lines; i++) {
    const item = items[Math.floor(random() * items.length)];
    const location = BENCH_LOCATIONS[Math.floor(random() * BENCH_LOCATIONS.length)];
    const postingDate = isoDay(Math.floor((i * BENCH_DAYS) / lines));
    const key = `${item.no}\u0001${location}`;
    const onHand = stock.get(key) ?? 0;
    if (onHand > 0 && random() < 0.5) {
      const quantity = 1 + Math.floor(random() * Math.min(onHand, 15));
      stock.set(key, onHand - quantity);
      journal.push({ postingDate, entryType: "Sale", documentNo: `S${i}`, item: item.no, location, quantity, unitPrice: 200 });
    } else {
      const quantity = 1 + Math.floor(random() * 20);
      stock.set(key, onHand + quantity);
      const unitCost = Math.round((item.unitCost ?? 10) * (0.9 + random() * 0.2) * 100) / 100;
      journal.push({ postingDate, entryType: "Purchase", documentNo: `P${i}`, item: item.no, location, quantity, unitCost });
    }
    if (journal.length === size) {
      yield journal;
      journal = [];
    }
  }
  if (journal.length > 0) yield journal;
}

/** The whole journal of benchJournalParts as one list. */
export function benchJournal(lines: number, items: readonly ItemInput[], seed = 11): JournalLine[] {
  return [...benchJournalParts(lines, items, seed, lines)].flat();
}

/**
 * The P2 item: one receipt of `entries / 2` units, received but not invoiced, then `entries / 2 - 1` sales
 * of one unit applied to it (the entries a price change on the receipt reaches), then pairs of one-unit
 * receipts and sales that it does not reach. `entries` item ledger entries in all.
 */
export function costChainJournal(item: string, entries: number): JournalLine[] {
  const reached = Math.floor(entries / 2);
  const journal: JournalLine[] = [
    { postingDate: isoDay(0), entryType: "Purchase", documentNo: "R1", item, location: BENCH_LOCATIONS[0], quantity: reached, unitCost: 10, invoicedQuantity: 0 },
  ];
  const dayOf = (at: number) => isoDay(1 + Math.floor((at * (BENCH_DAYS - 2)) / entries));
  for (let n = 1; n < reached; n++) {
    journal.push({ postingDate: dayOf(n), entryType: "Sale", documentNo: `S${n}`, item, location: BENCH_LOCATIONS[0], quantity: 1, unitPrice: 20 });
  }
  for (let n = reached; n + 1 < entries; n += 2) {
    const postingDate = dayOf(n);
    journal.push({ postingDate, entryType: "Purchase", documentNo: `R${n}`, item, location: BENCH_LOCATIONS[0], quantity: 1, unitCost: 11 });
    journal.push({ postingDate, entryType: "Sale", documentNo: `S${n}`, item, location: BENCH_LOCATIONS[0], quantity: 1, unitPrice: 20 });
  }
  return journal;
}

/** Splits a journal into postings of at most `size` lines (one transaction each). */
export function chunks<T>(values: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < values.length; at += size) out.push(values.slice(at, at + size));
  return out;
}
