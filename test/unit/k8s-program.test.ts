// The Kubernetes stacks through the real program: synth (a child process per stack) and the
// `pulumi up` entry under the mock runtime register the same inventory.
import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { synth, type SynthResult } from "../../orchestrator/synth";
import { MOCK_INVOKES, mockState } from "../../orchestrator/synth/mock-cloud";
import { installRecordingMocks } from "../../orchestrator/synth/recorder";
import { readStackConfig, toRuntimeConfig } from "../../programs/stack-config";

const ENVS = ["k8s-dev", "k8s-prod"] as const;
const results: Record<string, SynthResult> = {};

beforeAll(async () => {
  for (const env of ENVS) results[env] = await synth(env);
}, 240_000);

const ofType = (env: string, type: string) => results[env]!.resources.filter((r) => r.type === type);
const one = (env: string, type: string, name: string) => {
  const hits = results[env]!.resources.filter((r) => r.type === type && r.name === name);
  expect(hits, `${type} ${name} in ${env}`).toHaveLength(1);
  return hits[0]!;
};
const counts = (env: string) => {
  const out: Record<string, number> = {};
  for (const r of results[env]!.resources) out[r.type] = (out[r.type] ?? 0) + 1;
  return out;
};

describe("the pulumi up entry and synth register the same resources (k8s-dev)", () => {
  it("k8s-dev", async () => {
    const rec = await installRecordingMocks({
      project: "platform",
      stack: "k8s-dev",
      invokes: MOCK_INVOKES,
      state: mockState,
    });
    pulumi.runtime.setAllConfig(toRuntimeConfig(readStackConfig("k8s-dev")));
    await import("../../programs/index.js");
    await rec.settled();
    const key = (r: { urn: string; inputs: unknown; protect: boolean }) =>
      `${r.urn} ${JSON.stringify(r.inputs)} ${r.protect}`;
    const fromEntry = rec.resources.map(key).sort();
    expect(fromEntry.length).toBeGreaterThan(30);
    expect(fromEntry).toEqual(results["k8s-dev"]!.resources.map(key).sort());
  });
});

