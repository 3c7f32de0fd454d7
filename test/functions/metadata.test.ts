/**
 * functions.json as the build generates it: the metadata plugin calls custom-functions-metadata's
 * generateCustomFunctionsMetadata on src/functions/functions.ts; run the same call here.
 */
import * as path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

interface ParameterMetadata {
  name: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  parameters: ParameterMetadata[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, boolean>;
}

let functions: FunctionMetadata[];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(path.resolve(__dirname, "../../src/functions/functions.ts"));
  expect(result.errors).toEqual([]);
  functions = JSON.parse(result.metadataJson).functions;
}, 30_000);

const byId = (id: string) => functions.find((f) => f.id === id)!;

test("declares exactly the catalogue's functions built so far", () => {
  expect(functions.map((f) => f.id).sort()).toEqual([
    "ABLETOMAKE", "AGING", "ATTR", "AVAILABLE", "AVAILBYEVENT", "AVAILBYPERIOD", "COGS", "COGSASIF", "EXPIRY", "EXPLAIN", "GLDIFF",
    "INCDEC", "ITEM", "ITEMS", "LOTQTY", "LOTS", "OPENENTRIES", "PAB", "QTY", "RESERVED", "TRACE", "UNITCOST", "VALUE", "VALUEASIF",
    "VERSION", "WORKDATE",
  ]);
  for (const f of functions) expect(f.name).toBe(f.id);
});

test("QTY(item, [asOf], [location], [options]) takes a range of items and returns a same-shaped array", () => {
  const qty = byId("QTY");
  expect(qty.parameters.map((p) => [p.name, p.optional ?? false])).toEqual([
    ["item", false],
    ["asOf", true],
    ["location", true],
    ["options", true],
  ]);
  // Ranges in: every argument accepts a range (the others element-wise), so all are matrices of any.
  for (const p of qty.parameters) expect(p).toMatchObject({ dimensionality: "matrix", type: "any" });
  expect(qty.result).toEqual({ dimensionality: "matrix", type: "number" });
});

test("UNITCOST(item, [asOf], [location], [basis], [options])", () => {
  const unitCost = byId("UNITCOST");
  expect(unitCost.parameters.map((p) => [p.name, p.optional ?? false])).toEqual([
    ["item", false],
    ["asOf", true],
    ["location", true],
    ["basis", true],
    ["options", true],
  ]);
  for (const p of unitCost.parameters) expect(p.dimensionality).toBe("matrix");
  expect(unitCost.result.dimensionality).toBe("matrix");
});

test("no function is volatile or streaming (rule 4); all are cancelable (rule 7)", () => {
  for (const f of functions) {
    expect(f.options?.volatile ?? false).toBe(false);
    expect(f.options?.stream ?? false).toBe(false);
    expect(f.options?.cancelable).toBe(true);
    // Excel's invocation argument is not a user parameter.
    expect(f.parameters.map((p) => p.name)).not.toContain("invocation");
  }
});

test("ATTR(item, attribute) and ITEM(item, field): ranges in, arrays of any value out", () => {
  for (const [id, second] of [["ATTR", "attribute"], ["ITEM", "field"]]) {
    const f = byId(id);
    expect(f.parameters.map((p) => [p.name, p.optional ?? false])).toEqual([
      ["item", false],
      [second, false],
    ]);
    expect(f.result.dimensionality).toBe("matrix");
    expect(f.result.type ?? "any").toBe("any");
  }
});

test("ITEMS([category], [attributeFilter], [fields], [options]) spills", () => {
  const items = byId("ITEMS");
  expect(items.parameters.map((p) => [p.name, p.optional ?? false])).toEqual([
    ["category", true],
    ["attributeFilter", true],
    ["fields", true],
    ["options", true],
  ]);
  expect(items.result.dimensionality).toBe("matrix");
  expect(items.options?.cancelable).toBe(true);
});

