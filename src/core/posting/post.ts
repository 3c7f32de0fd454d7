/** Posting of validated journal lines, one after the other, into a workspace. */
import { RefusedError, type FieldError } from "../errors";
import type { JournalLine } from "../journal";
import type { Item, ItemLedgerEntry } from "../types";
import type { Workspace } from "../workspace";
import { postInbound } from "./inbound";
import { isInboundLine, toPostingLine, validateLines, type PostingLine } from "./line";
import { postOutbound } from "./outbound";
import { assembleToOrderParts, type ShipmentPart } from "../inventory/assembleToOrder";
import { linkToOrder } from "../inventory/orders";
import { moveReservationsToEntry } from "../inventory/reservations";
import { applyTrackingRules } from "./tracking";
import { postTransfer } from "./transfer";

export function postLine(ws: Workspace, line: PostingLine): ItemLedgerEntry {
  const item = ws.item(line.item) as Item;
  const newExpiration = applyTrackingRules(ws, line, item);
  if (line.entryType === "Transfer") return postTransfer(ws, line, item, newExpiration);
  return isInboundLine(line) ? postInbound(ws, line, item) : postOutbound(ws, line, item);
}

/** Static checks of every line (all errors), then posting in order; a refusal throws. */
export function postLines(ws: Workspace, lines: readonly JournalLine[]): { first: number; last: number } {
  const errors: FieldError[] = validateLines(ws, lines);
  if (errors.length > 0) throw new RefusedError(errors);
  const first = ws.company.counters.lastItemLedgerEntryNo + 1;
  lines.forEach((line, i) => {
    // An assemble-to-order shipment posts its assembly first, then the sale in parts (inventory.md §14.3).
    const converted = toPostingLine(ws, line, i);
    for (const part of assembleToOrderParts(ws, line, converted.quantity, converted.lineNo)) postOrderLinked(ws, part, i);
  });
  return { first, last: ws.company.counters.lastItemLedgerEntryNo };
}

function postOrderLinked(ws: Workspace, { line, assembleToOrder }: ShipmentPart, i: number): void {
  // A line with the document number of an open order line posts against it (FORMAT.md `order`).
  const converted = toPostingLine(ws, line, i);
  const linked = linkToOrder(ws, line, converted.quantity, converted.lineNo);
  const entry = postLine(ws, linked === line ? converted : toPostingLine(ws, linked, i));
  if (assembleToOrder) entry.assembleToOrder = true;
  // Receiving a reserved supply order moves its reservations onto the new entry (inventory.md §12.3).
  if (entry.positive && line.documentNo && ws.company.reservations?.some((r) => r.supply === line.documentNo)) {
    moveReservationsToEntry(ws, line.documentNo, entry);
  }
}
