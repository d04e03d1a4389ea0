// Runs the checker of a built offline page under node, as the browser does: the
// page's own script (module glue, sheet view, page) and its embedded module, plan and
// vocabulary.
// Usage: node tests/page/check.js PAGE.html FILE... → one JSON line per file:
// {"file": FILE, "ms": N, "answer": {document, view} | {error}}.
// FILE `:abort:` stands for a file whose reading aborts the module: its bytes claim a
// size the module cannot allocate, so it traps, as a reader bug would.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const [page, ...files] = process.argv.slice(2);
const html = fs.readFileSync(page, "utf8");
function block(re, what) {
  const m = html.match(re);
  if (!m) throw new Error("no " + what + " in " + page);
  return m[1];
}
const planText = block(/<script type="application\/json" id="plan">([\s\S]*?)<\/script>/, "plan");
const vocabularyText = block(/<script type="application\/json" id="vocabulary">([\s\S]*?)<\/script>/, "vocabulary");
const moduleB64 = block(/<script type="application\/octet-stream" id="module">([\s\S]*?)<\/script>/, "module");
const script = block(/<script>\n([\s\S]*?)<\/script>/, "script");

const window = {};
vm.runInNewContext(script, { window, WebAssembly, TextEncoder, TextDecoder, atob, console });
const M = window.BaocaoModule;

(async () => {
  const checker = await M.load(M.fromBase64(moduleB64));
  for (const file of files) {
    const bytes = file === ":abort:" ? { length: 0xfffffff0 } : new Uint8Array(fs.readFileSync(file));
    const t0 = process.hrtime.bigint();
    const answer = await checker.check(file === ":abort:" ? "QLKH.xlsx" : path.basename(file), bytes, planText, vocabularyText, "vi");
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    process.stdout.write(JSON.stringify({ file, ms, answer }) + "\n");
  }
})().catch((e) => { console.error(e); process.exit(1); });
