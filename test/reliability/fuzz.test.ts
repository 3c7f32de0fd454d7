/**
 * Issue 8, item 2: generated bad journal lines and import rows — wrong types, missing fields, huge,
 * negative and NaN numbers, unknown codes, dates out of range, text with formulas and markup. Every bad
 * line or row is refused by an error naming its row and the field, and the store is unchanged.
 * Default 1,000 journals × 10 lines and 1,000 imports × 10 rows (≥ 10,000 each); FUZZ_RUNS raises the
 * number of journals and imports, FC_SEED explores other seeds.
 */
import fc from "fast-check";
import { RefusedError, describeFieldError } from "../../src/core/errors";
import type { JournalLine } from "../../src/core/journal";
import type { LedgerStore } from "../../src/core/ports";
import { InventoryService } from "../../src/core/service/inventoryService";
import { demoStore } from "./helpers";

jest.setTimeout(120_000);

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const LINES_PER_RUN = 10;
const SEED = Number(process.env.FC_SEED ?? 20261125);

/** Text an attacker or a careless paste may put in a code field: formulas, markup, control characters. */
const HOSTILE_TEXT = [
  "=HYPERLINK(\"http://example.invalid\",\"x\")", "=1+1", "+SUM(A1:A9)", "-2+3", "@SUM(A1)", "=cmd|' /C calc'!A0",
  "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</td><b>bold</b>", "1000\u0000", " 1000 ", "10 00", "\u202e0001",
];
const hostileText = fc.oneof(fc.constantFrom(...HOSTILE_TEXT), fc.string({ minLength: 1, maxLength: 30 }).map((s) => `<${s}>`), fc.string({ minLength: 1, maxLength: 30 }).map((s) => `=${s}`));
const badNumber = fc.oneof(
  fc.constantFrom(Number.NaN, Infinity, -Infinity, 1e300, -1e300, Number.MAX_VALUE, 1e-9, 0.000001, 12.3456789),
  fc.double({ min: 1e16, max: 1e300, noNaN: true }),
);
const wrongType = fc.oneof(fc.constant(true), fc.constant({}), fc.constant([1]), fc.string({ minLength: 1, maxLength: 8 }).map((s) => `x${s}`));
const badDate = fc.oneof(
  fc.constantFrom("2025-13-01", "2025-02-30", "2025-00-10", "2025-1-5", "05/02/2025", "99999-01-01", "2025-02-05T10:00", "", "yesterday", "=TODAY()"),
  fc.integer({ min: 1, max: 80_000 }), // an Excel serial where ISO text is expected
);

interface Defect {
  field: string;
  apply(line: Record<string, unknown>): void;
}

const set = (field: string, value: unknown): Defect => ({ field, apply: (line) => void (line[field] = value) });
const drop = (field: string): Defect => ({ field, apply: (line) => void delete line[field] });

const journalDefect: fc.Arbitrary<Defect> = fc.oneof(
  fc.constantFrom("postingDate", "entryType", "item", "quantity").map(drop),
  badNumber.map((v) => set("quantity", v)),
  fc.integer({ min: -1_000_000, max: 0 }).map((v) => set("quantity", v)),
  wrongType.map((v) => set("quantity", v)),
  badNumber.map((v) => set("unitCost", v)),
  wrongType.map((v) => set("unitCost", v)),
  badNumber.filter((v) => !(v > 0 && v < 1e15)).map((v) => set("amount", v)),
  fc.constantFrom(-1, -0.5, 1.5, 0, Number.NaN, 2 ** 60).map((v) => set("appliesToEntry", v)),
  badDate.map((v) => set("postingDate", v)),
  badDate.filter((v) => v !== "").map((v) => set("expirationDate", v)),
  fc.oneof(hostileText, fc.constantFrom("Gift", "purchase", "", "Sale ")).map((v) => set("entryType", v)),
  fc.oneof(hostileText, fc.constantFrom("NOPE", "1000-X", "")).map((v) => set("item", v)),
  fc.oneof(hostileText, fc.constantFrom("WEST", "main")).map((v) => set("location", v)),
  fc.oneof(hostileText, fc.constantFrom("CRATE", "pcs")).map((v) => set("unitOfMeasure", v)),
  fc.oneof(hostileText, fc.constantFrom("V9")).map((v) => set("variant", v)),
  fc.integer({ min: 2, max: 1000 }).map((v) => set("invoicedQuantity", v)),
  wrongType.map((v) => set("documentNo", typeof v === "string" ? 42 : v)),
  fc.constantFrom("yes", 1, "true").map((v) => set("return", v)),
);

function baseLine(): Record<string, unknown> {
  return { postingDate: "2025-02-05", entryType: "Purchase", documentNo: "PR-FUZZ", item: "1000", location: "MAIN", quantity: 1, unitCost: 10 };
}

async function unchanged(store: LedgerStore, before: string): Promise<void> {
  expect(JSON.stringify(await store.exportAll())).toBe(before);
}

