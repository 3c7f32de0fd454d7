/**
 * The application service of the domain core: every command loads what it needs into a Workspace
 * inside one store transaction, runs the pure engine, checks the ledgers' health, and writes back
 * only the changed books, items, company and new G/L entries. A refusal (thrown) writes nothing.
 */
import type { ItemBook } from "../book";
import type { AdjustCostReport } from "../costing/adjustLog";
import type { Company } from "../company";
import { revalue, type RevalueInput } from "../costing/revaluation";
import { RefusedError, type FieldError } from "../errors";
import { postGenJournal, validateGenJournal, type GenJournalLine, type GenJournalPosting } from "../gl/generalJournal";
import { assembleToOrderComponents, assembleToOrderParents } from "../inventory/assembleToOrder";
import { importItems, type ImportError } from "../inventory/itemImport";
import { convertNonstock, nonstockItemNo } from "../inventory/nonstock";
import { createOrder, type OrderInput } from "../inventory/orders";
import { physicalCount, type PhysicalCountInput } from "../inventory/physicalCount";
import { cancelReservation, reserve, type ReserveInput } from "../inventory/reservations";
import { updateItem, upsertItem } from "../inventory/updateItem";
import type { JournalLine } from "../journal";
import type { LedgerReader, LedgerStore, LedgerTransaction } from "../ports";
import { assemble, type AssembleInput } from "../posting/assembly";
import { assignItemCharge, type ItemChargeInput } from "../posting/charge";
import { invoiceEntry, type InvoiceInput } from "../posting/invoice";
import { validateLines } from "../posting/line";
import { postLines } from "../posting/post";
import { reapply, type ReapplyInput } from "../posting/reapply";
import { receiveTransfer, shipTransfer, type ReceiveTransferInput, type ShipTransferInput } from "../posting/transferOrder";
import { undoEntry, type UndoInput } from "../posting/undo";
import type { GLEntry, IsoDate, Item } from "../types";
import { Workspace } from "../workspace";
import { finishCommand } from "./finish";
import { companyFromInput, itemFromInput, type CompanyInput, type ItemInput } from "./inputs";
import {
  adjustCost,
  changeSetup,
  closeInventoryPeriod,
  postInventoryCostToGL,
  reopenInventoryPeriod,
  setStandardCost,
  type AdjustCostInput,
  type SetupChange,
} from "./setupCommands";

export interface PostingSummary {
  firstEntryNo: number;
  lastEntryNo: number;
  entries: number;
  ledgerVersion: number;
}

/** What a command needs loaded: items by number (or all), and entry numbers whose owners to load. */
export interface Scope {
  /** "unadjusted": the items the store lists as needing cost adjustment (every item if it cannot say). */
  items: readonly string[] | "all" | "unadjusted";
  entries?: readonly number[];
  /** Also load the assembly parents of the items (for forwarding component cost, §9.2). */
  assemblyParents?: boolean;
  /** Also load the components of these items' assembly BOMs. */
  bomOf?: string | readonly string[];
  /** Sold items: those with an open assemble-to-order assembly order have their components loaded too. */
  assembleToOrderOf?: readonly string[];
}

export class InventoryService {
  constructor(readonly store: LedgerStore) {}

  async initCompany(input: CompanyInput): Promise<void> {
    await this.store.transact(async (tx) => {
      await tx.putCompany(companyFromInput(input));
    });
  }

  /** Creates or updates item cards; items with ledger entries keep their costing method and base unit. */
  async upsertItems(inputs: ItemInput[]): Promise<void> {
    const company = await this.store.read((tx) => tx.company());
    if (!company) {
      // Before initCompany there is no ledger: plain card writes.
      await this.store.transact(async (tx) => {
        const existing = new Map((await tx.items(inputs.map((i) => i.no))).map((i) => [i.no, i]));
        await tx.putItems(inputs.map((input) => itemFromInput(input, existing.get(input.no))));
      });
      return;
    }
    await this.command({ items: inputs.map((i) => i.no) }, (ws) => {
      for (const input of inputs) upsertItem(ws, input);
    });
  }

  async validateJournal(lines: JournalLine[]): Promise<FieldError[]> {
    return this.store.read(async (tx) => {
      const ws = await loadWorkspace(tx, journalScope(lines));
      return validateLines(ws, lines);
    });
  }

