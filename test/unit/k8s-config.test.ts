import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import {
  ConfigError,
  kubernetesContextOf,
  parseEnvironmentConfig,
  type ConfigIssue,
} from "../../programs/config";
import { readStackConfig } from "../../programs/stack-config";
import { DEFAULT_KUBERNETES_RATES } from "../../components/shared/kubernetes-rates";

const IMAGE = "ghcr.io/acme/shop-api:1.0.0";
type P = "dev" | "staging" | "prod";

/** A valid Kubernetes stack per profile; `extra` overrides whole keys (undefined removes one). */
function values(profile: P, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const prod = profile === "prod";
  const out: Record<string, unknown> = {
    "platform:environment": { cloud: "kubernetes", profile, app: "shop" },
    "platform:kubernetes": {
      backups: { provider: "s3", bucket: "acme-backups", region: "us-east-1" },
      ...(prod ? { secretsEncryptedAtRest: true, cluster: "eks" } : {}),
    },
    "platform:service": { image: IMAGE, minInstances: prod ? 2 : 1 },
    ...(prod
      ? {
          "platform:observability": { notifyEmails: ["oncall@acme.com"] },
          "platform:cache": { mode: "valkey", tier: "STANDARD_HA" },
        }
      : {}),
    ...extra,
  };
  for (const [k, v] of Object.entries(out)) if (v === undefined) delete out[k];
  return out;
}

function issuesOf(profile: P, extra: Record<string, unknown>): ConfigIssue[] {
  try {
    parseEnvironmentConfig(`k8s-${profile}`, values(profile, extra));
  } catch (e) {
    if (e instanceof ConfigError) return [...e.issues];
    throw e;
  }
  return [];
}

const K8S = (profile: P, x: Record<string, unknown>) => ({
  "platform:kubernetes": { ...(values(profile)["platform:kubernetes"] as object), ...x },
});

