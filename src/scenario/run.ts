/**
 * Replays one scenario (scenarios/FORMAT.md) through InventoryService over a MemoryLedgerStore and
 * reports PASS or the first mismatch. A step with `expectError` must be refused with that text and
 * must leave the store JSON-equal to what it was before.
 */
import type { JournalLine } from "../core/journal";
import type { LedgerStore } from "../core/ports";
import type { ImportError } from "../core/inventory/itemImport";
import { undoAssemblyPosting } from "../core/service/assemblyCommands";
import { InventoryService } from "../core/service/inventoryService";
import type { CompanyInput, ItemInput } from "../core/service/inputs";
import { MemoryLedgerStore } from "../storage/memoryStore";
import { checkExpectations, Mismatch, type LedgerView } from "./compare";
import { formatProblems, type Scenario, type Step } from "./format";

export interface ScenarioResult {
  id: string;
  passed: boolean;
  /** The first mismatch or problem, for a FAIL line. */
  message?: string;
}

function setupOf(scenario: Scenario): { company: CompanyInput; items: ItemInput[] } {
  const setup = scenario.setup as Record<string, unknown>;
  const firstDate = scenario.steps.map((s) => s.date).find((d): d is string => typeof d === "string") ?? "2020-01-01";
  return {
    company: {
      id: scenario.id,
      name: scenario.id,
      workDate: firstDate,
      inventorySetup: setup.inventorySetup as CompanyInput["inventorySetup"],
      generalLedgerSetup: setup.generalLedgerSetup as CompanyInput["generalLedgerSetup"],
      accounts: setup.accounts as CompanyInput["accounts"],
      locations: setup.locations as CompanyInput["locations"],
      accountingPeriods: setup.accountingPeriods as string[] | undefined,
      responsibilityCenters: setup.responsibilityCenters as CompanyInput["responsibilityCenters"],
      categories: setup.categories as CompanyInput["categories"],
      nonstockItems: setup.nonstockItems as CompanyInput["nonstockItems"],
      nonstockSetup: setup.nonstockSetup as CompanyInput["nonstockSetup"],
    },
    items: (setup.items as ItemInput[] | undefined) ?? [],
  };
}

function journalLine(step: Step): JournalLine {
  const { op: _op, expectError: _e, expectAfter: _a, date, ...rest } = step;
  return { ...(rest as unknown as JournalLine), postingDate: date as string };
}

/** What steps leave for later expectations: the errors of the most recent importItems step. */
interface RunState {
  importErrors: ImportError[];
}

async function runStep(service: InventoryService, step: Step, state: RunState): Promise<void> {
  const s = step as unknown as Record<string, never>;
  switch (step.op) {
    case "post":
      await service.postJournal([journalLine(step)]);
      return;
    case "invoice":
      return service.invoice({ date: s.date, entryNo: s.entryNo, quantity: s.quantity, unitCost: s.unitCost });
    case "undo":
      return service.undo({ date: s.date, entryNo: s.entryNo });
    case "itemCharge":
      return service.itemCharge({ date: s.date, appliesToEntry: s.appliesToEntry, amount: s.amount });
    case "revalue":
      return service.revalue({
        date: s.date, item: s.item, location: s.location, entryNo: s.entryNo,
        newUnitCost: s.newUnitCost, newInventoryValue: s.newInventoryValue,
      });
    case "setStandardCost":
      return service.setStandardCost(s.item, s.standardCost);
    case "changeSetup":
      return service.changeSetup({ inventorySetup: s.inventorySetup, generalLedgerSetup: s.generalLedgerSetup });
    case "reapply":
      return service.reapply({ outboundEntryNo: s.outboundEntryNo, inboundEntryNo: s.inboundEntryNo });
    case "adjustCost":
      return void (await service.adjustCost({ item: s.item, untilDate: s.untilDate }));
    case "postInventoryCostToGL":
      return service.postInventoryCostToGL(s.date);
    case "closeInventoryPeriod":
      return service.closeInventoryPeriod(s.date);
    case "reopenInventoryPeriod":
      return service.reopenInventoryPeriod(s.date);
    default:
      return runInventoryStep(service, step, state);
  }
}

