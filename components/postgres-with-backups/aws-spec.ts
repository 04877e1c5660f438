import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import type * as random from "@pulumi/random";
import type { AwsContext } from "../shared/context";
import { PlatformError, show } from "../shared/errors";
import type { Transform } from "../shared/transform";
import { PostgresVersion, type MaintenanceWindowArgs } from "./spec";

/** The two AWS shapes of the concept: an RDS instance, or Aurora Serverless v2 (scales to 0 ACU). */
export const AwsPostgresEngine = { rds: "rds", auroraServerless: "aurora-serverless" } as const;
/** An AWS PostgreSQL shape. */
export type AwsPostgresEngine = (typeof AwsPostgresEngine)[keyof typeof AwsPostgresEngine];

/**
 * Engine versions per major (Aurora needs a full version; RDS takes the major and picks the minor).
 * `aurora: undefined`: no Aurora PostgreSQL version is pinned for that major yet (RDS only).
 */
export const AWS_ENGINE_VERSIONS: Readonly<
  Record<
    PostgresVersion,
    { readonly rds: string; readonly aurora: string | undefined; readonly family: string }
  >
> = {
  POSTGRES_15: { rds: "15", aurora: "15.10", family: "15" },
  POSTGRES_16: { rds: "16", aurora: "16.6", family: "16" },
  POSTGRES_17: { rds: "17", aurora: "17.4", family: "17" },
  POSTGRES_18: { rds: "18", aurora: undefined, family: "18" },
};

/** RDS limits the AWS validators enforce. */
export const AWS_PG_LIMITS = {
  retentionDays: { min: 1, max: 35 },
  storageGb: { min: 20, max: 65536 },
  acu: { min: 0, max: 256 },
  autoPauseSeconds: { min: 300, max: 86400 },
  readReplicas: { max: 5 },
} as const;

/** Enhanced Monitoring intervals RDS accepts (0 = off). */
export const MONITORING_INTERVALS = [0, 1, 5, 10, 15, 30, 60] as const;

/**
 * The CIS / Checkov logging parameters on RDS and Aurora PostgreSQL, plus `rds.force_ssl=1`
 * (CKV2_AWS_69: TLS only). `log_min_duration_statement=-1` keeps statements (and the personal data
 * in them) out of logs; pgaudit logs DDL and role changes (needs `shared_preload_libraries`, applied
 * at the next reboot).
 */
export const AWS_PG_PARAMETERS = [
  { name: "rds.force_ssl", value: "1" },
  { name: "log_connections", value: "1" },
  { name: "log_disconnections", value: "1" },
  { name: "log_min_duration_statement", value: "-1" },
  { name: "log_statement", value: "ddl" },
  { name: "log_min_messages", value: "warning" },
  { name: "log_min_error_statement", value: "error" },
  { name: "log_error_verbosity", value: "default" },
  { name: "log_checkpoints", value: "1" },
  { name: "log_lock_waits", value: "1" },
  { name: "log_temp_files", value: "0" },
  { name: "shared_preload_libraries", value: "pg_stat_statements,pgaudit", applyMethod: "pending-reboot" },
  { name: "pgaudit.log", value: "ddl,role" },
] as const;

/** Where the database lives: the network's VPC and private subnets. */
export interface AwsDataNetwork {
  readonly vpcId: pulumi.Input<string>;
  readonly subnetIds: readonly pulumi.Input<string>[];
}

/**
 * Arguments of {@link AwsPostgresWithBackups}.
 *
 * @example
 * ```ts
 * const args: AwsPostgresWithBackupsArgs = { ctx, network: { vpcId: net.vpcId, subnetIds: net.subnetIds },
 *   engine: "rds", instanceClass: "db.r6g.large", highAvailability: true, readReplicas: 1, kmsKeyArn };
 * ```
 */
