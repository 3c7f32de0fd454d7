import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { readWorkbookBackup, writeWorkbookBackup } from "../../src/excel/sheets/backupSheet";

describe("_INV_BACKUP", () => {
  test("base64 goes in 32,000-character cells of a very hidden sheet, in requests of about 1 MB, and reads back whole", async () => {
    const wb = new MemoryWorkbook({ writer: { yieldToEventLoop: async () => undefined } });
    expect(await readWorkbookBackup(wb)).toBeNull();
    const manifest = JSON.stringify({ format: "invbak", schemaVersion: 3, company: "DEMO" });
    const base64 = Array.from({ length: 4_000_000 }, (_, i) => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[(i * 7919) % 64]).join("");
    const report = await writeWorkbookBackup(wb, { manifest, base64 });
    expect(report.rows).toBe(1 + Math.ceil(4_000_000 / 32_000));
    expect(report.largestRequestBytes).toBeLessThanOrEqual(1.1 * 1024 * 1024);
    expect(report.syncs).toBeGreaterThanOrEqual(4);
    expect(wb.sheets().find((s) => s.name === "_INV_BACKUP")?.visibility).toBe("veryHidden");
    expect(wb.cell("_INV_BACKUP", 0, 0).value).toBe(manifest);
    expect(String(wb.cell("_INV_BACKUP", 6, 1).value)).toHaveLength(32_000);
    expect(await readWorkbookBackup(wb)).toEqual({ manifest, base64 });
  });
});
