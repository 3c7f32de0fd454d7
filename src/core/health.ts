/**
 * Ledger health check (costing issue item 6), run after every command on the items it touched:
 * quantities on hand agree with the entries, remaining quantities agree with the applications,
 * the item value equals the sum of its value entries, the G/L stays balanced. A breach throws
 * InvariantError, so nothing of the command is written.
 */
import type { ItemBook } from "./book";
import { InvariantError } from "./errors";
import { findEntry, indexOf } from "./ledger/bookIndex";
import type { ItemLedgerEntry } from "./types";
import type { Workspace } from "./workspace";

function touchedEntries(ws: Workspace, book: ItemBook): ItemLedgerEntry[] {
  const numbers = new Set<number>();
  for (let i = book.entries.length - 1; i >= 0 && book.entries[i].entryNo > ws.startCounters.lastItemLedgerEntryNo; i -= 1) {
    numbers.add(book.entries[i].entryNo);
  }
  for (let i = book.applications.length - 1; i >= 0; i -= 1) {
    const application = book.applications[i];
    if (application.entryNo <= ws.startCounters.lastApplicationEntryNo) break;
    numbers.add(application.inboundEntryNo);
    if (application.outboundEntryNo !== 0) numbers.add(application.outboundEntryNo);
  }
  return [...numbers].map((no) => findEntry(book, no)).filter((e): e is ItemLedgerEntry => !!e);
}

function checkRemaining(book: ItemBook, entry: ItemLedgerEntry): void {
  const index = indexOf(book);
  if (!entry.inventoriable) {
    if (entry.remainingQuantity !== 0) throw new InvariantError("remaining", `non-inventory entry ${entry.entryNo} has remaining quantity`);
    return;
  }
  const expected = entry.positive
    ? entry.quantity + (index.appsByInbound.get(entry.entryNo) ?? []).reduce((s, a) => s + a.quantity, 0)
    : entry.quantity - (index.appsByOutbound.get(entry.entryNo) ?? []).reduce((s, a) => s + a.quantity, 0);
  if (expected !== entry.remainingQuantity || entry.open !== (expected !== 0)) {
    throw new InvariantError("remaining", `entry ${entry.entryNo} remaining ${entry.remainingQuantity}, applications give ${expected}`);
  }
  if (entry.positive ? expected < 0 || expected > entry.quantity : expected > 0 || expected < entry.quantity) {
    throw new InvariantError("remaining", `entry ${entry.entryNo} is applied beyond its quantity`);
  }
}

function checkBook(ws: Workspace, book: ItemBook): void {
  for (const entry of touchedEntries(ws, book)) checkRemaining(book, entry);
  const index = indexOf(book);
  let open = 0;
  for (const no of index.open) open += findEntry(book, no)?.remainingQuantity ?? 0;
  if (open !== index.quantityOnHand) {
    throw new InvariantError("quantity", `item ${book.item}: on hand ${index.quantityOnHand}, open remaining ${open}`);
  }
  checkItemValue(book);
}

/** Item value = Σ its value entries: the running inventory value equals the cost its value entries record. */
function checkItemValue(book: ItemBook): void {
  let value = 0;
  for (const entry of book.values) if (entry.inventoriable) value += entry.costAmountActual + entry.costAmountExpected;
  const index = indexOf(book);
  if (value !== index.inventoryValue) {
    throw new InvariantError("item value", `item ${book.item}: inventory value ${index.inventoryValue}, value entries give ${value}`);
  }
}

export function checkLedgerHealth(ws: Workspace): void {
  for (const no of ws.changedBooks) {
    const book = ws.book(no);
    if (book) checkBook(ws, book);
  }
  const newBalance = ws.newGLEntries.reduce((sum, e) => sum + e.amount, 0);
  if (newBalance !== 0) throw new InvariantError("G/L", `new G/L entries do not balance (${newBalance})`);
  checkPostedCost(ws);
  const balance = Object.values(ws.company.glBalances).reduce((sum, amount) => sum + amount, 0);
  if (balance !== 0) throw new InvariantError("G/L", `G/L balances do not sum to zero (${balance})`);
}

/** The G/L posted = Σ cost posted: what reached the inventory accounts equals what the value entries record as posted. */
function checkPostedCost(ws: Workspace): void {
  const { inventory, inventoryInTransit, inventoryInterim } = ws.company.accounts;
  const inventoryAccounts = new Set([inventory, inventoryInTransit].filter((a): a is string => !!a));
  const balancing = Object.entries(ws.company.accounts)
    .filter(([type]) => type !== "inventory" && type !== "inventoryInTransit" && type !== "inventoryInterim")
    .map(([, account]) => account);
  // A setup that books a balancing account onto an inventory account makes the sums ambiguous.
  if (balancing.some((a) => a !== null && (inventoryAccounts.has(a) || a === inventoryInterim))) return;
  let actual = 0;
  let expected = 0;
  for (const entry of ws.newGLEntries) {
    if (entry.valueEntryNo === null) continue;
    if (inventoryAccounts.has(entry.accountNo)) actual += entry.amount;
    if (entry.accountNo === inventoryInterim) expected += entry.amount;
  }
  if (actual !== ws.postedToGL.actual || expected !== ws.postedToGL.expected) {
    throw new InvariantError("G/L", `posted to inventory accounts ${actual}/${expected}, value entries record ${ws.postedToGL.actual}/${ws.postedToGL.expected}`);
  }
}
