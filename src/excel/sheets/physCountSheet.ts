/**
 * The Physical Count sheet (excel.md §3.2 tblPhysCount; inventory.md §8): Calculate Inventory writes one
 * line per item, location, variant and lot/serial with the calculated quantity at the count date (grey) and
 * the counted quantity prefilled with it; Difference and Difference Value are formulas. Reading back gives
 * the lines whose count differs, for posting through the service.
 */
import type { ItemBook } from "../../core/book";
import { qtyToNumber, unitCostToNumber } from "../../core/money";
import type { IsoDate, Item } from "../../core/types";
import type { CellValue, ColumnSpec, TableSpec, WorkbookPort, WriteOptions, WriteReport } from "../port";

export const PHYS_COUNT_SHEET = "Physical Count";
export const PHYS_COUNT_TABLE = "tblPhysCount";
export const COUNTED = "Qty. (Phys. Inventory)";
export const CALCULATED = "Qty. (Calculated)";

export const PHYS_COUNT_COLUMNS: ColumnSpec[] = [
  { header: "Item No.", kind: "code", computed: true },
  { header: "Description", kind: "text", computed: true },
  { header: "Variant Code", kind: "code", computed: true },
  { header: "Location Code", kind: "code", computed: true },
  { header: "Lot No.", kind: "code", computed: true },
  { header: "Serial No.", kind: "code", computed: true },
  { header: "Expiration Date", kind: "date", computed: true },
  { header: CALCULATED, kind: "quantity", computed: true },
  { header: COUNTED, kind: "quantity" },
  { header: "Difference", kind: "formula", computed: true },
  { header: "Unit Cost", kind: "unitCost", computed: true },
  { header: "Difference Value", kind: "formula", computed: true },
  { header: "Status", kind: "text", computed: true },
  { header: "Message", kind: "message", computed: true },
];

const DIFFERENCE = `=[@[${COUNTED}]]-[@[${CALCULATED}]]`;
const DIFFERENCE_VALUE = "=ROUND([@Difference]*[@[Unit Cost]],2)";

export interface CountCalculation {
  date: IsoDate;
  /** Location code; "" = every location. */
  location: string;
  includeZero: boolean;
}

export interface CountLine {
  item: string;
  variant: string;
  location: string;
  lotNo: string | null;
  serialNo: string | null;
  expirationDate: IsoDate | null;
  calculated: number;
}

/** Calculate Inventory (§8.1): each bucket an inventory item's entries up to the date have touched. */
export function calculateCountLines(items: readonly Item[], books: ReadonlyMap<string, ItemBook>, calc: CountCalculation): CountLine[] {
  const lines: CountLine[] = [];
  for (const item of [...items].sort((a, b) => a.no.localeCompare(b.no))) {
    const book = books.get(item.no);
    if (item.type !== "Inventory" || !book) continue;
    const buckets = new Map<string, CountLine>();
    for (const e of book.entries) {
      if (!e.inventoriable || e.postingDate > calc.date || (calc.location !== "" && e.location !== calc.location)) continue;
      const key = [e.location, e.variant, e.lotNo ?? "", e.serialNo ?? ""].join("\u0001");
      if (!buckets.has(key)) buckets.set(key, { item: item.no, variant: e.variant, location: e.location, lotNo: e.lotNo, serialNo: e.serialNo, expirationDate: e.expirationDate, calculated: 0 });
    }
    for (const line of buckets.values()) {
      line.calculated = calculatedQuantity(book, calc.date, line);
      if (line.calculated !== 0 || calc.includeZero) lines.push(line);
    }
  }
  return lines.sort((a, b) => a.item.localeCompare(b.item) || a.location.localeCompare(b.location) || (a.lotNo ?? "").localeCompare(b.lotNo ?? "") || (a.serialNo ?? "").localeCompare(b.serialNo ?? ""));
}

/**
 * Σ quantity of the bucket's entries up to the date — the sum the core's count posting recalculates
 * (inventory.md §8.2). Lots and serials match exactly, so an item's untracked stock is its own line.
 */
export function calculatedQuantity(book: ItemBook, date: IsoDate, line: Pick<CountLine, "location" | "variant" | "lotNo" | "serialNo">): number {
  let sum = 0;
  for (const e of book.entries) {
    if (!e.inventoriable || e.postingDate > date || e.location !== line.location || e.variant !== line.variant) continue;
    if (e.lotNo === line.lotNo && e.serialNo === line.serialNo) sum += e.quantity;
  }
  return qtyToNumber(sum);
}

export function physCountSpec(lines: readonly CountLine[], items: readonly Item[], calc: CountCalculation, stamp?: string): TableSpec {
  const cards = new Map(items.map((item) => [item.no, item]));
  const rows: CellValue[][] = lines.map((line) => {
    const item = cards.get(line.item);
    return [
      line.item, item?.description ?? "", line.variant, line.location, line.lotNo ?? "", line.serialNo ?? "", line.expirationDate,
      line.calculated, line.calculated, DIFFERENCE, item ? unitCostToNumber(item.unitCost) : 0, DIFFERENCE_VALUE, "", "",
    ];
  });
  const parameters = `Count date ${calc.date} · ${calc.location || "all locations"}${calc.includeZero ? " · zero stock included" : ""}`;
  return { sheet: PHYS_COUNT_SHEET, table: PHYS_COUNT_TABLE, title: "Physical Count", parameters, stamp, columns: PHYS_COUNT_COLUMNS, rows, style: "input" };
}

export function writePhysCountSheet(port: WorkbookPort, spec: TableSpec, options: WriteOptions = {}): Promise<WriteReport> {
  return port.writeTable(spec, options);
}

export interface CountedLine extends Omit<CountLine, "expirationDate"> {
  /** 0-based data row. */
  row: number;
  counted: number | null;
}

const text = (value: CellValue): string => (value === null ? "" : String(value));

/** The sheet's lines with their counted quantity (null when the cell is not a number). */
export async function readCountedLines(port: WorkbookPort): Promise<CountedLine[] | null> {
  const table = await port.readTable(PHYS_COUNT_TABLE);
  if (!table) return null;
  const at = (header: string) => table.headers.indexOf(header);
  const [item, variant, location, lot, serial, calculated, counted] = ["Item No.", "Variant Code", "Location Code", "Lot No.", "Serial No.", CALCULATED, COUNTED].map(at);
  return table.rows.map((row, index) => ({
    row: index,
    item: text(row[item]),
    variant: text(row[variant]),
    location: text(row[location]),
    lotNo: text(row[lot]) || null,
    serialNo: text(row[serial]) || null,
    calculated: Number(row[calculated] ?? 0),
    counted: typeof row[counted] === "number" ? row[counted] : null,
  }));
}

export function writeCountStatus(port: WorkbookPort, status: [string, string][]): Promise<void> {
  return port.updateTableColumns(PHYS_COUNT_TABLE, ["Status", "Message"], status);
}
