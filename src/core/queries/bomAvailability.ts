/**
 * Availability by BOM level (inventory.md §14.4): for a parent item, how many each BOM line's
 * available quantity is able to make of its parent and of the top item, how many of the top item
 * can be made, and which leaf component stops the next larger quantity (the bottleneck).
 */
import type { ItemBook } from "../book";
import type { Company } from "../company";
import { QTY_SCALE, mulDivFloor, mulDivRound, type Qty } from "../money";
import type { IsoDate, Item } from "../types";
import { availabilityAt } from "./availability";

export interface BomLine {
  item: string;
  availableQuantity: Qty;
  ableToMakeParent: Qty;
  ableToMakeTopItem: Qty;
  /** The leaf component that stops the next larger quantity of the top item (§14.4 Bottleneck). */
  bottleneck: boolean;
}

export interface BomAvailability {
  ableToMakeTopItem: Qty;
  bottleneck: string | null;
  /** Item lines below the top, depth-first in BOM order. */
  lines: BomLine[];
}

export interface BomContext {
  company: Company;
  items: ReadonlyMap<string, Item>;
  books: ReadonlyMap<string, ItemBook>;
  location?: string;
  date: IsoDate;
}

/** Available to promise at the date: available inventory plus receipts less requirements due by then (§11.1). */
function available(ctx: BomContext, no: string): Qty {
  const item = ctx.items.get(no);
  if (!item) return 0;
  const figures = availabilityAt(ctx.company, { item, book: ctx.books.get(no), location: ctx.location, date: ctx.date, items: [...ctx.items.values()] });
  return Math.max(0, figures.availableInventory + figures.scheduledReceipts - figures.grossRequirement);
}

/** a / b in quantity units, rounded down to 0.00001 and never below 0. */
function ratio(a: Qty, b: Qty): Qty {
  if (b <= 0) return 0;
  return Math.max(0, mulDivFloor(a, QTY_SCALE, b));
}

function isSubAssembly(ctx: BomContext, no: string): boolean {
  return ctx.items.get(no)?.assemblyBOM?.some((b) => b.item) ?? false;
}

/** Lines of `parent`'s BOM (depth-first); returns each direct child's figures. */
function walk(ctx: BomContext, parent: Item, perTop: Qty, out: BomLine[]): BomLine[] {
  const direct: BomLine[] = [];
  for (const bom of parent.assemblyBOM ?? []) {
    if (!bom.item) continue;
    const component = ctx.items.get(bom.item);
    const own = available(ctx, bom.item);
    const pathPer = mulDivRound(perTop, bom.quantityPer, QTY_SCALE);
    const line: BomLine = { item: bom.item, availableQuantity: own, ableToMakeParent: 0, ableToMakeTopItem: 0, bottleneck: false };
    out.push(line);
    const children = component && isSubAssembly(ctx, bom.item) ? walk(ctx, component, pathPer, out) : [];
    if (children.length === 0) {
      line.ableToMakeParent = ratio(own, bom.quantityPer);
      line.ableToMakeTopItem = ratio(own, pathPer);
    } else {
      const fromChildren = Math.min(...children.map((c) => c.ableToMakeParent));
      line.ableToMakeParent = ratio(own + fromChildren, bom.quantityPer);
      line.ableToMakeTopItem = ratio(own, pathPer) + Math.min(...children.map((c) => c.ableToMakeTopItem));
    }
    direct.push(line);
  }
  return direct;
}

/** Explodes `quantity` of `parent` against the pool, sub-assembly stock first; the first short leaf. */
function firstShortLeaf(ctx: BomContext, parent: Item, quantity: Qty, pool: Map<string, Qty>): string | null {
  let short: string | null = null;
  for (const bom of parent.assemblyBOM ?? []) {
    if (!bom.item) continue;
    const needed = mulDivRound(quantity, bom.quantityPer, QTY_SCALE);
    const have = pool.get(bom.item) ?? available(ctx, bom.item);
    const component = ctx.items.get(bom.item);
    const taken = Math.min(have, needed);
    pool.set(bom.item, have - taken);
    if (taken === needed) continue;
    const shortHere = component?.assemblyBOM?.some((b) => b.item)
      ? firstShortLeaf(ctx, component, needed - taken, pool)
      : bom.item;
    short ??= shortHere;
  }
  return short;
}

export function bomAvailability(ctx: BomContext, top: Item): BomAvailability {
  const lines: BomLine[] = [];
  const direct = walk(ctx, top, QTY_SCALE, lines);
  const able = direct.length === 0 ? 0 : Math.min(...direct.map((l) => l.ableToMakeParent));
  const bottleneck = firstShortLeaf(ctx, top, able + 1, new Map());
  // Availability is shared across branches, so every leaf line of the short item stops the next unit.
  for (const line of lines) line.bottleneck = line.item === bottleneck && !isSubAssembly(ctx, line.item);
  return { ableToMakeTopItem: able, bottleneck, lines };
}
