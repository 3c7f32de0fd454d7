/**
 * The scenario file format (scenarios/FORMAT.md): the known ops with their fields, the known
 * expectation keys with their row fields, and a check that names anything unknown.
 */

export interface Scenario {
  id: string;
  setup: Record<string, unknown>;
  steps: Step[];
  expect: Record<string, unknown>;
}

export type Step = Record<string, unknown> & { op: string };

const COMMON_STEP_FIELDS = ["op", "expectError", "expectAfter"];

export const STEP_FIELDS: Record<string, string[]> = {
  post: [
    "entryType", "return", "date", "item", "variant", "location", "newLocation", "quantity", "unitOfMeasure",
    "invoicedQuantity", "unitCost", "amount", "unitAmount", "unitPrice", "appliesToEntry", "appliesFromEntry",
    "serialNo", "lotNo", "expirationDate", "newLotNo", "newSerialNo", "newExpirationDate", "documentNo",
    "responsibilityCenter", "sourceType", "sourceNo", "quantityToAssemble",
  ],
  invoice: ["date", "entryNo", "quantity", "unitCost"],
  undo: ["date", "entryNo"],
  itemCharge: ["date", "appliesToEntry", "amount"],
  revalue: ["date", "item", "location", "entryNo", "newUnitCost", "newInventoryValue"],
  setStandardCost: ["item", "standardCost"],
  changeSetup: ["inventorySetup", "generalLedgerSetup"],
  reapply: ["outboundEntryNo", "inboundEntryNo"],
  adjustCost: ["item", "untilDate"],
  postInventoryCostToGL: ["date"],
  closeInventoryPeriod: ["date"],
  reopenInventoryPeriod: ["date"],
  physicalCount: ["date", "item", "location", "variant", "countedQuantity", "lotNo", "serialNo", "documentNo"],
  updateItem: ["item", "fields"],
  reserve: ["documentNo", "quantity", "from", "lotNo", "serialNo"],
  cancelReservation: ["documentNo", "quantity"],
  convertNonstock: ["entryNo", "itemNo"],
  importItems: ["rows"],
  order: ["type", "documentNo", "item", "nonstockEntryNo", "variant", "location", "newLocation", "quantity", "date", "unitCost", "amount", "sourceNo", "qtyToAssembleToOrder"],
  shipTransfer: ["documentNo", "item", "variant", "location", "newLocation", "inTransit", "quantity", "date", "lotNo", "serialNo"],
  receiveTransfer: ["documentNo", "quantity", "date", "lotNo", "serialNo"],
  assemble: ["item", "location", "quantity", "date", "documentNo", "lotNo", "serialNo", "componentTracking"],
  // Proposed: undo the assembly posting whose output entry is `entryNo` (inventory.md §14.2), dated as posted.
  undoAssembly: ["entryNo", "recreateOrder"],
};

/** Ops of FORMAT.md that the engine does not implement yet: a scenario using them fails naming the op. */
/** Ops of FORMAT.md not implemented yet (none at the moment); a scenario using one fails naming it. */
export const PENDING_OPS: string[] = [];

export const SETUP_KEYS = ["inventorySetup", "generalLedgerSetup", "accounts", "locations", "accountingPeriods", "items", "responsibilityCenters", "categories", "nonstockItems", "nonstockSetup", "unitOfMeasureCodes"];
export const PENDING_SETUP_KEYS: string[] = [];

