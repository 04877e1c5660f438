// Runs in `prepare` (npm ci / npm install in this repository): warns when Node is too old, and links
// node_modules/.bin/platform to bin/platform.cjs so that `npx platform …` here runs the sources at
// once. Without the link, npx would install this checkout into its cache and build it (30 s or
// more) and later run that stale copy. npm links the bins of dependencies, never the root's own.
"use strict";
var fs = require("node:fs");
var path = require("node:path");

var major = Number(process.versions.node.split(".")[0]);
var minor = Number(process.versions.node.split(".")[1]);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    "\nplatform: WARNING: Node.js 22.12 or newer is required, this is " +
      process.version +
      ". The build, the tests and the CLI will fail in odd ways. Put Node 22 first on PATH:\n" +
      '  export PATH="$(bash scripts/ensure-node22.sh):$PATH"\n\n',
  );
}

var root = path.resolve(__dirname, "..");
var binDir = path.join(root, "node_modules", ".bin");
var link = path.join(binDir, "platform");
var target = path.relative(binDir, path.join(root, "bin", "platform.cjs"));
if (fs.existsSync(path.join(root, "node_modules"))) {
  fs.mkdirSync(binDir, { recursive: true });
  try {
    fs.rmSync(link, { force: true });
    fs.symlinkSync(target, link);
  } catch (e) {
    process.stderr.write(
      "platform: could not link " + link + " (" + e.message + "); use node bin/platform.cjs\n",
    );
  }
}
