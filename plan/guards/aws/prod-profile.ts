/**
 * Prod-profile invariants on AWS (`aws/prod-*`), the AWS translation of plan/guards/gcp/prod-profile.ts:
 * HA (Multi-AZ instance or an Aurora reader), backups ≥ 7 days (PITR on AWS = retention > 0),
 * deletion protection with a final snapshot, CMK encryption, HSM-backed keys, a 30-day key deletion
 * window, Multi-AZ cache failover, a warm Lambda, and `protect` on data resources.
 * Blocking in prod, advisory in staging, silent in dev.
 */
import { Severity } from "../../model";
import {
  Category,
  Level,
  PROD_ONLY,
  Scope,
  changed,
  expectValue,
  type GuardResource,
  type ResourceRule,
  type RuleHit,
  type StackRule,
} from "../types";
import { read } from "../values";
import { AWS, isRdsReplica, label } from "./tokens";

/**
 * Backups kept at least, in prod (days).
 *
 * @example
 * ```ts
 * backupRetentionPeriod >= AWS_MIN_RETENTION_DAYS; // prod passes
 * ```
 */
export const AWS_MIN_RETENTION_DAYS = 7;

const resource = {
  scope: Scope.resource,
  level: Level.L1,
  category: Category.prodProfile,
  enforcement: PROD_ONLY,
} as const;
const stack = {
  scope: Scope.stack,
  level: Level.L1,
  category: Category.prodProfile,
  enforcement: PROD_ONLY,
} as const;

/**
 * `aws/prod-db-ha`: an RDS instance is Multi-AZ; an Aurora cluster has a second instance (a reader
 * in another AZ takes over in about 30 s).
 *
 * @example
 * ```ts
 * AWS_PROD_DB_HA.check(resources, ctx);
 * ```
 */
export const AWS_PROD_DB_HA: StackRule = {
  ...stack,
  id: "aws/prod-db-ha",
  refs: [],
  severity: Severity.high,
  description:
    "Prod databases survive an AZ outage: RDS instances are Multi-AZ, Aurora clusters have at least two instances.",
  remediation:
    "Set multiAz: true (RDS), or add a reader ClusterInstance (PostgresWithBackups highAvailability: true).",
  appliesTo: [AWS.rdsInstance, AWS.rdsCluster, AWS.rdsClusterInstance],
  check(resources) {
    const hits: RuleHit[] = [];
    for (const r of resources) {
      if (r.type === AWS.rdsInstance && !isRdsReplica(r)) {
        for (const h of expectValue(
          r.inputs,
          "multiAz",
          (v) => v === true,
          () =>
            `${label(r)}: multiAz ${changed(r, "multiAz")}; prod requires Multi-AZ (a Single-AZ instance is down for the whole AZ outage).`,
        ))
          hits.push({ ...h, urn: r.urn, type: r.type });
      }
      if (r.type === AWS.rdsCluster) {
        const instances = resources.filter((i) => i.type === AWS.rdsClusterInstance && i.parent === r.parent);
        if (instances.length < 2)
          hits.push({
            message: `${label(r)}: ${instances.length} cluster instance(s); prod requires a writer and a reader in another AZ.`,
            urn: r.urn,
            type: r.type,
          });
      }
    }
    return hits;
  },
};

/**
 * `aws/prod-db-backups`: automated backups (and so PITR) kept at least 7 days.
 *
 * @example
 * ```ts
 * AWS_PROD_DB_BACKUPS.check(cluster, ctx);
 * ```
 */
export const AWS_PROD_DB_BACKUPS: ResourceRule = {
  ...resource,
  id: "aws/prod-db-backups",
  refs: [],
  severity: Severity.high,
  description:
    "Prod RDS instances and Aurora clusters keep automated backups, and so point-in-time recovery, at least 7 days.",
  remediation: "Set backupRetentionPeriod to 7 or more (PostgresWithBackups backupRetentionDays).",
  appliesTo: [AWS.rdsInstance, AWS.rdsCluster],
  check(r) {
    if (isRdsReplica(r)) return [];
    return expectValue(
      r.inputs,
      "backupRetentionPeriod",
      (v) => typeof v === "number" && v >= AWS_MIN_RETENTION_DAYS,
      (got) =>
        `${label(r)}: backupRetentionPeriod ${got === "(unset)" ? "is unset (1 day)" : changed(r, "backupRetentionPeriod")}; prod keeps at least ${AWS_MIN_RETENTION_DAYS} days (PITR reaches back only as far).`,
    );
  },
};

/**
 * `aws/prod-db-deletion-protection`: deletion protection on, and a final snapshot on delete.
 *
 * @example
 * ```ts
 * AWS_PROD_DB_DELETION_PROTECTION.check(cluster, ctx);
 * ```
 */
