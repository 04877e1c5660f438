import * as pulumi from "@pulumi/pulumi";
import { AwsBudgetAlert } from "../components/budget-alert/aws";
import { AwsCloudRunService } from "../components/cloud-run-service/aws";
import { kmsLink } from "../components/cloud-run-service/links";
import { AwsKmsKeyRing } from "../components/kms-key-ring/aws";
import type { ServicePrincipal, ViaService } from "../components/kms-key-ring/aws-spec";
import { AwsNetwork, type InterfaceEndpoint } from "../components/network/aws";
import { AwsObservabilityStack } from "../components/observability-stack/aws";
import { AwsPostgresWithBackups } from "../components/postgres-with-backups/aws";
import { AwsRedisCache } from "../components/redis-cache/aws";
import type { CpuLimit, MemoryLimit } from "../components/cloud-run-service/resources";
import { createAwsSecret } from "../components/shared/aws";
import { platformTags } from "../components/shared/labels";
import type { Link, Linkable } from "../components/shared/link";
import { awsContextOf, type EnvironmentConfig } from "./config";
import { SECRET_ENV_TYPE, type PlatformSecrets } from "./platform";
import { secretEnvValues, storeSecretEnv } from "./secret-env";

/** Stack outputs of the platform program on AWS. No secret values: only names, ARNs and URLs. */
export interface AwsPlatformOutputs {
  readonly cloud: "aws";
  readonly profile: string;
  readonly serviceUrl: pulumi.Output<string>;
  readonly functionName: pulumi.Output<string>;
  readonly serviceRoleArn: pulumi.Output<string>;
  readonly databaseEndpoint: pulumi.Output<string>;
  readonly databaseReaderEndpoint: pulumi.Output<string>;
  readonly databaseSecretArn: pulumi.Output<string>;
  /** `host:port` of ElastiCache, or `memory` when the service caches in-process. */
  readonly cacheEndpoint: pulumi.Output<string>;
  readonly keyArns: Readonly<Record<string, pulumi.Output<string>>>;
  readonly vpcId: pulumi.Output<string>;
  readonly alertTopicArn: pulumi.Output<string>;
  readonly dashboardUrl: pulumi.Output<string | undefined>;
  /** The budget's name, or `none` when `platform:budget` is absent. */
  readonly budgetName: pulumi.Output<string>;
}

/**
 * The platform for one AWS environment, composed from its validated config (the same concepts as
 * on GCP, their AWS implementations): KMS (a data key every service encrypts with, an optional
 * Ed25519 signing key) → network (private subnets, flow logs, endpoints only when the service is
 * in the VPC) → PostgreSQL (RDS, or Aurora Serverless v2 with the Data API in dev) → cache
 * (ElastiCache, or in-process memory) → Lambda linked to all three → observability → budget.
 * The Lambda joins the VPC only when a link needs it (RDS or ElastiCache); then the network gets
 * a Secrets Manager endpoint so the function reads its secrets without a NAT gateway.
 *
 * @example
 * ```ts
 * const outputs = awsPlatformProgram(parseEnvironmentConfig("aws-dev", values));
 * ```
 */
