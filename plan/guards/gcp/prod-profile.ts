/**
 * Prod-profile invariants (`platform/prod-*`): a prod stack must not weaken HA, PITR, backups,
 * CMEK, deletion protection, HSM keys, key rotation, Redis HA/AUTH or Cloud Run warm instances.
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
  unverified,
  type GuardResource,
  type ResourceRule,
  type RuleHit,
} from "../types";
import { GCP as T } from "./tokens";
import { read, seconds, showValue } from "../values";

/**
 * Rotation ceiling: 90 days in seconds (CIS 1.10, CKV_GCP_43).
 *
 * @example
 * ```ts
 * seconds("7776000s")! <= MAX_ROTATION_SECONDS; // true
 * ```
 */
export const MAX_ROTATION_SECONDS = 7_776_000;
/**
 * Backups kept at least, in prod.
 *
 * @example
 * ```ts
 * const tooFew = retainedBackups < MIN_RETAINED_BACKUPS; // prod refuses
 * ```
 */
export const MIN_RETAINED_BACKUPS = 7;

const base = {
  scope: Scope.resource,
  level: Level.L1,
  category: Category.prodProfile,
  enforcement: PROD_ONLY,
} as const;

/**
 * True when a Cloud SQL instance is a read replica (replicas have no backups and are zonal).
 *
 * @example
 * ```ts
 * isReplica({ inputs: { masterInstanceName: "db" } } as GuardResource); // true
 * ```
 */
export function isReplica(r: Pick<GuardResource, "inputs">): boolean {
  const master = read(r.inputs, "masterInstanceName");
  return master.kind !== "absent";
}

/**
 * True for KMS keys that rotate (purpose ENCRYPT_DECRYPT, the default); asymmetric and MAC keys cannot.
 *
 * @example
 * ```ts
 * isSymmetricKey({ inputs: { purpose: "ASYMMETRIC_SIGN" } } as GuardResource); // false
 * ```
 */
export function isSymmetricKey(r: Pick<GuardResource, "inputs">): boolean | "opaque" {
  const purpose = read(r.inputs, "purpose");
  if (purpose.kind === "opaque") return "opaque";
  return purpose.kind === "absent" || purpose.value === "ENCRYPT_DECRYPT";
}

const label = (r: GuardResource) => `${r.type.slice(r.type.lastIndexOf(":") + 1)} "${r.name}"`;

/**
 * `platform/prod-ha`: Cloud SQL primaries are REGIONAL.
 *
 * @example
 * ```ts
 * PROD_HA.check(resource, ctx); // [] when settings.availabilityType is "REGIONAL"
 * ```
 */
export const PROD_HA: ResourceRule = {
  ...base,
  id: "platform/prod-ha",
  refs: [],
  severity: Severity.high,
  description: "Prod Cloud SQL primaries are highly available (settings.availabilityType REGIONAL).",
  remediation: 'Set settings.availabilityType: "REGIONAL" (PostgresWithBackups highAvailability: true).',
  appliesTo: [T.sqlInstance],
  check(r) {
    if (isReplica(r)) return [];
    return expectValue(
      r.inputs,
      "settings.availabilityType",
      (v) => v === "REGIONAL",
      () =>
        `${label(r)}: settings.availabilityType ${changed(r, "settings.availabilityType")}; prod requires "REGIONAL" (a zonal instance is down for the whole zone outage).`,
    );
  },
};

/**
 * `platform/prod-pitr`: point-in-time recovery on (binary logs for MySQL).
 *
 * @example
 * ```ts
 * PROD_PITR.check(resource, ctx);
 * ```
 */
export const PROD_PITR: ResourceRule = {
  ...base,
  id: "platform/prod-pitr",
  refs: [],
  severity: Severity.high,
  description: "Prod Cloud SQL primaries keep point-in-time recovery on.",
  remediation:
    "Set settings.backupConfiguration.pointInTimeRecoveryEnabled: true (binaryLogEnabled for MySQL).",
  appliesTo: [T.sqlInstance],
  check(r) {
    if (isReplica(r)) return [];
    const version = read(r.inputs, "databaseVersion");
    if (version.kind === "opaque") return [unverified("databaseVersion")];
    const path =
      version.kind === "set" && String(version.value).startsWith("MYSQL")
        ? "settings.backupConfiguration.binaryLogEnabled"
        : "settings.backupConfiguration.pointInTimeRecoveryEnabled";
    return expectValue(
      r.inputs,
      path,
      (v) => v === true,
      () =>
        `${label(r)}: ${path} ${changed(r, path)}; prod requires true (without it you can only restore last night's backup).`,
    );
  },
};

/**
 * `platform/prod-backups`: automated backups on and at least 7 kept.
 *
 * @example
 * ```ts
 * PROD_BACKUPS.check(resource, ctx);
 * ```
 */
