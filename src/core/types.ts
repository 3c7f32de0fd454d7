/**
 * The domain model: master data, setup and the three ledgers of the reference (item ledger entries,
 * value entries, item application entries) plus G/L entries. Quantities, amounts and unit costs are
 * scaled integers (see money.ts); dates are ISO `yyyy-mm-dd` strings, which sort as dates.
 */
import type { Money, Qty, UnitCost } from "./money";

export type IsoDate = string;

export type CostingMethod = "FIFO" | "LIFO" | "Average" | "Standard" | "Specific";
export type ItemType = "Inventory" | "NonInventory" | "Service";
export type ItemTracking = "None" | "Serial" | "Lot" | "SerialAndLot";

export interface UnitOfMeasure {
  code: string;
  /** Base units per one of this unit, scaled like a quantity. */
  qtyPerUnit: Qty;
  /** Rounding precision of quantities in this unit, scaled like a quantity (0 = none). */
  qtyRoundingPrecision: Qty;
}

/** One line of an assembly BOM (inventory.md §14.1): an item component or a resource. */
export interface AssemblyBOMLine {
  item?: string;
  resource?: string;
  /** Base units (or hours) per one parent, scaled like a quantity. */
  quantityPer: Qty;
  /** Resource lines: cost per hour. */
  unitCost?: UnitCost;
}

export interface Item {
  no: string;
  description: string;
  type: ItemType;
  costingMethod: CostingMethod;
  baseUnitOfMeasure: string;
  unitsOfMeasure: UnitOfMeasure[];
  variants: string[];
  unitCost: UnitCost;
  standardCost: UnitCost;
  unitPrice: UnitCost;
  /** Percent, scaled like a unit cost (5% = 5 × 1e5). */
  indirectCostPercent: UnitCost;
  overheadRate: UnitCost;
  blocked: boolean;
  salesBlocked: boolean;
  purchasingBlocked: boolean;
  itemTracking: ItemTracking;
  /** Inbound lots/serials new to inventory need an expiration date (inventory.md §10.3). */
  requireExpirationDate?: boolean;
  /** Outbound postings of expired lots/serials are refused (inventory.md §10.3). */
  strictExpirationPosting?: boolean;
  category: string | null;
  attributes: Record<string, string | number | boolean>;
  assemblyBOM?: AssemblyBOMLine[];
  /** Assemble-to-Order: a sales line of the item gets a linked assembly order (inventory.md §14.3); default to stock. */
  assemblyPolicy?: "AssembleToStock" | "AssembleToOrder";
  /** Created by converting a catalog (nonstock) item (inventory.md §4). */
  createdFromNonstock?: boolean;
}

export interface Location {
  code: string;
  inTransit: boolean;
}

export type AverageCostPeriod = "Day" | "Week" | "Month" | "Quarter" | "Year" | "AccountingPeriod";

export interface InventorySetup {
  automaticCostAdjustment: "Never" | "Always";
  automaticCostPosting: boolean;
  expectedCostPosting: boolean;
  averageCostCalcType: "Item" | "ItemLocationVariant";
  averageCostPeriod: AverageCostPeriod;
  preventNegativeInventory: boolean;
  /** Amount rounding step in cents (0.01 → 1). */
  amountRoundingPrecision: Money;
  /** Unit-amount rounding step in 1e-5 units (0.00001 → 1). */
  unitAmountRoundingPrecision: UnitCost;
}

export interface GeneralLedgerSetup {
  allowPostingFrom: IsoDate | null;
  allowPostingTo: IsoDate | null;
}

export type AccountType =
  | "inventory"
  | "inventoryInterim"
  | "inventoryAdjustment"
  | "cogs"
  | "cogsInterim"
  | "directCostApplied"
  | "overheadApplied"
  | "purchaseVariance"
  | "materialVariance"
  | "invtAccrualInterim"
  | "inventoryInTransit";

export type Accounts = Record<AccountType, string | null>;

export const DEFAULT_ACCOUNTS: Accounts = {
  inventory: "2130",
  inventoryInterim: "2131",
  inventoryAdjustment: "7270",
  cogs: "7290",
  cogsInterim: "7291",
  directCostApplied: "7190",
  overheadApplied: "7191",
  purchaseVariance: "7192",
  materialVariance: "7193",
  invtAccrualInterim: "5530",
  inventoryInTransit: null,
};

