import type * as gcp from "@pulumi/gcp";
import type * as pulumi from "@pulumi/pulumi";
import type * as random from "@pulumi/random";
import { PlatformError, show } from "../shared/errors";
import type { Transform } from "../shared/transform";
import { parseTier } from "./tiers";

/**
 * Every PostgreSQL major version Cloud SQL offers, oldest first (the last one is the latest). The one
 * place the guards (CKV_GCP_79), the config schema and the component read versions from; update it
 * when Cloud SQL adds a major. Source: https://cloud.google.com/sql/docs/postgres/db-versions
 * (checked 2026-12-01: 9.6 and 10–18; 9.6–13 are in extended support).
 *
 * @example
 * ```ts
 * CLOUD_SQL_POSTGRES_VERSIONS.at(-1); // "POSTGRES_18"
 * ```
 */
export const CLOUD_SQL_POSTGRES_VERSIONS = [
  "POSTGRES_9_6",
  "POSTGRES_10",
  "POSTGRES_11",
  "POSTGRES_12",
  "POSTGRES_13",
  "POSTGRES_14",
  "POSTGRES_15",
  "POSTGRES_16",
  "POSTGRES_17",
  "POSTGRES_18",
] as const;

/**
 * The newest PostgreSQL major Cloud SQL offers.
 *
 * @example
 * ```ts
 * databaseVersion === LATEST_POSTGRES_VERSION; // "POSTGRES_18"
 * ```
 */
export const LATEST_POSTGRES_VERSION = "POSTGRES_18" satisfies (typeof CLOUD_SQL_POSTGRES_VERSIONS)[number];

/** The PostgreSQL majors the platform deploys: Cloud SQL's versions in standard support. */
export const PostgresVersion = {
  POSTGRES_15: "POSTGRES_15",
  POSTGRES_16: "POSTGRES_16",
  POSTGRES_17: "POSTGRES_17",
  POSTGRES_18: "POSTGRES_18",
} as const satisfies Record<string, (typeof CLOUD_SQL_POSTGRES_VERSIONS)[number]>;
/** A supported PostgreSQL version. */
export type PostgresVersion = (typeof PostgresVersion)[keyof typeof PostgresVersion];
/**
 * The supported versions as a list, oldest first.
 *
 * @example
 * ```ts
 * POSTGRES_VERSIONS.join(" | "); // "POSTGRES_15 | POSTGRES_16 | POSTGRES_17 | POSTGRES_18"
 * ```
 */
export const POSTGRES_VERSIONS = Object.values(PostgresVersion) as [PostgresVersion, ...PostgresVersion[]];

/** TLS enforcement for client connections; ALLOW_UNENCRYPTED_AND_ENCRYPTED is deliberately absent. */
export const SslMode = {
  ENCRYPTED_ONLY: "ENCRYPTED_ONLY",
  TRUSTED_CLIENT_CERTIFICATE_REQUIRED: "TRUSTED_CLIENT_CERTIFICATE_REQUIRED",
} as const;
/** An allowed SSL mode. */
export type SslMode = (typeof SslMode)[keyof typeof SslMode];

/**
 * The CIS / Checkov / trivy PostgreSQL logging flags (security reference rows 15–27), set explicitly
 * because several scanners only pass on an explicit value. `log_min_duration_statement=-1` keeps
 * statements (and the personal data inside them) out of logs.
 */
export const CIS_DATABASE_FLAGS = [
  { name: "log_connections", value: "on" }, // CKV_GCP_52 / AVD-GCP-0016 / CIS 6.2.2
  { name: "log_disconnections", value: "on" }, // CKV_GCP_53 / AVD-GCP-0022 / CIS 6.2.3
  { name: "log_min_duration_statement", value: "-1" }, // CKV_GCP_57 / AVD-GCP-0021 / CIS 6.2.7
  { name: "cloudsql.enable_pgaudit", value: "on" }, // CKV_GCP_110 / CIS 6.2.8
  { name: "log_statement", value: "ddl" }, // CKV_GCP_111 / CIS 6.2.4
  { name: "log_min_messages", value: "warning" }, // CKV_GCP_55 / CIS 6.2.5
  { name: "log_min_error_statement", value: "error" }, // CKV_GCP_109 / AVD-GCP-0018 / CIS 6.2.6
  { name: "log_error_verbosity", value: "default" }, // CIS 6.2.1
  { name: "log_checkpoints", value: "on" }, // CKV_GCP_51 / AVD-GCP-0025
  { name: "log_lock_waits", value: "on" }, // CKV_GCP_54 / AVD-GCP-0020
  { name: "log_temp_files", value: "0" }, // CKV_GCP_56 / AVD-GCP-0014
  { name: "log_hostname", value: "on" }, // CKV_GCP_108
  { name: "log_duration", value: "on" }, // CKV2_GCP_13
  { name: "log_executor_stats", value: "off" }, // CKV2_GCP_14
  { name: "log_parser_stats", value: "off" }, // CKV2_GCP_15
  { name: "log_planner_stats", value: "off" }, // CKV2_GCP_16
  { name: "log_statement_stats", value: "off" }, // CKV2_GCP_17
] as const;

