import { type GuardResource, type ResourceRule } from "./types";
/** Rotation ceiling: 90 days in seconds (CIS 1.10, CKV_GCP_43). */
export declare const MAX_ROTATION_SECONDS = 7776000;
/** Backups kept at least, in prod. */
export declare const MIN_RETAINED_BACKUPS = 7;
/**
 * True when a Cloud SQL instance is a read replica (replicas have no backups and are zonal).
 *
 * @example
 * ```ts
 * isReplica({ inputs: { masterInstanceName: "db" } } as GuardResource); // true
 * ```
 */
export declare function isReplica(r: Pick<GuardResource, "inputs">): boolean;
/**
 * True for KMS keys that rotate (purpose ENCRYPT_DECRYPT, the default); asymmetric and MAC keys cannot.
 *
 * @example
 * ```ts
 * isSymmetricKey({ inputs: { purpose: "ASYMMETRIC_SIGN" } } as GuardResource); // false
 * ```
 */
export declare function isSymmetricKey(r: Pick<GuardResource, "inputs">): boolean | "opaque";
/**
 * `platform/prod-ha`: Cloud SQL primaries are REGIONAL.
 *
 * @example
 * ```ts
 * PROD_HA.check(resource, ctx); // [] when settings.availabilityType is "REGIONAL"
 * ```
 */
export declare const PROD_HA: ResourceRule;
/**
 * `platform/prod-pitr`: point-in-time recovery on (binary logs for MySQL).
 *
 * @example
 * ```ts
 * PROD_PITR.check(resource, ctx);
 * ```
 */
export declare const PROD_PITR: ResourceRule;
/**
 * `platform/prod-backups`: automated backups on and at least 7 kept.
 *
 * @example
 * ```ts
 * PROD_BACKUPS.check(resource, ctx);
 * ```
 */
export declare const PROD_BACKUPS: ResourceRule;
/**
 * `platform/prod-cmek`: Cloud SQL and Memorystore are encrypted with our KMS key.
 *
 * @example
 * ```ts
 * PROD_CMEK.check(resource, ctx);
 * ```
 */
export declare const PROD_CMEK: ResourceRule;
/**
 * `platform/prod-deletion-protection`: Cloud SQL, Memorystore and Cloud Run keep deletionProtection.
 *
 * @example
 * ```ts
 * PROD_DELETION_PROTECTION.check(resource, ctx);
 * ```
 */
export declare const PROD_DELETION_PROTECTION: ResourceRule;
/**
 * `platform/prod-hsm`: prod KMS keys are HSM-backed.
 *
 * @example
 * ```ts
 * PROD_HSM.check(resource, ctx);
 * ```
 */
export declare const PROD_HSM: ResourceRule;
/**
 * `platform/prod-key-rotation`: symmetric prod keys rotate at least every 90 days.
 *
 * @example
 * ```ts
 * PROD_KEY_ROTATION.check(resource, ctx);
 * ```
 */
export declare const PROD_KEY_ROTATION: ResourceRule;
/**
 * `platform/prod-redis-tier`: prod Memorystore is STANDARD_HA.
 *
 * @example
 * ```ts
 * PROD_REDIS_TIER.check(resource, ctx);
 * ```
 */
export declare const PROD_REDIS_TIER: ResourceRule;
/**
 * `platform/prod-redis-auth`: prod Memorystore requires AUTH.
 *
 * @example
 * ```ts
 * PROD_REDIS_AUTH.check(resource, ctx);
 * ```
 */
export declare const PROD_REDIS_AUTH: ResourceRule;
/**
 * `platform/prod-run-min-instances`: prod Cloud Run keeps at least one warm instance.
 *
 * @example
 * ```ts
 * PROD_RUN_MIN_INSTANCES.check(resource, ctx);
 * ```
 */
export declare const PROD_RUN_MIN_INSTANCES: ResourceRule;
/** Every prod-profile rule. */
export declare const PROD_RULES: readonly ResourceRule[];
