import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { K8sBudgetAlert } from "../components/budget-alert/k8s";
import type { QuotaSize } from "../components/budget-alert/k8s-spec";
import { K8sCloudRunService } from "../components/cloud-run-service/k8s";
import { podRequests } from "../components/cloud-run-service/k8s-spec";
import { kmsLink } from "../components/cloud-run-service/links";
import { K8sKmsKeyRing, type CloudKeys } from "../components/kms-key-ring/k8s";
import type { CertificateArgs } from "../components/kms-key-ring/k8s-spec";
import { K8sNetwork } from "../components/network/k8s";
import { K8sObservabilityStack } from "../components/observability-stack/k8s";
import { K8sPostgresWithBackups } from "../components/postgres-with-backups/k8s";
import { K8sRedisCache } from "../components/redis-cache/k8s";
import { cpuCores, k8sLabels, memoryGib } from "../components/shared/kubernetes";
import type { Linkable } from "../components/shared/link";
import { kubernetesContextOf, type EnvironmentConfig } from "./config";
import { secretEnvValues } from "./secret-env";

/** Stack outputs of the platform program on Kubernetes. No secret values: names and in-cluster URLs. */
export interface K8sPlatformOutputs {
  readonly cloud: "kubernetes";
  readonly profile: string;
  readonly namespace: pulumi.Output<string>;
  /** In-cluster URL of the service. */
  readonly serviceUrl: pulumi.Output<string>;
  /** deployment | knative. */
  readonly serviceMode: string;
  /** `db-rw.<namespace>.svc`. */
  readonly databaseHost: pulumi.Output<string>;
  /** The operator's Secret holding the app user's credentials and `uri` (a name, not the values). */
  readonly databaseSecret: string;
  /** Valkey endpoint, or `memory`. */
  readonly cacheEndpoint: pulumi.Output<string>;
  /** The namespaced CA Issuer. */
  readonly issuer: string;
  /** Cloud KMS / AWS KMS key ids (kubernetes.keysFrom), none otherwise. */
  readonly keyIds: Readonly<Record<string, pulumi.Output<string>>>;
  /** What the cluster must provide (secrets encryption at rest). */
  readonly clusterRequirements: string;
  /** The ResourceQuota's name, or `none` without `platform:budget`. */
  readonly budgetName: pulumi.Output<string>;
}

/** In-cluster DNS names of a Service: short, namespaced and fully qualified. */
function serviceNames(svc: string, ns: string): string[] {
  return [svc, `${svc}.${ns}`, `${svc}.${ns}.svc`, `${svc}.${ns}.svc.cluster.local`];
}

/**
 * The platform for one Kubernetes environment, composed from its validated config: a provider for
 * the kubeconfig context → the namespace (Pod Security restricted, default deny) → a cert-manager
 * PKI with certificates for the database, the cache and the service (plus Cloud KMS / AWS KMS keys
 * with `keysFrom`) → CloudNativePG with Barman Cloud backups and a restore test → Valkey (or the
 * in-process cache) → the service (Deployment + HPA, or Knative for scale to zero) linked to all
 * of them → monitoring objects → the ResourceQuota sized from the budget. The operators are the
 * bootstrap program's job (programs/bootstrap).
 *
 * @example
 * ```ts
 * const outputs = kubernetesPlatformProgram(parseEnvironmentConfig("k8s-dev", values));
 * ```
 */
