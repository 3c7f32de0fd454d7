/**
 * Arguments of the item-catalogue functions (excel.md §1.2): INV.ATTR(item, attribute), INV.ITEM(item,
 * field) and INV.ITEMS([category], [attributeFilter], [fields], [options]). Like arguments.ts, everything
 * here is a pure function of the arguments, so an argument error is the same alone or batched.
 */
import type { AttributeFilter } from "../core/inventory/attributes";
import { codeText, isBlank } from "./arguments";
import { invalidValue } from "./cellErrors";

export type CatalogFunctionName = "ATTR" | "ITEM" | "ITEMS";

export interface AttrRequest {
  fn: "ATTR";
  item: string;
  attribute: string;
}

export interface ItemFieldRequest {
  fn: "ITEM";
  item: string;
  /** The BC caption as typed (matched case-insensitively). */
  field: string;
}

export interface ItemsRequest {
  fn: "ITEMS";
  /** Always "" (all cards are read); kept so every request names an item argument. */
  item: "";
  /** Category code or BC filter; "" = every item, with or without a category. */
  category: string;
  filters: AttributeFilter[];
  /** Column captions, in order (default No., Description). */
  fields: string[];
  headers: boolean;
}

export type CatalogRequest = AttrRequest | ItemFieldRequest | ItemsRequest;

export function isCatalogRequest(request: { fn: string }): request is CatalogRequest {
  return request.fn === "ATTR" || request.fn === "ITEM" || request.fn === "ITEMS";
}

/** A required text argument (an attribute or field name). */
export function nameArgument(value: unknown, what: string): string {
  if (isBlank(value)) throw invalidValue(`${what} is required`);
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  throw invalidValue(`${what} must be text`);
}

const CONDITION = /^([^=<>]+?)\s*(<>|<=|>=|=|<|>)\s*(.*)$/;

/**
 * `Name=v1|v2;Name=v` (excel.md §1.2): `=` takes alternatives (an Option value equal to one of them, text
 * equal case-insensitively); `<>`, `<`, `<=`, `>`, `>=` compare one value (numbers for Integer/Decimal
 * attributes, inventory.md §3.5). All conditions must hold.
 */
export function attributeFilterArgument(value: unknown): AttributeFilter[] {
  if (isBlank(value)) return [];
  if (typeof value !== "string") throw invalidValue("attributeFilter must be text like Color=Red|Blue;Size=L");
  const filters: AttributeFilter[] = [];
  for (const part of value.split(";")) {
    if (part.trim() === "") continue;
    const match = CONDITION.exec(part.trim());
    if (!match) throw invalidValue(`attribute condition '${part.trim()}' needs an operator (Name=value)`);
    const [, attribute, operator, wanted] = match;
    if (operator === "=") filters.push({ attribute: attribute.trim(), values: wanted.split("|").map((v) => v.trim()) });
    else filters.push({ attribute: attribute.trim(), condition: operator, value: wanted.trim() });
  }
  return filters;
}

export const DEFAULT_ITEMS_FIELDS = ["No.", "Description"];

export function fieldsArgument(value: unknown): string[] {
  if (isBlank(value)) return [...DEFAULT_ITEMS_FIELDS];
  if (typeof value !== "string") throw invalidValue("fields must be text like No.;Description");
  const fields = value.split(";").map((f) => f.trim()).filter((f) => f !== "");
  return fields.length > 0 ? fields : [...DEFAULT_ITEMS_FIELDS];
}

/** The spill options: only `headers=TRUE|FALSE` applies to INV.ITEMS. */
export function spillHeadersOption(value: unknown): boolean {
  if (isBlank(value)) return true;
  if (typeof value !== "string") throw invalidValue("options must be text like headers=FALSE");
  let headers = true;
  for (const pair of value.split(";")) {
    if (pair.trim() === "") continue;
    const at = pair.indexOf("=");
    const key = (at < 0 ? pair : pair.slice(0, at)).trim().toLowerCase();
    const text = at < 0 ? "" : pair.slice(at + 1).trim().toUpperCase();
    if (key !== "headers") throw invalidValue(`option ${key} is not known; use headers`);
    if (text !== "TRUE" && text !== "FALSE") throw invalidValue("headers must be TRUE or FALSE");
    headers = text === "TRUE";
  }
  return headers;
}

export function itemsRequest(category: unknown, attributeFilter: unknown, fields: unknown, options: unknown): ItemsRequest {
  return {
    fn: "ITEMS",
    item: "",
    category: codeText(category, "category"),
    filters: attributeFilterArgument(attributeFilter),
    fields: fieldsArgument(fields),
    headers: spillHeadersOption(options),
  };
}

/** Cache and batching key: equal keys give equal answers on one snapshot. */
export function catalogRequestKey(request: CatalogRequest): string {
  switch (request.fn) {
    case "ATTR":
      return ["ATTR", request.item.toUpperCase(), request.attribute.toLowerCase()].join("\u0001");
    case "ITEM":
      return ["ITEM", request.item.toUpperCase(), request.field.toLowerCase()].join("\u0001");
    default:
      return ["ITEMS", request.category.toUpperCase(), JSON.stringify(request.filters), request.fields.join(";"), String(request.headers)].join("\u0001");
  }
}
