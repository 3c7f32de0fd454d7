/**
 * Per-item keys of the planning state kept on the company (open order lines, reservations, transfers in
 * transit; inventory.md §11–§12). The batcher compares them after each commit, so an order or reservation
 * invalidates only the answers of the items it names (excel.md §2.1 rule 2), not every cached answer.
 * Assembly order lines also create demand for their components, items the line does not name, so they
 * get one key of their own: when it changes, every item counts as changed.
 */
import type { Company } from "../core/company";

export interface PlanningKeys {
  /** Upper-cased item number → its planning records, serialized in a stable order. */
  perItem: Map<string, string>;
  /** The company's assembly order lines, serialized. */
  assembly: string;
}

function add(parts: Map<string, string[]>, item: string, record: unknown): void {
  const upper = item.toUpperCase();
  const list = parts.get(upper) ?? [];
  list.push(JSON.stringify(record));
  parts.set(upper, list);
}

export function planningKeysOf(company: Company): PlanningKeys {
  const parts = new Map<string, string[]>();
  const assembly: string[] = [];
  for (const [key, line] of Object.entries(company.orderLines ?? {})) {
    add(parts, line.item, [key, line]);
    if (line.type === "Assembly") assembly.push(JSON.stringify([key, line]));
  }
  for (const reservation of company.reservations ?? []) add(parts, reservation.item, reservation);
  for (const [key, shipment] of Object.entries(company.transferShipments ?? {})) add(parts, shipment.item, [key, shipment]);
  const perItem = new Map([...parts].map(([item, list]) => [item, list.sort().join("\u0002")]));
  return { perItem, assembly: assembly.sort().join("\u0002") };
}

/** Items whose planning key differs between two readings (added, changed or gone). */
export function changedItems(previous: PlanningKeys, next: PlanningKeys): string[] {
  const items = new Set([...previous.perItem.keys(), ...next.perItem.keys()]);
  return [...items].filter((item) => previous.perItem.get(item) !== next.perItem.get(item));
}
