/**
 * Company-wide commands: setup changes (costing.md §2), inventory periods (§14), standard cost
 * changes (§12), cost adjustment runs (§9) and posting inventory cost to the G/L (§15.3).
 */
import { adjustItem } from "../costing/adjust";
import { adjustLogLines, type AdjustCostReport } from "../costing/adjustLog";
import { ALL_GROUPS, hasMarks } from "../costing/marks";
import { InvariantError, RefusedError } from "../errors";
import { postInventoryCost } from "../gl/postValue";
import { unitCost } from "../money";
import type { GeneralLedgerSetup, IsoDate } from "../types";
import type { Workspace } from "../workspace";
import { applyInventorySetup, type InventorySetupInput } from "./inputs";

export interface SetupChange {
  inventorySetup?: InventorySetupInput;
  generalLedgerSetup?: Partial<GeneralLedgerSetup>;
}

export function changeSetup(ws: Workspace, change: SetupChange): void {
  const before = ws.company.inventorySetup;
  const after = applyInventorySetup(before, change.inventorySetup);
  ws.company.inventorySetup = after;
  ws.company.generalLedgerSetup = { ...ws.company.generalLedgerSetup, ...change.generalLedgerSetup };
  ws.companyChanged = true;
  if (before.averageCostCalcType === after.averageCostCalcType && before.averageCostPeriod === after.averageCostPeriod) return;
  // A new average grouping: every period of every Average item is recalculated by the next run (§2).
  for (const item of ws.items.values()) {
    const book = ws.book(item.no);
    if (item.costingMethod !== "Average" || !book || book.entries.length === 0) continue;
    const earliest = book.values.reduce((min, v) => (v.valuationDate < min ? v.valuationDate : min), book.values[0]?.valuationDate ?? "9999-12-31");
    ws.bookForUpdate(item.no).marks.averageFrom[ALL_GROUPS] = earliest;
    book.costIsAdjusted = false;
  }
}

export function setStandardCost(ws: Workspace, itemNo: string, standardCost: number): void {
  const item = ws.item(itemNo);
  if (!item) throw new RefusedError([{ field: "item", message: `Item ${itemNo} does not exist` }]);
  item.standardCost = unitCost(standardCost);
  if (item.costingMethod === "Standard") {
    item.unitCost = item.standardCost;
    const book = ws.book(itemNo);
    if (book) ws.bookForUpdate(itemNo).unitCost = item.standardCost;
  }
  ws.changedItems.add(itemNo);
}

export interface AdjustCostInput {
  item?: string;
  untilDate?: IsoDate | null;
}

/** The item and every assembly parent that consumes it, at any depth (§9.7: "plus assembly parents"). */
export function withAssemblyParents(ws: Workspace, no: string): Set<string> {
  const found = new Set([no]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const item of ws.items.values()) {
      if (found.has(item.no) || !item.assemblyBOM?.some((line) => line.item !== undefined && found.has(line.item))) continue;
      found.add(item.no);
      grew = true;
    }
  }
  return found;
}

const MAX_ITEMS_PASSES = 20;

/**
 * Adjusts the given items until a pass writes nothing: components before the parents that consume
 * them need no ordering, since a changed consumption marks its output for the next pass (§9.3).
 */
export function adjustItems(ws: Workspace, nos: Iterable<string>, untilDate: IsoDate | null, examined?: Map<string, Set<number>>): void {
  const sorted = [...nos].sort();
  // Why a cap: each pass carries cost one level up the assembly chains (component → output); still
  // writing after MAX_ITEMS_PASSES passes means a cycle or an engine fault, refused, not half-adjusted.
  for (let pass = 0; pass < MAX_ITEMS_PASSES; pass += 1) {
    const written = ws.newValueEntries.length;
    let ran = false;
    for (const no of sorted) {
      const item = ws.item(no);
      const book = ws.book(no);
      if (!item || !book || (!hasMarks(book) && book.costIsAdjusted)) continue;
      const seen = examined && (examined.get(no) ?? examined.set(no, new Set()).get(no));
      adjustItem(ws, item, ws.bookForUpdate(no), { untilDate, examined: seen });
      ran = true;
    }
    if (!ran || ws.newValueEntries.length === written) return;
  }
  throw new InvariantError("cost adjustment", `cost adjustment did not converge in ${MAX_ITEMS_PASSES} passes over the items`);
}

/** Runs Adjust Cost – Item Entries and reports, per item, what it changed (the Cost Adjustment Log). */
export function adjustCost(ws: Workspace, input: AdjustCostInput): AdjustCostReport {
  const scope = input.item !== undefined ? withAssemblyParents(ws, input.item) : ws.items.keys();
  const firstNew = ws.newValueEntries.length;
  const examined = new Map<string, Set<number>>();
  adjustItems(ws, scope, input.untilDate ?? null, examined);
  ws.company.costAdjustmentRuns = (ws.company.costAdjustmentRuns ?? 0) + 1;
  ws.companyChanged = true;
  return { runNo: ws.company.costAdjustmentRuns, lines: adjustLogLines(ws, firstNew, examined) };
}

export function postInventoryCostToGL(ws: Workspace, date?: IsoDate | null): void {
  postInventoryCost(ws, date ?? null);
}

export function closeInventoryPeriod(ws: Workspace, date: IsoDate): void {
  for (const book of [...ws.books.values()].sort((a, b) => (a.item < b.item ? -1 : 1))) {
    if (book.entries.some((e) => !e.positive && e.open && e.postingDate <= date)) {
      throw new RefusedError(`The inventory period ending ${date} cannot be closed because there is negative inventory (item ${book.item})`);
    }
  }
  for (const book of [...ws.books.values()].sort((a, b) => (a.item < b.item ? -1 : 1))) {
    if (!book.costIsAdjusted) {
      throw new RefusedError(`The inventory period ending ${date} cannot be closed because the cost of item ${book.item} is not adjusted`);
    }
  }
  ws.company.closedInventoryPeriods = [...new Set([...ws.company.closedInventoryPeriods, date])].sort();
  ws.companyChanged = true;
}

export function reopenInventoryPeriod(ws: Workspace, date: IsoDate): void {
  ws.company.closedInventoryPeriods = ws.company.closedInventoryPeriods.filter((d) => d < date);
  ws.companyChanged = true;
}
