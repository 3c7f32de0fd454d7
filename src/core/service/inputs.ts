/**
 * Plain-number inputs (as scenarios, sheets and the task pane give them) and their conversion to
 * the scaled model at the boundary (money.ts). Defaults follow scenarios/FORMAT.md.
 */
import { newCompany, type Company, type NonstockItem } from "../company";
import { categoriesFromInput, type CategoryInput } from "../inventory/attributes";
import { money, qty, unitCost } from "../money";
import type {
  Accounts,
  CostingMethod,
  GeneralLedgerSetup,
  InventorySetup,
  IsoDate,
  Item,
  ItemTracking,
  ItemType,
} from "../types";

export interface InventorySetupInput {
  automaticCostAdjustment?: "Never" | "Always";
  automaticCostPosting?: boolean;
  expectedCostPosting?: boolean;
  averageCostCalcType?: InventorySetup["averageCostCalcType"];
  averageCostPeriod?: InventorySetup["averageCostPeriod"];
  preventNegativeInventory?: boolean;
  amountRoundingPrecision?: number;
  unitAmountRoundingPrecision?: number;
}

export interface CompanyInput {
  id?: string;
  name?: string;
  workDate: IsoDate;
  inventorySetup?: InventorySetupInput;
  generalLedgerSetup?: Partial<GeneralLedgerSetup>;
  accounts?: Partial<Accounts>;
  locations?: { code: string; inTransit?: boolean }[];
  accountingPeriods?: IsoDate[];
  responsibilityCenters?: { code: string; location?: string | null }[];
  categories?: CategoryInput[];
  nonstockItems?: NonstockItem[];
  nonstockSetup?: { noFormat: string; noFormatSeparator?: string };
  unitOfMeasureCodes?: string[];
  /** The posting group code of `accounts` (excel.md §0: RESALE). */
  inventoryPostingGroup?: string;
}

export interface UnitOfMeasureInput {
  code: string;
  qtyPerUnit: number;
  qtyRoundingPrecision?: number;
}

export interface ItemInput {
  no: string;
  description?: string;
  type?: ItemType;
  costingMethod?: CostingMethod;
  unitCost?: number;
  standardCost?: number;
  unitPrice?: number;
  baseUnitOfMeasure?: string;
  unitsOfMeasure?: UnitOfMeasureInput[];
  variants?: string[];
  blocked?: boolean;
  salesBlocked?: boolean;
  purchasingBlocked?: boolean;
  itemTracking?: ItemTracking;
  requireExpirationDate?: boolean;
  strictExpirationPosting?: boolean;
  indirectCostPercent?: number;
  overheadRate?: number;
  category?: string | null;
  attributes?: Record<string, string | number | boolean>;
  assemblyBOM?: { item?: string; resource?: string; quantityPer: number; unitCost?: number }[];
  assemblyPolicy?: Item["assemblyPolicy"];
}

/** Applies the plain-number setup fields given onto a scaled setup. */
export function applyInventorySetup(setup: InventorySetup, input: InventorySetupInput | undefined): InventorySetup {
  if (!input) return setup;
  const next: InventorySetup = { ...setup };
  if (input.automaticCostAdjustment !== undefined) next.automaticCostAdjustment = input.automaticCostAdjustment;
  if (input.automaticCostPosting !== undefined) next.automaticCostPosting = input.automaticCostPosting;
  if (input.expectedCostPosting !== undefined) next.expectedCostPosting = input.expectedCostPosting;
  if (input.averageCostCalcType !== undefined) next.averageCostCalcType = input.averageCostCalcType;
  if (input.averageCostPeriod !== undefined) next.averageCostPeriod = input.averageCostPeriod;
  if (input.preventNegativeInventory !== undefined) next.preventNegativeInventory = input.preventNegativeInventory;
  if (input.amountRoundingPrecision !== undefined) next.amountRoundingPrecision = money(input.amountRoundingPrecision);
  if (input.unitAmountRoundingPrecision !== undefined) {
    next.unitAmountRoundingPrecision = unitCost(input.unitAmountRoundingPrecision);
  }
  return next;
}