export const EXPECT_FIELDS: Record<string, string[]> = {
  itemLedgerEntries: [
    "entryNo", "entryType", "quantity", "remainingQuantity", "open", "invoicedQuantity", "costAmountActual",
    "costAmountExpected", "item", "location", "variant", "lotNo", "serialNo", "expirationDate", "documentNo",
    "postingDate", "positive", "correction", "appliesToEntry", "appliesFromEntry", "sourceType", "sourceNo", "assembleToOrder",
  ],
  valueEntries: [
    "entryNo", "itemLedgerEntryNo", "entryType", "valuedQuantity", "invoicedQuantity", "costAmountActual",
    "costAmountExpected", "costPerUnit", "adjustment", "expectedCost", "costPostedToGL", "expectedCostPostedToGL",
    "postingDate", "valuationDate", "itemLedgerEntryQuantity", "appliesToValueEntry", "itemLedgerEntryType", "item",
    "location", "variant", "valuedByAverageCost", "costAmountNonInventoriable",
  ],
  applications: ["inboundEntryNo", "outboundEntryNo", "itemLedgerEntryNo", "quantity", "costApplication", "transferredFromEntryNo", "fixedApplication"],
  items: [
    "no", "exists", "inventory", "unitCost", "standardCost", "inventoryValue", "costIsAdjusted", "blocked", "type",
    "description", "unitPrice", "costingMethod", "baseUnitOfMeasure", "itemTracking", "salesBlocked", "purchasingBlocked",
    "category", "attributes", "createdFromNonstock", "requireExpirationDate", "strictExpirationPosting",
  ],
  inventoryByLocation: ["item", "location", "variant", "quantity", "value"],
  valueAtDate: ["item", "date", "quantity", "value", "includeExpected", "location", "variant"],
  inventoryByLot: ["item", "lotNo", "serialNo", "location", "variant", "quantity", "expirationDate"],
  availability: [
    "item", "location", "date", "inventory", "grossRequirement", "scheduledReceipts", "reserved", "projectedAvailableBalance",
    "availableInventory",
  ],
  reservations: ["demand", "supply", "quantity", "lotNo", "serialNo"],
  itemSearch: ["filters", "items"],
  bomAvailability: ["item", "location", "date", "ableToMakeTopItem", "bottleneck", "lines"],
  importErrors: ["row", "field", "message"],
  trace: ["lotNo", "serialNo", "item", "direction", "showComponents", "tree", "roots"],
  availabilityByPeriod: ["item", "location", "periodType", "from", "periods"],
  availabilityByEvent: ["item", "location", "lines"],
  availabilityByLocation: ["item", "date", "lines"],
  glAccounts: ["no", "balance"],
  reconciliation: ["difference"],
};

/** Expectations of FORMAT.md that the engine does not compute yet: a scenario using them fails naming them. */
export const PENDING_EXPECTATIONS: string[] = [];

/** Problems that make a scenario fail before it runs: unknown ops, step fields, setup or expectation keys. */
export function formatProblems(scenario: Scenario): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(scenario.setup ?? {})) {
    if (PENDING_SETUP_KEYS.includes(key)) problems.push(`setup.${key} is not implemented`);
    else if (!SETUP_KEYS.includes(key)) problems.push(`unknown setup field setup.${key}`);
  }
  scenario.steps.forEach((step, i) => {
    const fields = STEP_FIELDS[step.op];
    if (!fields) {
      problems.push(PENDING_OPS.includes(step.op) ? `steps[${i}]: op ${step.op} is not implemented` : `steps[${i}]: unknown op ${step.op}`);
      return;
    }
    for (const key of Object.keys(step)) {
      if (!fields.includes(key) && !COMMON_STEP_FIELDS.includes(key)) problems.push(`steps[${i}] (${step.op}): unknown step field ${key}`);
    }
    if (step.expectAfter) problems.push(...expectProblems(step.expectAfter as Record<string, unknown>, `steps[${i}].expectAfter`));
  });
  problems.push(...expectProblems(scenario.expect ?? {}, "expect"));
  return problems;
}

function expectProblems(expect: Record<string, unknown>, path: string): string[] {
  const problems: string[] = [];
  for (const [key, rows] of Object.entries(expect)) {
    const fields = EXPECT_FIELDS[key];
    if (!fields) {
      problems.push(PENDING_EXPECTATIONS.includes(key) ? `expectation ${path}.${key} is not implemented` : `unknown expectation field ${path}.${key}`);
      continue;
    }
    for (const row of Array.isArray(rows) ? rows : [rows]) {
      for (const field of Object.keys(row as Record<string, unknown>)) {
        if (!fields.includes(field)) problems.push(`unknown expectation field ${path}.${key}[].${field}`);
      }
    }
  }
  return problems;
}
