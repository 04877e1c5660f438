import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
// Each component from its GCP file, not the index: the index loads every cloud's provider SDK.
import { BudgetAlert } from "../components/budget-alert/gcp";
import { CloudRunService } from "../components/cloud-run-service/gcp";
import { kmsLink } from "../components/cloud-run-service/links";
import type { CpuLimit, MemoryLimit } from "../components/cloud-run-service/resources";
import { KmsKeyRing } from "../components/kms-key-ring/gcp";
import { Network } from "../components/network/gcp";
import { ObservabilityStack } from "../components/observability-stack/gcp";
import { PostgresWithBackups } from "../components/postgres-with-backups/gcp";
import { RedisCache } from "../components/redis-cache/gcp";
import { platformLabels } from "../components/shared/labels";
import { childName } from "../components/shared/naming";
import { createStoredSecret } from "../components/shared/secrets";
import { secretEnvValues, storeSecretEnv } from "./secret-env";
import type { Link, Linkable } from "../components/shared/link";
import { contextOf, type EnvironmentConfig } from "./config";

/** Google APIs the platform needs; enabled by the program so a fresh project deploys in one `up`. */
export const REQUIRED_APIS = [
  "billingbudgets.googleapis.com",
  "cloudkms.googleapis.com",
  "compute.googleapis.com",
  "logging.googleapis.com",
  "monitoring.googleapis.com",
  "redis.googleapis.com",
  "run.googleapis.com",
  "secretmanager.googleapis.com",
  "servicenetworking.googleapis.com",
  "sqladmin.googleapis.com",
] as const;

/** Stack outputs of the platform program. No secret values: only names, ids and URLs. */
export interface PlatformOutputs {
  readonly profile: string;
  readonly serviceUrl: pulumi.Output<string>;
  readonly serviceAccountEmail: pulumi.Output<string>;
  readonly databaseConnectionName: pulumi.Output<string>;
  readonly databasePrivateIp: pulumi.Output<string>;
  readonly databaseUrlSecretId: pulumi.Output<string>;
  readonly databasePasswordSecretId: pulumi.Output<string>;
  readonly databaseReplicas: pulumi.Output<string>[];
  /** `host:port` of Memorystore, or `memory` when the service caches in-process. */
  readonly cacheEndpoint: pulumi.Output<string>;
  readonly keyRingId: pulumi.Output<string>;
  readonly keyIds: Readonly<Record<string, pulumi.Output<string>>>;
  readonly networkId: pulumi.Output<string>;
  readonly dashboardUrl: pulumi.Output<string | undefined>;
  /** The billing budget's resource name, or `none` when the environment sets no billing account. */
  readonly budgetName: pulumi.Output<string>;
}

/** Secret values the program receives besides the config (see `loadRuntimeConfig`). */
export interface PlatformSecrets {
  /** Values of the `platform:service.env` entries named in `cfg.secretEnvNames`. @default {} */
  readonly secretEnv?: Readonly<Record<string, pulumi.Input<string>>>;
}

/**
 * The platform for one environment, composed from its validated config:
 * APIs → network → KMS → Postgres (CMEK, private IP) → Redis (or in-process memory) →
 * Cloud Run (linked to the database, the cache and the data key) → observability (uptime on the
 * service URL, SLOs, alerts, dashboard) → budget.
 *
 * @example
 * ```ts
 * const outputs = platformProgram(parseEnvironmentConfig("dev", values));
 * ```
 */
