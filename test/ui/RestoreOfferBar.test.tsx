/**
 * excel.md §5: the pane, on opening a workbook whose _INV_BACKUP holds a company this store lacks, offers
 * the restore at once (not only once Settings is opened), and the button leads to the Settings screen.
 */
import { webcrypto } from "node:crypto";
import { CompressionStream, DecompressionStream } from "node:stream/web";
import { TextDecoder, TextEncoder } from "node:util";
import { configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { composeApp } from "../../src/app/composition";
import { backupIntoWorkbook } from "../../src/backup/backupService";
import { MemorySafetyVault } from "../../src/backup/safetyVault";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";
import { App } from "../../src/taskpane/App";

configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
Object.assign(globalThis, { CompressionStream, DecompressionStream, TextEncoder, TextDecoder });
Object.defineProperty(globalThis, "crypto", { value: webcrypto, configurable: true });

const newWorkbook = () => new MemoryWorkbook({ writer: { yieldToEventLoop: async () => undefined } });

async function openPane(workbook: MemoryWorkbook, store: MemoryLedgerStore) {
  const deps = composeApp(store, workbook, { safetyVault: new MemorySafetyVault(), now: () => new Date("2026-01-02T09:30:00Z") });
  render(
    <FluentProvider theme={webLightTheme}>
      <App {...deps} />
    </FluentProvider>,
  );
}

test("a backup of a company this store lacks is offered on open and leads to Settings", async () => {
  const workbook = newWorkbook();
  const other = new MemoryLedgerStore();
  await composeApp(other, workbook).service.initCompany({ id: "beta", name: "Beta GmbH", workDate: "2025-01-31" });
  await backupIntoWorkbook(other, workbook, { now: () => new Date("2026-01-01T00:00:00Z") });
  await openPane(workbook, new MemoryLedgerStore());
  const bar = await screen.findByTestId("restore-offer");
  expect(bar.textContent).toMatch(/Beta GmbH \(ledger v\d+\)/);
  fireEvent.click(screen.getByRole("button", { name: "Restore from workbook…" }));
  await waitFor(() => expect(screen.getByRole("tab", { name: "Settings" }).getAttribute("aria-selected")).toBe("true"));
});

test("no bar when the workbook has no backup", async () => {
  const store = new MemoryLedgerStore();
  await composeApp(store, newWorkbook()).service.initCompany({ id: "acme", name: "Acme", workDate: "2025-02-05" });
  await openPane(newWorkbook(), store);
  await screen.findByRole("tab", { name: "Journal" });
  // The offer is looked up asynchronously: give it the time it would need before asserting absence.
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(screen.queryByTestId("restore-offer")).toBeNull();
});
