import fc from "fast-check";
import { isIsoDate } from "../../src/core/dates";
import { RefusedError, type FieldError } from "../../src/core/errors";
import type { JournalLine } from "../../src/core/journal";
import type { InventoryService } from "../../src/core/service/inventoryService";
import type { MemoryLedgerStore } from "../../src/storage/memoryStore";
import { freshService, line } from "./helpers";

/** Posts the lines, expects a refusal, and returns its errors after checking that nothing was written. */
async function refusal(store: MemoryLedgerStore, service: InventoryService, lines: unknown[]): Promise<FieldError[]> {
  const before = await store.exportAll();
  let caught: unknown;
  try {
    await service.postJournal(lines as JournalLine[]);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(RefusedError);
  expect(await store.exportAll()).toEqual(before);
  return (caught as RefusedError).errors;
}

const fieldsOf = (errors: FieldError[]): string[] => errors.map((e) => `${e.line}:${e.field}`).sort();

describe("isIsoDate", () => {
  it("accepts real calendar days only", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2024-12-31")).toBe(true);
    for (const bad of ["2023-02-29", "2024-13-45", "2024-00-10", "2024-04-31", "2024-1-1", "24-01-01", " 2024-01-01", "2024-01-01T00:00", 20240101, null]) {
      expect(isIsoDate(bad)).toBe(false);
    }
  });
});

describe("journal line validation", () => {
  it("refuses each bad field of the review, naming line and field, and writes nothing", async () => {
    const { store, service } = await freshService([{ no: "A" }]);
    const cases: [Partial<Record<keyof JournalLine, unknown>>, string][] = [
      [{ entryType: "Bogus" }, "entryType"],
      [{ postingDate: "2024-13-45" }, "postingDate"],
      [{ quantity: 1e-7 }, "quantity"],
      [{ quantity: 1.000001 }, "quantity"],
      [{ invoicedQuantity: -3 }, "invoicedQuantity"],
      [{ invoicedQuantity: 6 }, "invoicedQuantity"],
      [{ unitCost: "abc" }, "unitCost"],
      [{ unitCost: NaN }, "unitCost"],
      [{ unitCost: Infinity }, "unitCost"],
      [{ unitCost: 1.123456 }, "unitCost"],
      [{ amount: 10.005 }, "amount"],
      [{ amount: 1e300 }, "amount"],
      [{ quantity: 1e9, invoicedQuantity: 1e9, unitCost: 1e9 }, "unitCost"],
      [{ appliesToEntry: 1.5 }, "appliesToEntry"],
      [{ appliesFromEntry: -1 }, "appliesFromEntry"],
      [{ expirationDate: "2024-02-30" }, "expirationDate"],
      [{ item: 42 }, "item"],
      [{ return: "yes" }, "return"],
    ];
    for (const [fields, field] of cases) {
      const errors = await refusal(store, service, [{ ...line({ entryType: "Purchase", quantity: 5, unitCost: 2 }), ...fields, lineNo: 7 }]);
      expect(errors).toEqual([expect.objectContaining({ line: 7, field })]);
      expect(errors[0].message).not.toBe("");
    }
  });

  it("refuses a line that is not a line at all (null, a number) by its position, and writes nothing", async () => {
    const { store, service } = await freshService([{ no: "A" }]);
    const errors = await refusal(store, service, [line({ entryType: "Purchase", quantity: 5, unitCost: 2 }), null, 42]);
    expect(errors.map((e) => e.line)).toEqual([2, 3]);
    expect(await service.validateJournal([null] as unknown as JournalLine[])).toEqual([expect.objectContaining({ line: 1 })]);
  });

  it("reports every error of the batch together, each under its own line", async () => {
    const { store, service } = await freshService([{ no: "A" }]);
    const errors = await refusal(store, service, [
      line({ entryType: "Purchase", quantity: 5, unitCost: 2 }),
      { ...line({ entryType: "Purchase", quantity: 5 }), postingDate: "2024-02-30", unitCost: "x" },
      line({ entryType: "Sale", quantity: 0, item: "NOPE" }),
    ]);
    expect(fieldsOf(errors)).toEqual(["2:postingDate", "2:unitCost", "3:item", "3:quantity"]);
    expect(new RefusedError(errors).message).toMatch(/line 2, postingDate: '2024-02-30' is not a calendar date/);
  });

  it("refuses a quantity that rounds to 0 base units and one finer than the unit's precision", async () => {
    const { store, service } = await freshService([
      { no: "A", unitsOfMeasure: [{ code: "PCS", qtyPerUnit: 1, qtyRoundingPrecision: 1 }, { code: "BOX", qtyPerUnit: 12 }] },
    ]);
    const errors = await refusal(store, service, [line({ entryType: "Purchase", quantity: 0.5, unitCost: 1, unitOfMeasure: "PCS" })]);
    expect(errors).toEqual([expect.objectContaining({ line: 1, field: "quantity" })]);
  });

  it("accepts the finest quantity and unit cost the scales hold, and blank optional cells", async () => {
    const { service } = await freshService([{ no: "A" }]);
    const blank = { unitAmount: null, appliesToEntry: null, serialNo: null } as unknown as Partial<JournalLine>;
    await service.postJournal([{ ...line({ entryType: "Purchase", quantity: 0.00001, unitCost: 1.00001, invoicedQuantity: 0 }), ...blank }]);
    const [book] = (await service.books(["A"])).values();
    expect(book.entries[0].quantity).toBe(1);
    expect(book.entries[0].invoicedQuantity).toBe(0);
  });

  it("reports a malformed line number under the line's position", async () => {
    const { store, service } = await freshService([{ no: "A" }]);
    const errors = await refusal(store, service, [{ ...line({ entryType: "Purchase", quantity: 1, unitCost: 1 }), lineNo: "=1+1" }]);
    expect(errors).toEqual([expect.objectContaining({ line: 1, field: "lineNo" })]);
  });
});

