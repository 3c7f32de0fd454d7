/**
 * Bulk item import from a sheet's values (inventory.md §5): headers matched case-insensitively,
 * every row checked completely, all errors reported in row and column order, and nothing written
 * unless the whole sheet is valid. Valid sheets create new items and update given fields of
 * existing ones, so importing the same sheet twice changes nothing the second time.
 */
import { unitCost } from "../money";
import { RefusedError } from "../errors";
import type { CostingMethod, Item, ItemTracking, ItemType } from "../types";
import type { Workspace } from "../workspace";
import type { ItemInput } from "../service/inputs";
import { checkAttributeValue, type AttributeValue } from "./attributes";
import { updateItem, upsertItem } from "./updateItem";

export interface ImportError {
  /** 1-based, the header row included. */
  row: number;
  field: string;
  message: string;
}

type Field = "no" | "description" | "type" | "baseUnitOfMeasure" | "costingMethod" | "unitCost" | "standardCost" | "unitPrice" | "category" | "blocked" | "itemTracking";

const HEADERS: Record<string, Field> = {
  "no.": "no", no: "no", "item no.": "no", description: "description", type: "type",
  "base unit of measure": "baseUnitOfMeasure", "costing method": "costingMethod", "unit cost": "unitCost",
  "standard cost": "standardCost", "unit price": "unitPrice", "item category code": "category", blocked: "blocked",
  "item tracking": "itemTracking",
};

const TYPES: Record<string, ItemType> = { inventory: "Inventory", "non-inventory": "NonInventory", noninventory: "NonInventory", service: "Service" };
const METHODS: CostingMethod[] = ["FIFO", "LIFO", "Average", "Standard", "Specific"];
const TRACKING: ItemTracking[] = ["None", "Serial", "Lot", "SerialAndLot"];
const BOOLEANS: Record<string, boolean> = { yes: true, no: false, true: true, false: false, "1": true, "0": false };

interface Column {
  field: Field | `attribute:${string}`;
}

/** Header errors (row 1, field = the header as written, column order), then a missing No. column. */
function readHeaders(headers: unknown[], errors: ImportError[]): Column[] {
  const columns: Column[] = [];
  const seen = new Set<string>();
  for (const header of headers) {
    const text = String(header ?? "").trim();
    const lower = text.toLowerCase();
    const attribute = /^attribute:\s*(.+)$/i.exec(text);
    const field = attribute ? (`attribute:${attribute[1].trim()}` as const) : HEADERS[lower];
    if (!field) errors.push({ row: 1, field: text, message: `Unknown column ${text}` });
    else if (seen.has(field.toLowerCase())) errors.push({ row: 1, field: text, message: `Column ${text} is given twice` });
    else seen.add(field.toLowerCase());
    columns.push({ field: field ?? (`unknown:${text}` as Field) });
  }
  if (!seen.has("no")) errors.push({ row: 1, field: "no", message: "The No. column is missing" });
  return columns;
}

const blank = (cell: unknown): boolean => cell === undefined || cell === null || (typeof cell === "string" && cell.trim() === "");

function parseNumber(cell: unknown): number | undefined {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : undefined;
  const text = String(cell).trim();
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : undefined;
}

/** The value of one cell for its field, or an error message. */
function parseCell(ws: Workspace, field: Column["field"], cell: unknown, units: Set<string>): { value?: unknown; error?: string } {
  const text = String(cell).trim();
  switch (field) {
    case "no": return text.length >= 1 && text.length <= 20 ? { value: text.toUpperCase() } : { error: "No. must have 1 to 20 characters" };
    case "description": return text.length <= 100 ? { value: text } : { error: "Description is longer than 100 characters" };
    case "type": return TYPES[text.toLowerCase()] ? { value: TYPES[text.toLowerCase()] } : { error: `Type ${text} is not valid` };
    case "costingMethod": {
      const method = METHODS.find((m) => m.toLowerCase() === text.toLowerCase());
      return method ? { value: method } : { error: `Costing method ${text} is not valid` };
    }
    case "itemTracking": {
      const tracking = TRACKING.find((t) => t.toLowerCase() === text.toLowerCase());
      return tracking ? { value: tracking } : { error: `Item tracking ${text} is not valid` };
    }
    case "unitCost": case "standardCost": case "unitPrice": {
      const value = parseNumber(cell);
      return value !== undefined && value >= 0 ? { value } : { error: `${text} is not a number of 0 or more` };
    }
    case "blocked": return text.toLowerCase() in BOOLEANS ? { value: BOOLEANS[text.toLowerCase()] } : { error: `${text} is not Yes or No` };
    case "category":
      return ws.company.categories?.some((c) => c.code === text) ? { value: text } : { error: `Item category ${text} does not exist` };
    case "baseUnitOfMeasure": return units.has(text) ? { value: text } : { error: `The unit of measure ${text} is not known` };
    default: {
      try {
        return { value: checkAttributeValue(ws.company, field.slice("attribute:".length), cell as AttributeValue).value };
      } catch (error) {
        return { error: error instanceof RefusedError ? error.message : String(error) };
      }
    }
  }
}

