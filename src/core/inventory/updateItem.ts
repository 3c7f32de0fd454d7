/**
 * Changes to an item card (FORMAT.md `updateItem`). Fields that the ledger depends on are frozen
 * once the item has entries: the costing method (costing.md §2) and the base unit of measure.
 */
import { RefusedError } from "../errors";
import { itemFromInput, type ItemInput } from "../service/inputs";
import { attributesAfterCategoryChange, checkItemAttributes } from "./attributes";
import type { Workspace } from "../workspace";

/** Creates the item when it is new, else updates it by `updateItem`'s rules. */
export function upsertItem(ws: Workspace, input: ItemInput): void {
  if (ws.item(input.no)) {
    updateItem(ws, input.no, input);
    return;
  }
  checkCategory(ws, input.category);
  const item = itemFromInput(input);
  item.attributes = checkItemAttributes(ws.company, input.attributes ?? {});
  ws.items.set(input.no, item);
  ws.changedItems.add(input.no);
}

/** Category codes are checked once the company has categories (a company without them takes any code). */
function checkCategory(ws: Workspace, category: string | null | undefined): void {
  const categories = ws.company.categories ?? [];
  if (category && categories.length > 0 && !categories.some((c) => c.code === category)) {
    throw new RefusedError([{ field: "category", message: `Item category ${category} does not exist` }]);
  }
}

export function updateItem(ws: Workspace, no: string, fields: Omit<ItemInput, "no">): void {
  const existing = ws.item(no);
  if (!existing) throw new RefusedError([{ field: "item", message: `Item ${no} does not exist` }]);
  const hasEntries = (ws.book(no)?.entries.length ?? 0) > 0;
  if (hasEntries && fields.costingMethod !== undefined && fields.costingMethod !== existing.costingMethod) {
    throw new RefusedError([{ field: "costingMethod", message: `The costing method of item ${no} cannot be changed because it has ledger entries` }]);
  }
  if (hasEntries && fields.baseUnitOfMeasure !== undefined && fields.baseUnitOfMeasure !== existing.baseUnitOfMeasure) {
    throw new RefusedError([{ field: "baseUnitOfMeasure", message: `The base unit of measure of item ${no} cannot be changed because it has ledger entries` }]);
  }
  checkCategory(ws, fields.category);
  const updated = itemFromInput({ ...fields, no, attributes: undefined }, existing);
  // A category change first (§3.3), then the attribute values given, merged into the item's own.
  if (fields.category !== undefined && fields.category !== existing.category) {
    updated.attributes = attributesAfterCategoryChange(ws.company, existing, fields.category);
  }
  if (fields.attributes) updated.attributes = { ...updated.attributes, ...checkItemAttributes(ws.company, fields.attributes) };
  ws.items.set(no, updated);
  ws.changedItems.add(no);
  // The card's unit cost lives on the book once the item has one (costing.md §16.3).
  const book = ws.book(no);
  const cardCost = updated.costingMethod === "Standard" ? updated.standardCost : fields.unitCost !== undefined ? updated.unitCost : book?.unitCost;
  if (book && cardCost !== undefined && book.unitCost !== cardCost) ws.bookForUpdate(no).unitCost = cardCost;
}
