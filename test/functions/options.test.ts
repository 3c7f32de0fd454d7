/**
 * The options argument forms of excel.md §1.1 on the value functions: expected=TRUE adds Cost Amount
 * (Expected) of received-not-invoiced stock, date=valuation cuts a later item charge at its receipt's
 * date, lot= narrows to one lot; unknown keys and bad values are #VALUE! with the spec's kind of message.
 */
import { InventoryService } from "../../src/core/service/inventoryService";
import { closeChangeChannel, configureFunctions, flushFunctions, invFunctions } from "../../src/functions/registry";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";
import { installCustomFunctionsShim, settle } from "./customFunctionsShim";

const { QTY, VALUE, UNITCOST, COGS, OPENENTRIES, EXPLAIN } = invFunctions;

beforeAll(async () => {
  installCustomFunctionsShim();
  const store = configureFunctions({ store: new MemoryLedgerStore(), broadcast: false });
  const service = new InventoryService(store);
  await service.initCompany({ workDate: "2024-03-01", locations: [{ code: "BLUE" }] });
  await service.upsertItems([{ no: "A", costingMethod: "FIFO", unitCost: 10, unitPrice: 20 }]);
  await service.postJournal([
    { postingDate: "2024-01-05", entryType: "Purchase", item: "A", location: "BLUE", quantity: 4, unitCost: 10 },
    // Received, not invoiced: its cost is expected only (costing.md §6.3).
    { postingDate: "2024-01-10", entryType: "Purchase", item: "A", location: "BLUE", quantity: 2, unitCost: 20, invoicedQuantity: 0 },
  ]);
  await service.itemCharge({ date: "2024-02-01", appliesToEntry: 1, amount: 2 });
}, 30_000);
afterAll(async () => {
  closeChangeChannel();
  await flushFunctions();
});

test("expected=TRUE adds expected cost; QTY counts received-not-invoiced stock", async () => {
  expect(await settle(() => QTY([["A"]], "2024-01-31"))).toEqual([[6]]);
  expect(await settle(() => VALUE([["A"]], "2024-01-31"))).toEqual([[40]]);
  expect(await settle(() => VALUE([["A"]], "2024-01-31", null, null, "expected=TRUE"))).toEqual([[80]]);
  expect(await settle(() => UNITCOST([["A"]], "2024-01-31", null, null, "expected=TRUE"))).toEqual([[13.33333]]); // 80.00 / 6, to 0.00001
});

test("date=valuation counts the February charge at its receipt's January date", async () => {
  expect(await settle(() => VALUE([["A"]], "2024-01-31", null, null, "date=valuation"))).toEqual([[42]]);
  expect(await settle(() => VALUE([["A"]], "2024-01-31", null, null, "date=valuation;expected=TRUE"))).toEqual([[82]]);
  const rows = (await settle(() => EXPLAIN("VALUE", "A", "2024-01-31", null, null, null, "date=valuation"))) as unknown[][];
  expect(rows[rows.length - 1]).toEqual(["Total", "", "", "", "", "", 6, 42, ""]);
  const open = (await settle(() => OPENENTRIES("A", "2024-01-31", null, null, "expected=TRUE;headers=FALSE"))) as unknown[][];
  expect(open.map((row) => row[8])).toEqual([40, 40]);
});

test("bad options are #VALUE! naming the key or value", async () => {
  expect(await settle(() => VALUE([["A"]], null, null, null, "date=booking"))).toEqual({ code: "#VALUE!", message: "date must be posting or valuation" });
  expect(await settle(() => VALUE([["A"]], null, null, null, "expected=maybe"))).toEqual({ code: "#VALUE!", message: "expected must be TRUE or FALSE" });
  expect(await settle(() => COGS([["A"]], null, null, null, null, "colour=red"))).toEqual({
    code: "#VALUE!", message: "option colour is not known; use date, expected, variant, lot, serial",
  });
  expect(await settle(() => VALUE([["A"]], null, null, "actual"))).toEqual({ code: "#VALUE!", message: "basis must be posted or adjusted" });
  expect(await settle(() => OPENENTRIES("A", null, null, null, "headers=maybe"))).toEqual({ code: "#VALUE!", message: "headers must be TRUE or FALSE" });
});