  async postJournal(lines: JournalLine[]): Promise<PostingSummary> {
    const { ws, first, last } = await this.command(journalScope(lines), (ws) => ({ ws, ...postLines(ws, lines) }));
    // The workspace's company carries the version the write-back gave it.
    return { firstEntryNo: first, lastEntryNo: last, entries: Math.max(0, last - first + 1), ledgerVersion: ws.company.ledgerVersion };
  }

  /** Manual G/L lines (general journal): validated, then posted as G/L entries in one transaction. */
  async validateGenJournal(lines: GenJournalLine[]): Promise<FieldError[]> {
    return this.inspect({ items: [] }, (ws) => validateGenJournal(ws, lines));
  }

  async postGenJournal(lines: GenJournalLine[]): Promise<GenJournalPosting> {
    return this.command({ items: [] }, (ws) => postGenJournal(ws, lines));
  }

  async invoice(input: InvoiceInput): Promise<void> {
    await this.command({ items: [], entries: [input.entryNo] }, (ws) => invoiceEntry(ws, input));
  }

  async undo(input: UndoInput): Promise<void> {
    // An assemble-to-order sale is undone with its assembly: load the components it consumed (inventory.md §14.3).
    const components = await this.inspect({ items: [], entries: [input.entryNo] }, (ws) => assembleToOrderComponents(ws, input.entryNo));
    await this.command({ items: components, entries: [input.entryNo] }, (ws) => void undoEntry(ws, input));
  }

  async itemCharge(input: ItemChargeInput): Promise<void> {
    await this.command({ items: [], entries: [input.appliesToEntry] }, (ws) => assignItemCharge(ws, input));
  }

  async revalue(input: RevalueInput): Promise<void> {
    const entries = input.entryNo !== undefined ? [input.entryNo] : [];
    await this.command({ items: [input.item], entries }, (ws) => revalue(ws, input));
  }

  async reapply(input: ReapplyInput): Promise<void> {
    await this.command({ items: [], entries: [input.outboundEntryNo, input.inboundEntryNo] }, (ws) => reapply(ws, input));
  }

  async setStandardCost(item: string, standardCost: number): Promise<void> {
    await this.command({ items: [item] }, (ws) => setStandardCost(ws, item, standardCost));
  }

  async changeSetup(change: SetupChange): Promise<void> {
    await this.command({ items: "all" }, (ws) => changeSetup(ws, change));
  }

  /** Adjust Cost – Item Entries; returns the run's log lines per item (tblCostAdjLog). */
  async adjustCost(input: AdjustCostInput = {}): Promise<AdjustCostReport> {
    // Company-wide, only items with adjustment work (and the assembly chains they feed) are loaded: the run
    // costs what the entries affected cost, not the ledger size (issue 7, P2).
    const scope: Scope = input.item !== undefined ? { items: [input.item], assemblyParents: true } : { items: "unadjusted", assemblyParents: true };
    return this.command(scope, (ws) => adjustCost(ws, input));
  }

  async assemble(input: AssembleInput): Promise<void> {
    await this.command({ items: [input.item], bomOf: input.item }, (ws) => void assemble(ws, input));
  }

  async postInventoryCostToGL(date?: IsoDate | null): Promise<void> {
    await this.command({ items: "all" }, (ws) => postInventoryCostToGL(ws, date));
  }

  async closeInventoryPeriod(date: IsoDate): Promise<void> {
    await this.command({ items: "all" }, (ws) => closeInventoryPeriod(ws, date));
  }

  async reopenInventoryPeriod(date: IsoDate): Promise<void> {
    await this.command({ items: [] }, (ws) => reopenInventoryPeriod(ws, date));
  }

  async physicalCount(input: PhysicalCountInput): Promise<number> {
    return this.command({ items: [input.item] }, (ws) => physicalCount(ws, input));
  }

  /**
   * Posts the differences of a whole count sheet as one transaction, as a physical inventory journal
   * posts: one refused line and nothing is posted; every refusal is reported under its 1-based line.
   */
  async physicalCounts(inputs: readonly PhysicalCountInput[]): Promise<number[]> {
    return this.command({ items: inputs.map((input) => input.item) }, (ws) => {
      const errors: FieldError[] = [];
      const posted = inputs.map((input, index) => {
        try {
          return physicalCount(ws, input);
        } catch (error) {
          if (!(error instanceof RefusedError)) throw error;
          errors.push(...error.errors.map((e) => ({ ...e, line: index + 1 })));
          return 0;
        }
      });
      if (errors.length > 0) throw new RefusedError(errors);
      return posted;
    });
  }

