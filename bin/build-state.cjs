// Whether dist/ is current in a source checkout: the first TypeScript source newer than the last
// build. The build (`tsc -b`) leaves unchanged outputs as they were, so the build's time is that of
// dist/.tsbuildinfo, which every build that compiled anything rewrites. Used by bin/platform.cjs
// (run dist/ or the sources) and by tests that need a current dist/.
"use strict";
var fs = require("node:fs");
var path = require("node:path");

var root = path.resolve(__dirname, "..");
/** The folders the build compiles. */
var SOURCE_DIRS = ["components", "programs", "orchestrator", "plan", "policy", "testing"];

/**
 * The first `.ts` file under `dirs` (relative to the package root) newer than `since` (ms; default:
 * the last build's time), or dist/.tsbuildinfo itself when there has been no build.
 */
function staleSource(dirs, since) {
  var built = since;
  if (built === undefined) {
    var info = path.join(root, "dist", ".tsbuildinfo");
    try {
      built = fs.statSync(info).mtimeMs;
    } catch (e) {
      return info;
    }
  }
  var pending = (dirs || SOURCE_DIRS).map(function (d) {
    return path.join(root, d);
  });
  while (pending.length > 0) {
    var dir = pending.pop();
    var entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      continue;
    }
    for (var i = 0; i < entries.length; i++) {
      var p = path.join(dir, entries[i].name);
      if (entries[i].isDirectory()) pending.push(p);
      else if (/\.ts$/.test(p) && fs.statSync(p).mtimeMs > built) return p;
    }
  }
  return undefined;
}

module.exports = { root: root, SOURCE_DIRS: SOURCE_DIRS, staleSource: staleSource };