export function awsPlatformProgram(
  cfg: EnvironmentConfig,
  secrets: PlatformSecrets = {},
): AwsPlatformOutputs {
  const ctx = awsContextOf(cfg);
  const a = cfg.aws!;
  const cacheInCloud = a.cache.mode === "elasticache";
  const serviceInVpc = cacheInCloud || a.database.engine === "rds";
  const o = cfg.observability;
  const ownTrail = o.auditAlerts && a.observability.existingTrailLogGroup === undefined;
  const budgetOn = a.budget.enabled && cfg.budget.amount !== undefined;

  const viaServices: ViaService[] = [
    "rds",
    "secretsmanager",
    "lambda",
    "sns",
    ...(cacheInCloud ? (["elasticache"] as const) : []),
  ];
  const servicePrincipals: ServicePrincipal[] = [
    "logs",
    "cloudwatch",
    ...(ownTrail ? (["cloudtrail"] as const) : []),
    ...(budgetOn ? (["budgets"] as const) : []),
  ];
  const kms = new AwsKmsKeyRing("kms", {
    ctx,
    rotationDays: a.kms.rotationDays,
    deletionWindowDays: a.kms.deletionWindowDays,
    ...(a.kms.customKeyStoreId !== undefined ? { customKeyStoreId: a.kms.customKeyStoreId } : {}),
    multiRegion: a.kms.multiRegion,
    protect: cfg.kms.protect,
    keys: {
      data: { viaServices, servicePrincipals },
      ...(cfg.kms.signingKey ? { signing: { purpose: "ASYMMETRIC_SIGN" as const } } : {}),
    },
  });
  const dataKey = kms.keyArns["data"]!;

  const endpoints = (
    a.environment.vpcEndpoints.length > 0
      ? a.environment.vpcEndpoints
      : serviceInVpc
        ? ["secretsmanager"]
        : []
  ) as InterfaceEndpoint[];
  const network = new AwsNetwork("net", {
    ctx,
    cidr: a.environment.vpcCidr,
    azCount: a.environment.azCount,
    endpoints,
    kmsKeyArn: dataKey,
  });
  const dataNetwork = { vpcId: network.vpcId, subnetIds: network.subnetIds };

  const d = cfg.database;
  const db = new AwsPostgresWithBackups("db", {
    ctx,
    network: dataNetwork,
    engine: a.database.engine,
    version: d.version,
    instanceClass: a.database.instanceClass,
    highAvailability: d.highAvailability,
    diskSizeGb: a.database.diskSizeGb,
    readReplicas: d.readReplicas,
    deletionProtection: d.deletionProtection,
    backups: { retentionDays: d.backups.retainedBackups, startTime: d.backups.startTime },
    maintenanceWindow: { day: d.maintenanceWindow.day, hour: a.database.maintenanceHour },
    serverless: {
      minCapacity: a.database.minCapacity,
      maxCapacity: a.database.maxCapacity,
      secondsUntilAutoPause: a.database.secondsUntilAutoPause,
    },
    performanceInsights: a.database.performanceInsights,
    monitoringIntervalSeconds: a.database.monitoringIntervalSeconds as 0 | 60,
    // The rotation function runs in the private subnets and reaches Secrets Manager through its
    // endpoint; without one (dev: Aurora behind the Data API, no endpoint) it could not, so no rotation.
    ...(a.database.rotationLambdaArn !== undefined
      ? { rotation: { lambdaArn: a.database.rotationLambdaArn, days: a.database.rotationDays } }
      : endpoints.includes("secretsmanager")
        ? {
            rotation: {
              days: a.database.rotationDays,
              endpointSecurityGroupId: network.endpointSecurityGroupId!,
            },
          }
        : {}),
    kmsKeyArn: dataKey,
  });

  const cache = new AwsRedisCache("cache", {
    ctx,
    mode: a.cache.mode,
    ...(cacheInCloud
      ? {
          network: dataNetwork,
          engine: a.cache.engine,
          engineVersion: a.cache.engineVersion,
          nodeType: a.cache.nodeType,
          tier: cfg.cache.tier,
          readReplicas: cfg.cache.readReplicas,
          snapshotRetentionDays: a.cache.snapshotRetentionDays,
          protect: cfg.cache.protect,
          rotationDays: a.cache.authRotationDays,
          kmsKeyArn: dataKey,
        }
      : {}),
  });

  const s = cfg.service;
  const secretEnv = awsSecretEnvLink(cfg, secrets, dataKey);
  const plainEnv = Object.fromEntries(Object.entries(s.env).filter(([k]) => !cfg.secretEnvNames.includes(k)));
  const service = new AwsCloudRunService("api", {
    ctx,
    // With a canary, the new version runs the canary image and the alias keeps stableVersion for the rest.
    image: s.canary ? s.canary.image : s.image,
    ...(a.service.cpu !== undefined ? { cpu: a.service.cpu as CpuLimit } : {}),
    memory: s.memory as MemoryLimit,
    architecture: a.service.architecture,
    minInstances: s.minInstances,
    maxInstances: s.maxInstances,
    timeoutSeconds: s.timeoutSeconds,
    public: s.public,
    invokers: a.service.invokers,
    env: plainEnv,
    secrets: a.service.secrets,
    link: [db, cache, kmsLink(kms, "data"), ...(secretEnv ? [secretEnv] : [])],
    ...(serviceInVpc
      ? { network: { ...dataNetwork, endpointSecurityGroupId: network.endpointSecurityGroupId! } }
      : {}),
    ...(s.canary && a.service.stableVersion !== undefined
      ? { canary: { percent: s.canary.percent, stableVersion: a.service.stableVersion } }
      : {}),
    kmsKeyArn: dataKey,
  });

  const observability = new AwsObservabilityStack("ops", {
    ctx,
    notifyEmails: o.notifyEmails,
    kmsKeyArn: dataKey,
    services: [
      {
        name: "api",
        functionName: service.serviceName,
        alias: service.aliasName,
        url: service.url,
        healthPath: s.healthPath,
        public: s.public,
      },
    ],
    databases: [
      {
        name: "db",
        engine: a.database.engine,
        identifier: db.identifier,
        replicaIdentifiers: db.replicaIdentifiers,
        ...(a.database.engine === "rds"
          ? { allocatedGb: a.database.diskSizeGb, instanceClass: a.database.instanceClass }
          : {}),
      },
    ],
    caches:
      cache.spec.mode === "elasticache"
        ? [{ name: "cache", replicationGroupId: cache.spec.replicationGroupId }]
        : [],
    targets: {
      latencyP95Ms: o.latencyP95Ms,
      availabilityTarget: o.availabilityTarget,
      errorRateThreshold: o.errorRateThreshold,
    },
    slo: a.observability.slo,
    uptimeCheck: a.observability.uptimeCheck,
    dashboard: o.dashboards,
    audit: {
      cisAlarms: o.auditAlerts,
      ...(a.observability.existingTrailLogGroup !== undefined
        ? { existingTrailLogGroup: a.observability.existingTrailLogGroup }
        : {}),
    },
  });

  const b = cfg.budget;
  const budget = budgetOn
    ? new AwsBudgetAlert("budget", {
        ctx,
        amount: b.amount!,
        thresholds: b.thresholds,
        forecastThresholds: b.forecastThresholds,
        notifyEmails: b.notifyEmails,
        snsTopic: a.budget.snsTopic,
        labelFilter: a.budget.labelFilter,
        kmsKeyArn: dataKey,
      })
    : undefined;

  return {
    cloud: "aws",
    profile: cfg.profile,
    serviceUrl: service.url,
    functionName: service.serviceName,
    serviceRoleArn: service.roleArn,
    databaseEndpoint: db.host,
    databaseReaderEndpoint: db.readerHost,
    databaseSecretArn: db.secretArn,
    cacheEndpoint: cache.endpoint,
    keyArns: kms.keyArns,
    vpcId: network.vpcId,
    alertTopicArn: observability.topicArn,
    dashboardUrl: observability.dashboardUrl,
    budgetName: budget ? budget.budgetName : pulumi.output("none"),
  };
}

