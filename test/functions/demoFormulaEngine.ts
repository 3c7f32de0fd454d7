/**
 * The workbench's formula engine over the DEMO ledger, with the INV functions registered from the same
 * registry Excel uses. Call once at the top of a test file: it installs its own beforeAll/afterAll.
 */
import { InventoryService } from "../../src/core/service/inventoryService";
import { loadDemoLedger } from "../../src/demo/demoData";
import { closeChangeChannel, configureFunctions, flushFunctions, invFunctions } from "../../src/functions/registry";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";
import { FormulaEngine, type FormulaPosition } from "../../src/workbench/formulaEngine";

export function demoFormulaEngine(): { engine: FormulaEngine; at: FormulaPosition } {
  const engine = new FormulaEngine({ cellValue: () => null, usedSize: () => ({ rows: 0, cols: 0 }) }, invFunctions);
  beforeAll(async () => {
    const store = configureFunctions({ store: new MemoryLedgerStore(), broadcast: false });
    await loadDemoLedger(new InventoryService(store));
  });
  afterAll(async () => {
    closeChangeChannel();
    await flushFunctions();
  });
  return { engine, at: { sheet: "Sheet1", row: 0, col: 0 } };
}
