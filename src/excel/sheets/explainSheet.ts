/**
 * Explain sheet (excel.md §3.2 tblExplain, replace): the rows INV.EXPLAIN spills for a cell, plus the
 * Source Cell and the Formula they explain, so the drill-down sits on its own sheet (one click, as the
 * Velixo and Jet drill-down sheets do).
 */
import type { CellValue, ColumnKind, ColumnSpec, TableSpec } from "../port";

export const EXPLAIN_SHEET = "Explain";
export const EXPLAIN_TABLE = "tblExplain";

/** Column formats by the header INV.EXPLAIN gives them. */
function kindOf(header: string): ColumnKind {
  if (/date$/i.test(header)) return "date";
  if (/entry no\.$|^ile no\.$/i.test(header)) return "integer";
  if (/amount|cost|value|balance|difference/i.test(header)) return "amount";
  if (/quantity|qty/i.test(header)) return "quantity";
  if (/^(item|location|lot|serial|document|account|g\/l account)/i.test(header)) return "code";
  return "text";
}

export interface ExplainSource {
  /** "Analysis!C4" */
  sourceCell: string;
  formula: string;
}

/** The spill (header row first) as the Explain table; every row names its source cell and formula. */
export function explainSpec(spill: readonly (readonly CellValue[])[], source: ExplainSource, stamp?: string): TableSpec {
  const [header, ...body] = spill;
  if (!header) throw new Error("INV.EXPLAIN returned no header row");
  const columns: ColumnSpec[] = [
    ...header.map((cell) => ({ header: String(cell ?? ""), kind: kindOf(String(cell ?? "")) })),
    { header: "Source Cell", kind: "text" },
    { header: "Formula", kind: "text" },
  ];
  const rows = body.map((row) => [...header.map((_, i) => row[i] ?? null), source.sourceCell, source.formula]);
  return {
    sheet: EXPLAIN_SHEET, table: EXPLAIN_TABLE, title: "Explain", parameters: `${source.sourceCell}: ${source.formula}`, stamp, columns, rows, style: "output",
  };
}
