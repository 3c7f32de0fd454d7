/**
 * The DEMO company of excel.md §0, as far as the first slice posts it: company (work date 2025-02-05,
 * locations MAIN and EAST), items 1000 Bicycle FIFO, 2000 Helmet Average, 3000 Glue FIFO, and the
 * January/February item ledger entries posted journal by journal THROUGH THE SERVICE, so the demo is
 * what a user would get by typing the same lines, plus the FREIGHT item charge on ILE 2 (VE 12), the lots
 * of item 3000, the open documents SO-1001 (reserved), PO-2001, SO-1002, and the manual G/L journal GJ-0001.
 */
import type { OrderInput } from "../core/inventory/orders";
import type { ReserveInput } from "../core/inventory/reservations";
import type { JournalLine } from "../core/journal";
import type { LedgerStore } from "../core/ports";
import type { InventoryService } from "../core/service/inventoryService";
import type { CompanyInput, ItemInput } from "../core/service/inputs";
import type { GenJournalLine } from "../core/gl/generalJournal";

export const DEMO_WORK_DATE = "2025-02-05";

/** The values of the DEMO attribute Color (an Option attribute, inventory.md §3.2). */
export const DEMO_COLORS = ["Red", "Blue", "Clear", "Black", "White"];

export const DEMO_COMPANY: CompanyInput = {
  id: "demo",
  name: "DEMO",
  workDate: DEMO_WORK_DATE,
  inventorySetup: { automaticCostPosting: true, expectedCostPosting: false, averageCostPeriod: "Day", averageCostCalcType: "Item" },
  locations: [{ code: "MAIN" }, { code: "EAST" }],
  // Posting group RESALE of excel.md §0.
  inventoryPostingGroup: "RESALE",
  accounts: { inventory: "1300", cogs: "5000", inventoryAdjustment: "5100", directCostApplied: "5200" },
  // Categories of excel.md §0, each listing the Option attribute Color (declared once, typed on first mention).
  categories: [
    { code: "BIKES", description: "Bicycles", attributes: [{ name: "Color", type: "Option", values: DEMO_COLORS }] },
    { code: "ACCESS", description: "Accessories", attributes: [{ name: "Color" }] },
    { code: "SUPPLIES", description: "Supplies", attributes: [{ name: "Color" }] },
  ],
  unitOfMeasureCodes: ["PCS", "BOX"],
};

/** VE 12: freight on the receipt of ILE 2, posted 2025-01-25, valued at the receipt's date. */
export const DEMO_FREIGHT_CHARGE = { date: "2025-01-25", appliesToEntry: 2, amount: 40, documentNo: "FREIGHT" };

export const DEMO_ITEMS: ItemInput[] = [
  { no: "1000", description: "Bicycle", costingMethod: "FIFO", unitCost: 100, unitPrice: 200, category: "BIKES", attributes: { Color: "Red" } },
  { no: "2000", description: "Helmet", costingMethod: "Average", unitCost: 30, unitPrice: 60, category: "ACCESS", attributes: { Color: "Blue" } },
  {
    no: "3000", description: "Glue", costingMethod: "FIFO", unitCost: 5, unitPrice: 10, category: "SUPPLIES", attributes: { Color: "Clear" },
    // Lot tracking with expiry required and strict expiration posting (excel.md §0).
    itemTracking: "Lot", requireExpirationDate: true, strictExpirationPosting: true,
  },
];

