/**
 * The Settings formula audit (excel.md §2.1 rule 4): INV functions are not volatile, so an INV cell fed
 * by TODAY, NOW, OFFSET, INDIRECT or RAND either goes stale or drags a volatile recalculation into every
 * tick. Each finding proposes the fix the spec names: INV.WORKDATE() for dates, a typed value otherwise.
 */
import type { FormulaCellRef } from "../excel/port";
import { areaAddress } from "./areas";

export const VOLATILE_FUNCTIONS = ["TODAY", "NOW", "OFFSET", "INDIRECT", "RAND", "RANDBETWEEN", "RANDARRAY"] as const;

export interface AuditFinding {
  sheet: string;
  /** A1 address without the sheet. */
  address: string;
  formula: string;
  /** Volatile functions used, in upper case. */
  volatile: string[];
  proposal: string;
}

function volatileIn(formula: string): string[] {
  const used = new Set<string>();
  for (const match of formula.toUpperCase().matchAll(/(?<![A-Z0-9_.])([A-Z]+)\s*\(/g))
    if ((VOLATILE_FUNCTIONS as readonly string[]).includes(match[1])) used.add(match[1]);
  return [...used];
}

function proposalFor(volatile: readonly string[]): string {
  const dates = volatile.filter((name) => name === "TODAY" || name === "NOW");
  const others = volatile.filter((name) => name !== "TODAY" && name !== "NOW");
  const parts: string[] = [];
  if (dates.length) parts.push(`replace ${dates.join(", ")} with INV.WORKDATE() or a typed date`);
  if (others.length) parts.push(`replace ${others.join(", ")} with a direct reference or a typed value`);
  return parts.join("; ");
}

/** INV formulas whose arguments use a volatile function, in the order given. */
export function auditFormulas(cells: readonly FormulaCellRef[]): AuditFinding[] {
  return cells.flatMap((cell) => {
    if (!/INV\./i.test(cell.formula)) return [];
    const volatile = volatileIn(cell.formula);
    if (volatile.length === 0) return [];
    const address = areaAddress({ sheet: cell.sheet, row: cell.row, column: cell.column, rowCount: 1, columnCount: 1 });
    return [{ sheet: cell.sheet, address, formula: cell.formula, volatile, proposal: proposalFor(volatile) }];
  });
}
