/**
 * Physical inventory, one counted line (inventory.md §8.2): the calculated quantity as of the
 * count date, the counted quantity, and the difference posted as a positive or negative
 * adjustment dated on the count date (nothing when equal).
 */
import { RefusedError } from "../errors";
import { qty, qtyToNumber } from "../money";
import { postLines } from "../posting/post";
import type { IsoDate } from "../types";
import type { Workspace } from "../workspace";

export interface PhysicalCountInput {
  date: IsoDate;
  item: string;
  location: string;
  variant?: string;
  countedQuantity: number;
  lotNo?: string;
  serialNo?: string;
  documentNo?: string;
}

function refuse(field: string, message: string): never {
  throw new RefusedError([{ field, message }]);
}

function checkCountable(ws: Workspace, input: PhysicalCountInput): void {
  const item = ws.item(input.item);
  if (!item) return refuse("item", `Item ${input.item} does not exist`);
  if (item.blocked) refuse("item", `Item ${item.no} is blocked`);
  if (item.type !== "Inventory") {
    refuse("item", `Item ${item.no} is not an inventory item: physical counting is not allowed for item type ${item.type}`);
  }
  const tracking = item.itemTracking;
  if ((tracking === "Serial" || tracking === "SerialAndLot") && !input.serialNo) refuse("serialNo", `A serial number is required for item ${item.no}`);
  if ((tracking === "Lot" || tracking === "SerialAndLot") && !input.lotNo) refuse("lotNo", `A lot number is required for item ${item.no}`);
  if (input.countedQuantity < 0) refuse("countedQuantity", "The counted quantity cannot be negative");
  if (input.serialNo && input.countedQuantity !== 0 && input.countedQuantity !== 1) {
    refuse("countedQuantity", `The quantity of serial number ${input.serialNo} must be 1 or 0`);
  }
}

/** Σ quantity of the item's entries at the location (and lot/serial) posted on or before the date. */
function calculatedQuantity(ws: Workspace, input: PhysicalCountInput): number {
  const book = ws.book(input.item);
  let sum = 0;
  for (const e of book?.entries ?? []) {
    if (!e.inventoriable || e.postingDate > input.date || e.location !== input.location) continue;
    if (e.variant !== (input.variant ?? "")) continue;
    if (input.lotNo !== undefined && e.lotNo !== input.lotNo) continue;
    if (input.serialNo !== undefined && e.serialNo !== input.serialNo) continue;
    sum += e.quantity;
  }
  return sum;
}

/** Posts the count difference; returns the signed difference in base units (0: nothing posted). */
export function physicalCount(ws: Workspace, input: PhysicalCountInput): number {
  checkCountable(ws, input);
  const difference = qty(input.countedQuantity) - calculatedQuantity(ws, input);
  if (difference === 0) return 0;
  postLines(ws, [
    {
      postingDate: input.date,
      entryType: difference > 0 ? "PositiveAdjmt" : "NegativeAdjmt",
      documentNo: input.documentNo ?? "",
      item: input.item,
      variant: input.variant,
      location: input.location,
      quantity: qtyToNumber(Math.abs(difference)),
      lotNo: input.lotNo,
      serialNo: input.serialNo,
    },
  ]);
  return difference;
}