export interface AwsPostgresWithBackupsArgs {
  readonly ctx: AwsContext;
  readonly network: AwsDataNetwork;
  /** @default "rds" */
  readonly engine?: AwsPostgresEngine;
  /** @default "POSTGRES_17" */
  readonly version?: PostgresVersion;
  /** RDS instance class (rds engine). @default "db.t4g.small" */
  readonly instanceClass?: string;
  /** Multi-AZ standby (rds) or a reader in a second AZ (Aurora). @default true */
  readonly highAvailability?: boolean;
  /** gp3 storage in GB, 20–65536, autoscaling to 10×; rds engine only. @default 20 */
  readonly diskSizeGb?: number;
  /** Read replicas (rds) or extra readers (Aurora), 0–5. Readers share the cluster's credentials. @default 0 */
  readonly readReplicas?: number;
  /** RDS deletion protection, Pulumi `protect` and a final snapshot. @default true */
  readonly deletionProtection?: boolean;
  /** Automated backups (PITR follows them): retention 1–35 days and a daily UTC window start. @default { retentionDays: 7, startTime: "03:00" } */
  readonly backups?: { readonly retentionDays?: number; readonly startTime?: string };
  /** Weekly maintenance (UTC), must not overlap the backup hour. @default { day: 7, hour: 4 } */
  readonly maintenanceWindow?: MaintenanceWindowArgs;
  /** Aurora Serverless v2 capacity: minCapacity 0 pauses after `secondsUntilAutoPause`. @default { minCapacity: 0, maxCapacity: 2, secondsUntilAutoPause: 900 } */
  readonly serverless?: {
    readonly minCapacity?: number;
    readonly maxCapacity?: number;
    readonly secondsUntilAutoPause?: number;
  };
  /** Aurora Data API, so a Lambda outside the VPC can query with IAM + the secret. @default true for Aurora */
  readonly dataApi?: boolean;
  /** CMK for storage, Performance Insights, the secret and the log group. @default AWS-managed keys (refused in prod) */
  readonly kmsKeyArn?: pulumi.Input<string>;
  /** IAM database authentication. @default true */
  readonly iamAuth?: boolean;
  /** Performance Insights (7 days, encrypted with the CMK). @default true */
  readonly performanceInsights?: boolean;
  /** Enhanced Monitoring interval in seconds (0 = off). @default 60 */
  readonly monitoringIntervalSeconds?: (typeof MONITORING_INTERVALS)[number];
  /**
   * Rotate the master secret every `days` (default 30). Without `lambdaArn`, the component deploys
   * AWS's SecretsManagerRDSPostgreSQLRotationSingleUser from the Serverless Application Repository
   * into the database's private subnets, with a security group that reaches only PostgreSQL and
   * the Secrets Manager interface endpoint (`endpointSecurityGroupId`: the VPC has no NAT).
   * @default none
   */
  readonly rotation?: {
    readonly lambdaArn?: pulumi.Input<string>;
    readonly days?: number;
    readonly endpointSecurityGroupId?: pulumi.Input<string>;
  };
  /** PostgreSQL log retention in CloudWatch Logs. @default 30 (dev), 90 (staging), 365 (prod) */
  readonly logRetentionDays?: number;
  /** @default ctx.app */
  readonly databaseName?: string;
  /** The IAM-authenticated application user a linked service connects as. @default `${ctx.app}_app` */
  readonly userName?: string;
  /** Extra parameters, overriding the CIS defaults by name. @default [] */
  readonly parameters?: readonly { name: string; value: string }[];
  readonly transform?: {
    instance?: Transform<aws.rds.InstanceArgs>;
    replica?: Transform<aws.rds.InstanceArgs>;
    cluster?: Transform<aws.rds.ClusterArgs>;
    clusterInstance?: Transform<aws.rds.ClusterInstanceArgs>;
    securityGroup?: Transform<aws.ec2.SecurityGroupArgs>;
    secret?: Transform<aws.secretsmanager.SecretArgs>;
    password?: Transform<random.RandomPasswordArgs>;
  };
}

