import fc from "fast-check";
import type { JournalLine } from "../../src/core/journal";
import { totalCost } from "../../src/core/ledger/bookIndex";
import type { ItemBook } from "../../src/core/book";
import { shareOfInbound, sharesOfOutbound } from "../../src/core/costing/shares";
import { reconcile } from "../../src/core/gl/reconcile";
import type { CostingMethod, ItemLedgerEntry } from "../../src/core/types";
import type { StoreSnapshot } from "../../src/core/ports";
import { freshService } from "./helpers";

// CI replays one fixed seed so a red run is reproducible; explore other journals with FC_SEED (and
// RICH_RUNS). FC_SEED=-194566391 was a transfer loop that Average by location did not settle; it is now a
// regression test with hand-worked figures (averageCycle.test.ts).
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261125) });

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

/**
 * A richer journal (costing issue item 5): Specific items with one serial per unit, outbounds beyond
 * stock, postings out of date order, partial invoices completed later, purchase returns fixed-applied
 * to their receipt and sales returns cost-applied from their shipment.
 */
interface Step {
  kind: "buy" | "sell" | "move";
  location: "BLUE" | "RED";
  quantity: number;
  unitCost: number;
  invoiceCost: number;
  day: number;
  partial: boolean;
  returned: number;
  beyondStock: boolean;
}

const stepArb: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom<Step["kind"]>("buy", "buy", "sell", "sell", "move"),
  location: fc.constantFrom<Step["location"]>("BLUE", "RED"),
  quantity: fc.integer({ min: 1, max: 6 }),
  unitCost: fc.integer({ min: 100, max: 9999 }).map((cents) => cents / 100),
  invoiceCost: fc.integer({ min: 100, max: 9999 }).map((cents) => cents / 100),
  day: fc.integer({ min: 1, max: 28 }),
  partial: fc.boolean(),
  returned: fc.integer({ min: 0, max: 3 }),
  beyondStock: fc.boolean(),
});

interface Plan {
  lines: JournalLine[];
  /** Entries posted partly invoiced, with the invoice that completes them. */
  invoices: { entryNo: number; unitCost?: number }[];
  /** Expected Σ quantity per location, in base units of 1e-5. */
  stock: Record<string, number>;
}

const dateOf = (day: number): string => `2024-01-${String(day).padStart(2, "0")}`;

/** Tracks entry numbers as the engine assigns them: one per line, two per transfer. */
class Planner {
  readonly plan: Plan = { lines: [], invoices: [], stock: { BLUE: 0, RED: 0 } };
  private next = 1;
  readonly serials: Record<string, string[]> = { BLUE: [], RED: [] };
  private serialNo = 0;

  add(line: JournalLine, invoiceCost?: number): number {
    const entryNo = this.next;
    this.plan.lines.push(line);
    this.next += line.entryType === "Transfer" ? 2 : 1;
    const sign = ["Purchase", "PositiveAdjmt"].includes(line.entryType) !== (line.return ?? false) ? 1 : -1;
    this.plan.stock[line.location] += (line.entryType === "Transfer" ? -1 : sign) * line.quantity * 100_000;
    if (line.newLocation) this.plan.stock[line.newLocation] += line.quantity * 100_000;
    if (line.invoicedQuantity !== undefined && line.invoicedQuantity < line.quantity) {
      this.plan.invoices.push({ entryNo, unitCost: line.entryType === "Purchase" ? invoiceCost : undefined });
    }
    return entryNo;
  }

  units(location: string): number {
    return this.plan.stock[location] / 100_000;
  }

  newSerial(): string {
    this.serialNo += 1;
    return `SN${this.serialNo}`;
  }
}

function plainStep(p: Planner, step: Step, setup: Setup): void {
  const base = { postingDate: dateOf(step.day), item: "A", location: step.location };
  const other = step.location === "BLUE" ? "RED" : "BLUE";
  const invoicedQuantity = step.partial ? Math.floor(step.quantity / 2) : undefined;
  const before = p.units(step.location);
  if (step.kind === "buy") {
    const receipt = p.add({ ...base, entryType: "Purchase", quantity: step.quantity, unitCost: step.unitCost, invoicedQuantity }, step.invoiceCost);
    // A receipt that closed negative stock has less left than its quantity: return only from a clean one.
    const returned = Math.min(step.returned, step.quantity);
    if (returned > 0 && before >= 0) p.add({ ...base, entryType: "Purchase", return: true, quantity: returned, appliesToEntry: receipt });
    return;
  }
  if (step.kind === "sell") {
    const quantity = step.beyondStock && setup.negativeStock ? step.quantity : Math.min(step.quantity, before);
    if (quantity <= 0) return;
    const shipment = p.add({ ...base, entryType: "Sale", quantity, invoicedQuantity: step.partial ? Math.floor(quantity / 2) : undefined });
    const returned = Math.min(step.returned, quantity);
    if (returned > 0 && before >= quantity && setup.salesReturns) p.add({ ...base, entryType: "Sale", return: true, quantity: returned, appliesFromEntry: shipment });
    return;
  }
  const quantity = Math.min(step.quantity, before);
  if (quantity > 0) p.add({ ...base, entryType: "Transfer", newLocation: other, quantity });
}

