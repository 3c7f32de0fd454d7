/**
 * The new INV names flow into the workbench's formula engine (registered from invFunctions): typed
 * formulas give the excel.md §1.2 values, including a skipped argument and a spill.
 */
import { demoFormulaEngine } from "./demoFormulaEngine";

const { engine, at } = demoFormulaEngine();

test("INV.ATTR, INV.ITEM and INV.ITEMS typed as formulas", async () => {
  expect(await engine.evaluate('=INV.ATTR("1000","Color")', at)).toBe("Red");
  expect(await engine.evaluate('=INV.ATTR("1000","Size")', at)).toBe("#N/A");
  expect(await engine.evaluate('=INV.ITEM("2000","Costing Method")', at)).toBe("Average");
  expect(await engine.evaluate('=INV.ITEMS("BIKES")', at)).toEqual([["No.", "Description"], ["1000", "Bicycle"]]);
  // excel.md's example verbatim: the skipped first argument (blank category) reaches the function as omitted.
  expect(await engine.evaluate('=INV.ITEMS(,"Color=Blue|Clear","No.")', at)).toEqual([["2000"], ["3000"]]);
  expect(await engine.evaluate('=INV.ITEMS("","Color=Blue|Clear","No.")', at)).toEqual([["2000"], ["3000"]]);
});