export const DEFAULT_INVENTORY_SETUP: InventorySetup = {
  automaticCostAdjustment: "Never",
  automaticCostPosting: false,
  expectedCostPosting: false,
  averageCostCalcType: "Item",
  averageCostPeriod: "Day",
  preventNegativeInventory: false,
  amountRoundingPrecision: 1,
  unitAmountRoundingPrecision: 1,
};

export type ItemLedgerEntryType =
  | "Purchase"
  | "Sale"
  | "PositiveAdjmt"
  | "NegativeAdjmt"
  | "Transfer"
  | "AssemblyConsumption"
  | "AssemblyOutput";

/** BC's Source Type of an entry: the vendor of a purchase, the customer of a sale, the parent item of assembly entries. */
export type SourceType = "Vendor" | "Customer" | "Item";

export interface ItemLedgerEntry {
  entryNo: number;
  entryType: ItemLedgerEntryType;
  postingDate: IsoDate;
  documentNo: string;
  item: string;
  variant: string;
  location: string;
  /** Signed base quantity: positive inbound, negative outbound. */
  quantity: Qty;
  /** Derived: quantity not yet applied (inbound ≥ 0, outbound ≤ 0). */
  remainingQuantity: Qty;
  /** Derived: signed quantity invoiced so far. */
  invoicedQuantity: Qty;
  open: boolean;
  positive: boolean;
  appliesToEntry: number | null;
  appliesFromEntry: number | null;
  correction: boolean;
  serialNo: string | null;
  lotNo: string | null;
  expirationDate: IsoDate | null;
  /** False for NonInventory and Service items: history only, no stock, no value, no G/L. */
  inventoriable: boolean;
  /** Unit cost given on the posted line (scaled), kept for undo and re-valuation of estimates. */
  lineUnitCost: UnitCost | null;
  /** Assembly output: the consumption entries it was made of and the resource cost (costing.md §4.9). */
  assembly?: {
    consumption: { item: string; entryNo: number }[];
    resourceCost: Money;
    /** The due date of the assembly order the posting completed or reduced (to re-create it on undo). */
    orderDate?: IsoDate;
  };
  /** Assembly consumption: the output entry it went into (order-level forwarding, §9.2). */
  assemblyOutput?: { item: string; entryNo: number };
  /** A sale shipped from the assembly posted for it (inventory.md §14.3); its applies-to entry is that output. */
  assembleToOrder?: boolean;
  /** Who the entry came from or went to (absent = blank, as on BC's adjustments and transfers). */
  sourceType?: SourceType;
  sourceNo?: string;
}

export type ValueEntryType = "DirectCost" | "IndirectCost" | "Variance" | "Revaluation" | "Rounding";

export interface ValueEntry {
  entryNo: number;
  itemLedgerEntryNo: number;
  itemLedgerEntryType: ItemLedgerEntryType;
  item: string;
  location: string;
  variant: string;
  entryType: ValueEntryType;
  postingDate: IsoDate;
  /** Derived (may move later, costing.md §7). */
  valuationDate: IsoDate;
  documentNo: string;
  itemLedgerEntryQuantity: Qty;
  valuedQuantity: Qty;
  invoicedQuantity: Qty;
  costAmountActual: Money;
  costAmountExpected: Money;
  /** NonInventory/Service items: their cost, kept out of inventory value (inventory.md §2.2). */
  costAmountNonInventoriable?: Money;
  salesAmountActual: Money;
  expectedCost: boolean;
  adjustment: boolean;
  appliesToValueEntry: number | null;
  valuedByAverageCost: boolean;
  inventoriable: boolean;
  itemChargeNo: string | null;
  /** Derived: amounts of this entry already posted to the G/L. */
  costPostedToGL: Money;
  expectedCostPostedToGL: Money;
}

export interface ItemApplicationEntry {
  entryNo: number;
  itemLedgerEntryNo: number;
  inboundEntryNo: number;
  /** 0 on an inbound entry's own record. */
  outboundEntryNo: number;
  quantity: Qty;
  postingDate: IsoDate;
  transferredFromEntryNo: number | null;
  costApplication: boolean;
  fixedApplication: boolean;
}

export interface GLEntry {
  entryNo: number;
  postingDate: IsoDate;
  accountNo: string;
  /** Debit positive. */
  amount: Money;
  documentNo: string;
  /** The value entry posted, or null for a manual G/L line. */
  valueEntryNo: number | null;
  description: string;
}
