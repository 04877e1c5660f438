/**
 * Validation, cost and guards on the real k8s-dev and k8s-prod synth (the program's own objects,
 * synthesised in a child process from dist/, like `npx platform synth`).
 */
import { beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { synth, type SynthResult } from "../../orchestrator/synth";
import { costReport, renderCostReport } from "../../orchestrator/review/cost-report";
import { checkInventory } from "../../plan/guards";
import { Level } from "../../plan/guards/types";
import { toKubernetesObject, validateKubernetesObject } from "../support/kubernetes-schemas";

const ENVS = ["k8s-dev", "k8s-prod"] as const;
const results: Record<string, SynthResult> = {};

// Two synths in child processes: generous on a loaded machine.
beforeAll(async () => {
  for (const env of ENVS) results[env] = await synth(env);
}, 240_000);

describe.each(ENVS)("%s: every emitted object against the real schemas", (env) => {
  it("validates every Kubernetes object with no issue (core: kubernetes-models + strict; CRDs: the catalog schemas)", async () => {
    const rows = results[env]!.resources.filter((r) => r.type.startsWith("kubernetes:"));
    const bySource: Record<string, number> = {};
    for (const row of rows) {
      const object = toKubernetesObject(row);
      expect(object, row.type).toBeDefined();
      const r = await validateKubernetesObject(object!);
      expect(r.issues, `${row.type} ${row.name}`).toEqual([]);
      for (const s of r.validatedBy) bySource[s] = (bySource[s] ?? 0) + 1;
    }
    expect(rows.length).toBeGreaterThan(25);
    // Every object went through a strict validator (the core strict schema or a CRD schema).
    expect((bySource["core strict schema"] ?? 0) + (bySource["CRD schema"] ?? 0)).toBe(rows.length);
    process.stdout.write(`${env}: ${rows.length} objects validated ${JSON.stringify(bySource)}\n`);
  });
});

type Misspelling = readonly [env: (typeof ENVS)[number], type: string, misspell: (o: any) => void];
const MISSPELLINGS: readonly Misspelling[] = [
  [
    "k8s-prod",
    "kubernetes:apps/v1:Deployment",
    (o) => void (o.spec.template.spec.containers[0].readinesProbe = {}),
  ],
  ["k8s-prod", "kubernetes:apps/v1:StatefulSet", (o) => void (o.spec.volumeClaimTemplate = [])],
  ["k8s-dev", "kubernetes:postgresql.cnpg.io/v1:Cluster", (o) => void (o.spec.storage.sise = "10Gi")],
  [
    "k8s-dev",
    "kubernetes:serving.knative.dev/v1:Service",
    (o) => void (o.spec.template.spec.containers[0].imagePullPolcy = "Always"),
  ],
  [
    "k8s-dev",
    "kubernetes:monitoring.coreos.com/v1:PrometheusRule",
    (o) => void (o.spec.groups[0].rules[0].expresion = "up"),
  ],
];

describe("a misspelt field in a real object fails", () => {
  it.each(MISSPELLINGS)("%s %s", async (env, type, misspell) => {
    const row = results[env]!.resources.find((r) => r.type === type)!;
    const object = structuredClone(toKubernetesObject(row)!) as any;
    misspell(object);
    const r = await validateKubernetesObject(object);
    expect(r.issues.some((i) => i.message.startsWith("must NOT have additional properties"))).toBe(true);
  });
});

describe("cost on the real synth", () => {
  it("k8s-dev: CNPG instance + volume, Knative at $0 idle, the restore-test job by its hours; nothing unpriced", () => {
    const report = costReport(results["k8s-dev"]!);
    const e = report.estimate;
    expect(e.notPriced).toEqual([]);
    const of = (type: string) => e.lines.filter((l) => l.type === type);
    const [cluster] = of("kubernetes:postgresql.cnpg.io/v1:Cluster");
    expect(cluster?.baseline).toBeGreaterThan(0);
    expect(cluster?.notes?.some((n) => n.startsWith("rates from Namespace"))).toBe(true);
    const [knative] = of("kubernetes:serving.knative.dev/v1:Service");
    expect(knative?.baseline).toBe(0);
    expect(knative?.notes).toContain("min-scale 0: no pod runs while idle = $0.00");
    expect(e.total).toBeCloseTo(
      Object.values(e.byComponent).reduce((a, b) => a + b, 0),
      9,
    );
    // A cluster has no region: the header names none (it said "k8s-dev ()").
    expect(renderCostReport(report).split("\n")[0]).toMatch(/^Environment k8s-dev, prices as of /);
  });

  it("k8s-prod: the Deployment at its HPA minimum, CNPG instances with the Barman sidecar and volumes, the Valkey StatefulSet with its claims", () => {
    const report = costReport(results["k8s-prod"]!);
    const e = report.estimate;
    // The AWS keys (keysFrom: aws) live in us-west-2: KMS has one price in every region ($1 a key-month).
    expect(e.notPriced).toEqual([]);
    const keys = e.lines.filter((l) => l.type === "aws:kms/key:Key");
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) {
      expect(k.notPriced, k.name).toBeUndefined();
      expect(k.baseline, k.name).toBeGreaterThanOrEqual(1);
    }
    expect(report.region).toBe("us-west-2");
    const line = (type: string) => e.lines.find((l) => l.type === type)!;
    expect(
      line("kubernetes:apps/v1:Deployment").notes?.some((n) => n.includes("HPA") && n.includes("minimum")),
    ).toBe(true);
    const cluster = line("kubernetes:postgresql.cnpg.io/v1:Cluster");
    expect(cluster.notes?.some((n) => n.includes("plugin-barman-cloud"))).toBe(true);
    expect(cluster.notes?.some((n) => n.startsWith("data volume:"))).toBe(true);
    expect(
      line("kubernetes:apps/v1:StatefulSet").notes?.some((n) => n.startsWith("volume claim data:")),
    ).toBe(true);
    for (const c of ["postgres", "service", "redis"]) expect(e.byComponent[c], c).toBeGreaterThan(0);
    expect(e.asOf).toContain("kubernetes 2026-12-01");
    // k8s-prod configures its own storage rate; the Namespace carries it to the estimate.
    expect(cluster.notes).toContain(
      "rates from Namespace shop-k8s-prod (platform.dev/cost-rates): $0.0445/vCPU-h, $0.0049225/GiB-h, $0.08/GB-month",
    );
    expect(renderCostReport(report).split("\n")[0]).toMatch(
      /^Environment k8s-prod \(us-west-2\), prices as of /,
    );
  });
});

describe("guards on the real synth", () => {
  it("k8s-prod passes every rule: nothing blocks, no rule fails; only the advisory digest pinning is reported", () => {
    const result = checkInventory(results["k8s-prod"]!.resources, "prod");
    expect(result.blocking).toEqual([]);
    expect(result.failedRules).toEqual([]);
    expect([...new Set(result.advisory.map((f) => f.id))]).toEqual(["k8s/image-digest"]);
    expect(result.passed).toBe(true);
  });

  it("k8s-dev passes every L1 rule", () => {
    const result = checkInventory(results["k8s-dev"]!.resources, "dev");
    expect(result.blocking).toEqual([]);
    expect(result.failedRules.filter((r) => r.level === Level.L1)).toEqual([]);
  });
});