/** DEMO ILE 1–12 grouped into the journals a user would post (ILE 9/10 are the two halves of one transfer). */
export const DEMO_JOURNALS: JournalLine[][] = [
  [
    { postingDate: "2025-01-03", entryType: "Purchase", documentNo: "PR-0001", item: "2000", location: "MAIN", quantity: 10, unitCost: 30 },
    { postingDate: "2025-01-05", entryType: "Purchase", documentNo: "PR-0002", item: "1000", location: "MAIN", quantity: 10, unitCost: 100 },
    { postingDate: "2025-01-08", entryType: "Purchase", documentNo: "PR-0003", item: "3000", location: "MAIN", quantity: 20, unitCost: 5, lotNo: "L-001", expirationDate: "2025-03-31" },
    { postingDate: "2025-01-10", entryType: "Purchase", documentNo: "PR-0004", item: "1000", location: "MAIN", quantity: 10, unitCost: 120 },
    { postingDate: "2025-01-12", entryType: "Purchase", documentNo: "PR-0005", item: "3000", location: "MAIN", quantity: 15, unitCost: 6, lotNo: "L-002", expirationDate: "2025-06-30" },
  ],
  [
    { postingDate: "2025-01-15", entryType: "Sale", documentNo: "SS-0001", item: "1000", location: "MAIN", quantity: 12, unitPrice: 200 },
    { postingDate: "2025-01-17", entryType: "Purchase", documentNo: "PR-0006", item: "2000", location: "MAIN", quantity: 10, unitCost: 36 },
  ],
  [
    // Unit amount 5.00: the cost of lot L-001 the adjustment takes (excel.md §0, ILE 8).
    { postingDate: "2025-01-18", entryType: "NegativeAdjmt", documentNo: "ADJ-0001", item: "3000", location: "MAIN", quantity: 4, unitAmount: 5, lotNo: "L-001" },
    { postingDate: "2025-01-20", entryType: "Transfer", documentNo: "TR-0001", item: "1000", location: "MAIN", newLocation: "EAST", quantity: 3 },
    { postingDate: "2025-01-22", entryType: "Sale", documentNo: "SS-0002", item: "2000", location: "MAIN", quantity: 5, unitPrice: 60 },
  ],
  [{ postingDate: "2025-02-03", entryType: "Purchase", documentNo: "PR-0007", item: "1000", location: "MAIN", quantity: 5, unitCost: 130 }],
];

/** Open documents of excel.md §0: SO-1001 (4 reserved from inventory, ILE 4 by FIFO), PO-2001, SO-1002. */
export const DEMO_ORDERS: OrderInput[] = [
  { type: "Sale", documentNo: "SO-1001", item: "1000", location: "MAIN", quantity: 6, date: "2025-02-10" },
  { type: "Purchase", documentNo: "PO-2001", item: "1000", location: "MAIN", quantity: 10, date: "2025-02-15", unitCost: 130 },
  { type: "Sale", documentNo: "SO-1002", item: "1000", location: "MAIN", quantity: 8, date: "2025-02-20" },
];

export const DEMO_RESERVATION: ReserveInput = { documentNo: "SO-1001", quantity: 4, from: "Inventory" };

/**
 * GJ-0001 (excel.md §0): +15.00 to inventory account 1300 by hand, a mis-posting the reconciliation must
 * expose. Its balancing account is outside the RESALE posting group, so only 1300 differs.
 */
export const DEMO_GL_JOURNAL: GenJournalLine[] = [
  { postingDate: "2025-01-31", documentNo: "GJ-0001", accountNo: "1300", balAccountNo: "2310", amount: 15, description: "Freight booked to inventory by hand" },
];

/** True when the store holds no company yet (first open of the workbench). */
export async function isEmptyStore(store: LedgerStore): Promise<boolean> {
  return (await store.read((tx) => tx.company())) === undefined;
}

/** Creates the DEMO company, items and entries. Each journal is one transaction, as in the pane. */
export async function loadDemoLedger(service: InventoryService): Promise<void> {
  await service.initCompany(DEMO_COMPANY);
  await service.upsertItems(DEMO_ITEMS);
  const [firstJournals, lastJournal] = [DEMO_JOURNALS.slice(0, -1), DEMO_JOURNALS[DEMO_JOURNALS.length - 1]];
  for (const journal of firstJournals) await service.postJournal(journal);
  await service.itemCharge(DEMO_FREIGHT_CHARGE);
  await service.postJournal(lastJournal);
  for (const order of DEMO_ORDERS) await service.order(order);
  await service.reserve(DEMO_RESERVATION);
  await service.postGenJournal(DEMO_GL_JOURNAL);
}
