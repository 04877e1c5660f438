// Issue 10 part 6: the review folds a recorded event log as it reads it (plan/fold). Whatever it
// shows must be what the whole-plan review computes from the same log: every rule case of every
// cloud as a plan in both directions, the engine's own event logs, generated monorepo plans,
// replacements in every order, repeated steps, free tiers and the rules that read other resources.
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { tempDir } from "../support/temp";
import { foldEventLog, compactState } from "../../plan/fold";
import { estimatePlan, DEFAULT_USAGE, type Usage } from "../../plan/cost";
import { runGuardsReport, stateReads } from "../../plan/guards";
import { RULES } from "../../plan/guards/registry";
import { Scope, type GuardResource, type GuardStep } from "../../plan/guards/types";
import type { CostLine, Op, PlanInputs } from "../../plan/model";
import { countChanges, opCounts, parseEventLog } from "../../plan/parse";
import { describeChanges } from "../../plan/render";
import { RULE_CASES, type CaseInput } from "./guard-cases";
import { AWS_RULE_CASES } from "./aws-guard-cases";
import { K8S_RULE_CASES } from "./k8s-guard-cases";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generate } = require("../../bench/monorepo-log") as {
  generate: (file: string, o: { steps: number; seed?: number }) => unknown;
};

const dir = tempDir("review-fold-");
let files = 0;

const FREE: Usage = {
  ...DEFAULT_USAGE,
  cloudRunFreeTier: true,
  secretManagerFreeTier: true,
  awsFreeTier: true,
};

/** The engine's metadata state of one side of a step. */
function state(s: GuardStep, inputs: unknown, protect: boolean | undefined) {
  return {
    type: s.type,
    urn: s.urn,
    custom: true,
    ...(s.parent ? { parent: s.parent } : {}),
    inputs,
    outputs: {},
    ...(protect ? { protect: true } : {}),
  };
}

