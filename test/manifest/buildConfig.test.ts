/**
 * The webpack configuration as each mode resolves it (no compilation): one page hosting both entries with
 * a single runtime chunk, the CDN office.js only in the Office build, the workbench on http with a local
 * office.js, and a Content-Security-Policy on every page.
 */
import * as path from "node:path";

type Config = {
  entry: Record<string, string>;
  plugins: { constructor: { name: string }; userOptions?: Record<string, unknown>; patterns?: { from: string; to: string }[] }[];
  optimization: { runtimeChunk: string };
  devServer: { host: string; server: { type: string } };
  devtool: string;
  watchOptions: { ignored: string[] };
};

const makeConfig: (env: Record<string, unknown>, argv: Record<string, unknown>) => Promise<Config> = require(
  path.resolve(__dirname, "../../webpack.config.js"),
);

const pages = (config: Config) =>
  config.plugins.filter((p) => p.constructor.name === "HtmlWebpackPlugin").map((p) => p.userOptions ?? {});
const copies = (config: Config) =>
  config.plugins.find((p) => p.constructor.name === "CopyPlugin")?.patterns?.map((p) => p.from) ?? [];

test("production: task pane and functions on one page, CDN office.js, metadata generated", async () => {
  const config = await makeConfig({ WEBPACK_BUILD: true }, { mode: "production" });
  expect(config.entry).toEqual({ taskpane: "./src/taskpane/index.tsx", functions: "./src/functions/functions.ts" });
  expect(config.optimization.runtimeChunk).toBe("single");
  const [taskpane, ...others] = pages(config);
  expect(others).toHaveLength(0);
  expect(taskpane).toMatchObject({ filename: "taskpane.html", chunks: ["taskpane", "functions"] });
  expect(taskpane.officeJs).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  expect(taskpane.csp).toMatch(/^default-src 'self'; script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
  expect(taskpane.csp).not.toMatch(/unsafe-eval|ws:/);
  expect(config.plugins.map((p) => p.constructor.name)).toContain("CustomFunctionsMetadataPlugin");
  expect(copies(config)).toEqual(["assets/*.png", "manifest*.xml"]);
  expect(config.devtool).toBe("source-map"); // no eval, so the CSP needs no 'unsafe-eval'
});

test("workbench: http on 127.0.0.1, office.js served locally, a second page, self-only CSP", async () => {
  const config = await makeConfig({ WEBPACK_SERVE: true, workbench: true }, { mode: "development" });
  expect(config.devServer.host).toBe("127.0.0.1");
  expect(config.devServer.server.type).toBe("http");
  expect(config.entry.workbench).toBe("./src/workbench/index.tsx");
  const byName: Record<string, Record<string, unknown>> = Object.fromEntries(
    pages(config).map((page) => [String(page.filename), page]),
  );
  expect(byName["taskpane.html"].officeJs).toBe("office/office.js");
  expect(byName["workbench.html"].chunks).toEqual(["workbench"]);
  for (const page of Object.values(byName)) expect(page.csp).not.toContain("appsforoffice");
  expect(copies(config)).toEqual(expect.arrayContaining([
    "node_modules/@microsoft/office-js/dist/office.js",
    "node_modules/@microsoft/office-js/dist/o15apptofilemappingtable.js",
  ]));
  expect(config.watchOptions.ignored).toEqual(expect.arrayContaining(["**/*.log", "**/logs/**", "**/dist/**", "**/.jest-cache/**"]));
});
