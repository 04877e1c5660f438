import { join } from "node:path";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { CostLine, PlanStep } from "../../plan/model";
import { UNKNOWN } from "../../plan/model";
import {
  DEFAULT_USAGE,
  estimatePlan,
  estimateResources,
  formatUsd,
  loadUsage,
  parseUsage,
  type CostEstimate,
  type CostResource,
} from "../../plan/cost";
import { DEV, PROD, STAGING } from "./cost-environments";
import { res, urnOf } from "./cost-helpers";

const STACKS = join(__dirname, "..", "..", "stacks");
const line = (est: CostEstimate, name: string): CostLine => {
  const found = est.lines.find((l) => l.name === name);
  if (!found) throw new Error(`no line ${name}`);
  return found;
};

describe("estimateResources: environments", () => {
  it("dev idle (no usage): $10.445 — db-f1-micro $7.665 + 10 GB SSD $1.70 + 3 keys × 5 versions × $0.06 + 3 secret versions × $0.06", () => {
    const est = estimateResources(DEV, DEFAULT_USAGE, { region: "us-central1" });
    expect(est.baseline).toBeCloseTo(7.665 + 1.7 + 0.9 + 0.18, 9);
    // Only the default backup assumption (one 10 GB copy × $0.08) is usage.
    expect(est.usage).toBeCloseTo(0.8, 9);
    expect(est.notPriced).toEqual([]);
    expect(est.byComponent).toEqual({
      kms: expect.closeTo(0.9, 9),
      postgres: expect.closeTo(7.665 + 1.7 + 0.8, 9),
      "cloud-run": expect.closeTo(0.18, 9),
      observability: 0,
      "budget-alert": 0,
    });
  });

  it("dev with stacks/usage.dev.yaml: $10.445 baseline + $0.478 usage", () => {
    const est = estimateResources(DEV, loadUsage("dev", STACKS), { region: "us-central1" });
    expect(est.baseline).toBeCloseTo(10.445, 9);
    const run = 7_500 * 0.000024 + 3_750 * 0.0000025 + 0.05 * 0.4 + ((50_000 * 8) / 2 ** 20) * 0.12;
    expect(est.usage).toBeCloseTo(0.16 + 3 * 0.015 + 3 * 0.006 + run, 9);
    expect(formatUsd(est.total)).toBe("$10.92");
  });

  it("dev idle comes to ≤ $10 only with one of: versions kept ≤ 2 per key, a 10 GB PD_HDD disk, or the first quarter of rotation", () => {
    const idle = (resources: readonly CostResource[], usage = DEFAULT_USAGE) =>
      estimateResources(resources, usage, { region: "us-central1" }).baseline;
    expect(idle(DEV)).toBeGreaterThan(10);
    // Destroying all but the two newest versions per key: 3 × 2 × $0.06 = $0.36 → $9.905
    expect(idle(DEV, parseUsage({ kmsKeyVersions: 2 }))).toBeCloseTo(9.905, 9);
    // First three months (2 versions per key after one rotation)
    expect(idle(DEV, parseUsage({ kmsHorizonMonths: 3 }))).toBeCloseTo(9.905, 9);
    // PD_HDD: 10 GB × $0.09 instead of × $0.17 → $9.645
    const hdd = DEV.map((r) =>
      r.name === "db-instance"
        ? {
            ...r,
            inputs: { ...r.inputs, settings: { ...(r.inputs!["settings"] as object), diskType: "PD_HDD" } },
          }
        : r,
    );
    expect(idle(hdd)).toBeCloseTo(9.645, 9);
  });

  it("staging-like (us-central1): $99.42 baseline + $4.48 usage", () => {
    const est = estimateResources(STAGING, loadUsage("staging", STACKS), { region: "us-central1" });
    expect(est.baseline).toBeCloseTo(52.7115 + 35.77 + 9.855 + 0.9 + 0.18, 6);
    const run = 45_000 * 0.000024 + 22_500 * 0.0000025 + 0.5 * 0.4 + ((500_000 * 16) / 2 ** 20) * 0.12;
    expect(est.usage).toBeCloseTo(1.6 + run + 0.45 + 0.18, 6);
  });

  it("prod-like (europe-west1): Cloud Run, KMS and secrets priced; Cloud SQL and Redis not priced (no figures there), so the total is partial", () => {
    const est = estimateResources(PROD, loadUsage("prod", STACKS), { region: "europe-west1" });
    // europe-west1 is a Cloud Run Tier 1 region: the us-central1 rates.
    const run = 2 * 2_628_000 * (2 * 0.0000025 + 1 * 0.0000025);
    for (const name of ["db-instance", "db-replica", "cache-instance"]) {
      expect(line(est, name).notPriced, name).toBe(true);
      expect(line(est, name).baseline, name).toBeUndefined();
    }
    expect(est.notPriced).toEqual(
      expect.arrayContaining(["gcp:redis/instance:Instance", "gcp:sql/databaseInstance:DatabaseInstance"]),
    );
    expect(est.baseline).toBeCloseTo(run + 15 + 2.5 + 0.24, 6);
    const runUsage =
      1_000_000 * 0.000024 + 500_000 * 0.0000025 + 10 * 0.4 + ((10_000_000 * 24) / 2 ** 20) * 0.12;
    expect(est.usage).toBeCloseTo(runUsage + 4.5 + 7.5 + 2.4, 6);
  });

  it("skips components, the stack and providers; lists unpriced types once; groups by component", () => {
    const resources: CostResource[] = [
      ...DEV,
      res("gcp:vpcaccess/connector:Connector", "conn-a", {}),
      res("gcp:vpcaccess/connector:Connector", "conn-b", {}),
      res("pulumi:providers:gcp", "default", {}),
    ];
    const est = estimateResources(resources, DEFAULT_USAGE, { region: "us-central1" });
    expect(est.lines.some((l) => l.type.startsWith("platform:") || l.type.startsWith("pulumi:"))).toBe(false);
    expect(est.notPriced).toEqual(["gcp:vpcaccess/connector:Connector"]);
    expect(est.lines.filter((l) => l.notPriced)).toHaveLength(2);
    expect(est.byComponent["unassigned"]).toBe(0);
    // IAM members and key rings without labels join their siblings' component.
    expect(line(est, "kms-ring").component).toBe("kms");
    expect(line(est, "api-db-password-v1").component).toBe("cloud-run");
    expect(line(est, "budget-budget").component).toBe("budget-alert");
  });

  it("falls back to the URN's component type when there is no parent chain", () => {
    const lone = {
      urn: urnOf("gcp:redis/instance:Instance", "c", "platform:data:RedisCache"),
      type: "gcp:redis/instance:Instance",
      name: "c",
      inputs: { memorySizeGb: 1 },
    };
    expect(estimateResources([lone], DEFAULT_USAGE, { region: "us-central1" }).byComponent).toEqual({
      "redis-cache": expect.closeTo(35.77, 9),
    });
  });

  it("lists partly unknown resources; a region without figures is not priced, with a note (no fallback)", () => {
    const est = estimateResources(
      [
        res("gcp:redis/instance:Instance", "c", {
          region: "asia-south1",
          tier: "BASIC",
          memorySizeGb: 1,
        }),
        res("gcp:redis/instance:Instance", "d", { tier: "BASIC", memorySizeGb: UNKNOWN }),
      ],
      DEFAULT_USAGE,
      { region: "us-central1" },
    );
    expect(est.partlyUnknown).toEqual([urnOf("gcp:redis/instance:Instance", "d")]);
    expect(est.lines[0]).toMatchObject({ notPriced: true });
    expect(est.lines[0]!.notes!.join("\n")).toMatch(
      /not priced: the price table .* no Memorystore for Redis list price for asia-south1/,
    );
    expect(est.total).toBe(0);
  });

  it("shares free-tier allowances across services in order", () => {
    const svc = (name: string) =>
      res("gcp:cloudrunv2/service:Service", name, { template: { containers: [{ image: "x" }] } });
    const usage = parseUsage({
      requestsPerMonth: 1_500_000,
      meanRequestDurationMs: 0,
      cloudRunFreeTier: true,
    });
    const est = estimateResources([svc("a"), svc("b")], usage, { region: "us-central1" });
    expect(line(est, "a").usage).toBe(0);
    // b: 3M requests in total, 2M free → 1M billable, all on the second service
    expect(line(est, "b").usage).toBeCloseTo(0.4, 9);
  });
});

