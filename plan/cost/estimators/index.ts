import { CLOUD_RUN_SERVICE_TYPE, estimateCloudRun } from "./cloud-run";
import { estimateCloudSql, SQL_INSTANCE_TYPE } from "./cloud-sql";
import { estimateGlobalAddress, freeEstimator, GLOBAL_ADDRESS_TYPE } from "./free";
import { estimateKmsKey, estimateKmsKeyVersion, KMS_CRYPTO_KEY_TYPE, KMS_KEY_VERSION_TYPE } from "./kms";
import { estimateUptimeCheck, UPTIME_CHECK_TYPE } from "./monitoring";
import { estimateRedis, REDIS_INSTANCE_TYPE } from "./redis";
import { estimateSecret, estimateSecretVersion, SECRET_TYPE, SECRET_VERSION_TYPE } from "./secret-manager";
import type { Estimator } from "./types";

export * from "./cloud-run";
export * from "./cloud-sql";
export * from "./free";
export * from "./kms";
export * from "./monitoring";
export * from "./redis";
export * from "./secret-manager";
export * from "./types";

/**
 * The estimators with a price model, keyed by Pulumi type token. Free types are resolved by
 * `freeReason` (table, IAM pattern, random provider); everything else is listed as not priced.
 *
 * @example
 * ```ts
 * ESTIMATORS["gcp:redis/instance:Instance"]; // estimateRedis
 * ```
 */
export const ESTIMATORS: Readonly<Record<string, Estimator>> = {
  [SQL_INSTANCE_TYPE]: estimateCloudSql,
  [REDIS_INSTANCE_TYPE]: estimateRedis,
  [CLOUD_RUN_SERVICE_TYPE]: estimateCloudRun,
  [KMS_CRYPTO_KEY_TYPE]: estimateKmsKey,
  [KMS_KEY_VERSION_TYPE]: estimateKmsKeyVersion,
  [SECRET_TYPE]: estimateSecret,
  [SECRET_VERSION_TYPE]: estimateSecretVersion,
  [UPTIME_CHECK_TYPE]: estimateUptimeCheck,
  [GLOBAL_ADDRESS_TYPE]: estimateGlobalAddress,
};

/**
 * The estimator for a type: a priced one, a free one, or undefined (not priced).
 *
 * @example
 * ```ts
 * estimatorFor("gcp:billing/budget:Budget"); // a $0 estimator with a note
 * estimatorFor("gcp:vpcaccess/connector:Connector"); // undefined
 * ```
 */
export function estimatorFor(type: string): Estimator | undefined {
  return Object.hasOwn(ESTIMATORS, type) ? ESTIMATORS[type] : freeEstimator(type);
}

/**
 * Types that are not resources with a cost of their own and get no cost line at all: component
 * resources (`platform:*`), the stack and providers (`pulumi:*`).
 *
 * @example
 * ```ts
 * isStructural("platform:data:PostgresWithBackups"); // true
 * ```
 */
export function isStructural(type: string): boolean {
  return type.startsWith("platform:") || type.startsWith("pulumi:");
}
