import { quantityAt, valueAt } from "../../src/core/queries/stock";
import { freshService, line } from "./helpers";

describe("stock queries", () => {
  it("cuts quantity and value off at the posting date, expected cost only on request", async () => {
    const { service } = await freshService([{ no: "A" }]);
    await service.postJournal([
      line({ entryType: "Purchase", quantity: 4, unitCost: 10, postingDate: "2024-01-05" }),
      line({ entryType: "Purchase", quantity: 2, unitCost: 20, postingDate: "2024-01-10", invoicedQuantity: 0, location: "RED" }),
    ]);
    const book = (await service.books(["A"])).get("A");
    if (!book) throw new Error("no book");
    expect(quantityAt(book, { asOf: "2024-01-04" })).toBe(0);
    expect(quantityAt(book, { asOf: "2024-01-31" })).toBe(600_000);
    expect(quantityAt(book, { location: "RED" })).toBe(200_000);
    expect(valueAt(book, { asOf: "2024-01-31" })).toBe(4_000);
    expect(valueAt(book, { asOf: "2024-01-31", includeExpected: true })).toBe(8_000);
  });

  it("can cut value off by valuation date: a later item charge counts at its receipt's date", async () => {
    const { service } = await freshService([{ no: "A" }]);
    await service.postJournal([line({ entryType: "Purchase", quantity: 1, unitCost: 10, postingDate: "2024-01-05" })]);
    await service.itemCharge({ date: "2024-02-01", appliesToEntry: 1, amount: 2 });
    const book = (await service.books(["A"])).get("A");
    if (!book) throw new Error("no book");
    expect(valueAt(book, { asOf: "2024-01-31" })).toBe(1_000);
    expect(valueAt(book, { asOf: "2024-01-31", dateBasis: "valuation" })).toBe(1_200);
  });
});
