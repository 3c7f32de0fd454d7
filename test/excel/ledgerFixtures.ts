/** Synthetic ledgers for sheet tests (scaled integers as the engine stores them). */
import type { ItemLedgerEntry, ValueEntry } from "../../src/core/types";

export function ledgerEntry(entryNo: number, overrides: Partial<ItemLedgerEntry> = {}): ItemLedgerEntry {
  const inbound = entryNo % 3 !== 0;
  const quantity = (inbound ? 1 : -1) * ((entryNo % 17) + 1) * 100_000 + (entryNo % 7 === 0 ? 50_000 : 0);
  return {
    entryNo,
    entryType: inbound ? "Purchase" : "Sale",
    postingDate: `2025-${String((entryNo % 12) + 1).padStart(2, "0")}-${String((entryNo % 28) + 1).padStart(2, "0")}`,
    documentNo: `DOC-${String(entryNo).padStart(7, "0")}`,
    item: `ITEM-${String(entryNo % 5000).padStart(5, "0")}`,
    variant: "",
    location: entryNo % 2 === 0 ? "MAIN" : "EAST",
    quantity,
    remainingQuantity: inbound ? Math.floor(quantity / 2) : 0,
    invoicedQuantity: quantity,
    open: inbound,
    positive: inbound,
    appliesToEntry: null,
    appliesFromEntry: null,
    correction: false,
    serialNo: null,
    lotNo: entryNo % 10 === 0 ? `LOT-${entryNo}` : null,
    expirationDate: entryNo % 10 === 0 ? "2026-03-31" : null,
    inventoriable: true,
    lineUnitCost: null,
    ...overrides,
  };
}

export function valueEntryFor(entry: ItemLedgerEntry, entryNo: number, costAmountActual: number, overrides: Partial<ValueEntry> = {}): ValueEntry {
  return {
    entryNo,
    itemLedgerEntryNo: entry.entryNo,
    itemLedgerEntryType: entry.entryType,
    item: entry.item,
    location: entry.location,
    variant: entry.variant,
    entryType: "DirectCost",
    postingDate: entry.postingDate,
    valuationDate: entry.postingDate,
    documentNo: entry.documentNo,
    itemLedgerEntryQuantity: entry.quantity,
    valuedQuantity: entry.quantity,
    invoicedQuantity: entry.invoicedQuantity,
    costAmountActual,
    costAmountExpected: 0,
    salesAmountActual: 0,
    expectedCost: false,
    adjustment: false,
    appliesToValueEntry: null,
    valuedByAverageCost: false,
    inventoriable: true,
    itemChargeNo: null,
    costPostedToGL: costAmountActual,
    expectedCostPostedToGL: 0,
    ...overrides,
  };
}