/** Automated backup settings. */
export interface BackupArgs {
  /** Daily automated backups. @default true */
  readonly enabled?: boolean;
  /** Point-in-time recovery (WAL archiving); needs backups. @default true */
  readonly pointInTimeRecovery?: boolean;
  /** Number of automated backups kept, 1–365. @default 7 (dev), 14 (staging), 30 (prod) */
  readonly retainedBackups?: number;
  /** Days of transaction logs kept for PITR, 1–7. @default 7 */
  readonly transactionLogRetentionDays?: number;
  /** Backup window start, UTC `HH:MM`. @default "03:00" */
  readonly startTime?: string;
  /** Backup location (region or multi-region, e.g. `eu`). @default Cloud SQL's choice (the nearest multi-region) */
  readonly location?: string;
}

/** A weekly one-hour maintenance window (UTC). */
export interface MaintenanceWindowArgs {
  /** 1 = Monday … 7 = Sunday. @default 7 */
  readonly day: number;
  /** Hour of day, 0–23 UTC. @default 3 */
  readonly hour: number;
}

/**
 * Cloud SQL disk types.
 *
 * @example
 * ```ts
 * (POSTGRES_DISK_TYPES as readonly string[]).includes("PD_HDD"); // true
 * ```
 */
export const POSTGRES_DISK_TYPES = ["PD_SSD", "PD_HDD"] as const;
/** One of {@link POSTGRES_DISK_TYPES}. */
export type PostgresDiskType = (typeof POSTGRES_DISK_TYPES)[number];

/**
 * Arguments of {@link PostgresWithBackups}.
 *
 * @example
 * ```ts
 * const args: PostgresWithBackupsArgs = { ctx, network: net.networkId, privateServiceAccess: net.privateServiceAccess,
 *   tier: "db-custom-2-7680", highAvailability: true, kmsKeyId: kms.keyIds["data"] };
 * ```
 */
export interface PostgresWithBackupsArgs {
  readonly ctx: import("../shared/context").PlatformContext;
  /** VPC self link or id for the private IP. */
  readonly network: pulumi.Input<string>;
  /** Resources that must exist before the instance (the Private Service Access connection). @default [] */
  readonly dependsOn?: pulumi.Input<pulumi.Resource>[];
  /** @default "POSTGRES_17" */
  readonly version?: PostgresVersion;
  /** Machine tier (`db-f1-micro`, `db-custom-2-7680`, …). @default "db-custom-1-3840" */
  readonly tier?: string;
  /** REGIONAL availability (synchronous standby in a second zone). @default true */
  readonly highAvailability?: boolean;
  /** Disk size in GB (grows automatically). @default 20 */
  readonly diskSizeGb?: number;
  /**
   * Disk type. PD_HDD costs about half ($0.09 vs $0.17 per GB-month) and suits a low-traffic dev
   * database; it cannot be changed in place (Cloud SQL recreates the instance). @default "PD_SSD"
   */
  readonly diskType?: PostgresDiskType;
  /** Upper bound for automatic growth in GB; 0 = unlimited. @default 10 × diskSizeGb */
  readonly diskAutoresizeLimitGb?: number;
  /** Read replicas, 0–5. @default 0 */
  readonly readReplicas?: number;
  /** Cloud SQL deletion protection and Pulumi `protect`. @default true */
  readonly deletionProtection?: boolean;
  readonly maintenanceWindow?: MaintenanceWindowArgs;
  readonly backups?: BackupArgs;
  /** @default "ENCRYPTED_ONLY" */
  readonly sslMode?: SslMode;
  /** CMEK key id (from KmsKeyRing.keyIds); undefined = Google-managed keys (refused in prod). */
  readonly kmsKeyId?: pulumi.Input<string>;
  /** Database name. @default ctx.app */
  readonly databaseName?: string;
  /** Application user name. @default `${ctx.app}_app` */
  readonly userName?: string;
  /** Query insights (without client addresses). @default true */
  readonly queryInsights?: boolean;
  /** Keep a final backup for this many days when the instance is deleted. @default 30 */
  readonly finalBackupRetentionDays?: number;
  /** Extra database flags (override the CIS defaults by name). @default [] */
  readonly databaseFlags?: readonly { name: string; value: string }[];
  readonly transform?: {
    instance?: Transform<gcp.sql.DatabaseInstanceArgs>;
    replica?: Transform<gcp.sql.DatabaseInstanceArgs>;
    database?: Transform<gcp.sql.DatabaseArgs>;
    user?: Transform<gcp.sql.UserArgs>;
    password?: Transform<random.RandomPasswordArgs>;
    secret?: Transform<gcp.secretmanager.SecretArgs>;
    secretVersion?: Transform<gcp.secretmanager.SecretVersionArgs>;
  };
}

