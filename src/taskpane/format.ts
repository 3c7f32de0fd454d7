/** Display of scaled figures in the pane, exact (from the integer, never through floating point). */
import { scaledToText, UNIT_COST_SCALE, type UnitCost } from "../core/money";

/** A unit cost with at least two decimals and up to the five it is kept in: 110 → "110.00", 5.48387 stays. */
export function formatUnitCost(value: UnitCost): string {
  const [whole, fraction = ""] = scaledToText(value, UNIT_COST_SCALE).split(".");
  return `${whole}.${fraction.padEnd(2, "0")}`;
}