/** Writes steps as an engine event log (one resourcePreEvent each, then the summary). */
function eventLog(steps: readonly GuardStep[], summary = true): string {
  const lines = steps.map((s, i) =>
    JSON.stringify({
      sequence: i,
      timestamp: 1_767_225_600,
      resourcePreEvent: {
        metadata: {
          op: s.op,
          urn: s.urn,
          type: s.type,
          old: s.oldInputs ? state(s, s.oldInputs, s.oldProtect ?? s.protect) : null,
          new: s.newInputs ? state(s, s.newInputs, s.protect) : null,
          diffs: s.diffs,
          keys: s.replaceReasons,
          ...(s.logical !== undefined ? { logical: s.logical } : {}),
          provider: "",
        },
      },
    }),
  );
  if (summary) {
    const counts: Record<string, number> = {};
    for (const s of steps) counts[s.op] = (counts[s.op] ?? 0) + 1;
    lines.push(JSON.stringify({ sequence: steps.length, summaryEvent: { resourceChanges: counts } }));
  }
  const file = path.join(dir, `plan-${files++}.jsonl`);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

/** A plan that takes one state to another (same, update, create, delete by URN). */
function planBetween(from: readonly GuardResource[], to: readonly GuardResource[]): GuardStep[] {
  const before = new Map(from.map((r) => [r.urn, r]));
  const steps: GuardStep[] = [];
  const base = (r: GuardResource) => ({
    urn: r.urn,
    type: r.type,
    name: r.name,
    diffs: [],
    replaceReasons: [],
    ...(r.parent ? { parent: r.parent } : {}),
  });
  for (const r of to) {
    const was = before.get(r.urn);
    before.delete(r.urn);
    const inputs = r.inputs as PlanInputs;
    if (!was) steps.push({ ...base(r), op: "create", newInputs: inputs, protect: r.protect === true });
    else {
      const same = JSON.stringify(was.inputs) === JSON.stringify(r.inputs) && was.protect === r.protect;
      steps.push({
        ...base(r),
        op: same ? "same" : "update",
        oldInputs: was.inputs as PlanInputs,
        newInputs: inputs,
        protect: r.protect === true,
        oldProtect: was.protect === true,
      });
    }
  }
  for (const r of before.values())
    steps.push({ ...base(r), op: "delete", oldInputs: r.inputs as PlanInputs, protect: r.protect === true });
  return steps;
}

const noComponent = (l: CostLine): CostLine => {
  const { component: _component, ...rest } = l;
  return rest;
};

/**
 * A value as text, for comparing large results (Jest's deep equality costs seconds over hundreds
 * of plans): symbols (unknown, secret) spelled out, undefined kept, key order as built.
 */
const text = (value: unknown) =>
  JSON.stringify(value, (_k, v: unknown) =>
    typeof v === "symbol" ? `<${String(v)}>` : v === undefined ? "<undefined>" : v,
  );

/** The fold's review of a log against the whole-plan review of the same log, part by part. */
async function expectSameReview(
  file: string,
  profile: "dev" | "prod",
  usage: Usage = DEFAULT_USAGE,
  partialPlans: readonly boolean[] = [false, true],
) {
  const options = { profile, usage, region: "europe-west1" };
  const folded = await foldEventLog(file, options);
  const whole = await parseEventLog(file, { file });
  if (whole.steps.length === 0) {
    expect(folded).toBeUndefined();
    return;
  }
  expect(folded).toBeDefined();
  const f = folded!;
  const steps = whole.steps;
  expect(text(f.changes.list)).toBe(text(describeChanges(steps)));
  expect(f.changes.counts).toEqual(countChanges(steps));
  expect(opCounts(f.ops)).toEqual(opCounts(steps));
  expect(f.urns.size).toBe(new Set(steps.map((s) => s.urn)).size);
  const plan = estimatePlan(steps, usage, { region: "europe-west1", notes: false });
  const after = plan.lines.map((l) => l.after).filter((l): l is CostLine => l !== undefined);
  const before = plan.lines.map((l) => l.before).filter((l): l is CostLine => l !== undefined);
  expect(text(f.cost.lines)).toBe(text(after.map(noComponent)));
  expect(text(f.cost.beforeLines)).toBe(text(before.map(noComponent)));
  expect(f.cost.before).toBe(plan.before);
  expect(f.cost.after).toBe(plan.after);
  expect(f.cost.notPriced).toEqual(plan.notPriced);
  for (const partialPlan of partialPlans) {
    const report = runGuardsReport({ profile, steps, partialPlan, allowDataLoss: [] });
    expect(text(f.report(partialPlan))).toBe(text(report));
  }
}

/** Each case's state as a world (its resources, or what its steps leave). */
function worldOf(input: CaseInput): readonly GuardResource[] {
  if (input.resources) return input.resources;
  return (input.steps ?? [])
    .filter((s) => s.newInputs)
    .map((s) => ({
      urn: s.urn,
      type: s.type,
      name: s.name,
      inputs: s.newInputs!,
      ...(s.parent ? { parent: s.parent } : {}),
      ...(s.protect !== undefined ? { protect: s.protect } : {}),
    }));
}

const CASES = [
  ...RULE_CASES.map((c) => ({ cloud: "gcp", ...c })),
  ...AWS_RULE_CASES.map((c) => ({ cloud: "aws", ...c })),
  ...K8S_RULE_CASES.map((c) => ({ cloud: "kubernetes", ...c })),
] as const;

describe("the folded review is the whole-plan review", () => {
  it.each(CASES.map((c) => [`${c.cloud} ${c.rule}`, c] as const))(
    "%s: its failing and passing case as plans both ways",
    async (_name, c) => {
      const fail = c.fail() as CaseInput;
      const passInput = c.pass?.();
      const failWorld = worldOf(fail);
      const passWorld = passInput ? worldOf(passInput) : [];
      // The case's own steps, and the change from passing to failing and back (a whole plan and a
      // partial one: stack-scope existence rules are then not evaluated).
      if (fail.steps) await expectSameReview(eventLog(fail.steps), "prod", DEFAULT_USAGE, [false]);
      await expectSameReview(eventLog(planBetween(passWorld, failWorld)), "prod", DEFAULT_USAGE, [false]);
      await expectSameReview(eventLog(planBetween(failWorld, passWorld)), "dev", FREE, [true]);
    },
  );

  it("on generated monorepo plans (replacements with their deletes at the end), with and without free tiers", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), fc.boolean(), async (seed, free) => {
        const file = path.join(dir, `mono-${files++}.jsonl`);
        generate(file, { steps: 600, seed });
        await expectSameReview(file, free ? "dev" : "prod", free ? FREE : DEFAULT_USAGE);
      }),
      { numRuns: 6 },
    );
  });

  it("when a URN's steps repeat or come in any order: the latest logical step wins, halves merge", async () => {
    const [bucket, sql] = RULE_CASES.flatMap((c) => worldOf(c.fail())).filter(
      (r, i, all) => all.findIndex((o) => o.type === r.type) === i,
    );
    const ops = fc.constantFrom<Op>(
      "same",
      "update",
      "create",
      "delete",
      "replace",
      "create-replacement",
      "delete-replaced",
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ which: fc.integer({ min: 0, max: 1 }), op: ops, logical: fc.boolean() }), {
          minLength: 1,
          maxLength: 6,
        }),
        async (spec) => {
          const steps: GuardStep[] = spec.map(({ which, op, logical }) => {
            const r = (which === 0 ? bucket : sql)!;
            return {
              op,
              urn: r.urn,
              type: r.type,
              name: r.name,
              ...(op !== "create" && op !== "create-replacement"
                ? { oldInputs: r.inputs as PlanInputs }
                : {}),
              ...(op !== "delete" && op !== "delete-replaced"
                ? { newInputs: { ...r.inputs, step: op } }
                : {}),
              diffs: [],
              replaceReasons: op.includes("replace") ? ["name"] : [],
              ...(op.includes("-") ? { logical } : {}),
            };
          });
          const file = eventLog(steps);
          const folded = await foldEventLog(file, {
            profile: "prod",
            usage: DEFAULT_USAGE,
            region: "europe-west1",
          });
          // A half after a URN judged on its own is the one order the fold leaves to the whole review.
          if (folded !== undefined) await expectSameReview(file, "prod");
        },
      ),
      { numRuns: 150 },
    );
  });

  it.each([
    "failed-stacks-dont-rewrite-operations.json",
    "lifecycle-TestDeleteBeforeReplace-0-0-eventstream.json",
    "lifecycle-TestPendingDeleteReplacement-1-eventstream.json",
    "lifecycle-TestProviderPreviewUnknowns-2-eventstream.json",
    "template-body.json",
    "up-3.json",
    "up-4.json",
    "webserver-userdata.json",
  ])("the engine's own event log %s", async (name) => {
    const file = path.resolve(__dirname, "../fixtures/pulumi-engine", name);
    await expectSameReview(file, "prod");
    await expectSameReview(file, "dev", FREE);
  });

  it("leaves a half that follows a URN it judged alone to the whole-plan review", async () => {
    const r = worldOf(RULE_CASES[0]!.fail())[0]!;
    const base = { urn: r.urn, type: r.type, name: r.name, diffs: [], replaceReasons: [] };
    const inputs = r.inputs as PlanInputs;
    const file = eventLog([
      { ...base, op: "same", oldInputs: inputs, newInputs: inputs },
      { ...base, op: "delete-replaced", oldInputs: inputs },
    ]);
    expect(
      await foldEventLog(file, { profile: "prod", usage: DEFAULT_USAGE, region: "europe-west1" }),
    ).toBeUndefined();
  });
});

describe("stateReads: what the stack rules are given is all they read", () => {
  const stackRules = RULES.filter((r) => r.scope === Scope.stack);
  // Each distinct world of the rule cases (most share the careful inventory).
  const all = CASES.flatMap((c) => [
    worldOf(c.fail() as CaseInput),
    worldOf((c.pass?.() ?? { resources: [] }) as CaseInput),
  ]);
  const worlds = [...new Map(all.map((w) => [JSON.stringify(w), w] as const)).values()];

  it.each(stackRules.map((r) => [r.id, r] as const))("%s", (_id, rule) => {
    if (rule.scope !== Scope.stack) return;
    for (const world of worlds) {
      const part = Object.freeze(world.map(compactState).filter((r): r is GuardResource => r !== undefined));
      const whole = Object.freeze([...world]);
      // Types the rule reads are all kept.
      for (const type of rule.appliesTo) expect(stateReads(type)).toBeDefined();
      expect(rule.check(part, { profile: "prod", resources: part })).toEqual(
        rule.check(whole, { profile: "prod", resources: whole }),
      );
    }
  });
});
