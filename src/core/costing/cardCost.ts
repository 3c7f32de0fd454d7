/** The item card's unit cost (costing.md §16.3). */
import type { ItemBook } from "../book";
import { indexOf } from "../ledger/bookIndex";
import { roundToStep, unitCostOf } from "../money";
import type { InventorySetup, Item } from "../types";

/**
 * Standard items: the standard cost. Others: inventory value / quantity on hand at the unit-amount
 * precision when there is stock; with no stock the previous value is kept.
 */
export function refreshCardCost(book: ItemBook, item: Item, setup: InventorySetup): void {
  if (item.costingMethod === "Standard") {
    book.unitCost = item.standardCost;
    return;
  }
  const index = indexOf(book);
  if (index.quantityOnHand <= 0) return;
  book.unitCost = roundToStep(unitCostOf(index.inventoryValue, index.quantityOnHand), setup.unitAmountRoundingPrecision);
}
