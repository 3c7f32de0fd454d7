/**
 * Inventory – G/L reconciliation by account (costing.md §16.1, excel.md §3.2 tblInvGLRecon): every
 * inventoriable value entry dated ≤ asOf is projected onto its accounts (§15.2) as if fully posted
 * (Inventory Ledger Amount) and as far as it was posted (Posted to G/L), and compared with the G/L
 * balance. The Difference (G/L − ledger) is split exactly into causes, each naming its entries:
 *   G − L = manual G/L entries + (G/L of value entries − their projection) + (posted − ledger).
 */
import type { ItemBook } from "../book";
import type { Company } from "../company";
import type { Money } from "../money";
import type { AccountType, GLEntry, IsoDate, ValueEntry } from "../types";
import { actualAccounts, expectedAccounts, type PostingAccounts } from "./postValue";

export type ReconGrouping = "account" | "accountItem" | "accountLocation";

export type ReconCauseKind = "manualEntries" | "notPosted" | "postedElsewhere" | "externalEntries";

export interface ReconCause {
  kind: ReconCauseKind;
  /** This cause's share of the Difference (G/L − ledger). */
  amount: Money;
  valueEntryNos: number[];
  glEntryNos: number[];
  documentNos: string[];
}

export interface ReconRow {
  accountType: AccountType;
  accountNo: string;
  /** Set when grouping by item; null on the row of G/L entries no item owns (manual lines). */
  item: string | null;
  /** Set when grouping by location; null as for item. */
  location: string | null;
  ledgerAmount: Money;
  postedToGL: Money;
  glBalance: Money;
  difference: Money;
  causes: ReconCause[];
}

export interface ReconQuery {
  asOf?: IsoDate | null;
  grouping?: ReconGrouping;
  /** Item and location filters; manual G/L entries belong to no item, so a filter leaves them out. */
  item?: (no: string) => boolean;
  location?: (code: string) => boolean;
  /**
   * Balances pasted from the analyst's ERP (account → balance): they replace the G/L Balance, by
   * account; the part the add-in did not post itself is the cause "externalEntries".
   */
  trialBalance?: ReadonlyMap<string, Money>;
}

export interface Reconciliation {
  rows: ReconRow[];
  /**
   * Σ |Difference| over the rows: 0.00 exactly when every row reconciles. (A signed sum would net an
   * unposted entry's inventory side against its balancing side and hide it.)
   */
  totalDifference: Money;
  /** Rows whose |Difference| ≥ 0.005, i.e. ≥ 1 cent (Status not OK). */
  unreconciled: number;
}

/** Inventory-side account types: a manual entry there is the mis-posting the recon is meant to expose. */
export const INVENTORY_ACCOUNT_TYPES: readonly AccountType[] = ["inventory", "inventoryInterim", "inventoryInTransit"];

interface Bucket {
  row: ReconRow;
  ledgerVE: Map<number, Money>;
  postedVE: Map<number, Money>;
  glVE: Map<number, Money>;
  glVEEntries: Map<number, number[]>;
  manual: GLEntry[];
}

function newBucket(accountType: AccountType, accountNo: string, item: string | null, location: string | null): Bucket {
  const row: ReconRow = { accountType, accountNo, item, location, ledgerAmount: 0, postedToGL: 0, glBalance: 0, difference: 0, causes: [] };
  return { row, ledgerVE: new Map(), postedVE: new Map(), glVE: new Map(), glVEEntries: new Map(), manual: [] };
}

const add = (map: Map<number, Money>, key: number, amount: Money) => map.set(key, (map.get(key) ?? 0) + amount);

class Buckets {
  readonly byKey = new Map<string, Bucket>();
  /** The account type first seen for each account number (a number may serve several types). */
  readonly typeOf = new Map<string, AccountType>();
  constructor(private readonly grouping: ReconGrouping) {}

  get(accountType: AccountType, accountNo: string, value: ValueEntry | null): Bucket {
    if (!this.typeOf.has(accountNo)) this.typeOf.set(accountNo, accountType);
    const item = this.grouping === "accountItem" ? (value?.item ?? null) : null;
    const location = this.grouping === "accountLocation" ? (value?.location ?? null) : null;
    const key = `${accountNo}\u0001${item ?? "\u0000"}\u0001${location ?? "\u0000"}`;
    let bucket = this.byKey.get(key);
    if (!bucket) {
      bucket = newBucket(this.typeOf.get(accountNo) ?? accountType, accountNo, item, location);
      this.byKey.set(key, bucket);
    }
    return bucket;
  }
}

function project(buckets: Buckets, value: ValueEntry, accounts: PostingAccounts, full: Money, posted: Money): void {
  for (const [side, sign] of [[accounts.debit, 1], [accounts.credit, -1]] as const) {
    const bucket = buckets.get(side.type, side.accountNo, value);
    bucket.row.ledgerAmount += sign * full;
    bucket.row.postedToGL += sign * posted;
    add(bucket.ledgerVE, value.entryNo, sign * full);
    add(bucket.postedVE, value.entryNo, sign * posted);
  }
}

function selected(value: ValueEntry, query: ReconQuery): boolean {
  if (!value.inventoriable) return false;
  if (query.asOf && value.postingDate > query.asOf) return false;
  if (query.item && !query.item(value.item)) return false;
  return !query.location || query.location(value.location);
}

function projectValues(company: Company, books: Iterable<ItemBook>, query: ReconQuery, buckets: Buckets): Map<number, ValueEntry> {
  const chosen = new Map<number, ValueEntry>();
  for (const book of books) {
    for (const value of book.values) {
      if (!selected(value, query)) continue;
      chosen.set(value.entryNo, value);
      project(buckets, value, actualAccounts(company, value), value.costAmountActual, value.costPostedToGL);
      // Without expected cost posting nothing is meant to reach the interim accounts (§15.1).
      if (company.inventorySetup.expectedCostPosting) {
        project(buckets, value, expectedAccounts(company, value), value.costAmountExpected, value.expectedCostPostedToGL);
      }
    }
  }
  return chosen;
}

