/**
 * Quick figures of the Items screen's card (excel.md §4.1: on hand, value, available, reserved "from the
 * same evaluator"): the same stock reads INV.QTY and INV.UNITCOST use (stockReads.ts) at the work date,
 * every location, posted basis, plus the core's availability at the work date.
 */
import { qtyToNumber, type Money } from "../core/money";
import type { LedgerStore } from "../core/ports";
import { availabilityAt } from "../core/queries/availability";
import { quantityOf, valueOf, type StockCut } from "./stockReads";

export interface ItemFigures {
  onHand: number;
  /** Inventory value in cents (Money), posted basis. */
  value: Money;
  available: number;
  reserved: number;
}

const ALL_LOCATIONS = { location: null, basis: "posted", options: { date: "posting", expected: false, variant: null, lot: null, serial: null } } as const;

/** The card's figures in one read; null when the item or the company does not exist. */
export async function itemFigures(store: LedgerStore, no: string): Promise<ItemFigures | null> {
  return store.read(async (tx) => {
    const company = await tx.company();
    const items = await tx.items();
    const item = items.find((candidate) => candidate.no === no);
    if (!company || !item) return null;
    const book = (await tx.books([no])).get(no);
    const cut: StockCut = { ...ALL_LOCATIONS, options: { ...ALL_LOCATIONS.options }, asOf: company.workDate };
    const availability = availabilityAt(company, { item, book, date: company.workDate, items });
    return {
      onHand: book ? qtyToNumber(quantityOf(book, cut)) : 0,
      value: book ? valueOf(book, cut) : 0,
      available: qtyToNumber(availability.availableInventory),
      reserved: qtyToNumber(availability.reserved),
    };
  });
}
