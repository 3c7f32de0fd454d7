/**
 * The .invbak format and restore (excel.md §5): round trips byte for byte, refuses damaged, foreign and
 * newer backups with a clear message and nothing changed, keeps three safety backups, and goes through
 * the workbook's _INV_BACKUP sheet.
 */
import { createHash } from "node:crypto";
import { backupIntoWorkbook, createBackup, restoreBackup, restoreFromWorkbook, workbookRestoreOffer } from "../../src/backup/backupService";
import { decodeBackup } from "../../src/backup/format";
import { BACKUP_SCHEMA_VERSION, BackupError } from "../../src/backup/manifest";
import { MemorySafetyVault } from "../../src/backup/safetyVault";
import type { LedgerStore } from "../../src/core/ports";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";
import { InventoryService } from "../../src/core/service/inventoryService";
import { backupText, demoStore, expectSameRecords, destroyDexieStores, fixedClock, freshDexieStore, gzipText } from "./helpers";

afterAll(destroyDexieStores);

const at = (iso: string) => ({ now: fixedClock(iso), vault: new MemorySafetyVault() });

describe("backup → restore → backup", () => {
  test("gives the same bytes on a fresh store, memory or Dexie, and the same export", async () => {
    const source = await demoStore();
    const first = await createBackup(source, at("2026-01-01T10:00:00Z"));
    for (const target of [new MemoryLedgerStore(), freshDexieStore()] as LedgerStore[]) {
      await restoreBackup(target, first.bytes, at("2026-01-01T10:05:00Z"));
      expectSameRecords(await target.exportAll(), await source.exportAll());
      const second = await createBackup(target, at("2026-01-01T10:00:00Z"));
      expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
    }
  });

  test("with another clock only created-at differs", async () => {
    const source = await demoStore();
    const first = backupText((await createBackup(source, at("2026-01-01T10:00:00Z"))).bytes);
    const target = new MemoryLedgerStore();
    await restoreBackup(target, gzipText(first), at("2026-01-02T00:00:00Z"));
    const second = backupText((await createBackup(target, at("2026-03-04T05:06:07Z"))).bytes);
    expect(second).not.toEqual(first);
    expect(second.replace("2026-03-04T05:06:07.000Z", "2026-01-01T10:00:00.000Z")).toEqual(first);
  });

  test("the manifest: format, schema, app version, company, ledger version, counts, SHA-256 of the body", async () => {
    const source = await demoStore();
    const { bytes, manifest } = await createBackup(source, at("2026-01-01T10:00:00Z"));
    const [head, ...rest] = backupText(bytes).split("\n");
    const body = rest.join("\n");
    expect(JSON.parse(head)).toEqual(manifest);
    const exported = await source.exportAll();
    expect(manifest).toMatchObject({
      format: "inventory-ledger-backup",
      schemaVersion: BACKUP_SCHEMA_VERSION,
      appVersion: "0.1.0",
      company: { id: "demo", name: "DEMO" },
      ledgerVersion: exported.company!.ledgerVersion,
      createdAt: "2026-01-01T10:00:00.000Z",
      counts: { company: 1, items: exported.items.length, books: exported.books.length, glEntries: exported.glEntries.length },
    });
    expect(manifest.bodySha256).toBe(createHash("sha256").update(body, "utf8").digest("hex"));
    // Store by store, in key order.
    const stores = rest.filter(Boolean).map((line) => JSON.parse(line).store);
    expect(stores).toEqual([...stores].sort((a, b) => ["company", "items", "books", "glEntries"].indexOf(a) - ["company", "items", "books", "glEntries"].indexOf(b)));
    const glNos = rest.filter(Boolean).map((line) => JSON.parse(line)).filter((line) => line.store === "glEntries").map((line) => line.record.entryNo);
    expect(glNos).toEqual([...glNos].sort((a, b) => a - b));
  });
});

