/**
 * Average cost by location (calc type Item & Location & Variant, Day periods) with transfers that
 * form a loop between groups (costing.md §8; the rule is in src/core/costing/averageDates.ts and
 * averageLoops.ts). Two readings settle such loops in one step:
 * - a transfer receipt is valued on its shipment's valuation date, and an outbound applied to it no
 *   earlier (Business Central's dating), so cost never flows back into an earlier period;
 * - receipts whose transfer lies on a loop of transfers within one period are left out of the
 *   receiving group's average of that period and come in at the sending group's average.
 * Every expected figure below is worked out by hand from those two rules, in the comments.
 */
import type { JournalLine } from "../../src/core/journal";
import type { ItemBook } from "../../src/core/book";
import { moneyToNumber } from "../../src/core/money";
import { totalCost } from "../../src/core/ledger/bookIndex";
import { freshService } from "./helpers";

const line = (fields: Partial<JournalLine>): JournalLine => ({ postingDate: "2024-01-01", item: "A", location: "BLUE", entryType: "Purchase", quantity: 1, ...fields });

async function adjusted(lines: JournalLine[], invoices: { entryNo: number; unitCost: number }[] = [], locations = ["BLUE", "RED"]) {
  const { store, service } = await freshService([{ no: "A", costingMethod: "Average" }], {
    locations: locations.map((code) => ({ code })),
    inventorySetup: { averageCostCalcType: "ItemLocationVariant", averageCostPeriod: "Day" },
  });
  await service.postJournal(lines);
  for (const invoice of invoices) await service.invoice({ date: "2024-02-01", ...invoice });
  await service.adjustCost();
  const ledger = async () => (await store.exportAll()).books.map((b) => [b.entries, b.values, b.applications]);
  const first = await ledger();
  await service.adjustCost();
  const book = (await service.books(["A"])).get("A") as ItemBook;
  return { book, secondRunChangedNothing: JSON.stringify(await ledger()) === JSON.stringify(first) };
}

const costs = (book: ItemBook): Record<number, number> =>
  Object.fromEntries(book.entries.map((e) => [e.entryNo, moneyToNumber(totalCost(book, e.entryNo))]));

const atLocation = (book: ItemBook, location: string) => {
  const entries = book.entries.filter((e) => e.location === location);
  return {
    quantity: entries.reduce((sum, e) => sum + e.quantity, 0) / 100_000,
    value: moneyToNumber(entries.reduce((sum, e) => sum + totalCost(book, e.entryNo), 0)),
  };
};

