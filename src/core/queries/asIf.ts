/**
 * What-if valuation (excel.md §1.2 INV.VALUEASIF / INV.COGSASIF): the item's own entries replayed as if it
 * had always used another costing method. Inbound entries keep their adjusted actual cost (charges
 * included, value entries posted up to the cut-off); outbound entries are costed by the method instead of
 * by their applications. Pure: the caller passes the book as cost adjustment leaves it; nothing is written.
 *
 * Method rules of the replay (costing.md §5.2, §8):
 *  - FIFO / LIFO: layers per location and variant, oldest (newest) first by posting date, then entry number.
 *  - AVERAGE: one pool per item (calc type Item) or per location and variant (ItemLocationVariant); every
 *    outbound of an average-cost period is valued at (value at the period's start + inbounds of the period)
 *    ÷ (quantity at start + inbound quantity). Transfers move cost at that average; in Item mode they leave
 *    the pool unchanged (costing.md §8.1).
 *  - STANDARD: every entry at the standard cost.
 *  - SPECIFIC: every outbound entry must carry a fixed application; it takes its cost from that entry.
 * An outbound beyond the stock of its layers is valued at its own posted cost until a later inbound covers
 * it; then it takes that inbound's cost, as cost adjustment would do.
 */
import type { ItemBook } from "../book";
import { periodOf } from "../dates";
import { amountOf, shareOf, type Money, type Qty, type UnitCost } from "../money";
import type { AverageCostPeriod, IsoDate, ItemLedgerEntry } from "../types";

export type AsIfMethod = "FIFO" | "LIFO" | "AVERAGE" | "STANDARD" | "SPECIFIC";

export interface AsIfSetup {
  method: AsIfMethod;
  /** Entries posted after this date are not replayed; value entries posted after it are not counted. */
  cutoff: IsoDate;
  /** STANDARD: the cost per base unit. */
  standardCost?: UnitCost;
  averageCostPeriod: AverageCostPeriod;
  averageCostCalcType: "Item" | "ItemLocationVariant";
  accountingPeriods: readonly IsoDate[];
}

export interface AsIfResult {
  /** Value on hand at the cut-off per location code. */
  valueByLocation: Map<string, Money>;
  /** Cost of each outbound entry (positive = cost taken out), by entry number. */
  outboundCost: Map<number, Money>;
  /** Cost of each inbound entry, by entry number. */
  inboundCost: Map<number, Money>;
}

/** Raised when SPECIFIC is asked but an outbound entry has no fixed application. */
export class AsIfNotPossible extends Error {}

interface Layer {
  entry: ItemLedgerEntry;
  qty: Qty;
  cost: Money;
}

interface Debt {
  entryNo: number;
  qty: Qty;
  /** What the uncovered quantity was valued at when it went out. */
  estimate: Money;
}

class Replay {
  readonly result: AsIfResult = { valueByLocation: new Map(), outboundCost: new Map(), inboundCost: new Map() };
  private readonly layers = new Map<string, Layer[]>();
  private readonly debts = new Map<string, Debt[]>();

  constructor(
    readonly book: ItemBook,
    readonly setup: AsIfSetup,
    private readonly ownCost: Map<number, Money>,
  ) {}

  private bucket(entry: ItemLedgerEntry): string {
    return `${entry.location}\u0001${entry.variant}`;
  }

  private addValue(location: string, amount: Money): void {
    this.result.valueByLocation.set(location, (this.result.valueByLocation.get(location) ?? 0) + amount);
  }

  private chargeOutbound(entryNo: number, amount: Money, location: string): void {
    this.result.outboundCost.set(entryNo, (this.result.outboundCost.get(entryNo) ?? 0) + amount);
    this.addValue(location, -amount);
  }

  /** An inbound entry at `cost`: first covers earlier uncovered outbounds of its bucket, then becomes a layer. */
  addInbound(entry: ItemLedgerEntry, cost: Money): void {
    this.result.inboundCost.set(entry.entryNo, cost);
    this.addValue(entry.location, cost);
    let qty = entry.quantity;
    let rest = cost;
    const debts = this.debts.get(this.bucket(entry)) ?? [];
    while (qty > 0 && debts.length > 0) {
      const debt = debts[0];
      const take = Math.min(qty, debt.qty);
      const part = shareOf(rest, take, qty);
      const estimate = shareOf(debt.estimate, take, debt.qty);
      // The outbound now costs what covered it (cost adjustment's answer), not its estimate.
      this.chargeOutbound(debt.entryNo, part - estimate, entry.location);
      [qty, rest, debt.qty, debt.estimate] = [qty - take, rest - part, debt.qty - take, debt.estimate - estimate];
      if (debt.qty === 0) debts.shift();
    }
    if (qty > 0) this.layersOf(entry).push({ entry, qty, cost: rest });
  }

