/** Company-wide setup and counters: everything that is not per item. */
import type { Money, Qty, UnitCost } from "./money";
import {
  DEFAULT_ACCOUNTS,
  DEFAULT_INVENTORY_SETUP,
  type Accounts,
  type GeneralLedgerSetup,
  type InventorySetup,
  type IsoDate,
  type Location,
} from "./types";

export interface Counters {
  lastItemLedgerEntryNo: number;
  lastValueEntryNo: number;
  lastApplicationEntryNo: number;
  lastGLEntryNo: number;
}

/** A transfer document's shipped and received quantities through its in-transit location. */
export interface TransferShipment {
  documentNo: string;
  item: string;
  variant: string;
  from: string;
  to: string;
  inTransit: string;
  shipped: Qty;
  received: Qty;
  /** Receipt date of the quantity in transit (the order's date, else the first shipment's). */
  date?: IsoDate;
}

/** An open order line (FORMAT.md `order`): planned supply or demand, no ledger entry. */
export interface OrderLine {
  type: "Purchase" | "Sale" | "Transfer" | "Assembly";
  documentNo: string;
  item: string;
  variant: string;
  location: string;
  /** Transfer: the to-location. */
  newLocation: string | null;
  /** Expected receipt or shipment date. */
  date: IsoDate;
  quantity: Qty;
  outstanding: Qty;
  unitCost: UnitCost | null;
  amount: Money | null;
  /** Purchase: the amount the line's earlier receipts carried (costing.md §4.1). */
  carried: Money;
  /** The buy-from vendor (Purchase) or sell-to customer (Sale), given to the entries posted against the line. */
  sourceNo?: string;
  /** Sale: the assembly order linked to the line (assemble to order, inventory.md §14.3). */
  assembleToOrderNo?: string;
  /** Assembly: the sales line it assembles to order for. */
  assembleToOrderFor?: string;
}

/** A reservation (inventory.md §12): demand order line ← supply (inventory entry or supply order). */
export interface Reservation {
  entryNo: number;
  demand: string;
  item: string;
  /** "Inventory" or the supply order's document number. */
  supply: string;
  /** The inbound entry held, for reservations on inventory. */
  inboundEntryNo: number | null;
  quantity: Qty;
  lotNo: string | null;
  serialNo: string | null;
  /** A non-specific reservation on inventory of a tracked item: the entry held may change (inventory.md §12.4). */
  lateBinding?: boolean;
}

/** An item category (inventory.md §3.1) with the attributes it lists and their defaults. */
export interface Category {
  code: string;
  parent: string | null;
  attributes: { name: string; default?: string | number | boolean }[];
}

/** A global attribute definition (inventory.md §3.2). */
export interface AttributeDefinition {
  name: string;
  type: "Text" | "Integer" | "Decimal" | "Option" | "Date";
  values?: string[];
}

/** A vendor catalogue entry (inventory.md §4); `itemNo` is set once converted. */
export interface NonstockItem {
  entryNo: string;
  vendorNo?: string;
  vendorItemNo: string;
  manufacturerCode?: string;
  description?: string;
  unitOfMeasure?: string;
  unitCost?: number;
  unitPrice?: number;
  itemNo?: string | null;
}

export interface Company {
  id: string;
  name: string;
  /** The work date that defaults `asOf` in functions; never the clock. */
  workDate: IsoDate;
  inventorySetup: InventorySetup;
  generalLedgerSetup: GeneralLedgerSetup;
  accounts: Accounts;
  locations: Location[];
  /** Responsibility centers and their default locations (inventory.md §6.2). */
  responsibilityCenters?: { code: string; location: string | null }[];
  /** Transfers shipped through an in-transit location, by document number (inventory.md §9.2). */
  transferShipments?: Record<string, TransferShipment>;
  /** Open order lines by document number and item. */
  orderLines?: Record<string, OrderLine>;
  categories?: Category[];
  /** Attribute definitions by lower-case name. */
  attributeDefinitions?: Record<string, AttributeDefinition>;
  nonstockItems?: NonstockItem[];
  /** The known unit codes besides those items use (inventory.md §5.2). */
  unitOfMeasureCodes?: string[];
  nonstockSetup?: { noFormat: string; noFormatSeparator?: string };
  /** Active reservations. */
  reservations?: Reservation[];
  /** Start dates of accounting periods (for the AccountingPeriod average cost period). */
  accountingPeriods: IsoDate[];
  /** Ending dates of closed inventory periods, ascending. */
  closedInventoryPeriods: IsoDate[];
  counters: Counters;
  /** Code of the inventory posting group whose accounts `accounts` holds (e.g. RESALE); INV.ITEM shows it. */
  inventoryPostingGroup?: string;
  /** G/L balance per account, debit positive; kept in step with the G/L entries appended. */
  glBalances: Record<string, Money>;
  /** Bumped by every posting, adjustment, setup change or restore. */
  ledgerVersion: number;
  /** Adjust Cost runs so far: the Run No. of the Cost Adjustment Log (absent before the first run). */
  costAdjustmentRuns?: number;
}

export function newCompany(id: string, name: string, workDate: IsoDate): Company {
  return {
    id,
    name,
    workDate,
    inventorySetup: { ...DEFAULT_INVENTORY_SETUP },
    generalLedgerSetup: { allowPostingFrom: null, allowPostingTo: null },
    accounts: { ...DEFAULT_ACCOUNTS },
    locations: [],
    accountingPeriods: [],
    closedInventoryPeriods: [],
    counters: { lastItemLedgerEntryNo: 0, lastValueEntryNo: 0, lastApplicationEntryNo: 0, lastGLEntryNo: 0 },
    glBalances: {},
    ledgerVersion: 0,
  };
}
