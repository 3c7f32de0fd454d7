/**
 * Build for the Excel add-in (shared runtime) and the standalone workbench.
 *
 *   webpack --mode production                     dist/ for deployment; office.js from Microsoft's CDN
 *   webpack serve --mode development              https://localhost:3000 for sideloading (office-addin-dev-certs)
 *   webpack serve --mode development --env workbench
 *                                                 http://127.0.0.1:3000, office.js copied locally, plus workbench.html
 *
 * Shared runtime: the task pane page hosts both entries (taskpane, functions), and Excel loads the custom
 * functions into that same page. `runtimeChunk: "single"` keeps one instance of every module on the page, so
 * the pane and the functions share one Dexie connection and one result cache (duplicated modules otherwise).
 */
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const OFFICE_CDN_ORIGIN = "https://appsforoffice.microsoft.com";
const OFFICE_CDN_SCRIPT = `${OFFICE_CDN_ORIGIN}/lib/1/hosted/office.js`;
const LOCAL_OFFICE_SCRIPT = "office/office.js";
const DEV_URL = "https://localhost:3000/";
// Rewritten into the deployed manifest by a production build; set ADDIN_PUBLIC_URL when deploying.
const PRODUCTION_URL = process.env.ADDIN_PUBLIC_URL || "https://localhost:3000/";
const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
const WORKBENCH_TEMPLATE = "./src/workbench/workbench.html";

/** Content-Security-Policy: nothing but our own origin, plus the Office CDN when office.js comes from it. */
function contentSecurityPolicy({ officeCdn, devServer }) {
  const cdn = officeCdn ? ` ${OFFICE_CDN_ORIGIN}` : "";
  // The dev server's live-reload socket; CSP level 2 browsers do not count ws: as 'self'.
  const socket = devServer ? ` ws://localhost:${PORT} wss://localhost:${PORT} ws://127.0.0.1:${PORT}` : "";
  return [
    "default-src 'self'",
    `script-src 'self'${cdn}`,
    `connect-src 'self'${cdn}${socket}`,
    `frame-src 'self'${cdn}`,
    "img-src 'self' data:",
    "font-src 'self' data:",
    // Fluent UI (Griffel) inserts its atomic CSS rules at run time.
    "style-src 'self' 'unsafe-inline'",
    "object-src 'none'",
    "base-uri 'self'",
  ].join("; ");
}

async function serverOptions(workbench, building) {
  // A plain build needs no server; the workbench runs on http://127.0.0.1 (a secure context, IndexedDB works).
  if (workbench || building) return { type: "http" };
  // Sideloading into Office needs https with the trusted development certificate.
  const options = await require("office-addin-dev-certs").getHttpsServerOptions();
  return { type: "https", options: { ca: options.ca, key: options.key, cert: options.cert } };
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const workbench = Boolean(env.workbench) || process.env.WORKBENCH === "1";
  const serving = Boolean(env.WEBPACK_SERVE);
  const server = await serverOptions(workbench, !serving);
  const officeCdn = !workbench;

  const entry = { taskpane: "./src/taskpane/index.tsx", functions: "./src/functions/functions.ts" };
  if (workbench) entry.workbench = "./src/workbench/index.tsx";

  const pages = [
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: "./src/taskpane/taskpane.html",
      chunks: ["taskpane", "functions"],
      officeJs: officeCdn ? OFFICE_CDN_SCRIPT : LOCAL_OFFICE_SCRIPT,
      csp: contentSecurityPolicy({ officeCdn, devServer: serving }),
    }),
  ];
  if (workbench) {
    pages.push(
      new HtmlWebpackPlugin({
        filename: "workbench.html",
        chunks: ["workbench"],
        csp: contentSecurityPolicy({ officeCdn: false, devServer: serving }),
        template: WORKBENCH_TEMPLATE,
      }),
    );
  }

  const copies = [
    { from: "assets/*.png", to: "assets/[name][ext]" },
    {
      from: "manifest*.xml",
      to: "[name][ext]",
      transform: (content) =>
        production ? content.toString().replace(new RegExp(DEV_URL.replace(/[.]/g, "\\."), "g"), PRODUCTION_URL) : content,
    },
  ];
  if (workbench) {
    // office.js outside Office needs its app-to-file mapping table next to it.
    for (const file of ["office.js", "o15apptofilemappingtable.js"])
      copies.push({ from: `node_modules/@microsoft/office-js/dist/${file}`, to: `office/${file}` });
  }

  return {
    // Not eval-based in development either, so the CSP needs no 'unsafe-eval'.
    devtool: "source-map",
    entry,
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true } } },
        { test: /\.(png|jpg|jpeg|gif|ico)$/, type: "asset/resource", generator: { filename: "assets/[name][ext]" } },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      ...pages,
      new CopyWebpackPlugin({ patterns: copies }),
    ],
    devServer: {
      host: workbench ? "127.0.0.1" : "localhost",
      port: PORT,
      server,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      hot: false,
      // `npm run workbench` opens the page in the desktop's browser (nothing to open in CI or headless).
      open: workbench && !process.env.CI ? ["/workbench.html"] : false,
      client: { overlay: { warnings: false, errors: true } },
    },
    optimization: { runtimeChunk: "single", splitChunks: { chunks: "all" } },
    // The manifest glob makes the project root a watched context: ignore what tests and logs write there.
    watchOptions: {
      ignored: ["**/node_modules/**", "**/*.log", "**/logs/**", "**/dist/**", "**/.jest-cache/**", "**/coverage/**",
        "**/test-results/**", "**/.e2e-profile/**", "**/bench/**", "**/.jest-results*.json"],
    },
    performance: { hints: false },
  };
};
