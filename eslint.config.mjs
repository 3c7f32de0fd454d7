// Lint: typescript-eslint on all sources, plus the rule that keeps the domain core pure.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

const platformGlobals = ["window", "document", "navigator", "indexedDB", "localStorage", "Office", "Excel", "CustomFunctions", "OfficeRuntime", "fetch", "setTimeout", "setInterval"];

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", ".jest-cache/**", "coverage/**", "bench/results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["src/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "warn" },
  },
  {
    // The domain core is pure: no storage, Office, React or DOM, and no clock (dates come in as data).
    files: ["src/core/**/*.ts"],
    languageOptions: { globals: {} },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["dexie", "dexie/*", "fake-indexeddb", "fake-indexeddb/*"], message: "src/core must not touch storage; use the LedgerStore port." },
            { group: ["react", "react-dom", "react/*", "@fluentui/*"], message: "src/core must not depend on the UI." },
            { group: ["@microsoft/office-js", "office-*", "exceljs"], message: "src/core must not depend on Excel." },
            { group: ["**/storage/**", "**/excel/**", "**/taskpane/**", "**/functions/**", "**/workbench/**", "**/scenario/**", "**/demo/**", "**/app/**", "node:*", "fs", "path"], message: "src/core must not import adapters or Node." },
          ],
        },
      ],
      "no-restricted-globals": ["error", ...platformGlobals.map((name) => ({ name, message: `src/core is pure: no ${name}.` }))],
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "src/core has no clock: pass dates in." },
        { selector: "MemberExpression[object.name='Date'][property.name='now']", message: "src/core has no clock: pass dates in." },
        { selector: "MemberExpression[object.name='Math'][property.name='random']", message: "src/core is deterministic." },
      ],
    },
  },
  {
    // CommonJS build configs and asset generators run in Node (webpack.config.js, jest.config.js, assets/*.js).
    files: ["*.js", "assets/*.js", "test/stubs/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["test/**/*.{ts,tsx}", "scripts/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-require-imports": "off" },
  },
);
