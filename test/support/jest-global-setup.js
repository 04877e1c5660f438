// @ts-check
const { mkdtempSync } = require("node:fs");
const { tmpdir } = require("node:os");
const path = require("node:path");

/**
 * One synth cache for the whole Jest run (orchestrator/synth/cache.ts): the same synth in several
 * test files (aws-prod, k8s-dev, dev, … with identical inputs) runs once and the others read it.
 * Every process of the run (Jest workers, the CLIs and workers they start) inherits the variable.
 * A fresh directory per run, removed by ./jest-global-teardown.js: a run never reads an earlier
 * run's results, and a test that needs a fresh synth passes `cache: false` (or `--no-cache`).
 * A caller's own `PLATFORM_SYNTH_CACHE` (a directory, or `off`) is left as it is.
 */
module.exports = async function globalSetup() {
  if (process.env["PLATFORM_SYNTH_CACHE"] !== undefined) return;
  const dir = mkdtempSync(path.join(tmpdir(), "platform-jest-synth-"));
  process.env["PLATFORM_SYNTH_CACHE"] = dir;
  process.env["PLATFORM_JEST_SYNTH_CACHE"] = dir; // what the teardown removes
};
