// @ts-check
/**
 * Runs every benchmark in bench/ (files named *.bench.js), one after the other, each in its own
 * Node process, passing through any arguments. `npm run bench` calls this. Benchmarks use the
 * compiled code in dist/: run `npm run build` first.
 */
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const dist = path.join(__dirname, "..", "dist", "plan", "parse", "index.js");
if (!fs.existsSync(dist)) {
  console.error("bench: dist/ is missing or stale; run `npm run build` first.");
  process.exit(1);
}
const only = process.argv.slice(2).filter((a) => !a.startsWith("-") && !/^\d+$/.test(a));
const passThrough = process.argv.slice(2).filter((a) => !only.includes(a));
const benches = fs
  .readdirSync(__dirname)
  .filter((f) => f.endsWith(".bench.js"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const res = spawnSync(process.execPath, [path.join(__dirname, file), ...passThrough], { stdio: "inherit" });
  if (res.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
