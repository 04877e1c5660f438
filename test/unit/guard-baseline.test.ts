import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import {
  classifyFindings,
  countClasses,
  isPartialPlan,
  rollBack,
  lacksResources,
} from "../../plan/guards/baseline";
import { runGuards, runGuardsReport, stepSubjects, summarizeFindings } from "../../plan/guards/run";
import type { Finding } from "../../plan/model";
import { carefulInventory, mutate, named, sameSteps, setFlag, step, without } from "./guard-fixtures";

const inv = () => carefulInventory("prod");
const f = (id: string, message: string, extra: Partial<Finding> = {}): Finding => ({
  id,
  severity: "high",
  blocking: true,
  message,
  urn: "urn:a",
  ...extra,
});

describe("classifyFindings", () => {
  it("introduced keeps blocking; existing and fixed never block", () => {
    const out = classifyFindings([f("r1", "was"), f("r3", "gone")], [f("r1", "still"), f("r2", "new")]);
    expect(out.map((x) => [x.id, x.class, x.blocking])).toEqual([
      ["r1", "existing", false],
      ["r2", "introduced", true],
      ["r3", "fixed", false],
    ]);
    expect(countClasses(out)).toEqual({ introduced: 1, existing: 1, fixed: 1 });
  });

  it("pairs exact messages first, then by count; a second hit of the same rule is introduced", () => {
    const out = classifyFindings(
      [f("r", "b")],
      [f("r", "a"), f("r", "b")], // "b" existed; "a" is new
    );
    expect(out.map((x) => [x.message, x.class])).toEqual([
      ["b", "existing"],
      ["a", "introduced"],
    ]);
  });

  it("an unverifiable finding before does not hide a real violation after", () => {
    const out = classifyFindings(
      [f("r", "cannot verify", { severity: "info", blocking: false })],
      [f("r", "bad")],
    );
    expect(out.find((x) => x.message === "bad")).toMatchObject({ class: "introduced", blocking: true });
  });
});

describe("isPartialPlan and rollBack", () => {
  it("a plan with fewer resources than its change summary is partial", () => {
    const steps = [{ urn: "a" }, { urn: "b" }];
    expect(isPartialPlan(steps, { same: 68, update: 1 })).toBe(true);
    expect(isPartialPlan(steps, { same: 1, update: 1 })).toBe(false);
    // The halves of a replacement are not extra resources.
    expect(isPartialPlan(steps, { replace: 1, "create-replacement": 1, same: 1 })).toBe(false);
    expect(isPartialPlan(steps, undefined)).toBe(false);
  });

  it("rolls the state after back to the state before: creates vanish, deletes return, updates revert", () => {
    const all = inv();
    const db = named(all, "db-instance");
    const redis = named(all, "cache-redis");
    const after = without(all, "cache-redis");
    const steps = [step("create", db, undefined, db.inputs), step("delete", redis, redis.inputs)];
    const before = rollBack(after, steps);
    expect(before.map((r) => r.name)).not.toContain("db-instance");
    expect(before.map((r) => r.name)).toContain("cache-redis");
    expect(before).toHaveLength(all.length - 1);
  });
});

describe("rollBack of a large plan's same steps", () => {
  it("a resource whose state before says what its state after does is one object; any difference makes two", () => {
    const all = inv();
    const steps = sameSteps(all);
    const redis = named(all, "cache-redis");
    const db = named(all, "db-instance");
    // The protect flag changed with nothing else (a same step), and an update with equal inputs.
    steps[all.indexOf(redis)] = { ...steps[all.indexOf(redis)]!, protect: true, oldProtect: false };
    steps[all.indexOf(db)] = step("update", db, db.inputs, db.inputs);
    const after = stepSubjects(steps);
    const before = rollBack(after, steps);
    const pairs = after.map((r) => [r, before.find((b) => b.urn === r.urn)!] as const);
    for (const [now, was] of pairs) {
      if (now.urn === redis.urn) {
        expect(was, "protect differs").not.toBe(now);
        expect(was.protect).toBe(false);
      } else if (now.urn === db.urn) {
        expect(was, "an update's state after also names its old inputs").not.toBe(now);
        expect(was).toEqual({ ...now, oldInputs: undefined, inputs: db.inputs });
      } else expect(was, now.name).toBe(now);
    }
    expect(before).toHaveLength(all.length);
  });
});

