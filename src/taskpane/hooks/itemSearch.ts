/**
 * The Items screen's search (inventory.md §3.5): text on number and description, then attribute
 * conditions handed to the core's search, which reads each item's effective (inherited) values.
 */
import type { AttributeDefinition, Company } from "../../core/company";
import { searchItems, type AttributeFilter } from "../../core/inventory/attributes";
import type { Item } from "../../core/types";

/** One attribute condition as the user picked it. */
export interface AttributeCondition {
  attribute: string;
  condition: string;
  value: string;
}

/** The conditions §3.5 allows for an attribute type ("=" on Option takes one of the given values). */
export function conditionsFor(type: AttributeDefinition["type"] | undefined): string[] {
  switch (type) {
    case "Option":
      return ["="];
    case "Text":
    case undefined:
      return ["Exact", "BeginsWith", "EndsWith", "Contains"];
    default:
      return ["=", "<>", "<", "<=", ">", ">="];
  }
}

/** Items whose number or description contains the search text (case-insensitive). */
export function matchingItems(items: readonly Item[], search: string): Item[] {
  const needle = search.trim().toLowerCase();
  if (needle === "") return [...items];
  return items.filter((item) => item.no.toLowerCase().includes(needle) || item.description.toLowerCase().includes(needle));
}

function toFilter(company: Company, condition: AttributeCondition): AttributeFilter {
  const type = company.attributeDefinitions?.[condition.attribute.toLowerCase()]?.type;
  // Option values: one of the |-separated values; other types: the condition on one value.
  if (type === "Option") return { attribute: condition.attribute, values: condition.value.split("|").map((v) => v.trim()) };
  return { attribute: condition.attribute, condition: condition.condition, value: condition.value };
}

/** Text search, then every complete attribute condition (AND), in item-number order. */
export function searchList(items: readonly Item[], company: Company | null, text: string, conditions: readonly AttributeCondition[]): Item[] {
  const byText = matchingItems(items, text);
  const complete = conditions.filter((c) => c.attribute !== "" && c.value.trim() !== "");
  if (!company || complete.length === 0) return byText;
  const found = new Set(searchItems(company, byText, complete.map((c) => toFilter(company, c))));
  return byText.filter((item) => found.has(item.no));
}
