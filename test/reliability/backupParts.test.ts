/**
 * The smaller parts of backup and restore: canonical JSON, the Dexie safety vault (newest three kept),
 * and the function cache told about a restore (excel.md §5: "all INV cells refresh").
 */
import { canonicalJson } from "../../src/backup/canonicalJson";
import { DexieSafetyVault, SAFETY_BACKUPS_KEPT } from "../../src/backup/safetyVault";
import type { BackupManifest } from "../../src/backup/manifest";
import { observeCommits } from "../../src/functions/observedStore";
import { MemoryLedgerStore } from "../../src/storage/memoryStore";
import { makeCompany, makeItem } from "../storage/fixtures";

describe("canonical JSON", () => {
  test("keys sorted at every depth whatever the insertion order; undefined fields left out as JSON does", () => {
    expect(canonicalJson({ b: 1, a: { d: [{ y: 2, x: 1 }], c: undefined }, e: null })).toBe('{"a":{"d":[{"x":1,"y":2}]},"b":1,"e":null}');
    expect(canonicalJson({ a: { d: [{ x: 1, y: 2 }] }, e: null, b: 1 })).toBe(canonicalJson({ b: 1, e: null, a: { d: [{ y: 2, x: 1 }] } }));
    expect(canonicalJson({ balances: { "5000": -0, "1300": 2 } })).toBe('{"balances":{"1300":2,"5000":0}}');
  });

  test("refuses what JSON would silently change", () => {
    expect(() => canonicalJson({ amount: Number.NaN }, "books record")).toThrow(/books record\.amount: the number NaN/);
    expect(() => canonicalJson({ cost: [1, Infinity] })).toThrow(/Infinity has no JSON form/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function has no JSON form/);
  });
});

describe("Dexie safety vault", () => {
  const manifest = (createdAt: string) => ({ createdAt }) as BackupManifest;

  test("keeps the newest three, newest first, with their bytes", async () => {
    const vault = new DexieSafetyVault(`vault-test-${Date.now()}`);
    try {
      for (let day = 1; day <= 5; day++) await vault.add("before restore", manifest(`2026-01-0${day}`), new Uint8Array([day, day]));
      const kept = await vault.list();
      expect(kept).toHaveLength(SAFETY_BACKUPS_KEPT);
      expect(kept.map((info) => info.manifest.createdAt)).toEqual(["2026-01-05", "2026-01-04", "2026-01-03"]);
      expect([...(await vault.get(kept[2].id))!.bytes]).toEqual([3, 3]);
    } finally {
      await vault.destroy();
    }
  });
});

describe("the function cache after a restore", () => {
  test("a committed replace reports that everything changed; a failed one reports nothing", async () => {
    const changes: unknown[] = [];
    const store = observeCommits(new MemoryLedgerStore(), (change) => changes.push(change));
    await store.replaceAll({ company: makeCompany(), items: [makeItem("1000")], books: [], glEntries: [] });
    expect(changes).toEqual([{ all: true }]);
    const broken = { company: makeCompany(), items: [{ ...makeItem("2000"), attributes: () => 0 }], books: [], glEntries: [] };
    await expect(store.replaceAll(broken as never)).rejects.toThrow();
    expect(changes).toEqual([{ all: true }]);
  });
});
