import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import {
  minimumBudget,
  monthlyCost,
  projectedCostExpr,
  quotaFromBudget,
  quotaHard,
  validateK8sBudget,
} from "../../components/budget-alert/k8s-spec";
import {
  envOf,
  knativeAnnotations,
  knativeRevisionName,
  knativeTraffic,
  serviceMode,
  validateK8sService,
  type K8sServiceSpec,
} from "../../components/cloud-run-service/k8s-spec";
import {
  certLifetime,
  privateKeyFor,
  secretsEncryptionStatement,
  validateK8sKms,
} from "../../components/kms-key-ring/k8s-spec";
import { podSecurityLabels } from "../../components/network/k8s";
import { GOOGLE_30D_WINDOWS, postgresRules, sloRules } from "../../components/observability-stack/k8s-rules";
import {
  CNPG_IMAGES,
  backupSchedule,
  cnpgInstances,
  destinationPath,
  objectStoreConfiguration,
  restoreTestScript,
  validateK8sPostgres,
} from "../../components/postgres-with-backups/k8s-spec";
import { initScript, maxMemoryMb, validateValkey, valkeyConf } from "../../components/redis-cache/k8s-spec";
import {
  cpuCores,
  cpuQuantity,
  gibQuantity,
  isSixFieldCron,
  k8sLabels,
  memoryGib,
} from "../../components/shared/kubernetes";
import { DEFAULT_KUBERNETES_RATES } from "../../components/shared/kubernetes-rates";

describe("quantities and cron", () => {
  it.each([
    ["250m", 0.25],
    ["1", 1],
    ["1.5", 1.5],
    ["0", undefined],
    ["one", undefined],
    ["250M", undefined],
  ])("cpuCores(%p)", (q, n) => {
    expect(cpuCores(q)).toBe(n);
  });
  it.each([
    ["512Mi", 0.5],
    ["2Gi", 2],
    ["1Ti", 1024],
    ["2GB", undefined],
    ["0Gi", undefined],
  ])("memoryGib(%p)", (q, n) => {
    expect(memoryGib(q)).toBe(n);
  });
  it("formats back", () => {
    expect([cpuQuantity(1.5), cpuQuantity(2), gibQuantity(0.5), gibQuantity(3)]).toEqual([
      "1500m",
      "2",
      "512Mi",
      "3Gi",
    ]);
  });
  it("six-field cron only (robfig/cron, seconds first)", () => {
    expect(isSixFieldCron("0 0 * * * *")).toBe(true);
    expect(isSixFieldCron("0 * * * *")).toBe(false);
    expect(backupSchedule("01:30")).toBe("0 30 1 * * *");
  });
  it("labels: the platform four win over user labels, plus app.kubernetes.io/*", () => {
    const l = k8sLabels(
      { env: "k8s-dev", app: "shop", labels: { env: "spoofed", team: "core" } },
      "postgres",
      "db",
    );
    expect(l).toMatchObject({
      env: "k8s-dev",
      team: "core",
      component: "postgres",
      "app.kubernetes.io/name": "db",
      "app.kubernetes.io/instance": "shop-k8s-dev-db",
    });
    expect(podSecurityLabels()["pod-security.kubernetes.io/warn"]).toBe("restricted");
  });
});

describe("KmsKeyRing rules", () => {
  it("lifetimes stay ≤ 90 days and renew a third before expiry, at most 30 days", () => {
    expect(certLifetime(90)).toEqual({ duration: "2160h", renewBefore: "720h" });
    expect(certLifetime(30)).toEqual({ duration: "720h", renewBefore: "240h" });
    expect(privateKeyFor("RSA")).toEqual({ algorithm: "RSA", size: 3072, rotationPolicy: "Always" });
    expect(() => validateK8sKms("k", { rotationDays: 0, certificates: {} })).toThrow(
      /rotationDays must be 1–90, got 0/,
    );
    expect(() =>
      validateK8sKms("k", { certificates: { db: { dnsNames: [], algorithm: "DSA" as never } } }),
    ).toThrow(/dnsNames must name at least one host; .*algorithm must be one of ECDSA \| Ed25519 \| RSA/);
    expect(secretsEncryptionStatement("eks")).toMatch(/encryptionConfig .*resources: \["secrets"\]/);
    expect(secretsEncryptionStatement("other")).toMatch(/KMS v2 provider/);
  });
});

