import { z } from "zod";
import { AWS_CACHE_DEFAULTS, AWS_CACHE_VERSIONS } from "../../components/redis-cache/aws-spec";
import {
  AWS_ENGINE_VERSIONS,
  AWS_PG_DEFAULTS,
  AWS_PG_LIMITS,
  MONITORING_INTERVALS,
  windowsOverlap,
} from "../../components/postgres-with-backups/aws-spec";
import { AWS_KMS_DEFAULTS, AWS_ROTATION_DAYS } from "../../components/kms-key-ring/aws-spec";
import { InterfaceEndpoint } from "../../components/network/aws-spec";
import { lambdaMemoryMb, LAMBDA_LIMITS } from "../../components/cloud-run-service/aws-spec";
import type { Profile } from "../../components/shared/profiles";
import { bool, got, intRange, numRange, oneOf, pattern, section } from "./fields";

/**
 * The `aws` sub-object of each `platform:*` section, how the profile fills it in, and the profile
 * invariants as they apply on AWS. Every message starting with "aws:" or "prod (aws)" names the
 * cloud rule that refused the value. The limits come from the components' own AWS specs, so the
 * config and the component args enforce one rule.
 */

type Issue = { path: string; message: string };

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:(role|user)\/[\w+=,.@/-]{1,512}$/;
const SECRET_REF =
  /^(arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+|[A-Za-z0-9/_+=.@-]{1,512})$/;

/** `platform:environment.aws`: the network. */
export const awsEnvironmentSchema = section({
  /** VPC CIDR, a private /16–/24. @default "10.20.0.0/16" */
  vpcCidr: pattern(
    /^\d{1,3}(\.\d{1,3}){3}\/(1[6-9]|2[0-4])$/,
    "a private IPv4 CIDR /16–/24 such as 10.20.0.0/16",
  ),
  /** Private subnets, one per AZ. @default 2 (dev, staging), 3 (prod) */
  azCount: intRange(2, 3),
  /** Interface endpoints (≈ $7.30/month per AZ each). @default ["secretsmanager"] when the service is in the VPC, else [] */
  vpcEndpoints: z.array(oneOf(Object.values(InterfaceEndpoint) as [string, ...string[]]), {
    error: (i) => `must be a list of endpoint services, got ${got(i.input)}`,
  }),
}).partial();

/** `platform:kms.aws`. */
export const awsKmsSchema = section({
  /** Days between ScheduleKeyDeletion and deletion, 7–30. @default 7 (dev), 30 (staging, prod) */
  deletionWindowDays: intRange(7, 30),
  /** CloudHSM custom key store id (single-tenant HSMs; no automatic rotation). @default none */
  customKeyStoreId: pattern(/^cks-[a-z0-9]{17}$/, "a custom key store id such as cks-1234567890abcdef0"),
  /** Multi-Region keys. @default false */
  multiRegion: bool(),
}).partial();

/** `platform:database.aws`. */
export const awsDatabaseSchema = section({
  /** rds | aurora-serverless. @default aurora-serverless (dev), rds (staging, prod) */
  engine: oneOf(["rds", "aurora-serverless"]),
  /** RDS instance class. @default db.t4g.small (staging), db.r6g.large (prod) */
  instanceClass: pattern(/^db\.[a-z0-9]+\.[a-z0-9]+$/, "an RDS instance class such as db.t4g.small"),
  /** Aurora Serverless v2 minimum ACU, 0–256 (0 pauses). @default 0 (dev), 0.5 otherwise */
  minCapacity: numRange(AWS_PG_LIMITS.acu.min, AWS_PG_LIMITS.acu.max),
  /** Aurora Serverless v2 maximum ACU, 1–256. @default 2 (dev), 8 otherwise */
  maxCapacity: numRange(1, AWS_PG_LIMITS.acu.max),
  /** Seconds idle before pausing (minCapacity 0 only), 300–86400. @default 900 */
  secondsUntilAutoPause: intRange(AWS_PG_LIMITS.autoPauseSeconds.min, AWS_PG_LIMITS.autoPauseSeconds.max),
  /** @default true */
  performanceInsights: bool(),
  /** Enhanced Monitoring seconds (0 off). @default 60 */
  monitoringIntervalSeconds: z.union(
    MONITORING_INTERVALS.map((n) => z.literal(n)) as unknown as [z.ZodLiteral<0>, z.ZodLiteral<1>],
    {
      error: (i) => `must be one of ${MONITORING_INTERVALS.join(", ")}, got ${got(i.input)}`,
    },
  ),
  /**
   * A rotation function of your own for the master secret. @default none: AWS's
   * SecretsManagerRDSPostgreSQLRotationSingleUser is deployed whenever the VPC has the Secrets
   * Manager endpoint (the service is in the VPC); without it (dev on Aurora) nothing rotates.
   */
  rotationLambdaArn: pattern(
    /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}$/,
    "a Lambda function ARN",
  ),
  /** Days between rotations, 1–365. @default 30 */
  rotationDays: intRange(1, 365),
}).partial();