  async updateItem(no: string, fields: Omit<ItemInput, "no">): Promise<void> {
    await this.command({ items: [no] }, (ws) => updateItem(ws, no, fields));
  }

  /** Bulk item import (inventory.md §5): the errors, or none and the sheet written. */
  /** Validates every row once, inside the write transaction; any error aborts it, so nothing is written. */
  async importItems(rows: unknown[][]): Promise<ImportError[]> {
    try {
      return await this.command({ items: "all" }, (ws) => {
        const errors = importItems(ws, rows);
        if (errors.length > 0) throw new ImportRefused(errors);
        return errors;
      });
    } catch (error) {
      if (error instanceof ImportRefused) return error.errors;
      throw error;
    }
  }

  async order(input: OrderInput): Promise<void> {
    const items = [input.item, ...(await this.catalogNumbers(input.nonstockEntryNo))].filter((no): no is string => !!no);
    await this.command({ items }, (ws) => createOrder(ws, input));
  }

  async convertNonstock(entryNo: string, itemNo?: string): Promise<void> {
    const items = itemNo !== undefined ? [itemNo] : await this.catalogNumbers(entryNo);
    await this.command({ items }, (ws) => void convertNonstock(ws, entryNo, itemNo));
  }

  /** The item numbers a catalog item has or would get: loaded so that a taken number is refused. */
  private async catalogNumbers(entryNo: string | undefined): Promise<string[]> {
    if (entryNo === undefined) return [];
    const company = await this.company();
    const catalog = company.nonstockItems?.find((n) => n.entryNo === entryNo);
    return catalog ? [catalog.itemNo, nonstockItemNo(company, catalog)].filter((no): no is string => !!no) : [];
  }

  async reserve(input: ReserveInput): Promise<void> {
    const company = await this.company();
    const items = Object.values(company.orderLines ?? {}).filter((l) => l.documentNo === input.documentNo).map((l) => l.item);
    await this.command({ items }, (ws) => reserve(ws, input));
  }

  async cancelReservation(documentNo: string, quantity?: number): Promise<void> {
    await this.command({ items: [] }, (ws) => cancelReservation(ws, documentNo, quantity));
  }

  async shipTransfer(input: ShipTransferInput): Promise<void> {
    await this.command({ items: [input.item] }, (ws) => shipTransfer(ws, input));
  }

  async receiveTransfer(input: ReceiveTransferInput): Promise<void> {
    const company = await this.company();
    const item = company.transferShipments?.[input.documentNo]?.item;
    await this.command({ items: item ? [item] : [] }, (ws) => receiveTransfer(ws, input));
  }

  /** Runs engine work over a workspace in one transaction; nothing is written when it throws. */
  async command<T>(scope: Scope, work: (ws: Workspace) => T): Promise<T> {
    return this.store.transact(async (tx) => {
      const ws = await loadWorkspace(tx, scope);
      const result = work(ws);
      finishCommand(ws);
      await writeBack(tx, ws);
      return result;
    });
  }

  /** A read-only look at a workspace (for queries and expectations). */
  async inspect<T>(scope: Scope, work: (ws: Workspace) => T): Promise<T> {
    return this.store.read(async (tx) => work(await loadWorkspace(tx, scope)));
  }

  async company(): Promise<Company> {
    return this.store.read(async (tx) => requireCompany(await tx.company()));
  }

  async items(nos?: string[]): Promise<Item[]> {
    return this.store.read((tx) => tx.items(nos));
  }

  async books(nos: string[]): Promise<Map<string, ItemBook>> {
    return this.store.read((tx) => tx.books(nos));
  }

  async glEntries(): Promise<GLEntry[]> {
    return this.store.read((tx) => tx.glEntries());
  }
}

/** Items whose assembly BOM contains any of the items, at any depth. */
function assemblyParentsOf(items: readonly Item[], of: Set<string>): Set<string> {
  const found = new Set(of);
  for (let grew = true; grew; ) {
    grew = false;
    for (const item of items) {
      if (found.has(item.no) || !item.assemblyBOM?.some((line) => line.item !== undefined && found.has(line.item))) continue;
      found.add(item.no);
      grew = true;
    }
  }
  return found;
}