  private layersOf(entry: ItemLedgerEntry): Layer[] {
    const key = this.bucket(entry);
    const found = this.layers.get(key) ?? [];
    this.layers.set(key, found);
    return found;
  }

  /** FIFO, LIFO or SPECIFIC: the cost of the quantity taken from the layers; returns it. */
  takeFromLayers(entry: ItemLedgerEntry): Money {
    const layers = this.layersOf(entry);
    let qty = -entry.quantity;
    let cost = 0;
    while (qty > 0) {
      const at = this.pickLayer(layers, entry);
      if (at < 0) break;
      const layer = layers[at];
      const take = Math.min(qty, layer.qty);
      const part = shareOf(layer.cost, take, layer.qty);
      [qty, cost, layer.qty, layer.cost] = [qty - take, cost + part, layer.qty - take, layer.cost - part];
      if (layer.qty === 0) layers.splice(at, 1);
    }
    if (qty > 0) cost += this.owe(entry, qty);
    this.chargeOutbound(entry.entryNo, cost, entry.location);
    return cost;
  }

  private pickLayer(layers: Layer[], entry: ItemLedgerEntry): number {
    if (layers.length === 0) return -1;
    if (this.setup.method === "SPECIFIC") return layers.findIndex((layer) => layer.entry.entryNo === entry.appliesToEntry);
    return this.setup.method === "LIFO" ? layers.length - 1 : 0;
  }

  /** Quantity going out beyond stock: valued at its own posted cost share until an inbound covers it. */
  private owe(entry: ItemLedgerEntry, qty: Qty): Money {
    const estimate = -shareOf(this.ownCost.get(entry.entryNo) ?? 0, qty, entry.quantity);
    const debts = this.debts.get(this.bucket(entry)) ?? [];
    debts.push({ entryNo: entry.entryNo, qty, estimate });
    this.debts.set(this.bucket(entry), debts);
    return estimate;
  }
}

/** Posted cost per item ledger entry from value entries posted on or before the cut-off (actual + expected). */
function ownCosts(book: ItemBook, cutoff: IsoDate): Map<number, Money> {
  const costs = new Map<number, Money>();
  for (const value of book.values) {
    if (!value.inventoriable || value.postingDate > cutoff) continue;
    costs.set(value.itemLedgerEntryNo, (costs.get(value.itemLedgerEntryNo) ?? 0) + value.costAmountActual + value.costAmountExpected);
  }
  return costs;
}

function replayed(book: ItemBook, cutoff: IsoDate): ItemLedgerEntry[] {
  return book.entries
    .filter((entry) => entry.inventoriable && entry.postingDate <= cutoff)
    .sort((a, b) => (a.postingDate < b.postingDate ? -1 : a.postingDate > b.postingDate ? 1 : a.entryNo - b.entryNo));
}

/** The outbound half a transfer receipt came from (its own application names it). */
function transferSource(book: ItemBook, entry: ItemLedgerEntry): number | null {
  if (entry.entryType !== "Transfer" || entry.quantity <= 0) return null;
  return book.applications.find((a) => a.itemLedgerEntryNo === entry.entryNo && a.transferredFromEntryNo !== null)?.transferredFromEntryNo ?? null;
}

function replayLayers(replay: Replay, entries: ItemLedgerEntry[], costs: Map<number, Money>): void {
  if (replay.setup.method === "SPECIFIC" && entries.some((entry) => entry.quantity < 0 && entry.appliesToEntry === null))
    throw new AsIfNotPossible("SPECIFIC needs a fixed application on every outbound entry");
  for (const entry of entries) {
    if (entry.quantity < 0) {
      replay.takeFromLayers(entry);
      continue;
    }
    const source = transferSource(replay.book, entry);
    const cost = source !== null ? (replay.result.outboundCost.get(source) ?? 0) : (costs.get(entry.entryNo) ?? 0);
    replay.addInbound(entry, cost);
  }
}

function replayStandard(replay: Replay, entries: ItemLedgerEntry[]): void {
  const standard = replay.setup.standardCost ?? 0;
  for (const entry of entries) {
    const amount = amountOf(entry.quantity, standard);
    if (entry.quantity < 0) replay.result.outboundCost.set(entry.entryNo, -amount);
    else replay.result.inboundCost.set(entry.entryNo, amount);
    const location = replay.result.valueByLocation;
    location.set(entry.location, (location.get(entry.location) ?? 0) + amount);
  }
}

interface Pool {
  qty: Qty;
  value: Money;
}

function addToPool(pool: Pool, qty: Qty, value: Money): void {
  pool.qty += qty;
  pool.value += value;
}

