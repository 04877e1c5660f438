// Removes outputs in dist/ whose TypeScript source is gone (a moved or deleted file). The build is
// incremental, so tsc never deletes them itself, and a stale dist/plan/cost/prices.js would shadow
// the dist/plan/cost/prices/ folder that replaced it.
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const dist = path.join(root, "dist");
const OUTPUT = /(\.d\.ts\.map|\.d\.ts|\.js\.map|\.js)$/;

function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      walk(p);
      if (fs.readdirSync(p).length === 0) fs.rmdirSync(p);
    } else if (OUTPUT.test(e.name)) {
      const source = path.join(root, path.relative(dist, p)).replace(OUTPUT, ".ts");
      if (!fs.existsSync(source)) fs.rmSync(p);
    }
  }
}
if (fs.existsSync(dist)) walk(dist);
