import { type Estimate, type EstimateInput } from "./types";
/**
 * Type token of a Secret Manager secret.
 *
 * @example
 * ```ts
 * ESTIMATORS[SECRET_TYPE] === estimateSecret; // true
 * ```
 */
export declare const SECRET_TYPE = "gcp:secretmanager/secret:Secret";
/**
 * Type token of a Secret Manager secret version.
 *
 * @example
 * ```ts
 * ESTIMATORS[SECRET_VERSION_TYPE] === estimateSecretVersion; // true
 * ```
 */
export declare const SECRET_VERSION_TYPE = "gcp:secretmanager/secretVersion:SecretVersion";
/**
 * Prices a secret: `usage.secretAccessesPerMonth` access operations (usage) and, when
 * `rotation.rotationPeriod` is set, one rotation notification per period (baseline). Its active
 * versions are priced on their SecretVersion resources. A user-managed replication in N locations
 * multiplies each version's price by N; the versions cannot see that, so this line notes it.
 *
 * @example
 * ```ts
 * estimateSecret(input); // 20,000 accesses → 2 × $0.03 = $0.06
 * ```
 */
export declare function estimateSecret(input: EstimateInput): Estimate;
/**
 * Prices a secret version: one active version in one location (automatic replication counts as one).
 * Disabled versions are still active (billed); only destroyed ones are free.
 *
 * @example
 * ```ts
 * estimateSecretVersion(input); // 1 × $0.06
 * ```
 */
export declare function estimateSecretVersion(input: EstimateInput): Estimate;
