/**
 * G/L posting of value entries (costing.md §15): each amount not yet posted becomes a balanced
 * pair on the accounts of the matrix in §15.2, dated on the value entry's posting date.
 */
import type { Company } from "../company";
import type { Accounts, AccountType, IsoDate, ValueEntry } from "../types";
import type { Workspace } from "../workspace";

function actualBalancing(value: ValueEntry): AccountType {
  const revaluation = value.entryType === "Revaluation" || value.entryType === "Rounding";
  switch (value.itemLedgerEntryType) {
    case "Purchase":
      if (revaluation) return "inventoryAdjustment";
      if (value.entryType === "IndirectCost") return "overheadApplied";
      if (value.entryType === "Variance") return "purchaseVariance";
      return "directCostApplied";
    case "Sale":
      return revaluation ? "inventoryAdjustment" : "cogs";
    case "AssemblyOutput":
      if (value.entryType === "IndirectCost") return "overheadApplied";
      if (value.entryType === "Variance") return "materialVariance";
      return "inventoryAdjustment";
    default:
      return "inventoryAdjustment";
  }
}

function expectedBalancing(value: ValueEntry): AccountType {
  if (value.itemLedgerEntryType === "Sale") return "cogsInterim";
  return "invtAccrualInterim";
}

function account(accounts: Accounts, type: AccountType): string {
  return accounts[type] ?? accounts.inventory ?? "";
}

function inventoryAccount(company: Company, value: ValueEntry): string {
  const inTransit = company.locations.find((l) => l.code === value.location)?.inTransit ?? false;
  const accounts = company.accounts;
  return inTransit && accounts.inventoryInTransit ? accounts.inventoryInTransit : account(accounts, "inventory");
}

/** Where a value entry's amounts go (§15.2): account and balancing account, with their account types. */
export interface PostingAccounts {
  debit: { type: AccountType; accountNo: string };
  credit: { type: AccountType; accountNo: string };
}

/** The accounts of the actual part of a value entry under the company's current posting setup. */
export function actualAccounts(company: Company, value: ValueEntry): PostingAccounts {
  const inTransit = inventoryAccount(company, value) !== account(company.accounts, "inventory");
  const balancing = actualBalancing(value);
  return {
    debit: { type: inTransit ? "inventoryInTransit" : "inventory", accountNo: inventoryAccount(company, value) },
    credit: { type: balancing, accountNo: account(company.accounts, balancing) },
  };
}

/** The accounts of the expected part (posted only with expected cost posting on). */
export function expectedAccounts(company: Company, value: ValueEntry): PostingAccounts {
  const balancing = expectedBalancing(value);
  return {
    debit: { type: "inventoryInterim", accountNo: account(company.accounts, "inventoryInterim") },
    credit: { type: balancing, accountNo: account(company.accounts, balancing) },
  };
}

function postPair(ws: Workspace, value: ValueEntry, debit: string, credit: string, amount: number): void {
  for (const [accountNo, signed] of [
    [debit, amount],
    [credit, -amount],
  ] as const) {
    ws.newGLEntries.push({
      entryNo: ws.nextGLEntryNo(),
      postingDate: value.postingDate,
      accountNo,
      amount: signed,
      documentNo: value.documentNo,
      valueEntryNo: value.entryNo,
      description: `${value.itemLedgerEntryType} ${value.entryType} ${value.item}`,
    });
    ws.company.glBalances[accountNo] = (ws.company.glBalances[accountNo] ?? 0) + signed;
  }
  ws.companyChanged = true;
}

/** Posts what is left of one value entry; returns true when something was posted. */
export function postValueEntry(ws: Workspace, value: ValueEntry): boolean {
  if (!value.inventoriable) return false;
  let posted = false;
  const actual = value.costAmountActual - value.costPostedToGL;
  if (actual !== 0) {
    postPair(ws, value, inventoryAccount(ws.company, value), account(ws.company.accounts, actualBalancing(value)), actual);
    value.costPostedToGL += actual;
    ws.postedToGL.actual += actual;
    posted = true;
  }
  if (ws.company.inventorySetup.expectedCostPosting) {
    const expected = value.costAmountExpected - value.expectedCostPostedToGL;
    if (expected !== 0) {
      const interim = account(ws.company.accounts, "inventoryInterim");
      postPair(ws, value, interim, account(ws.company.accounts, expectedBalancing(value)), expected);
      value.expectedCostPostedToGL += expected;
      ws.postedToGL.expected += expected;
      posted = true;
    }
  }
  if (posted) ws.changedBooks.add(value.item);
  return posted;
}

/** Posts every value entry of the loaded books with something left to post, dated ≤ `upTo` when given. */
export function postInventoryCost(ws: Workspace, upTo?: IsoDate | null): number {
  let count = 0;
  for (const book of ws.books.values()) {
    for (const value of book.values) {
      if (upTo && value.postingDate > upTo) continue;
      if (postValueEntry(ws, value)) count += 1;
    }
  }
  return count;
}
