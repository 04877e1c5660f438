// Issue 10 part 6: `review --format text` writes the text as it is made (writeText), in the bytes
// renderText returns, so a 100,000-step review's text is never held whole.
import * as path from "node:path";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { tempDir } from "../support/temp";
import { DEFAULT_USAGE, estimatePlan, type PlanCostLine } from "../../plan/cost";
import { runGuardsReport } from "../../plan/guards";
import type { CostLine } from "../../plan/model";
import { parseEventLog } from "../../plan/parse";
import { renderText, writeText, type EnvReview } from "../../plan/render";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generate } = require("../../bench/monorepo-log") as {
  generate: (file: string, o: { steps: number; seed?: number }) => unknown;
};

async function monorepoReview(steps: number): Promise<EnvReview> {
  const file = path.join(tempDir("review-text-"), "log.jsonl");
  generate(file, { steps });
  const parsed = await parseEventLog(file, { file });
  const plan = estimatePlan(parsed.steps, DEFAULT_USAGE, { region: "europe-west1", notes: false });
  const side = (pick: (l: PlanCostLine) => CostLine | undefined) =>
    plan.lines.map(pick).filter((l): l is CostLine => l !== undefined);
  return {
    env: "prod",
    stack: "prod",
    source: "event-log",
    steps: parsed.steps,
    cost: {
      before: plan.before,
      after: plan.after,
      lines: side((l) => l.after),
      beforeLines: side((l) => l.before),
      notPriced: plan.notPriced,
    },
    findings: runGuardsReport({ profile: "prod", steps: parsed.steps, allowDataLoss: [] }).findings,
  };
}

describe("writeText", () => {
  it("writes renderText's bytes in pieces of about 64 KiB", async () => {
    const reviews = [await monorepoReview(1_500)];
    for (const color of [false, true]) {
      const chunks: string[] = [];
      writeText(reviews, (s) => chunks.push(s), { color });
      expect(chunks.join("")).toBe(renderText(reviews, { color }));
      expect(chunks.length).toBeGreaterThan(1);
      // A piece ends at the line that takes it past 64 KiB.
      for (const c of chunks.slice(0, -1)) expect(c.length).toBeLessThan((1 << 16) + 4096);
    }
  });

  it("writes nothing more for an empty review list than renderText returns", () => {
    const chunks: string[] = [];
    writeText([], (s) => chunks.push(s));
    expect(chunks.join("")).toBe(renderText([]));
  });
});
