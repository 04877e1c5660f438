/**
 * Jest setup for the `unit` tier: that tier is for pure and mock-runtime tests, so starting a child
 * process there is a mistake in the tier list (jest.config.js PROCESS_TESTS), reported at once.
 */
import { createRequire } from "node:module";

// The module object itself (not an import namespace, whose bindings are read-only getters).
const childProcess = createRequire(__filename)("node:child_process") as Record<string, unknown>;

const refuse = (name: string) => () => {
  throw new Error(
    `child_process.${name} called in the unit tier: move this test file to PROCESS_TESTS in jest.config.js`,
  );
};
for (const name of ["spawn", "spawnSync", "exec", "execSync", "execFile", "execFileSync", "fork"] as const) {
  childProcess[name] = refuse(name);
}
