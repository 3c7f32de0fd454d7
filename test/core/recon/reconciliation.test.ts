import { reconcileInventoryToGL } from "../../../src/core/gl/reconciliation";
import { freshService, line } from "../helpers";
import { demoService, ledgerOf } from "./demo";

const figures = (rows: ReturnType<typeof reconcileInventoryToGL>["rows"]) =>
  rows.map((r) => [r.accountNo, r.item ?? r.location, r.ledgerAmount, r.postedToGL, r.glBalance, r.difference]);

describe("inventory – G/L reconciliation", () => {
  it("DEMO at 2025-01-31: 1300 1,600.00 / 1,615.00 / 15.00, caused by the manual G/L entry GJ-0001", async () => {
    const { service } = await demoService();
    const { company, books, glEntries } = await ledgerOf(service);
    const recon = reconcileInventoryToGL(company, books.values(), glEntries, { asOf: "2025-01-31" });
    expect(figures(recon.rows)).toEqual([
      ["1300", null, 160000, 160000, 161500, 1500],
      ["5000", null, 147000, 147000, 147000, 0],
      ["5100", null, 2000, 2000, 2000, 0],
      ["5200", null, -309000, -309000, -309000, 0],
    ]);
    expect(recon.rows.map((r) => r.accountType)).toEqual(["inventory", "cogs", "inventoryAdjustment", "directCostApplied"]);
    expect(recon.rows[0].causes).toEqual([{ kind: "manualEntries", amount: 1500, valueEntryNos: [], glEntryNos: [27], documentNos: ["GJ-0001"] }]);
    expect(recon.totalDifference).toBe(1500);
    expect(recon.unreconciled).toBe(1);
  });

  it("DEMO by item: the manual entry sits on a row no item owns; every item row reconciles", async () => {
    const { service } = await demoService();
    const { company, books, glEntries } = await ledgerOf(service);
    const recon = reconcileInventoryToGL(company, books.values(), glEntries, { asOf: "2025-01-31", grouping: "accountItem" });
    const inventory = figures(recon.rows.filter((r) => r.accountNo === "1300"));
    expect(inventory).toEqual([
      ["1300", null, 0, 0, 1500, 1500],
      ["1300", "1000", 92000, 92000, 92000, 0],
      ["1300", "2000", 51000, 51000, 51000, 0],
      ["1300", "3000", 17000, 17000, 17000, 0],
    ]);
    // An item filter leaves out G/L lines no item owns: item 1000 alone reconciles.
    const only1000 = reconcileInventoryToGL(company, books.values(), glEntries, { asOf: "2025-01-31", item: (no) => no === "1000" });
    expect(only1000.totalDifference).toBe(0);
    expect(figures(only1000.rows)[0]).toEqual(["1300", null, 92000, 92000, 92000, 0]);
  });

  it("DEMO by location: transfers split 1300 between MAIN and EAST", async () => {
    const { service } = await demoService();
    const { company, books, glEntries } = await ledgerOf(service);
    const recon = reconcileInventoryToGL(company, books.values(), glEntries, { asOf: "2025-01-31", grouping: "accountLocation" });
    expect(figures(recon.rows.filter((r) => r.accountNo === "1300"))).toEqual([
      ["1300", null, 0, 0, 1500, 1500],
      ["1300", "EAST", 36000, 36000, 36000, 0],
      ["1300", "MAIN", 124000, 124000, 124000, 0],
    ]);
  });

  it("is exactly 0.00 when every value entry is posted and no manual line touches the accounts", async () => {
    const { service } = await freshService([{ no: "A" }], { inventorySetup: { automaticCostPosting: true } });
    await service.postJournal([line({ entryType: "Purchase", quantity: 3, unitCost: 10 }), line({ entryType: "Sale", quantity: 1 })]);
    await service.postGenJournal([{ postingDate: "2024-01-01", documentNo: "GJ-1", accountNo: "6100", balAccountNo: "2910", amount: 99 }]);
    const { company, books, glEntries } = await ledgerOf(service);
    const recon = reconcileInventoryToGL(company, books.values(), glEntries);
    expect(recon.totalDifference).toBe(0);
    expect(recon.unreconciled).toBe(0);
    expect(recon.rows.every((r) => r.causes.length === 0)).toBe(true);
  });

  it("splits a non-zero difference by cause: unposted value entries, a manual line, a setup changed after posting", async () => {
    const { service, store } = await freshService([{ no: "A" }], { inventorySetup: { automaticCostPosting: false } });
    await service.postJournal([line({ entryType: "Purchase", quantity: 2, unitCost: 10, postingDate: "2024-01-02" })]);
    await service.postInventoryCostToGL();
    // The posting group's inventory account moves from 2130 to 2140 after the receipt was posted.
    await store.transact(async (tx) => {
      const company = await tx.company();
      if (!company) throw new Error("no company");
      await tx.putCompany({ ...company, accounts: { ...company.accounts, inventory: "2140" } });
    });
    await service.postJournal([line({ entryType: "Purchase", quantity: 1, unitCost: 5, postingDate: "2024-01-03" })]);
    await service.postGenJournal([{ postingDate: "2024-01-04", documentNo: "GJ-7", accountNo: "2140", balAccountNo: "2910", amount: 1.25 }]);
    const { company, books, glEntries } = await ledgerOf(service);
    const recon = reconcileInventoryToGL(company, books.values(), glEntries);
    const inventory = recon.rows.find((r) => r.accountNo === "2140");
    if (!inventory) throw new Error("no 2140 row");
    // Ledger 25.00 on 2140; G/L holds only the manual 1.25 there: 20.00 went to 2130, 5.00 is unposted.
    expect([inventory.ledgerAmount, inventory.postedToGL, inventory.glBalance, inventory.difference]).toEqual([2500, 2000, 125, -2375]);
    expect(inventory.causes).toEqual([
      { kind: "manualEntries", amount: 125, valueEntryNos: [], glEntryNos: [3], documentNos: ["GJ-7"] },
      { kind: "postedElsewhere", amount: -2000, valueEntryNos: [1], glEntryNos: [], documentNos: [] },
      { kind: "notPosted", amount: -500, valueEntryNos: [2], glEntryNos: [], documentNos: [] },
    ]);
    expect(inventory.causes.reduce((sum, c) => sum + c.amount, 0)).toBe(inventory.difference);
    const old = recon.rows.find((r) => r.accountNo === "2130");
    expect([old?.ledgerAmount, old?.glBalance, old?.difference]).toEqual([0, 2000, 2000]);
    expect(old?.causes.map((c) => [c.kind, c.amount, c.glEntryNos])).toEqual([["postedElsewhere", 2000, [1]]]);
    expect(recon.totalDifference).toBe(2375 + 2000 + 500);
  });

  it("compares with a pasted trial balance: the part the add-in did not post is named external", async () => {
    const { service } = await demoService();
    const { company, books, glEntries } = await ledgerOf(service);
    const trialBalance = new Map([["1300", 161000], ["5000", 147000]]);
    const recon = reconcileInventoryToGL(company, books.values(), glEntries, { asOf: "2025-01-31", trialBalance });
    const [inventory, cogs] = recon.rows;
    expect([inventory.glBalance, inventory.difference]).toEqual([161000, 1000]);
    expect(inventory.causes).toEqual([{ kind: "externalEntries", amount: 1000, valueEntryNos: [], glEntryNos: [], documentNos: [] }]);
    expect([cogs.glBalance, cogs.difference]).toEqual([147000, 0]);
    // Accounts missing from the pasted sheet count as 0 there.
    expect(recon.rows.find((r) => r.accountNo === "5100")?.difference).toBe(-2000);
  });
});
