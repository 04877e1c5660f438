// Inventory per component per profile: the Kubernetes program for k8s-dev and k8s-prod under the
// mock runtime (in this process), counted per component.
import * as pulumi from "@pulumi/pulumi";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { parseEnvironmentConfig } from "../../programs/config";
import { kubernetesPlatformProgram, plannedRequests } from "../../programs/kubernetes";
import { readStackConfig } from "../../programs/stack-config";
import { setupMocks } from "../support/harness";

async function inventory(env: string) {
  const rec = await setupMocks({ stack: env, config: readStackConfig(env) });
  const cfg = parseEnvironmentConfig(env, readStackConfig(env));
  const out = kubernetesPlatformProgram(cfg);
  await rec.settled();
  const byComponent = (prefix: string) => {
    const c = rec.counts(`${prefix}-`);
    return Object.fromEntries(Object.entries(c).filter(([t]) => !t.startsWith("platform:")));
  };
  return { rec, cfg, out, byComponent };
}

const K = "kubernetes:";

describe("inventory per component per profile", () => {
  it("k8s-dev", async () => {
    const { byComponent, rec } = await inventory("k8s-dev");
    expect(byComponent("net")).toEqual({
      [`${K}core/v1:Namespace`]: 1,
      [`${K}networking.k8s.io/v1:NetworkPolicy`]: 2,
    });
    expect(byComponent("kms")).toEqual({
      [`${K}cert-manager.io/v1:Issuer`]: 2,
      [`${K}cert-manager.io/v1:Certificate`]: 3,
    });
    expect(byComponent("db")).toEqual({
      [`${K}barmancloud.cnpg.io/v1:ObjectStore`]: 1,
      [`${K}postgresql.cnpg.io/v1:Cluster`]: 1,
      [`${K}postgresql.cnpg.io/v1:ScheduledBackup`]: 1,
      [`${K}monitoring.coreos.com/v1:PodMonitor`]: 1,
      [`${K}networking.k8s.io/v1:NetworkPolicy`]: 2,
      [`${K}core/v1:ServiceAccount`]: 1,
      [`${K}rbac.authorization.k8s.io/v1:Role`]: 1,
      [`${K}rbac.authorization.k8s.io/v1:RoleBinding`]: 1,
      [`${K}core/v1:ConfigMap`]: 1,
      [`${K}batch/v1:CronJob`]: 1,
    });
    expect(byComponent("cache")).toEqual({});
    expect(byComponent("api")).toEqual({
      [`${K}core/v1:ServiceAccount`]: 1,
      [`${K}serving.knative.dev/v1:Service`]: 1,
      [`${K}networking.k8s.io/v1:NetworkPolicy`]: 2,
    });
    expect(byComponent("ops")).toEqual({
      [`${K}monitoring.coreos.com/v1:PodMonitor`]: 1,
      [`${K}monitoring.coreos.com/v1:Probe`]: 1,
      [`${K}monitoring.coreos.com/v1:PrometheusRule`]: 1,
      [`${K}core/v1:ConfigMap`]: 1,
      [`${K}monitoring.coreos.com/v1alpha1:AlertmanagerConfig`]: 1,
    });
    expect(byComponent("budget")).toEqual({
      [`${K}core/v1:ResourceQuota`]: 1,
      [`${K}core/v1:LimitRange`]: 1,
      [`${K}monitoring.coreos.com/v1:PrometheusRule`]: 1,
    });
    expect(rec.resources).toHaveLength(39);
    // CloudNativePG reloads the renewed server certificate only from a Secret labelled cnpg.io/reload.
    const dbCert = rec.find("kubernetes:cert-manager.io/v1:Certificate", "kms-certificate-db").inputs[
      "spec"
    ] as any;
    expect(dbCert.secretTemplate.labels["cnpg.io/reload"]).toBe("");
    expect(dbCert.dnsNames).toEqual(
      expect.arrayContaining(["db-rw", "db-rw.shop-k8s-dev.svc", "db-ro.shop-k8s-dev.svc.cluster.local"]),
    );
  });

  it("k8s-prod", async () => {
    const { byComponent, rec, cfg } = await inventory("k8s-prod");
    expect(byComponent("kms")).toMatchObject({
      [`${K}cert-manager.io/v1:Certificate`]: 4,
      "aws:kms/key:Key": 2,
      "aws:kms/alias:Alias": 2,
    });
    expect(byComponent("cache")).toEqual({
      "random:index/randomPassword:RandomPassword": 1,
      [`${K}core/v1:Secret`]: 1,
      [`${K}core/v1:ConfigMap`]: 1,
      [`${K}core/v1:Service`]: 2,
      [`${K}apps/v1:StatefulSet`]: 1,
      [`${K}policy/v1:PodDisruptionBudget`]: 1,
      [`${K}networking.k8s.io/v1:NetworkPolicy`]: 1,
    });
    expect(byComponent("api")).toEqual({
      [`${K}core/v1:ServiceAccount`]: 1,
      [`${K}apps/v1:Deployment`]: 1,
      [`${K}core/v1:Service`]: 1,
      [`${K}autoscaling/v2:HorizontalPodAutoscaler`]: 1,
      [`${K}policy/v1:PodDisruptionBudget`]: 1,
      [`${K}networking.k8s.io/v1:NetworkPolicy`]: 3,
    });
    expect(byComponent("ops")[`${K}monitoring.coreos.com/v1:ServiceMonitor`]).toBe(1);
    expect(rec.resources).toHaveLength(58);
    // The quota bought by 1500 USD holds what the stack requests at its minimum scale.
    const planned = plannedRequests(cfg, { cpuRequest: "500m", memory: "2Gi", minInstances: 3 }, 4, 3);
    const hard = (rec.find("kubernetes:core/v1:ResourceQuota", "budget-quota").inputs["spec"] as any).hard;
    expect(
      Number(String(hard["requests.cpu"]).replace(/m$/, "")) /
        (String(hard["requests.cpu"]).endsWith("m") ? 1000 : 1),
    ).toBeGreaterThanOrEqual(planned.cpu);
    // 3 × 500m + 5 PostgreSQL pods (4 + the restore test's) × (1 + 0.1 sidecar) + 50m job + 3 × (200m + 20m + 50m);
    // memory alike; storage 5 × (100 + 25 WAL) + 3 × 4 GB.
    expect(planned).toEqual({ cpu: 7.86, memoryGib: 22.965, storageGb: 637 });
  });
});

