import { beforeAll, beforeEach, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { K8sBudgetAlert } from "../../components/budget-alert";
import { K8sCloudRunService } from "../../components/cloud-run-service";
import { K8sKmsKeyRing } from "../../components/kms-key-ring";
import { K8sNetwork } from "../../components/network";
import { K8sObservabilityStack } from "../../components/observability-stack";
import { K8sPostgresWithBackups } from "../../components/postgres-with-backups";
import { K8sRedisCache } from "../../components/redis-cache";
import type { KubernetesContext } from "../../components/shared/kubernetes";
import { KUBERNETES_RATES_ANNOTATION } from "../../components/shared/kubernetes-rates";
import { promiseOf, setupMocks } from "../support/harness";

const ctx = (profile: "dev" | "prod"): KubernetesContext => ({
  cloud: "kubernetes",
  env: `k8s-${profile}`,
  profile,
  app: "shop",
  namespace: `shop-k8s-${profile}`,
  labels: { team: "core", "cost-center": "cc-7" },
  rates: { vcpuHour: 0.05, gibHour: 0.005, storageGbMonth: 0.1 },
});
const IMAGE = "ghcr.io/acme/shop-api:1.0.0";
const STORE = { provider: "s3", bucket: "acme-pg", path: "shop/k8s", region: "us-east-1" } as const;

let rec: Awaited<ReturnType<typeof setupMocks>>;
beforeAll(async () => {
  rec = await setupMocks("k8s-test");
});
beforeEach(() => rec.reset());

const T = {
  ns: "kubernetes:core/v1:Namespace",
  np: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
  cluster: "kubernetes:postgresql.cnpg.io/v1:Cluster",
  sb: "kubernetes:postgresql.cnpg.io/v1:ScheduledBackup",
  store: "kubernetes:barmancloud.cnpg.io/v1:ObjectStore",
  cert: "kubernetes:cert-manager.io/v1:Certificate",
  issuer: "kubernetes:cert-manager.io/v1:Issuer",
  deploy: "kubernetes:apps/v1:Deployment",
  sts: "kubernetes:apps/v1:StatefulSet",
  hpa: "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
  pdb: "kubernetes:policy/v1:PodDisruptionBudget",
  kn: "kubernetes:serving.knative.dev/v1:Service",
  rule: "kubernetes:monitoring.coreos.com/v1:PrometheusRule",
} as const;

/** Every kubernetes object carries the platform, cost-allocation and app.kubernetes.io labels. */
function expectLabelled(component: string) {
  for (const r of rec.resources.filter((x) => x.type.startsWith("kubernetes:"))) {
    const labels = (r.inputs["metadata"] as { labels?: Record<string, string> }).labels ?? {};
    expect(labels, `${r.type} ${r.name}`).toMatchObject({
      env: expect.stringMatching(/^k8s-/),
      app: "shop",
      "managed-by": "platform",
      team: "core",
      "cost-center": "cc-7",
      "app.kubernetes.io/part-of": "shop",
      "app.kubernetes.io/managed-by": "platform",
    });
    expect(labels["component"], `${r.type} ${r.name}`).toBeDefined();
  }
  expect(component).toBeTruthy();
}

describe("K8sNetwork", () => {
  it("a restricted namespace with the rates annotation, default deny both ways, DNS allowed", async () => {
    const net = new K8sNetwork("net", { ctx: ctx("dev") });
    expect(await promiseOf(net.namespace)).toBe("shop-k8s-dev");
    await rec.settled();
    const ns = rec.find(T.ns, "net-namespace").inputs["metadata"] as any;
    for (const m of ["enforce", "audit", "warn"])
      expect(ns.labels[`pod-security.kubernetes.io/${m}`]).toBe("restricted");
    expect(JSON.parse(ns.annotations[KUBERNETES_RATES_ANNOTATION])).toEqual(ctx("dev").rates);
    expect(rec.find(T.np, "net-default-deny").inputs["spec"]).toEqual({
      podSelector: {},
      policyTypes: ["Ingress", "Egress"],
    });
    const dns = rec.find(T.np, "net-allow-dns").inputs["spec"] as any;
    expect(dns.egress[0].ports).toEqual([
      { protocol: "UDP", port: 53 },
      { protocol: "TCP", port: 53 },
    ]);
    expectLabelled("network");
  });
});

describe("K8sKmsKeyRing", () => {
  it("self-signed issuer → CA (key kept) → CA issuer → certificates ≤ 90 days, rotated keys, Ed25519 on request", async () => {
    const kms = new K8sKmsKeyRing("kms", {
      ctx: ctx("prod"),
      namespace: "shop-k8s-prod",
      rotationDays: 60,
      cluster: "gke",
      certificates: {
        db: { dnsNames: ["db-rw"] },
        api: { dnsNames: ["api"], algorithm: "Ed25519", clientAuth: true },
      },
    });
    await rec.settled();
    expect(rec.ofType(T.issuer).map((r) => r.inputs["spec"] as object)).toEqual([
      { selfSigned: {} },
      { ca: { secretName: "kms-ca" } },
    ]);
    const ca = rec.find(T.cert, "kms-ca-certificate");
    expect(ca.protect).toBe(true);
    expect(ca.inputs["spec"]).toMatchObject({
      isCA: true,
      duration: "1440h",
      renewBefore: "480h",
      privateKey: { algorithm: "ECDSA", rotationPolicy: "Never" },
    });
    expect(rec.find(T.cert, "kms-certificate-api").inputs["spec"]).toMatchObject({
      secretName: "api-tls",
      duration: "1440h",
      privateKey: { algorithm: "Ed25519", rotationPolicy: "Always" },
      usages: ["server auth", "client auth", "digital signature"],
      issuerRef: { name: "kms-ca", kind: "Issuer", group: "cert-manager.io" },
    });
    expect((rec.find(T.cert, "kms-certificate-db").inputs["spec"] as any).privateKey).toEqual({
      algorithm: "ECDSA",
      size: 256,
      rotationPolicy: "Always",
    });
    expect(kms.certificateSecrets).toEqual({ db: "db-tls", api: "api-tls" });
    expect(kms.clusterRequirements).toMatch(/^GKE: enable application-layer secrets encryption/);
    expect(kms.keyIds).toEqual({});
  });

  it("composes the GCP key component for app keys", async () => {
    const kms = new K8sKmsKeyRing("kms", {
      ctx: ctx("dev"),
      namespace: "ns",
      certificates: {},
      cloudKeys: {
        cloud: "gcp",
        ctx: { env: "k8s-dev", profile: "dev", app: "shop", project: "acme-dev-1", region: "europe-west1" },
        args: { keys: { data: {} } },
      },
    });
    await rec.settled();
    expect(rec.ofType("gcp:kms/cryptoKey:CryptoKey")).toHaveLength(1);
    expect(Object.keys(kms.keyIds)).toEqual(["data"]);
  });

  it("refuses a rotation over 90 days and bad DNS names", () => {
    expect(
      () =>
        new K8sKmsKeyRing("kms", {
          ctx: ctx("dev"),
          namespace: "ns",
          rotationDays: 120,
          certificates: { x: { dnsNames: ["Bad_Name"] } },
        }),
    ).toThrow(
      /KmsKeyRing 'kms': rotationDays must be 1–90, got 120; certificates.x.dnsNames: must be DNS names, got "Bad_Name"/,
    );
  });
});

describe("K8sPostgresWithBackups", () => {
  it("dev: one instance, Barman Cloud plugin archiving, daily six-field backup, restore test, no sync replication", async () => {
    const db = new K8sPostgresWithBackups("db", {
      ctx: ctx("dev"),
      namespace: "shop-k8s-dev",
      tlsSecret: "db-tls",
      objectStore: STORE,
      retentionDays: 7,
      backupStartTime: "02:30",
      protect: false,
    });
    await rec.settled();
    const c = rec.find(T.cluster, "db-cluster");
    expect(c.protect).toBe(false);
    const spec = c.inputs["spec"] as any;
    expect(spec).toMatchObject({
      instances: 1,
      imageName: "ghcr.io/cloudnative-pg/postgresql:17.11-standard-trixie",
      enableSuperuserAccess: false,
      certificates: { serverTLSSecret: "db-tls", serverCASecret: "db-tls" },
      storage: { size: "10Gi" },
      plugins: [
        {
          name: "barman-cloud.cloudnative-pg.io",
          isWALArchiver: true,
          parameters: { barmanObjectName: "db-store" },
        },
      ],
      bootstrap: { initdb: { database: "app", owner: "app" } },
    });
    expect(spec.backup).toBeUndefined();
    expect(spec.monitoring).toBeUndefined();
    expect(spec.postgresql.synchronous).toBeUndefined();
    expect(spec.walStorage).toBeUndefined();
    expect(spec.postgresql.parameters).toMatchObject({
      log_connections: "on",
      log_disconnections: "on",
      log_statement: "ddl",
      "pgaudit.log": "ddl,role",
    });
    expect(spec.postgresql.pg_hba).toContain("hostnossl all all 0.0.0.0/0 reject");
    expect(rec.find(T.store, "db-object-store").inputs["spec"]).toMatchObject({
      retentionPolicy: "7d",
      configuration: {
        destinationPath: "s3://acme-pg/shop/k8s",
        endpointURL: "https://s3.us-east-1.amazonaws.com",
        s3Credentials: { inheritFromIAMRole: true },
        wal: { compression: "gzip", encryption: "AES256" },
      },
    });
    expect(rec.find(T.sb, "db-scheduled-backup").inputs["spec"]).toEqual({
      schedule: "0 30 2 * * *",
      cluster: { name: "db" },
      method: "plugin",
      pluginConfiguration: { name: "barman-cloud.cloudnative-pg.io" },
      backupOwnerReference: "self",
      immediate: true,
      target: "primary",
    });
    const cron = rec.find("kubernetes:batch/v1:CronJob", "db-restore-test").inputs["spec"] as any;
    expect(cron.schedule).toBe("0 5 * * 0");
    expect(cron.jobTemplate.spec.template.spec.containers[0].command[2]).toContain(
      "kubectl wait cluster.postgresql.cnpg.io/db-restore-test --for=condition=Ready",
    );
    const manifest = JSON.parse(
      (rec.find("kubernetes:core/v1:ConfigMap", "db-restore-test-manifest").inputs["data"] as any)[
        "cluster.json"
      ],
    );
    expect(manifest).toMatchObject({
      kind: "Cluster",
      metadata: { name: "db-restore-test", namespace: "shop-k8s-dev" },
      spec: {
        instances: 1,
        bootstrap: { recovery: { source: "origin" } },
        externalClusters: [
          {
            name: "origin",
            plugin: {
              name: "barman-cloud.cloudnative-pg.io",
              parameters: { barmanObjectName: "db-store", serverName: "db" },
            },
          },
        ],
      },
    });
    expect(manifest.spec.plugins).toBeUndefined(); // the throw-away cluster never archives into the origin's path
    expect(
      rec.find("kubernetes:monitoring.coreos.com/v1:PodMonitor", "db-pod-monitor").inputs["spec"],
    ).toEqual({
      selector: { matchLabels: { "cnpg.io/cluster": "db" } },
      podMetricsEndpoints: [{ port: "metrics" }],
    });
    expect(db.getLink().secretKeyRefs).toEqual({
      DATABASE_URL: { name: "db-app", key: "uri" },
      PGUSER: { name: "db-app", key: "username" },
      PGPASSWORD: { name: "db-app", key: "password" },
    });
    expectLabelled("postgres");
  });

  it("prod: 3 instances + replica, synchronous quorum, WAL volume, required anti-affinity, protected; PITR makes a new cluster", async () => {
    new K8sPostgresWithBackups("db", {
      ctx: ctx("prod"),
      namespace: "shop-k8s-prod",
      tlsSecret: "db-tls",
      objectStore: { provider: "gcs", bucket: "acme-pg", path: "p", credentialsSecret: "gcs-creds" },
      readReplicas: 1,
      storageGb: 100,
      recovery: { targetTime: "2026-11-30T08:00:00Z" },
    });
    await rec.settled();
    const c = rec.find(T.cluster, "db-cluster");
    expect(c.protect).toBe(true);
    expect(c.inputs["spec"]).toMatchObject({
      instances: 4,
      postgresql: { synchronous: { method: "any", number: 1, dataDurability: "required" } },
      walStorage: { size: "25Gi" },
      affinity: { enablePodAntiAffinity: true, podAntiAffinityType: "required" },
    });
    expect(
      (rec.find(T.store, "db-object-store").inputs["spec"] as any).configuration.googleCredentials,
    ).toEqual({ applicationCredentials: { name: "gcs-creds", key: "credentials.json" } });
    expect((rec.find(T.sb, "db-scheduled-backup").inputs["spec"] as any).target).toBe("prefer-standby");
    const pitr = rec.find(T.cluster, "db-pitr-cluster").inputs as any;
    expect(pitr.metadata.name).toBe("db-pitr");
    expect(pitr.spec.bootstrap).toEqual({
      recovery: { source: "origin", recoveryTarget: { targetTime: "2026-11-30T08:00:00Z" } },
    });
    expect(pitr.spec.plugins).toBeUndefined();
  });

  it("refuses backups without an object store and a five-field restore schedule", () => {
    expect(
      () =>
        new K8sPostgresWithBackups("db", {
          ctx: ctx("dev"),
          namespace: "ns",
          tlsSecret: "t",
          restoreTest: { schedule: "0 5 * * 0" },
        }),
    ).toThrow(
      /PostgresWithBackups 'db': backups need objectStore .*restoreTest.schedule must be a six-field cron/,
    );
  });
});

describe("K8sRedisCache", () => {
  it("memory mode creates nothing and links CACHE_BACKEND=memory", async () => {
    const cache = new K8sRedisCache("cache", { ctx: ctx("dev"), mode: "memory" });
    await rec.settled();
    expect(rec.resources.filter((r) => r.type !== "platform:data:RedisCache")).toEqual([]);
    expect(cache.getLink()).toEqual({ env: { CACHE_BACKEND: "memory" } });
  });

  it("BASIC: one Valkey pod, TLS only, AUTH from a generated Secret, PVC, exporter, PDB, NetworkPolicy", async () => {
    const cache = new K8sRedisCache("cache", {
      ctx: ctx("dev"),
      namespace: "shop-k8s-dev",
      tlsSecret: "cache-tls",
      memorySizeGb: 1,
    });
    await rec.settled();
    const sts = rec.find(T.sts, "cache-statefulset");
    const spec = sts.inputs["spec"] as any;
    expect(spec.replicas).toBe(1);
    expect(spec.template.spec.containers.map((c: any) => c.name)).toEqual(["valkey", "exporter"]);
    expect(spec.template.spec.containers[0].image).toMatch(/^valkey\/valkey:/);
    expect(spec.template.spec.containers[0].env).toEqual([
      { name: "VALKEY_PASSWORD", valueFrom: { secretKeyRef: { name: "cache-auth", key: "password" } } },
    ]);
    expect(spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBe("2Gi");
    const conf = (rec.find("kubernetes:core/v1:ConfigMap", "cache-config").inputs["data"] as any)[
      "valkey.conf"
    ];
    expect(conf).toContain("port 0");
    expect(conf).toContain("tls-port 6379");
    expect(conf).toContain("maxmemory 819mb");
    expect(rec.find("kubernetes:core/v1:Secret", "cache-auth").inputs["stringData"]).toBeDefined();
    expect(rec.find(T.pdb, "cache-pdb").inputs["spec"]).toMatchObject({ maxUnavailable: 1 });
    expect(sts.protect).toBe(true);
    const link = cache.getLink();
    expect(link.secretKeyRefs).toEqual({ REDIS_PASSWORD: { name: "cache-auth", key: "password" } });
    expect(link.peers).toEqual([{ name: "redis", podLabels: cache.podLabels, ports: [6379] }]);
    expectLabelled("redis");
  });

  it("STANDARD_HA: three pods with Sentinel (quorum 2), PDB minAvailable 2, spread over hosts", async () => {
    const cache = new K8sRedisCache("cache", {
      ctx: ctx("prod"),
      namespace: "shop-k8s-prod",
      tlsSecret: "cache-tls",
    });
    await rec.settled();
    const spec = rec.find(T.sts, "cache-statefulset").inputs["spec"] as any;
    expect(spec.replicas).toBe(3);
    expect(spec.template.spec.containers.map((c: any) => c.name)).toEqual(["valkey", "sentinel", "exporter"]);
    expect(spec.template.spec.topologySpreadConstraints[0]).toMatchObject({
      topologyKey: "kubernetes.io/hostname",
      whenUnsatisfiable: "DoNotSchedule",
    });
    expect(
      (rec.find("kubernetes:core/v1:ConfigMap", "cache-config").inputs["data"] as any)["init.sh"],
    ).toContain("sentinel monitor mymaster $PRIMARY 6379 2");
    expect(rec.find(T.pdb, "cache-pdb").inputs["spec"]).toMatchObject({ minAvailable: 2 });
    expect(await promiseOf(cache.endpoint)).toBe("cache.shop-k8s-prod.svc:26379");
    expect(cache.getLink().env).toMatchObject({ REDIS_SENTINEL_MASTER: "mymaster" });
  });
});

describe("K8sCloudRunService", () => {
  it("prod Deployment: no replicas, HPA v2, PDB, SA without token, probes, restricted, spread; secrets only by reference; egress exactly to the linked pods", async () => {
    const c = ctx("prod");
    const db = new K8sPostgresWithBackups("db", {
      ctx: c,
      namespace: c.namespace,
      tlsSecret: "db-tls",
      objectStore: STORE,
    });
    const cache = new K8sRedisCache("cache", { ctx: c, namespace: c.namespace, tlsSecret: "cache-tls" });
    const api = new K8sCloudRunService("api", {
      ctx: c,
      namespace: c.namespace,
      image: IMAGE,
      minInstances: 3,
      maxInstances: 20,
      cpuRequest: "500m",
      cpu: "2",
      memory: "1Gi",
      env: { LOG_LEVEL: "info" },
      link: [db, cache],
      ingressNamespace: "ingress-nginx",
    });
    await rec.settled();
    expect(api.mode).toBe("deployment");
    const dep = rec.find(T.deploy, "api-deployment").inputs["spec"] as any;
    expect(dep.replicas).toBeUndefined();
    const pod = dep.template.spec;
    expect(pod).toMatchObject({
      serviceAccountName: "api",
      automountServiceAccountToken: false,
      securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: "RuntimeDefault" } },
    });
    expect(pod.topologySpreadConstraints).toHaveLength(2);
    const app = pod.containers[0];
    expect(app.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      privileged: false,
      capabilities: { drop: ["ALL"] },
      seccompProfile: { type: "RuntimeDefault" },
    });
    expect(app.resources).toEqual({
      requests: { cpu: "500m", memory: "1Gi", "ephemeral-storage": "128Mi" },
      limits: { cpu: "2", memory: "1Gi", "ephemeral-storage": "512Mi" },
    });
    expect(app.startupProbe.httpGet.path).toBe("/ready");
    expect(app.readinessProbe.httpGet.path).toBe("/ready");
    expect(app.livenessProbe.httpGet.path).toBe("/health");
    // Secrets arrive as secretKeyRef only; no env value looks like a credential.
    const refs = app.env.filter((e: any) => e.valueFrom).map((e: any) => [e.name, e.valueFrom.secretKeyRef]);
    expect(refs).toEqual([
      ["DATABASE_URL", { name: "db-app", key: "uri" }],
      ["PGUSER", { name: "db-app", key: "username" }],
      ["PGPASSWORD", { name: "db-app", key: "password" }],
      ["REDIS_PASSWORD", { name: "cache-auth", key: "password" }],
    ]);
    for (const e of app.env.filter((x: any) => x.value !== undefined))
      expect(e.name).not.toMatch(/PASSWORD|URL$/);
    expect(app.volumeMounts.map((m: any) => m.mountPath)).toEqual([
      "/tmp",
      "/etc/platform/ca/db",
      "/etc/platform/ca/cache",
    ]);
    expect(pod.volumes[1].secret).toEqual({
      secretName: "db-tls",
      items: [{ key: "ca.crt", path: "ca.crt" }],
    });
    expect(
      rec.find("kubernetes:core/v1:ServiceAccount", "api-sa").inputs["automountServiceAccountToken"],
    ).toBe(false);
    expect(rec.find(T.hpa, "api-hpa").inputs["spec"]).toMatchObject({
      scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "api" },
      minReplicas: 3,
      maxReplicas: 20,
    });
    expect(rec.find(T.pdb, "api-pdb").inputs["spec"]).toMatchObject({ maxUnavailable: 1 });
    const np = rec.find(T.np, "api-network-policy").inputs["spec"] as any;
    expect(np.ingress).toEqual([
      {
        from: [
          { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "ingress-nginx" } } },
          { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "monitoring" } } },
        ],
        ports: [{ port: 8080 }],
      },
    ]);
    expect(np.egress.slice(1)).toEqual([
      { to: [{ podSelector: { matchLabels: { "cnpg.io/cluster": "db" } } }], ports: [{ port: 5432 }] },
      { to: [{ podSelector: { matchLabels: cache.podLabels } }], ports: [{ port: 6379 }, { port: 26379 }] },
    ]);
    expect(rec.find(T.np, "api-allow-postgres").inputs["spec"]).toEqual({
      podSelector: { matchLabels: { "cnpg.io/cluster": "db" } },
      policyTypes: ["Ingress"],
      ingress: [{ from: [{ podSelector: { matchLabels: api.podLabels } }], ports: [{ port: 5432 }] }],
    });
    expectLabelled("service");
  });

  it("minInstances 0: a Knative Service with min-scale 0 and a canary by traffic percent", async () => {
    const c = ctx("dev");
    new K8sCloudRunService("api", {
      ctx: c,
      namespace: c.namespace,
      image: IMAGE,
      minInstances: 0,
      maxInstances: 3,
      canary: { percent: 10, image: "ghcr.io/acme/shop-api:1.1.0" },
    });
    await rec.settled();
    expect(rec.ofType(T.deploy)).toEqual([]);
    expect(rec.ofType(T.hpa)).toEqual([]);
    const kn = rec.find(T.kn, "api-knative-service").inputs["spec"] as any;
    expect(kn.template.metadata.annotations).toMatchObject({
      "autoscaling.knative.dev/min-scale": "0",
      "autoscaling.knative.dev/max-scale": "3",
    });
    expect(kn.template.spec.containers[0].image).toBe("ghcr.io/acme/shop-api:1.1.0");
    expect(kn.template.spec.securityContext).toBeUndefined();
    expect(kn.template.spec.containers[0].securityContext).toMatchObject({
      runAsNonRoot: true,
      runAsUser: 10001,
    });
    expect(kn.traffic).toEqual([
      { revisionName: expect.stringMatching(/^api-[0-9a-f]{8}$/), percent: 90 },
      { revisionName: kn.template.metadata.name, percent: 10, tag: "canary" },
    ]);
    expect(kn.traffic[0].revisionName).not.toBe(kn.traffic[1].revisionName);
  });

  it("refuses :latest, a request above the limit and a canary on a Deployment", () => {
    expect(
      () =>
        new K8sCloudRunService("api", {
          ctx: ctx("dev"),
          namespace: "ns",
          image: "r/api:latest",
          cpu: "1",
          cpuRequest: "2",
          canary: { percent: 5, image: IMAGE },
        }),
    ).toThrow(
      /CloudRunService 'api': image must have a fixed tag or digest .*cpuRequest must not exceed cpu \(1\), got "2".*canary needs Knative/,
    );
  });
});

