import type { ItemApplicationEntry } from "../../src/core/types";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { refreshItemApplicationsSheet, writeItemApplicationsSheet } from "../../src/excel/sheets/applicationsSheet";

const noYield = { yieldToEventLoop: async () => undefined };

function application(entryNo: number, itemLedgerEntryNo: number, inbound: number, outbound: number, quantity: number): ItemApplicationEntry {
  return {
    entryNo, itemLedgerEntryNo, inboundEntryNo: inbound, outboundEntryNo: outbound, quantity, postingDate: "2025-01-15",
    transferredFromEntryNo: null, costApplication: true, fixedApplication: false,
  };
}

describe("Item Applications sheet", () => {
  test("DEMO applications 6 ← 2 (10) and 4 (2): rows in entry order, quantities as decimals; refresh appends", async () => {
    const wb = new MemoryWorkbook({ writer: noYield });
    const own = application(1, 2, 2, 0, 1_000_000);
    const fromTwo = application(3, 6, 2, 6, -1_000_000);
    await writeItemApplicationsSheet(wb, [fromTwo, own]);
    const table = (await wb.readTable("tblItemApplications"))!;
    expect(table.rows).toEqual([
      [1, 2, 2, null, 10, 45672, null, true, false],
      [3, 6, 2, 6, -10, 45672, null, true, false],
    ]);
    const fromFour = application(4, 6, 4, 6, -200_000);
    expect(await refreshItemApplicationsSheet(wb, [own, fromTwo, fromFour])).toEqual({ mode: "incremental", appended: 1, patched: 0 });
    expect((await wb.readTable("tblItemApplications"))!.rows[2].slice(0, 5)).toEqual([4, 6, 4, 6, -2]);
  });
});