describe("PostgresWithBackups rules", () => {
  const ok = {
    version: "POSTGRES_17",
    instances: 1,
    storageGb: 10,
    cpu: "250m",
    memory: "512Mi",
    backups: true,
    objectStore: { provider: "s3", bucket: "b", path: "p" },
    retentionDays: 7,
  } as const;
  it("instances, paths, credentials", () => {
    expect([cnpgInstances(true, 0), cnpgInstances(true, 2), cnpgInstances(false, 1)]).toEqual([3, 5, 2]);
    expect(destinationPath({ provider: "s3", bucket: "b", path: "/shop/dev/" })).toBe("s3://b/shop/dev");
    expect(
      objectStoreConfiguration({ provider: "s3", bucket: "b", path: "p", credentialsSecret: "c" }),
    ).toMatchObject({
      s3Credentials: {
        accessKeyId: { name: "c", key: "ACCESS_KEY_ID" },
        secretAccessKey: { name: "c", key: "ACCESS_SECRET_KEY" },
      },
    });
    expect(
      objectStoreConfiguration({ provider: "gcs", bucket: "b", path: "p" })["googleCredentials"],
    ).toEqual({ gkeEnvironment: true });
    expect(() => validateK8sPostgres("db", ok)).not.toThrow();
    expect(() =>
      validateK8sPostgres("db", { ...ok, version: "POSTGRES_12" as never, storageGb: 0, retentionDays: 0 }),
    ).toThrow(/version must be one of .*storageGb must be 1–65536, got 0; .*retentionDays must be 1–3650/);
    expect(() =>
      validateK8sPostgres("db", {
        ...ok,
        backups: false,
        objectStore: undefined,
        recoveryTargetTime: "2026-01-01T00:00:00Z",
      }),
    ).toThrow(/recovery needs backups/);
  });
  it("the restore test script fails unless the restored data is recent, and always deletes the throw-away cluster", () => {
    const s = restoreTestScript("db-restore-test", 26);
    expect(s).toMatch(/^set -eu\ntrap 'kubectl delete cluster.postgresql.cnpg.io db-restore-test/);
    expect(s).toContain('test "$age" -le 93600');
    expect(s).toContain("999999999"); // no replayed transaction counts as a failure
  });
});

describe("RedisCache rules", () => {
  it("TLS-only config, 80 % maxmemory, Sentinel quorum in the init script", () => {
    const conf = valkeyConf({ replicas: 3, memorySizeGb: 2, persistence: "none", cpu: "100m" });
    expect(conf).toContain('save ""');
    expect(maxMemoryMb(2)).toBe(1638);
    expect(initScript({ statefulSet: "cache", headless: "cache-headless", ha: false })).not.toContain(
      "sentinel",
    );
    expect(() =>
      validateValkey("cache", { replicas: 2, memorySizeGb: 0, persistence: "aof" as never, cpu: "x" }),
    ).toThrow(
      /replicas must be 1 or 3 .*memorySizeGb must be 1–256, got 0; persistence must be none \| rdb, got "aof"; cpu must be/,
    );
  });
});

describe("CloudRunService rules", () => {
  const spec: K8sServiceSpec = {
    mode: "deployment",
    image: "ghcr.io/a/api:1.0.0",
    port: 8080,
    cpuLimit: "1",
    cpuRequest: "250m",
    memory: "512Mi",
    minInstances: 1,
    maxInstances: 3,
    concurrency: 80,
    timeoutSeconds: 300,
    healthPath: "/health",
    readinessPath: "/ready",
    targetCpuUtilization: 70,
  };
  it("mode from minInstances; validation lists every problem", () => {
    expect([serviceMode(0), serviceMode(2)]).toEqual(["knative", "deployment"]);
    expect(validateK8sService(spec)).toEqual([]);
    expect(
      validateK8sService({ ...spec, image: "api", port: 80, maxInstances: 0, targetCpuUtilization: 5 }),
    ).toEqual([
      'image must have a fixed tag or digest (not latest), got "api"',
      "port must be 1024–65535 (non-root), got 80",
      "maxInstances must be ≥ max(1, minInstances), got 0",
      "targetCpuUtilization must be 10–95, got 5",
    ]);
  });
  it("Knative: autoscaling annotations, stable revision names, traffic split", () => {
    expect(knativeAnnotations({ minInstances: 0, maxInstances: 5, concurrency: 10 })).toMatchObject({
      "autoscaling.knative.dev/target": "7",
      "autoscaling.knative.dev/initial-scale": "1",
    });
    expect(knativeRevisionName("api", { image: "a:1" })).toBe(knativeRevisionName("api", { image: "a:1" }));
    expect(knativeRevisionName("api", { image: "a:1" })).not.toBe(
      knativeRevisionName("api", { image: "a:2" }),
    );
    expect(knativeTraffic("s", "s")).toEqual([{ latestRevision: true, percent: 100 }]);
    expect(knativeTraffic("s", "c", 25)).toEqual([
      { revisionName: "s", percent: 75 },
      { revisionName: "c", percent: 25, tag: "canary" },
    ]);
  });
  it("env: a name set by config and a link is refused; secrets become secretKeyRefs", () => {
    expect(envOf("api", { A: "1" }, [{ secretKeyRefs: { B: { name: "s", key: "k" } } }])).toEqual([
      { name: "A", value: "1" },
      { name: "B", valueFrom: { secretKeyRef: { name: "s", key: "k" } } },
    ]);
    expect(() =>
      envOf("api", { DATABASE_URL: "x" }, [{ secretKeyRefs: { DATABASE_URL: { name: "s", key: "uri" } } }]),
    ).toThrow(/env DATABASE_URL is set twice/);
  });
});

describe("BudgetAlert rules", () => {
  const r = DEFAULT_KUBERNETES_RATES;
  it("what a budget buys, what it costs, the smallest budget that holds the stack", () => {
    const q = quotaFromBudget(100, r);
    expect(q).toEqual({ cpu: 1.7, memoryGib: 6.75, storageGb: 200 });
    expect(monthlyCost(q, r)).toBeLessThanOrEqual(100);
    const planned = { cpu: 1, memoryGib: 2, storageGb: 20 };
    const min = minimumBudget(planned, r);
    const fits = quotaFromBudget(min, r);
    expect(
      fits.cpu >= planned.cpu && fits.memoryGib >= planned.memoryGib && fits.storageGb >= planned.storageGb,
    ).toBe(true);
    expect(() => validateK8sBudget("b", min, [1], r, planned)).not.toThrow();
    expect(() => validateK8sBudget("b", min - 10, [1], r, planned)).toThrow(
      new RegExp(`raise platform:budget.amount to at least ${min}`),
    );
    expect(() => validateK8sBudget("b", 0, [], { ...r, gibHour: 0 })).toThrow(
      /amount must be > 0, got 0; thresholds must list at least one fraction .*rates.gibHour must be > 0/,
    );
    expect(quotaHard(q)["services.nodeports"]).toBe("0");
    expect(projectedCostExpr("ns", r)).toContain(
      'kube_pod_container_resource_requests{namespace="ns",resource="cpu"}) * 0.0445',
    );
  });
});

describe("ObservabilityStack rules", () => {
  it("the Google 30-day windows and their burn rates", () => {
    expect(GOOGLE_30D_WINDOWS.map((w) => [w.long, w.short, w.burn])).toEqual([
      ["1h", "5m", 14.4],
      ["6h", "30m", 6],
      ["1d", "2h", 3],
      ["3d", "6h", 1],
    ]);
    const rules = sloRules("ns", { name: "api", mode: "knative", healthUrl: "" }, 0.99);
    expect(rules.filter((x) => x.record).map((x) => x.record)).toEqual([
      "slo:sli_error:ratio_rate1h",
      "slo:sli_error:ratio_rate5m",
      "slo:sli_error:ratio_rate6h",
      "slo:sli_error:ratio_rate30m",
      "slo:sli_error:ratio_rate1d",
      "slo:sli_error:ratio_rate2h",
      "slo:sli_error:ratio_rate3d",
    ]);
    expect(rules[0]!.expr).toContain(
      'revision_app_request_count{namespace_name="ns",service_name="api",response_code_class="5xx"}[1h]',
    );
    expect(postgresRules("ns", "db", false).map((x) => x.alert)).not.toContain("PostgresReplicationLag");
  });
});

describe("CNPG_IMAGES (operand images)", () => {
  it.each(Object.entries(CNPG_IMAGES))(
    "%s is a pinned minor of its own major, in the standard variant (pgaudit, no in-tree Barman Cloud)",
    (version, image) => {
      const m = /^ghcr\.io\/cloudnative-pg\/postgresql:(\d+)\.(\d+)-standard-trixie$/.exec(image);
      expect(m, image).not.toBeNull();
      expect(`POSTGRES_${m![1]}`).toBe(version);
    },
  );
});
