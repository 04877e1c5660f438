// @ts-check
const fs = require("node:fs");
const path = require("node:path");
/**
 * Jest configuration: two projects, so the inner loop can skip child processes.
 *
 * - `unit`: pure and mock-runtime tests. The test environment makes any child-process spawn throw,
 *   so a test that starts a process cannot sit in this tier by accident.
 * - `process`: tests that run the CLI, the Pulumi CLI double, git worktrees or the policy server.
 * - `package`: the pack-and-consume test (its own command and CI step; see PACKAGE_TESTS).
 *
 * Jest gives every test file its own module registry and global object, which is what Pulumi's
 * runtime (global mocks, config, stack) needs. TypeScript is compiled by @swc/jest (see README
 * "Tests" for the ts-jest comparison). ora and octokit are ESM-only: they are transformed to
 * CommonJS like the sources instead of being mocked.
 */

/** Files that start processes (CLI, double, git, policy server). Everything else is `unit`. */
const PROCESS_TESTS = [
  "test/integration/real-cli.test.ts",
  "test/unit/aws-program.test.ts",
  "test/unit/aws-cost-synth-regions.test.ts",
  "test/unit/cli-start.test.ts",
  "test/unit/cli-synth.test.ts",
  "test/unit/guard-baseline.test.ts",
  "test/unit/k8s-plan.test.ts",
  "test/unit/k8s-program.test.ts",
  "test/unit/orchestrator-k8s-double.test.ts",
  "test/unit/orchestrator-cli.test.ts",
  "test/unit/orchestrator-aws-double.test.ts",
  "test/unit/orchestrator-double.test.ts",
  "test/unit/orchestrator-inline.test.ts",
  "test/unit/orchestrator-operation.test.ts",
  "test/unit/orchestrator-platform-trust.test.ts",
  "test/unit/orchestrator-trust.test.ts",
  "test/unit/policy-server.test.ts",
  "test/unit/program-loader.test.ts",
  "test/unit/program.test.ts",
  "test/unit/pulumi-double-cli.test.ts",
  "test/unit/pulumi-double-faults.test.ts",
  "test/unit/pulumi-double.test.ts",
  "test/unit/review-base-build.test.ts",
  "test/unit/review-baseline.test.ts",
  "test/unit/review-incomplete.test.ts",
  "test/unit/review-live.test.ts",
  "test/unit/review.test.ts",
  "test/unit/synth-cache-worker.test.ts",
  "test/unit/user-mistakes.test.ts",
];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/**
 * The pack-and-consume test: packs the tarball, installs it into a scratch consumer project (npm,
 * from the registry cache) and runs that project's tsc, Jest and CLI. Minutes, not seconds, so it
 * is its own tier (`npm run test:package`, run by CI after `npm test`).
 */
const PACKAGE_TESTS = ["test/integration/package-consumer.test.ts"];

/** As regexes (to leave them out of `unit`) and as globs (to select them for `process`). */
const processRegex = PROCESS_TESTS.map((p) => `<rootDir>/${escape(p)}`);
const processGlobs = PROCESS_TESTS.map((p) => `<rootDir>/${p}`);
const packageRegex = PACKAGE_TESTS.map((p) => `<rootDir>/${escape(p)}`);

/**
 * ESM-only packages (`"type": "module"`: ora, commander, octokit and their dependencies), found by
 * scanning node_modules so an upgrade that turns a dependency ESM-only needs no edit here. Jest's
 * CommonJS runtime cannot require them on Node 22, so they are compiled to CommonJS like our sources.
 */
function esmPackages(dir = path.join(__dirname, "node_modules"), found = new Set()) {
  let entries = [];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const e of entries) {
    if (!e.isDirectory() || e.name.startsWith(".")) continue;
    const pkgDir = path.join(dir, e.name);
    if (e.name.startsWith("@")) {
      esmPackages(pkgDir, found);
      continue;
    }
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8"));
      if (pkg.type === "module") found.add(pkg.name);
    } catch {
      /* not a package */
    }
    esmPackages(path.join(pkgDir, "node_modules"), found);
  }
  return found;
}
const ESM_PACKAGES = [...esmPackages()].sort();

