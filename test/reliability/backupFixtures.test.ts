/**
 * Stored backups of every schema version must keep restoring (excel.md §5: an older schemaVersion runs
 * the migration chain; issue 8, item 4). fixtures/demo-schema1.invbak is the DEMO company backed up by
 * schema 1 on 2026-11-25. When a schema 2 arrives, its migration step must turn this file into records
 * the engine posts on; until then the restored records re-encode to the very same text.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { createBackup, restoreBackup } from "../../src/backup/backupService";
import { BACKUP_SCHEMA_VERSION } from "../../src/backup/manifest";
import { MemorySafetyVault } from "../../src/backup/safetyVault";
import { InventoryService } from "../../src/core/service/inventoryService";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";
import { backupText, destroyDexieStores, freshDexieStore } from "./helpers";

afterAll(destroyDexieStores);

const FIXTURES = [{ file: "demo-schema1.invbak", schemaVersion: 1 }];

describe.each(FIXTURES)("$file", ({ file, schemaVersion }) => {
  const bytes = new Uint8Array(readFileSync(path.join(__dirname, "fixtures", file)));

  test("restores into both stores with every record, and the ledger still posts", async () => {
    for (const store of [new MemoryLedgerStore(), freshDexieStore("fixture")]) {
      const report = await restoreBackup(store, bytes, { now: () => new Date("2026-12-01T00:00:00Z"), vault: new MemorySafetyVault() });
      expect(report.manifest.schemaVersion).toBe(schemaVersion);
      const restored = await store.exportAll();
      expect({ items: restored.items.length, books: restored.books.length, glEntries: restored.glEntries.length }).toEqual({
        items: report.manifest.counts.items, books: report.manifest.counts.books, glEntries: report.manifest.counts.glEntries,
      });
      const summary = await new InventoryService(store).postJournal([{ postingDate: "2025-02-05", entryType: "Sale", item: "1000", location: "MAIN", quantity: 1, unitPrice: 200 }]);
      expect(summary.firstEntryNo).toBe(restored.company!.counters.lastItemLedgerEntryNo + 1);
    }
  });

  test("re-encodes to the same records (after a migration: as many records)", async () => {
    const store = new MemoryLedgerStore();
    const { manifest } = await restoreBackup(store, bytes, { now: () => new Date("2026-12-01T00:00:00Z"), vault: new MemorySafetyVault() });
    const again = backupText((await createBackup(store, { now: () => new Date(manifest.createdAt), appVersion: manifest.appVersion })).bytes);
    const original = backupText(bytes);
    if (schemaVersion === BACKUP_SCHEMA_VERSION) expect(again).toBe(original);
    else expect(again.split("\n").length).toBe(original.split("\n").length);
  });
});
