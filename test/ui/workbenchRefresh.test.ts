/**
 * The workbench serves calculateCells (Settings' "Refresh all INV formulas" over the in-memory workbook)
 * through its formula driver: a stale result is recomputed.
 */
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { WorkbenchController } from "../../src/workbench/controller";

test("a calculate request makes the workbench recompute its formulas", async () => {
  const workbook = new MemoryWorkbook();
  workbook.addSheet("Report");
  const controller = new WorkbenchController(workbook, { TWICE: (value: unknown) => Number(value) * 2 });
  await controller.setCellInput("Report", 0, 0, "=INV.TWICE(21)");
  expect(workbook.cell("Report", 0, 0).value).toBe(42);
  workbook.setFormulaResult("Report", 0, 0, 0); // as if the value had gone stale
  await controller.whenIdle();
  expect(workbook.cell("Report", 0, 0).value).toBe(0);

  await workbook.calculateCells("Report", ["A1"]);
  await controller.whenIdle();
  expect(workbook.cell("Report", 0, 0).value).toBe(42);
});
