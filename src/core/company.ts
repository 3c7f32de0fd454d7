/** Company-wide setup and counters: everything that is not per item. */
import type { Money, Qty } from "./money";
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
  /** Start dates of accounting periods (for the AccountingPeriod average cost period). */
  accountingPeriods: IsoDate[];
  /** Ending dates of closed inventory periods, ascending. */
  closedInventoryPeriods: IsoDate[];
  counters: Counters;
  /** G/L balance per account, debit positive; kept in step with the G/L entries appended. */
  glBalances: Record<string, Money>;
  /** Bumped by every posting, adjustment, setup change or restore. */
  ledgerVersion: number;
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
