import { unitCost } from "../../src/core/money";
import { formatUnitCost } from "../../src/taskpane/format";

test("unit costs show at least two decimals and never lose the kept ones", () => {
  expect(formatUnitCost(unitCost(110))).toBe("110.00");
  expect(formatUnitCost(unitCost(5.48387))).toBe("5.48387");
  expect(formatUnitCost(unitCost(1.005))).toBe("1.005");
  expect(formatUnitCost(unitCost(-0.5))).toBe("-0.50");
});
