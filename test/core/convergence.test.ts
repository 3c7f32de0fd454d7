/**
 * Average valuations that feed back into themselves (a sales return copying a sale valued in a
 * later period) alternate between two states a cent apart; adjustment settles on one of them and a
 * second run writes nothing. Cases found by the property tests.
 */
import type { JournalLine } from "../../src/core/journal";
import { freshService } from "./helpers";

const at = (fields: Partial<JournalLine>): JournalLine => ({ postingDate: "2024-01-01", item: "A", location: "BLUE", entryType: "Purchase", quantity: 1, ...fields });

const cases: [string, "Item" | "ItemLocationVariant", JournalLine[], { entryNo: number; unitCost: number }[]][] = [
  [
    "transfer out of a sales return whose sale is valued later (by location)",
    "ItemLocationVariant",
    [
      at({ postingDate: "2024-01-02", unitCost: 1, invoicedQuantity: 0 }),
      at({ entryType: "Sale" }),
      at({ entryType: "Sale", return: true, appliesFromEntry: 2 }),
      at({ entryType: "Transfer", newLocation: "RED" }),
      at({ unitCost: 1 }),
    ],
    [{ entryNo: 1, unitCost: 1.01 }],
  ],
  [
    "sale drawing on a sales return of a sale valued later (by item)",
    "Item",
    [
      at({ unitCost: 1 }),
      at({ postingDate: "2024-01-02", unitCost: 1.01 }),
      at({ entryType: "Sale", quantity: 2 }),
      at({ entryType: "Sale", return: true, appliesFromEntry: 3 }),
      at({ entryType: "Sale" }),
      at({ unitCost: 1 }),
      at({ return: true, appliesToEntry: 6 }),
    ],
    [],
  ],
];

describe("Average adjustment that feeds back into itself", () => {
  it.each(cases)("settles and a second run writes nothing: %s", async (_name, calcType, lines, invoices) => {
    const { store, service } = await freshService([{ no: "A", costingMethod: "Average" }], { inventorySetup: { averageCostCalcType: calcType } });
    await service.postJournal(lines);
    for (const invoice of invoices) await service.invoice({ date: "2024-02-01", ...invoice });
    await service.adjustCost();
    const book = (await service.books(["A"])).get("A");
    expect(book?.costIsAdjusted).toBe(true);
    const first = (await store.exportAll()).books.map((b) => b.values);
    await service.adjustCost();
    expect((await store.exportAll()).books.map((b) => b.values)).toEqual(first);
  });
});
