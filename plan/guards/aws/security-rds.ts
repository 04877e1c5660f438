/**
 * RDS PostgreSQL and Aurora rules: aws-anchors.md §9 and security-and-reliability.md §1b
 * (Checkov CKV_AWS_* / CKV2_AWS_*, trivy AVD-AWS-*), read against @pulumi/aws 7.x inputs.
 */
import { Severity } from "../../model";
import { Category, Level, Scope, expectValue, unverified, type ResourceRule } from "../types";
import { read } from "../values";
import { AWS, isPostgresFamily, isRdsReplica, label } from "./tokens";

const base = { scope: Scope.resource, category: Category.security } as const;
const DBS = [AWS.rdsInstance, AWS.rdsCluster] as const;
const COMPUTE = [AWS.rdsInstance, AWS.rdsClusterInstance] as const;

/**
 * CA certificates RDS offers today (rds-ca-2019 expired in 2024).
 *
 * @example
 * ```ts
 * (MODERN_RDS_CAS as readonly string[]).includes("rds-ca-rsa2048-g1"); // true
 * ```
 */
export const MODERN_RDS_CAS = ["rds-ca-rsa2048-g1", "rds-ca-rsa4096-g1", "rds-ca-ecc384-g1"] as const;

/**
 * CKV_AWS_16 / AVD-AWS-0080 (instance), CKV_AWS_96 / AVD-AWS-0079 (Aurora): storage encrypted.
 *
 * @example
 * ```ts
 * RDS_STORAGE_ENCRYPTED.check(cluster, ctx); // [] when storageEncrypted is true
 * ```
 */
export const RDS_STORAGE_ENCRYPTED: ResourceRule = {
  ...base,
  id: "aws/rds-storage-encrypted",
  refs: ["CKV_AWS_16", "AVD-AWS-0080", "CKV_AWS_96", "AVD-AWS-0079"],
  level: Level.L1,
  critical: true,
  severity: Severity.high,
  description: "RDS instances and Aurora clusters encrypt their storage (storageEncrypted true).",
  remediation:
    "Set storageEncrypted: true with kmsKeyId (this replaces the database: restore a snapshot into an encrypted copy).",
  appliesTo: DBS,
  check(r) {
    if (isRdsReplica(r)) return [];
    return expectValue(
      r.inputs,
      "storageEncrypted",
      (v) => v === true,
      (got) =>
        `${label(r)}: storageEncrypted is ${got}; set storageEncrypted: true (the default is unencrypted).`,
    );
  },
};

/**
 * CKV_AWS_327: encrypted with a customer-managed key (applied to instances too).
 *
 * @example
 * ```ts
 * RDS_CMK.check(instance, ctx);
 * ```
 */
export const RDS_CMK: ResourceRule = {
  ...base,
  id: "aws/rds-cmk",
  refs: ["CKV_AWS_327"],
  level: Level.L1,
  severity: Severity.medium,
  description: "RDS instances and Aurora clusters are encrypted with a customer-managed KMS key (kmsKeyId).",
  remediation: "Pass the KmsKeyRing key's ARN as kmsKeyId.",
  appliesTo: DBS,
  check(r) {
    if (isRdsReplica(r)) return [];
    return expectValue(
      r.inputs,
      "kmsKeyId",
      (v) => typeof v === "string" && v.length > 0,
      () =>
        `${label(r)}: kmsKeyId is unset, so the AWS-managed aws/rds key is used; set kmsKeyId to a customer-managed key.`,
    );
  },
};

/**
 * CKV_AWS_17 / AVD-AWS-0180: not publicly accessible.
 *
 * @example
 * ```ts
 * RDS_NOT_PUBLIC.check(instance, ctx);
 * ```
 */
export const RDS_NOT_PUBLIC: ResourceRule = {
  ...base,
  id: "aws/rds-not-public",
  refs: ["CKV_AWS_17", "AVD-AWS-0180"],
  level: Level.L1,
  critical: true,
  severity: Severity.critical,
  description: "RDS instances and Aurora cluster instances are not publicly accessible.",
  remediation: "Set publiclyAccessible: false and reach the database through the VPC.",
  appliesTo: COMPUTE,
  check(r) {
    return expectValue(
      r.inputs,
      "publiclyAccessible",
      (v) => v !== true,
      () =>
        `${label(r)}: publiclyAccessible is true, giving the database a public address; set publiclyAccessible: false.`,
    );
  },
};

/**
 * CKV_AWS_133: a backup policy (retention 1–35 days; absent = the API default of 1).
 *
 * @example
 * ```ts
 * RDS_BACKUPS_ENABLED.check(cluster, ctx);
 * ```
 */
