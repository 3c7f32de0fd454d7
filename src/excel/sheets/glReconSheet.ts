/**
 * Inventory GL Recon sheet (excel.md §3.2 tblInvGLRecon, replace refresh): per account (× item or ×
 * location) the inventory ledger amount, what was posted, the G/L balance, Difference = G/L − ledger,
 * Status, and an Explanation that names each cause and its entries; a totals row with Σ |Difference|.
 * Optionally the G/L side is a trial balance the analyst pasted from the ERP (account, balance).
 */
import type { ItemBook } from "../../core/book";
import type { Company } from "../../core/company";
import { RefusedError, type FieldError } from "../../core/errors";
import {
  INVENTORY_ACCOUNT_TYPES,
  reconcileInventoryToGL,
  type ReconCause,
  type ReconGrouping,
  type ReconRow,
  type Reconciliation,
} from "../../core/gl/reconciliation";
import { fitsScale, money, moneyToNumber, MONEY_SCALE, type Money } from "../../core/money";
import type { AccountType, GLEntry, IsoDate } from "../../core/types";
import { codeFilter } from "../../functions/codeFilter";
import type { CellValue, ColumnSpec, TableSpec } from "../port";

export const RECON_SHEET = "Inventory GL Recon";
export const RECON_TABLE = "tblInvGLRecon";

export interface ReconSource {
  company: Company;
  books: ReadonlyMap<string, ItemBook>;
  glEntries: readonly GLEntry[];
}

export interface ReconParameters {
  asOf: IsoDate;
  grouping: ReconGrouping;
  itemFilter: string;
  locationFilter: string;
  /** Balances pasted by the analyst (account → balance), replacing the add-in's G/L. */
  trialBalance?: ReadonlyMap<string, Money>;
}

/** BC captions of the account types (costing.md §15.2). */
export const ACCOUNT_TYPE_CAPTION: Record<AccountType, string> = {
  inventory: "Inventory",
  inventoryInterim: "Inventory (Interim)",
  inventoryInTransit: "Inventory In Transit",
  cogs: "COGS",
  cogsInterim: "COGS (Interim)",
  inventoryAdjustment: "Inventory Adjmt.",
  directCostApplied: "Direct Cost Applied",
  overheadApplied: "Overhead Applied",
  purchaseVariance: "Purchase Variance",
  materialVariance: "Material Variance",
  invtAccrualInterim: "Invt. Accrual (Interim)",
};

const c = (header: string, kind: ColumnSpec["kind"]): ColumnSpec => ({ header, kind });

export const RECON_COLUMNS: ColumnSpec[] = [
  c("Inventory Posting Group", "code"), c("Location Code", "code"), c("Account Type", "text"), c("G/L Account No.", "code"),
  c("Item No.", "code"), c("Inventory Ledger Amount", "amount"), c("Posted to G/L", "amount"), c("G/L Balance", "amount"),
  c("Difference", "amount"), c("Status", "text"), c("Explanation", "message"),
];

export const amountText = (amount: Money): string =>
  moneyToNumber(amount).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const LISTED = 5;

function listOf(prefix: string, numbers: readonly (number | string)[]): string {
  if (numbers.length === 0) return "";
  const shown = numbers.slice(0, LISTED).join(", ");
  return `${prefix}${shown}${numbers.length > LISTED ? ` +${numbers.length - LISTED} more` : ""}`;
}

/** One cause in words, with the entries to look at (the drill-down names them). */
export function causeText(cause: ReconCause, accountType: AccountType): string {
  const amount = amountText(cause.amount);
  const refs = (parts: string[]) => {
    const text = parts.filter(Boolean).join("; ");
    return text ? ` (${text})` : "";
  };
  switch (cause.kind) {
    case "manualEntries": {
      const where = INVENTORY_ACCOUNT_TYPES.includes(accountType) ? "an inventory account" : "this account";
      return `manual G/L entries on ${where}: ${amount}${refs([cause.documentNos.join(", "), listOf("G/L entry ", cause.glEntryNos)])}`;
    }
    case "notPosted":
      return `value entries not posted to G/L: ${amount}${refs([listOf("VE ", cause.valueEntryNos)])}`;
    case "postedElsewhere":
      return `value entries posted to another account than the posting setup now gives: ${amount}${refs([listOf("VE ", cause.valueEntryNos)])}`;
    case "externalEntries":
      return `trial balance holds entries the add-in did not post: ${amount}`;
  }
}

export const isReconciled = (row: Pick<ReconRow, "difference">): boolean => row.difference === 0;

