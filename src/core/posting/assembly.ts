/**
 * Assembly posting (costing.md §4.9, inventory.md §14.2): one AssemblyConsumption entry per BOM
 * item line, in BOM order, applied and valued like any outbound; resource lines add their cost
 * without an entry; then the AssemblyOutput entry of the parent at the consumed cost plus
 * resources and overhead (Standard parents at standard cost with a material Variance).
 */
import { applyOutbound } from "../application/apply";
import { refreshCardCost } from "../costing/cardCost";
import { outboundEstimate } from "../costing/estimate";
import { averageGroupKey, markAverage, markEntry } from "../costing/marks";
import { openInBucket, valuesOf } from "../ledger/bookIndex";
import { amountOf, mulDivRound, QTY_SCALE, qty, roundToStep, type Money, type Qty } from "../money";
import type { IsoDate, Item, ItemLedgerEntry } from "../types";
import type { Workspace } from "../workspace";
import { createEntry, createValue } from "./entries";
import { consumeOrder, openOrder } from "../inventory/orders";
import { checkOpenPeriod, refuse, requireItem } from "./guards";
import { createInbound, finishInbound } from "./inbound";
import { outboundValuationDate, indirectCost } from "./values";

export interface AssembleInput {
  item: string;
  location: string;
  quantity: number;
  date: IsoDate;
  documentNo?: string;
  lotNo?: string;
  serialNo?: string;
  componentTracking?: { item: string; lotNo?: string; serialNo?: string; quantity?: number }[];
}

interface Component {
  item: Item;
  quantity: Qty;
  lotNo: string | null;
  serialNo: string | null;
}

function baseRounded(item: Item, quantity: Qty): Qty {
  const precision = item.unitsOfMeasure.find((u) => u.code === item.baseUnitOfMeasure)?.qtyRoundingPrecision ?? 0;
  return roundToStep(quantity, precision);
}

/** Checks the parent, the components and their stock (§17, inventory.md §14.2 step 1). */
function componentsOf(ws: Workspace, parent: Item, q: Qty, input: AssembleInput): Component[] {
  const components: Component[] = [];
  for (const line of parent.assemblyBOM ?? []) {
    if (!line.item) continue;
    const item = requireItem(ws, line.item);
    if (item.blocked) refuse(`Item ${item.no} is blocked`, "item");
    if (item.type === "Service") refuse(`Item ${item.no} is not an inventory item: assembly consumption is not allowed for item type Service`, "item");
    const quantity = baseRounded(item, mulDivRound(q, line.quantityPer, QTY_SCALE));
    const tracking = input.componentTracking?.find((t) => t.item === item.no);
    components.push({ item, quantity, lotNo: tracking?.lotNo ?? null, serialNo: tracking?.serialNo ?? null });
    if (item.type !== "Inventory") continue;
    const book = ws.book(item.no);
    const available = book
      ? openInBucket(book, { location: input.location, variant: "" }, true)
          .filter((e) => (tracking?.lotNo === undefined || e.lotNo === tracking.lotNo) && (tracking?.serialNo === undefined || e.serialNo === tracking.serialNo))
          .reduce((sum, e) => sum + e.remainingQuantity, 0)
      : 0;
    if (available < quantity) refuse(`Item ${item.no} is not available at ${input.location} in the quantity needed for the assembly`, "quantity");
  }
  return components;
}

function postConsumption(ws: Workspace, component: Component, input: AssembleInput): ItemLedgerEntry {
  const { item } = component;
  const book = ws.bookForUpdate(item.no);
  const inventoriable = item.type === "Inventory";
  const entry = createEntry(ws, book, {
    entryType: "AssemblyConsumption",
    postingDate: input.date,
    documentNo: input.documentNo ?? "",
    item: item.no,
    variant: "",
    location: input.location,
    quantity: -component.quantity,
    appliesToEntry: null,
    appliesFromEntry: null,
    correction: false,
    serialNo: component.serialNo,
    lotNo: component.lotNo,
    expirationDate: null,
    inventoriable,
    lineUnitCost: item.costingMethod === "Standard" ? item.standardCost : book.unitCost,
    // BC names the assembled item as the source of every entry of an assembly posting.
    sourceType: "Item",
    sourceNo: input.item,
  });
  if (inventoriable) applyOutbound(ws, book, entry, item.costingMethod);
  const cost = outboundEstimate({ item, book, outbound: entry, lineCost: null, isTransfer: false });
  createValue(ws, book, entry, {
    entryType: "DirectCost",
    postingDate: input.date,
    valuationDate: outboundValuationDate(book, entry),
    valuedQuantity: entry.quantity,
    invoicedQuantity: entry.quantity,
    costAmountActual: cost,
    valuedByAverageCost: item.costingMethod === "Average" && inventoriable,
  });
  if (inventoriable) {
    markEntry(book, entry.entryNo);
    if (item.costingMethod === "Average") markAverage(book, averageGroupKey(ws.company.inventorySetup, entry), outboundValuationDate(book, entry));
  }
  return entry;
}

