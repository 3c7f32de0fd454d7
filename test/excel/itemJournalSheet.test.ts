import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import {
  ITEM_JOURNAL_COLUMNS, createItemJournalSheet, readItemJournal, removePostedLines, writeJournalStatus,
} from "../../src/excel/sheets/itemJournalSheet";

const noYield = { yieldToEventLoop: async () => undefined };
const SHEET = "Item Journal";
const col = (header: string): number => ITEM_JOURNAL_COLUMNS.findIndex((c) => c.header === header);
const DATA = 5; // first data row (0-based): header on row 5

/** Types a journal row the way a user would, column by column. */
function type(wb: MemoryWorkbook, row: number, cells: Record<string, string>): void {
  for (const [header, text] of Object.entries(cells)) wb.setCellInput(SHEET, DATA + row, col(header), text);
}

async function journalWithRows(rows: number): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook({ writer: noYield });
  await createItemJournalSheet(wb, {
    lines: Array.from({ length: rows }, () => ({ postingDate: "2025-01-01", entryType: "Purchase" as const, item: "X", location: "MAIN", quantity: 1 })),
  });
  return wb;
}

describe("Item Journal sheet", () => {
  test("the input table has the §3.2 columns, input style and grey computed columns", async () => {
    const wb = new MemoryWorkbook({ writer: noYield });
    await createItemJournalSheet(wb, { stamp: "Generated 2025-02-05 10:14" });
    expect(ITEM_JOURNAL_COLUMNS.map((c) => c.header)).toEqual([
      "Line No.", "Posting Date", "Entry Type", "Document No.", "Item No.", "Variant Code", "Description", "Location Code",
      "New Location Code", "Quantity", "Unit of Measure Code", "Unit Amount", "Unit Cost", "Amount", "Applies-to Entry",
      "Applies-from Entry", "Lot No.", "Serial No.", "Expiration Date", "Reason Code", "External Document No.", "Status", "Message",
    ]);
    expect(wb.table("tblItemJournal")).toMatchObject({ style: "TableStyleMedium2", rowCount: 2 });
    expect(wb.cell(SHEET, DATA, col("Status")).fill).toBe("#F2F2F2");
    expect(wb.cell(SHEET, DATA, col("Quantity")).fill).toBeNull();
    expect(await readItemJournal(wb)).toEqual({ lines: [], parseErrors: [] });
    expect(wb.cell(SHEET, DATA, col("Entry Type")).validationList).toEqual(["Purchase", "Sale", "Positive Adjmt.", "Negative Adjmt.", "Transfer"]);
    expect(wb.cell(SHEET, DATA, col("Location Code")).validationList).toBeNull();
    await createItemJournalSheet(wb, { locations: ["MAIN", "EAST"] });
    expect(wb.cell(SHEET, DATA, col("New Location Code")).validationList).toEqual(["MAIN", "EAST"]);
  });

  test("typed lines read back as JournalLines: captions, serial and ISO dates, numbers as text", async () => {
    const wb = await journalWithRows(3);
    type(wb, 0, { "Posting Date": "2025-01-18", "Entry Type": "Negative Adjmt.", "Document No.": "ADJ-1", "Item No.": "3000", "Location Code": "MAIN", Quantity: "4", "Unit Amount": "5", "Lot No.": "L-001" });
    // A user who formatted cells as text: the date and quantity arrive as strings.
    wb.setCellInput(SHEET, DATA + 1, col("Posting Date"), "'2025-01-20");
    type(wb, 1, { "Entry Type": "transfer", "Item No.": "'1000", "Location Code": "MAIN", "New Location Code": "EAST", Quantity: "'1,200.5" });
    for (let c = 1; c < ITEM_JOURNAL_COLUMNS.length; c++) wb.setCellInput(SHEET, DATA + 2, c, ""); // a blank line is skipped
    const read = await readItemJournal(wb);
    expect(read.parseErrors).toEqual([]);
    expect(read.lines).toEqual([
      { lineNo: 1, postingDate: "2025-01-18", entryType: "NegativeAdjmt", documentNo: "ADJ-1", item: "3000", location: "MAIN", quantity: 4, unitAmount: 5, lotNo: "L-001" },
      { lineNo: 2, postingDate: "2025-01-20", entryType: "Transfer", item: "1000", location: "MAIN", newLocation: "EAST", quantity: 1200.5 },
    ]);
  });

  test("a line marked Posted (its removal failed after the post) is never read again, so it cannot post twice", async () => {
    const wb = await journalWithRows(2);
    await writeJournalStatus(wb, { errors: [], posted: true });
    expect(wb.cell(SHEET, DATA, col("Status")).value).toBe("Posted");
    expect(await readItemJournal(wb)).toEqual({ lines: [], parseErrors: [] });
  });

  test("bad numbers, dates and entry types name the row and the column; missing required fields too", async () => {
    const wb = await journalWithRows(3);
    type(wb, 0, { Quantity: "ten" });
    type(wb, 1, { "Posting Date": "'31/01/2025", "Entry Type": "Output", "Applies-to Entry": "2.5" });
    type(wb, 2, { "Item No.": "" });
    const read = await readItemJournal(wb);
    expect(read.lines).toEqual([]);
    expect(read.parseErrors).toEqual([
      { line: 1, field: "quantity", message: "Quantity: 'ten' is not a number." },
      { line: 2, field: "postingDate", message: "Posting Date: '31/01/2025' is not a date (use yyyy-mm-dd)." },
      { line: 2, field: "entryType", message: "Entry Type: 'Output' is not one of Purchase, Sale, Positive Adjmt., Negative Adjmt., Transfer." },
      { line: 2, field: "appliesToEntry", message: "Applies-to Entry: 2.5 is not an entry number." },
      { line: 3, field: "item", message: "Item No.: is required." },
    ]);
  });

  test("status, first message with (+n more), and error fills that the next validate clears", async () => {
    const wb = await journalWithRows(3);
    await writeJournalStatus(wb, {
      errors: [
        { line: 2, field: "quantity", message: "Quantity must be positive" },
        { line: 2, field: "location", message: "Location NORTH does not exist" },
        { line: 2, message: "Item 1000 is blocked" },
        { message: "Posting date is not within your range of allowed posting dates" },
      ],
    });
    const table = await wb.readTable("tblItemJournal");
    const status = table?.rows.map((r) => [r[col("Line No.")], r[col("Status")], r[col("Message")]]);
    expect(status).toEqual([[1, "OK", null], [2, "Error", "Quantity must be positive (+2 more)"], [3, "OK", null]]);
    expect(wb.cell(SHEET, DATA + 1, col("Quantity")).fill).toBe("#FFC7CE");
    expect(wb.cell(SHEET, DATA + 1, col("Location Code")).fill).toBe("#FFC7CE");
    expect(wb.cell(SHEET, DATA, col("Quantity")).fill).toBeNull();
    await writeJournalStatus(wb, { errors: [], computed: new Map([[2, { description: "Bicycle", amount: 1200 }]]) });
    expect(wb.cell(SHEET, DATA + 1, col("Quantity")).fill).toBeNull();
    expect(wb.cell(SHEET, DATA + 1, col("Description")).value).toBe("Bicycle");
    expect(wb.cell(SHEET, DATA + 1, col("Amount")).text).toBe("1,200.00");
    expect(wb.cell(SHEET, DATA + 1, col("Status")).fill).toBe("#F2F2F2");
    expect((await wb.readTable("tblItemJournal"))?.rows[1][col("Status")]).toBe("OK");
  });

  test("posted lines are removed; unposted lines keep their values", async () => {
    const wb = await journalWithRows(3);
    type(wb, 2, { "Item No.": "'007" });
    await removePostedLines(wb, [1, 2]);
    const read = await readItemJournal(wb);
    expect(read.lines).toEqual([{ lineNo: 1, postingDate: "2025-01-01", entryType: "Purchase", item: "007", location: "MAIN", quantity: 1 }]);
    expect(wb.cell(SHEET, DATA, col("Line No.")).value).toBe(1);
    await removePostedLines(wb, [1]);
    expect(wb.table("tblItemJournal")?.rowCount).toBe(2); // header and Excel's one blank row
    expect((await readItemJournal(wb)).lines).toEqual([]);
  });
});
