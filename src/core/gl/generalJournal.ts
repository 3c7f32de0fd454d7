/**
 * Manual G/L lines (excel.md §0 GJ-0001, issue 6): a general journal line posts an amount to any G/L
 * account, optionally against a balancing account, as G/L entries without a value entry. The whole
 * journal posts in one transaction or not at all, as BC posts a general journal.
 */
import { isIsoDate } from "../dates";
import { RefusedError, type FieldError } from "../errors";
import { fitsScale, money, MONEY_SCALE, type Money } from "../money";
import type { IsoDate } from "../types";
import type { Workspace } from "../workspace";

export interface GenJournalLine {
  postingDate: IsoDate;
  documentNo: string;
  /** Any G/L account number (the engine keeps no chart of accounts, so any code is accepted). */
  accountNo: string;
  /** LCY, debit positive, at most two decimals. */
  amount: number;
  /** When given, the line balances itself: this account gets −amount. */
  balAccountNo?: string | null;
  description?: string | null;
}

/** BC's Code[20] length for account and document numbers. */
const MAX_CODE = 20;

export interface GenJournalPosting {
  firstGLEntryNo: number;
  lastGLEntryNo: number;
  entries: number;
}

const blank = (value: unknown): boolean => value === undefined || value === null || (typeof value === "string" && value.trim() === "");

function codeError(value: unknown, what: string): string | null {
  if (blank(value)) return `${what} is required`;
  if (typeof value !== "string") return `${what} must be text`;
  if (value.trim().length > MAX_CODE) return `${what} '${value}' is longer than ${MAX_CODE} characters`;
  return null;
}

function amountError(value: unknown): string | null {
  if (typeof value !== "number" || !Number.isFinite(value)) return "Amount must be a number";
  if (value === 0) return "Amount must not be 0";
  if (!fitsScale(value, MONEY_SCALE)) return `Amount ${value} has more than two decimals`;
  return null;
}

function dateError(ws: Workspace, value: unknown): string | null {
  if (blank(value)) return "Posting Date is required";
  if (!isIsoDate(value)) return `'${String(value)}' is not a calendar date in the form YYYY-MM-DD`;
  // A G/L posting is checked against the G/L setup's allowed range, as BC's general journal checks it.
  const { allowPostingFrom, allowPostingTo } = ws.company.generalLedgerSetup;
  if ((allowPostingFrom && value < allowPostingFrom) || (allowPostingTo && value > allowPostingTo)) {
    return `Posting Date ${value} is not within the allowed posting range (${allowPostingFrom ?? "…"} to ${allowPostingTo ?? "…"})`;
  }
  return null;
}

/** Field errors of one line (1-based `line`). */
function lineErrors(ws: Workspace, line: GenJournalLine, index: number): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string | null): void => {
    if (message) errors.push({ line: index + 1, field, message });
  };
  if (typeof line !== "object" || line === null) return [{ line: index + 1, message: "The line is empty" }];
  add("postingDate", dateError(ws, line.postingDate));
  add("documentNo", codeError(line.documentNo, "Document No."));
  add("accountNo", codeError(line.accountNo, "Account No."));
  add("amount", amountError(line.amount));
  if (!blank(line.balAccountNo)) {
    add("balAccountNo", codeError(line.balAccountNo, "Bal. Account No."));
    if (typeof line.balAccountNo === "string" && line.balAccountNo.trim() === String(line.accountNo).trim()) {
      add("balAccountNo", "Bal. Account No. must differ from Account No.");
    }
  }
  if (!blank(line.description) && typeof line.description !== "string") add("description", "Description must be text");
  return errors;
}

/**
 * Lines without a balancing account must balance per document and date, as BC refuses a journal that
 * would leave the G/L out of balance; the error is put on the document's last line.
 */
function balanceErrors(lines: readonly GenJournalLine[]): FieldError[] {
  const open = new Map<string, { sum: Money; last: number; documentNo: string; date: string }>();
  lines.forEach((line, index) => {
    if (!blank(line.balAccountNo)) return;
    const key = `${line.documentNo.trim()}\u0001${line.postingDate}`;
    const group = open.get(key) ?? { sum: 0, last: index, documentNo: line.documentNo.trim(), date: line.postingDate };
    group.sum += money(line.amount);
    group.last = index;
    open.set(key, group);
  });
  return [...open.values()]
    .filter((group) => group.sum !== 0)
    .map((group) => ({
      line: group.last + 1,
      field: "balAccountNo",
      message: `Document ${group.documentNo} of ${group.date} is out of balance by ${(group.sum / MONEY_SCALE).toFixed(2)}; give a Bal. Account No. or balancing lines`,
    }));
}

/** Every error of the journal: field errors first; the balance check only once every line is well formed. */
export function validateGenJournal(ws: Workspace, lines: readonly GenJournalLine[]): FieldError[] {
  if (!Array.isArray(lines) || lines.length === 0) return [{ message: "The general journal has no lines" }];
  const errors = lines.flatMap((line, index) => lineErrors(ws, line, index));
  return errors.length > 0 ? errors : balanceErrors(lines);
}

function append(ws: Workspace, line: GenJournalLine, accountNo: string, amount: Money): void {
  ws.newGLEntries.push({
    entryNo: ws.nextGLEntryNo(),
    postingDate: line.postingDate,
    accountNo,
    amount,
    documentNo: line.documentNo.trim(),
    valueEntryNo: null,
    description: line.description?.trim() || "General journal",
  });
  ws.company.glBalances[accountNo] = (ws.company.glBalances[accountNo] ?? 0) + amount;
  ws.companyChanged = true;
}

/** Posts the journal (all lines or none): G/L entries on the account and the balancing account. */
export function postGenJournal(ws: Workspace, lines: readonly GenJournalLine[]): GenJournalPosting {
  const errors = validateGenJournal(ws, lines);
  if (errors.length > 0) throw new RefusedError(errors);
  const first = ws.company.counters.lastGLEntryNo + 1;
  for (const line of lines) {
    const amount = money(line.amount);
    append(ws, line, line.accountNo.trim(), amount);
    if (!blank(line.balAccountNo)) append(ws, line, String(line.balAccountNo).trim(), -amount);
  }
  const last = ws.company.counters.lastGLEntryNo;
  return { firstGLEntryNo: first, lastGLEntryNo: last, entries: last - first + 1 };
}