describe("the two Kubernetes stacks", () => {
  it("compose the six concepts and the network on Kubernetes, nothing from GCP, no Helm inside", () => {
    for (const env of ENVS) {
      const types = new Set(results[env]!.resources.map((r) => r.type));
      for (const t of [
        "platform:network:Network",
        "platform:security:KmsKeyRing",
        "platform:data:PostgresWithBackups",
        "platform:data:RedisCache",
        "platform:compute:CloudRunService",
        "platform:ops:ObservabilityStack",
        "platform:cost:BudgetAlert",
      ])
        expect(types, `${env} ${t}`).toContain(t);
      expect(
        [...types].filter((t) => t.startsWith("gcp:") || t.includes("helm.sh") || t.includes("yaml/v2")),
      ).toEqual([]);
      for (const r of results[env]!.resources.filter((x) => x.type.startsWith("kubernetes:"))) {
        const md = r.inputs["metadata"] as { namespace?: string; labels?: Record<string, string> };
        expect(md.labels, `${env} ${r.name}`).toMatchObject({
          env,
          app: "shop",
          "managed-by": "platform",
          team: "platform",
          "cost-center": "cc-1001",
        });
        if (r.type !== "kubernetes:core/v1:Namespace") expect(md.namespace, r.name).toBe(`shop-${env}`);
      }
    }
  });

  it("k8s-dev: Knative scale to zero, one CNPG instance archiving to S3, in-process cache, a budget that holds the stack", () => {
    expect(counts("k8s-dev")).toMatchObject({
      "kubernetes:serving.knative.dev/v1:Service": 1,
      "kubernetes:postgresql.cnpg.io/v1:Cluster": 1,
    });
    expect(counts("k8s-dev")["kubernetes:apps/v1:StatefulSet"]).toBeUndefined();
    expect(ofType("k8s-dev", "kubernetes:apps/v1:Deployment")).toEqual([]);
    const cluster = one("k8s-dev", "kubernetes:postgresql.cnpg.io/v1:Cluster", "db-cluster");
    expect(cluster.protect).toBe(false);
    expect(cluster.inputs["spec"]).toMatchObject({ instances: 1, storage: { size: "10Gi" } });
    expect(
      (
        one("k8s-dev", "kubernetes:serving.knative.dev/v1:Service", "api-knative-service").inputs[
          "spec"
        ] as any
      ).template.metadata.annotations["autoscaling.knative.dev/min-scale"],
    ).toBe("0");
    expect(
      (one("k8s-dev", "kubernetes:core/v1:ResourceQuota", "budget-quota").inputs["spec"] as any).hard[
        "requests.cpu"
      ],
    ).toBe("1300m");
    expect(results["k8s-dev"]!.outputs).toMatchObject({
      cloud: "kubernetes",
      serviceMode: "knative",
      cacheEndpoint: "memory",
      databaseSecret: "db-app",
      budgetName: "budget",
    });
    expect(results["k8s-dev"]!.resources.filter((r) => r.protect)).toEqual([]);
  });

  it("k8s-prod: HA CNPG + replica, Valkey with Sentinel, HPA-scaled Deployment, AWS KMS keys, data protected", () => {
    expect(
      one("k8s-prod", "kubernetes:postgresql.cnpg.io/v1:Cluster", "db-cluster").inputs["spec"],
    ).toMatchObject({
      instances: 4,
      storage: { size: "100Gi", storageClass: "gp3" },
      postgresql: { synchronous: { method: "any", number: 1 } },
    });
    expect(
      (one("k8s-prod", "kubernetes:apps/v1:StatefulSet", "cache-statefulset").inputs["spec"] as any).replicas,
    ).toBe(3);
    expect(
      (one("k8s-prod", "kubernetes:apps/v1:Deployment", "api-deployment").inputs["spec"] as any).replicas,
    ).toBeUndefined();
    expect(
      one("k8s-prod", "kubernetes:autoscaling/v2:HorizontalPodAutoscaler", "api-hpa").inputs["spec"],
    ).toMatchObject({ minReplicas: 3, maxReplicas: 30 });
    expect(one("k8s-prod", "aws:kms/key:Key", "kms-cloud-key-signing").inputs).toMatchObject({
      customerMasterKeySpec: "ECC_NIST_EDWARDS25519",
    });
    const protectedNames = results["k8s-prod"]!.resources.filter((r) => r.protect)
      .map((r) => r.name)
      .sort();
    expect(protectedNames).toEqual([
      "cache-statefulset",
      "db-cluster",
      "db-object-store",
      "kms-ca-certificate",
      "kms-cloud-key-data",
      "kms-cloud-key-signing",
    ]);
    const np = one("k8s-prod", "kubernetes:networking.k8s.io/v1:NetworkPolicy", "api-network-policy").inputs[
      "spec"
    ] as any;
    expect(
      np.egress.map((e: any) => e.to[0].podSelector?.matchLabels ?? e.to[0].ipBlock?.cidr ?? "dns"),
    ).toEqual([
      { "k8s-app": "kube-dns" },
      { "cnpg.io/cluster": "db" },
      { "app.kubernetes.io/name": "cache", "app.kubernetes.io/instance": "shop-k8s-prod-cache" },
      "0.0.0.0/0",
    ]);
    expect(np.egress[3]).toMatchObject({ ports: [{ port: 443 }] });
    expect(JSON.stringify(results["k8s-prod"]!.outputs)).not.toMatch(/password/i);
    expect(String(results["k8s-prod"]!.outputs["clusterRequirements"])).toMatch(/^EKS:/);
  });

  it("resource counts per stack", () => {
    expect(results["k8s-dev"]!.resources).toHaveLength(39);
    expect(results["k8s-prod"]!.resources).toHaveLength(58);
  });
});