describe("estimatePlan", () => {
  const SQL = "gcp:sql/databaseInstance:DatabaseInstance";
  const REDIS = "gcp:redis/instance:Instance";
  const step = (op: PlanStep["op"], type: string, name: string, old?: object, now?: object): PlanStep => ({
    op,
    urn: urnOf(type, name),
    type,
    name,
    ...(old ? { oldInputs: old as PlanStep["oldInputs"] } : {}),
    ...(now ? { newInputs: now as PlanStep["newInputs"] } : {}),
    diffs: [],
    replaceReasons: [],
  });
  const db = (tier: string) => ({ region: "us-central1", settings: { tier, diskSize: 100 } });
  const plan = (steps: PlanStep[]) => estimatePlan(steps, DEFAULT_USAGE, { region: "us-central1" });

  it("create adds the new side", () => {
    const cost = plan([step("create", REDIS, "cache", undefined, { memorySizeGb: 1 })]);
    expect(cost).toMatchObject({
      before: 0,
      delta: expect.closeTo(35.77, 9),
      after: expect.closeTo(35.77, 9),
    });
    expect(cost.lines[0]!.before).toBeUndefined();
  });

  it("delete subtracts the old side", () => {
    const cost = plan([step("delete", REDIS, "cache", { memorySizeGb: 1 })]);
    expect(cost.after).toBe(0);
    expect(cost.delta).toBeCloseTo(-35.77, 9);
    expect(cost.lines[0]!.after).toBeUndefined();
  });

  it("update prices both sides: db-custom-2-7680 → db-custom-4-15360 is +$98.62", () => {
    const cost = plan([step("update", SQL, "db", db("db-custom-2-7680"), db("db-custom-4-15360"))]);
    expect(cost.before).toBeCloseTo(60.298 + 38.325 + 17, 9);
    expect(cost.after).toBeCloseTo(120.596 + 76.65 + 17, 9);
    expect(cost.delta).toBeCloseTo(98.623, 9);
    expect(cost.lines[0]!.delta).toBeCloseTo(98.623, 9);
  });

  it("replace prices both sides and ignores its non-logical halves; halves alone count", () => {
    const old = { memorySizeGb: 1 };
    const now = { memorySizeGb: 5 };
    const cost = plan([
      step("create-replacement", REDIS, "cache", old, now),
      step("replace", REDIS, "cache", old, now),
      step("delete-replaced", REDIS, "cache", old, now),
    ]);
    expect(cost.lines).toHaveLength(1);
    expect(cost.delta).toBeCloseTo(5 * 0.027 * 730 - 35.77, 9);
    const halves = plan([
      step("create-replacement", REDIS, "cache", old, now),
      step("delete-replaced", REDIS, "cache", old, now),
    ]);
    expect(halves.delta).toBeCloseTo(5 * 0.027 * 730 - 35.77, 9);
  });

  it("same counts on both sides; read and bookkeeping ops do not count", () => {
    const cost = plan([
      step("same", REDIS, "cache", { memorySizeGb: 1 }, { memorySizeGb: 1 }),
      step("read", REDIS, "external", undefined, { memorySizeGb: 5 }),
      step("remove-pending-replace", REDIS, "gone", { memorySizeGb: 5 }),
    ]);
    expect(cost.before).toBeCloseTo(35.77, 9);
    expect(cost.after).toBeCloseTo(35.77, 9);
    expect(cost.delta).toBe(0);
    expect(cost.lines).toHaveLength(1);
  });

  it("an update without old inputs is priced as unchanged, with a note", () => {
    const cost = plan([step("update", REDIS, "cache", undefined, { memorySizeGb: 1 })]);
    expect(cost.delta).toBe(0);
    expect(cost.lines[0]!.before!.notes).toContain("old inputs not in the plan: priced as unchanged");
  });

  it("lists not-priced types and partly unknown steps; delta = after − before", () => {
    const cost = plan([
      step("create", "gcp:vpcaccess/connector:Connector", "conn", undefined, {}),
      step("update", SQL, "db", db("db-custom-2-7680"), {
        region: "us-central1",
        settings: { tier: UNKNOWN, diskSize: 100 },
      }),
      step("create", "platform:data:RedisCache", "cache", undefined, {}),
    ]);
    // A tier unknown until apply is not priced (the after side is partial), never a $0 compute line.
    expect(cost.notPriced).toEqual([
      "gcp:sql/databaseInstance:DatabaseInstance",
      "gcp:vpcaccess/connector:Connector",
    ]);
    expect(cost.partlyUnknown).toEqual([urnOf(SQL, "db")]);
    expect(cost.lines).toHaveLength(2);
    expect(cost.lines.find((l) => l.name === "db")!.after).toMatchObject({ notPriced: true });
    expect(cost.after).toBe(0);
    expect(cost.delta).toBeCloseTo(cost.after - cost.before, 12);
    expect(cost.breakdown.before.baseline).toBeCloseTo(115.623, 9);
  });

  it("a step that costs the same on both sides has one line object; one whose price moves keeps two", () => {
    const same = db("db-custom-2-7680");
    const cost = plan([
      step("same", SQL, "kept", same, same),
      step("update", SQL, "resized", db("db-custom-2-7680"), db("db-custom-4-15360")),
      step("update", REDIS, "relabelled", { memorySizeGb: 1 }, { memorySizeGb: 1, labels: { a: "b" } }),
    ]);
    const [kept, resized, relabelled] = cost.lines;
    expect(kept!.before).toBe(kept!.after);
    expect(relabelled!.before).toBe(relabelled!.after);
    expect(resized!.before).not.toBe(resized!.after);
    expect(resized!.before!.baseline).toBeLessThan(resized!.after!.baseline!);
    expect(cost.before).toBeCloseTo(2 * (60.298 + 38.325 + 17) + 35.77, 6);
  });

  it("a same step drawing a free tier each side has used differently keeps both lines", () => {
    // Secret Manager's six free versions: a new version ahead of the kept one uses them up on the
    // after side only, so the kept version is free before and priced after.
    const SV = "gcp:secretmanager/secretVersion:SecretVersion";
    const usage = { ...DEFAULT_USAGE, secretManagerFreeTier: true };
    const v = { secret: "s", secretData: "[secret]" };
    const steps = [
      ...Array.from({ length: 6 }, (_, i) => step("create", SV, `new-${i}`, undefined, v)),
      step("same", SV, "kept", v, v),
    ];
    const cost = estimatePlan(steps, usage, { region: "us-central1" });
    const kept = cost.lines.find((l) => l.name === "kept")!;
    expect(kept.before!.baseline).toBe(0);
    expect(kept.after!.baseline).toBeGreaterThan(0);
    expect(kept.before).not.toBe(kept.after);
  });

  it("a whole environment created from nothing costs what estimateResources says", () => {
    const usage = loadUsage("dev", STACKS);
    const steps: PlanStep[] = DEV.map((r) => ({
      op: "create",
      urn: r.urn,
      type: r.type,
      name: r.name,
      ...(r.parent ? { parent: r.parent } : {}),
      newInputs: r.inputs as PlanStep["newInputs"],
      diffs: [],
      replaceReasons: [],
    }));
    const cost = estimatePlan(steps, usage, { region: "us-central1" });
    const env = estimateResources(DEV, usage, { region: "us-central1" });
    expect(cost.delta).toBeCloseTo(env.total, 9);
    expect(cost.lines.find((l) => l.name === "kms-ring")!.component).toBe("kms");
  });
});
