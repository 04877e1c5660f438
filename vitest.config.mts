import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "test/**/*.test.ts",
      "test/integration/**/*.test.ts",
      "components/**/*.test.ts",
      "plan/**/*.test.ts",
      "orchestrator/**/*.test.ts",
      "policy/**/*.test.ts",
      "programs/**/*.test.ts",
    ],
    // Each file gets a fresh process: Pulumi's runtime keeps global state (mocks, config, stack).
    pool: "forks",
    isolate: true,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
