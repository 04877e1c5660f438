/**
 * ElastiCache (Valkey / Redis OSS) rules: encryption at rest and in transit, AUTH, CMK, Multi-AZ
 * failover, snapshots, upgrades and subnet groups (aws-anchors.md §9, security-and-reliability.md §1b).
 */
import { Severity } from "../../model";
import { Category, Level, Scope, expectValue, unverified, type ResourceRule, type RuleHit } from "../types";
import { read } from "../values";
import { AWS, label } from "./tokens";

const base = { scope: Scope.resource, category: Category.security } as const;
const RG = [AWS.replicationGroup] as const;

/**
 * CKV_AWS_29 / AVD-AWS-0045: encryption at rest.
 *
 * @example
 * ```ts
 * CACHE_AT_REST_ENCRYPTION.check(group, ctx);
 * ```
 */
export const CACHE_AT_REST_ENCRYPTION: ResourceRule = {
  ...base,
  id: "aws/cache-at-rest-encryption",
  refs: ["CKV_AWS_29", "AVD-AWS-0045"],
  level: Level.L1,
  critical: true,
  severity: Severity.high,
  description: "ElastiCache replication groups encrypt data at rest (atRestEncryptionEnabled true).",
  remediation: "Set atRestEncryptionEnabled: true with kmsKeyId (replaces the group).",
  appliesTo: RG,
  check(r) {
    return expectValue(
      r.inputs,
      "atRestEncryptionEnabled",
      (v) => v === true,
      (got) =>
        `${label(r)}: atRestEncryptionEnabled is ${got}; set it to true (snapshots and swap are otherwise plaintext).`,
    );
  },
};

/**
 * CKV_AWS_30 / AVD-AWS-0051: encryption in transit, and not in the "preferred" mode that still
 * accepts plaintext clients.
 *
 * @example
 * ```ts
 * CACHE_TRANSIT_ENCRYPTION.check(group, ctx);
 * ```
 */
export const CACHE_TRANSIT_ENCRYPTION: ResourceRule = {
  ...base,
  id: "aws/cache-transit-encryption",
  refs: ["CKV_AWS_30", "AVD-AWS-0051"],
  level: Level.L1,
  critical: true,
  severity: Severity.high,
  description:
    'ElastiCache replication groups require TLS (transitEncryptionEnabled true, transitEncryptionMode not "preferred").',
  remediation: 'Set transitEncryptionEnabled: true and transitEncryptionMode: "required".',
  appliesTo: RG,
  check(r) {
    const hits: RuleHit[] = expectValue(
      r.inputs,
      "transitEncryptionEnabled",
      (v) => v === true,
      (got) =>
        `${label(r)}: transitEncryptionEnabled is ${got}; clients talk to the cache in plaintext. Set it to true.`,
    );
    const mode = read(r.inputs, "transitEncryptionMode");
    if (mode.kind === "set" && mode.value === "preferred")
      hits.push({
        message: `${label(r)}: transitEncryptionMode is "preferred", which still accepts plaintext connections; set "required".`,
      });
    return hits;
  },
};

/**
 * CKV_AWS_31: in-transit encryption together with an AUTH token (or RBAC user groups).
 *
 * @example
 * ```ts
 * CACHE_AUTH.check(group, ctx);
 * ```
 */
export const CACHE_AUTH: ResourceRule = {
  ...base,
  id: "aws/cache-auth",
  refs: ["CKV_AWS_31"],
  level: Level.L1,
  critical: true,
  severity: Severity.high,
  description:
    "ElastiCache replication groups require AUTH: an auth token (authToken/authTokenWo) or RBAC userGroupIds, with TLS.",
  remediation:
    "Set authTokenWo from the Secrets Manager secret (or userGroupIds) and transitEncryptionEnabled: true.",
  appliesTo: RG,
  check(r) {
    const paths = ["authToken", "authTokenWo", "userGroupIds"];
    const reads = paths.map((p) => read(r.inputs, p));
    if (reads.some((x) => x.kind === "set" && (!Array.isArray(x.value) || x.value.length > 0))) return [];
    // A secret-marked token is a set token: opaque here means "present but hidden".
    if (reads.some((x) => x.kind === "opaque")) return [];
    return [
      {
        message: `${label(r)}: no authToken, authTokenWo or userGroupIds; anyone who reaches the port can read and write every key. Set authTokenWo from Secrets Manager.`,
      },
    ];
  },
};

/**
 * CKV_AWS_191: encrypted with a customer-managed key (replication groups and serverless caches).
 *
 * @example
 * ```ts
 * CACHE_CMK.check(group, ctx);
 * ```
 */
export const CACHE_CMK: ResourceRule = {
  ...base,
  id: "aws/cache-cmk",
  refs: ["CKV_AWS_191"],
  level: Level.L1,
  severity: Severity.medium,
  description:
    "ElastiCache replication groups and serverless caches use a customer-managed KMS key (kmsKeyId).",
  remediation: "Pass the KmsKeyRing key's ARN as kmsKeyId.",
  appliesTo: [AWS.replicationGroup, AWS.serverlessCache],
  check(r) {
    return expectValue(
      r.inputs,
      "kmsKeyId",
      (v) => typeof v === "string" && v.length > 0,
      () => `${label(r)}: kmsKeyId is unset (AWS-managed key); set a customer-managed key.`,
    );
  },
};