/** Aborts an import's transaction; the service returns the row errors instead of throwing them. */
class ImportRefused extends Error {
  constructor(readonly errors: ImportError[]) {
    super("import refused");
  }
}

/**
 * The items and entries a journal refers to. Lines come from sheets and callers as they are: anything
 * malformed is left out here and refused, naming its line and field, by the line validation.
 */
function journalScope(lines: readonly JournalLine[]): Scope {
  const wellFormed = (Array.isArray(lines) ? lines : []).filter((l): l is JournalLine => typeof l === "object" && l !== null);
  return {
    items: wellFormed.map((l) => l.item).filter((item): item is string => typeof item === "string"),
    entries: wellFormed.flatMap((l) => [l.appliesToEntry, l.appliesFromEntry].filter((n): n is number => Number.isSafeInteger(n))),
    // A shipment may assemble to order (inventory.md §14.3): see loadWorkspace.
    assembleToOrderOf: wellFormed.filter((l) => l.entryType === "Sale" && !l.return && typeof l.item === "string").map((l) => l.item),
  };
}

function requireCompany(company: Company | undefined): Company {
  if (!company) throw new RefusedError("The company is not set up: call initCompany first");
  return company;
}

export async function loadWorkspace(tx: LedgerReader, requested: Scope): Promise<Workspace> {
  const company = requireCompany(await tx.company());
  const scope = await resolveScope(tx, requested);
  const owners = new Map<number, string>();
  const wanted = new Set<string>(scope.items === "all" ? [] : scope.items);
  for (const entryNo of scope.entries ?? []) {
    const owner = await tx.entryOwner(entryNo);
    if (owner !== undefined) {
      owners.set(entryNo, owner);
      wanted.add(owner);
    }
  }
  const bomOf = [...(typeof scope.bomOf === "string" ? [scope.bomOf] : (scope.bomOf ?? [])), ...assembleToOrderParents(company, scope.assembleToOrderOf ?? [])];
  if (bomOf.length > 0) {
    for (const parent of await tx.items(bomOf)) {
      for (const line of parent.assemblyBOM ?? []) if (line.item !== undefined) wanted.add(line.item);
    }
  }
  // Forwarding reaches assembly parents when adjustment runs (always, or on request): load them too.
  if (scope.items !== "all" && (scope.assemblyParents || company.inventorySetup.automaticCostAdjustment === "Always")) {
    const all = await tx.items();
    const parents = assemblyParentsOf(all, wanted);
    // An output's cost is re-read from all of its consumption: load the parents' other components too.
    for (const item of all) {
      if (!parents.has(item.no)) continue;
      wanted.add(item.no);
      for (const line of item.assemblyBOM ?? []) if (line.item !== undefined) wanted.add(line.item);
    }
  }
  const items = await tx.items(scope.items === "all" ? undefined : [...wanted]);
  const books = await tx.books(items.map((i) => i.no));
  return new Workspace(company, new Map(items.map((i) => [i.no, i])), books, owners);
}

async function resolveScope(tx: LedgerReader, scope: Scope): Promise<Scope & { items: readonly string[] | "all" }> {
  if (scope.items !== "unadjusted") return { ...scope, items: scope.items };
  return { ...scope, items: tx.unadjustedItems ? await tx.unadjustedItems() : "all" };
}

async function writeBack(tx: LedgerTransaction, ws: Workspace): Promise<void> {
  const books = [...ws.changedBooks].map((no) => ws.book(no)).filter((b): b is ItemBook => !!b);
  for (const book of books) {
    const item = ws.item(book.item);
    if (item && item.unitCost !== book.unitCost) {
      item.unitCost = book.unitCost;
      ws.changedItems.add(item.no);
    }
  }
  if (books.length > 0 || ws.changedItems.size > 0 || ws.companyChanged) {
    ws.company.ledgerVersion += 1;
    ws.companyChanged = true;
  }
  if (books.length > 0) await tx.putBooks(books);
  const items = [...ws.changedItems].map((no) => ws.item(no)).filter((i): i is Item => !!i);
  if (items.length > 0) await tx.putItems(items);
  if (ws.newGLEntries.length > 0) await tx.appendGLEntries(ws.newGLEntries);
  if (ws.companyChanged) await tx.putCompany(ws.company);
}
