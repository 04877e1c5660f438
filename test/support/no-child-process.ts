/**
 * Jest setup for the `unit` tier: that tier is for pure and mock-runtime tests, so starting a child
 * process there is a mistake in the tier list (jest.config.js PROCESS_TESTS), reported at once.
 */
// The module object itself (not an import namespace, whose bindings are read-only getters).
import childProcess = require("node:child_process");

const refuse = (name: string) => () => {
  throw new Error(
    `child_process.${name} called in the unit tier: move this test file to PROCESS_TESTS in jest.config.js`,
  );
};
for (const name of ["spawn", "spawnSync", "exec", "execSync", "execFile", "execFileSync", "fork"] as const) {
  (childProcess as unknown as Record<string, unknown>)[name] = refuse(name);
}
