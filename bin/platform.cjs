#!/usr/bin/env node
// The `platform` command. Installed as a dependency it runs the compiled CLI in dist/; in a source
// checkout of the library it runs the TypeScript sources through tsx (esbuild, cached on disk), so
// every call runs what is on disk and no call waits for a build.
"use strict";
var path = require("node:path");
var fs = require("node:fs");

var MIN_NODE = [22, 12];
var version = process.versions.node.split(".").map(Number);
if (version[0] < MIN_NODE[0] || (version[0] === MIN_NODE[0] && version[1] < MIN_NODE[1])) {
  process.stderr.write(
    "platform: warning: Node.js " +
      MIN_NODE.join(".") +
      " or newer is required, this is " +
      process.version +
      " (" +
      process.execPath +
      "). Expect failures. Put Node 22 first on PATH, e.g. " +
      'export PATH="$(bash scripts/ensure-node22.sh):$PATH" in the platform repository, or install it from https://nodejs.org.\n',
  );
}

var root = path.resolve(__dirname, "..");
var source = path.join(root, "orchestrator", "cli.ts");
var cli;
if (fs.existsSync(source)) {
  require("tsx/cjs/api").register();
  cli = require(source);
} else {
  cli = require(path.join(root, "dist", "orchestrator", "cli.js"));
}
cli.main(process.argv).then(function (code) {
  process.exitCode = code;
});