/** Defaults of {@link PostgresWithBackupsArgs}. */
export const DEFAULTS = {
  version: PostgresVersion.POSTGRES_17,
  tier: "db-custom-1-3840",
  highAvailability: true,
  diskSizeGb: 20,
  diskType: "PD_SSD",
  readReplicas: 0,
  deletionProtection: true,
  maintenanceWindow: { day: 7, hour: 3 },
  backups: {
    enabled: true,
    pointInTimeRecovery: true,
    retainedBackups: 7,
    transactionLogRetentionDays: 7,
    startTime: "03:00",
  },
  sslMode: SslMode.ENCRYPTED_ONLY,
  queryInsights: true,
  finalBackupRetentionDays: 30,
} as const;

/** Fully resolved settings (defaults applied, validated). */
export interface PostgresSpec {
  readonly version: PostgresVersion;
  readonly tier: string;
  readonly highAvailability: boolean;
  readonly diskSizeGb: number;
  readonly diskType: PostgresDiskType;
  readonly diskAutoresizeLimitGb: number;
  readonly readReplicas: number;
  readonly deletionProtection: boolean;
  readonly maintenanceWindow: MaintenanceWindowArgs;
  readonly backups: Required<Omit<BackupArgs, "location">> & { location?: string };
  readonly sslMode: SslMode;
  readonly databaseName: string;
  readonly userName: string;
  readonly queryInsights: boolean;
  readonly finalBackupRetentionDays: number;
  readonly databaseFlags: readonly { name: string; value: string }[];
}

/**
 * Applies defaults and validates; throws one {@link PlatformError} listing every problem.
 *
 * @example
 * ```ts
 * normalizePostgresArgs("db", { ctx, network, tier: "db-custom-3-1" }); // throws: tier: vCPUs must be 1 or an even number…
 * ```
 */
export function normalizePostgresArgs(
  name: string,
  args: Omit<PostgresWithBackupsArgs, "network" | "ctx"> & { ctx: { app: string } },
): PostgresSpec {
  const b = args.backups ?? {};
  const enabled = b.enabled ?? DEFAULTS.backups.enabled;
  const spec: PostgresSpec = {
    version: args.version ?? DEFAULTS.version,
    tier: args.tier ?? DEFAULTS.tier,
    highAvailability: args.highAvailability ?? DEFAULTS.highAvailability,
    diskSizeGb: args.diskSizeGb ?? DEFAULTS.diskSizeGb,
    diskType: args.diskType ?? DEFAULTS.diskType,
    diskAutoresizeLimitGb: args.diskAutoresizeLimitGb ?? (args.diskSizeGb ?? DEFAULTS.diskSizeGb) * 10,
    readReplicas: args.readReplicas ?? DEFAULTS.readReplicas,
    deletionProtection: args.deletionProtection ?? DEFAULTS.deletionProtection,
    maintenanceWindow: args.maintenanceWindow ?? DEFAULTS.maintenanceWindow,
    backups: {
      enabled,
      // PITR follows backups unless set: turning backups off must not leave an impossible default.
      pointInTimeRecovery: b.pointInTimeRecovery ?? enabled,
      retainedBackups: b.retainedBackups ?? DEFAULTS.backups.retainedBackups,
      transactionLogRetentionDays:
        b.transactionLogRetentionDays ?? DEFAULTS.backups.transactionLogRetentionDays,
      startTime: b.startTime ?? DEFAULTS.backups.startTime,
      ...(b.location !== undefined ? { location: b.location } : {}),
    },
    sslMode: args.sslMode ?? DEFAULTS.sslMode,
    databaseName: args.databaseName ?? args.ctx.app.replace(/-/g, "_"),
    userName: args.userName ?? `${args.ctx.app.replace(/-/g, "_")}_app`,
    queryInsights: args.queryInsights ?? DEFAULTS.queryInsights,
    finalBackupRetentionDays: args.finalBackupRetentionDays ?? DEFAULTS.finalBackupRetentionDays,
    databaseFlags: mergeFlags(CIS_DATABASE_FLAGS, args.databaseFlags ?? []),
  };
  const problems = validatePostgresSpec(spec);
  if (problems.length > 0) {
    throw new PlatformError(`PostgresWithBackups '${name}': ${problems.join("; ")}`);
  }
  return spec;
}

