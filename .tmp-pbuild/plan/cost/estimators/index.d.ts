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
export declare const ESTIMATORS: Readonly<Record<string, Estimator>>;
/**
 * The estimator for a type: a priced one, a free one, or undefined (not priced).
 *
 * @example
 * ```ts
 * estimatorFor("gcp:billing/budget:Budget"); // a $0 estimator with a note
 * estimatorFor("gcp:vpcaccess/connector:Connector"); // undefined
 * ```
 */
export declare function estimatorFor(type: string): Estimator | undefined;
/**
 * Types that are not resources with a cost of their own and get no cost line at all: component
 * resources (`platform:*`), the stack and providers (`pulumi:*`).
 *
 * @example
 * ```ts
 * isStructural("platform:data:PostgresWithBackups"); // true
 * ```
 */
export declare function isStructural(type: string): boolean;