/** Defaults of {@link AwsPostgresWithBackupsArgs}. */
export const AWS_PG_DEFAULTS = {
  engine: AwsPostgresEngine.rds,
  version: PostgresVersion.POSTGRES_17,
  instanceClass: "db.t4g.small",
  highAvailability: true,
  diskSizeGb: 20,
  readReplicas: 0,
  deletionProtection: true,
  backups: { retentionDays: 7, startTime: "03:00" },
  maintenanceWindow: { day: 7, hour: 4 },
  serverless: { minCapacity: 0, maxCapacity: 2, secondsUntilAutoPause: 900 },
  iamAuth: true,
  performanceInsights: true,
  monitoringIntervalSeconds: 60,
  rotationDays: 30,
  logRetentionDays: { dev: 30, staging: 90, prod: 365 },
} as const;

/** Resolved settings. */
export interface AwsPostgresSpec {
  readonly engine: AwsPostgresEngine;
  readonly engineVersion: string;
  readonly family: string;
  readonly instanceClass: string;
  readonly highAvailability: boolean;
  readonly diskSizeGb: number;
  readonly readReplicas: number;
  readonly deletionProtection: boolean;
  readonly retentionDays: number;
  /** `HH:MM-HH:MM` UTC. */
  readonly backupWindow: string;
  /** `ddd:HH:MM-ddd:HH:MM` UTC. */
  readonly maintenanceWindow: string;
  readonly serverless: {
    readonly minCapacity: number;
    readonly maxCapacity: number;
    readonly secondsUntilAutoPause: number;
  };
  readonly dataApi: boolean;
  readonly iamAuth: boolean;
  readonly performanceInsights: boolean;
  readonly monitoringIntervalSeconds: number;
  readonly logRetentionDays: number;
  readonly databaseName: string;
  readonly userName: string;
  readonly parameters: readonly { name: string; value: string; applyMethod?: string }[];
}

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/**
 * RDS window strings: a one-hour daily backup window from `HH:MM`, and a one-hour weekly
 * maintenance window (day 1 = Monday … 7 = Sunday).
 *
 * @example
 * ```ts
 * rdsWindows("03:00", { day: 7, hour: 4 }); // { backup: "03:00-04:00", maintenance: "sun:04:00-sun:05:00" }
 * ```
 */
export function rdsWindows(
  startTime: string,
  mw: MaintenanceWindowArgs,
): { backup: string; maintenance: string } {
  const [h, m] = startTime.split(":").map(Number) as [number, number];
  const pad = (n: number) => String(n).padStart(2, "0");
  const end = `${pad((h + 1) % 24)}:${pad(m)}`;
  const day = DAYS[(mw.day - 1 + 7) % 7]!;
  const endDay = mw.hour === 23 ? DAYS[mw.day % 7]! : day;
  return {
    backup: `${startTime}-${end}`,
    maintenance: `${day}:${pad(mw.hour)}:00-${endDay}:${pad((mw.hour + 1) % 24)}:00`,
  };
}

/**
 * True when a one-hour backup window from `HH:MM` and a one-hour maintenance window from `hour:00`
 * intersect on the maintenance day (both wrap at midnight).
 *
 * @example
 * ```ts
 * windowsOverlap("03:30", 4); // true
 * windowsOverlap("03:00", 4); // false
 * ```
 */
export function windowsOverlap(startTime: string, hour: number): boolean {
  const [h, m] = startTime.split(":").map(Number) as [number, number];
  const b = h * 60 + m;
  const w = hour * 60;
  return [-1440, 0, 1440].some((shift) => b + shift < w + 60 && w < b + shift + 60);
}

/**
 * Every AWS rule on the arguments; returns the problems (pure).
 *
 * @example
 * ```ts
 * validateAwsPostgres({ ...spec, retentionDays: 40 }); // ["backups.retentionDays must be 1–35 (RDS keeps automated backups at most 35 days), got 40"]
 * ```
 */