export function platformProgram(cfg: EnvironmentConfig, secrets: PlatformSecrets = {}): PlatformOutputs {
  const ctx = contextOf(cfg);
  const apis = REQUIRED_APIS.map(
    (service) =>
      new gcp.projects.Service(childName("api", service.split(".")[0]!), {
        project: ctx.project,
        service,
        // Turning an API off on destroy would break anything else in the project that uses it.
        disableOnDestroy: false,
        disableDependentServices: false,
      }),
  );
  const after = { dependsOn: apis };
  const cacheInCloud = cfg.cache.mode === "memorystore";
  const budgetTopic =
    cfg.budget.enabled &&
    cfg.budget.billingAccount !== undefined &&
    cfg.budget.amount !== undefined &&
    cfg.budget.pubsubTopic;

  const network = new Network("net", { ctx }, after);

  const kms = new KmsKeyRing(
    "kms",
    {
      ctx,
      protectionLevel: cfg.kms.protectionLevel,
      rotationDays: cfg.kms.rotationDays,
      protect: cfg.kms.protect,
      keyRing: { create: true, uniqueName: cfg.kms.uniqueRingName },
      keys: {
        data: {
          serviceAgents: [
            "cloudsql",
            ...(cacheInCloud ? (["memorystore"] as const) : []),
            "secretmanager",
            // The budget topic is encrypted with the data key too (CKV_GCP_83).
            ...(budgetTopic ? (["pubsub"] as const) : []),
          ],
        },
        ...(cfg.kms.signingKey ? { signing: { purpose: "ASYMMETRIC_SIGN" as const } } : {}),
      },
    },
    after,
  );
  const dataKey = kms.keyIds["data"]!;

  const db = new PostgresWithBackups(
    "db",
    {
      ctx,
      network: network.networkId,
      dependsOn: [network.privateServiceAccess],
      version: cfg.database.version,
      tier: cfg.database.tier,
      highAvailability: cfg.database.highAvailability,
      diskSizeGb: cfg.database.diskSizeGb,
      diskType: cfg.database.diskType,
      readReplicas: cfg.database.readReplicas,
      deletionProtection: cfg.database.deletionProtection,
      maintenanceWindow: cfg.database.maintenanceWindow,
      backups: cfg.database.backups,
      kmsKeyId: dataKey,
    },
    after,
  );

  const cache = new RedisCache(
    "cache",
    {
      ctx,
      mode: cfg.cache.mode,
      ...(cacheInCloud
        ? {
            network: network.networkId,
            dependsOn: [network.privateServiceAccess],
            tier: cfg.cache.tier,
            memorySizeGb: cfg.cache.memorySizeGb,
            version: cfg.cache.version,
            readReplicas: cfg.cache.readReplicas,
            persistence: cfg.cache.persistence,
            protect: cfg.cache.protect,
            kmsKeyId: dataKey,
          }
        : {}),
    },
    after,
  );

  const s = cfg.service;
  // Secret env values never become a plain `value`: each is a Secret Manager secret (CMEK like the
  // database's secrets) that the service reads by reference, with secretAccessor on exactly it.
  const secretEnv = secretEnvLink(cfg, secrets, dataKey, [...apis, kms]);
  const plainEnv = Object.fromEntries(Object.entries(s.env).filter(([k]) => !cfg.secretEnvNames.includes(k)));
  const service = new CloudRunService(
    "api",
    {
      ctx,
      image: s.image,
      cpu: s.cpu as CpuLimit, // validated by the config schema against the same rules
      memory: s.memory as MemoryLimit,
      minInstances: s.minInstances,
      maxInstances: s.maxInstances,
      concurrency: s.concurrency,
      timeoutSeconds: s.timeoutSeconds,
      ingress: s.ingress,
      public: s.public,
      invokers: s.invokers,
      env: plainEnv,
      secrets: s.secrets,
      healthPath: s.healthPath,
      readinessPath: s.readinessPath,
      ...(s.canary ? { canary: s.canary } : {}),
      deletionProtection: s.deletionProtection,
      network: network.networkId,
      subnetwork: network.subnetworkId,
      link: [db, cache, kmsLink(kms, "data"), ...(secretEnv ? [secretEnv] : [])],
    },
    after,
  );

  const o = cfg.observability;
  const observability = new ObservabilityStack(
    "ops",
    {
      ctx,
      notifyEmails: o.notifyEmails,
      services: [
        {
          name: "api",
          url: service.url,
          serviceName: service.serviceName,
          healthPath: s.healthPath,
          authenticated: !s.public,
        },
      ],
      databases: [{ name: "db", instanceId: db.instanceName, hasReplicas: cfg.database.readReplicas > 0 }],
      caches:
        cache.spec.mode === "memorystore" ? [{ name: "cache", instanceId: cache.spec.instanceName }] : [],
      targets: {
        latencyP95Ms: o.latencyP95Ms,
        availabilityTarget: o.availabilityTarget,
        errorRateThreshold: o.errorRateThreshold,
      },
      dashboard: o.dashboards,
      // Data Access logs for every service (CIS 2.1); a small environment stays inside Cloud Logging's free 50 GiB.
      audit: { cisAlerts: o.auditAlerts, dataAccessLogs: o.auditAlerts, allServices: o.auditAlerts },
    },
    after,
  );

  const b = cfg.budget;
  const budget =
    b.enabled && b.billingAccount !== undefined && b.amount !== undefined
      ? new BudgetAlert(
          "budget",
          {
            ctx,
            billingAccount: b.billingAccount,
            amount: b.amount,
            currency: b.currency,
            thresholds: b.thresholds,
            forecastThresholds: b.forecastThresholds,
            notifyEmails: b.notifyEmails,
            pubsubTopic: b.pubsubTopic,
            ...(b.pubsubTopic ? { kmsKeyName: dataKey } : {}),
          },
          after,
        )
      : undefined;

  return {
    profile: cfg.profile,
    serviceUrl: service.url,
    serviceAccountEmail: service.serviceAccountEmail,
    databaseConnectionName: db.connectionName,
    databasePrivateIp: db.privateIp,
    databaseUrlSecretId: db.urlSecretId,
    databasePasswordSecretId: db.passwordSecretId,
    databaseReplicas: db.replicaConnectionNames,
    cacheEndpoint: cache.endpoint,
    keyRingId: kms.keyRingId,
    keyIds: kms.keyIds,
    networkId: network.networkId,
    dashboardUrl: observability.dashboardUrl,
    budgetName: budget ? budget.budgetName : pulumi.output("none"),
  };
}

