/** The item list of the Items screen and the company's catalogue setup, reloaded after every change the pane makes. */
import { useCallback, useEffect, useState } from "react";
import type { Company } from "../../core/company";
import { RefusedError, type FieldError } from "../../core/errors";
import type { LedgerStore } from "../../core/ports";
import type { InventoryService } from "../../core/service/inventoryService";
import type { CostingMethod, Item } from "../../core/types";

export interface ItemsState {
  items: Item[] | null;
  /** Categories, attribute definitions and the nonstock catalogue live on the company. */
  company: Company | null;
  loadError: string | null;
  reload(): Promise<void>;
}

export function useItems(store: LedgerStore): ItemsState {
  const [items, setItems] = useState<Item[] | null>(null);
  const [company, setCompany] = useState<Company | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      const [cards, setup] = await store.read(async (tx) => [await tx.items(), await tx.company()] as const);
      setItems(cards);
      setCompany(setup ?? null);
      setLoadError(null);
    } catch (error) {
      setLoadError(error instanceof Error ? error.message : String(error));
    }
  }, [store]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { items, company, loadError, reload };
}

/** The new-item form as typed. */
export interface ItemDraft {
  no: string;
  description: string;
  costingMethod: CostingMethod;
  unitCost: string;
}

/** A typed amount ≥ 0, or an error message. */
export function amountError(label: string, text: string): FieldError | null {
  const cost = text.trim();
  return cost !== "" && !(Number.isFinite(Number(cost)) && Number(cost) >= 0) ? { field: label, message: `'${cost}' is not an amount ≥ 0.` } : null;
}

/** Field errors of a draft: No. and Description required, Unit Cost a number ≥ 0. */
export function draftErrors(draft: ItemDraft): FieldError[] {
  const errors: FieldError[] = [];
  if (draft.no.trim() === "") errors.push({ field: "No.", message: "is required." });
  if (draft.no.trim().length > 20) errors.push({ field: "No.", message: "is longer than 20 characters." });
  if (draft.description.trim() === "") errors.push({ field: "Description", message: "is required." });
  const cost = amountError("Unit Cost", draft.unitCost);
  if (cost) errors.push(cost);
  return errors;
}

/** Creates the item of a valid draft; an existing No. is refused (the form creates, it does not edit). */
export async function createItem(service: InventoryService, store: LedgerStore, draft: ItemDraft): Promise<string> {
  const errors = draftErrors(draft);
  if (errors.length > 0) throw new RefusedError(errors);
  const no = draft.no.trim();
  const existing = await store.read((tx) => tx.items([no]));
  if (existing.length > 0) throw new RefusedError([{ field: "No.", message: `Item ${no} already exists.` }]);
  const unitCost = draft.unitCost.trim() === "" ? 0 : Number(draft.unitCost);
  await service.upsertItems([{ no, description: draft.description.trim(), costingMethod: draft.costingMethod, unitCost }]);
  return no;
}