export function validateAwsPostgres(
  s: AwsPostgresSpec & { readonly startTime: string; readonly window: MaintenanceWindowArgs },
): string[] {
  const p: string[] = [];
  if (!Object.values(AwsPostgresEngine).includes(s.engine))
    p.push(`engine must be one of ${Object.values(AwsPostgresEngine).join(" | ")}, got ${show(s.engine)}`);
  if (s.engine === "rds" && !/^db\.[a-z0-9]+\.[a-z0-9]+$/.test(s.instanceClass))
    p.push(
      `instanceClass must be an RDS class such as db.t4g.small or db.r6g.large, got ${show(s.instanceClass)}`,
    );
  const L = AWS_PG_LIMITS;
  if (
    !Number.isInteger(s.retentionDays) ||
    s.retentionDays < L.retentionDays.min ||
    s.retentionDays > L.retentionDays.max
  )
    p.push(
      `backups.retentionDays must be 1–35 (RDS keeps automated backups at most 35 days), got ${show(s.retentionDays)}`,
    );
  if (
    s.engine === "rds" &&
    (!Number.isInteger(s.diskSizeGb) || s.diskSizeGb < L.storageGb.min || s.diskSizeGb > L.storageGb.max)
  )
    p.push(`diskSizeGb must be an integer 20–65536 (gp3), got ${show(s.diskSizeGb)}`);
  if (!Number.isInteger(s.readReplicas) || s.readReplicas < 0 || s.readReplicas > L.readReplicas.max)
    p.push(`readReplicas must be an integer 0–5, got ${show(s.readReplicas)}`);
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(s.startTime))
    p.push(`backups.startTime must be a UTC time HH:MM, got ${show(s.startTime)}`);
  const { day, hour } = s.window;
  if (!Number.isInteger(day) || day < 1 || day > 7)
    p.push(`maintenanceWindow.day must be 1–7 (Monday–Sunday), got ${show(day)}`);
  if (!Number.isInteger(hour) || hour < 0 || hour > 23)
    p.push(`maintenanceWindow.hour must be 0–23, got ${show(hour)}`);
  const windowsValid =
    /^([01]\d|2[0-3]):[0-5]\d$/.test(s.startTime) && Number.isInteger(hour) && hour >= 0 && hour <= 23;
  if (windowsValid && windowsOverlap(s.startTime, hour))
    p.push(
      `maintenanceWindow.hour ${hour} overlaps the backup window ${s.backupWindow} (RDS refuses overlapping windows)`,
    );
  if (s.engine === "aurora-serverless") {
    const v = s.serverless;
    const half = (x: number) => Number.isFinite(x) && Math.round(x * 2) === x * 2;
    if (!half(v.minCapacity) || v.minCapacity < 0 || v.minCapacity > 256)
      p.push(`serverless.minCapacity must be 0–256 ACU in steps of 0.5, got ${show(v.minCapacity)}`);
    if (!half(v.maxCapacity) || v.maxCapacity < 1 || v.maxCapacity > 256)
      p.push(`serverless.maxCapacity must be 1–256 ACU in steps of 0.5, got ${show(v.maxCapacity)}`);
    if (v.maxCapacity < v.minCapacity)
      p.push(`serverless.maxCapacity (${v.maxCapacity}) must be ≥ minCapacity (${v.minCapacity})`);
    const a = v.secondsUntilAutoPause;
    if (!Number.isInteger(a) || a < L.autoPauseSeconds.min || a > L.autoPauseSeconds.max)
      p.push(`serverless.secondsUntilAutoPause must be 300–86400, got ${show(a)}`);
  } else if (s.dataApi) {
    p.push("dataApi needs engine aurora-serverless (RDS instances have no Data API)");
  }
  if (!(MONITORING_INTERVALS as readonly number[]).includes(s.monitoringIntervalSeconds))
    p.push(
      `monitoringIntervalSeconds must be one of ${MONITORING_INTERVALS.join(", ")}, got ${show(s.monitoringIntervalSeconds)}`,
    );
  for (const [f, v] of [
    ["databaseName", s.databaseName],
    ["userName", s.userName],
  ] as const)
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(v)) p.push(`${f} must be a lowercase identifier, got ${show(v)}`);
  return p;
}