/**
 * Every rule a resolved spec must satisfy; returns the problems (empty = valid). Pure.
 *
 * @example
 * ```ts
 * validatePostgresSpec({ ...spec, backups: { ...spec.backups, enabled: false, pointInTimeRecovery: true } });
 * // ["backups.pointInTimeRecovery needs backups.enabled=true"]
 * ```
 */
export function validatePostgresSpec(spec: PostgresSpec): string[] {
  const p: string[] = [];
  if (!Object.values(PostgresVersion).includes(spec.version)) {
    p.push(`version must be one of ${Object.values(PostgresVersion).join(" | ")}, got ${show(spec.version)}`);
  }
  const tier = parseTier(spec.tier);
  if (!tier.ok) p.push(`tier ${tier.reason}`);
  if (!Number.isInteger(spec.diskSizeGb) || spec.diskSizeGb < 10 || spec.diskSizeGb > 65536) {
    p.push(`diskSizeGb must be an integer 10–65536, got ${show(spec.diskSizeGb)}`);
  }
  if (spec.diskAutoresizeLimitGb !== 0 && spec.diskAutoresizeLimitGb < spec.diskSizeGb) {
    p.push(
      `diskAutoresizeLimitGb must be 0 (unlimited) or ≥ diskSizeGb (${spec.diskSizeGb}), got ${spec.diskAutoresizeLimitGb}`,
    );
  }
  if (!Number.isInteger(spec.readReplicas) || spec.readReplicas < 0 || spec.readReplicas > 5) {
    p.push(`readReplicas must be an integer 0–5, got ${show(spec.readReplicas)}`);
  }
  const { day, hour } = spec.maintenanceWindow;
  if (!Number.isInteger(day) || day < 1 || day > 7)
    p.push(`maintenanceWindow.day must be 1–7 (Monday–Sunday), got ${show(day)}`);
  if (!Number.isInteger(hour) || hour < 0 || hour > 23)
    p.push(`maintenanceWindow.hour must be 0–23, got ${show(hour)}`);
  const b = spec.backups;
  if (b.pointInTimeRecovery && !b.enabled) p.push("backups.pointInTimeRecovery needs backups.enabled=true");
  if (spec.readReplicas > 0 && !b.enabled)
    p.push("readReplicas need backups.enabled=true (Cloud SQL replicates from backups and binary logs)");
  if (!Number.isInteger(b.retainedBackups) || b.retainedBackups < 1 || b.retainedBackups > 365) {
    p.push(`backups.retainedBackups must be 1–365, got ${show(b.retainedBackups)}`);
  }
  if (
    !Number.isInteger(b.transactionLogRetentionDays) ||
    b.transactionLogRetentionDays < 1 ||
    b.transactionLogRetentionDays > 7
  ) {
    p.push(`backups.transactionLogRetentionDays must be 1–7, got ${show(b.transactionLogRetentionDays)}`);
  }
  if (b.transactionLogRetentionDays > b.retainedBackups) {
    p.push(
      `backups.transactionLogRetentionDays (${b.transactionLogRetentionDays}) must not exceed retainedBackups (${b.retainedBackups})`,
    );
  }
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(b.startTime))
    p.push(`backups.startTime must be a UTC time HH:MM, got ${show(b.startTime)}`);
  if (!Object.values(SslMode).includes(spec.sslMode)) {
    p.push(`sslMode must be one of ${Object.values(SslMode).join(" | ")}, got ${show(spec.sslMode)}`);
  }
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(spec.databaseName))
    p.push(`databaseName must be a lowercase identifier, got ${show(spec.databaseName)}`);
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(spec.userName))
    p.push(`userName must be a lowercase identifier, got ${show(spec.userName)}`);
  if (
    !Number.isInteger(spec.finalBackupRetentionDays) ||
    spec.finalBackupRetentionDays < 1 ||
    spec.finalBackupRetentionDays > 365
  ) {
    p.push(`finalBackupRetentionDays must be 1–365, got ${show(spec.finalBackupRetentionDays)}`);
  }
  return p;
}

/** CIS defaults overridden by name with the user's flags; order stable. */
export function mergeFlags(
  base: readonly { name: string; value: string }[],
  extra: readonly { name: string; value: string }[],
): { name: string; value: string }[] {
  const byName = new Map(base.map((f) => [f.name, f.value] as const));
  for (const f of extra) byName.set(f.name, f.value);
  return [...byName].map(([name, value]) => ({ name, value }));
}