/** The engine has one posting setup per company: every row shows the company's posting group code. */
function reconRow(row: ReconRow, postingGroup: string | null): CellValue[] {
  const explanation = isReconciled(row) ? null : row.causes.map((cause) => causeText(cause, row.accountType)).join("; ");
  return [
    postingGroup, row.location, ACCOUNT_TYPE_CAPTION[row.accountType], row.accountNo, row.item,
    moneyToNumber(row.ledgerAmount), moneyToNumber(row.postedToGL), moneyToNumber(row.glBalance), moneyToNumber(row.difference),
    // Status OK when |Difference| < 0.005 (excel.md §3.2): amounts are whole cents, so exactly 0.
    isReconciled(row) ? "OK" : "Difference", explanation,
  ];
}

export function runReconciliation(source: ReconSource, p: ReconParameters): Reconciliation {
  return reconcileInventoryToGL(source.company, source.books.values(), source.glEntries, {
    asOf: p.asOf,
    grouping: p.grouping,
    item: p.itemFilter.trim() ? codeFilter(p.itemFilter.trim()) : undefined,
    location: p.locationFilter.trim() ? codeFilter(p.locationFilter.trim()) : undefined,
    trialBalance: p.trialBalance,
  });
}

const GROUPING_TEXT: Record<ReconGrouping, string> = { account: "by account", accountItem: "by account × item", accountLocation: "by account × location" };

function describeRecon(p: ReconParameters): string {
  const filters = [p.itemFilter.trim() && `item ${p.itemFilter.trim()}`, p.locationFilter.trim() && `location ${p.locationFilter.trim()}`].filter(Boolean);
  const glSide = p.trialBalance ? "G/L from the pasted trial balance" : "G/L of the add-in";
  return [`as of ${p.asOf}`, GROUPING_TEXT[p.trialBalance ? "account" : p.grouping], ...filters, glSide].join(" · ");
}

/** The sheet (rows in the core's order, then a totals row) and the reconciliation it shows. */
export function reconSpec(source: ReconSource, p: ReconParameters, stamp?: string): { spec: TableSpec; recon: Reconciliation } {
  const recon = runReconciliation(source, p);
  const rows = recon.rows.map((row) => reconRow(row, source.company.inventoryPostingGroup ?? null));
  const total = recon.totalDifference;
  rows.push([null, null, "Total", null, null, null, null, null, moneyToNumber(total), total === 0 ? "OK" : "Difference",
    total === 0 ? null : `${recon.unreconciled} unreconciled row(s); total of |Difference|`]);
  const spec: TableSpec = { sheet: RECON_SHEET, table: RECON_TABLE, title: "Inventory – G/L Reconciliation", parameters: describeRecon(p), stamp, columns: RECON_COLUMNS, rows, style: "output" };
  return { spec, recon };
}

/**
 * A trial balance pasted from the ERP: rows of (account, balance), a header row and blank rows skipped.
 * Amounts arrive as numbers or as text ("1,615.00", "(15.00)" for a credit). Each problem names its row.
 */
export function parseTrialBalance(values: readonly (readonly CellValue[])[]): { balances: Map<string, Money>; errors: FieldError[] } {
  const balances = new Map<string, Money>();
  const errors: FieldError[] = [];
  values.forEach((row, index) => {
    const [account, balance] = [row[0] ?? null, row[1] ?? null];
    const code = account === null ? "" : String(account).trim();
    if (code === "" && (balance === null || String(balance).trim() === "")) return;
    const amount = balanceOf(balance);
    // A first row whose balance cell is text is the header.
    if (amount === null && index === 0) return;
    if (code === "") errors.push({ line: index + 1, field: "account", message: "Account No. is empty" });
    else if (amount === null) errors.push({ line: index + 1, field: "balance", message: `'${String(balance)}' is not an amount` });
    else if (balances.has(code)) errors.push({ line: index + 1, field: "account", message: `Account ${code} appears twice` });
    else balances.set(code, amount);
  });
  return { balances, errors };
}

function balanceOf(cell: CellValue): Money | null {
  if (typeof cell === "number") return Number.isFinite(cell) && fitsScale(cell, MONEY_SCALE) ? money(cell) : null;
  if (typeof cell !== "string") return null;
  const text = cell.trim().replace(/,/g, "");
  const negative = /^\(.*\)$/.test(text);
  const digits = negative ? text.slice(1, -1) : text;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(digits) || !fitsScale(digits, MONEY_SCALE)) return null;
  return (negative ? -1 : 1) * money(digits);
}

/** The pasted balances, or a refusal listing every bad row (nothing is compared until they are fixed). */
export function trialBalanceOrRefuse(values: readonly (readonly CellValue[])[], sheet: string): Map<string, Money> {
  const { balances, errors } = parseTrialBalance(values);
  if (errors.length > 0) throw new RefusedError(errors.map((e) => ({ ...e, message: `${sheet} row ${e.line}: ${e.message}` })));
  if (balances.size === 0) throw new RefusedError(`Sheet ${sheet} holds no account balances (column A account, column B balance)`);
  return balances;
}