export function companyFromInput(input: CompanyInput): Company {
  const company = newCompany(input.id ?? "default", input.name ?? "Company", input.workDate);
  company.inventorySetup = applyInventorySetup(company.inventorySetup, input.inventorySetup);
  company.generalLedgerSetup = { ...company.generalLedgerSetup, ...input.generalLedgerSetup };
  company.accounts = { ...company.accounts, ...input.accounts };
  company.locations = (input.locations ?? []).map((l) => ({ code: l.code, inTransit: l.inTransit ?? false }));
  company.accountingPeriods = [...(input.accountingPeriods ?? [])].sort();
  company.responsibilityCenters = (input.responsibilityCenters ?? []).map((r) => ({ code: r.code, location: r.location ?? null }));
  const { categories, definitions } = categoriesFromInput(input.categories ?? []);
  company.categories = categories;
  company.nonstockItems = (input.nonstockItems ?? []).map((n) => ({ ...n, itemNo: n.itemNo ?? null }));
  company.nonstockSetup = input.nonstockSetup;
  company.unitOfMeasureCodes = input.unitOfMeasureCodes;
  if (input.inventoryPostingGroup !== undefined) company.inventoryPostingGroup = input.inventoryPostingGroup;
  company.attributeDefinitions = definitions;
  return company;
}

export function itemFromInput(input: ItemInput, existing?: Item): Item {
  const base = input.baseUnitOfMeasure ?? existing?.baseUnitOfMeasure ?? "PCS";
  const costingMethod = input.costingMethod ?? existing?.costingMethod ?? "FIFO";
  const standardCost = input.standardCost !== undefined ? unitCost(input.standardCost) : (existing?.standardCost ?? 0);
  const cardCost = input.unitCost !== undefined ? unitCost(input.unitCost) : (existing?.unitCost ?? 0);
  return {
    no: input.no,
    description: input.description ?? existing?.description ?? "",
    type: input.type ?? existing?.type ?? "Inventory",
    costingMethod,
    baseUnitOfMeasure: base,
    unitsOfMeasure: input.unitsOfMeasure
      ? input.unitsOfMeasure.map((u) => ({
          code: u.code,
          qtyPerUnit: qty(u.qtyPerUnit),
          qtyRoundingPrecision: qty(u.qtyRoundingPrecision ?? 0),
        }))
      : (existing?.unitsOfMeasure ?? []),
    variants: input.variants ?? existing?.variants ?? [],
    unitCost: costingMethod === "Standard" && input.unitCost === undefined ? standardCost : cardCost,
    standardCost,
    unitPrice: input.unitPrice !== undefined ? unitCost(input.unitPrice) : (existing?.unitPrice ?? 0),
    indirectCostPercent:
      input.indirectCostPercent !== undefined ? unitCost(input.indirectCostPercent) : (existing?.indirectCostPercent ?? 0),
    overheadRate: input.overheadRate !== undefined ? unitCost(input.overheadRate) : (existing?.overheadRate ?? 0),
    blocked: input.blocked ?? existing?.blocked ?? false,
    salesBlocked: input.salesBlocked ?? existing?.salesBlocked ?? false,
    purchasingBlocked: input.purchasingBlocked ?? existing?.purchasingBlocked ?? false,
    itemTracking: input.itemTracking ?? existing?.itemTracking ?? "None",
    requireExpirationDate: input.requireExpirationDate ?? existing?.requireExpirationDate ?? false,
    strictExpirationPosting: input.strictExpirationPosting ?? existing?.strictExpirationPosting ?? false,
    category: input.category !== undefined ? input.category : (existing?.category ?? null),
    attributes: input.attributes ?? existing?.attributes ?? {},
    assemblyBOM: input.assemblyBOM
      ? input.assemblyBOM.map((l) => ({
          item: l.item,
          resource: l.resource,
          quantityPer: qty(l.quantityPer),
          unitCost: l.unitCost !== undefined ? unitCost(l.unitCost) : undefined,
        }))
      : existing?.assemblyBOM,
    ...((input.assemblyPolicy ?? existing?.assemblyPolicy) !== undefined && { assemblyPolicy: input.assemblyPolicy ?? existing?.assemblyPolicy }),
  };
}
