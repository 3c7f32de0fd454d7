/** Source Type / Source No. of item ledger entries (BC): from the journal line, the order, or the assembled item. */
import { itemLedgerRow, ITEM_LEDGER_COLUMNS } from "../../src/excel/sheets/itemLedgerSheet";
import { ITEM_TRACE_COLUMNS, itemTraceSpec } from "../../src/excel/sheets/traceSheet";
import { traceRows } from "../../src/functions/traceRows";
import { freshService, line } from "./helpers";

const col = (header: string): number => ITEM_LEDGER_COLUMNS.findIndex((c) => c.header === header);

describe("entry source", () => {
  it("takes Vendor for purchases and Customer for sales from the line's source no., and leaves adjustments blank", async () => {
    const { service } = await freshService([{ no: "A" }]);
    await service.postJournal([
      line({ entryType: "Purchase", quantity: 5, unitCost: 2, sourceNo: "V10" }),
      line({ entryType: "Sale", quantity: 1, sourceNo: "C20" }),
      line({ entryType: "NegativeAdjmt", quantity: 1 }),
      line({ entryType: "PositiveAdjmt", quantity: 1, unitCost: 2, sourceType: "Item", sourceNo: "A" }),
    ]);
    const entries = (await service.books(["A"])).get("A")?.entries ?? [];
    expect(entries.map((e) => [e.sourceType ?? null, e.sourceNo ?? null])).toEqual([
      ["Vendor", "V10"],
      ["Customer", "C20"],
      [null, null],
      ["Item", "A"],
    ]);
    // The ledger sheet shows the entry's own source in its Source Type / Source No. columns.
    const row = itemLedgerRow(entries[0], undefined);
    expect([row[col("Source Type")], row[col("Source No.")]]).toEqual(["Vendor", "V10"]);
    expect(itemLedgerRow(entries[2], undefined)[col("Source No.")]).toBeNull();
  });

  it("refuses an unknown source type, naming the field", async () => {
    const { service } = await freshService([{ no: "A" }]);
    const bad = line({ entryType: "Purchase", quantity: 1, unitCost: 1, sourceNo: "V1", sourceType: "Employee" as never });
    await expect(service.validateJournal([bad])).resolves.toEqual([expect.objectContaining({ line: 1, field: "sourceType" })]);
  });

  it("gives entries posted against an order the order's vendor or customer, and an undone receipt its original's", async () => {
    const { service } = await freshService([{ no: "A" }]);
    await service.order({ type: "Purchase", documentNo: "PO1", item: "A", location: "BLUE", quantity: 4, date: "2024-01-02", unitCost: 3, sourceNo: "V7" });
    await service.order({ type: "Sale", documentNo: "SO1", item: "A", location: "BLUE", quantity: 1, date: "2024-01-03", sourceNo: "C9" });
    await service.postJournal([
      line({ entryType: "Purchase", quantity: 4, documentNo: "PO1", invoicedQuantity: 0 }),
      line({ entryType: "Sale", quantity: 1, documentNo: "SO1" }),
      // A line naming its own customer wins over the order's (no order left here: plain line).
      line({ entryType: "Sale", quantity: 1, documentNo: "SO1", sourceNo: "C1" }),
    ]);
    await service.postJournal([line({ entryType: "Purchase", quantity: 2, unitCost: 3, documentNo: "PR9", invoicedQuantity: 0, sourceNo: "V8" })]);
    await service.undo({ date: "2024-01-04", entryNo: 4 });
    const entries = (await service.books(["A"])).get("A")?.entries ?? [];
    expect(entries.map((e) => [e.entryNo, e.sourceType, e.sourceNo])).toEqual([
      [1, "Vendor", "V7"],
      [2, "Customer", "C9"],
      [3, "Customer", "C1"],
      [4, "Vendor", "V8"],
      [5, "Vendor", "V8"],
    ]);
  });

  it("names the assembled item on consumption and output, and the trace rows and sheet show the sources", async () => {
    const { service } = await freshService([
      { no: "C", itemTracking: "Lot" },
      { no: "P", assemblyBOM: [{ item: "C", quantityPer: 2 }] },
    ]);
    await service.postJournal([line({ entryType: "Purchase", item: "C", quantity: 4, unitCost: 5, lotNo: "L1", sourceNo: "V1" })]);
    await service.assemble({ item: "P", location: "BLUE", quantity: 1, date: "2024-01-02", documentNo: "AO1", componentTracking: [{ item: "C", lotNo: "L1" }] });
    await service.postJournal([line({ entryType: "Sale", item: "P", quantity: 1, sourceNo: "C5" })]);
    const items = await service.items();
    const books = await service.books(items.map((i) => i.no));
    const rows = traceRows(books, { lotNo: "L1", direction: "Usage" });
    expect(rows.map((r) => [r.entry.entryNo, r.sourceType, r.sourceNo])).toEqual([
      [1, "Vendor", "V1"],
      [2, "Item", "P"],
      [3, "Item", "P"],
      [4, "Customer", "C5"],
    ]);
    const spec = itemTraceSpec(books, new Map(items.map((i) => [i.no, i])), { lotNo: "L1", direction: "Usage" });
    const type = ITEM_TRACE_COLUMNS.findIndex((c) => c.header === "Source Type");
    expect(spec.rows.map((r) => [r[type], r[type + 1]])).toEqual([["Vendor", "V1"], ["Item", "P"], ["Item", "P"], ["Customer", "C5"]]);
  });
});
