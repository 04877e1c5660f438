import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { DEFAULT_USAGE, estimateResources, priceTableDate, type Usage } from "../../plan/cost";
import { KUBERNETES_ESTIMATORS, KUBERNETES_FREE_TYPES } from "../../plan/cost/estimators";
import { DEFAULT_KUBERNETES_RATES, parseRatesAnnotation } from "../../plan/cost/prices";
import { KUBERNETES_RATES_ANNOTATION } from "../../components/shared/kubernetes-rates";
import type { GuardResource } from "../../plan/guards/types";
import { FIXTURE_RATES, k8sInventory } from "./k8s-fixtures";

const H = 730;
const price = (resources: readonly GuardResource[], usage: Partial<Usage> = {}) =>
  estimateResources(resources, { ...DEFAULT_USAGE, ...usage }, { region: "us-east-1" });
const line = (resources: readonly GuardResource[], name: string, usage: Partial<Usage> = {}) => {
  const l = price(resources, usage).lines.find((x) => x.name === name);
  if (!l) throw new Error(`no line ${name}`);
  return l;
};
const total = (l: { baseline?: number; usage?: number }) => (l.baseline ?? 0) + (l.usage ?? 0);
const r = FIXTURE_RATES;
const withoutRates = (rs: GuardResource[]) =>
  rs.map((x) =>
    x.type === "kubernetes:core/v1:Namespace"
      ? { ...x, inputs: { ...x.inputs, metadata: { name: "acme-k8s-prod" } } }
      : x,
  );
const edit = (rs: GuardResource[], name: string, change: (inputs: any) => void) =>
  rs.map((x) => {
    if (x.name !== name) return x;
    const inputs = structuredClone(x.inputs) as any;
    change(inputs);
    return { ...x, inputs };
  });