describe("cloud kubernetes: bad config names the field, what is allowed and which rule refused it", () => {
  it.each<[string, P, Record<string, unknown>, string, string | RegExp]>([
    [
      "unknown platform:kubernetes key",
      "dev",
      K8S("dev", { namespce: "x" }),
      "platform:kubernetes.namespce",
      /unknown key \(did you mean "namespace"\?\)/,
    ],
    [
      "namespace not a DNS label",
      "dev",
      K8S("dev", { namespace: "Shop_Dev" }),
      "platform:kubernetes.namespace",
      /must be a Kubernetes namespace name .*got "Shop_Dev"/,
    ],
    [
      "ingress namespace too long",
      "dev",
      K8S("dev", { ingressNamespace: "x".repeat(64) }),
      "platform:kubernetes.ingressNamespace",
      /must be a Kubernetes namespace name/,
    ],
    [
      "storageClass with a slash",
      "dev",
      K8S("dev", { storageClass: "gp3/fast" }),
      "platform:kubernetes.storageClass",
      /must be a Kubernetes StorageClass name/,
    ],
    [
      "cluster flavour unknown",
      "dev",
      K8S("dev", { cluster: "aks" }),
      "platform:kubernetes.cluster",
      'must be one of eks | gke | other, got "aks"',
    ],
    [
      "keysFrom unknown",
      "dev",
      K8S("dev", { keysFrom: "vault" }),
      "platform:kubernetes.keysFrom",
      'must be one of gcp | aws | none, got "vault"',
    ],
    [
      "secretsEncryptedAtRest not a boolean",
      "dev",
      K8S("dev", { secretsEncryptedAtRest: "yes" }),
      "platform:kubernetes.secretsEncryptedAtRest",
      'must be true or false, got "yes"',
    ],
    [
      "rate zero",
      "dev",
      K8S("dev", { rates: { vcpuHour: 0 } }),
      "platform:kubernetes.rates.vcpuHour",
      "must be a number > 0 and ≤ 1000, got 0",
    ],
    [
      "rate not a number",
      "dev",
      K8S("dev", { rates: { gibHour: "cheap" } }),
      "platform:kubernetes.rates.gibHour",
      /must be a number > 0/,
    ],
    [
      "unknown rate",
      "dev",
      K8S("dev", { rates: { gpuHour: 1 } }),
      "platform:kubernetes.rates.gpuHour",
      /unknown key/,
    ],
    [
      "backups provider unknown",
      "dev",
      K8S("dev", { backups: { provider: "azure", bucket: "b-ok" } }),
      "platform:kubernetes.backups.provider",
      'must be one of s3 | gcs, got "azure"',
    ],
    [
      "backups bucket invalid",
      "dev",
      K8S("dev", { backups: { provider: "gcs", bucket: "B" } }),
      "platform:kubernetes.backups.bucket",
      /must be a bucket name/,
    ],
    [
      "backups without bucket",
      "dev",
      K8S("dev", { backups: { provider: "gcs" } }),
      "platform:kubernetes.backups",
      "kubernetes: needs both provider and bucket",
    ],
    [
      "backups endpoint not https",
      "dev",
      K8S("dev", { backups: { provider: "s3", bucket: "b-ok", endpointUrl: "http://minio:9000" } }),
      "platform:kubernetes.backups.endpointUrl",
      /must be an https:\/\/ URL/,
    ],
    [
      "credentials secret not a name",
      "dev",
      K8S("dev", { backups: { provider: "s3", bucket: "b-ok", credentialsSecret: "S3 Creds" } }),
      "platform:kubernetes.backups.credentialsSecret",
      /must be a Kubernetes Secret name/,
    ],
    [
      "database backups on without an object store",
      "dev",
      { "platform:kubernetes": {} },
      "platform:kubernetes.backups",
      /is required with database backups: \{ provider: s3 \| gcs, bucket \}/,
    ],
    [
      "database cpu not a quantity",
      "dev",
      K8S("dev", { database: { cpu: "one" } }),
      "platform:kubernetes.database.cpu",
      'must be a CPU quantity such as "250m" or "1", got "one"',
    ],
    [
      "database memory not a quantity",
      "dev",
      K8S("dev", { database: { memory: "2GB" } }),
      "platform:kubernetes.database.memory",
      /must be a memory quantity such as "256Mi"/,
    ],
    [
      "restore test cron with five fields",
      "dev",
      K8S("dev", { database: { restoreTestSchedule: "0 5 * * 0" } }),
      "platform:kubernetes.database.restoreTestSchedule",
      /must be a six-field cron \(seconds first\)/,
    ],
    [
      "recovery time not RFC 3339",
      "dev",
      K8S("dev", { database: { recoveryTargetTime: "yesterday" } }),
      "platform:kubernetes.database.recoveryTargetTime",
      /must be an RFC 3339 time/,
    ],
    [
      "recovery without backups",
      "dev",
      {
        ...K8S("dev", { database: { recoveryTargetTime: "2026-11-30T08:00:00Z" } }),
        "platform:database": { backups: { enabled: false } },
      },
      "platform:kubernetes.database.recoveryTargetTime",
      /point-in-time recovery reads the object store/,
    ],
    [
      "restore test without backups",
      "dev",
      {
        ...K8S("dev", { database: { restoreTest: true } }),
        "platform:database": { backups: { enabled: false } },
      },
      "platform:kubernetes.database.restoreTest",
      /a restore test needs backups/,
    ],
    [
      "cache image without a tag",
      "dev",
      K8S("dev", { cache: { image: "valkey/valkey" } }),
      "platform:kubernetes.cache.image",
      /must be an image with a tag or digest/,
    ],
    [
      "service port privileged",
      "dev",
      K8S("dev", { service: { port: 80 } }),
      "platform:kubernetes.service.port",
      "must be an integer 1024–65535, got 80",
    ],
    [
      "HPA target out of range",
      "dev",
      K8S("dev", { service: { targetCpuUtilization: 99 } }),
      "platform:kubernetes.service.targetCpuUtilization",
      "must be an integer 10–95, got 99",
    ],
    [
      "platform:kubernetes on a GCP stack",
      "dev",
      {
        "platform:environment": { profile: "dev", app: "shop" },
        "gcp:project": "acme-dev-1",
        "gcp:region": "europe-west1",
      },
      "platform:kubernetes",
      /applies only to cloud kubernetes \(this stack is cloud gcp/,
    ],
    [
      "gcp key without keysFrom gcp",
      "dev",
      { "gcp:project": "acme-dev-1" },
      "gcp:project",
      /applies only to cloud gcp or to kubernetes.keysFrom: gcp/,
    ],
    [
      "aws key without keysFrom aws",
      "dev",
      { "aws:region": "us-east-1" },
      "aws:region",
      /applies only to cloud aws or to kubernetes.keysFrom: aws/,
    ],
    ["keysFrom aws without aws:region", "dev", K8S("dev", { keysFrom: "aws" }), "aws:region", /is required/],
    [
      "keysFrom gcp without a project",
      "dev",
      K8S("dev", { keysFrom: "gcp" }),
      "gcp:project",
      /must be a GCP project id/,
    ],
    [
      "signing key without cloud keys",
      "dev",
      { "platform:kms": { signingKey: true } },
      "platform:kms.signingKey",
      /a cluster has no signing keys; set kubernetes.keysFrom: gcp/,
    ],
    [
      "HSM keys on a cluster",
      "dev",
      { "platform:kms": { protectionLevel: "HSM" } },
      "platform:kms.protectionLevel",
      /applies only to cloud gcp \(this stack is cloud kubernetes\)/,
    ],
    [
      "Cloud SQL tier on a cluster",
      "dev",
      { "platform:database": { tier: "db-f1-micro" } },
      "platform:database.tier",
      /use kubernetes.database.cpu and kubernetes.database.memory/,
    ],
    [
      "maintenance window on a cluster",
      "dev",
      { "platform:database": { maintenanceWindow: { day: 1, hour: 2 } } },
      "platform:database.maintenanceWindow",
      /CloudNativePG updates instances in a rolling fashion/,
    ],
    [
      "memorystore on a cluster",
      "dev",
      { "platform:cache": { mode: "memorystore" } },
      "platform:cache.mode",
      'kubernetes: use "valkey" (a StatefulSet in the namespace) or "memory", got "memorystore"',
    ],
    [
      "invokers on a cluster",
      "dev",
      { "platform:service": { image: IMAGE, invokers: ["user:a@b.com"] } },
      "platform:service.invokers",
      /IAM invokers are a Cloud Run concept/,
    ],
    [
      "budget forecast thresholds",
      "dev",
      { "platform:budget": { amount: 100, forecastThresholds: [1] } },
      "platform:budget.forecastThresholds",
      /use thresholds/,
    ],
    [
      "budget in EUR",
      "dev",
      { "platform:budget": { amount: 100, currency: "EUR" } },
      "platform:budget.currency",
      'kubernetes: the rates are in USD, got "EUR"',
    ],
    [
      "audit alerts asked for",
      "dev",
      { "platform:observability": { auditAlerts: true } },
      "platform:observability.auditAlerts",
      /API-server audit logs are a cluster setting/,
    ],
    [
      "image :latest",
      "dev",
      { "platform:service": { image: "ghcr.io/acme/api:latest" } },
      "platform:service.image",
      /needs a fixed tag or digest \(CKV_K8S_14\)/,
    ],
    [
      "canary on a Deployment",
      "dev",
      {
        "platform:service": {
          image: IMAGE,
          minInstances: 1,
          canary: { percent: 10, image: "ghcr.io/acme/shop-api:1.1.0" },
        },
      },
      "platform:service.canary",
      /a traffic-split canary needs Knative \(minInstances: 0\)/,
    ],
    [
      "valkey on a GCP stack",
      "dev",
      {
        "platform:environment": { profile: "dev", app: "shop" },
        "platform:kubernetes": undefined,
        "gcp:project": "acme-dev-1",
        "gcp:region": "europe-west1",
        "platform:cache": { mode: "valkey" },
      },
      "platform:cache.mode",
      /gcp: valkey is the Kubernetes cache/,
    ],
    // prod profile
    [
      "prod without cluster secrets encryption",
      "prod",
      K8S("prod", { secretsEncryptedAtRest: false }),
      "platform:kubernetes.secretsEncryptedAtRest",
      /prod \(kubernetes\) requires a cluster that encrypts Secrets at rest/,
    ],
    [
      "prod without HA",
      "prod",
      { "platform:database": { highAvailability: false } },
      "platform:database.highAvailability",
      "prod (kubernetes) requires 3 instances with synchronous replication, got false",
    ],
    [
      "prod without backups",
      "prod",
      { "platform:database": { backups: { enabled: false } } },
      "platform:database.backups.enabled",
      /prod \(kubernetes\) requires backups/,
    ],
    [
      "prod without PITR",
      "prod",
      { "platform:database": { backups: { pointInTimeRecovery: false } } },
      "platform:database.backups.pointInTimeRecovery",
      /prod \(kubernetes\) requires point-in-time recovery/,
    ],
    [
      "prod without deletion protection",
      "prod",
      { "platform:database": { deletionProtection: false } },
      "platform:database.deletionProtection",
      /prod \(kubernetes\) requires deletion protection/,
    ],
    [
      "prod without the restore test",
      "prod",
      K8S("prod", { database: { restoreTest: false } }),
      "platform:kubernetes.database.restoreTest",
      "prod (kubernetes) requires the periodic restore test, got false",
    ],
    [
      "prod with an in-process cache",
      "prod",
      { "platform:cache": { mode: "memory" } },
      "platform:cache.mode",
      /prod \(kubernetes\) requires "valkey"/,
    ],
    [
      "prod with one Valkey pod",
      "prod",
      { "platform:cache": { mode: "valkey", tier: "BASIC" } },
      "platform:cache.tier",
      /prod \(kubernetes\) requires "STANDARD_HA" \(replicas with Sentinel failover\)/,
    ],
    [
      "prod with one pod",
      "prod",
      { "platform:service": { image: IMAGE, minInstances: 1 } },
      "platform:service.minInstances",
      /prod \(kubernetes\) requires at least 2 pods/,
    ],
    [
      "prod scale to zero not accepted",
      "prod",
      { "platform:service": { image: IMAGE, minInstances: 0 } },
      "platform:service.minInstances",
      /set allowScaleToZero: true for Knative scale to zero/,
    ],
    [
      "prod without alert recipients",
      "prod",
      { "platform:observability": { notifyEmails: [] } },
      "platform:observability.notifyEmails",
      /prod \(kubernetes\) requires at least one alert recipient/,
    ],
    [
      "prod with an unprotected CA",
      "prod",
      { "platform:kms": { protect: false } },
      "platform:kms.protect",
      /prod \(kubernetes\) refuses protect=false on the CA/,
    ],
  ])("%s", (_title, profile, extra, path, message) => {
    const issues = issuesOf(profile, extra);
    const hit = issues.find((i) => i.path === path);
    expect(hit, `${path} in ${JSON.stringify(issues)}`).toBeDefined();
    if (typeof message === "string") expect(hit!.message).toBe(message);
    else expect(hit!.message).toMatch(message);
  });

  it("the error lists every problem at once, path first, without a stack trace", () => {
    let err: unknown;
    try {
      parseEnvironmentConfig(
        "k8s-prod",
        values("prod", {
          "platform:database": { highAvailability: false },
          ...K8S("prod", { cluster: "aks" }),
        }),
      );
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as Error).message;
    expect(msg).toMatch(/^Invalid configuration for stack "k8s-prod":\n {2}platform:/);
    expect(msg).toContain("platform:kubernetes.cluster");
    expect(msg).not.toMatch(/\bat \w+ \(/);
  });
});

describe("cloud kubernetes: defaults", () => {
  it("a minimal dev stack: namespace <app>-<env>, default rates, memory cache, restore test on with backups", () => {
    const cfg = parseEnvironmentConfig("k8s-dev", values("dev"));
    expect(cfg.cloud).toBe("kubernetes");
    expect(cfg.project).toBe("");
    const k = cfg.kubernetes!;
    expect(k).toMatchObject({
      namespace: "shop-k8s-dev",
      ingressNamespace: "ingress-nginx",
      cluster: "other",
      keysFrom: "none",
      secretsEncryptedAtRest: false,
      prometheus: { release: "kube-prometheus-stack", namespace: "monitoring" },
      cache: { mode: "memory" },
      database: { cpu: "250m", memory: "512Mi", restoreTest: true, restoreTestSchedule: "0 0 5 * * 0" },
      backups: { provider: "s3", bucket: "acme-backups", path: "shop/k8s-dev" },
      budgetEnabled: false,
    });
    expect(k.rates).toEqual(DEFAULT_KUBERNETES_RATES);
    expect(kubernetesContextOf(cfg)).toMatchObject({
      cloud: "kubernetes",
      namespace: "shop-k8s-dev",
      release: "kube-prometheus-stack",
    });
  });

  it("rates override the defaults one by one", () => {
    const cfg = parseEnvironmentConfig(
      "k8s-dev",
      values("dev", K8S("dev", { rates: { storageGbMonth: 0.08 } })),
    );
    expect(cfg.kubernetes!.rates).toEqual({ ...DEFAULT_KUBERNETES_RATES, storageGbMonth: 0.08 });
  });

  it("prod defaults: valkey cache, bigger database pods", () => {
    const cfg = parseEnvironmentConfig("k8s-prod", values("prod"));
    expect(cfg.kubernetes!.cache.mode).toBe("valkey");
    expect(cfg.kubernetes!.database).toMatchObject({ cpu: "1", memory: "2Gi" });
    expect(() =>
      kubernetesContextOf(
        parseEnvironmentConfig("x", {
          "gcp:project": "acme-dev-1",
          "gcp:region": "europe-west1",
          "platform:environment": { profile: "dev", app: "shop" },
        }),
      ),
    ).toThrow(/is cloud gcp, not kubernetes/);
  });

  it.each(["k8s-dev", "k8s-prod"])("stacks/Pulumi.%s.yaml is valid", (env) => {
    const cfg = parseEnvironmentConfig(env, readStackConfig(env));
    expect(cfg.cloud).toBe("kubernetes");
    expect(cfg.kubernetes!.namespace).toBe(`shop-${env}`);
  });

  it("k8s-prod takes its app keys from AWS KMS with the account guard", () => {
    const cfg = parseEnvironmentConfig("k8s-prod", readStackConfig("k8s-prod"));
    expect(cfg.kubernetes!.keysFrom).toBe("aws");
    expect(cfg.kubernetes!.awsProvider).toMatchObject({ region: "us-west-2", accountId: "777788889999" });
    expect(cfg.region).toBe("us-west-2");
  });
});