export const AWS_PROD_DB_DELETION_PROTECTION: ResourceRule = {
  ...resource,
  id: "aws/prod-db-deletion-protection",
  refs: [],
  severity: Severity.high,
  description:
    "Prod RDS instances and Aurora clusters have deletionProtection and take a final snapshot (skipFinalSnapshot false).",
  remediation: "Set deletionProtection: true and skipFinalSnapshot: false with finalSnapshotIdentifier.",
  appliesTo: [AWS.rdsInstance, AWS.rdsCluster],
  check(r) {
    const hits = expectValue(
      r.inputs,
      "deletionProtection",
      (v) => v === true,
      () => `${label(r)}: deletionProtection ${changed(r, "deletionProtection")}; prod keeps it on.`,
    );
    if (isRdsReplica(r)) return hits;
    return [
      ...hits,
      ...expectValue(
        r.inputs,
        "skipFinalSnapshot",
        (v) => v !== true,
        () =>
          `${label(r)}: skipFinalSnapshot is true; deleting the database would leave no snapshot. Set skipFinalSnapshot: false.`,
      ),
    ];
  },
};

/**
 * `aws/prod-cmek`: databases and caches are encrypted with a customer-managed key.
 *
 * @example
 * ```ts
 * AWS_PROD_CMEK.check(cluster, ctx);
 * ```
 */
export const AWS_PROD_CMEK: ResourceRule = {
  ...resource,
  id: "aws/prod-cmek",
  refs: [],
  severity: Severity.high,
  description:
    "Prod RDS instances, Aurora clusters and ElastiCache groups are encrypted with a customer-managed key (kmsKeyId).",
  remediation: "Pass the KmsKeyRing key as kmsKeyId (and storageEncrypted/atRestEncryptionEnabled: true).",
  appliesTo: [AWS.rdsInstance, AWS.rdsCluster, AWS.replicationGroup],
  check(r) {
    if (isRdsReplica(r)) return [];
    return expectValue(
      r.inputs,
      "kmsKeyId",
      (v) => typeof v === "string" && v.length > 0,
      () => `${label(r)}: kmsKeyId ${changed(r, "kmsKeyId")}; prod requires a customer-managed key.`,
    );
  },
};

/**
 * `aws/prod-hsm`: AWS KMS has no protection-level switch: default keys live in KMS-managed HSMs
 * and a CloudHSM custom key store is the single-tenant opt-in; an external key store (XKS) keeps
 * the material outside AWS HSMs and is refused in prod.
 *
 * @example
 * ```ts
 * AWS_PROD_HSM.check(key, ctx);
 * ```
 */
export const AWS_PROD_HSM: ResourceRule = {
  ...resource,
  id: "aws/prod-hsm",
  refs: [],
  severity: Severity.high,
  description:
    "Prod KMS keys are HSM-backed: default KMS keys (AWS-managed HSMs) or a CloudHSM custom key store, not an external key store (xksKeyId).",
  remediation: "Remove xksKeyId (use the default key store, or customKeyStoreId of a CloudHSM store).",
  appliesTo: [AWS.kmsKey],
  check(r) {
    return expectValue(
      r.inputs,
      "xksKeyId",
      (v) => v === undefined,
      () =>
        `${label(r)}: xksKeyId puts the key material in an external key store, outside AWS's HSMs; prod requires default KMS keys or a CloudHSM custom key store.`,
    );
  },
};

/**
 * `aws/prod-key-deletion-window`: a deleted prod key can be recovered for 30 days (the maximum).
 *
 * @example
 * ```ts
 * AWS_PROD_KEY_DELETION_WINDOW.check(key, ctx);
 * ```
 */
export const AWS_PROD_KEY_DELETION_WINDOW: ResourceRule = {
  ...resource,
  id: "aws/prod-key-deletion-window",
  refs: [],
  severity: Severity.medium,
  description:
    "Prod KMS keys keep the longest deletion window (deletionWindowInDays 30, the default), so a mistaken deletion can be cancelled for a month.",
  remediation: "Remove deletionWindowInDays or set 30.",
  appliesTo: [AWS.kmsKey],
  check(r) {
    return expectValue(
      r.inputs,
      "deletionWindowInDays",
      (v) => v === undefined || v === 30,
      (got) =>
        `${label(r)}: deletionWindowInDays is ${got}; prod keeps 30 days to cancel a mistaken deletion.`,
    );
  },
};

/**
 * `aws/prod-cache-ha`: prod caches fail over automatically across AZs.
 *
 * @example
 * ```ts
 * AWS_PROD_CACHE_HA.check(group, ctx);
 * ```
 */