/** Current cost of a consumption entry, non-inventoriable components included (Rounding left out). */
export function consumedCost(ws: Workspace, item: string, entryNo: number): Money {
  const book = ws.book(item);
  if (!book) return 0;
  return valuesOf(book, entryNo).reduce(
    (sum, v) => sum + (v.entryType === "Rounding" ? 0 : v.costAmountActual + v.costAmountExpected + (v.costAmountNonInventoriable ?? 0)),
    0,
  );
}

/** Values the output: direct = consumed cost + resources, overhead (§13), Standard variance (§12). */
export function writeOutputValue(ws: Workspace, parent: Item, output: ItemLedgerEntry, consumed: Money, resourceCost: Money): void {
  const book = ws.bookForUpdate(parent.no);
  const direct = consumed + resourceCost;
  const q = output.quantity;
  const base = { postingDate: output.postingDate, valuationDate: output.postingDate, valuedQuantity: q, invoicedQuantity: q };
  createValue(ws, book, output, { ...base, entryType: "DirectCost", costAmountActual: direct });
  const indirect = indirectCost(parent, direct, q);
  if (indirect !== 0) createValue(ws, book, output, { ...base, entryType: "IndirectCost", costAmountActual: indirect });
  if (parent.costingMethod === "Standard") {
    const variance = amountOf(q, parent.standardCost) - direct - indirect;
    if (variance !== 0) createValue(ws, book, output, { ...base, entryType: "Variance", costAmountActual: variance });
  }
}

export function assemble(ws: Workspace, input: AssembleInput): ItemLedgerEntry {
  const parent = requireItem(ws, input.item);
  if (parent.blocked) refuse(`Item ${parent.no} is blocked`, "item");
  if (parent.type !== "Inventory") refuse(`Item ${parent.no} is not an inventory item: assembly output is not allowed for item type ${parent.type}`, "item");
  if (!parent.assemblyBOM || parent.assemblyBOM.length === 0) refuse(`Item ${parent.no} has no assembly bill of materials`, "item");
  if (!(input.quantity > 0)) refuse("Quantity must be positive", "quantity");
  const location = ws.company.locations.find((l) => l.code === input.location);
  if (!location) refuse(`Location ${input.location} does not exist`, "location");
  if (location?.inTransit) refuse(`Location ${input.location} is an in-transit location and cannot be used for an assembly`, "location");
  checkOpenPeriod(ws, input.date);
  const q = qty(input.quantity);
  const order = openOrder(ws, input.documentNo, parent.no, "Assembly");
  if (order) consumeOrder(ws, order, q);
  const consumption = componentsOf(ws, parent, q, input).map((component) => postConsumption(ws, component, input));
  const resourceCost = (parent.assemblyBOM ?? [])
    .filter((line) => line.resource)
    .reduce((sum, line) => sum + amountOf(mulDivRound(q, line.quantityPer, QTY_SCALE), line.unitCost ?? 0), 0);
  const book = ws.bookForUpdate(parent.no);
  const { inbound: output, closed } = createInbound(ws, book, {
    entryType: "AssemblyOutput",
    postingDate: input.date,
    documentNo: input.documentNo ?? "",
    item: parent.no,
    variant: "",
    location: input.location,
    quantity: q,
    appliesToEntry: null,
    appliesFromEntry: null,
    correction: false,
    serialNo: input.serialNo ?? null,
    lotNo: input.lotNo ?? null,
    expirationDate: null,
    inventoriable: true,
    lineUnitCost: null,
    sourceType: "Item",
    sourceNo: parent.no,
  }, null);
  output.assembly = { consumption: consumption.map((c) => ({ item: c.item, entryNo: c.entryNo })), resourceCost, ...(order && { orderDate: order.date }) };
  for (const entry of consumption) entry.assemblyOutput = { item: parent.no, entryNo: output.entryNo };
  const consumed = -consumption.reduce((sum, c) => sum + consumedCost(ws, c.item, c.entryNo), 0);
  writeOutputValue(ws, parent, output, consumed, resourceCost);
  markEntry(book, output.entryNo);
  finishInbound(ws, book, parent, output, closed);
  refreshCardCost(book, parent, ws.company.inventorySetup);
  return output;
}
