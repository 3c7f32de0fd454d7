/**
 * Every example of excel.md §1.2 (test/e2e/catalog-examples.json, shared with the e2e suite) typed as a
 * formula into the workbench's formula engine over the DEMO: the same value, spill or error code.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { demoFormulaEngine } from "./demoFormulaEngine";

interface Example {
  formula: string;
  expected: unknown;
}

const { examples } = JSON.parse(readFileSync(path.resolve(__dirname, "../e2e/catalog-examples.json"), "utf8")) as { examples: Example[] };
const { engine, at } = demoFormulaEngine();

/** A spill of one cell is that cell's value, as the grid shows it. */
function shown(result: unknown): unknown {
  return Array.isArray(result) && result.length === 1 && Array.isArray(result[0]) && result[0].length === 1 ? result[0][0] : result;
}

test.each(examples.map((example) => [example.formula, example.expected] as const))("%s", async (formula, expected) => {
  const result = shown(await engine.evaluate(formula, at));
  const error = (expected as { error?: string } | null)?.error;
  expect(result).toEqual(error ?? expected);
});
