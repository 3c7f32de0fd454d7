/**
 * BC captions of the enumerations shown on sheets (excel.md §3.2: engine names map one to one).
 */
import type { ItemLedgerEntryType, ValueEntryType } from "../../core/types";

export const ENTRY_TYPE_CAPTION: Record<ItemLedgerEntryType, string> = {
  Purchase: "Purchase",
  Sale: "Sale",
  PositiveAdjmt: "Positive Adjmt.",
  NegativeAdjmt: "Negative Adjmt.",
  Transfer: "Transfer",
  AssemblyConsumption: "Assembly Consumption",
  AssemblyOutput: "Assembly Output",
};

export const VALUE_ENTRY_TYPE_CAPTION: Record<ValueEntryType, string> = {
  DirectCost: "Direct Cost",
  IndirectCost: "Indirect Cost",
  Variance: "Variance",
  Revaluation: "Revaluation",
  Rounding: "Rounding",
};

/** Reads a caption or an engine name, ignoring case, spaces and dots ("positive adjmt" → PositiveAdjmt). */
export function entryTypeFromCaption(text: string): ItemLedgerEntryType | undefined {
  const wanted = squash(text);
  return (Object.keys(ENTRY_TYPE_CAPTION) as ItemLedgerEntryType[]).find(
    (type) => squash(type) === wanted || squash(ENTRY_TYPE_CAPTION[type]) === wanted,
  );
}

function squash(text: string): string {
  return text.toLowerCase().replace(/[\s.]/g, "");
}
