/**
 * Settings / Backup screen (excel.md §4.1, §5; issue 8 item 6) over the memory store and workbook:
 * diagnostics, work date, backup to file and restore from it after confirmation (safety backup listed),
 * a damaged file refused with nothing changed, the storage warning with the workbook backup one click
 * away, and the "Restore from workbook" offer for a company this store does not hold.
 */
import { webcrypto } from "node:crypto";
import { CompressionStream, DecompressionStream } from "node:stream/web";
import { TextDecoder, TextEncoder } from "node:util";
import { configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { composeApp } from "../../src/app/composition";
import type { AppDeps } from "../../src/app/deps";
import { backupIntoWorkbook } from "../../src/backup/backupService";
import { canonicalJson } from "../../src/backup/canonicalJson";
import { MemorySafetyVault } from "../../src/backup/safetyVault";
import type { StorageStatusSource } from "../../src/backup/storageStatus";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";
import { SettingsScreen } from "../../src/taskpane/SettingsScreen";

// Two cores shared by several test runs: generous waits, the assertions stay the same.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);

// jsdom lacks the platform pieces a backup uses; Node's own implementations stand in.
Object.assign(globalThis, { CompressionStream, DecompressionStream, TextEncoder, TextDecoder });
Object.defineProperty(globalThis, "crypto", { value: webcrypto, configurable: true });

const granted: StorageStatusSource = { persisted: async () => true, estimate: async () => ({ usage: 1024 * 1024, quota: 2 * 1024 ** 3 }) };

async function setup(extra: Partial<AppDeps> = {}) {
  const workbook = new MemoryWorkbook({ writer: { yieldToEventLoop: async () => undefined } });
  const saved: { name: string; bytes: Uint8Array }[] = [];
  const deps = composeApp(new MemoryLedgerStore(), workbook, {
    now: () => new Date("2026-01-02T09:30:00Z"),
    safetyVault: new MemorySafetyVault(),
    saveFile: (name, bytes) => saved.push({ name, bytes }),
    storage: granted,
    onLedgerChanged: jest.fn(),
    ...extra,
  });
  await deps.service.initCompany({ id: "acme", name: "Acme", workDate: "2025-02-05", locations: [{ code: "MAIN" }] });
  await deps.service.upsertItems([{ no: "1000", description: "Bicycle", costingMethod: "FIFO", unitCost: 100, baseUnitOfMeasure: "PCS" }]);
  await deps.service.postJournal([{ postingDate: "2025-02-01", entryType: "Purchase", item: "1000", location: "MAIN", quantity: 4, unitCost: 100 }]);
  render(
    <FluentProvider theme={webLightTheme}>
      <SettingsScreen {...deps} />
    </FluentProvider>,
  );
  await waitFor(() => expect(screen.getByTestId("diagnostics").textContent).toMatch(/Item ledger entries1/));
  return { deps, workbook, saved };
}

const outcome = () => screen.findByTestId("task-outcome", {}, { timeout: 5000 });

test("diagnostics and the work date", async () => {
  const { deps } = await setup();
  const facts = screen.getByTestId("diagnostics").textContent ?? "";
  expect(facts).toMatch(/CompanyAcme \(acme\)/);
  expect(facts).toMatch(/Items1/);
  expect(screen.getByTestId("storage-status").textContent).toMatch(/Persistent storage: granted; 1\.0 MB of 2048 MB used/);
  expect(screen.queryByTestId("storage-warning")).toBeNull();
  fireEvent.change(screen.getByLabelText("Work date"), { target: { value: "2025-03-31" } });
  fireEvent.click(screen.getByRole("button", { name: "Set" }));
  expect((await outcome()).textContent).toMatch(/Work date changed/);
  expect((await deps.service.company()).workDate).toBe("2025-03-31");
  fireEvent.change(screen.getByLabelText("Work date"), { target: { value: "2025-02-30" } });
  fireEvent.click(screen.getByRole("button", { name: "Set" }));
  await waitFor(() => expect(screen.getByTestId("error-list").textContent).toMatch(/workDate: '2025-02-30' is not a date/));
});

test("backup to file, then restore it after confirmation; the replaced data is kept as a safety backup", async () => {
  const { deps, saved } = await setup();
  fireEvent.click(screen.getByRole("button", { name: "Backup to file" }));
  expect((await outcome()).textContent).toMatch(/Backup saved/);
  expect(saved).toHaveLength(1);
  expect(saved[0].name).toBe("inventory-ledger-acme-2026-01-02T0930.invbak");
  const before = await deps.store.exportAll();

  await deps.service.postJournal([{ postingDate: "2025-02-02", entryType: "Sale", item: "1000", location: "MAIN", quantity: 1 }]);
  fireEvent.change(screen.getByTestId("restore-file"), { target: { files: [new File([saved[0].bytes.slice()], saved[0].name)] } });
  const confirm = await screen.findByTestId("restore-confirm", {}, { timeout: 5000 });
  expect(confirm.textContent).toMatch(/Restore from inventory-ledger-acme.*Acme \(acme\).*1 items/);
  fireEvent.click(within(confirm).getByRole("button", { name: "Restore now" }));
  await waitFor(() => expect(screen.getByTestId("task-outcome").textContent).toMatch(/Restored/));
  expect(deps.onLedgerChanged).toHaveBeenCalled();
  const after = await deps.store.exportAll();
  expect(canonicalJson(after.books)).toBe(canonicalJson(before.books)); // -0 amounts come back as 0
  expect(after.company?.ledgerVersion).toBeGreaterThan(before.company!.ledgerVersion);
  expect(await screen.findByRole("button", { name: "Restore" })).toBeTruthy(); // the safety backup
});

test("a damaged file is refused at once with its reason; nothing is offered or changed", async () => {
  const { deps, saved } = await setup();
  fireEvent.click(screen.getByRole("button", { name: "Backup to file" }));
  await outcome();
  const damaged = saved[0].bytes.slice(0, 40);
  const before = await deps.store.exportAll();
  fireEvent.change(screen.getByTestId("restore-file"), { target: { files: [new File([damaged], "cut.invbak")] } });
  await waitFor(() => expect(screen.getByTestId("task-outcome").textContent).toMatch(/Backup file refused.*cut short.*Nothing was restored/));
  expect(screen.queryByTestId("restore-confirm")).toBeNull();
  expect(await deps.store.exportAll()).toEqual(before);
});

test("storage not persisted: a warning with the workbook backup one click away", async () => {
  const denied: StorageStatusSource = { persisted: async () => false, persist: async () => false, estimate: async () => ({ usage: 990 * 1024 * 1024, quota: 1000 * 1024 * 1024 }) };
  const { workbook } = await setup({ storage: denied });
  const warnings = await screen.findAllByTestId("storage-warning");
  expect(warnings.map((w) => w.textContent).join(" ")).toMatch(/did not grant persistent storage.*nearly full/s);
  fireEvent.click(within(warnings[0]).getByRole("button", { name: "Backup into workbook" }));
  expect((await outcome()).textContent).toMatch(/Backup written to the workbook/);
  expect(workbook.sheets().find((sheet) => sheet.name === "_INV_BACKUP")?.visibility).toBe("veryHidden");
});

test("a workbook carrying another company's backup offers Restore from workbook", async () => {
  const other = new MemoryLedgerStore();
  const workbook = new MemoryWorkbook({ writer: { yieldToEventLoop: async () => undefined } });
  const otherDeps = composeApp(other, workbook);
  await otherDeps.service.initCompany({ id: "beta", name: "Beta GmbH", workDate: "2025-01-31" });
  await backupIntoWorkbook(other, workbook, { now: () => new Date("2026-01-01T00:00:00Z") });
  const { deps } = await setup({ workbook });
  const offer = await screen.findByTestId("workbook-offer");
  expect(offer.textContent).toMatch(/Beta GmbH \(beta\)/);
  fireEvent.click(within(offer).getByRole("button", { name: "Restore from workbook" }));
  fireEvent.click(within(await screen.findByTestId("restore-confirm", {}, { timeout: 5000 })).getByRole("button", { name: "Restore now" }));
  await waitFor(() => expect(screen.getByTestId("task-outcome").textContent).toMatch(/Restored/));
  expect((await deps.service.company()).id).toBe("beta");
  await waitFor(() => expect(screen.queryByTestId("workbook-offer")).toBeNull());
});
