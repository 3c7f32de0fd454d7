/**
 * excel.md §2.1 rule 10: the ledger version INV values were calculated from is stamped in _INV_META after
 * refreshes that leave every INV cell current, and compared with the store's when the pane opens.
 */
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { META_SHEET } from "../../src/excel/sheets/metaSheet";
import { CellRegistry } from "../../src/functions/cellRegistry";
import { FormulaRefresher } from "../../src/refresh/formulaRefresher";
import { readResultStamp, ResultStampKeeper, resultsOutOfDate, writeResultStamp, type ResultStamp } from "../../src/refresh/resultStamp";

const at = (companyId: string, ledgerVersion: number): ResultStamp => ({ companyId, ledgerVersion });

test("values are out of date when the stamp names another ledger version or company; no stamp, nothing to compare", () => {
  expect(resultsOutOfDate(at("acme", 5), at("acme", 5))).toBe(false);
  expect(resultsOutOfDate(at("acme", 5), at("acme", 9))).toBe(true);
  expect(resultsOutOfDate(at("acme", 9), at("acme", 5))).toBe(true); // a restore of an older backup
  expect(resultsOutOfDate(at("acme", 5), at("globex", 5))).toBe(true);
  expect(resultsOutOfDate(null, at("acme", 5))).toBe(false);
  expect(resultsOutOfDate(at("acme", 5), undefined)).toBe(false);
});

test("the stamp is a row of the very hidden _INV_META", async () => {
  const workbook = new MemoryWorkbook();
  expect(await readResultStamp(workbook)).toBeNull();
  await writeResultStamp(workbook, at("acme", 12), "2025-02-05 10:14");
  expect(await readResultStamp(workbook)).toEqual(at("acme", 12));
  expect(workbook.sheets().find((sheet) => sheet.name === META_SHEET)?.visibility).toBe("veryHidden");
});

/** A workbook with three INV cells stamped at `stamped`, a store at ledger v7, and a refresher that tells the keeper of refreshes. */
function pane(stamped: number | null, limit?: number) {
  const workbook = new MemoryWorkbook();
  const registry = new CellRegistry();
  for (const address of ["Stock!B2", "Stock!B3", "Stock!C2"]) registry.registerUnknown(address);
  const store = { version: 7 };
  const keeper = new ResultStampKeeper(workbook, async () => at("acme", store.version), () => "2025-02-05 10:14");
  const refresher = new FormulaRefresher(workbook, registry, { listener: keeper, autoRefreshLimit: limit });
  const open = async () => {
    if (stamped !== null) await writeResultStamp(workbook, at("acme", stamped), "2025-02-01 09:00");
    return keeper.checkOnOpen();
  };
  const commit = () => {
    store.version++;
    refresher.noteChange({ items: ["1000"] });
    return refresher.refreshChanged();
  };
  return { workbook, refresher, store, open, commit, stamp: () => readResultStamp(workbook) };
}

test("opened current, each targeted refresh stamps the store's new version", async () => {
  const { open, commit, stamp } = pane(7);
  expect(await open()).toBeNull();
  await commit();
  expect(await stamp()).toEqual(at("acme", 8));
});

test("opened out of date: the offer names both versions; targeted refreshes do not stamp, Refresh all does", async () => {
  const { open, commit, refresher, stamp } = pane(5);
  expect(await open()).toEqual({ stamped: at("acme", 5), store: at("acme", 7) });
  await commit();
  expect(await stamp()).toEqual(at("acme", 5));
  await refresher.refreshAll();
  expect(await stamp()).toEqual(at("acme", 8));
  await commit();
  expect(await stamp()).toEqual(at("acme", 9));
});

test("cells waiting on the offer hold the stamp back; Refresh now moves it, Later stops it", async () => {
  const { open, commit, refresher, stamp } = pane(7, 2);
  await open();
  expect((await commit()).kind).toBe("asked");
  expect(await stamp()).toEqual(at("acme", 7));
  await refresher.acceptOffer();
  expect(await stamp()).toEqual(at("acme", 8));
  expect((await commit()).kind).toBe("asked");
  refresher.dismissOffer();
  refresher.noteChange({ items: ["2000"] });
  await refresher.refreshChanged();
  expect(await stamp()).toEqual(at("acme", 8));
});

test("a workbook without INV formulas gets no hidden sheet", async () => {
  const workbook = new MemoryWorkbook();
  const keeper = new ResultStampKeeper(workbook, async () => at("acme", 3), () => "2025-02-05 10:14");
  const refresher = new FormulaRefresher(workbook, new CellRegistry(), { listener: keeper });
  expect(await keeper.checkOnOpen()).toBeNull();
  refresher.noteChange({ items: ["1000"] });
  await refresher.refreshChanged();
  await refresher.refreshAll();
  expect(workbook.sheets().map((sheet) => sheet.name)).not.toContain(META_SHEET);
});