describe("runGuardsReport: judge the change", () => {
  it("flags the instance already lacked are existing, the one the change drops is introduced", () => {
    const before = mutate(inv(), "db-instance", (i) => setFlag(i, "log_connections", undefined));
    const after = mutate(before, "db-instance", (i) => setFlag(i, "log_checkpoints", undefined));
    const db = named(after, "db-instance");
    const steps = [step("update", db, named(before, "db-instance").inputs, db.inputs)];
    const findings = runGuards({ steps, profile: "prod" }).filter((x) => x.severity !== "info");
    const byId = Object.fromEntries(findings.map((x) => [x.id, [x.class, x.blocking]]));
    expect(byId["gcp/pg-log-connections"]).toEqual(["existing", false]);
    expect(byId["gcp/pg-log-checkpoints"]).toEqual(["introduced", true]);
  });

  it("a finding the change removes is fixed and not counted as still there", () => {
    const before = mutate(inv(), "cache-redis", (i) => (i.authEnabled = false));
    const redis = named(inv(), "cache-redis");
    const steps = [step("update", redis, named(before, "cache-redis").inputs, redis.inputs)];
    const findings = runGuards({ steps, profile: "prod", rules: ["gcp/redis-auth"] });
    expect(findings.map((x) => [x.id, x.class, x.blocking])).toEqual([["gcp/redis-auth", "fixed", false]]);
    expect(summarizeFindings(findings)).toMatchObject({ total: 0, fixed: 1, passed: true });
  });

  it("data-loss findings are about the change itself: always introduced", () => {
    const db = named(inv(), "db-instance");
    const findings = runGuards({
      steps: [step("delete", db, db.inputs)],
      profile: "prod",
      rules: ["platform/data-loss"],
    });
    expect(findings.map((x) => [x.class, x.blocking])).toEqual([["introduced", true]]);
  });

  it("a partial plan reports stack-scope absence rules as not evaluated, not as violations", () => {
    const db = named(inv(), "db-instance");
    const report = runGuardsReport({
      steps: [step("update", db, db.inputs, db.inputs)],
      profile: "prod",
      partialPlan: true,
    });
    expect(report.findings.map((x) => x.id)).not.toContain("gcp/audit-logs-all-services");
    expect(report.notEvaluated).toEqual(
      expect.arrayContaining([
        { id: "gcp/audit-logs-all-services", refs: ["CKV2_GCP_5", "CIS 2.1"], reason: "partial plan" },
      ]),
    );
    expect(report.findings.filter((x) => x.blocking)).toEqual([]);
  });

  it("a partial plan that deletes the audit config is still blocked: the change removed it", () => {
    const audit = named(inv(), "obs-audit-all-services");
    const report = runGuardsReport({
      steps: [step("delete", audit, audit.inputs)],
      profile: "prod",
      partialPlan: true,
      rules: ["gcp/audit-logs-all-services"],
    });
    expect(report.findings.map((x) => [x.id, x.class, x.blocking])).toEqual([
      ["gcp/audit-logs-all-services", "introduced", true],
    ]);
    expect(report.notEvaluated).toEqual([]);
  });

  it("a full plan still judges absence rules (existing when the stack already lacked them)", () => {
    const steps = sameSteps(without(inv(), "obs-audit-all-services"));
    const report = runGuardsReport({ steps, profile: "prod", rules: ["gcp/audit-logs-all-services"] });
    expect(report.findings.map((x) => [x.class, x.blocking])).toEqual([["existing", false]]);
    expect(report.notEvaluated).toEqual([]);
  });

  it("a lone inventory (synth) is judged as a whole: findings carry no class and keep blocking", () => {
    const resources = mutate(inv(), "cache-redis", (i) => (i.authEnabled = false));
    const findings = runGuards({ resources, profile: "prod", rules: ["gcp/redis-auth"] });
    expect(findings.map((x) => [x.class, x.blocking])).toEqual([[undefined, true]]);
  });
});

describe("lacksResources", () => {
  it("a plan without a summary is partial when it misses a resource the stack has", () => {
    expect(lacksResources([{ urn: "a" }], ["a", "b"])).toBe(true);
    expect(lacksResources([{ urn: "a" }, { urn: "b" }], ["a", "b"])).toBe(false);
  });
});