test(`${RUNS * LINES_PER_RUN} bad journal lines: each refused naming its line and field, nothing written`, async () => {
  const store = await demoStore();
  const service = new InventoryService(store);
  const before = JSON.stringify(await store.exportAll());
  let lines = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(journalDefect, { minLength: LINES_PER_RUN, maxLength: LINES_PER_RUN }), async (defects) => {
      const journal = defects.map((defect) => {
        const line = baseLine();
        defect.apply(line);
        return line as unknown as JournalLine;
      });
      const refusal = await service.postJournal(journal).then(() => null, (error: unknown) => error);
      expect(refusal).toBeInstanceOf(RefusedError);
      const errors = (refusal as RefusedError).errors;
      defects.forEach((defect, i) => {
        const mine = errors.filter((e) => e.line === i + 1);
        expect(mine.map((e) => e.field)).toContain(defect.field);
        for (const e of mine) expect(describeFieldError(e)).toMatch(new RegExp(`^line ${i + 1}, ${e.field}: \\S`));
      });
      expect(errors.every((e) => e.line !== undefined && e.field)).toBe(true);
      lines += journal.length;
      await unchanged(store, before);
    }),
    { numRuns: RUNS, seed: SEED },
  );
  expect(lines).toBeGreaterThanOrEqual(RUNS * LINES_PER_RUN);
  // The next valid posting still works.
  await expect(service.postJournal([baseLine() as unknown as JournalLine])).resolves.toMatchObject({ entries: 1 });
});

const HEADERS = ["No.", "Description", "Type", "Base Unit of Measure", "Costing Method", "Unit Cost", "Unit Price", "Item Category Code", "Blocked", "Item Tracking"];
const COLUMN: Record<string, number> = { no: 0, description: 1, type: 2, baseUnitOfMeasure: 3, costingMethod: 4, unitCost: 5, unitPrice: 6, category: 7, blocked: 8, itemTracking: 9 };

interface RowDefect {
  field: string;
  value: unknown;
}

const badCellNumber = fc.oneof(badNumber.filter((v) => !Number.isFinite(v) || v < 0), fc.constantFrom("abc", "1,5", "1e400", "-5", "12..3", "=A1*2", "<b>9</b>", true), fc.integer({ min: -1_000_000, max: -1 }));
const rowDefect: fc.Arbitrary<RowDefect> = fc.oneof(
  fc.constantFrom("", "123456789012345678901", " ").map((value) => ({ field: "no", value })),
  fc.integer({ min: 101, max: 400 }).map((n) => ({ field: "description", value: "<i>x</i>".repeat(Math.ceil(n / 8)) })),
  fc.oneof(hostileText, fc.constantFrom("Gadget", "Inventory!")).map((value) => ({ field: "type", value })),
  fc.oneof(hostileText, fc.constantFrom("CRATE", "pieces")).map((value) => ({ field: "baseUnitOfMeasure", value })),
  fc.oneof(hostileText, fc.constantFrom("FIFO-ish", "Avg", "<b>FIFO</b>")).map((value) => ({ field: "costingMethod", value })),
  badCellNumber.map((value) => ({ field: "unitCost", value })),
  badCellNumber.map((value) => ({ field: "unitPrice", value })),
  fc.oneof(hostileText, fc.constantFrom("TOOLS", "bikes")).map((value) => ({ field: "category", value })),
  fc.oneof(hostileText, fc.constantFrom("maybe", "2", "Y")).map((value) => ({ field: "blocked", value })),
  fc.oneof(hostileText, fc.constantFrom("Lots", "@Lot")).map((value) => ({ field: "itemTracking", value })),
);

test(`${RUNS * LINES_PER_RUN} bad import rows: each refused naming its row and field, nothing written`, async () => {
  const store = await demoStore();
  const service = new InventoryService(store);
  const before = JSON.stringify(await store.exportAll());
  let rows = 0;
  let run = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(rowDefect, { minLength: LINES_PER_RUN, maxLength: LINES_PER_RUN }), async (defects) => {
      run++;
      const sheet: unknown[][] = [HEADERS];
      for (const [i, defect] of defects.entries()) {
        const row: unknown[] = [`F${run}-${i}`, "Fuzzed item", "Inventory", "PCS", "FIFO", "10", "20", "BIKES", "No", "None"];
        row[COLUMN[defect.field]] = defect.value;
        sheet.push(row);
      }
      const errors = await service.importItems(sheet);
      defects.forEach((defect, i) => {
        const mine = errors.filter((e) => e.row === i + 2);
        // A blank No. is a missing No.; either way the error is on the row's "no" field.
        expect(mine.map((e) => e.field)).toContain(defect.field);
        for (const e of mine) expect(e.message.length).toBeGreaterThan(0);
      });
      expect(errors.every((e) => e.row >= 2 && e.field)).toBe(true);
      rows += defects.length;
      await unchanged(store, before);
    }),
    { numRuns: RUNS, seed: SEED },
  );
  expect(rows).toBeGreaterThanOrEqual(RUNS * LINES_PER_RUN);
});