/** `platform:cache.aws`. */
export const awsCacheSchema = section({
  /** valkey | redis. @default valkey */
  engine: oneOf(["valkey", "redis"]),
  /** @default 8.0 (valkey), 7.1 (redis) */
  engineVersion: pattern(/^\d+\.\d+$/, "an engine version such as 8.0"),
  /** @default cache.t4g.micro */
  nodeType: pattern(/^cache\.[a-z0-9]+\.[a-z0-9]+$/, "an ElastiCache node type such as cache.t4g.micro"),
  /** Daily snapshots kept, 0–35. @default 0 with persistence none, else 7 */
  snapshotRetentionDays: intRange(0, 35),
  /** Days between AUTH token rotations (SET, then ROTATE: both tokens work in between), 1–90. @default 30 */
  authRotationDays: intRange(1, 90),
}).partial();

/** `platform:service.aws`. */
export const awsServiceSchema = section({
  /** @default arm64 */
  architecture: oneOf(["arm64", "x86_64"]),
  /** Published version that keeps (100 − canary.percent) % of traffic while a canary runs. */
  stableVersion: pattern(/^[1-9]\d*$/, 'a published Lambda version number such as "12"'),
  /** IAM role/user ARNs allowed to invoke the Function URL. @default [] */
  invokers: z.array(
    pattern(ROLE_ARN, "an IAM role or user ARN such as arn:aws:iam::123456789012:role/frontend"),
    {
      error: (i) => `must be a list of IAM role ARNs, got ${got(i.input)}`,
    },
  ),
  /** Env name → Secrets Manager secret ARN or name; the function gets <NAME>_SECRET_ID. @default {} */
  secrets: z.record(
    pattern(/^[A-Za-z][A-Za-z0-9_]*$/, "an env name (letters, digits, '_')"),
    pattern(SECRET_REF, "a Secrets Manager secret ARN or name"),
    { error: (i) => `must be a map of env name → secret ARN or name, got ${got(i.input)}` },
  ),
}).partial();

/** `platform:budget.aws`. */
export const awsBudgetSchema = section({
  /** Also publish to a KMS-encrypted SNS topic. @default true */
  snsTopic: bool(),
  /** env | app | none: the cost-allocation tag that narrows the budget. @default env */
  labelFilter: oneOf(["env", "app", "none"]),
}).partial();

