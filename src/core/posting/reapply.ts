/**
 * Application worksheet (costing.md §4.11): an outbound's quantity applications are removed and it
 * is applied to the named inbound, which makes it a fixed application from then on.
 */
import { averageGroupKey, markAverage, markEntry, markInbound } from "../costing/marks";
import { removeApplications, setRemaining } from "../ledger/bookIndex";
import type { Workspace } from "../workspace";
import { applyQuantity } from "./entries";
import { checkOpenPeriod, refuse, requireEntry } from "./guards";
import { valuationDateOf } from "./values";

export interface ReapplyInput {
  outboundEntryNo: number;
  inboundEntryNo: number;
}

export function reapply(ws: Workspace, input: ReapplyInput): void {
  const out = requireEntry(ws, input.outboundEntryNo, "outboundEntryNo");
  const into = requireEntry(ws, input.inboundEntryNo, "inboundEntryNo");
  if (out.item.no !== into.item.no) refuse(`Item ledger entry ${input.inboundEntryNo} belongs to another item`, "inboundEntryNo");
  const { book, item, entry: outbound } = out;
  const inbound = into.entry;
  checkOpenPeriod(ws, outbound.postingDate, "outboundEntryNo");
  if (outbound.positive || !inbound.positive) refuse(`Item ledger entry ${inbound.entryNo} cannot be applied`, "inboundEntryNo");
  const removed = removeApplications(book, outbound.entryNo);
  const freed = new Map<number, number>();
  for (const application of removed) freed.set(application.inboundEntryNo, (freed.get(application.inboundEntryNo) ?? 0) - application.quantity);
  const available = inbound.remainingQuantity + (freed.get(inbound.entryNo) ?? 0);
  if (available < -outbound.quantity || inbound.location !== outbound.location) {
    refuse(`Item ledger entry ${inbound.entryNo} is not open for the quantity`, "inboundEntryNo");
  }
  outbound.appliesToEntry = inbound.entryNo;
  for (const [entryNo, quantity] of freed) {
    const source = book.entries.find((e) => e.entryNo === entryNo);
    if (source) {
      setRemaining(book, source, source.remainingQuantity + quantity);
      markInbound(book, entryNo);
    }
  }
  setRemaining(book, outbound, outbound.quantity);
  applyQuantity(ws, book, inbound, outbound, -outbound.quantity, outbound.postingDate, true);
  markEntry(book, outbound.entryNo);
  markInbound(book, inbound.entryNo);
  if (item.costingMethod === "Average") {
    // The pool changes from the earliest of the entries involved (§8.2 exceptions).
    const dates = [outbound, inbound, ...removed.map((a) => book.entries.find((e) => e.entryNo === a.inboundEntryNo) ?? outbound)]
      .map((e) => valuationDateOf(book, e));
    markAverage(book, averageGroupKey(ws.company.inventorySetup, outbound), dates.sort()[0]);
  }
  ws.changedBooks.add(book.item);
}