const HOSTILE = ["=cmd|' /C calc'!A0", "+SUM(A1:A9)", "@HYPERLINK(\"x\")", "<script>alert(1)</script>", "<b>A</b>", "", " ", "A\u0000", "Ω".repeat(300)];

/** One field made bad: the generator returns the field it broke and the bad value. */
const badField: fc.Arbitrary<[keyof JournalLine, unknown]> = fc.oneof(
  fc.tuple(fc.constant("entryType" as const), fc.oneof(fc.constantFrom(...HOSTILE, "purchase", "Bogus", 1, null, true))),
  fc.tuple(
    fc.constantFrom("postingDate" as const, "expirationDate" as const),
    fc.oneof(fc.constantFrom("2024-13-45", "2023-02-29", "2024-04-31", "01/02/2024", "2024-1-1", ...HOSTILE, 45292, false), fc.date().map((d) => d)),
  ),
  fc.tuple(fc.constant("postingDate" as const), fc.constantFrom(null, undefined)),
  fc.tuple(
    fc.constantFrom("quantity" as const, "invoicedQuantity" as const, "unitCost" as const, "amount" as const, "unitAmount" as const, "unitPrice" as const),
    fc.oneof(
      fc.constantFrom(NaN, Infinity, -Infinity, 1e300, -1e300, 9.007e15, 1e-7, 0.000001, "abc", "5", ...HOSTILE, true, {}, []),
      fc.double({ min: 1e-9, max: 1e-6, noNaN: true }),
      fc.integer({ min: 1, max: 99 }).map((n) => n + 0.0000011),
    ),
  ),
  fc.tuple(fc.constant("quantity" as const), fc.oneof(fc.constantFrom(0, -0, null, undefined), fc.integer({ min: -1e6, max: -1 }))),
  fc.tuple(fc.constant("invoicedQuantity" as const), fc.oneof(fc.integer({ min: -1e6, max: -1 }), fc.integer({ min: 11, max: 1e6 }))),
  fc.tuple(fc.constant("amount" as const), fc.constantFrom(0.001, 12.345, 1e-3)),
  fc.tuple(
    fc.constantFrom("appliesToEntry" as const, "appliesFromEntry" as const),
    fc.oneof(fc.constantFrom(0, -1, 1.5, NaN, Infinity, "1", ...HOSTILE, 2 ** 60), fc.integer({ max: 0 })),
  ),
  fc.tuple(
    fc.constantFrom("item" as const, "location" as const, "variant" as const, "unitOfMeasure" as const, "responsibilityCenter" as const),
    fc.oneof(fc.constantFrom(...HOSTILE.filter((s) => s.trim() !== ""), "NOPE"), fc.constantFrom(1, true, {}, [])),
  ),
  fc.tuple(fc.constant("item" as const), fc.constantFrom(null, undefined)),
  fc.tuple(fc.constantFrom("documentNo" as const, "serialNo" as const, "lotNo" as const), fc.constantFrom(1, true, {}, [], NaN)),
  fc.tuple(fc.constant("return" as const), fc.constantFrom("true", 1, 0, "=TRUE()")),
);

describe("journal validation fuzz", () => {
  it("refuses 2,000 generated bad lines, naming line and field, with the store unchanged", async () => {
    const { store, service } = await freshService([{ no: "A" }]);
    await service.postJournal([line({ entryType: "Purchase", quantity: 10, unitCost: 3 })]);
    const before = await store.exportAll();
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(badField, fc.integer({ min: 1, max: 500 }), fc.boolean(), async ([field, value], lineNo, withGoodLine) => {
        const good = line({ entryType: "Purchase", quantity: 10, unitCost: 3, invoicedQuantity: 10, lineNo: 1 });
        const bad: Record<string, unknown> = { ...line({ entryType: "Sale", quantity: 10, invoicedQuantity: 10 }), lineNo: lineNo + 1, [field]: value };
        if (value === undefined) delete bad[field];
        const batch = withGoodLine ? [good, bad] : [bad];
        const errors = await refusal(store, service, batch);
        refused += 1;
        expect(errors.length).toBeGreaterThan(0);
        for (const error of errors) {
          expect(error.line).toBe(lineNo + 1);
          expect(typeof error.field).toBe("string");
          expect(error.message.length).toBeGreaterThan(0);
        }
        expect(errors.map((e) => e.field)).toContain(field);
        expect(new RefusedError(errors).message).toContain(`line ${lineNo + 1}, ${field}:`);
      }),
      { numRuns: 2000 },
    );
    expect(refused).toBe(2000);
    expect(await store.exportAll()).toEqual(before);
  });
});