/** The inventory ops (inventory.md): counts, reservations, orders, transfers, assembly, item cards. */
async function runInventoryStep(service: InventoryService, step: Step, state: RunState): Promise<void> {
  const s = step as unknown as Record<string, never>;
  switch (step.op) {
    case "importItems":
      state.importErrors = await service.importItems(s.rows);
      return;
    case "physicalCount":
      await service.physicalCount({
        date: s.date, item: s.item, location: s.location, variant: s.variant, countedQuantity: s.countedQuantity,
        lotNo: s.lotNo, serialNo: s.serialNo, documentNo: s.documentNo,
      });
      return;
    case "reserve":
      return service.reserve({ documentNo: s.documentNo, quantity: s.quantity, from: s.from, lotNo: s.lotNo, serialNo: s.serialNo });
    case "cancelReservation":
      return service.cancelReservation(s.documentNo, s.quantity);
    case "convertNonstock":
      return service.convertNonstock(s.entryNo, s.itemNo);
    case "order":
      return service.order({
        type: s.type, documentNo: s.documentNo, item: s.item, nonstockEntryNo: s.nonstockEntryNo, variant: s.variant, location: s.location,
        newLocation: s.newLocation, quantity: s.quantity, date: s.date, unitCost: s.unitCost, amount: s.amount, sourceNo: s.sourceNo,
        qtyToAssembleToOrder: s.qtyToAssembleToOrder,
      });
    case "shipTransfer":
      return service.shipTransfer({
        documentNo: s.documentNo, item: s.item, variant: s.variant, location: s.location, newLocation: s.newLocation,
        inTransit: s.inTransit, quantity: s.quantity, date: s.date, lotNo: s.lotNo, serialNo: s.serialNo,
      });
    case "receiveTransfer":
      return service.receiveTransfer({ documentNo: s.documentNo, quantity: s.quantity, date: s.date, lotNo: s.lotNo, serialNo: s.serialNo });
    case "assemble":
      return service.assemble({
        item: s.item, location: s.location, quantity: s.quantity, date: s.date, documentNo: s.documentNo,
        lotNo: s.lotNo, serialNo: s.serialNo, componentTracking: s.componentTracking,
      });
    case "undoAssembly":
      return void (await undoAssemblyPosting(service, { outputEntryNo: s.entryNo, recreateOrder: s.recreateOrder }));
    case "updateItem":
      return service.updateItem(s.item, s.fields);
    default:
      throw new Mismatch(`op ${step.op} is not implemented`);
  }
}

async function view(service: InventoryService, lastDate: string, state: RunState): Promise<LedgerView> {
  const company = await service.company();
  const items = await service.items();
  const books = await service.books(items.map((i) => i.no));
  return { company, items: new Map(items.map((i) => [i.no, i])), books, lastDate, importErrors: state.importErrors };
}

/** The date of the last step up to `index` that has one. */
function lastDateOf(scenario: Scenario, index: number): string {
  for (let i = index; i >= 0; i -= 1) {
    const date = scenario.steps[i]?.date;
    if (typeof date === "string") return date;
  }
  return "9999-12-31";
}

async function runRefusedStep(store: LedgerStore, service: InventoryService, step: Step, path: string, state: RunState): Promise<void> {
  const before = JSON.stringify(await store.exportAll());
  const expected = String(step.expectError);
  try {
    await runStep(service, step, state);
  } catch (error) {
    if (error instanceof Mismatch) throw error;
    const message = (error as Error).message;
    if (!message.toLowerCase().includes(expected.toLowerCase())) {
      throw new Mismatch(`${path}.expectError expected "${expected}" actual "${message}"`);
    }
    if (JSON.stringify(await store.exportAll()) !== before) throw new Mismatch(`${path} was refused but wrote to the store`);
    return;
  }
  throw new Mismatch(`${path}.expectError expected "${expected}" actual accepted`);
}

/** `store` is an empty store to replay into (the in-memory one unless a test passes another). */
export async function runScenario(scenario: Scenario, store: LedgerStore = new MemoryLedgerStore()): Promise<ScenarioResult> {
  const problems = formatProblems(scenario);
  if (problems.length > 0) return { id: scenario.id, passed: false, message: problems[0] };
  const service = new InventoryService(store);
  const state: RunState = { importErrors: [] };
  try {
    const { company, items } = setupOf(scenario);
    await service.initCompany(company);
    await service.upsertItems(items);
    for (const [i, step] of scenario.steps.entries()) {
      const path = `steps[${i}] (${step.op})`;
      if (step.expectError !== undefined) await runRefusedStep(store, service, step, path, state);
      else {
        try {
          await runStep(service, step, state);
        } catch (error) {
          if (error instanceof Mismatch) throw error;
          throw new Mismatch(`${path} expected accepted actual refused: ${(error as Error).message}`);
        }
      }
      if (step.expectAfter) {
        checkExpectations(await view(service, lastDateOf(scenario, i), state), step.expectAfter as Record<string, unknown>, `${path}.expectAfter`);
      }
    }
    checkExpectations(await view(service, lastDateOf(scenario, scenario.steps.length - 1), state), scenario.expect ?? {}, "expect");
    return { id: scenario.id, passed: true };
  } catch (error) {
    const message = error instanceof Mismatch ? error.message : `engine error: ${(error as Error).stack ?? error}`;
    return { id: scenario.id, passed: false, message };
  }
}
