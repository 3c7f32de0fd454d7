/**
 * Inventory ledger vs G/L per account (excel.md §1.2 INV.GLDIFF, costing.md §16.1): every inventoriable value
 * entry is projected onto its accounts as if fully posted (the matrix of §15.2), and compared with the
 * balance of the G/L entries dated on or before the cut-off — every G/L entry, so manual general-journal
 * lines on an inventory account show up as a difference. Sign: G/L − ledger. Summed over the inventory
 * (and in-transit) accounts at an open end date this is −inventoryDifference of gl/reconcile.ts.
 */
import type { ItemBook } from "../book";
import type { Company } from "../company";
import type { Money } from "../money";
import type { GLEntry, IsoDate, ValueEntry } from "../types";
import { actualAccounts, expectedAccounts, type PostingAccounts } from "../gl/postValue";

/** One account's share of a value entry, as automatic posting would book it. */
export interface AccountShare {
  account: string;
  amount: Money;
}

/**
 * The accounts a value entry reaches when fully posted (the §15.2 matrix of gl/postValue.ts): actual cost
 * on inventory / balancing account, expected cost (only with expected cost posting) on inventory interim /
 * its accrual or COGS interim.
 */
export function valueEntryShares(company: Company, value: ValueEntry): AccountShare[] {
  if (!value.inventoriable) return [];
  const shares: AccountShare[] = [];
  const addPair = (accounts: PostingAccounts, amount: Money) => {
    shares.push({ account: accounts.debit.accountNo, amount });
    shares.push({ account: accounts.credit.accountNo, amount: -amount });
  };
  if (value.costAmountActual !== 0) addPair(actualAccounts(company, value), value.costAmountActual);
  if (company.inventorySetup.expectedCostPosting && value.costAmountExpected !== 0) {
    addPair(expectedAccounts(company, value), value.costAmountExpected);
  }
  return shares;
}

/** Every account the ledger can reach or the G/L holds: the codes a single-account argument may name. */
export function knownAccounts(company: Company, glEntries: readonly GLEntry[]): string[] {
  const accounts = new Set<string>();
  for (const account of Object.values(company.accounts)) if (account) accounts.add(account);
  for (const entry of glEntries) accounts.add(entry.accountNo);
  return [...accounts].sort();
}

function addTo(map: Map<string, Money>, key: string, amount: Money): void {
  map.set(key, (map.get(key) ?? 0) + amount);
}

/** One line behind a G/L difference: a G/L entry the ledger does not explain, or a value entry the G/L lacks. */
export interface DifferenceLine {
  kind: "manual G/L entry" | "value entry not posted to G/L" | "G/L entry of a value entry outside the ledger";
  account: string;
  postingDate: IsoDate;
  /** G/L entry number (manual line) or value entry number. */
  entryNo: number;
  documentNo: string;
  item: string | null;
  /** Contribution to G/L − ledger. */
  amount: Money;
}

export interface GLDifference {
  glBalance: Money;
  ledgerAmount: Money;
  /** G/L − ledger; 0 when the books reconcile. */
  difference: Money;
  /** Lines summing to `difference`. */
  lines: DifferenceLine[];
}

/**
 * G/L − inventory ledger on the accounts `inAccount` selects, at `asOf` (inclusive; value entries and G/L
 * entries by posting date). `books` must hold every item's book and `glEntries` every G/L entry.
 */
export function glDifference(
  company: Company,
  books: Iterable<ItemBook>,
  glEntries: readonly GLEntry[],
  inAccount: (account: string) => boolean,
  asOf: IsoDate,
): GLDifference {
  const result: GLDifference = { glBalance: 0, ledgerAmount: 0, difference: 0, lines: [] };
  const posted = new Map<string, Money>();
  for (const entry of glEntries) {
    if (entry.postingDate > asOf || !inAccount(entry.accountNo)) continue;
    result.glBalance += entry.amount;
    if (entry.valueEntryNo === null)
      result.lines.push({ kind: "manual G/L entry", account: entry.accountNo, postingDate: entry.postingDate, entryNo: entry.entryNo, documentNo: entry.documentNo, item: null, amount: entry.amount });
    else addTo(posted, `${entry.valueEntryNo}\u0001${entry.accountNo}`, entry.amount);
  }
  const projected = new Map<string, Money>();
  const values = new Map<number, ValueEntry>();
  for (const book of books) {
    for (const value of book.values) {
      if (value.postingDate > asOf) continue;
      for (const share of valueEntryShares(company, value)) {
        if (!inAccount(share.account)) continue;
        result.ledgerAmount += share.amount;
        values.set(value.entryNo, value);
        addTo(projected, `${value.entryNo}\u0001${share.account}`, share.amount);
      }
    }
  }
  // G/L entries of a value entry carry its posting date, so what differs here is simply not (yet) posted.
  for (const key of new Set([...posted.keys(), ...projected.keys()])) {
    const amount = (posted.get(key) ?? 0) - (projected.get(key) ?? 0);
    if (amount === 0) continue;
    const [valueEntryNo, account] = key.split("\u0001");
    const value = values.get(Number(valueEntryNo));
    result.lines.push({
      kind: value ? "value entry not posted to G/L" : "G/L entry of a value entry outside the ledger",
      account, postingDate: value?.postingDate ?? "", entryNo: Number(valueEntryNo), documentNo: value?.documentNo ?? "", item: value?.item ?? null, amount,
    });
  }
  result.difference = result.glBalance - result.ledgerAmount;
  return result;
}