/** Specific items: one line per serial; outbounds name a serial in stock. */
function serialStep(p: Planner, step: Step): void {
  const base = { postingDate: dateOf(step.day), item: "A", location: step.location, quantity: 1 };
  const here = p.serials[step.location];
  const other = step.location === "BLUE" ? "RED" : "BLUE";
  if (step.kind === "buy") {
    for (let unit = 0; unit < step.quantity; unit += 1) {
      const serialNo = p.newSerial();
      const partial = step.partial && unit % 2 === 0;
      const receipt = p.add({ ...base, entryType: "Purchase", serialNo, unitCost: step.unitCost, invoicedQuantity: partial ? 0 : undefined }, step.invoiceCost);
      if (unit < step.returned) p.add({ ...base, entryType: "Purchase", return: true, serialNo, appliesToEntry: receipt });
      else here.push(serialNo);
    }
    return;
  }
  for (let unit = 0; unit < step.quantity && here.length > 0; unit += 1) {
    const serialNo = here.shift() as string;
    if (step.kind === "move") {
      p.add({ ...base, entryType: "Transfer", newLocation: other, serialNo });
      p.serials[other].push(serialNo);
      continue;
    }
    const shipment = p.add({ ...base, entryType: "Sale", serialNo, invoicedQuantity: step.partial ? 0 : undefined });
    if (unit < step.returned) {
      p.add({ ...base, entryType: "Sale", return: true, serialNo, appliesFromEntry: shipment });
      here.push(serialNo);
    }
  }
}

interface Setup {
  method: CostingMethod;
  calcType: "Item" | "ItemLocationVariant";
  negativeStock: boolean;
  salesReturns: boolean;
}

function planOf(steps: Step[], setup: Setup): Plan {
  const planner = new Planner();
  for (const step of steps) {
    if (setup.method === "Specific") serialStep(planner, step);
    else plainStep(planner, step, setup);
  }
  return planner.plan;
}

async function serviceFor(setup: Setup, expectedCostPosting = false) {
  const item = { no: "A", costingMethod: setup.method, standardCost: 7.77, itemTracking: setup.method === "Specific" ? ("Serial" as const) : ("None" as const) };
  return freshService([item], { inventorySetup: { averageCostCalcType: setup.calcType, expectedCostPosting } });
}

const setups: [string, Setup][] = [
  ["FIFO", { method: "FIFO", calcType: "Item", negativeStock: true, salesReturns: true }],
  ["LIFO", { method: "LIFO", calcType: "Item", negativeStock: true, salesReturns: true }],
  ["Standard", { method: "Standard", calcType: "Item", negativeStock: true, salesReturns: true }],
  ["Specific", { method: "Specific", calcType: "Item", negativeStock: false, salesReturns: true }],
  ["Average by location", { method: "Average", calcType: "ItemLocationVariant", negativeStock: true, salesReturns: true }],
  ["Average by item", { method: "Average", calcType: "Item", negativeStock: true, salesReturns: true }],
];

/** Outbounds valued by their applications: all of them, except Average ones that are not fixed-applied (§8.2). */
const valuedByApplications = (method: CostingMethod, entry: ItemLedgerEntry): boolean => method !== "Average" || entry.appliesToEntry !== null;

