import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { readTableMeta, recordTableMeta, staleTables } from "../../src/excel/sheets/metaSheet";

describe("_INV_META", () => {
  test("records per-table metadata in a very hidden sheet and lists stale or incomplete tables", async () => {
    const wb = new MemoryWorkbook({ writer: { yieldToEventLoop: async () => undefined } });
    expect((await readTableMeta(wb)).size).toBe(0);
    await recordTableMeta(wb, { table: "tblItemLedger", schemaVersion: 1, parameters: "all items", ledgerVersion: 57, complete: true, writtenAt: "2025-02-05 10:14:00" });
    await recordTableMeta(wb, { table: "tblValueEntries", schemaVersion: 1, parameters: "", ledgerVersion: 57, complete: false, writtenAt: "2025-02-05 10:15:00" });
    await recordTableMeta(wb, { table: "tblItemLedger", schemaVersion: 1, parameters: "=all items", ledgerVersion: 58, complete: true, writtenAt: "2025-02-05 10:16:00" });
    expect(wb.sheets().find((s) => s.name === "_INV_META")?.visibility).toBe("veryHidden");
    const meta = await readTableMeta(wb);
    expect(meta.get("tblitemledger")).toEqual({ table: "tblItemLedger", schemaVersion: 1, parameters: "=all items", ledgerVersion: 58, complete: true, writtenAt: "2025-02-05 10:16:00" });
    expect((await staleTables(wb, 58)).map((m) => m.table)).toEqual(["tblValueEntries"]);
    expect((await staleTables(wb, 59)).map((m) => m.table)).toEqual(["tblItemLedger", "tblValueEntries"]);
  });
});
