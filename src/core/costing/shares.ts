/**
 * What an inbound forwards to an outbound applied to it (costing.md §9.3 step 2, §10, §11.4):
 * share(O, I) = round(q × unitCostFor(I, O)), where unitCostFor is I's cost without revaluation and
 * Rounding entries per unit, plus the per-unit amount of every revaluation of I that reaches O.
 */
import type { ItemBook } from "../book";
import { findEntry, indexOf, totalCost, valuesOf } from "../ledger/bookIndex";
import { divRoundBig, type Money, type Qty } from "../money";
import type { ItemLedgerEntry, ValueEntry } from "../types";

export interface Share {
  /** round(q × unitCostFor(I, O)), signed like q. */
  total: Money;
  /** The part that comes from revaluations of I (written as Revaluation adjustments, §9.4). */
  revaluation: Money;
}

/** The first value entry number of an entry: its place in the posting sequence. */
export function postedSeq(book: ItemBook, entry: ItemLedgerEntry): number {
  return valuesOf(book, entry.entryNo)[0]?.entryNo ?? Number.MAX_SAFE_INTEGER;
}

/** §11.4: a revaluation reaches O unless O was posted before it with a posting date on or before its date. */
export function revaluationReaches(book: ItemBook, revaluation: ValueEntry, outbound: ItemLedgerEntry | null): boolean {
  if (!outbound) return true;
  const postedBefore = postedSeq(book, outbound) < revaluation.entryNo;
  return !(postedBefore && outbound.postingDate <= revaluation.postingDate);
}

const isRevaluation = (v: ValueEntry): boolean => v.entryType === "Revaluation" && !v.adjustment;

/** Cost of I without its Rounding entries and without its own revaluations (revaluation adjustments of a follower stay). */
export function baseCost(book: ItemBook, inbound: ItemLedgerEntry): Money {
  let sum = 0;
  for (const v of valuesOf(book, inbound.entryNo)) {
    if (v.entryType === "Rounding" || isRevaluation(v)) continue;
    sum += v.costAmountActual + v.costAmountExpected;
  }
  return sum;
}

/** share(O, I) for q (signed, negative for an outbound) applied quantity. */
export function shareOfInbound(book: ItemBook, inbound: ItemLedgerEntry, outbound: ItemLedgerEntry | null, q: Qty): Share {
  const iq = BigInt(inbound.quantity);
  // Exact fraction n / d of q × unitCostFor(I, O), in cents.
  let n = BigInt(q) * BigInt(baseCost(book, inbound));
  let d = iq;
  const base = divRoundBig(n, d);
  for (const v of valuesOf(book, inbound.entryNo)) {
    if (!isRevaluation(v) || v.valuedQuantity === 0 || !revaluationReaches(book, v, outbound)) continue;
    const rq = BigInt(v.valuedQuantity);
    n = n * rq + BigInt(q) * BigInt(v.costAmountActual + v.costAmountExpected) * d;
    d = d * rq;
  }
  const total = Number(divRoundBig(n, d));
  return { total, revaluation: total - Number(base) };
}

/** Σ shares over an outbound's quantity applications, and the quantity they cover. */
export function sharesOfOutbound(book: ItemBook, outbound: ItemLedgerEntry): Share & { quantity: Qty } {
  let total = 0;
  let revaluation = 0;
  let quantity = 0;
  for (const application of indexOf(book).appsByOutbound.get(outbound.entryNo) ?? []) {
    const inbound = findEntry(book, application.inboundEntryNo);
    if (!inbound) continue;
    const share = shareOfInbound(book, inbound, outbound, application.quantity);
    total += share.total;
    revaluation += share.revaluation;
    quantity += application.quantity;
  }
  return { total, revaluation, quantity };
}

/** A non-negative-denominator fraction of cents, for costs followed along a chain. */
interface Fraction {
  n: bigint;
  d: bigint;
}

const add = (a: Fraction, b: Fraction): Fraction => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });

/**
 * Cost of q units of inbound I traced to the cost sources behind it (§8.2: "following cost chains
 * such as transfer receipts back to their source"): a transfer receipt takes its share of what its
 * outbound was applied to; any other inbound its own cost per unit.
 */
function chainCost(book: ItemBook, inbound: ItemLedgerEntry, q: Fraction, depth: number): Fraction {
  const index = indexOf(book);
  const source = index.transferSource.get(inbound.entryNo);
  const outbound = source !== undefined ? findEntry(book, source) : undefined;
  if (!outbound || depth > 20) return { n: q.n * BigInt(totalCost(book, inbound.entryNo)), d: q.d * BigInt(inbound.quantity) };
  // q of the receipt stands for q / receipt.quantity of each application of its outbound.
  let sum: Fraction = { n: 0n, d: 1n };
  let applied = 0;
  for (const a of index.appsByOutbound.get(outbound.entryNo) ?? []) {
    const next = findEntry(book, a.inboundEntryNo);
    if (!next) continue;
    applied += a.quantity;
    sum = add(sum, chainCost(book, next, { n: q.n * BigInt(-a.quantity), d: q.d * BigInt(inbound.quantity) }, depth + 1));
  }
  const rest = -outbound.quantity + applied;
  if (rest !== 0) {
    const unit = BigInt(outbound.lineUnitCost ?? 0);
    // rest × lineUnitCost (1e-5) in cents: / 1e8 of Qty × UnitCost.
    sum = add(sum, { n: q.n * BigInt(rest) * unit, d: q.d * BigInt(inbound.quantity) * 100_000_000n });
  }
  return sum;
}

/** Σ over an outbound's applications of the chained cost of what it took, rounded once per application. */
export function chainedSharesOfOutbound(book: ItemBook, outbound: ItemLedgerEntry): { total: Money; quantity: Qty } {
  let total = 0;
  let quantity = 0;
  for (const application of indexOf(book).appsByOutbound.get(outbound.entryNo) ?? []) {
    const inbound = findEntry(book, application.inboundEntryNo);
    if (!inbound) continue;
    const cost = chainCost(book, inbound, { n: BigInt(application.quantity), d: 1n }, 0);
    total += Number(divRoundBig(cost.n, cost.d));
    quantity += application.quantity;
  }
  return { total, quantity };
}