describe.each(setups)("ledger properties with returns, serials, negative stock and partial invoices (%s)", (_name, setup) => {
  const method = setup.method;
  it("conserves quantity per location, and a batch writes the same ledgers as its lines one by one", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 14 }), async (steps) => {
        const plan = planOf(steps, setup);
        if (plan.lines.length === 0) return;
        const batch = await serviceFor(setup);
        await batch.service.postJournal(plan.lines);
        const book = (await batch.service.books(["A"])).get("A");
        expect(book?.entries.length).toBe(plan.lines.reduce((n, l) => n + (l.entryType === "Transfer" ? 2 : 1), 0));
        for (const location of ["BLUE", "RED"]) {
          const entries = book?.entries.filter((e) => e.location === location) ?? [];
          expect(entries.reduce((s, e) => s + e.quantity, 0)).toBe(plan.stock[location]);
          expect(entries.reduce((s, e) => s + e.remainingQuantity, 0)).toBe(plan.stock[location]);
        }
        const single = await serviceFor(setup);
        for (const line of plan.lines) await single.service.postJournal([line]);
        expect(ledgers(await single.store.exportAll())).toEqual(ledgers(await batch.store.exportAll()));
      }),
      { numRuns: Number(process.env.RICH_RUNS ?? 25) },
    );
  });

  it("ends where one adjustment run ends when adjustment runs automatically after every posting", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 10 }), async (steps) => {
        const plan = planOf(steps, setup);
        if (plan.lines.length === 0) return;
        const costs = async (automatic: boolean) => {
          const item = { no: "A", costingMethod: setup.method, standardCost: 7.77, itemTracking: setup.method === "Specific" ? ("Serial" as const) : ("None" as const) };
          const { service } = await freshService([item], {
            inventorySetup: { averageCostCalcType: setup.calcType, automaticCostAdjustment: automatic ? "Always" : "Never" },
          });
          for (const line of plan.lines) await service.postJournal([line]);
          for (const { entryNo, unitCost } of plan.invoices) await service.invoice({ date: "2024-02-01", entryNo, unitCost });
          if (!automatic) await service.adjustCost();
          const book = (await service.books(["A"])).get("A") as ItemBook;
          return { open: book.entries.some((e) => e.remainingQuantity < 0), costs: book.entries.map((e) => [e.entryNo, totalCost(book, e.entryNo)]) };
        };
        const once = await costs(false);
        // An outbound still unapplied keeps the card cost of its posting time (§6.2, §9.3), and the
        // card cost depends on when adjustment last ran (§16.3): compare only ledgers without one.
        if (once.open) return;
        expect((await costs(true)).costs).toEqual(once.costs);
      }),
      { numRuns: Math.ceil(Number(process.env.RICH_RUNS ?? 25) / 2) },
    );
  });

  it("after invoicing and adjustment: consumed receipts keep 0, closed outbounds carry their shares, a second run changes nothing, G/L reconciles to 0", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 14 }), fc.boolean(), fc.boolean(), async (steps, expectedCostPosting, postEarly) => {
        const plan = planOf(steps, setup);
        if (plan.lines.length === 0) return;
        const { store, service } = await serviceFor(setup, expectedCostPosting);
        await service.postJournal(plan.lines);
        // Posting to the G/L before the invoices puts expected cost on the interim accounts first (§15).
        if (postEarly) await service.postInventoryCostToGL();
        for (const { entryNo, unitCost } of plan.invoices) await service.invoice({ date: "2024-02-01", entryNo, unitCost });
        await service.adjustCost();
        const book = (await service.books(["A"])).get("A") as ItemBook;
        const entry = (no: number) => book.entries.find((e) => e.entryNo === no) ?? null;
        for (const e of book.entries) expect(e.invoicedQuantity).toBe(e.quantity);
        for (const inbound of book.entries.filter((e) => e.positive && e.remainingQuantity === 0)) {
          const applications = book.applications.filter((a) => a.inboundEntryNo === inbound.entryNo && a.outboundEntryNo !== 0 && !a.costApplication);
          if (!applications.every((a) => valuedByApplications(method, entry(a.outboundEntryNo) as ItemLedgerEntry))) continue;
          const shares = applications.reduce((s, a) => s + shareOfInbound(book, inbound, entry(a.outboundEntryNo), a.quantity).total, 0);
          expect({ inbound: inbound.entryNo, remainingValue: totalCost(book, inbound.entryNo) + shares }).toEqual({ inbound: inbound.entryNo, remainingValue: 0 });
        }
        for (const outbound of book.entries.filter((e) => !e.positive && e.remainingQuantity === 0 && valuedByApplications(method, e))) {
          expect({ outbound: outbound.entryNo, cost: totalCost(book, outbound.entryNo) }).toEqual({ outbound: outbound.entryNo, cost: sharesOfOutbound(book, outbound).total });
        }
        const adjusted = ledgers(await store.exportAll());
        await service.adjustCost();
        expect(ledgers(await store.exportAll())).toEqual(adjusted);
        await service.postInventoryCostToGL();
        const books = [...(await service.books(["A"])).values()];
        expect(reconcile(await service.company(), books)).toEqual({ inventoryDifference: 0, interimDifference: 0, difference: 0 });
      }),
      { numRuns: Number(process.env.RICH_RUNS ?? 25) },
    );
  });
});
