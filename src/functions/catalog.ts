/**
 * Evaluation of INV.ATTR, INV.ITEM and INV.ITEMS over a flush's snapshot (excel.md §1.2): pure, like the
 * stock evaluator. Effective attributes (category defaults inherited, item values overriding) and the
 * attribute search come from the core (inventory.md §3.3, §3.5); this file only maps them onto cells.
 */
import type { Company } from "../core/company";
import { effectiveAttributes, searchItems } from "../core/inventory/attributes";
import { unitCostToNumber } from "../core/money";
import type { Item, ItemType } from "../core/types";
import type { AttrRequest, CatalogRequest, ItemFieldRequest, ItemsRequest } from "./catalogArguments";
import { InvError, invalidValue, notAvailable, type CellResult, type CellScalar } from "./cellErrors";
import { codeFilter } from "./codeFilter";

/** Most cells one spill may return (excel.md §1.1: default cap 200,000 cells). */
export const SPILL_CELL_CAP = 200_000;

const TYPE_CAPTION: Record<ItemType, string> = { Inventory: "Inventory", NonInventory: "Non-Inventory", Service: "Service" };

/** Item card fields by BC caption (lower-cased); unit amounts as numbers, flags as TRUE/FALSE. */
const ITEM_FIELDS: Record<string, { caption: string; read: (item: Item, company: Company) => CellScalar }> = {};
function field(caption: string, read: (item: Item, company: Company) => CellScalar): void {
  ITEM_FIELDS[caption.toLowerCase()] = { caption, read };
}
field("No.", (item) => item.no);
field("Description", (item) => item.description);
field("Type", (item) => TYPE_CAPTION[item.type]);
field("Base Unit of Measure", (item) => item.baseUnitOfMeasure);
field("Costing Method", (item) => item.costingMethod);
field("Unit Cost", (item) => unitCostToNumber(item.unitCost));
field("Standard Cost", (item) => unitCostToNumber(item.standardCost));
field("Unit Price", (item) => unitCostToNumber(item.unitPrice));
field("Indirect Cost %", (item) => unitCostToNumber(item.indirectCostPercent));
field("Overhead Rate", (item) => unitCostToNumber(item.overheadRate));
field("Item Category Code", (item) => item.category ?? "");
field("Blocked", (item) => item.blocked);
field("Sales Blocked", (item) => item.salesBlocked);
field("Purchasing Blocked", (item) => item.purchasingBlocked);
field("Item Tracking", (item) => item.itemTracking);
field("Created From Nonstock Item", (item) => item.createdFromNonstock ?? false);
// One posting setup per company in this model: every item is in the group its accounts belong to (excel.md §0).
field("Inventory Posting Group", (_item, company) => company.inventoryPostingGroup ?? "");

/** The captions INV.ITEM knows, for the error text. */
export const ITEM_FIELD_CAPTIONS = Object.values(ITEM_FIELDS).map((f) => f.caption);

function itemOf(items: Map<string, Item>, no: string): Item | InvError {
  return items.get(no.toUpperCase()) ?? notAvailable(`Item ${no} does not exist`);
}

function attributeOf(company: Company, item: Item, name: string): CellScalar | undefined {
  const wanted = name.toLowerCase();
  const entry = Object.entries(effectiveAttributes(company, item)).find(([key]) => key.toLowerCase() === wanted);
  return entry?.[1];
}

function evaluateAttr(request: AttrRequest, company: Company, items: Map<string, Item>): CellResult {
  const item = itemOf(items, request.item);
  if (item instanceof InvError) return item;
  const value = attributeOf(company, item, request.attribute);
  return value ?? notAvailable(`Item ${item.no} has no value for attribute '${request.attribute}'`);
}

/** A caption of the item card, else an attribute of the item (so fields may name attributes too). */
function columnValue(company: Company, item: Item, name: string): CellScalar | undefined {
  const known = ITEM_FIELDS[name.toLowerCase()];
  return known ? known.read(item, company) : attributeOf(company, item, name);
}

function evaluateItemField(request: ItemFieldRequest, company: Company, items: Map<string, Item>): CellResult {
  const item = itemOf(items, request.item);
  if (item instanceof InvError) return item;
  const known = ITEM_FIELDS[request.field.toLowerCase()];
  if (!known) return invalidValue(`field ${request.field} is not an item card field; use ${ITEM_FIELD_CAPTIONS.join(", ")}`);
  return known.read(item, company);
}

/** Category codes selected by the filter, with their descendants (a category filter covers its subtree). */
function categoriesSelected(company: Company, filter: string): Set<string> {
  const matches = codeFilter(filter);
  const categories = company.categories ?? [];
  const selected = new Set(categories.filter((c) => matches(c.code.toUpperCase())).map((c) => c.code));
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of categories) {
      if (c.parent !== null && selected.has(c.parent) && !selected.has(c.code)) {
        selected.add(c.code);
        grew = true;
      }
    }
  }
  return selected;
}

function unknownName(company: Company, request: ItemsRequest): CellResult | undefined {
  const definitions = company.attributeDefinitions ?? {};
  const missing = request.filters.find((f) => !definitions[f.attribute.toLowerCase()]);
  if (missing) return notAvailable(`Attribute ${missing.attribute} does not exist`);
  const badField = request.fields.find((name) => !ITEM_FIELDS[name.toLowerCase()] && !definitions[name.toLowerCase()]);
  if (badField) return invalidValue(`field ${badField} is not an item card field or attribute`);
  return undefined;
}

function evaluateItems(request: ItemsRequest, company: Company, items: Map<string, Item>): CellResult {
  const problem = unknownName(company, request);
  if (problem) return problem;
  let candidates = [...items.values()];
  if (request.category !== "") {
    const selected = categoriesSelected(company, request.category);
    candidates = candidates.filter((item) => item.category !== null && selected.has(item.category));
  }
  const nos = searchItems(company, candidates, request.filters);
  const byNo = new Map(candidates.map((item) => [item.no, item]));
  const width = request.fields.length;
  // excel.md §1.1: a header row when wider than one column, unless headers=FALSE.
  const header = width > 1 && request.headers ? [request.fields.map((name) => ITEM_FIELDS[name.toLowerCase()]?.caption ?? name)] : [];
  const rows = nos.map((no) => request.fields.map((name) => columnValue(company, byNo.get(no) as Item, name) ?? ""));
  if (rows.length === 0) return header.length > 0 ? header : notAvailable("No item matches");
  const cells = (rows.length + header.length) * width;
  if (cells > SPILL_CELL_CAP) {
    return notAvailable(`Result has ${rows.length + header.length} rows (limit ${Math.floor(SPILL_CELL_CAP / width)}); use Ledgers ▸ Write to sheet`);
  }
  return [...header, ...rows];
}

export function evaluateCatalog(request: CatalogRequest, company: Company, items: Map<string, Item>): CellResult {
  switch (request.fn) {
    case "ATTR":
      return evaluateAttr(request, company, items);
    case "ITEM":
      return evaluateItemField(request, company, items);
    default:
      return evaluateItems(request, company, items);
  }
}
