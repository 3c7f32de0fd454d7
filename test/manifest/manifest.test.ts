/**
 * Offline check of manifest.xml (Microsoft's validator is a web service, and the public XSDs are stale):
 * the structure a shared-runtime add-in with custom functions needs, plus xmllint for well-formedness.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { parseStringPromise } from "xml2js";

interface XmlNode {
  "#name": string;
  $?: Record<string, string>;
  _?: string;
  $$?: XmlNode[];
}

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST = path.join(ROOT, "manifest.xml");

let root: XmlNode;

beforeAll(async () => {
  const parsed = await parseStringPromise(readFileSync(MANIFEST, "utf8"), {
    explicitChildren: true,
    preserveChildrenOrder: true,
    explicitCharkey: true,
  });
  root = parsed.OfficeApp;
});

const kids = (node: XmlNode): XmlNode[] => node.$$ ?? [];
const child = (node: XmlNode, name: string): XmlNode => {
  const found = kids(node).find((c) => c["#name"] === name);
  if (!found) throw new Error(`<${node["#name"]}> has no <${name}>`);
  return found;
};
const at = (node: XmlNode, ...names: string[]): XmlNode => names.reduce(child, node);
const text = (node: XmlNode): string => (node._ ?? "").trim();
function all(node: XmlNode, out: XmlNode[] = []): XmlNode[] {
  out.push(node);
  for (const c of kids(node)) all(c, out);
  return out;
}

function workbookHost(): XmlNode {
  const host = kids(at(root, "VersionOverrides", "Hosts")).find((h) => h.$?.["xsi:type"] === "Workbook");
  if (!host) throw new Error("no Workbook host in VersionOverrides");
  return host;
}

function customFunctionsPoint(): XmlNode {
  const point = kids(at(workbookHost(), "AllFormFactors")).find((e) => e.$?.["xsi:type"] === "CustomFunctions");
  if (!point) throw new Error("no CustomFunctions extension point");
  return point;
}

function resourceValues(): Map<string, string> {
  const values = new Map<string, string>();
  for (const group of kids(at(root, "VersionOverrides", "Resources")))
    for (const entry of kids(group)) values.set(entry.$?.id ?? "", entry.$?.DefaultValue ?? "");
  return values;
}

describe("manifest.xml structure", () => {
  test("is a task pane add-in for Excel with a GUID id and a four-part version", () => {
    expect(root.$?.["xsi:type"]).toBe("TaskPaneApp");
    expect(text(child(root, "Id"))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(text(child(root, "Version"))).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(kids(child(root, "Hosts")).map((h) => h.$?.Name)).toEqual(["Workbook"]);
  });

  test("requires SharedRuntime 1.1 and asks for ReadWriteDocument only", () => {
    const sets = kids(at(root, "Requirements", "Sets")).map((s) => [s.$?.Name, s.$?.MinVersion]);
    expect(sets).toContainEqual(["SharedRuntime", "1.1"]);
    expect(text(child(root, "Permissions"))).toBe("ReadWriteDocument");
  });

  test("top-level children follow the schema order", () => {
    const order = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
      "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings",
      "Permissions", "VersionOverrides"];
    expect(kids(root).map((c) => c["#name"])).toEqual(order);
  });

  test("Runtimes comes first in the host and is long-lived", () => {
    const host = workbookHost();
    expect(kids(host)[0]["#name"]).toBe("Runtimes");
    const runtimes = kids(child(host, "Runtimes"));
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].$?.lifetime).toBe("long");
  });

  test("custom functions page, function file and runtime share one resid", () => {
    const runtimeResid = kids(child(workbookHost(), "Runtimes"))[0].$?.resid;
    const pageResid = at(customFunctionsPoint(), "Page", "SourceLocation").$?.resid;
    const functionFileResid = at(workbookHost(), "DesktopFormFactor", "FunctionFile").$?.resid;
    expect(runtimeResid).toBe("Taskpane.Url");
    expect(pageResid).toBe(runtimeResid);
    expect(functionFileResid).toBe(runtimeResid);
  });

  test("the custom functions namespace is INV and metadata/script point at the build outputs", () => {
    const values = resourceValues();
    const point = customFunctionsPoint();
    expect(values.get(child(point, "Namespace").$?.resid ?? "")).toBe("INV");
    expect(values.get(at(point, "Metadata", "SourceLocation").$?.resid ?? "")).toMatch(/\/functions\.json$/);
    expect(values.get(at(point, "Script", "SourceLocation").$?.resid ?? "")).toMatch(/\/functions\.js$/);
  });

  test("every resid is defined, and ids and resids are at most 32 characters", () => {
    const values = resourceValues();
    const resids = all(root).flatMap((n) => (n.$?.resid ? [n.$.resid] : []));
    expect(resids.length).toBeGreaterThan(5);
    for (const resid of resids) {
      expect(values.has(resid)).toBe(true);
      expect(resid.length).toBeLessThanOrEqual(32);
    }
    for (const id of values.keys()) expect(id.length).toBeLessThanOrEqual(32);
  });

  test("the ribbon button shows the task pane without a TaskpaneId", () => {
    const nodes = all(root);
    expect(nodes.some((n) => n["#name"] === "TaskpaneId")).toBe(false);
    const actions = nodes.filter((n) => n["#name"] === "Action");
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) {
      expect(action.$?.["xsi:type"]).toBe("ShowTaskpane");
      expect(child(action, "SourceLocation").$?.resid).toBe("Taskpane.Url");
    }
  });

  test("every URL is https and every icon exists in assets/ at its declared size", () => {
    const urls = all(root).flatMap((n) => {
      const value = n.$?.DefaultValue ?? "";
      return /^[a-z]+:\/\//i.test(value) ? [value] : [];
    });
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url).toMatch(/^https:\/\/localhost:3000\//);
    for (const [id, url] of resourceValues()) {
      const size = /^Icon\.(\d+)x\1$/.exec(id)?.[1];
      if (!size) continue;
      const file = path.join(ROOT, new URL(url).pathname);
      expect(existsSync(file)).toBe(true);
      const png = readFileSync(file);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(size), Number(size)]);
    }
  });
});

describe("manifest.xml well-formedness (xmllint)", () => {
  const hasXmllint = spawnSync("xmllint", ["--version"]).status === 0;

  test("xmllint is available wherever CI runs", () => {
    // CI installs libxml2-utils; locally the check is optional, in CI its absence is a failure.
    if (process.env.CI) expect(hasXmllint).toBe(true);
    else expect(typeof hasXmllint).toBe("boolean");
  });

  (hasXmllint ? test : test.skip)("xmllint --noout accepts the manifest", () => {
    expect(() => execFileSync("xmllint", ["--noout", MANIFEST], { stdio: "pipe" })).not.toThrow();
  });
});