describe("secret env values on a cluster", () => {
  it("become one Secret in the namespace and secretKeyRefs on the pods; the value is in no input", async () => {
    const rec = await setupMocks("k8s-secret");
    const raw = readStackConfig("k8s-prod");
    const service = raw["platform:service"] as Record<string, unknown>;
    const values = {
      ...raw,
      "platform:service": { ...service, env: { API_KEY: "[secret]", LOG_LEVEL: "info" } },
    };
    const cfg = parseEnvironmentConfig("k8s-secret", values, {
      secrets: [{ key: "platform:service", path: ["env", "API_KEY"] }],
    });
    expect(cfg.secretEnvNames).toEqual(["API_KEY"]);
    kubernetesPlatformProgram(cfg, { secretEnv: { API_KEY: pulumi.secret("s3cr3t-value") } });
    await rec.settled();
    const secret = rec.find("kubernetes:core/v1:Secret", "api-env");
    expect(secret.inputs["stringData"]).toBe("[secret]");
    const env = (rec.find("kubernetes:apps/v1:Deployment", "api-deployment").inputs["spec"] as any).template
      .spec.containers[0].env;
    expect(env.find((e: any) => e.name === "API_KEY")).toEqual({
      name: "API_KEY",
      valueFrom: { secretKeyRef: { name: "api-env", key: "API_KEY" } },
    });
    expect(env.find((e: any) => e.name === "LOG_LEVEL")).toEqual({ name: "LOG_LEVEL", value: "info" });
    expect(JSON.stringify(rec.resources.map((r) => r.inputs))).not.toContain("s3cr3t-value");
    expect(() => kubernetesPlatformProgram(cfg)).toThrow(
      /platform:service.env.API_KEY: set as a secret in the stack file, but the program received no value/,
    );
  });
});
