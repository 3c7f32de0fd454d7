import fc from "fast-check";
import type { JournalLine } from "../../src/core/journal";
import { totalCost } from "../../src/core/ledger/bookIndex";
import { shareOfInbound } from "../../src/core/costing/shares";
import type { CostingMethod } from "../../src/core/types";
import type { StoreSnapshot } from "../../src/core/ports";
import { freshService } from "./helpers";

interface Move {
  kind: "buy" | "sell" | "move";
  location: "BLUE" | "RED";
  quantity: number;
  unitCost: number;
  day: number;
}

const moveArb: fc.Arbitrary<Move> = fc.record({
  kind: fc.constantFrom<Move["kind"]>("buy", "buy", "sell", "move"),
  location: fc.constantFrom<Move["location"]>("BLUE", "RED"),
  quantity: fc.integer({ min: 1, max: 9 }),
  unitCost: fc.integer({ min: 100, max: 9999 }).map((cents) => cents / 100),
  day: fc.integer({ min: 1, max: 28 }),
});

/** Journal lines for the moves, in date order; outbounds never exceed what the location holds. */
function linesOf(moves: Move[]): JournalLine[] {
  const stock: Record<string, number> = { BLUE: 0, RED: 0 };
  const lines: JournalLine[] = [];
  for (const move of [...moves].sort((a, b) => a.day - b.day)) {
    const postingDate = `2024-01-${String(move.day).padStart(2, "0")}`;
    const other = move.location === "BLUE" ? "RED" : "BLUE";
    if (move.kind === "buy") {
      lines.push({ postingDate, entryType: "Purchase", item: "A", location: move.location, quantity: move.quantity, amount: Math.round(move.unitCost * 300) / 100 });
      stock[move.location] += move.quantity;
      continue;
    }
    const quantity = Math.min(move.quantity, stock[move.location]);
    if (quantity === 0) continue;
    stock[move.location] -= quantity;
    if (move.kind === "sell") lines.push({ postingDate, entryType: "Sale", item: "A", location: move.location, quantity });
    else {
      lines.push({ postingDate, entryType: "Transfer", item: "A", location: move.location, newLocation: other, quantity });
      stock[other] += quantity;
    }
  }
  return lines;
}

const methods: CostingMethod[] = ["FIFO", "LIFO", "Average", "Standard"];

/** The ledgers without version counters, for comparing two ways of getting to the same state. */
function ledgers(snapshot: StoreSnapshot) {
  return snapshot.books.map((b) => ({ entries: b.entries, values: b.values, applications: b.applications }));
}

describe.each(methods)("ledger properties (%s)", (method) => {
  it("conserves quantity per location and keeps remaining quantities equal to stock", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(moveArb, { minLength: 1, maxLength: 25 }), async (moves) => {
        const lines = linesOf(moves);
        const { service } = await freshService([{ no: "A", costingMethod: method, standardCost: 7.77 }]);
        if (lines.length === 0) return;
        await service.postJournal(lines);
        const book = (await service.books(["A"])).get("A");
        for (const location of ["BLUE", "RED"]) {
          const posted = lines.reduce((sum, l) => {
            const sign = l.entryType === "Purchase" ? 1 : -1;
            const here = l.location === location ? sign * l.quantity : 0;
            const arriving = l.entryType === "Transfer" && l.newLocation === location ? l.quantity : 0;
            return sum + here + arriving;
          }, 0);
          const entries = book?.entries.filter((e) => e.location === location) ?? [];
          expect(entries.reduce((s, e) => s + e.quantity, 0)).toBe(Math.round(posted * 100_000));
          expect(entries.reduce((s, e) => s + e.remainingQuantity, 0)).toBe(Math.round(posted * 100_000));
        }
      }),
      { numRuns: 40 },
    );
  });

  it("leaves zero value once everything bought is gone, and every consumed FIFO/LIFO receipt at exactly 0", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(moveArb, { minLength: 1, maxLength: 25 }), async (moves) => {
        const lines = linesOf(moves);
        if (lines.length === 0) return;
        const last = lines[lines.length - 1].postingDate;
        const { service } = await freshService([{ no: "A", costingMethod: method, standardCost: 7.77 }]);
        await service.postJournal(lines);
        // Sell whatever is left so that the item ends at zero quantity.
        const book0 = (await service.books(["A"])).get("A");
        const closing: JournalLine[] = [];
        for (const location of ["BLUE", "RED"]) {
          const left = (book0?.entries ?? []).filter((e) => e.location === location).reduce((s, e) => s + e.quantity, 0);
          if (left > 0) closing.push({ postingDate: last, entryType: "Sale", item: "A", location, quantity: left / 100_000 });
        }
        if (closing.length > 0) await service.postJournal(closing);
        await service.adjustCost();
        const book = (await service.books(["A"])).get("A");
        if (!book) return;
        expect(book.values.reduce((s, v) => s + v.costAmountActual + v.costAmountExpected, 0)).toBe(0);
        if (method === "Average") return;
        // A fully consumed receipt forwards its whole cost: its cost (incl. Rounding) plus the shares it gave is 0.
        for (const entry of book.entries.filter((e) => e.positive)) {
          const applications = book.applications.filter((a) => a.inboundEntryNo === entry.entryNo && a.outboundEntryNo !== 0);
          expect(applications.reduce((s, a) => s - a.quantity, 0)).toBe(entry.quantity);
          const shares = applications.reduce((s, a) => {
            const outbound = book.entries.find((e) => e.entryNo === a.outboundEntryNo) ?? null;
            return s + shareOfInbound(book, entry, outbound, a.quantity).total;
          }, 0);
          expect(totalCost(book, entry.entryNo) + shares).toBe(0);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("changes nothing when adjustment runs twice, and adjusting after every posting ends where one run does", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(moveArb, { minLength: 1, maxLength: 20 }), async (moves) => {
        const lines = linesOf(moves);
        if (lines.length === 0) return;
        const once = await freshService([{ no: "A", costingMethod: method, standardCost: 7.77 }]);
        for (const line of lines) await once.service.postJournal([line]);
        await once.service.adjustCost();
        const afterFirst = ledgers(await once.store.exportAll());
        await once.service.adjustCost();
        expect(ledgers(await once.store.exportAll())).toEqual(afterFirst);

        const always = await freshService([{ no: "A", costingMethod: method, standardCost: 7.77 }], { inventorySetup: { automaticCostAdjustment: "Always" } });
        for (const line of lines) await always.service.postJournal([line]);
        const costs = async (service: typeof once.service) => {
          const book = (await service.books(["A"])).get("A");
          return (book?.entries ?? []).map((e) => totalCost(book!, e.entryNo));
        };
        expect(await costs(always.service)).toEqual(await costs(once.service));
      }),
      { numRuns: 30 },
    );
  });

  it("writes the same ledgers for one batch as for the same lines posted one by one", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(moveArb, { minLength: 1, maxLength: 20 }), async (moves) => {
        const lines = linesOf(moves);
        if (lines.length === 0) return;
        const batch = await freshService([{ no: "A", costingMethod: method, standardCost: 7.77 }]);
        await batch.service.postJournal(lines);
        const single = await freshService([{ no: "A", costingMethod: method, standardCost: 7.77 }]);
        for (const line of lines) await single.service.postJournal([line]);
        expect(ledgers(await batch.store.exportAll())).toEqual(ledgers(await single.store.exportAll()));
      }),
      { numRuns: 30 },
    );
  });
});