/** Average: per period, add the period's inbounds (transfer receipts in Item mode excluded), then cost its outbounds. */
function replayAverage(replay: Replay, entries: ItemLedgerEntry[], costs: Map<number, Money>): void {
  const { averageCostPeriod, averageCostCalcType, accountingPeriods } = replay.setup;
  const perItem = averageCostCalcType === "Item";
  const pools = new Map<string, Pool>();
  const poolOf = (entry: ItemLedgerEntry): Pool => {
    const key = perItem ? "" : `${entry.location}\u0001${entry.variant}`;
    const pool = pools.get(key) ?? { qty: 0, value: 0 };
    pools.set(key, pool);
    return pool;
  };
  const byPeriod = new Map<string, ItemLedgerEntry[]>();
  for (const entry of entries) {
    const end = periodOf(entry.postingDate, averageCostPeriod, accountingPeriods).end;
    byPeriod.set(end, [...(byPeriod.get(end) ?? []), entry]);
  }
  const outCost = replay.result.outboundCost;
  for (const period of byPeriod.values()) {
    const transfersIn = period.filter((entry) => entry.quantity > 0 && transferSource(replay.book, entry) !== null);
    for (const entry of period) {
      if (entry.quantity <= 0 || transfersIn.includes(entry)) continue;
      const cost = costs.get(entry.entryNo) ?? 0;
      addToPool(poolOf(entry), entry.quantity, cost);
      replay.addInbound(entry, cost);
    }
    const averages = new Map([...pools].map(([key, pool]) => [key, { ...pool }]));
    for (const entry of period.filter((e) => e.quantity < 0)) {
      const at = averages.get(perItem ? "" : `${entry.location}\u0001${entry.variant}`) ?? { qty: 0, value: 0 };
      const cost = at.qty > 0 ? shareOf(at.value, -entry.quantity, at.qty) : -(costs.get(entry.entryNo) ?? 0);
      outCost.set(entry.entryNo, cost);
      replay.result.valueByLocation.set(entry.location, (replay.result.valueByLocation.get(entry.location) ?? 0) - cost);
      // In Item mode a transfer's two halves cancel in the pool: only its receipt location changes.
      if (!(perItem && entry.entryType === "Transfer")) addToPool(poolOf(entry), entry.quantity, -cost);
    }
    for (const entry of transfersIn) {
      const cost = outCost.get(transferSource(replay.book, entry) ?? -1) ?? 0;
      replay.result.inboundCost.set(entry.entryNo, cost);
      replay.result.valueByLocation.set(entry.location, (replay.result.valueByLocation.get(entry.location) ?? 0) + cost);
      if (!perItem) addToPool(poolOf(entry), entry.quantity, cost);
    }
  }
}

/**
 * Replays the item's entries posted on or before `setup.cutoff` under `setup.method`. Throws AsIfNotPossible
 * for SPECIFIC when an outbound entry has no fixed application.
 */
export function replayAsIf(book: ItemBook, setup: AsIfSetup): AsIfResult {
  const costs = ownCosts(book, setup.cutoff);
  const replay = new Replay(book, setup, costs);
  const entries = replayed(book, setup.cutoff);
  if (setup.method === "STANDARD") replayStandard(replay, entries);
  else if (setup.method === "AVERAGE") replayAverage(replay, entries, costs);
  else replayLayers(replay, entries, costs);
  return replay.result;
}

/** INV.VALUEASIF: value on hand at the cut-off under the method; `location` undefined = every location. */
export function valueAsIf(book: ItemBook, setup: AsIfSetup, location?: string): Money {
  const byLocation = replayAsIf(book, setup).valueByLocation;
  if (location !== undefined) return byLocation.get(location) ?? 0;
  let sum = 0;
  for (const value of byLocation.values()) sum += value;
  return sum;
}

/**
 * INV.COGSASIF: cost of the item's sales posted in [from, to] under the method (sales returns lower it),
 * replayed up to `to`; from null = from the beginning.
 */
export function cogsAsIf(book: ItemBook, setup: Omit<AsIfSetup, "cutoff">, from: IsoDate | null, to: IsoDate, location?: string): Money {
  const result = replayAsIf(book, { ...setup, cutoff: to });
  let sum = 0;
  for (const entry of book.entries) {
    if (entry.entryType !== "Sale" || entry.postingDate > to || (from !== null && entry.postingDate < from)) continue;
    if (location !== undefined && entry.location !== location) continue;
    sum += entry.quantity < 0 ? (result.outboundCost.get(entry.entryNo) ?? 0) : -(result.inboundCost.get(entry.entryNo) ?? 0);
  }
  return sum;
}
