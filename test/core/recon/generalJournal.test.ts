import { RefusedError } from "../../../src/core/errors";
import { freshService } from "../helpers";
import { demoService } from "./demo";

describe("general journal (manual G/L lines)", () => {
  it("DEMO: GJ-0001 posts +15.00 to 1300 against 2310 as G/L entries without a value entry", async () => {
    const { service } = await demoService();
    const manual = (await service.glEntries()).filter((entry) => entry.valueEntryNo === null);
    expect(manual.map((e) => [e.documentNo, e.postingDate, e.accountNo, e.amount])).toEqual([
      ["GJ-0001", "2025-01-31", "1300", 1500],
      ["GJ-0001", "2025-01-31", "2310", -1500],
    ]);
    const company = await service.company();
    expect(company.glBalances["2310"]).toBe(-1500);
  });

  it("posts balancing lines of one document without a Bal. Account No. and reports the G/L entry range", async () => {
    const { service } = await freshService([]);
    const before = (await service.company()).ledgerVersion;
    const result = await service.postGenJournal([
      { postingDate: "2024-01-31", documentNo: "GJ-1", accountNo: "2130", amount: 12.5 },
      { postingDate: "2024-01-31", documentNo: "GJ-1", accountNo: "7270", amount: -12.5, description: "Shrinkage" },
    ]);
    expect(result).toEqual({ firstGLEntryNo: 1, lastGLEntryNo: 2, entries: 2 });
    const entries = await service.glEntries();
    expect(entries.map((e) => [e.accountNo, e.amount, e.description])).toEqual([
      ["2130", 1250, "General journal"],
      ["7270", -1250, "Shrinkage"],
    ]);
    expect((await service.company()).ledgerVersion).toBe(before + 1);
  });

  it("refuses the whole journal with every field error on its line, and writes nothing", async () => {
    const { service, store } = await freshService([]);
    const snapshot = await store.exportAll();
    const lines = [
      { postingDate: "2024-01-31", documentNo: "GJ-1", accountNo: "2130", amount: 10, balAccountNo: "2910" },
      { postingDate: "31/01/2024", documentNo: "", accountNo: "2130", amount: 0 },
      { postingDate: "2024-01-31", documentNo: "GJ-2", accountNo: "2130", amount: 1.005, balAccountNo: "2130" },
    ];
    await expect(service.validateGenJournal(lines)).resolves.toEqual([
      { line: 2, field: "postingDate", message: "'31/01/2024' is not a calendar date in the form YYYY-MM-DD" },
      { line: 2, field: "documentNo", message: "Document No. is required" },
      { line: 2, field: "amount", message: "Amount must not be 0" },
      { line: 3, field: "amount", message: "Amount 1.005 has more than two decimals" },
      { line: 3, field: "balAccountNo", message: "Bal. Account No. must differ from Account No." },
    ]);
    await expect(service.postGenJournal(lines)).rejects.toBeInstanceOf(RefusedError);
    expect(await store.exportAll()).toEqual(snapshot);
  });

  it("refuses a document that does not balance, naming its last line", async () => {
    const { service } = await freshService([]);
    const errors = await service.validateGenJournal([
      { postingDate: "2024-01-31", documentNo: "GJ-1", accountNo: "2130", amount: 10 },
      { postingDate: "2024-01-31", documentNo: "GJ-1", accountNo: "7270", amount: -9.99 },
    ]);
    expect(errors).toEqual([{ line: 2, field: "balAccountNo", message: "Document GJ-1 of 2024-01-31 is out of balance by 0.01; give a Bal. Account No. or balancing lines" }]);
  });

  it("checks the posting date against the G/L setup's allowed range", async () => {
    const { service } = await freshService([]);
    await service.changeSetup({ generalLedgerSetup: { allowPostingFrom: "2024-02-01" } });
    const errors = await service.validateGenJournal([{ postingDate: "2024-01-31", documentNo: "GJ-1", accountNo: "2130", amount: 1, balAccountNo: "2910" }]);
    expect(errors.map((e) => [e.line, e.field])).toEqual([[1, "postingDate"]]);
    expect(errors[0].message).toContain("not within the allowed posting range");
  });

  it("refuses an empty journal", async () => {
    const { service } = await freshService([]);
    await expect(service.postGenJournal([])).rejects.toThrow("The general journal has no lines");
  });
});
