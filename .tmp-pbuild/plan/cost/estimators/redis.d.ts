import { RedisCapacityTier } from "../prices";
import { type Estimate, type EstimateInput } from "./types";
/**
 * Type token of a Memorystore for Redis instance.
 *
 * @example
 * ```ts
 * ESTIMATORS[REDIS_INSTANCE_TYPE] === estimateRedis; // true
 * ```
 */
export declare const REDIS_INSTANCE_TYPE = "gcp:redis/instance:Instance";
/**
 * The capacity tier a provisioned size falls in: 1–4 GB M1, 5–10 M2, 11–35 M3, 36–100 M4, above M5
 * (Infracost `redis_instance.go`).
 *
 * @example
 * ```ts
 * redisCapacityTier(5); // "M2"
 * ```
 */
export declare function redisCapacityTier(memorySizeGb: number): RedisCapacityTier;
/**
 * Prices a Memorystore for Redis instance: provisioned GB × the GB-hour rate of its service tier
 * (`tier`, default BASIC) and capacity tier × 730 h. The STANDARD_HA rate covers a primary and one
 * replica; with `readReplicasMode: READ_REPLICAS_ENABLED` each node beyond those two (`replicaCount`,
 * default 2 when enabled) adds half the STANDARD_HA figure (assumption: per-node pricing).
 * Note: per-GB rates fall at each capacity tier, so 5 GB BASIC costs less than 4 GB BASIC.
 *
 * @example
 * ```ts
 * estimateRedis(input); // BASIC 1 GB in us-central1 → baseline $35.77
 * ```
 */
export declare function estimateRedis(input: EstimateInput): Estimate;