export function kubernetesPlatformProgram(
  cfg: EnvironmentConfig,
  secrets: { readonly secretEnv?: Readonly<Record<string, pulumi.Input<string>>> } = {},
): K8sPlatformOutputs {
  const ctx = kubernetesContextOf(cfg);
  const k = cfg.kubernetes!;
  const ns = k.namespace;
  const provider = new k8s.Provider("k8s", {
    ...(k.context !== undefined ? { context: k.context } : {}),
    ...(k.kubeconfigPath !== undefined ? { kubeconfig: k.kubeconfigPath } : {}),
    namespace: ns,
  });
  const opts = { providers: [provider] };
  const net = new K8sNetwork("net", { ctx }, opts);
  const namespace = net.namespace;
  const valkey = k.cache.mode === "valkey";

  const certificates: Record<string, CertificateArgs> = {
    // CloudNativePG reloads a renewed server certificate only from Secrets labelled cnpg.io/reload.
    db: {
      dnsNames: ["db-rw", "db-ro", "db-r"].flatMap((s) => serviceNames(s, ns)),
      secretLabels: { "cnpg.io/reload": "" },
    },
    api: { dnsNames: serviceNames("api", ns) },
    ...(valkey
      ? {
          cache: {
            dnsNames: [...serviceNames("cache", ns), `*.cache-headless.${ns}.svc.cluster.local`, "localhost"],
          },
        }
      : {}),
  };
  const signing = cfg.kms.signingKey;
  const cloudKeys: CloudKeys | undefined =
    k.keysFrom === "gcp"
      ? {
          cloud: "gcp",
          ctx: {
            env: cfg.env,
            profile: cfg.profile,
            app: cfg.app,
            project: cfg.project,
            region: cfg.region,
            labels: cfg.labels,
          },
          args: {
            protectionLevel: cfg.kms.protectionLevel,
            rotationDays: cfg.kms.rotationDays,
            protect: cfg.kms.protect,
            keys: { data: {}, ...(signing ? { signing: { purpose: "ASYMMETRIC_SIGN" as const } } : {}) },
          },
        }
      : k.keysFrom === "aws"
        ? {
            cloud: "aws",
            ctx: {
              cloud: "aws",
              env: cfg.env,
              profile: cfg.profile,
              app: cfg.app,
              region: k.awsProvider!.region,
              labels: cfg.labels,
              ...(k.awsProvider!.accountId !== undefined ? { accountId: k.awsProvider!.accountId } : {}),
            },
            args: {
              protect: cfg.kms.protect,
              keys: { data: {}, ...(signing ? { signing: { purpose: "ASYMMETRIC_SIGN" as const } } : {}) },
            },
          }
        : undefined;
  const kms = new K8sKmsKeyRing(
    "kms",
    {
      ctx,
      namespace,
      certificates,
      rotationDays: cfg.kms.rotationDays,
      protect: cfg.kms.protect,
      cluster: k.cluster,
      ...(cloudKeys ? { cloudKeys } : {}),
    },
    opts,
  );

  const d = cfg.database;
  const monitoringNamespace = k.prometheus.namespace;
  const db = new K8sPostgresWithBackups(
    "db",
    {
      ctx,
      namespace,
      version: d.version,
      highAvailability: d.highAvailability,
      readReplicas: d.readReplicas,
      storageGb: d.diskSizeGb,
      ...(k.storageClass !== undefined ? { storageClass: k.storageClass } : {}),
      cpu: k.database.cpu,
      memory: k.database.memory,
      tlsSecret: kms.certificateSecrets["db"]!,
      backups: d.backups.enabled,
      ...(k.backups ? { objectStore: k.backups } : {}),
      retentionDays: d.backups.retainedBackups,
      backupStartTime: d.backups.startTime,
      restoreTest: {
        enabled: k.database.restoreTest && d.backups.enabled,
        schedule: k.database.restoreTestSchedule,
      },
      ...(k.database.recoveryTargetTime !== undefined
        ? { recovery: { targetTime: k.database.recoveryTargetTime } }
        : {}),
      protect: d.deletionProtection,
      monitoringNamespace,
    },
    { ...opts, dependsOn: [kms] },
  );

  const c = cfg.cache;
  const cache = new K8sRedisCache(
    "cache",
    valkey
      ? {
          ctx,
          mode: "valkey",
          namespace,
          tlsSecret: kms.certificateSecrets["cache"]!,
          tier: c.tier,
          memorySizeGb: c.memorySizeGb,
          persistence: c.persistence,
          cpu: k.cache.cpu,
          image: k.cache.image,
          ...(k.storageClass !== undefined ? { storageClass: k.storageClass } : {}),
          protect: c.protect,
          monitoringNamespace,
        }
      : { ctx, mode: "memory" },
    { ...opts, dependsOn: [kms] },
  );

  const s = cfg.service;
  const link: Linkable[] = [db, cache];
  const envSecret = secretEnvSecret(cfg, secrets.secretEnv ?? {}, namespace, { provider });
  if (envSecret) link.push(envSecret);
  const plainEnv = Object.fromEntries(Object.entries(s.env).filter(([k]) => !cfg.secretEnvNames.includes(k)));
  if (kms.keyIds["data"] !== undefined) link.push(kmsLink(kms, "data"));
  if (kms.keyIds["signing"] !== undefined)
    link.push(kmsLink(kms, "signing", { envName: "SIGNING_KEY_ID", signing: true }));
  const service = new K8sCloudRunService(
    "api",
    {
      ctx,
      namespace,
      image: s.image,
      port: k.service.port,
      cpu: s.cpu,
      cpuRequest: k.service.cpuRequest,
      memory: s.memory,
      minInstances: s.minInstances,
      maxInstances: s.maxInstances,
      concurrency: s.concurrency,
      timeoutSeconds: s.timeoutSeconds,
      targetCpuUtilization: k.service.targetCpuUtilization,
      healthPath: s.healthPath,
      readinessPath: s.readinessPath,
      env: plainEnv,
      link,
      ingressNamespace: k.ingressNamespace,
      monitoringNamespace,
      ...(s.canary ? { canary: s.canary } : {}),
      tlsSecret: kms.certificateSecrets["api"]!,
    },
    { ...opts, dependsOn: [db, cache] },
  );

  const o = cfg.observability;
  new K8sObservabilityStack(
    "ops",
    {
      ctx,
      namespace: ns,
      notifyEmails: o.notifyEmails,
      services: [
        {
          name: "api",
          mode: service.mode,
          healthUrl: `http://api.${ns}.svc.cluster.local${s.healthPath}`,
          podLabels: service.podLabels,
        },
      ],
      databases: [{ cluster: db.clusterName, hasStandbys: db.instances > 1 }],
      caches: valkey ? [{ name: "cache", podLabels: cache.podLabels }] : [],
      targets: {
        latencyP95Ms: o.latencyP95Ms,
        availabilityTarget: o.availabilityTarget,
        errorRateThreshold: o.errorRateThreshold,
      },
      dashboard: o.dashboards,
      dependsOn: [net],
    },
    opts,
  );

  const b = cfg.budget;
  const budget =
    k.budgetEnabled && b.amount !== undefined
      ? new K8sBudgetAlert(
          "budget",
          {
            ctx,
            namespace: ns,
            amount: b.amount,
            thresholds: b.thresholds,
            planned: plannedRequests(cfg, service.spec, db.instances, cache.replicas),
            dependsOn: [net],
          },
          opts,
        )
      : undefined;

  return {
    cloud: "kubernetes",
    profile: cfg.profile,
    namespace,
    serviceUrl: service.url,
    serviceMode: service.mode,
    databaseHost: db.host,
    databaseSecret: `${db.clusterName}-app`,
    cacheEndpoint: cache.endpoint,
    issuer: kms.issuerName,
    keyIds: kms.keyIds,
    clusterRequirements: kms.clusterRequirements,
    budgetName: budget ? budget.budgetName : pulumi.output("none"),
  };
}

