/**
 * The one commit interpreter (commitScope.ts) the function cache and the targeted refresh share
 * (excel.md §2.1 rule 2, §2.2): what a commit made stale, given the company seen before it.
 */
import { newCompany, type Company, type OrderLine } from "../../src/core/company";
import { CellRegistry } from "../../src/functions/cellRegistry";
import { CommitInterpreter, interpretCommit, type CommitScope } from "../../src/functions/commitScope";
import { DEFAULT_OPTIONS, type StockRequest } from "../../src/functions/arguments";
import { invRequestKey } from "../../src/functions/requests";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { FormulaRefresher } from "../../src/refresh/formulaRefresher";

function company(changes: Partial<Company> = {}): Company {
  return { ...newCompany("acme", "Acme", "2025-02-05"), locations: [{ code: "MAIN" } as Company["locations"][number]], ...changes };
}

function line(type: OrderLine["type"], item: string, quantity: number): OrderLine {
  return { type, documentNo: `${type}-1`, item, variant: "", location: "MAIN", newLocation: null, date: "2025-02-10", quantity, outstanding: quantity, unitCost: null, amount: null, carried: 0 };
}

const qty = (item: string): StockRequest => ({ fn: "QTY", item, asOf: null, location: "", basis: "posted", options: DEFAULT_OPTIONS });
const items = (scope: CommitScope) => (scope.items === "all" ? "all" : [...scope.items].sort());

test("books and cards written are the items touched, upper-cased; a card marks the catalogue", () => {
  const { scope } = interpretCommit({ items: ["a-1"], itemCards: ["b-2"] }, {});
  expect(items(scope)).toEqual(["A-1", "B-2"]);
  expect(scope).toMatchObject({ everything: false, cards: true, settings: false, ledger: false });
});

test("the first company seen is a baseline, not a change; a later work date is a settings change", () => {
  const interpreter = new CommitInterpreter();
  expect(interpreter.interpret({ company: company() })).toMatchObject({ settings: false, ledger: false });
  expect(interpreter.interpret({ company: company({ workDate: "2025-03-01" }) })).toMatchObject({ settings: true, ledger: false });
});

test("a posting's counters move the ledger stamp but not the settings", () => {
  const interpreter = new CommitInterpreter();
  interpreter.interpret({ company: company() });
  const posted = company({ ledgerVersion: 1, counters: { ...company().counters, lastGLEntryNo: 3 } });
  const scope = interpreter.interpret({ items: ["1000"], company: posted });
  expect(scope).toMatchObject({ settings: false, ledger: true, cards: false });
  expect(items(scope)).toEqual(["1000"]);
});

test("an order names its item only; an assembly order reaches every item", () => {
  const interpreter = new CommitInterpreter();
  interpreter.interpret({ company: company() });
  const sale = { "S-1": line("Sale", "2000", 1) };
  expect(items(interpreter.interpret({ company: company({ orderLines: sale }) }))).toEqual(["2000"]);
  const assembly = { ...sale, "A-1": line("Assembly", "4000", 1) };
  expect(items(interpreter.interpret({ company: company({ orderLines: assembly }) }))).toBe("all");
});

test("a restore, another company or a ledger version going back is everything", () => {
  expect(interpretCommit({ all: true }, {}).scope).toMatchObject({ everything: true, items: "all", settings: true });
  const seen = interpretCommit({ company: company({ ledgerVersion: 7 }) }, {}).after;
  expect(interpretCommit({ company: company({ ledgerVersion: 8 }) }, seen).scope.everything).toBe(false);
  expect(interpretCommit({ company: company({ ledgerVersion: 6 }) }, seen).scope.everything).toBe(true);
  expect(interpretCommit({ company: { ...company({ ledgerVersion: 9 }), id: "other" } }, seen).scope.everything).toBe(true);
});

test("the refresh is as wide as the cache: an assembly order recalculates every INV cell", async () => {
  const workbook = new MemoryWorkbook();
  const registry = new CellRegistry();
  registry.register("Stock!B2", [qty("1000")]);
  registry.register("Stock!B3", [qty("2000")]);
  const refresher = new FormulaRefresher(workbook, registry);
  refresher.noteChange({ company: company() });
  refresher.noteChange({ company: company({ orderLines: { "A-1": line("Assembly", "4000", 1) } }) });
  expect(await refresher.refreshChanged()).toMatchObject({ kind: "done", cells: 2 });
  expect(workbook.calculationRequests).toEqual([{ sheet: "Stock", areas: ["B2:B3"] }]);
});

test("a G/L line alone refreshes the cells of ledger-wide answers only", async () => {
  const workbook = new MemoryWorkbook();
  const registry = new CellRegistry();
  registry.register("GL!A1", [qty("GL")]);
  registry.register("Stock!B2", [qty("1000")]);
  // The cache says the answer in GL!A1 read the whole ledger (as INV.VERSION's does).
  const ledgerWide = invRequestKey(qty("GL"));
  const refresher = new FormulaRefresher(workbook, registry, { readBy: (key) => ({ items: new Set(), catalog: false, ledger: key === ledgerWide }) });
  refresher.noteChange({ company: company() });
  refresher.noteChange({ company: company({ counters: { ...company().counters, lastGLEntryNo: 1 } }) });
  expect(await refresher.refreshChanged()).toMatchObject({ kind: "done", cells: 1 });
  expect(workbook.calculationRequests).toEqual([{ sheet: "GL", areas: ["A1"] }]);
});
