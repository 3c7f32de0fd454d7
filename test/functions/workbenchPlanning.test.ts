/**
 * The planning and tracking functions typed as formulas in the workbench's formula engine, with the
 * excel.md §1.2 examples verbatim (skipped arguments included).
 */
import { demoFormulaEngine } from "./demoFormulaEngine";

const { engine, at } = demoFormulaEngine();

test.each([
  ['=INV.PAB("1000","2025-02-12","MAIN")', 4],
  ['=INV.PAB("1000","2025-02-28","MAIN")', 6],
  ['=INV.PAB("1000","2025-02-28")', 9],
  ['=INV.AVAILABLE("1000",,"MAIN")', 6],
  ['=INV.AVAILABLE("3000","2025-04-15")', 15],
  ['=INV.RESERVED("1000","MAIN")', 4],
  ['=INV.LOTQTY("3000","L-001","2025-01-31")', 16],
  ['=INV.LOTQTY("3000","L-001","2025-01-10")', 20],
  ['=INV.LOTQTY("3000","L-999")', "#N/A"],
  ['=INV.EXPIRY("3000","L-002")', 45838],
])("%s → %p", async (formula, expected) => {
  expect(await engine.evaluate(formula, at)).toEqual(expected);
});

test("spills: INV.LOTS and INV.AVAILBYPERIOD as in excel.md", async () => {
  expect(await engine.evaluate('=INV.LOTS("3000","2025-01-31")', at)).toEqual([
    ["Lot No.", "Serial No.", "Location", "Quantity", "Expiration Date"],
    ["L-001", "", "MAIN", 16, "2025-03-31"],
    ["L-002", "", "MAIN", 15, "2025-06-30"],
  ]);
  const period = (await engine.evaluate('=INV.AVAILBYPERIOD("1000","2025-02-03","Week",4,"MAIN")', at)) as unknown[][];
  expect(period.map((row) => row[5])).toEqual(["Projected Available Balance", 10, 14, 6, 6]);
  expect(await engine.evaluate('=INV.TRACE("L-002",,,"headers=FALSE")', at)).toEqual([[1, "3000", "Purchase", "2025-01-12", "PR-0005", "MAIN", "L-002", "", 15, "", "", 5, false]]);
});
