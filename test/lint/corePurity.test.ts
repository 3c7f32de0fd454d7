/**
 * The lint rule that keeps src/core pure (no storage, UI, Excel, DOM, Node or clock) really fires:
 * each forbidden line below is linted as if it were a file of the core.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const root = join(__dirname, "../..");

/**
 * Lints snippets as a file of the core with the project's own config, in a child Node process: the
 * config is an ES module, which Jest's CommonJS runtime cannot import. One process lints every snippet.
 */
function lintAsCore(snippets: string[]): string[][] {
  const script = `
    const { ESLint } = require("eslint");
    const eslint = new ESLint({ cwd: process.cwd() });
    const snippets = JSON.parse(process.argv[1]);
    (async () => {
      const out = [];
      for (const code of snippets) {
        const [result] = await eslint.lintText(code, { filePath: "src/core/posting/example.ts" });
        out.push(result.messages.map((m) => m.ruleId ?? m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  return JSON.parse(execFileSync(process.execPath, ["-e", script, JSON.stringify(snippets)], { cwd: root, encoding: "utf8" }));
}

const forbidden: [string, string][] = [
  ['import Dexie from "dexie";\nexport const d = Dexie;', "no-restricted-imports"],
  ['import { useState } from "react";\nexport const s = useState;', "no-restricted-imports"],
  ['import { Button } from "@fluentui/react-components";\nexport const b = Button;', "no-restricted-imports"],
  ['import { MemoryLedgerStore } from "../../storage/memoryStore";\nexport const m = MemoryLedgerStore;', "no-restricted-imports"],
  ['import { readFileSync } from "node:fs";\nexport const r = readFileSync;', "no-restricted-imports"],
  ["export const cell = document.body;", "no-restricted-globals"],
  ["export const db = indexedDB;", "no-restricted-globals"],
  ["export const ctx = Excel.run;", "no-restricted-globals"],
  ["export const today = new Date();", "no-restricted-syntax"],
  ["export const now = Date.now();", "no-restricted-syntax"],
  ["export const r = Math.random();", "no-restricted-syntax"],
];
const pure = 'import { mulDivRound } from "../money";\nexport const d = new Date(Date.UTC(2025, 0, 31)).getUTCDay() + mulDivRound(1, 2, 3);';

describe("src/core purity rule", () => {
  let results: string[][] = [];
  beforeAll(() => {
    results = lintAsCore([...forbidden.map(([code]) => code), pure]);
  }, 60_000);

  test.each(forbidden.map(([code, rule], index) => [code, rule, index] as const))("refuses %s", (_code, rule, index) => {
    expect(results[index]).toContain(rule);
  });

  test("allows pure code, including dates built from data", () => {
    expect(results[forbidden.length]).toEqual([]);
  });
});