test.each([
  ["AVAILABLE", [["item", false], ["asOf", true], ["location", true], ["options", true]], "number"],
  ["PAB", [["item", false], ["date", false], ["location", true], ["options", true]], "number"],
  ["RESERVED", [["item", false], ["location", true], ["side", true]], "number"],
  ["LOTQTY", [["item", false], ["lot", false], ["asOf", true], ["location", true], ["serial", true]], "number"],
  ["EXPIRY", [["item", false], ["lot", false], ["serial", true]], "number"],
  ["ABLETOMAKE", [["item", false], ["date", true], ["location", true]], "number"],
])("%s: ranges in, a same-shaped array of numbers out", (id, parameters, type) => {
  const f = byId(id);
  expect(f.parameters.map((p) => [p.name, p.optional ?? false])).toEqual(parameters);
  for (const p of f.parameters) expect(p.dimensionality).toBe("matrix");
  expect(f.result).toEqual({ dimensionality: "matrix", type });
});

test.each([
  ["LOTS", [["item", false], ["asOf", true], ["location", true], ["options", true]]],
  ["AVAILBYPERIOD", [["item", false], ["start", false], ["periodType", false], ["count", false], ["location", true], ["options", true]]],
  ["AVAILBYEVENT", [["item", false], ["from", true], ["to", true], ["location", true], ["options", true]]],
  ["TRACE", [["lot", false], ["serial", true], ["method", true], ["options", true]]],
])("%s spills rows of any values", (id, parameters) => {
  const f = byId(id);
  expect(f.parameters.map((p) => [p.name, p.optional ?? false])).toEqual(parameters);
  expect(f.result.dimensionality).toBe("matrix");
  expect(f.result.type ?? "any").toBe("any");
});

test("the valuation and ledger functions: parameters as excel.md §1.2 lists them", () => {
  const params = (id: string) => byId(id).parameters.map((p) => `${p.optional ? "[" : ""}${p.name}${p.optional ? "]" : ""}`).join(",");
  expect(params("VALUE")).toBe("item,[asOf],[location],[basis],[options]");
  expect(params("COGS")).toBe("item,from,to,[location],[basis],[options]");
  expect(params("OPENENTRIES")).toBe("item,[asOf],[location],[basis],[options]");
  expect(params("VALUEASIF")).toBe("item,method,[asOf],[location],[stdCost]");
  expect(params("COGSASIF")).toBe("item,method,from,to,[location],[stdCost]");
  expect(params("GLDIFF")).toBe("account,[asOf],[options]");
  expect(params("EXPLAIN")).toBe("kind,item,[fromOrAsOf],[to],[location],[basis],[options]");
  expect(params("AGING")).toBe("item,asOf,periodLength,[location],[options]");
  expect(params("INCDEC")).toBe("item,from,to,[location],[basis],[options]");
  expect(params("WORKDATE")).toBe("");
  expect(params("VERSION")).toBe("");
  for (const id of ["VALUE", "COGS", "VALUEASIF", "COGSASIF", "GLDIFF"]) expect(byId(id).result).toEqual({ dimensionality: "matrix", type: "number" });
  for (const id of ["OPENENTRIES", "EXPLAIN", "AGING", "INCDEC"]) {
    expect(byId(id).result.dimensionality).toBe("matrix");
    expect(byId(id).result.type ?? "any").toBe("any"); // metadata leaves "any" out
  }
});

test("every function asks for its cell address, so a commit can recalculate just its cells (excel.md §2.2)", () => {
  for (const f of functions) expect({ id: f.id, requiresAddress: f.options?.requiresAddress }).toEqual({ id: f.id, requiresAddress: true });
  // Still not volatile nor streaming (rule 4): the address changes nothing in how Excel schedules them.
  for (const f of functions) expect([f.id, f.options?.volatile ?? false, f.options?.stream ?? false]).toEqual([f.id, false, false]);
});