export const RDS_BACKUPS_ENABLED: ResourceRule = {
  ...base,
  id: "aws/rds-backups-enabled",
  refs: ["CKV_AWS_133"],
  level: Level.L1,
  critical: true,
  severity: Severity.high,
  description:
    "RDS instances and Aurora clusters keep automated backups (backupRetentionPeriod 1–35; 0 turns them and PITR off).",
  remediation: "Set backupRetentionPeriod to 7 or more (PostgresWithBackups backupRetentionDays).",
  appliesTo: DBS,
  check(r) {
    if (isRdsReplica(r)) return [];
    return expectValue(
      r.inputs,
      "backupRetentionPeriod",
      (v) => v === undefined || (typeof v === "number" && v >= 1 && v <= 35),
      (got) =>
        `${label(r)}: backupRetentionPeriod is ${got}; 0 disables automated backups and point-in-time recovery. Set 1–35 (7+ in prod).`,
    );
  },
};

/**
 * AVD-AWS-0077: retention longer than the 1-day default (trivy's stricter reading of CKV_AWS_133).
 *
 * @example
 * ```ts
 * RDS_BACKUP_RETENTION.check(cluster, ctx);
 * ```
 */
export const RDS_BACKUP_RETENTION: ResourceRule = {
  ...base,
  id: "aws/rds-backup-retention",
  refs: ["AVD-AWS-0077"],
  level: Level.L2,
  severity: Severity.medium,
  description: "RDS instances and Aurora clusters keep backups for more than the 1-day default.",
  remediation: "Set backupRetentionPeriod to 2 or more (7+ in prod).",
  appliesTo: DBS,
  check(r) {
    if (isRdsReplica(r)) return [];
    return expectValue(
      r.inputs,
      "backupRetentionPeriod",
      (v) => typeof v === "number" && v > 1,
      (got) =>
        `${label(r)}: backupRetentionPeriod is ${got === "(unset)" ? "unset (1 day)" : got}; keep more than 1 day.`,
    );
  },
};

/**
 * CKV_AWS_293 / AVD-AWS-0177 (instance), CKV_AWS_139 / AVD-AWS-0343 (cluster): deletion protection.
 *
 * @example
 * ```ts
 * RDS_DELETION_PROTECTION.check(cluster, ctx);
 * ```
 */
export const RDS_DELETION_PROTECTION: ResourceRule = {
  ...base,
  id: "aws/rds-deletion-protection",
  refs: ["CKV_AWS_293", "AVD-AWS-0177", "CKV_AWS_139", "AVD-AWS-0343"],
  level: Level.L2,
  severity: Severity.medium,
  description:
    "RDS instances and Aurora clusters have deletion protection (default false). For Aurora it guards the cluster, not its instances.",
  remediation: "Set deletionProtection: true (PostgresWithBackups turns it on outside dev).",
  appliesTo: DBS,
  check(r) {
    return expectValue(
      r.inputs,
      "deletionProtection",
      (v) => v === true,
      (got) =>
        `${label(r)}: deletionProtection is ${got === "(unset)" ? "unset (false)" : got}; set deletionProtection: true.`,
    );
  },
};

/**
 * CKV_AWS_157: Multi-AZ instances.
 *
 * @example
 * ```ts
 * RDS_MULTI_AZ.check(instance, ctx);
 * ```
 */
export const RDS_MULTI_AZ: ResourceRule = {
  ...base,
  id: "aws/rds-multi-az",
  refs: ["CKV_AWS_157"],
  level: Level.L2,
  severity: Severity.medium,
  description: "RDS instances run Multi-AZ (a synchronous standby in another AZ).",
  remediation: "Set multiAz: true (doubles the instance and storage price).",
  appliesTo: [AWS.rdsInstance],
  check(r) {
    if (isRdsReplica(r)) return [];
    return expectValue(
      r.inputs,
      "multiAz",
      (v) => v === true,
      (got) => `${label(r)}: multiAz is ${got === "(unset)" ? "unset (false)" : got}; set multiAz: true.`,
    );
  },
};

/**
 * CKV_AWS_161 / AVD-AWS-0176 (instance), CKV_AWS_162 (cluster): IAM database authentication.
 *
 * @example
 * ```ts
 * RDS_IAM_AUTH.check(cluster, ctx);
 * ```
 */