function knownUnits(ws: Workspace): Set<string> {
  const units = new Set(ws.company.unitOfMeasureCodes ?? []);
  for (const item of ws.items.values()) {
    units.add(item.baseUnitOfMeasure);
    for (const u of item.unitsOfMeasure) units.add(u.code);
  }
  return units;
}

interface ParsedRow {
  row: number;
  no?: string;
  /** Fields with a cell given (valid or not). */
  given: Set<string>;
  fields: Partial<Record<Field, unknown>>;
  attributes: Record<string, AttributeValue>;
}

/** Row-level rules (§5.2): new items need description and base unit; tracking only for Inventory; frozen fields. */
function rowRules(ws: Workspace, parsed: ParsedRow, existing: Item | undefined, add: (field: string, message: string) => void): void {
  const f = parsed.fields;
  if (!existing) {
    // Missing, not invalid: an invalid cell has its own error already.
    if (!parsed.given.has("description")) add("description", "A new item needs a description");
    if (!parsed.given.has("baseUnitOfMeasure")) add("baseUnitOfMeasure", "A new item needs a base unit of measure");
  }
  const type = (f.type as ItemType | undefined) ?? existing?.type ?? "Inventory";
  if (f.itemTracking !== undefined && f.itemTracking !== "None" && type !== "Inventory") add("itemTracking", `Item tracking is not allowed for item type ${type}`);
  if (!existing || (ws.book(existing.no)?.entries.length ?? 0) === 0) return;
  for (const key of ["type", "baseUnitOfMeasure", "costingMethod"] as const) {
    if (f[key] !== undefined && f[key] !== existing[key]) add(key, `${key} cannot change: item ${existing.no} has ledger entries`);
  }
  if (f.unitCost !== undefined && existing.costingMethod !== "Standard" && unitCost(f.unitCost as number) !== existing.unitCost) {
    add("unitCost", `The unit cost of item ${existing.no} cannot change: it has ledger entries`);
  }
}

function parseRows(ws: Workspace, rows: unknown[][], columns: Column[], errors: ImportError[]): ParsedRow[] {
  const units = knownUnits(ws);
  const seen = new Set<string>();
  const parsed: ParsedRow[] = [];
  rows.slice(1).forEach((cells, i) => {
    const row: ParsedRow = { row: i + 2, given: new Set(), fields: {}, attributes: {} };
    const rowErrors: { column: number; field: string; message: string }[] = [];
    const columnOf = (field: string): number => columns.findIndex((c) => c.field === field);
    columns.forEach((column, c) => {
      const cell = cells[c];
      if (blank(cell) || column.field.startsWith("unknown:")) return;
      row.given.add(column.field);
      const result = parseCell(ws, column.field, cell, units);
      if (result.error !== undefined) rowErrors.push({ column: c, field: column.field, message: result.error });
      else if (column.field.startsWith("attribute:")) row.attributes[column.field.slice("attribute:".length)] = result.value as AttributeValue;
      else row.fields[column.field as Field] = result.value;
    });
    row.no = row.fields.no as string | undefined;
    if (row.no === undefined) {
      if (!row.given.has("no")) rowErrors.push({ column: columnOf("no"), field: "no", message: "No. is missing" });
    } else if (seen.has(row.no)) rowErrors.push({ column: columnOf("no"), field: "no", message: `No. ${row.no} is given on an earlier row` });
    if (row.no !== undefined) seen.add(row.no);
    const existing = row.no !== undefined ? ws.item(row.no) : undefined;
    rowRules(ws, row, existing, (field, message) => rowErrors.push({ column: columnOf(field), field, message }));
    rowErrors.sort((a, b) => a.column - b.column);
    for (const e of rowErrors) errors.push({ row: row.row, field: e.field, message: e.message });
    parsed.push(row);
  });
  return parsed;
}

/** Checks the whole sheet; applies it (upsert by number) only when there is no error. Returns the errors. */
export function importItems(ws: Workspace, rows: unknown[][]): ImportError[] {
  const errors: ImportError[] = [];
  const columns = readHeaders(rows[0] ?? [], errors);
  if (errors.length > 0) return errors;
  const parsed = parseRows(ws, rows, columns, errors);
  if (errors.length > 0) return errors;
  for (const row of parsed) {
    const input = { ...row.fields, attributes: row.attributes, no: row.no as string } as ItemInput;
    if (ws.item(input.no)) updateItem(ws, input.no, input);
    else upsertItem(ws, input);
  }
  return errors;
}