/** @type {import("jest").Config["transform"]} */
const transform = {
  "^.+\\.(t|j|mj)s$": [
    "@swc/jest",
    {
      jsc: { parser: { syntax: "typescript" }, target: "es2023" },
      module: { type: "commonjs" },
      sourceMaps: "inline",
    },
  ],
};

/** @type {import("jest").Config} */
const common = {
  testEnvironment: "<rootDir>/test/support/jest-environment.js",
  // kubernetes-models' export maps are `import`-only: resolved with that condition (see the file).
  resolver: "<rootDir>/test/support/jest-resolver.js",
  transform,
  // Only the innermost node_modules segment decides (a nested ESM package under a CommonJS one).
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.map(escape).join("|")})/)(?!.*/node_modules/)`],
  moduleNameMapper: {
    // The Pulumi SDK's closure serializer (TypeScript, arborist) loads on first use, as in the
    // orchestrator's own processes: about 0.45 s less per test file that loads the SDK.
    "^\\./closure/(serializeClosure|codePaths)$": "<rootDir>/orchestrator/lazy-closure.ts",
    // Sources import each other with .js specifiers (nodenext); map them back to the .ts files.
    "^(\\.{1,2}/.*)\\.js$": "$1",
  },
  moduleFileExtensions: ["ts", "js", "mjs", "cjs", "json"],
  modulePathIgnorePatterns: ["<rootDir>/dist/", "<rootDir>/.node22/", "<rootDir>/.tmp-pbuild/"],
};

const testMatch = [
  "<rootDir>/test/**/*.test.ts",
  "<rootDir>/components/**/*.test.ts",
  "<rootDir>/plan/**/*.test.ts",
  "<rootDir>/orchestrator/**/*.test.ts",
  "<rootDir>/policy/**/*.test.ts",
  "<rootDir>/programs/**/*.test.ts",
];

/** @type {import("jest").Config} */
module.exports = {
  // Process tests mostly wait on children, so more workers than cores pays off.
  maxWorkers: process.env.JEST_MAX_WORKERS ?? 3,
  testTimeout: 60_000,
  // Longest files first, by Jest's cached durations or, without a cache (CI, a fresh clone), by
  // committed weights: a slow process file that starts last runs alone at the end.
  testSequencer: "<rootDir>/test/support/jest-sequencer.js",
  // One synth cache per run, shared by every test file (repeated synths run once), removed after.
  globalSetup: "<rootDir>/test/support/jest-global-setup.js",
  globalTeardown: "<rootDir>/test/support/jest-global-teardown.js",
  // A rejection handled on the next turn is not unhandled (the Pulumi SDK attaches handlers late).
  waitForUnhandledRejections: true,
  // Pulumi's SDK is large; recycle a worker that has grown past this instead of letting it swell.
  workerIdleMemoryLimit: "1GB",
  coverageProvider: "v8",
  collectCoverageFrom: [
    "components/**/*.ts",
    "programs/**/*.ts",
    "orchestrator/**/*.ts",
    "plan/**/*.ts",
    "policy/**/*.ts",
    "!**/*.test.ts",
    "!**/*.d.ts",
  ],
  coverageReporters: ["text-summary", "json-summary", "lcov"],
  // Measured 2026-12-01 on the unit tier alone: 85.5 % lines/statements, 86.4 % branches, 85.4 %
  // functions (the full run covers more). A change that lowers coverage below this fails.
  coverageThreshold: { global: { lines: 90, statements: 90, branches: 85, functions: 86 } },
  projects: [
    {
      ...common,
      displayName: "unit",
      testMatch,
      testPathIgnorePatterns: ["/node_modules/", ...processRegex, ...packageRegex],
      testEnvironmentOptions: { forbidChildProcess: true },
    },
    { ...common, displayName: "process", testMatch: processGlobs },
    { ...common, displayName: "package", testMatch: PACKAGE_TESTS.map((p) => `<rootDir>/${p}`) },
  ],
};
