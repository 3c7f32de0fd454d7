/** Small builders for store and function tests: an item card, item ledger and value entries, G/L lines. */
import { emptyBook, type ItemBook } from "../../src/core/book";
import { newCompany, type Company } from "../../src/core/company";
import { money, qty } from "../../src/core/money";
import type { GLEntry, Item, ItemLedgerEntry, ValueEntry } from "../../src/core/types";
import { valueEntryFor } from "../excel/ledgerFixtures";

export function makeCompany(workDate = "2025-02-05", locations: string[] = ["MAIN", "EAST"]): Company {
  const company = newCompany("DEMO", "Demo company", workDate);
  company.locations = locations.map((code) => ({ code, inTransit: false }));
  return company;
}

export function makeItem(no: string, description = `Item ${no}`): Item {
  return {
    no,
    description,
    type: "Inventory",
    costingMethod: "FIFO",
    baseUnitOfMeasure: "PCS",
    unitsOfMeasure: [{ code: "PCS", qtyPerUnit: qty(1), qtyRoundingPrecision: 0 }],
    variants: [],
    unitCost: 0,
    standardCost: 0,
    unitPrice: 0,
    indirectCostPercent: 0,
    overheadRate: 0,
    blocked: false,
    salesBlocked: false,
    purchasingBlocked: false,
    itemTracking: "None",
    category: null,
    attributes: {},
  };
}

export interface Movement {
  entryNo: number;
  date: string;
  quantity: number;
  cost: number;
  location?: string;
}

export function makeEntry(item: string, m: Movement): ItemLedgerEntry {
  const quantity = qty(m.quantity);
  return {
    entryNo: m.entryNo,
    entryType: m.quantity >= 0 ? "Purchase" : "Sale",
    postingDate: m.date,
    documentNo: `DOC-${m.entryNo}`,
    item,
    variant: "",
    location: m.location ?? "MAIN",
    quantity,
    remainingQuantity: quantity > 0 ? quantity : 0,
    invoicedQuantity: quantity,
    open: quantity > 0,
    positive: quantity > 0,
    appliesToEntry: null,
    appliesFromEntry: null,
    correction: false,
    serialNo: null,
    lotNo: null,
    expirationDate: null,
    inventoriable: true,
    lineUnitCost: null,
  };
}

/** The entry's one value entry, fully invoiced and posted to the G/L (cost in currency units). */
export function makeValueEntry(entry: ItemLedgerEntry, valueEntryNo: number, cost: number): ValueEntry {
  return valueEntryFor(entry, valueEntryNo, money(cost), { invoicedQuantity: entry.quantity });
}

/** A book with one value entry per item ledger entry (value entry number = entry number). */
export function makeBook(item: string, movements: Movement[], version = 1): ItemBook {
  const book = emptyBook(item, 0);
  for (const m of movements) {
    const entry = makeEntry(item, m);
    book.entries.push(entry);
    book.values.push(makeValueEntry(entry, m.entryNo, m.cost));
  }
  book.version = version;
  return book;
}

export function makeGLEntry(entryNo: number, amount = 1): GLEntry {
  return {
    entryNo,
    postingDate: "2025-01-31",
    accountNo: entryNo % 2 === 0 ? "2130" : "7290",
    amount: money(amount),
    documentNo: `GL-${entryNo}`,
    valueEntryNo: entryNo,
    description: `G/L entry ${entryNo}`,
  };
}