export const PROD_BACKUPS: ResourceRule = {
  ...base,
  id: "platform/prod-backups",
  refs: [],
  severity: Severity.high,
  description: `Prod Cloud SQL primaries keep automated backups on with at least ${MIN_RETAINED_BACKUPS} retained.`,
  remediation: `Set settings.backupConfiguration.enabled: true and backupRetentionSettings.retainedBackups ≥ ${MIN_RETAINED_BACKUPS}.`,
  appliesTo: [T.sqlInstance],
  check(r) {
    if (isReplica(r)) return [];
    const hits: RuleHit[] = expectValue(
      r.inputs,
      "settings.backupConfiguration.enabled",
      (v) => v === true,
      () =>
        `${label(r)}: settings.backupConfiguration.enabled ${changed(r, "settings.backupConfiguration.enabled")}; prod requires automated backups (enabled: true).`,
    );
    const retainedPath = "settings.backupConfiguration.backupRetentionSettings.retainedBackups";
    hits.push(
      ...expectValue(
        r.inputs,
        retainedPath,
        (v) => v === undefined || (typeof v === "number" && v >= MIN_RETAINED_BACKUPS),
        () =>
          `${label(r)}: retainedBackups ${changed(r, retainedPath)}; prod keeps at least ${MIN_RETAINED_BACKUPS} (set ${retainedPath} ≥ ${MIN_RETAINED_BACKUPS}).`,
      ),
    );
    return hits;
  },
};

/**
 * `platform/prod-cmek`: Cloud SQL and Memorystore are encrypted with our KMS key.
 *
 * @example
 * ```ts
 * PROD_CMEK.check(resource, ctx);
 * ```
 */
export const PROD_CMEK: ResourceRule = {
  ...base,
  id: "platform/prod-cmek",
  refs: [],
  severity: Severity.high,
  description: "Prod Cloud SQL instances and Memorystore instances use a customer-managed key (CMEK).",
  remediation: "Pass the KmsKeyRing key id (encryptionKeyName on Cloud SQL, customerManagedKey on Redis).",
  appliesTo: [T.sqlInstance, T.redis],
  check(r) {
    const path = r.type === T.redis ? "customerManagedKey" : "encryptionKeyName";
    return expectValue(
      r.inputs,
      path,
      (v) => typeof v === "string" && v.length > 0,
      () =>
        `${label(r)}: ${path} ${r.oldInputs && read(r.oldInputs, path).kind === "set" ? "is removed" : "is not set"}; prod requires CMEK (set ${path} to the KmsKeyRing key id; changing it replaces the instance, so plan it).`,
    );
  },
};

/**
 * `platform/prod-deletion-protection`: Cloud SQL, Memorystore and Cloud Run keep deletionProtection.
 *
 * @example
 * ```ts
 * PROD_DELETION_PROTECTION.check(resource, ctx);
 * ```
 */
export const PROD_DELETION_PROTECTION: ResourceRule = {
  ...base,
  id: "platform/prod-deletion-protection",
  refs: [],
  severity: Severity.high,
  description:
    "Prod Cloud SQL instances (deletionProtection, settings.deletionProtectionEnabled), Memorystore and Cloud Run v2 services keep deletion protection.",
  remediation:
    "Remove deletionProtection: false (the provider default is true) and keep settings.deletionProtectionEnabled: true.",
  appliesTo: [T.sqlInstance, T.runService, T.redis],
  check(r) {
    const paths =
      r.type === T.sqlInstance
        ? ["deletionProtection", "settings.deletionProtectionEnabled"]
        : ["deletionProtection"];
    return paths.flatMap((path) =>
      expectValue(
        r.inputs,
        path,
        (v) => v !== false,
        () =>
          `${label(r)}: ${path} ${changed(r, path)}; prod keeps deletion protection on (remove the override or set it to true).`,
      ),
    );
  },
};

/**
 * `platform/prod-hsm`: prod KMS keys are HSM-backed.
 *
 * @example
 * ```ts
 * PROD_HSM.check(resource, ctx);
 * ```
 */
export const PROD_HSM: ResourceRule = {
  ...base,
  id: "platform/prod-hsm",
  refs: [],
  severity: Severity.high,
  description: "Prod KMS keys use HSM protection (versionTemplate.protectionLevel HSM).",
  remediation:
    'Set versionTemplate.protectionLevel: "HSM" (KmsKeyRing protectionLevel: "HSM"); this replaces the key, so create a new key and re-encrypt.',
  appliesTo: [T.cryptoKey],
  check(r) {
    return expectValue(
      r.inputs,
      "versionTemplate.protectionLevel",
      (v) => v === "HSM",
      (got) =>
        `${label(r)}: versionTemplate.protectionLevel ${got === "(unset)" ? "is unset (SOFTWARE)" : changed(r, "versionTemplate.protectionLevel")}; prod requires "HSM".`,
    );
  },
};

/**
 * `platform/prod-key-rotation`: symmetric prod keys rotate at least every 90 days.
 *
 * @example
 * ```ts
 * PROD_KEY_ROTATION.check(resource, ctx);
 * ```
 */
