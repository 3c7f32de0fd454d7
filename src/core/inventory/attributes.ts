/**
 * Item categories and attributes (inventory.md §3): attribute definitions declared by the
 * categories that mention them, inheritance down the category tree (nearest level wins), an
 * item's effective set (its category's defaults overridden by its own values), value validation,
 * the category-change rule, and attribute search.
 */
import type { AttributeDefinition, Category, Company } from "../company";
import { RefusedError } from "../errors";
import type { Item } from "../types";

export type AttributeValue = string | number | boolean;

export interface CategoryInput {
  code: string;
  parent?: string | null;
  description?: string;
  attributes?: { name: string; type?: AttributeDefinition["type"]; values?: string[]; default?: AttributeValue }[];
}

function refuse(message: string): never {
  throw new RefusedError([{ field: "attributes", message }]);
}

/** Categories and the attribute definitions they declare (the first mention with a type defines it). */
export function categoriesFromInput(inputs: readonly CategoryInput[]): { categories: Category[]; definitions: Record<string, AttributeDefinition> } {
  const definitions: Record<string, AttributeDefinition> = {};
  for (const category of inputs) {
    for (const a of category.attributes ?? []) {
      const key = a.name.toLowerCase();
      const known = definitions[key];
      if (known && a.type && a.type !== known.type) refuse(`Attribute ${a.name} is declared with two types`);
      if (!known && a.type) definitions[key] = { name: a.name, type: a.type, values: a.values };
    }
  }
  const categories = inputs.map((c) => ({
    code: c.code,
    parent: c.parent ?? null,
    attributes: (c.attributes ?? []).map((a) => ({ name: definitions[a.name.toLowerCase()]?.name ?? a.name, default: a.default })),
  }));
  return { categories, definitions };
}

/** The checked value of an attribute (inventory.md §3.2), or the E-ATTRIBUTE refusal. */
export function checkAttributeValue(company: Company, name: string, value: AttributeValue): { name: string; value: AttributeValue } {
  const definition = company.attributeDefinitions?.[name.toLowerCase()];
  if (!definition) return refuse(`Attribute ${name} does not exist`);
  const bad = (): never => refuse(`The value ${JSON.stringify(value)} is not valid for attribute ${definition.name} (${definition.type})`);
  const text = String(value).trim();
  switch (definition.type) {
    case "Option": {
      const match = definition.values?.find((v) => v.toLowerCase() === text.toLowerCase());
      return match === undefined ? bad() : { name: definition.name, value: match };
    }
    case "Integer":
      return /^[+-]?\d+$/.test(text) ? { name: definition.name, value: Number(text) } : bad();
    case "Decimal":
      return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) ? { name: definition.name, value: Number(text) } : bad();
    case "Date":
      return /^\d{4}-\d{2}-\d{2}$/.test(text) ? { name: definition.name, value: text } : bad();
    default:
      return text.length <= 250 ? { name: definition.name, value: String(value) } : bad();
  }
}

/**
 * Checks an item's own values; returns them under the definitions' spelling. A company without
 * attribute definitions takes values as given (nothing to check them against).
 */
export function checkItemAttributes(company: Company, values: Record<string, AttributeValue>): Record<string, AttributeValue> {
  if (Object.keys(company.attributeDefinitions ?? {}).length === 0) return { ...values };
  const checked: Record<string, AttributeValue> = {};
  for (const [name, value] of Object.entries(values)) {
    const result = checkAttributeValue(company, name, value);
    checked[result.name] = result.value;
  }
  return checked;
}

/** A category's effective defaults: its own and its ancestors', the nearest level winning (§3.3). */
export function categoryDefaults(company: Company, code: string | null): Map<string, AttributeValue | undefined> {
  const chain: Category[] = [];
  const seen = new Set<string>();
  for (let current = code; current && !seen.has(current); ) {
    seen.add(current);
    const category = company.categories?.find((c) => c.code === current);
    if (!category) break;
    chain.unshift(category);
    current = category.parent;
  }
  const defaults = new Map<string, AttributeValue | undefined>();
  for (const category of chain) for (const a of category.attributes) defaults.set(a.name, a.default);
  return defaults;
}

/** The item's complete effective attribute set (§3.3); attributes without a value are absent. */
export function effectiveAttributes(company: Company, item: Item): Record<string, AttributeValue> {
  const result: Record<string, AttributeValue> = {};
  for (const [name, value] of categoryDefaults(company, item.category)) if (value !== undefined) result[name] = value;
  return { ...result, ...item.attributes };
}

/** Own values after a category change (§3.3): attributes whose default changed or vanished lose the item's value. */
export function attributesAfterCategoryChange(company: Company, item: Item, category: string | null): Record<string, AttributeValue> {
  const before = categoryDefaults(company, item.category);
  const after = categoryDefaults(company, category);
  const kept: Record<string, AttributeValue> = {};
  for (const [name, value] of Object.entries(item.attributes)) {
    const inBefore = before.has(name);
    const unchanged = inBefore && after.has(name) && before.get(name) === after.get(name);
    if (!inBefore || unchanged) kept[name] = value;
  }
  return kept;
}

export interface AttributeFilter {
  attribute: string;
  values?: AttributeValue[];
  condition?: string;
  value?: AttributeValue;
}

function compareValues(a: AttributeValue, b: AttributeValue): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

function matches(company: Company, value: AttributeValue | undefined, filter: AttributeFilter): boolean {
  if (value === undefined) return false;
  if (filter.values) return filter.values.some((v) => String(v).toLowerCase() === String(value).toLowerCase());
  const wanted = filter.value ?? "";
  const text = String(value).toLowerCase();
  const other = String(wanted).toLowerCase();
  const definition = company.attributeDefinitions?.[filter.attribute.toLowerCase()];
  const numeric = definition?.type === "Integer" || definition?.type === "Decimal";
  const order = numeric ? compareValues(Number(value), Number(wanted)) : compareValues(String(value), String(wanted));
  switch (filter.condition ?? "Exact") {
    case "Exact": return text === other;
    case "BeginsWith": return text.startsWith(other);
    case "EndsWith": return text.endsWith(other);
    case "Contains": return text.includes(other);
    case "=": return order === 0;
    case "<>": return order !== 0;
    case "<": return order < 0;
    case "<=": return order <= 0;
    case ">": return order > 0;
    case ">=": return order >= 0;
    default: return false;
  }
}

/** Items whose effective attributes satisfy every filter, by number (§3.5). */
export function searchItems(company: Company, items: readonly Item[], filters: readonly AttributeFilter[]): string[] {
  return items
    .filter((item) => {
      const attributes = effectiveAttributes(company, item);
      const byName = new Map(Object.entries(attributes).map(([k, v]) => [k.toLowerCase(), v]));
      return filters.every((f) => matches(company, byName.get(f.attribute.toLowerCase()), f));
    })
    .map((item) => item.no)
    .sort();
}