describe("K8sBudgetAlert and K8sObservabilityStack", () => {
  it("the quota is sized from the budget at the context's rates; spend and quota alerts per threshold", async () => {
    const b = new K8sBudgetAlert("budget", {
      ctx: ctx("dev"),
      namespace: "shop-k8s-dev",
      amount: 100,
      thresholds: [0.5, 1.2],
    });
    await rec.settled();
    // 80 USD / ((0.05 + 4 × 0.005) × 730) = 1.56 → 1.5 vCPU, 6 GiB; 20 USD / 0.1 = 200 GB.
    expect(b.quota).toEqual({ cpu: 1.5, memoryGib: 6, storageGb: 200 });
    expect(
      (rec.find("kubernetes:core/v1:ResourceQuota", "budget-quota").inputs["spec"] as any).hard,
    ).toMatchObject({
      "requests.cpu": "1500m",
      "requests.memory": "6Gi",
      "limits.memory": "12Gi",
      "requests.storage": "200Gi",
      "services.loadbalancers": "0",
    });
    const rules = (rec.find(T.rule, "budget-rules").inputs["spec"] as any).groups[0].rules.map(
      (r: any) => r.alert,
    );
    expect(rules).toEqual([
      "NamespaceSpendAbove50Percent",
      "ResourceQuotaAbove50Percent",
      "NamespaceSpendAbove120Percent",
    ]);
    expect((rec.find(T.rule, "budget-rules").inputs["metadata"] as any).labels.release).toBe(
      "kube-prometheus-stack",
    );
  });

  it("a budget that cannot hold the stack's own pods is refused with the minimum amount", () => {
    expect(
      () =>
        new K8sBudgetAlert("budget", {
          ctx: ctx("dev"),
          namespace: "ns",
          amount: 20,
          planned: { cpu: 1, memoryGib: 2, storageGb: 10 },
        }),
    ).toThrow(/BudgetAlert 'budget': amount 20 buys 0.3 vCPU.*raise platform:budget.amount to at least \d+/);
  });

  it("monitors, rules (5xx, p95, SLO burn rates, restarts, CNPG, Valkey, quota), probe, dashboard, Alertmanager email", async () => {
    const ops = new K8sObservabilityStack("ops", {
      ctx: ctx("prod"),
      namespace: "shop-k8s-prod",
      notifyEmails: ["oncall@acme.com"],
      services: [
        {
          name: "api",
          mode: "deployment",
          healthUrl: "http://api.shop-k8s-prod.svc.cluster.local/health",
          podLabels: { "app.kubernetes.io/name": "api" },
        },
      ],
      databases: [{ cluster: "db", hasStandbys: true }],
      caches: [{ name: "cache", podLabels: { "app.kubernetes.io/name": "cache" } }],
      targets: { availabilityTarget: 0.999, errorRateThreshold: 0.01, latencyP95Ms: 500 },
    });
    await rec.settled();
    expect(ops.alertNames).toEqual(
      expect.arrayContaining([
        "ApiHigh5xxRatio",
        "ApiHighLatencyP95",
        "ApiAvailabilityBurnRate1h",
        "ApiAvailabilityBurnRate6h",
        "ApiAvailabilityBurnRate1d",
        "ApiAvailabilityBurnRate3d",
        "ApiDown",
        "PodRestarting",
        "PodCrashLooping",
        "NamespaceQuotaNearlyFull",
        "PostgresReplicationLag",
        "PostgresWalArchivingFailing",
        "PostgresBackupFailed",
        "PostgresRestoreTestFailed",
        "RedisMemoryHigh",
        "RedisEvictions",
      ]),
    );
    const groups = (rec.find(T.rule, "ops-rules").inputs["spec"] as any).groups;
    const page = groups
      .flatMap((g: any) => g.rules)
      .find((r: any) => r.alert === "ApiAvailabilityBurnRate1h");
    expect(page.expr).toBe(
      'slo:sli_error:ratio_rate1h{slo_service="api"} > (14.4 * 0.001) and slo:sli_error:ratio_rate5m{slo_service="api"} > (14.4 * 0.001)',
    );
    expect(
      rec.find("kubernetes:monitoring.coreos.com/v1:Probe", "ops-probe-api").inputs["spec"],
    ).toMatchObject({
      module: "http_2xx",
      prober: { url: "prometheus-blackbox-exporter.monitoring.svc:9115" },
      targets: { staticConfig: { static: ["http://api.shop-k8s-prod.svc.cluster.local/health"] } },
    });
    const dash = rec.find("kubernetes:core/v1:ConfigMap", "ops-dashboard").inputs as any;
    expect(dash.metadata.labels.grafana_dashboard).toBe("1");
    expect(JSON.parse(dash.data["shop-k8s-prod.json"]).panels.length).toBeGreaterThan(5);
    expect(
      rec.find("kubernetes:monitoring.coreos.com/v1alpha1:AlertmanagerConfig", "ops-alertmanager-config")
        .inputs["spec"],
    ).toMatchObject({
      receivers: [{ name: "email", emailConfigs: [{ to: "oncall@acme.com", sendResolved: true }] }],
    });
    for (const r of rec.resources.filter((x) => x.type.startsWith("kubernetes:monitoring.coreos.com")))
      expect((r.inputs["metadata"] as any).labels.release, r.name).toBe("kube-prometheus-stack");
  });
});
