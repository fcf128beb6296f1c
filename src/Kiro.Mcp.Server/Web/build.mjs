// Bundles the browser code into dist/ (run by Web.targets on "dotnet build"; by hand: npm ci && node build.mjs).
//   dist/apps/spec-views.html.gz   the MCP App views: one self-contained HTML page, script and style inline (embedded)
//   dist/dashboard/mermaid.js.gz   mermaid for the dashboard's spec page, gzip-compressed (embedded, served as is)
//   dist/test-host/app-bridge.js   ext-apps' host side for the browser tests' host page (not embedded, not shipped)
import { build } from "esbuild";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { gzipSync, constants } from "node:zlib";

const dist = new URL("./dist/", import.meta.url);
const common = { bundle: true, minify: true, format: "iife", platform: "browser", target: "es2022", write: false, legalComments: "none", logLevel: "warning" };

async function bundle(entry, extra = {}) {
  const result = await build({ ...common, ...extra, entryPoints: [new URL(entry, import.meta.url).pathname] });
  return result.outputFiles[0].text;
}

async function write(path, content) {
  const file = new URL(path, dist);
  await mkdir(new URL(".", file), { recursive: true });
  await writeFile(file, content);
}

// The app: everything inline, since a host loads it into a sandboxed frame that may reach no origin at all.
const script = await bundle("./src/apps/spec-views.js");
const style = await readFile(new URL("./src/apps/spec-views.css", import.meta.url), "utf8");
for (const [text, closing] of [[script, "</script"], [style, "</style"]]) {
  // esbuild escapes these in strings; a literal one would end the inline element early.
  if (text.toLowerCase().includes(closing)) throw new Error(`the inline bundle contains ${closing}`);
}
const template = await readFile(new URL("./src/apps/spec-views.html", import.meta.url), "utf8");
const html = template.replace("/*STYLE*/", () => style).replace("/*SCRIPT*/", () => script);
// Embedded compressed (about a quarter of the size); the server inflates it once. The plain copy is for reading.
await write("apps/spec-views.html", html);
await write("apps/spec-views.html.gz", gzipSync(Buffer.from(html), { level: constants.Z_BEST_COMPRESSION }));

// mermaid is large; two optional parts that Kiro's diagrams don't use are left out (a third of it): the ELK layout
// engine (elkjs, only for diagrams that ask for "layout: elk") and KaTeX (only for $$math$$ in labels). Such a diagram
// fails to draw and stays as its source text. gzip then keeps the server's assembly small; browsers take it as it is.
const leftOut = {
  name: "left-out",
  setup(build) {
    build.onResolve({ filter: /^(elkjs|katex)(\/|$)/ }, (args) => ({ path: args.path, namespace: "left-out" }));
    build.onLoad({ filter: /.*/, namespace: "left-out" }, (args) => ({
      contents: `const unavailable = () => { throw new Error(${JSON.stringify(args.path + " is not bundled with Kiro.Mcp")}); };
        export default new Proxy(unavailable, { get: (_, key) => (typeof key === "symbol" || key === "__esModule" ? undefined : unavailable()), construct: unavailable, apply: unavailable });`,
    }));
  },
};
const mermaid = await bundle("./src/dashboard/mermaid.js", { plugins: [leftOut] });
await write("dashboard/mermaid.js.gz", gzipSync(Buffer.from(mermaid), { level: constants.Z_BEST_COMPRESSION }));

await write("test-host/app-bridge.js", await bundle("./src/test-host/app-bridge.js"));