export const RDS_IAM_AUTH: ResourceRule = {
  ...base,
  id: "aws/rds-iam-auth",
  refs: ["CKV_AWS_161", "AVD-AWS-0176", "CKV_AWS_162"],
  level: Level.L1,
  severity: Severity.medium,
  description: "RDS instances and Aurora clusters accept IAM database authentication.",
  remediation: "Set iamDatabaseAuthenticationEnabled: true and grant rds-db:connect to the service role.",
  appliesTo: DBS,
  check(r) {
    if (isRdsReplica(r)) return [];
    return expectValue(
      r.inputs,
      "iamDatabaseAuthenticationEnabled",
      (v) => v === true,
      (got) => `${label(r)}: iamDatabaseAuthenticationEnabled is ${got}; set it to true.`,
    );
  },
};

/**
 * CKV_AWS_129 (instance), CKV_AWS_324 (cluster): database logs exported to CloudWatch.
 *
 * @example
 * ```ts
 * RDS_LOG_EXPORTS.check(cluster, ctx);
 * ```
 */
export const RDS_LOG_EXPORTS: ResourceRule = {
  ...base,
  id: "aws/rds-log-exports",
  refs: ["CKV_AWS_129", "CKV_AWS_324"],
  level: Level.L1,
  severity: Severity.medium,
  description:
    'RDS instances and Aurora clusters export their logs to CloudWatch (PostgreSQL: "postgresql").',
  remediation: 'Set enabledCloudwatchLogsExports: ["postgresql"].',
  appliesTo: DBS,
  check(r) {
    const engine = read(r.inputs, "engine");
    const pg = engine.kind === "set" && isPostgresFamily(engine.value);
    return expectValue(
      r.inputs,
      "enabledCloudwatchLogsExports",
      (v) => Array.isArray(v) && v.length > 0 && (!pg || v.includes("postgresql")),
      (got) =>
        `${label(r)}: enabledCloudwatchLogsExports is ${got}; export ${pg ? '"postgresql"' : "the engine's logs"} to CloudWatch Logs.`,
    );
  },
};

/**
 * CKV_AWS_226 (+ cluster instances): minor engine upgrades are applied (default true).
 *
 * @example
 * ```ts
 * RDS_AUTO_MINOR_UPGRADE.check(instance, ctx);
 * ```
 */
export const RDS_AUTO_MINOR_UPGRADE: ResourceRule = {
  ...base,
  id: "aws/rds-auto-minor-upgrade",
  refs: ["CKV_AWS_226"],
  level: Level.L2,
  severity: Severity.low,
  description:
    "RDS instances and Aurora cluster instances take minor engine upgrades in the maintenance window.",
  remediation: "Remove autoMinorVersionUpgrade: false.",
  appliesTo: COMPUTE,
  check(r) {
    return expectValue(
      r.inputs,
      "autoMinorVersionUpgrade",
      (v) => v !== false,
      () => `${label(r)}: autoMinorVersionUpgrade is false; security patches wait for a manual upgrade.`,
    );
  },
};

/**
 * CKV_AWS_313 (cluster), CKV2_AWS_60 (instance): tags copied to snapshots.
 *
 * @example
 * ```ts
 * RDS_COPY_TAGS.check(cluster, ctx);
 * ```
 */
export const RDS_COPY_TAGS: ResourceRule = {
  ...base,
  id: "aws/rds-copy-tags-to-snapshot",
  refs: ["CKV_AWS_313", "CKV2_AWS_60"],
  level: Level.L2,
  severity: Severity.low,
  description: "RDS instances and Aurora clusters copy their tags (env, app, component) to snapshots.",
  remediation: "Set copyTagsToSnapshot: true.",
  appliesTo: DBS,
  check(r) {
    return expectValue(
      r.inputs,
      "copyTagsToSnapshot",
      (v) => v === true,
      (got) =>
        `${label(r)}: copyTagsToSnapshot is ${got === "(unset)" ? "unset (false)" : got}; snapshots lose the env/app tags (cost allocation, retention policies).`,
    );
  },
};

/**
 * CKV_AWS_118: Enhanced Monitoring (advisory: the platform relies on CloudWatch metrics and
 * Performance Insights; Enhanced Monitoring adds a role and log ingestion).
 *
 * @example
 * ```ts
 * RDS_ENHANCED_MONITORING.check(instance, ctx);
 * ```
 */
export const RDS_ENHANCED_MONITORING: ResourceRule = {
  ...base,
  id: "aws/rds-enhanced-monitoring",
  refs: ["CKV_AWS_118"],
  level: Level.L2,
  advisoryOnly: true,
  severity: Severity.low,
  description:
    "RDS instances and Aurora cluster instances have Enhanced Monitoring (monitoringInterval > 0).",
  remediation: "Set monitoringInterval (e.g. 60) and monitoringRoleArn.",
  appliesTo: COMPUTE,
  check(r) {
    return expectValue(
      r.inputs,
      "monitoringInterval",
      (v) => typeof v === "number" && v > 0,
      (got) =>
        `${label(r)}: monitoringInterval is ${got === "(unset)" ? "unset (0)" : got}; OS-level metrics are not collected.`,
    );
  },
};