export const AWS_PROD_CACHE_HA: ResourceRule = {
  ...resource,
  id: "aws/prod-cache-ha",
  refs: [],
  severity: Severity.high,
  description:
    "Prod ElastiCache groups have a replica in another AZ with automatic failover (numCacheClusters ≥ 2, automaticFailoverEnabled, multiAzEnabled).",
  remediation:
    "Set numCacheClusters: 2, automaticFailoverEnabled: true, multiAzEnabled: true (RedisCache highAvailability).",
  appliesTo: [AWS.replicationGroup],
  check(r) {
    const hits = ["automaticFailoverEnabled", "multiAzEnabled"].flatMap((path) =>
      expectValue(
        r.inputs,
        path,
        (v) => v === true,
        () => `${label(r)}: ${path} ${changed(r, path)}; prod requires true.`,
      ),
    );
    const groups = read(r.inputs, "numNodeGroups");
    if (groups.kind !== "absent") return hits;
    return [
      ...hits,
      ...expectValue(
        r.inputs,
        "numCacheClusters",
        (v) => typeof v === "number" && v >= 2,
        (got) =>
          `${label(r)}: numCacheClusters is ${got === "(unset)" ? "unset (1)" : got}; prod needs a replica (2 or more).`,
      ),
    ];
  },
};

/**
 * `aws/prod-lambda-warm`: prod functions keep provisioned concurrency (the GCP min-instances rule).
 *
 * @example
 * ```ts
 * AWS_PROD_LAMBDA_WARM.check(resources, ctx);
 * ```
 */
export const AWS_PROD_LAMBDA_WARM: StackRule = {
  ...stack,
  id: "aws/prod-lambda-warm",
  refs: [],
  severity: Severity.medium,
  description:
    "Prod Lambda services (functions behind a Function URL) keep at least one provisioned-concurrency instance (cold starts hit users otherwise).",
  remediation: "Set the service's minInstances ≥ 1 (a ProvisionedConcurrencyConfig on the live alias).",
  appliesTo: [AWS.lambdaFunction, AWS.lambdaProvisioned],
  // Which components have a Function URL (only its parent is read).
  reads: { [AWS.lambdaUrl]: [] },
  check(resources) {
    // Service functions are the ones behind a Function URL (not rotation or helper functions).
    const urls = resources.filter((r) => r.type === AWS.lambdaUrl);
    const warm = resources.filter((r) => r.type === AWS.lambdaProvisioned);
    const isWarm = (w: GuardResource) => {
      const n = read(w.inputs, "provisionedConcurrentExecutions");
      return n.kind === "opaque" || (n.kind === "set" && typeof n.value === "number" && n.value >= 1);
    };
    return resources
      .filter((f) => f.type === AWS.lambdaFunction && urls.some((u) => u.parent === f.parent))
      .filter((f) => !warm.some((w) => w.parent === f.parent && isWarm(w)))
      .map((f) => ({
        message: `${label(f)}: no provisioned concurrency; prod keeps at least 1 warm instance (minInstances: 1).`,
        urn: f.urn,
        type: f.type,
      }));
  },
};

/** Data-holding types prod must protect with the `protect` option. */
const PROTECTED_TYPES: readonly string[] = [AWS.rdsInstance, AWS.rdsCluster, AWS.kmsKey];

/**
 * `aws/prod-protect`: prod databases and keys carry Pulumi's `protect` (deletion protection does not
 * cover an Aurora cluster's instances or a KMS key).
 *
 * @example
 * ```ts
 * AWS_PROD_PROTECT.check(key, ctx);
 * ```
 */
export const AWS_PROD_PROTECT: ResourceRule = {
  ...resource,
  id: "aws/prod-protect",
  refs: [],
  severity: Severity.high,
  description: "Prod RDS instances, Aurora clusters and KMS keys carry the protect resource option.",
  remediation: "Create them with { protect: true } (the components do outside dev).",
  appliesTo: PROTECTED_TYPES,
  check(r: GuardResource) {
    if (r.protect !== false) return [];
    return [{ message: `${label(r)}: not protected; in prod a program edit must not be able to delete it.` }];
  },
};

/**
 * Every AWS prod-profile rule.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: AWS_PROD_RULES });
 * ```
 */
export const AWS_PROD_RULES = [
  AWS_PROD_DB_HA,
  AWS_PROD_DB_BACKUPS,
  AWS_PROD_DB_DELETION_PROTECTION,
  AWS_PROD_CMEK,
  AWS_PROD_HSM,
  AWS_PROD_KEY_DELETION_WINDOW,
  AWS_PROD_CACHE_HA,
  AWS_PROD_LAMBDA_WARM,
  AWS_PROD_PROTECT,
] as const;