/**
 * CKV2_AWS_50: Multi-AZ with automatic failover.
 *
 * @example
 * ```ts
 * CACHE_MULTI_AZ.check(group, ctx);
 * ```
 */
export const CACHE_MULTI_AZ: ResourceRule = {
  ...base,
  id: "aws/cache-multi-az-failover",
  refs: ["CKV2_AWS_50"],
  level: Level.L2,
  severity: Severity.medium,
  description: "ElastiCache replication groups fail over automatically to a replica in another AZ.",
  remediation: "Set automaticFailoverEnabled: true, multiAzEnabled: true and numCacheClusters ≥ 2.",
  appliesTo: RG,
  check(r) {
    return ["automaticFailoverEnabled", "multiAzEnabled"].flatMap((path) =>
      expectValue(
        r.inputs,
        path,
        (v) => v === true,
        (got) =>
          `${label(r)}: ${path} is ${got === "(unset)" ? "unset (false)" : got}; a primary failure loses the cache until it is replaced.`,
      ),
    );
  },
};

/**
 * CKV_AWS_134 / AVD-AWS-0050: automatic backups (snapshot retention > 0).
 *
 * @example
 * ```ts
 * CACHE_BACKUPS.check(group, ctx);
 * ```
 */
export const CACHE_BACKUPS: ResourceRule = {
  ...base,
  id: "aws/cache-backups",
  refs: ["CKV_AWS_134", "AVD-AWS-0050"],
  level: Level.L2,
  severity: Severity.medium,
  description: "ElastiCache replication groups keep daily snapshots (snapshotRetentionLimit > 0).",
  remediation: "Set snapshotRetentionLimit (e.g. 7) and snapshotWindow.",
  appliesTo: [AWS.replicationGroup, AWS.cacheCluster],
  check(r) {
    const engine = read(r.inputs, "engine");
    if (engine.kind === "set" && engine.value === "memcached") return [];
    return expectValue(
      r.inputs,
      "snapshotRetentionLimit",
      (v) => typeof v === "number" && v > 0,
      (got) =>
        `${label(r)}: snapshotRetentionLimit is ${got === "(unset)" ? "unset (0)" : got}; no snapshot to restore from.`,
    );
  },
};

/**
 * CKV_AWS_322: minor engine upgrades applied automatically.
 *
 * @example
 * ```ts
 * CACHE_AUTO_MINOR_UPGRADE.check(group, ctx);
 * ```
 */
export const CACHE_AUTO_MINOR_UPGRADE: ResourceRule = {
  ...base,
  id: "aws/cache-auto-minor-upgrade",
  refs: ["CKV_AWS_322"],
  level: Level.L2,
  severity: Severity.low,
  description: "ElastiCache takes minor engine upgrades (autoMinorVersionUpgrade not false).",
  remediation: "Remove autoMinorVersionUpgrade: false.",
  appliesTo: [AWS.replicationGroup, AWS.cacheCluster],
  check(r) {
    return expectValue(
      r.inputs,
      "autoMinorVersionUpgrade",
      (v) => v !== false && v !== "false",
      () => `${label(r)}: autoMinorVersionUpgrade is false; security patches wait for a manual upgrade.`,
    );
  },
};

/**
 * CKV_AWS_323: not in the default subnet group (the default VPC's public subnets).
 *
 * @example
 * ```ts
 * CACHE_SUBNET_GROUP.check(group, ctx);
 * ```
 */
export const CACHE_SUBNET_GROUP: ResourceRule = {
  ...base,
  id: "aws/cache-subnet-group",
  refs: ["CKV_AWS_323"],
  level: Level.L1,
  severity: Severity.medium,
  description:
    "ElastiCache runs in its own subnet group in the platform's private subnets, not the default one.",
  remediation:
    "Create an elasticache.SubnetGroup over the private subnets and pass its name as subnetGroupName.",
  appliesTo: [AWS.replicationGroup, AWS.cacheCluster],
  check(r) {
    const g = read(r.inputs, "subnetGroupName");
    if (g.kind === "opaque") return [unverified(g.path)];
    if (g.kind === "set" && typeof g.value === "string" && g.value !== "" && g.value !== "default") return [];
    return [
      {
        message: `${label(r)}: subnetGroupName is ${g.kind === "set" ? JSON.stringify(g.value) : "unset (the default subnet group)"}; use the platform's private subnet group.`,
      },
    ];
  },
};

/**
 * Every ElastiCache rule.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: AWS_CACHE_RULES });
 * ```
 */
export const AWS_CACHE_RULES: readonly ResourceRule[] = [
  CACHE_AT_REST_ENCRYPTION,
  CACHE_TRANSIT_ENCRYPTION,
  CACHE_AUTH,
  CACHE_CMK,
  CACHE_MULTI_AZ,
  CACHE_BACKUPS,
  CACHE_AUTO_MINOR_UPGRADE,
  CACHE_SUBNET_GROUP,
];