describe("Kubernetes cost: requests × the stack's rates × pods", () => {
  it("prices every type of both fixture stacks: nothing is left unpriced", () => {
    for (const p of ["dev", "prod"] as const) expect(price(k8sInventory(p)).notPriced).toEqual([]);
    for (const t of [...Object.keys(KUBERNETES_ESTIMATORS), ...Object.keys(KUBERNETES_FREE_TYPES)])
      expect(t).toMatch(/^(kubernetes:[a-z0-9.-]+\/v[0-9a-z]+:[A-Za-z]+|pulumi:providers:kubernetes)$/);
  });

  it("a Deployment is priced at its HPA minimum with the Namespace's rates", () => {
    const l = line(k8sInventory("prod"), "api-deployment");
    expect(total(l)).toBeCloseTo(3 * (0.5 * r.vcpuHour + 0.5 * r.gibHour) * H, 6);
    expect(l.notes).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          "3 pods × (0.5 vCPU × $0.05 + 0.5 GiB × $0.006) × 730 h (HPA api-hpa minimum 3 (max 10",
        ),
        "pod requests: app 500m/512Mi",
        "rates from Namespace acme-k8s-prod (platform.dev/cost-rates): $0.05/vCPU-h, $0.006/GiB-h, $0.12/GB-month",
      ]),
    );
    expect(l.component).toBe("service");
  });

  it("falls back to the default rates, and says so, when no Namespace carries them", () => {
    const l = line(withoutRates(k8sInventory("prod")), "api-deployment");
    const d = DEFAULT_KUBERNETES_RATES;
    expect(total(l)).toBeCloseTo(3 * (0.5 * d.vcpuHour + 0.5 * d.gibHour) * H, 6);
    expect(
      l.notes?.some((n) => n.startsWith("rates: defaults $0.0445/vCPU-h") && n.includes("no Namespace")),
    ).toBe(true);
  });

  it("an unreadable rates annotation falls back to the defaults with the reason", () => {
    const bad = edit(k8sInventory("prod"), "namespace", (i) => {
      i.metadata.annotations[KUBERNETES_RATES_ANNOTATION] = '{"vcpuHour":"cheap"}';
    });
    expect(line(bad, "api-deployment").notes?.join("\n")).toContain('has vcpuHour "cheap", not a number ≥ 0');
    expect(parseRatesAnnotation("nope")).toEqual({ problem: "is not JSON" });
    expect(parseRatesAnnotation('{"storageGbMonth":0.2}')).toEqual({
      rates: { ...DEFAULT_KUBERNETES_RATES, storageGbMonth: 0.2 },
    });
  });

  it("without an HPA a Deployment runs spec.replicas pods (1 when unset)", () => {
    const noHpa = k8sInventory("prod").filter((x) => x.name !== "api-hpa");
    expect(total(line(noHpa, "api-deployment"))).toBeCloseTo((0.5 * r.vcpuHour + 0.5 * r.gibHour) * H, 6);
    const two = edit(noHpa, "api-deployment", (i) => {
      i.spec.replicas = 2;
    });
    expect(total(line(two, "api-deployment"))).toBeCloseTo(2 * (0.5 * r.vcpuHour + 0.5 * r.gibHour) * H, 6);
  });

  it("a missing request takes the limit, then the LimitRange default, the way the API server defaults it", () => {
    const noRequest = edit(k8sInventory("prod"), "api-deployment", (i) => {
      delete i.spec.template.spec.containers[0].resources.requests;
    });
    const l = line(noRequest, "api-deployment");
    expect(total(l)).toBeCloseTo(3 * (1 * r.vcpuHour + 0.5 * r.gibHour) * H, 6);
    expect(l.notes).toContain("app: cpu request = its limit 1");
    const nothing = edit(k8sInventory("prod"), "api-deployment", (i) => {
      delete i.spec.template.spec.containers[0].resources;
    });
    const d = line(nothing, "api-deployment");
    expect(total(d)).toBeCloseTo(3 * (0.1 * r.vcpuHour + 0.125 * r.gibHour) * H, 6);
    expect(d.notes).toContain("app: cpu request from the LimitRange default 100m");
  });

  it("a StatefulSet: replicas × every container (sidecars included) plus the volume claims of each replica", () => {
    const l = line(k8sInventory("prod"), "cache-statefulset");
    const pod = (0.1 + 0.02) * r.vcpuHour + (2 + 32 / 1024) * r.gibHour;
    expect(total(l)).toBeCloseTo(3 * pod * H + 3 * 4 * r.storageGbMonth, 6);
    expect(l.notes).toEqual(
      expect.arrayContaining([
        "pod requests: valkey 100m/2Gi, exporter 20m/32Mi",
        "volume claim data: 3 × 4 GiB × $0.12/GB-month = $1.44",
      ]),
    );
  });

  it("a CNPG Cluster: instances × (postgres + the Barman plugin sidecar from its ObjectStore) and data + WAL volumes per instance", () => {
    const l = line(k8sInventory("prod"), "db-cluster");
    const pod = (2 + 0.1) * r.vcpuHour + (4 + 0.125) * r.gibHour;
    expect(total(l)).toBeCloseTo(3 * pod * H + 3 * (100 + 25) * r.storageGbMonth, 6);
    expect(l.notes).toEqual(
      expect.arrayContaining([
        "instance requests: postgres 2/4Gi, plugin-barman-cloud 100m/128Mi",
        "data volume: 3 × 100 GiB × $0.12/GB-month = $36.00",
        "WAL volume: 3 × 25 GiB × $0.12/GB-month = $9.00",
      ]),
    );
    expect(total(line(k8sInventory("dev"), "db-cluster"))).toBeCloseTo(
      ((0.5 + 0.1) * r.vcpuHour + (1 + 0.125) * r.gibHour) * H + 10 * r.storageGbMonth,
      6,
    );
  });

  it("a Knative Service at min-scale 0 costs $0 idle; load comes from the usage file", () => {
    const idle = line(k8sInventory("dev"), "worker-knative-service");
    expect(total(idle)).toBe(0);
    expect(idle.notes).toContain("min-scale 0: no pod runs while idle = $0.00");
    const busy = line(k8sInventory("dev"), "worker-knative-service", {
      requestsPerMonth: 360_000,
      meanRequestDurationMs: 100,
      meanConcurrentRequests: 2,
    });
    expect(busy.usage).toBeCloseTo(5 * (0.25 * r.vcpuHour + 0.25 * r.gibHour), 9);
    const warm = edit(k8sInventory("dev"), "worker-knative-service", (i) => {
      i.spec.template.metadata.annotations["autoscaling.knative.dev/min-scale"] = "2";
    });
    expect(line(warm, "worker-knative-service").baseline).toBeCloseTo(
      2 * (0.25 * r.vcpuHour + 0.25 * r.gibHour) * H,
      6,
    );
  });

  it("CronJobs cost only while they run (jobHoursPerMonth); PVCs by size; a LoadBalancer Service is not priced", () => {
    const cron = {
      urn: "urn:pulumi:k8s-dev::platform::kubernetes:batch/v1:CronJob::restore",
      type: "kubernetes:batch/v1:CronJob",
      name: "restore",
      inputs: {
        metadata: { name: "restore", namespace: "acme-k8s-dev" },
        spec: {
          schedule: "0 5 * * 0",
          jobTemplate: {
            spec: {
              template: {
                spec: { containers: [{ name: "c", resources: { requests: { cpu: "1", memory: "1Gi" } } }] },
              },
            },
          },
        },
      },
    };
    const ns = k8sInventory("dev").filter((x) => x.name === "namespace");
    expect(total(line([...ns, cron], "restore"))).toBe(0);
    expect(total(line([...ns, cron], "restore", { jobHoursPerMonth: 10 }))).toBeCloseTo(
      10 * (r.vcpuHour + r.gibHour),
      9,
    );
    const pvc = {
      ...cron,
      type: "kubernetes:core/v1:PersistentVolumeClaim",
      name: "pvc",
      inputs: {
        metadata: { namespace: "acme-k8s-dev" },
        spec: { resources: { requests: { storage: "50Gi" } } },
      },
    };
    expect(total(line([...ns, pvc], "pvc"))).toBeCloseTo(50 * r.storageGbMonth, 9);
    const lb = {
      ...cron,
      type: "kubernetes:core/v1:Service",
      name: "lb",
      inputs: { spec: { type: "LoadBalancer" } },
    };
    expect(line([lb], "lb").notPriced).toBe(true);
  });

  it("names the rates' date; mixed with AWS keys, both dates", () => {
    expect(price(k8sInventory("prod")).asOf).toBe("2026-12-01");
    expect(priceTableDate(["kubernetes:apps/v1:Deployment", "aws:kms/key:Key"])).toBe(
      "aws 2026-08-21, kubernetes 2026-12-01",
    );
    expect(priceTableDate(["gcp:sql/databaseInstance:DatabaseInstance"])).toBe(priceTableDate([]));
  });

  it("itemises both fixture stacks per component", () => {
    const prod = price(k8sInventory("prod"));
    expect(Object.keys(prod.byComponent).sort()).toEqual([
      "budget",
      "environment",
      "kms",
      "observability",
      "postgres",
      "redis",
      "service",
    ]);
    expect(prod.total).toBeCloseTo(
      total(line(k8sInventory("prod"), "db-cluster")) +
        total(line(k8sInventory("prod"), "api-deployment")) +
        total(line(k8sInventory("prod"), "cache-statefulset")),
      6,
    );
  });
});
