/**
 * Item tracking rules enforced at posting (inventory.md §10.2, §10.3, §8.3): serial and lot
 * numbers required by the item's policy, one unit per serial, no serial twice in inventory, no
 * outbound of numbers that are not on hand, one expiration date per lot, expired numbers refused
 * under strict expiration posting, and the reclassification rules for lots and expiry dates.
 */
import type { ItemBook } from "../book";
import { RefusedError } from "../errors";
import { openInBucket, indexOf } from "../ledger/bookIndex";
import { QTY_SCALE } from "../money";
import type { IsoDate, Item, ItemLedgerEntry } from "../types";
import type { Workspace } from "../workspace";
import { isInboundLine, type PostingLine } from "./line";

function refuse(line: PostingLine, field: string, message: string): never {
  throw new RefusedError([{ line: line.lineNo, field, message }]);
}

const numberOf = (lot: string | null, serial: string | null): string => (serial ? `serial number ${serial}` : `lot ${lot}`);

/** Open inbound entries of the item carrying this lot/serial, anywhere (the number's stock). */
function onHand(book: ItemBook, lot: string | null, serial: string | null, variant: string): ItemLedgerEntry[] {
  const result: ItemLedgerEntry[] = [];
  const index = indexOf(book);
  for (const no of index.open) {
    const e = index.entry.get(no);
    if (!e || !e.positive || e.variant !== variant) continue;
    if (serial !== null && e.serialNo !== serial) continue;
    if (lot !== null && e.lotNo !== lot) continue;
    if (serial === null && lot === null) continue;
    result.push(e);
  }
  return result;
}

/** The expiration date of a lot/serial in inventory; undefined when none of it is on hand. */
function currentExpiration(book: ItemBook, lot: string | null, serial: string | null, variant: string): IsoDate | null | undefined {
  const entries = onHand(book, lot, serial, variant);
  if (entries.length === 0) return undefined;
  return entries.find((e) => e.expirationDate !== null)?.expirationDate ?? null;
}

function requireNumbers(line: PostingLine, item: Item, serial: string | null, lot: string | null): void {
  const tracking = item.itemTracking;
  if ((tracking === "Serial" || tracking === "SerialAndLot") && !serial) refuse(line, "serialNo", `A serial number is required for item ${item.no}`);
  if ((tracking === "Lot" || tracking === "SerialAndLot") && !lot) refuse(line, "lotNo", `A lot number is required for item ${item.no}`);
  if (serial && line.quantity !== QTY_SCALE) refuse(line, "quantity", `The quantity of serial number ${serial} must be 1`);
}

function checkInbound(ws: Workspace, book: ItemBook, line: PostingLine, item: Item): void {
  if (line.serialNo && onHand(book, null, line.serialNo, line.variant).length > 0) {
    refuse(line, "serialNo", `Serial number ${line.serialNo} of item ${item.no} is already in inventory`);
  }
  const existing = currentExpiration(book, line.lotNo, line.serialNo, line.variant);
  if (existing !== undefined) {
    // One lot has one expiration date: a receipt takes the lot's date; a different one is refused.
    if (line.expirationDate && existing && line.expirationDate !== existing) {
      refuse(line, "expirationDate", `The expiration date ${line.expirationDate} differs from the expiration date ${existing} of ${numberOf(line.lotNo, line.serialNo)}`);
    }
    line.expirationDate = existing ?? line.expirationDate;
  } else if (item.requireExpirationDate && !line.expirationDate) {
    refuse(line, "expirationDate", `An expiration date is required for ${numberOf(line.lotNo, line.serialNo)} of item ${item.no}`);
  }
}

function checkOutbound(book: ItemBook, line: PostingLine, item: Item): void {
  let available = 0;
  for (const e of openInBucket(book, line, true)) {
    if (available >= line.quantity) break;
    if ((line.lotNo === null || e.lotNo === line.lotNo) && (line.serialNo === null || e.serialNo === line.serialNo)) available += e.remainingQuantity;
  }
  if (available < line.quantity) {
    refuse(line, line.serialNo ? "serialNo" : "lotNo", `${capital(numberOf(line.lotNo, line.serialNo))} of item ${item.no} is not available at ${line.location}`);
  }
  const expiration = currentExpiration(book, line.lotNo, line.serialNo, line.variant);
  if (item.strictExpirationPosting && line.entryType !== "Transfer" && expiration && expiration < line.postingDate) {
    refuse(line, line.serialNo ? "serialNo" : "lotNo", `${capital(numberOf(line.lotNo, line.serialNo))} of item ${item.no} expired on ${expiration}`);
  }
  line.expirationDate = expiration ?? line.expirationDate;
}

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Reclassification targets (§8.3): the new number's expiry, entire-lot expiry changes, merges. */
function checkReclassification(book: ItemBook, line: PostingLine, item: Item): IsoDate | null {
  const lot = line.newLotNo ?? line.lotNo;
  const serial = line.newSerialNo ?? line.serialNo;
  const renamed = lot !== line.lotNo || serial !== line.serialNo;
  const source = line.expirationDate;
  if (!renamed) {
    if (line.newExpirationDate !== undefined && line.newExpirationDate !== source && (line.lotNo || line.serialNo)) {
      const whole = onHand(book, line.lotNo, line.serialNo, line.variant).reduce((sum, e) => sum + e.remainingQuantity, 0);
      if (whole !== line.quantity) refuse(line, "quantity", `An expiration date change must cover the entire lot ${line.lotNo ?? line.serialNo} of item ${item.no}`);
    }
    return line.newExpirationDate === undefined ? source : line.newExpirationDate;
  }
  if (serial && serial !== line.serialNo && onHand(book, null, serial, line.variant).length > 0) {
    refuse(line, "newSerialNo", `Serial number ${serial} of item ${item.no} is already in inventory`);
  }
  const target = currentExpiration(book, lot, serial, line.variant);
  if (target === undefined) return line.newExpirationDate === undefined ? source : line.newExpirationDate;
  if (line.newExpirationDate !== undefined && line.newExpirationDate !== target) {
    refuse(line, "newExpirationDate", `The new expiration date must equal the expiration date ${target ?? "(blank)"} of ${numberOf(lot, serial)}`);
  }
  return target;
}

/**
 * Checks a line against the tracking rules and fills in expiration dates. Returns the expiration
 * date of a transfer's inbound side.
 */
export function applyTrackingRules(ws: Workspace, line: PostingLine, item: Item): IsoDate | null | undefined {
  if (item.type !== "Inventory") return undefined;
  const tracked = item.itemTracking !== "None" || line.serialNo !== null || line.lotNo !== null;
  if (!tracked) return undefined;
  const book = ws.bookForUpdate(item.no);
  requireNumbers(line, item, line.serialNo, line.lotNo);
  if (line.entryType === "Transfer") {
    checkOutbound(book, line, item);
    return checkReclassification(book, line, item);
  }
  if (isInboundLine(line)) checkInbound(ws, book, line, item);
  else checkOutbound(book, line, item);
  return undefined;
}
