// `npm run check:package`: packs the tarball exactly as `npm publish` would (from the current
// dist/, without re-running the build) and checks it the way the ecosystem does: publint (package
// shape, exports, files) and @arethetypeswrong/cli (types resolve for every subpath under node10,
// node16 CJS and ESM, and bundler resolution). Exits non-zero on any finding.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
if (!existsSync(path.join(root, "dist", "index.js"))) {
  console.error("dist/ is missing: run `npm run build` first");
  process.exit(2);
}
const dir = mkdtempSync(path.join(tmpdir(), "platform-pack-"));
let failed = false;
try {
  const out = execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], {
    cwd: root,
    encoding: "utf8",
  });
  const [info] = JSON.parse(out);
  const tarball = path.join(dir, info.filename);
  console.log(`${info.filename}: ${info.entryCount} files, ${(info.size / 1024).toFixed(0)} kB packed`);
  const bin = (name) => path.join(root, "node_modules", ".bin", name);
  for (const [name, args] of [
    ["publint", ["run", tarball, "--strict"]],
    ["attw", [tarball, "--format", "table-flipped"]],
  ]) {
    console.log(`\n$ ${name} ${args.join(" ")}`);
    const r = spawnSync(bin(name), args, { cwd: root, stdio: "inherit" });
    if (r.status !== 0) failed = true;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