describe("restore refuses, and changes nothing", () => {
  async function expectRefused(bytes: Uint8Array, code: string, message: RegExp): Promise<void> {
    const target = await demoStore();
    const before = await target.exportAll();
    const vault = new MemorySafetyVault();
    const refusal = restoreBackup(target, bytes, { now: fixedClock("2026-01-01T00:00:00Z"), vault });
    await expect(refusal).rejects.toThrow(BackupError);
    await expect(refusal).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
    expect(await target.exportAll()).toEqual(before);
    expect(await vault.list()).toEqual([]);
  }

  async function demoText(): Promise<string> {
    return backupText((await createBackup(await demoStore(), at("2026-01-01T10:00:00Z"))).bytes);
  }

  /** Rewrites the manifest (and, when asked, the checksum to match the body). */
  function withManifest(text: string, change: (manifest: Record<string, unknown>) => void, rehash = false): Uint8Array {
    const newline = text.indexOf("\n");
    const manifest = JSON.parse(text.slice(0, newline));
    change(manifest);
    if (rehash) manifest.bodySha256 = createHash("sha256").update(text.slice(newline + 1), "utf8").digest("hex");
    return gzipText(`${JSON.stringify(manifest)}${text.slice(newline)}`);
  }

  test("a file that is not gzip", () => expectRefused(new TextEncoder().encode("Item No.,Qty\n1000,5\n"), "INV-B-001", /not an Inventory Ledger backup|damaged/));

  test("a backup cut short", async () => {
    const { bytes } = await createBackup(await demoStore(), at("2026-01-01T10:00:00Z"));
    await expectRefused(bytes.subarray(0, Math.floor(bytes.length / 2)), "INV-B-001", /cut short/);
  });

  test("one changed character in a record (checksum)", async () => {
    const text = await demoText();
    await expectRefused(gzipText(text.replace('"description":"Bicycle"', '"description":"Bicyclf"')), "INV-B-005", /checksum/);
  });

  test("another format id", async () => {
    await expectRefused(withManifest(await demoText(), (m) => (m.format = "something-else")), "INV-B-003", /not an Inventory Ledger backup/);
  });

  test("a manifest that is not JSON", async () => {
    const text = await demoText();
    await expectRefused(gzipText(`{broken${text.slice(text.indexOf("\n"))}`), "INV-B-002", /manifest/);
  });

  test("a newer schema version", async () => {
    await expectRefused(withManifest(await demoText(), (m) => (m.schemaVersion = BACKUP_SCHEMA_VERSION + 1)), "INV-B-004", /newer version/);
  });

  test("record counts that do not match the manifest", async () => {
    await expectRefused(withManifest(await demoText(), (m) => ((m.counts as Record<string, number>).items = 99)), "INV-B-006", /incomplete/);
  });

  test("records out of key order, with a valid checksum", async () => {
    const text = await demoText();
    const lines = text.split("\n");
    const items = lines.map((line, index) => [line, index] as const).filter(([line]) => line.startsWith('{"record":{') && line.includes('"store":"items"'));
    [lines[items[0][1]], lines[items[1][1]]] = [lines[items[1][1]], lines[items[0][1]]];
    await expectRefused(withManifest(lines.join("\n"), () => undefined, true), "INV-B-006", /line \d+: items key .* out of order/);
  });

  test("an item ledger entry in two books, with a valid checksum", async () => {
    const text = await demoText();
    const lines = text.split("\n").map((line) => (line ? JSON.parse(line) : line));
    const books = lines.filter((line) => line && line.store === "books");
    books[1].record.entries.push(books[0].record.entries[0]);
    const rebuilt = lines.map((line) => (line ? JSON.stringify(line) : line)).join("\n");
    await expectRefused(withManifest(rebuilt, () => undefined, true), "INV-B-006", /in two books/);
  });
});