/**
 * The `platform:service.env` values set with `--secret`: one Secret `api-env` in the namespace (its
 * `stringData` is a Pulumi secret), linked to the service as `secretKeyRef`s — never plain env.
 */
function secretEnvSecret(
  cfg: EnvironmentConfig,
  values: Readonly<Record<string, pulumi.Input<string>>>,
  namespace: pulumi.Input<string>,
  opts: pulumi.CustomResourceOptions,
): Linkable | undefined {
  if (cfg.secretEnvNames.length === 0) return undefined;
  const stringData = Object.fromEntries(
    Object.entries(secretEnvValues(cfg, values)).map(([name, v]) => [name, pulumi.secret(v)]),
  );
  const ctx = kubernetesContextOf(cfg);
  new k8s.core.v1.Secret(
    "api-env",
    {
      metadata: { name: "api-env", namespace, labels: k8sLabels(ctx, "service", "api-env") },
      type: "Opaque",
      stringData,
    },
    opts,
  );
  return {
    getLink: () => ({
      secretKeyRefs: Object.fromEntries(cfg.secretEnvNames.map((n) => [n, { name: "api-env", key: n }])),
    }),
  };
}

/**
 * What the stack's own pods request at minimum scale (the budget's quota must hold it): the
 * service's minimum pods (one for Knative's first request, with its queue-proxy), every
 * PostgreSQL instance with its Barman Cloud sidecar, the restore test's instance and Job, and the
 * Valkey pods with their sidecars; storage for every PVC.
 *
 * @example
 * ```ts
 * plannedRequests(cfg, service.spec, 1, 0); // { cpu: 0.65, memoryGib: 1.25, storageGb: 20 }
 * ```
 */
export function plannedRequests(
  cfg: EnvironmentConfig,
  svc: { readonly cpuRequest: string; readonly memory: string; readonly minInstances: number },
  dbInstances: number,
  cacheReplicas: number,
): QuotaSize {
  const k = cfg.kubernetes!;
  const pod = podRequests(svc);
  const servicePods = Math.max(1, svc.minInstances);
  const queueProxy = svc.minInstances === 0 ? { cpu: 0.025, memoryGib: 0.125 } : { cpu: 0, memoryGib: 0 };
  const pgCpu = cpuCores(k.database.cpu)! + 0.1;
  const pgMem = memoryGib(k.database.memory)! + 0.125;
  const restore = k.database.restoreTest && cfg.database.backups.enabled ? 1 : 0;
  const pgInstances = dbInstances + restore;
  const walGb = cfg.database.highAvailability ? Math.max(5, Math.ceil(cfg.database.diskSizeGb / 4)) : 0;
  const cachePod = {
    cpu: cpuCores(k.cache.cpu)! + 0.02 + (cacheReplicas > 1 ? 0.05 : 0),
    memoryGib: cfg.cache.memorySizeGb + 0.03 + (cacheReplicas > 1 ? 0.0625 : 0),
  };
  const sum = (a: number) => Math.round(a * 1000) / 1000;
  return {
    cpu: sum(
      servicePods * (pod.cpu + queueProxy.cpu) +
        pgInstances * pgCpu +
        restore * 0.05 +
        cacheReplicas * cachePod.cpu,
    ),
    memoryGib: sum(
      servicePods * (pod.memoryGib + queueProxy.memoryGib) +
        pgInstances * pgMem +
        restore * 0.0625 +
        cacheReplicas * cachePod.memoryGib,
    ),
    storageGb:
      pgInstances * (cfg.database.diskSizeGb + walGb) +
      cacheReplicas * Math.max(1, 2 * cfg.cache.memorySizeGb),
  };
}