/** `platform:observability.aws`. */
export const awsObservabilitySchema = section({
  /** Attach the CIS alarms to this existing (organization) trail log group instead of creating a trail. */
  existingTrailLogGroup: pattern(/^[\w#/.-]{1,512}$/, "a CloudWatch Logs group name"),
  /**
   * Burn-rate SLO alarms (metric math + 4 composite alarms, ≈ $3.20/month per service). On dev's
   * sparse traffic a single failed request is a 10 % error ratio, so burn rates are noise there.
   * @default false (dev), true (staging, prod)
   */
  slo: bool(),
  /**
   * A Route 53 HTTPS health check on the public service URL, with its alarm ($2.75/month: $0.75
   * + $2.00 for HTTPS). Its checkers call the function every 30 s from every checker region, so it
   * also keeps a scale-to-zero dev from ever idling (and a database behind the health path awake).
   * @default false (dev), true (staging, prod)
   */
  uptimeCheck: bool(),
}).partial();

/**
 * Fields that mean something only on GCP; written in an AWS stack they are refused with the AWS
 * replacement. (On GCP, the `aws` sub-objects are refused the same way.)
 */
export const GCP_ONLY_FIELDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  kms: {
    protectionLevel: "every AWS KMS key is held in KMS-managed HSMs; for CloudHSM set aws.customKeyStoreId",
    uniqueRingName:
      "AWS KMS has no key ring; a destroyed key waits out aws.deletionWindowDays and the next up creates a new one",
  },
  database: {
    tier: "use aws.instanceClass (rds) or aws.minCapacity/maxCapacity (aurora-serverless)",
    diskType: "RDS storage is gp3; Aurora chooses its own",
    "backups.location": "RDS keeps automated backups in the stack's region",
    "backups.transactionLogRetentionDays":
      "RDS keeps transaction logs for the whole backups.retainedBackups period",
  },
  cache: {
    memorySizeGb: "use aws.nodeType",
    version: "use aws.engine and aws.engineVersion",
  },
  service: {
    ingress: "a Function URL is reached over the internet; use public and aws.invokers",
    invokers: "use aws.invokers (IAM role ARNs)",
    secrets: "use aws.secrets (Secrets Manager ARNs or names)",
    concurrency: "Lambda runs one request per execution environment",
    readinessPath: "Lambda has no startup probe",
    deletionProtection: "Lambda has no deletion protection",
  },
  budget: {
    billingAccount: "AWS Budgets are per account (the stack's aws:allowedAccountIds)",
    pubsubTopic: "use aws.snsTopic",
  },
};

/** Resolved AWS settings per section (present only on cloud aws). */
export interface AwsSettings {
  readonly environment: {
    readonly vpcCidr: string;
    readonly azCount: number;
    readonly vpcEndpoints: readonly string[];
  };
  readonly kms: {
    readonly rotationDays: number;
    readonly deletionWindowDays: number;
    readonly customKeyStoreId?: string;
    readonly multiRegion: boolean;
  };
  readonly database: {
    readonly engine: "rds" | "aurora-serverless";
    readonly instanceClass: string;
    readonly diskSizeGb: number;
    readonly maintenanceHour: number;
    readonly minCapacity: number;
    readonly maxCapacity: number;
    readonly secondsUntilAutoPause: number;
    readonly performanceInsights: boolean;
    readonly monitoringIntervalSeconds: number;
    readonly rotationLambdaArn?: string;
    readonly rotationDays: number;
  };
  readonly cache: {
    readonly mode: "memory" | "elasticache";
    readonly engine: "valkey" | "redis";
    readonly engineVersion: string;
    readonly nodeType: string;
    readonly snapshotRetentionDays: number;
    readonly authRotationDays: number;
  };
  readonly service: {
    readonly architecture: "arm64" | "x86_64";
    readonly cpu?: string;
    readonly stableVersion?: string;
    readonly invokers: readonly string[];
    readonly secrets: Readonly<Record<string, string>>;
  };
  readonly budget: {
    readonly enabled: boolean;
    readonly snsTopic: boolean;
    readonly labelFilter: "env" | "app" | "none";
  };
  readonly observability: {
    readonly existingTrailLogGroup?: string;
    readonly slo: boolean;
    readonly uptimeCheck: boolean;
  };
}

type Raw = Record<string, any> | undefined;

/**
 * Fills in the AWS settings from the raw sections and the profile.
 *
 * @example
 * ```ts
 * resolveAws({ database: { aws: { engine: "rds" } } }, "dev").database.engine; // "rds"
 * ```
 */
export function resolveAws(raw: Readonly<Record<string, Raw>>, profile: Profile): AwsSettings {
  const e = raw["environment"]?.aws ?? {};
  const k = raw["kms"]?.aws ?? {};
  const d = raw["database"] ?? {};
  const da = d.aws ?? {};
  const c = raw["cache"] ?? {};
  const ca = c.aws ?? {};
  const s = raw["service"] ?? {};
  const sa = s.aws ?? {};
  const b = raw["budget"];
  const o = raw["observability"]?.aws ?? {};
  const prod = profile === "prod";
  const engine = da.engine ?? (profile === "dev" ? "aurora-serverless" : "rds");
  const startHour = Number(String(d.backups?.startTime ?? "03:00").slice(0, 2));
  const cacheEngine = ca.engine ?? AWS_CACHE_DEFAULTS.engine;
  return {
    environment: {
      vpcCidr: e.vpcCidr ?? "10.20.0.0/16",
      azCount: e.azCount ?? (prod ? 3 : 2),
      vpcEndpoints: e.vpcEndpoints ?? [],
    },
    kms: {
      rotationDays: raw["kms"]?.rotationDays ?? AWS_ROTATION_DAYS,
      // dev comes and goes: a destroyed key is gone after AWS's shortest window, not a month later.
      deletionWindowDays:
        k.deletionWindowDays ?? (profile === "dev" ? 7 : AWS_KMS_DEFAULTS.deletionWindowDays),
      ...(k.customKeyStoreId !== undefined ? { customKeyStoreId: k.customKeyStoreId } : {}),
      multiRegion: k.multiRegion ?? false,
    },
    database: {
      engine,
      instanceClass:
        da.instanceClass ?? (prod ? "db.r6g.large" : profile === "staging" ? "db.t4g.small" : "db.t4g.micro"),
      diskSizeGb: d.diskSizeGb ?? (prod ? 100 : AWS_PG_LIMITS.storageGb.min),
      // The GCP default maintenance hour (3) meets the default backup window: start an hour after it.
      maintenanceHour: d.maintenanceWindow?.hour ?? (startHour + 1) % 24,
      minCapacity: da.minCapacity ?? (profile === "dev" ? 0 : 0.5),
      maxCapacity: da.maxCapacity ?? (profile === "dev" ? AWS_PG_DEFAULTS.serverless.maxCapacity : 8),
      secondsUntilAutoPause: da.secondsUntilAutoPause ?? AWS_PG_DEFAULTS.serverless.secondsUntilAutoPause,
      performanceInsights: da.performanceInsights ?? true,
      monitoringIntervalSeconds: da.monitoringIntervalSeconds ?? AWS_PG_DEFAULTS.monitoringIntervalSeconds,
      ...(da.rotationLambdaArn !== undefined ? { rotationLambdaArn: da.rotationLambdaArn } : {}),
      rotationDays: da.rotationDays ?? AWS_PG_DEFAULTS.rotationDays,
    },
    cache: {
      mode:
        (c.mode ?? (profile === "dev" ? "memory" : "elasticache")) === "memory" ? "memory" : "elasticache",
      engine: cacheEngine,
      engineVersion: ca.engineVersion ?? AWS_CACHE_VERSIONS[cacheEngine as "valkey" | "redis"],
      nodeType: ca.nodeType ?? (prod ? "cache.t4g.small" : AWS_CACHE_DEFAULTS.nodeType),
      snapshotRetentionDays:
        ca.snapshotRetentionDays ??
        ((c.persistence ?? (profile === "dev" ? "none" : "rdb")) === "none" ? 0 : 7),
      authRotationDays: ca.authRotationDays ?? 30,
    },
    service: {
      architecture: sa.architecture ?? "arm64",
      // Only a written cpu raises Lambda memory (1 vCPU = 1,769 MB); the GCP default "1" would triple it.
      ...(s.cpu !== undefined ? { cpu: String(s.cpu) } : {}),
      ...(sa.stableVersion !== undefined ? { stableVersion: sa.stableVersion } : {}),
      invokers: sa.invokers ?? [],
      secrets: sa.secrets ?? {},
    },
    budget: {
      enabled: b !== undefined && Object.keys(b).length > 0,
      snsTopic: b?.aws?.snsTopic ?? true,
      labelFilter: b?.aws?.labelFilter ?? "env",
    },
    observability: {
      ...(o.existingTrailLogGroup !== undefined ? { existingTrailLogGroup: o.existingTrailLogGroup } : {}),
      // dev: the error, throttle, p95 and URL 5xx alarms stay; burn rates and the synthetic check go.
      slo: o.slo ?? profile !== "dev",
      uptimeCheck: o.uptimeCheck ?? profile !== "dev",
    },
  };
}

/** What the AWS invariants read from the cloud-neutral resolved sections. */
export interface NeutralView {
  readonly raw: Readonly<Record<string, Raw>>;
  readonly database: {
    readonly version: string;
    readonly highAvailability: boolean;
    readonly deletionProtection: boolean;
    readonly backups: {
      readonly enabled: boolean;
      readonly pointInTimeRecovery: boolean;
      readonly retainedBackups: number;
      readonly startTime: string;
    };
  };
  readonly cache: { readonly tier: string; readonly protect: boolean };
  readonly service: {
    readonly image: string;
    readonly memory: string;
    readonly minInstances: number;
    readonly allowScaleToZero: boolean;
    readonly timeoutSeconds: number;
    readonly canary?: unknown;
  };
  readonly budget: {
    readonly amount?: number;
    readonly currency: string;
    readonly thresholds: readonly number[];
    readonly forecastThresholds: readonly number[];
    readonly notifyEmails: readonly string[];
  };
  readonly kms: { readonly protect: boolean };
  readonly observability: { readonly notifyEmails: readonly string[]; readonly auditAlerts: boolean };
}

/**
 * The profile invariants translated for AWS: every message says it is the AWS rule.
 *
 * @example
 * ```ts
 * awsInvariants(aws, view, "prod"); // [{ path: "platform:database.aws.minCapacity", message: "prod (aws) refuses auto-pause …" }]
 * ```
 */
export function awsInvariants(a: AwsSettings, v: NeutralView, profile: Profile): Issue[] {
  const out: Issue[] = [];
  const prod = profile === "prod";
  const push = (path: string, message: string) => out.push({ path, message });
  const written = (section: string, field: string) => v.raw[section]?.[field] !== undefined;
  if (a.kms.rotationDays !== AWS_ROTATION_DAYS)
    push(
      "platform:kms.rotationDays",
      `aws: must be ${AWS_ROTATION_DAYS}: AWS allows 90–2560 days and the platform requires ≤ 90, got ${a.kms.rotationDays}`,
    );
  if (prod && !v.kms.protect)
    push(
      "platform:kms.protect",
      "prod (aws) refuses protect=false on keys (deleting a key loses all data it encrypts)",
    );
  const db = v.database;
  if (!db.backups.enabled)
    push(
      "platform:database.backups.enabled",
      "aws: automated backups cannot be turned off (Aurora always keeps them; RDS replicas and PITR need them), got false",
    );
  else if (v.raw["database"]?.backups?.pointInTimeRecovery === false)
    push(
      "platform:database.backups.pointInTimeRecovery",
      "aws: RDS and Aurora keep point-in-time recovery whenever backups are on; remove pointInTimeRecovery, got false",
    );
  if (db.backups.retainedBackups > AWS_PG_LIMITS.retentionDays.max)
    push(
      "platform:database.backups.retainedBackups",
      `aws: must be 1–35 (days of RDS automated backups), got ${db.backups.retainedBackups}`,
    );
  if (a.database.engine === "rds" && a.database.diskSizeGb < AWS_PG_LIMITS.storageGb.min)
    push(
      "platform:database.diskSizeGb",
      `aws: rds gp3 storage must be 20–65536 GB, got ${a.database.diskSizeGb}`,
    );
  if (a.database.maxCapacity < a.database.minCapacity)
    push(
      "platform:database.aws.maxCapacity",
      `aws: must be ≥ minCapacity (${a.database.minCapacity}), got ${a.database.maxCapacity}`,
    );
  if (a.database.minCapacity * 2 !== Math.round(a.database.minCapacity * 2))
    push(
      "platform:database.aws.minCapacity",
      `aws: ACUs come in steps of 0.5, got ${a.database.minCapacity}`,
    );
  if (windowsOverlap(db.backups.startTime, a.database.maintenanceHour))
    push(
      "platform:database.maintenanceWindow.hour",
      `aws: overlaps the one-hour backup window from ${db.backups.startTime} (RDS refuses overlapping windows), got ${a.database.maintenanceHour}`,
    );
  const pinned = (AWS_ENGINE_VERSIONS as Readonly<Record<string, { aurora: string | undefined }>>)[
    db.version
  ];
  if (a.database.engine === "aurora-serverless" && pinned !== undefined && pinned.aurora === undefined) {
    const aurora = Object.entries(AWS_ENGINE_VERSIONS)
      .filter(([, x]) => x.aurora !== undefined)
      .map(([k, x]) => `${k} (${x.aurora})`);
    push(
      "platform:database.version",
      `aws: aurora-serverless has no pinned Aurora PostgreSQL version for ${db.version}; use one of ${aurora.join(", ")}, or aws.engine: rds, got ${db.version}`,
    );
  }
  if (written("database", "diskSizeGb") && a.database.engine === "aurora-serverless")
    push(
      "platform:database.diskSizeGb",
      "aws: Aurora storage grows by itself; remove diskSizeGb or use aws.engine: rds",
    );
  if (prod) {
    if (!db.highAvailability)
      push(
        "platform:database.highAvailability",
        "prod (aws) requires Multi-AZ (a standby or reader in a second AZ), got false",
      );
    if (!db.deletionProtection)
      push("platform:database.deletionProtection", "prod (aws) requires deletion protection, got false");
    if (db.backups.retainedBackups < 7)
      push(
        "platform:database.backups.retainedBackups",
        `prod (aws) requires at least 7 days, got ${db.backups.retainedBackups}`,
      );
    if (a.database.engine === "aurora-serverless" && a.database.minCapacity === 0)
      push(
        "platform:database.aws.minCapacity",
        "prod (aws) refuses auto-pause (minCapacity 0: the first query after a pause waits ~15 s), got 0",
      );
    if (a.database.engine === "rds" && /^db\.t\d/.test(a.database.instanceClass))
      push(
        "platform:database.aws.instanceClass",
        `prod (aws) refuses burstable db.t* classes (CPU credits run out under load), got "${a.database.instanceClass}"`,
      );
  }
  if (v.raw["cache"]?.mode === "memorystore")
    push(
      "platform:cache.mode",
      'aws: memorystore is the GCP cache; use "elasticache" (or "memory"), got "memorystore"',
    );
  if (prod && a.cache.mode !== "elasticache")
    push(
      "platform:cache.mode",
      `prod (aws) requires "elasticache" (an in-process cache is per instance and lost on restart), got "${a.cache.mode}"`,
    );
  if (prod && a.cache.mode === "elasticache" && v.cache.tier !== "STANDARD_HA")
    push(
      "platform:cache.tier",
      `prod (aws) requires "STANDARD_HA" (Multi-AZ with automatic failover), got "${v.cache.tier}"`,
    );
  if (prod && !v.cache.protect)
    push("platform:cache.protect", "prod (aws) refuses protect=false on the cache, got false");
  const svc = v.service;
  if (
    !/^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com\/[a-z0-9._/-]+(:[\w.-]{1,128}|@sha256:[a-f0-9]{64})$/.test(
      svc.image,
    )
  )
    push(
      "platform:service.image",
      `aws: Lambda runs container images from ECR only (<account>.dkr.ecr.<region>.amazonaws.com/<repo>:<tag>), got "${svc.image}"`,
    );
  if (svc.timeoutSeconds > LAMBDA_LIMITS.maxTimeoutSeconds)
    push("platform:service.timeoutSeconds", `aws: Lambda allows at most 900 s, got ${svc.timeoutSeconds}`);
  if (lambdaMemoryMb(a.service.cpu, svc.memory) === undefined)
    push(
      a.service.cpu !== undefined ? "platform:service.cpu" : "platform:service.memory",
      `aws: Lambda gives 128–10240 MB and 1 vCPU per 1769 MB (at most 6 vCPU), got cpu ${got(a.service.cpu)} with memory ${got(svc.memory)}`,
    );
  if (svc.canary !== undefined && a.service.stableVersion === undefined)
    push(
      "platform:service.aws.stableVersion",
      "aws: is required with canary: the published version that keeps the rest of the traffic",
    );
  if (prod && svc.minInstances === 0 && !svc.allowScaleToZero)
    push(
      "platform:service.minInstances",
      "prod (aws) requires at least 1 provisioned-concurrency instance, got 0 (set allowScaleToZero: true to accept cold starts)",
    );
  if (a.budget.enabled) {
    if (v.budget.currency !== "USD")
      push("platform:budget.currency", `aws: AWS Budgets are in USD, got "${v.budget.currency}"`);
    if (v.budget.amount === undefined)
      push(
        "platform:budget.amount",
        `is required in ${profile} (only dev has a default, 20); must be an amount > 0`,
      );
    if (v.budget.thresholds.length + v.budget.forecastThresholds.length > 5)
      push(
        "platform:budget.thresholds",
        `aws: AWS Budgets allows 5 notifications per budget, got ${v.budget.thresholds.length + v.budget.forecastThresholds.length} thresholds`,
      );
    if (v.budget.thresholds.length + v.budget.forecastThresholds.length === 0)
      push(
        "platform:budget.thresholds",
        "thresholds and forecastThresholds are both empty; give at least one fraction such as [0.9]",
      );
    if (v.budget.notifyEmails.length === 0 && !a.budget.snsTopic)
      push(
        "platform:budget.notifyEmails",
        "aws: nobody would be notified: give notifyEmails or keep aws.snsTopic: true",
      );
  }
  if (prod && v.observability.notifyEmails.length === 0)
    push(
      "platform:observability.notifyEmails",
      "prod (aws) requires at least one alert recipient (an email address), got none",
    );
  if (prod && !v.observability.auditAlerts)
    push(
      "platform:observability.auditAlerts",
      "prod (aws) requires true (a multi-Region CloudTrail and the CIS AWS 4.1–4.15 log-metric alarms), got false",
    );
  return out;
}
