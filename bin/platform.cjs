#!/usr/bin/env node
// The `platform` command. Installed as a dependency it runs the compiled CLI in dist/. In a source
// checkout of the library it runs dist/ while dist/ is newer than every source file, and the
// TypeScript sources through tsx (esbuild, cached on disk) otherwise: every call runs what is on
// disk and no call waits for a build.
"use strict";
var path = require("node:path");
// Cache compiled code on disk (Node 22.1+): most of a verb's start-up is compiling the Pulumi SDK.
require("node:module").enableCompileCache?.();
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

var buildState = require("./build-state.cjs");
var root = buildState.root;
var compiled = path.join(root, "dist", "orchestrator", "cli.js");
var source = path.join(root, "orchestrator", "cli.ts");

// True when there is no compiled CLI or some TypeScript source is newer than the last build.
function buildIsStale() {
  return !fs.existsSync(compiled) || buildState.staleSource() !== undefined;
}

var cli;
if (fs.existsSync(source) && buildIsStale()) {
  // A source checkout edited since the last build: run the sources (workers too), no build needed.
  process.env.PLATFORM_RUN_SOURCES = "1";
  require("tsx/cjs/api").register();
  cli = require(source);
} else {
  cli = require(compiled);
}
cli.main(process.argv).then(function (code) {
  process.exitCode = code;
});
