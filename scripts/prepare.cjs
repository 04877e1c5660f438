// `prepare` (npm ci / npm install in this repository): warns when Node is too old, links
// node_modules/.bin/platform to bin/platform.cjs, then builds dist/ (`npm run build`).
//
// One exception: `npx platform …` in this repository. Because package.json declares the `platform`
// bin itself, npm installs the checkout into its npx cache as a link on the first call and runs this
// script there, which used to build everything (30–60 s) before the command started. The command
// does not need the build (bin/platform.cjs runs dist/ while it is current and the sources through
// tsx otherwise), so under `npm exec` the build is skipped and the first call starts at once.
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

if (process.env.npm_command === "exec") {
  process.exit(0);
}
var build = require("node:child_process").spawnSync("npm", ["run", "build"], {
  cwd: root,
  stdio: "inherit",
  shell: process.platform === "win32",
});
process.exit(build.status === null ? 1 : build.status);