export const PROD_KEY_ROTATION: ResourceRule = {
  ...base,
  id: "platform/prod-key-rotation",
  refs: [],
  severity: Severity.high,
  description: "Prod symmetric KMS keys rotate at least every 90 days (rotationPeriod ≤ 7776000s).",
  remediation: 'Set rotationPeriod: "7776000s" or shorter (KmsKeyRing rotationDays ≤ 90).',
  appliesTo: [T.cryptoKey],
  check(r) {
    const symmetric = isSymmetricKey(r);
    if (symmetric === "opaque") return [unverified("purpose")];
    if (!symmetric) return [];
    return expectValue(
      r.inputs,
      "rotationPeriod",
      (v) => {
        const s = seconds(v);
        return s !== undefined && s <= MAX_ROTATION_SECONDS;
      },
      (got) =>
        `${label(r)}: rotationPeriod ${got === "(unset)" ? "is missing (the key never rotates)" : changed(r, "rotationPeriod")}; prod requires "7776000s" (90 days) or shorter.`,
    );
  },
};

/**
 * `platform/prod-redis-tier`: prod Memorystore is STANDARD_HA.
 *
 * @example
 * ```ts
 * PROD_REDIS_TIER.check(resource, ctx);
 * ```
 */
export const PROD_REDIS_TIER: ResourceRule = {
  ...base,
  id: "platform/prod-redis-tier",
  refs: [],
  severity: Severity.high,
  description:
    "Prod Memorystore instances are STANDARD_HA (a BASIC instance has no replica and loses data on failure).",
  remediation: 'Set tier: "STANDARD_HA" (this replaces the instance: acknowledge the data loss or migrate).',
  appliesTo: [T.redis],
  check(r) {
    return expectValue(
      r.inputs,
      "tier",
      (v) => v === "STANDARD_HA",
      (got) =>
        `${label(r)}: tier ${got === "(unset)" ? "is unset (BASIC)" : changed(r, "tier")}; prod requires "STANDARD_HA".`,
    );
  },
};

/**
 * `platform/prod-redis-auth`: prod Memorystore requires AUTH.
 *
 * @example
 * ```ts
 * PROD_REDIS_AUTH.check(resource, ctx);
 * ```
 */
export const PROD_REDIS_AUTH: ResourceRule = {
  ...base,
  id: "platform/prod-redis-auth",
  refs: [],
  severity: Severity.high,
  description: "Prod Memorystore instances require AUTH (authEnabled true).",
  remediation: "Set authEnabled: true and read the AUTH string from Secret Manager.",
  appliesTo: [T.redis],
  check(r) {
    return expectValue(
      r.inputs,
      "authEnabled",
      (v) => v === true,
      (got) =>
        `${label(r)}: authEnabled ${got === "(unset)" ? "is unset (false)" : changed(r, "authEnabled")}; prod requires true.`,
    );
  },
};

/**
 * `platform/prod-run-min-instances`: prod Cloud Run keeps at least one warm instance.
 *
 * @example
 * ```ts
 * PROD_RUN_MIN_INSTANCES.check(resource, ctx);
 * ```
 */
export const PROD_RUN_MIN_INSTANCES: ResourceRule = {
  ...base,
  id: "platform/prod-run-min-instances",
  refs: [],
  severity: Severity.medium,
  description:
    "Prod Cloud Run v2 services keep at least one instance warm (template.scaling.minInstanceCount ≥ 1).",
  remediation: "Set template.scaling.minInstanceCount (or scaling.minInstanceCount) to 1 or more.",
  appliesTo: [T.runService],
  check(r) {
    const template = read(r.inputs, "template.scaling.minInstanceCount");
    const service = read(r.inputs, "scaling.minInstanceCount");
    const ok = (x: typeof template) => x.kind === "set" && typeof x.value === "number" && x.value >= 1;
    if (ok(template) || ok(service)) return [];
    if (template.kind === "opaque") return [unverified(template.path)];
    if (service.kind === "opaque") return [unverified(service.path)];
    const now = template.kind === "set" ? showValue(template.value) : "unset (0)";
    return [
      {
        message: `${label(r)}: template.scaling.minInstanceCount is ${now}; prod keeps at least 1 instance warm (cold starts hit users). Set template.scaling.minInstanceCount: 1.`,
      },
    ];
  },
};

/**
 * Every prod-profile rule.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: PROD_RULES });
 * ```
 */
export const PROD_RULES: readonly ResourceRule[] = [
  PROD_HA,
  PROD_PITR,
  PROD_BACKUPS,
  PROD_CMEK,
  PROD_DELETION_PROTECTION,
  PROD_HSM,
  PROD_KEY_ROTATION,
  PROD_REDIS_TIER,
  PROD_REDIS_AUTH,
  PROD_RUN_MIN_INSTANCES,
];