/**
 * Applies defaults and validates; throws one {@link PlatformError} listing every problem.
 *
 * @example
 * ```ts
 * normalizeAwsPostgres("db", { ctx, network, backups: { retentionDays: 0 } }); // PlatformError: PostgresWithBackups 'db': backups.retentionDays must be 1–35 …
 * ```
 */
export function normalizeAwsPostgres(
  name: string,
  args: Omit<AwsPostgresWithBackupsArgs, "network" | "transform">,
): AwsPostgresSpec {
  const D = AWS_PG_DEFAULTS;
  const engine = args.engine ?? D.engine;
  const version = args.version ?? D.version;
  const versions = AWS_ENGINE_VERSIONS[version];
  const startTime = args.backups?.startTime ?? D.backups.startTime;
  const window = args.maintenanceWindow ?? D.maintenanceWindow;
  const windows = rdsWindows(/^\d\d:\d\d$/.test(startTime) ? startTime : "03:00", window);
  const app = args.ctx.app.replace(/-/g, "_");
  const extra = args.parameters ?? [];
  const spec: AwsPostgresSpec = {
    engine,
    engineVersion: versions ? ((engine === "rds" ? versions.rds : versions.aurora) ?? "") : "",
    family: versions
      ? engine === "rds"
        ? `postgres${versions.family}`
        : `aurora-postgresql${versions.family}`
      : "",
    instanceClass: args.instanceClass ?? D.instanceClass,
    highAvailability: args.highAvailability ?? D.highAvailability,
    diskSizeGb: args.diskSizeGb ?? D.diskSizeGb,
    readReplicas: args.readReplicas ?? D.readReplicas,
    deletionProtection: args.deletionProtection ?? D.deletionProtection,
    retentionDays: args.backups?.retentionDays ?? D.backups.retentionDays,
    backupWindow: windows.backup,
    maintenanceWindow: windows.maintenance,
    serverless: { ...D.serverless, ...(args.serverless ?? {}) },
    dataApi: args.dataApi ?? engine === "aurora-serverless",
    iamAuth: args.iamAuth ?? D.iamAuth,
    performanceInsights: args.performanceInsights ?? D.performanceInsights,
    monitoringIntervalSeconds: args.monitoringIntervalSeconds ?? D.monitoringIntervalSeconds,
    logRetentionDays: args.logRetentionDays ?? D.logRetentionDays[args.ctx.profile],
    databaseName: args.databaseName ?? app,
    userName: args.userName ?? `${app}_app`,
    parameters: [...AWS_PG_PARAMETERS.filter((d) => !extra.some((e) => e.name === d.name)), ...extra],
  };
  const problems = [
    ...(versions
      ? []
      : [`version must be one of ${Object.values(PostgresVersion).join(" | ")}, got ${show(version)}`]),
    ...(versions && engine !== "rds" && versions.aurora === undefined
      ? [
          `version ${version} is RDS only (no Aurora PostgreSQL version pinned); use engine "rds" or an older version`,
        ]
      : []),
    ...validateAwsPostgres({ ...spec, startTime, window }),
  ];
  if (
    args.rotation?.days !== undefined &&
    (!Number.isInteger(args.rotation.days) || args.rotation.days < 1 || args.rotation.days > 365)
  )
    problems.push(`rotation.days must be 1–365, got ${show(args.rotation.days)}`);
  if (problems.length > 0) throw new PlatformError(`PostgresWithBackups '${name}': ${problems.join("; ")}`);
  return spec;
}