/**
 * CKV_AWS_353 / AVD-AWS-0133: Performance Insights on.
 *
 * @example
 * ```ts
 * RDS_PERFORMANCE_INSIGHTS.check(instance, ctx);
 * ```
 */
export const RDS_PERFORMANCE_INSIGHTS: ResourceRule = {
  ...base,
  id: "aws/rds-performance-insights",
  refs: ["CKV_AWS_353", "AVD-AWS-0133"],
  level: Level.L2,
  severity: Severity.low,
  description: "RDS instances and Aurora cluster instances have Performance Insights (7 days are free).",
  remediation: "Set performanceInsightsEnabled: true with performanceInsightsKmsKeyId.",
  appliesTo: COMPUTE,
  check(r) {
    return expectValue(
      r.inputs,
      "performanceInsightsEnabled",
      (v) => v === true,
      (got) => `${label(r)}: performanceInsightsEnabled is ${got}; set it to true.`,
    );
  },
};

/**
 * CKV_AWS_354 / AVD-AWS-0078: Performance Insights data encrypted with a customer-managed key.
 *
 * @example
 * ```ts
 * RDS_PERFORMANCE_INSIGHTS_CMK.check(instance, ctx);
 * ```
 */
export const RDS_PERFORMANCE_INSIGHTS_CMK: ResourceRule = {
  ...base,
  id: "aws/rds-performance-insights-cmk",
  refs: ["CKV_AWS_354", "AVD-AWS-0078"],
  level: Level.L1,
  severity: Severity.medium,
  description:
    "When Performance Insights is on, its data (which includes query text) is encrypted with a customer-managed key.",
  remediation: "Set performanceInsightsKmsKeyId to the KmsKeyRing key.",
  appliesTo: COMPUTE,
  check(r) {
    const on = read(r.inputs, "performanceInsightsEnabled");
    if (on.kind === "opaque") return [unverified(on.path)];
    if (on.kind !== "set" || on.value !== true) return [];
    return expectValue(
      r.inputs,
      "performanceInsightsKmsKeyId",
      (v) => typeof v === "string" && v.length > 0,
      () =>
        `${label(r)}: Performance Insights is on without performanceInsightsKmsKeyId (AWS-managed key); set a customer-managed key.`,
    );
  },
};

/**
 * CKV_AWS_211: a current CA certificate (unset = RDS's current default).
 *
 * @example
 * ```ts
 * RDS_CA_CERTIFICATE.check(instance, ctx);
 * ```
 */
export const RDS_CA_CERTIFICATE: ResourceRule = {
  ...base,
  id: "aws/rds-ca-certificate",
  refs: ["CKV_AWS_211"],
  level: Level.L1,
  severity: Severity.medium,
  description: `RDS instances use a current CA (${MODERN_RDS_CAS.join(", ")}); rds-ca-2019 expired.`,
  remediation: 'Set caCertIdentifier: "rds-ca-rsa2048-g1" (or leave it unset for the current default).',
  appliesTo: COMPUTE,
  check(r) {
    return expectValue(
      r.inputs,
      "caCertIdentifier",
      (v) => v === undefined || (MODERN_RDS_CAS as readonly unknown[]).includes(v),
      (got) =>
        `${label(r)}: caCertIdentifier is ${got}; clients cannot verify the server with an expired CA. Use "rds-ca-rsa2048-g1".`,
    );
  },
};

/**
 * Every RDS/Aurora rule.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: AWS_RDS_RULES });
 * ```
 */
export const AWS_RDS_RULES: readonly ResourceRule[] = [
  RDS_STORAGE_ENCRYPTED,
  RDS_CMK,
  RDS_NOT_PUBLIC,
  RDS_BACKUPS_ENABLED,
  RDS_BACKUP_RETENTION,
  RDS_DELETION_PROTECTION,
  RDS_MULTI_AZ,
  RDS_IAM_AUTH,
  RDS_LOG_EXPORTS,
  RDS_AUTO_MINOR_UPGRADE,
  RDS_COPY_TAGS,
  RDS_ENHANCED_MONITORING,
  RDS_PERFORMANCE_INSIGHTS,
  RDS_PERFORMANCE_INSIGHTS_CMK,
  RDS_CA_CERTIFICATE,
];
