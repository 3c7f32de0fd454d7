/**
 * The valuation dates the average cost calculation works with (costing.md §7, §8.1).
 *
 * costing.md dates a transfer receipt by its own posting date (§7) and is silent on a receipt whose
 * outbound is valued later, which happens when the outbound is applied to a receipt posted on a
 * later date (or closes later from negative stock). Business Central gives the receipt's value
 * entry the valuation date of the outbound's value entry and moves it with the outbound's, so a
 * receipt is never valued in an earlier average cost period than the shipment it copies. The
 * engine follows that reading here (and only here, for the average): with it, cost flows between
 * groups only forward in time or inside one period, where the transfer loops of average.ts are cut.
 * Without it, the average of one group's later period fed a receipt in another group's earlier
 * period, whose average fed back into the first group's opening balance: a loop across periods
 * that adjustment could only iterate (and, with negative stock, an amplifying one that never settled).
 */
import type { ItemBook } from "../book";
import { indexOf } from "../ledger/bookIndex";
import { valuationDateOf } from "../posting/values";
import type { IsoDate, ItemLedgerEntry } from "../types";

/** An entry's valuation date for the average: the stored one, or later as described above. */
export type AverageDate = (entry: ItemLedgerEntry) => IsoDate;

/**
 * Raises transfer receipts to the valuation date of their outbound, and outbounds applied to a
 * raised receipt to that receipt's date (§7: an outbound is valued no earlier than what it took).
 * Dates only rise and are bounded by the latest one in the book, so the propagation ends.
 */
export function averageDates(book: ItemBook): AverageDate {
  const index = indexOf(book);
  const raised = new Map<number, IsoDate>();
  const dateOf = (entryNo: number): IsoDate | undefined => {
    const entry = index.entry.get(entryNo);
    return raised.get(entryNo) ?? (entry && valuationDateOf(book, entry));
  };
  const pending = [...index.transferSource.keys()];
  for (let entryNo = pending.pop(); entryNo !== undefined; entryNo = pending.pop()) {
    const entry = index.entry.get(entryNo);
    const current = dateOf(entryNo);
    if (!entry || current === undefined) continue;
    const wanted = entry.positive ? sourceDate(index.transferSource.get(entryNo), dateOf) : latestInbound(index.appsByOutbound.get(entryNo) ?? [], dateOf);
    if (wanted === undefined || wanted <= current) continue;
    raised.set(entryNo, wanted);
    if (entry.positive) {
      for (const application of index.appsByInbound.get(entryNo) ?? []) pending.push(application.outboundEntryNo);
    } else {
      for (const follower of index.followers.get(entryNo) ?? []) {
        if (index.transferSource.get(follower) === entryNo) pending.push(follower);
      }
    }
  }
  return (entry) => raised.get(entry.entryNo) ?? valuationDateOf(book, entry);
}

function sourceDate(source: number | undefined, dateOf: (entryNo: number) => IsoDate | undefined): IsoDate | undefined {
  return source === undefined ? undefined : dateOf(source);
}

function latestInbound(applications: readonly { inboundEntryNo: number }[], dateOf: (entryNo: number) => IsoDate | undefined): IsoDate | undefined {
  let latest: IsoDate | undefined;
  for (const application of applications) {
    const date = dateOf(application.inboundEntryNo);
    if (date !== undefined && (latest === undefined || date > latest)) latest = date;
  }
  return latest;
}