/** Type token of {@link SecretEnv}. */
export const SECRET_ENV_TYPE = "platform:compute:SecretEnv";

/**
 * The Secret Manager secrets holding the secret `platform:service.env` values; linked to the
 * service, which reads each by reference (env name → secret id) with secretAccessor on exactly it.
 * Cost: $0.06 per secret version per location per month.
 *
 * @example
 * ```ts
 * new CloudRunService("api", { ctx, image, link: [new SecretEnv("api-env", ctx, { API_KEY: pulumi.secret(key) }, kmsKeyId)] });
 * ```
 */
export class SecretEnv extends pulumi.ComponentResource implements Linkable {
  private readonly link: Link;

  constructor(
    name: string,
    ctx: ReturnType<typeof contextOf>,
    values: Readonly<Record<string, pulumi.Input<string>>>,
    kmsKeyId: pulumi.Input<string>,
    opts: pulumi.ComponentResourceOptions = {},
  ) {
    super(SECRET_ENV_TYPE, name, {}, opts);
    this.link = storeSecretEnv(
      values,
      (role, data) =>
        createStoredSecret({
          ctx,
          owner: "api",
          role,
          data,
          labels: platformLabels(ctx, "cloud-run"),
          kmsKeyId,
          parent: this,
        }).secret.id,
    );
    this.registerOutputs({});
  }

  getLink(): Link {
    return this.link;
  }
}

function secretEnvLink(
  cfg: EnvironmentConfig,
  secrets: PlatformSecrets,
  kmsKeyId: pulumi.Input<string>,
  dependsOn: pulumi.Resource[],
): Linkable | undefined {
  if (cfg.secretEnvNames.length === 0) return undefined;
  const values = secretEnvValues(cfg, secrets.secretEnv);
  return new SecretEnv("api-env", contextOf(cfg), values, kmsKeyId, { dependsOn });
}