describe("Average cost by location: transfer loops settle", () => {
  it("the property test's counterexample (FC_SEED=-194566391): a shipment valued a day later than its receipt, negative stock, fixed returns, a partial invoice", async () => {
    const { book, secondRunChangedNothing } = await adjusted(
      [
        line({ postingDate: "2024-01-02", quantity: 6, unitCost: 1 }), // 1
        line({ postingDate: "2024-01-02", return: true, appliesToEntry: 1 }), // 2
        line({ entryType: "Transfer", newLocation: "RED", quantity: 5 }), // 3 → 4: takes 5 of entry 1, so valued 01-02
        line({ quantity: 4, unitCost: 1 }), // 5
        line({ return: true, quantity: 3, appliesToEntry: 5 }), // 6
        line({ location: "RED", quantity: 3, unitCost: 1, invoicedQuantity: 1 }), // 7, rest invoiced at 1.03
        line({ location: "RED", return: true, appliesToEntry: 7 }), // 8
        line({ location: "RED", entryType: "Transfer", newLocation: "BLUE" }), // 9 → 10: takes 1 of receipt 4
        line({ entryType: "Sale", quantity: 6 }), // 11: 1 of 5, 1 of 10, 4 beyond stock
      ],
      [{ entryNo: 7, unitCost: 1.03 }],
    );
    expect(secondRunChangedNothing).toBe(true);
    // Dates: 4 takes 3's date 01-02; 9 took from 4, so 01-02; 10 follows 9; 11 took from 10, so 01-02.
    // Fixed returns copy their receipts: 2 = −1.00, 6 = −3.00, 8 = −(1.00 + 2 × 1.03) / 3 = −1.02.
    // 01-02 has transfers BLUE→RED (3) and RED→BLUE (9): a loop, so receipts 4 and 10 stay out of the averages.
    // BLUE pool: 1 unit of 5 at 1.00 (01-01) + 5 units of 1 at 5.00 = 6 units, 6.00 → 1.00;
    //   3 = −round(5 × 1.00) = −5.00, 11 = −(round(11 × 1.00) − 5.00) = −6.00.
    // RED pool: 2 units of 7 at 3.06 − 1.02 = 2.04 → 1.02; 9 = −1.02 and 10 = +1.02; 4 = +5.00 from 3.
    expect(costs(book)).toEqual({ 1: 6, 2: -1, 3: -5, 4: 5, 5: 4, 6: -3, 7: 3.06, 8: -1.02, 9: -1.02, 10: 1.02, 11: -6 });
    // BLUE: 6 − 1 − 5 + 4 − 3 + 1 − 6 = −4 units, 6 − 1 − 5 + 4 − 3 + 1.02 − 6 = −3.98.
    expect(atLocation(book, "BLUE")).toEqual({ quantity: -4, value: -3.98 });
    // RED: 5 + 3 − 1 − 1 = 6 units, 5 + 3.06 − 1.02 − 1.02 = 6.02.
    expect(atLocation(book, "RED")).toEqual({ quantity: 6, value: 6.02 });
  });

  it("a back-dated shipment whose receipt is sent straight back while the sender runs short: the loop moves to the later day and is cut there", async () => {
    const { book, secondRunChangedNothing } = await adjusted([
      line({ postingDate: "2024-01-02", quantity: 6, unitCost: 1.1 }), // 1
      line({ postingDate: "2024-01-02", return: true, appliesToEntry: 1 }), // 2
      line({ entryType: "Transfer", newLocation: "RED", quantity: 5 }), // 3 → 4: takes the last 5 of entry 1, valued 01-02
      line({ unitCost: 1 }), // 5
      line({ location: "RED", quantity: 2, unitCost: 2.05 }), // 6
      line({ location: "RED", entryType: "Transfer", newLocation: "BLUE" }), // 7 → 8: takes 1 of receipt 4
      line({ entryType: "Sale", quantity: 6 }), // 9: 1 of 5, 1 of 8, 4 beyond stock
    ]);
    expect(secondRunChangedNothing).toBe(true);
    // Dated by posting dates alone, BLUE's 01-01 average (2 units, then −4) set its 01-02 opening,
    // whose average over 1 unit valued shipment 3; its receipt 4 in RED's 01-01 average valued 7,
    // hence receipt 8 in BLUE's 01-01 average: a loop across days with gain −10/7 that never settled.
    // Dated by the rule, 4, 7, 8 and 9 fall on 01-02, where transfers 3 and 7 loop: 4 and 8 stay out.
    // BLUE pool: 5 at 1.00 (01-01) + 5 units of 1 at 6.60 − 1.10 (return 2) = 6 units, 6.50;
    //   3 = −round(5 × 6.50 / 6) = −5.42, 9 = −(round(11 × 6.50 / 6) − 5.42) = −(11.92 − 5.42) = −6.50.
    // RED pool: 2 units of 6 at 4.10 → 2.05; 7 = −2.05, 8 = +2.05; 4 = +5.42 from 3.
    expect(costs(book)).toEqual({ 1: 6.6, 2: -1.1, 3: -5.42, 4: 5.42, 5: 1, 6: 4.1, 7: -2.05, 8: 2.05, 9: -6.5 });
    // BLUE: 6 − 1 − 5 + 1 + 1 − 6 = −4 units, 6.60 − 1.10 − 5.42 + 1.00 + 2.05 − 6.50 = −3.37.
    expect(atLocation(book, "BLUE")).toEqual({ quantity: -4, value: -3.37 });
    // RED: 5 + 2 − 1 = 6 units, 5.42 + 4.10 − 2.05 = 7.47.
    expect(atLocation(book, "RED")).toEqual({ quantity: 6, value: 7.47 });
  });

  it("a loop through three locations in one day: each receipt comes in at its sender's average and stays out of its own", async () => {
    const { book, secondRunChangedNothing } = await adjusted(
      [
        line({ quantity: 3, unitCost: 1 }), // 1
        line({ location: "RED", quantity: 3, unitCost: 2 }), // 2
        line({ location: "GREEN", quantity: 3, unitCost: 4 }), // 3
        line({ entryType: "Transfer", newLocation: "RED" }), // 4 → 5
        line({ location: "RED", entryType: "Transfer", newLocation: "GREEN" }), // 6 → 7
        line({ location: "GREEN", entryType: "Transfer", newLocation: "BLUE" }), // 8 → 9
        line({ entryType: "Sale", quantity: 2 }), // 10
      ],
      [],
      ["BLUE", "RED", "GREEN"],
    );
    expect(secondRunChangedNothing).toBe(true);
    // BLUE → RED → GREEN → BLUE on 01-01: receipts 5, 7 and 9 stay out of their groups' averages.
    // BLUE 3.00 / 3 = 1.00: 4 = −1.00, 10 = −(round(3 × 1.00) − 1.00) = −2.00; 5 = +1.00.
    // RED 6.00 / 3 = 2.00: 6 = −2.00, 7 = +2.00. GREEN 12.00 / 3 = 4.00: 8 = −4.00, 9 = +4.00.
    expect(costs(book)).toEqual({ 1: 3, 2: 6, 3: 12, 4: -1, 5: 1, 6: -2, 7: 2, 8: -4, 9: 4, 10: -2 });
    // BLUE keeps 1 unit worth 3 − 1 + 4 − 2 = 4.00; the receipt's cost difference stays in the group's balance.
    expect(atLocation(book, "BLUE")).toEqual({ quantity: 1, value: 4 });
    expect(atLocation(book, "RED")).toEqual({ quantity: 3, value: 5 });
    expect(atLocation(book, "GREEN")).toEqual({ quantity: 3, value: 10 });
  });
});