/**
 * Secret `platform:service.env` values on AWS: one CMK-encrypted Secrets Manager secret each,
 * read by the function at run time through `<NAME>_SECRET_ID` (its ARN) with
 * `secretsmanager:GetSecretValue` on exactly that ARN. The value never reaches the Lambda
 * environment (CKV_AWS_45).
 */
class AwsSecretEnv extends pulumi.ComponentResource implements Linkable {
  private readonly link: Link;

  constructor(
    name: string,
    ctx: ReturnType<typeof awsContextOf>,
    values: Readonly<Record<string, pulumi.Input<string>>>,
    kmsKeyArn: pulumi.Input<string>,
  ) {
    super(SECRET_ENV_TYPE, name, {}, {});
    this.link = storeSecretEnv(
      values,
      (role, data) =>
        createAwsSecret({
          ctx,
          owner: "api",
          role,
          data,
          tags: platformTags(ctx, "lambda"),
          kmsKeyArn,
          parent: this,
        }).secret.arn,
    );
    this.registerOutputs({});
  }

  getLink(): Link {
    return this.link;
  }
}

function awsSecretEnvLink(
  cfg: EnvironmentConfig,
  secrets: PlatformSecrets,
  kmsKeyArn: pulumi.Input<string>,
): Linkable | undefined {
  if (cfg.secretEnvNames.length === 0) return undefined;
  return new AwsSecretEnv("api-env", awsContextOf(cfg), secretEnvValues(cfg, secrets.secretEnv), kmsKeyArn);
}
