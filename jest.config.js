/** Jest projects: domain/storage/adapters in node; React in jsdom. The e2e suite runs separately (test/e2e). */
const tsJest = [
  "ts-jest",
  {
    tsconfig: {
      jsx: "react-jsx",
      module: "commonjs",
      target: "ES2022",
      esModuleInterop: true,
      strict: true,
      skipLibCheck: true,
      resolveJsonModule: true,
      isolatedModules: true,
      types: ["office-js", "custom-functions-runtime", "jest", "node"],
    },
  },
];
const common = {
  cacheDirectory: "<rootDir>/.jest-cache",
  transform: { "^.+\\.tsx?$": tsJest },
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.js" },
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
};
module.exports = {
  projects: [
    { ...common, displayName: "node", testEnvironment: "node", setupFiles: ["fake-indexeddb/auto"], testMatch: ["<rootDir>/test/**/*.test.ts"] },
    { ...common, displayName: "dom", testEnvironment: "jsdom", setupFiles: ["<rootDir>/test/setup-dom.ts"], testMatch: ["<rootDir>/test/**/*.test.tsx"] },
  ],
};
