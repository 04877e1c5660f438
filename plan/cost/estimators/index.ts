import { CLOUD_RUN_SERVICE_TYPE, estimateCloudRun } from "./gcp/cloud-run";
import { estimateCloudSql, SQL_INSTANCE_TYPE } from "./gcp/cloud-sql";
import { estimateGlobalAddress, freeEstimator, GLOBAL_ADDRESS_TYPE } from "./gcp/free";
import { estimateKmsKey, estimateKmsKeyVersion, KMS_CRYPTO_KEY_TYPE, KMS_KEY_VERSION_TYPE } from "./gcp/kms";
import { estimateUptimeCheck, UPTIME_CHECK_TYPE } from "./gcp/monitoring";
import { estimateRedis, REDIS_INSTANCE_TYPE } from "./gcp/redis";
import {
  estimateSecret,
  estimateSecretVersion,
  SECRET_TYPE,
  SECRET_VERSION_TYPE,
} from "./gcp/secret-manager";
import type { Estimator } from "./types";
import { AWS_ESTIMATORS, awsFreeEstimator, LAMBDA_TYPES, RDS_TYPES } from "./aws";
import { KUBERNETES_ESTIMATORS, kubernetesFreeEstimator } from "./kubernetes";
import { AWS_PRICES, KUBERNETES_PRICES, PRICES } from "../prices";

export * from "./gcp/cloud-run";
export * from "./gcp/cloud-sql";
export * from "./gcp/free";
export * from "./gcp/kms";
export * from "./gcp/monitoring";
export * from "./gcp/redis";
export * from "./gcp/secret-manager";
export * from "./types";
export * from "./aws";
export * from "./kubernetes";

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
  ...AWS_ESTIMATORS,
  ...KUBERNETES_ESTIMATORS,
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
  return Object.hasOwn(ESTIMATORS, type)
    ? ESTIMATORS[type]
    : (freeEstimator(type) ?? awsFreeEstimator(type) ?? kubernetesFreeEstimator(type));
}

/**
 * The date of the price table(s) behind a set of priced types: the GCP table's, the AWS table's,
 * the Kubernetes default rates' (`kubernetes` lines priced with a stack's own rates say so in
 * their notes), or each of them (`gcp 2026-08-22, aws 2026-08-21`) when an estimate mixes clouds.
 *
 * @example
 * ```ts
 * priceTableDate(["aws:kms/key:Key"]); // "2026-08-21"
 * priceTableDate(["kubernetes:apps/v1:Deployment", "aws:kms/key:Key"]); // "aws 2026-08-21, kubernetes 2026-12-01"
 * ```
 */
export function priceTableDate(types: readonly string[]): string {
  const dates = [
    ["gcp", PRICES.asOf],
    ["aws", AWS_PRICES.asOf],
    ["kubernetes", KUBERNETES_PRICES.asOf],
  ].filter(([cloud]) => types.some((t) => t.startsWith(`${cloud}:`)));
  if (dates.length === 0) return PRICES.asOf;
  if (dates.length === 1) return dates[0]![1]!;
  return dates.map(([cloud, date]) => `${cloud} ${date}`).join(", ");
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

/**
 * Input keys the estimators of other resources read (`related`, `siblings`), per type, or `all`: a
 * secret's id and replication for its versions, an Aurora cluster's scaling for its instances, a
 * function's settings for its provisioned concurrency. A plan priced one step at a time
 * ({@link PlanPricer}) keeps these inputs (and the component label) of the whole plan.
 *
 * @example
 * ```ts
 * CROSS_READS[SECRET_TYPE]; // ["secretId", "replication"]
 * ```
 */
export const CROSS_READS: Readonly<Record<string, readonly string[] | "all">> = {
  [SECRET_TYPE]: ["secretId", "replication"],
  [RDS_TYPES.cluster]: "all",
  [LAMBDA_TYPES.function]: "all",
};

/**
 * What the estimators of other resources read of a resource of this type: its entry in
 * {@link CROSS_READS}; Kubernetes objects (namespaces, rates, the workloads a pod budget covers) are
 * read whole; other types not at all (undefined).
 *
 * @example
 * ```ts
 * crossReads("kubernetes:core/v1:Namespace"); // "all"
 * crossReads("gcp:storage/bucket:Bucket"); // undefined
 * ```
 */
export function crossReads(type: string): readonly string[] | "all" | undefined {
  if (type.startsWith("kubernetes:")) return "all";
  return Object.hasOwn(CROSS_READS, type) ? CROSS_READS[type] : undefined;
}
