/**
 * Catalog (nonstock) items (inventory.md §4): vendor catalogue entries that become item cards when
 * converted — explicitly, or when chosen on a sales order line. The item number follows the
 * catalog setup's rule unless the conversion names one.
 */
import type { Company, NonstockItem } from "../company";
import { RefusedError } from "../errors";
import type { Item } from "../types";
import type { Workspace } from "../workspace";
import { itemFromInput } from "../service/inputs";

function refuse(field: string, message: string): never {
  throw new RefusedError([{ field, message }]);
}

/** The item number the catalog setup's rule gives (inventory.md §4 table). */
export function nonstockItemNo(company: Company, catalog: NonstockItem): string {
  const setup = company.nonstockSetup ?? { noFormat: "VendorItemNo", noFormatSeparator: "" };
  const separator = setup.noFormatSeparator ?? "";
  const maker = catalog.manufacturerCode ?? "";
  const fallback = (joined: string, withEntry: string): string => (joined.length > 20 ? withEntry : joined);
  switch (setup.noFormat) {
    case "MfrPlusVendorItemNo":
      return fallback(`${maker}${separator}${catalog.vendorItemNo}`, `${maker}${separator}${catalog.entryNo}`);
    case "VendorItemNoPlusMfr":
      return fallback(`${catalog.vendorItemNo}${separator}${maker}`, `${catalog.entryNo}${separator}${maker}`);
    case "EntryNo":
      return catalog.entryNo;
    default:
      return catalog.vendorItemNo;
  }
}

function catalogItem(ws: Workspace, entryNo: string): NonstockItem {
  const catalog = ws.company.nonstockItems?.find((n) => n.entryNo === entryNo);
  if (!catalog) return refuse("entryNo", `The catalog item ${entryNo} does not exist`);
  return catalog;
}

/** Creates the item card of a catalog item (refused when the number is taken). */
export function convertNonstock(ws: Workspace, entryNo: string, itemNo?: string): Item {
  const catalog = catalogItem(ws, entryNo);
  if (!catalog.vendorNo || !catalog.vendorItemNo) refuse("entryNo", `The catalog item ${entryNo} needs a vendor no. and a vendor item no.`);
  const no = itemNo ?? nonstockItemNo(ws.company, catalog);
  if (ws.item(no)) refuse("itemNo", `Item ${no} already exists`);
  const item = itemFromInput({
    no,
    description: catalog.description ?? "",
    type: "Inventory",
    costingMethod: "FIFO",
    baseUnitOfMeasure: catalog.unitOfMeasure ?? "PCS",
    unitCost: catalog.unitCost ?? 0,
    unitPrice: catalog.unitPrice ?? 0,
  });
  item.createdFromNonstock = true;
  ws.items.set(no, item);
  ws.changedItems.add(no);
  ws.company.nonstockItems = (ws.company.nonstockItems ?? []).map((n) => (n.entryNo === entryNo ? { ...n, itemNo: no } : n));
  ws.companyChanged = true;
  return item;
}

/** Order entry of a catalog item: its item when already converted, else a new one (§4). */
export function itemForOrder(ws: Workspace, entryNo: string, orderType: string): Item {
  if (orderType !== "Sale") refuse("nonstockEntryNo", `A catalog item can be converted only on a sales order line, not on a ${orderType} line`);
  const catalog = catalogItem(ws, entryNo);
  const existing = catalog.itemNo ? ws.item(catalog.itemNo) : undefined;
  return existing ?? convertNonstock(ws, entryNo);
}
