// @ts-check
const { rmSync } = require("node:fs");

/** Removes the run's synth cache made by ./jest-global-setup.js. */
module.exports = async function globalTeardown() {
  const dir = process.env["PLATFORM_JEST_SYNTH_CACHE"];
  if (dir) rmSync(dir, { recursive: true, force: true });
};