/** Adds the G/L entries: those of the chosen value entries, and manual ones on the accounts in view. */
function addGLEntries(glEntries: readonly GLEntry[], chosen: Map<number, ValueEntry>, query: ReconQuery, buckets: Buckets): void {
  const filtered = !!query.item || !!query.location;
  const accountsInView = new Set(buckets.typeOf.keys());
  for (const entry of glEntries) {
    if (query.asOf && entry.postingDate > query.asOf) continue;
    if (entry.valueEntryNo === null) {
      if (filtered || !accountsInView.has(entry.accountNo)) continue;
      const bucket = buckets.get(buckets.typeOf.get(entry.accountNo) ?? "inventory", entry.accountNo, null);
      bucket.row.glBalance += entry.amount;
      bucket.manual.push(entry);
      continue;
    }
    const value = chosen.get(entry.valueEntryNo);
    if (!value) continue;
    const bucket = buckets.get(buckets.typeOf.get(entry.accountNo) ?? "inventory", entry.accountNo, value);
    bucket.row.glBalance += entry.amount;
    add(bucket.glVE, value.entryNo, entry.amount);
    bucket.glVEEntries.set(value.entryNo, [...(bucket.glVEEntries.get(value.entryNo) ?? []), entry.entryNo]);
  }
}

function differing(a: Map<number, Money>, b: Map<number, Money>): number[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((key) => (a.get(key) ?? 0) !== (b.get(key) ?? 0)).sort((x, y) => x - y);
}

function causesOf(bucket: Bucket, external: Money | null): ReconCause[] {
  const { row } = bucket;
  const causes: ReconCause[] = [];
  const notPosted = differing(bucket.postedVE, bucket.ledgerVE);
  if (external !== null) {
    // Pasted balances: what the ERP holds beyond the add-in's own postings is not the add-in's to name.
    causes.push({ kind: "externalEntries", amount: external - row.postedToGL, valueEntryNos: [], glEntryNos: [], documentNos: [] });
  } else {
    const manual = bucket.manual.reduce((sum, e) => sum + e.amount, 0);
    const manualDocs = [...new Set(bucket.manual.map((e) => e.documentNo))];
    causes.push({ kind: "manualEntries", amount: manual, valueEntryNos: [], glEntryNos: bucket.manual.map((e) => e.entryNo), documentNos: manualDocs });
    const elsewhere = differing(bucket.glVE, bucket.postedVE);
    const glVE = [...bucket.glVE.values()].reduce((sum, a) => sum + a, 0);
    const glEntryNos = elsewhere.flatMap((no) => bucket.glVEEntries.get(no) ?? []);
    causes.push({ kind: "postedElsewhere", amount: glVE - row.postedToGL, valueEntryNos: elsewhere, glEntryNos, documentNos: [] });
  }
  causes.push({ kind: "notPosted", amount: row.postedToGL - row.ledgerAmount, valueEntryNos: notPosted, glEntryNos: [], documentNos: [] });
  return causes.filter((cause) => cause.amount !== 0 || cause.valueEntryNos.length > 0);
}

const ACCOUNT_ORDER: readonly AccountType[] = [
  "inventory", "inventoryInTransit", "inventoryInterim", "cogs", "cogsInterim", "inventoryAdjustment", "directCostApplied",
  "overheadApplied", "purchaseVariance", "materialVariance", "invtAccrualInterim",
];

function compareRows(a: ReconRow, b: ReconRow): number {
  const byType = ACCOUNT_ORDER.indexOf(a.accountType) - ACCOUNT_ORDER.indexOf(b.accountType);
  if (byType !== 0) return byType;
  if (a.accountNo !== b.accountNo) return a.accountNo < b.accountNo ? -1 : 1;
  const key = (row: ReconRow) => row.item ?? row.location ?? "";
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

/** The reconciliation rows, ordered by account type and account, with the total difference. */
export function reconcileInventoryToGL(company: Company, books: Iterable<ItemBook>, glEntries: readonly GLEntry[], query: ReconQuery = {}): Reconciliation {
  const grouping = query.trialBalance ? "account" : (query.grouping ?? "account");
  const buckets = new Buckets(grouping);
  // The inventory account always has a row, so an empty ledger still shows 0.00 against the G/L.
  if (company.accounts.inventory) buckets.get("inventory", company.accounts.inventory, null);
  const chosen = projectValues(company, books, query, buckets);
  addGLEntries(glEntries, chosen, query, buckets);
  const rows: ReconRow[] = [];
  for (const bucket of buckets.byKey.values()) {
    const external = query.trialBalance ? (query.trialBalance.get(bucket.row.accountNo) ?? 0) : null;
    if (external !== null) bucket.row.glBalance = external;
    bucket.row.difference = bucket.row.glBalance - bucket.row.ledgerAmount;
    bucket.row.causes = causesOf(bucket, external);
    const { ledgerAmount, postedToGL, glBalance } = bucket.row;
    const isInventory = bucket.row.accountNo === company.accounts.inventory && bucket.row.item === null && bucket.row.location === null;
    if (ledgerAmount !== 0 || postedToGL !== 0 || glBalance !== 0 || isInventory) rows.push(bucket.row);
  }
  rows.sort(compareRows);
  const totalDifference = rows.reduce((sum, row) => sum + Math.abs(row.difference), 0);
  return { rows, totalDifference, unreconciled: rows.filter((row) => row.difference !== 0).length };
}