describe("migrations, safety backups, ledger version", () => {
  test("an older schema runs the migration chain; a missing step is refused", async () => {
    const { bytes } = await createBackup(await demoStore(), at("2026-01-01T10:00:00Z"));
    const step = {
      from: BACKUP_SCHEMA_VERSION,
      migrate: (line: { store: "company" | "items" | "books" | "glEntries"; record: unknown }) =>
        line.store === "items" ? { ...line, record: { ...(line.record as object), migratedFrom: BACKUP_SCHEMA_VERSION } } : line,
    };
    const decoded = await decodeBackup(bytes, { schemaVersion: BACKUP_SCHEMA_VERSION + 1, migrations: [step] });
    expect(decoded.snapshot.items.every((item) => (item as unknown as { migratedFrom: number }).migratedFrom === BACKUP_SCHEMA_VERSION)).toBe(true);
    await expect(decodeBackup(bytes, { schemaVersion: BACKUP_SCHEMA_VERSION + 1, migrations: [] })).rejects.toMatchObject({ code: "INV-B-004" });
  });

  test("a restore first backs up the store as it was, and that safety backup brings it back", async () => {
    const store = await demoStore();
    const before = await store.exportAll();
    const vault = new MemorySafetyVault();
    const other = new MemoryLedgerStore();
    await new InventoryService(other).initCompany({ id: "other", name: "Other Ltd", workDate: "2025-06-30" });
    const otherBackup = await createBackup(other, at("2026-01-01T00:00:00Z"));
    const report = await restoreBackup(store, otherBackup.bytes, { now: fixedClock("2026-01-02T00:00:00Z"), vault });
    expect(report.safetyBackup?.company).toEqual({ id: "demo", name: "DEMO" });
    expect((await store.read((tx) => tx.company()))?.id).toBe("other");
    const [safety] = await vault.list();
    expect(safety).toMatchObject({ reason: "before restore", manifest: { createdAt: "2026-01-02T00:00:00.000Z" } });
    const back = new MemoryLedgerStore();
    await restoreBackup(back, (await vault.get(safety.id))!.bytes, at("2026-01-03T00:00:00Z"));
    expectSameRecords(await back.exportAll(), before);
  });

  test("the safety vault keeps only the newest three", async () => {
    const vault = new MemorySafetyVault();
    const { bytes } = await createBackup(await demoStore(), at("2026-01-01T00:00:00Z"));
    const store = new MemoryLedgerStore();
    await restoreBackup(store, bytes, { now: fixedClock("2026-01-01T00:00:00Z"), vault });
    for (let day = 2; day <= 6; day++) await restoreBackup(store, bytes, { now: fixedClock(`2026-01-0${day}T00:00:00Z`), vault });
    expect((await vault.list()).map((info) => info.manifest.createdAt)).toEqual(["2026-01-06T00:00:00.000Z", "2026-01-05T00:00:00.000Z", "2026-01-04T00:00:00.000Z"]);
  });

  test("restoring over a ledger moves its version past the one it had", async () => {
    const store = await demoStore();
    const { bytes, manifest } = await createBackup(store, at("2026-01-01T00:00:00Z"));
    const current = (await store.read((tx) => tx.company()))!.ledgerVersion;
    const report = await restoreBackup(store, bytes, at("2026-01-01T00:01:00Z"));
    expect(report.ledgerVersion).toBe(Math.max(manifest.ledgerVersion, current + 1));
    expect((await store.read((tx) => tx.company()))!.ledgerVersion).toBe(current + 1);
  });
});

describe("the workbook's _INV_BACKUP", () => {
  test("backup into the workbook, offered and restored where the company is absent", async () => {
    const source = await demoStore();
    const workbook = new MemoryWorkbook({ writer: { yieldToEventLoop: async () => undefined } });
    const report = await backupIntoWorkbook(source, workbook, at("2026-01-01T00:00:00Z"));
    expect(report.write.complete).toBe(true);
    expect(workbook.sheets().find((sheet) => sheet.name === "_INV_BACKUP")?.visibility).toBe("veryHidden");
    expect(await workbookRestoreOffer(source, workbook)).toBeNull(); // the company is here
    const elsewhere = new MemoryLedgerStore();
    expect((await workbookRestoreOffer(elsewhere, workbook))?.company).toEqual({ id: "demo", name: "DEMO" });
    await restoreFromWorkbook(elsewhere, workbook, at("2026-01-01T00:05:00Z"));
    expectSameRecords(await elsewhere.exportAll(), await source.exportAll());
    expect(await workbookRestoreOffer(elsewhere, workbook)).toBeNull();
  });

  test("a workbook without a backup offers nothing and refuses a restore clearly", async () => {
    const workbook = new MemoryWorkbook();
    const store = new MemoryLedgerStore();
    expect(await workbookRestoreOffer(store, workbook)).toBeNull();
    await expect(restoreFromWorkbook(store, workbook, at("2026-01-01T00:00:00Z"))).rejects.toMatchObject({ code: "INV-B-007" });
  });
});
