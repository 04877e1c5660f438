// @ts-check
const path = require("node:path");
const Sequencer = require("@jest/test-sequencer").default;

/**
 * Committed weights (seconds of each file in a full `npm test` on the 2-core machine, 2026-12-01,
 * second pass; only their order matters) of the slowest files, so they
 * start first even without Jest's cache of last durations (a fresh clone, CI). Without this, Jest
 * orders uncached files by size, and a 100 s process file can start last and run alone at the end.
 * A file with a cached duration uses that; any other file weighs {@link DEFAULT_SECONDS}.
 */
const WEIGHTS = {
  "test/unit/orchestrator-double.test.ts": 54,
  "test/unit/synth-cache-worker.test.ts": 47,
  "test/unit/orchestrator-cli.test.ts": 35,
  "test/unit/review.test.ts": 35,
  "test/unit/orchestrator-platform-trust.test.ts": 34,
  "test/unit/pulumi-double-cli.test.ts": 34,
  "test/unit/orchestrator-trust.test.ts": 28,
  "test/unit/pulumi-double-faults.test.ts": 19,
  "test/unit/pulumi-double.test.ts": 18,
  "test/unit/orchestrator-aws-double.test.ts": 18,
  "test/unit/program.test.ts": 17,
  "test/unit/orchestrator-k8s-double.test.ts": 15,
  "test/unit/k8s-plan.test.ts": 14,
  "test/unit/review-fold.test.ts": 20,
  "test/unit/review-live.test.ts": 12,
  "test/unit/observability-stack.test.ts": 11,
  "test/unit/aws-cost-synth-regions.test.ts": 9,
  "test/unit/orchestrator-inline.test.ts": 8,
  "test/unit/k8s-schemas.test.ts": 7,
  "test/unit/aws-program.test.ts": 7,
  "test/unit/user-mistakes.test.ts": 7,
  "test/unit/review-base-build.test.ts": 6,
};
const DEFAULT_SECONDS = 2;
const ROOT = path.resolve(__dirname, "..", "..");

/** Longest first: Jest's cached duration when it has one, else the committed weight. */
class WeightedSequencer extends Sequencer {
  /** @param {import("@jest/test-result").Test} test */
  time(test) {
    const cached = super.time(test);
    if (cached != null) return cached;
    const rel = path.relative(ROOT, test.path).split(path.sep).join("/");
    return 1000 * (WEIGHTS[/** @type {keyof typeof WEIGHTS} */ (rel)] ?? DEFAULT_SECONDS);
  }
}

module.exports = WeightedSequencer;
