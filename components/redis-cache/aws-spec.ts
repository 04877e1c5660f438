/**
 * The ElastiCache constants of `AwsRedisCache` (./aws.ts) without the provider SDK: the stack
 * config schema (programs/schema/aws.ts) checks against them in processes that never create a
 * resource (config validation, cost, review).
 */
import { RedisTier } from "./spec";

/** ElastiCache engines: Valkey (cheaper, the default) or Redis OSS. */
export const AwsCacheEngine = { valkey: "valkey", redis: "redis" } as const;
/** An ElastiCache engine. */
export type AwsCacheEngine = (typeof AwsCacheEngine)[keyof typeof AwsCacheEngine];

/** Default engine versions. */
export const AWS_CACHE_VERSIONS = { valkey: "8.0", redis: "7.1" } as const satisfies Record<
  AwsCacheEngine,
  string
>;

/** Defaults of `AwsRedisCacheArgs` (./aws.ts). */
export const AWS_CACHE_DEFAULTS = {
  mode: "elasticache",
  engine: AwsCacheEngine.valkey,
  nodeType: "cache.t4g.micro",
  tier: RedisTier.STANDARD_HA,
  readReplicas: 0,
  snapshotRetentionDays: 7,
  snapshotStartTime: "05:00",
  maintenanceWindow: "sun:03:00-sun:04:00",
  protect: true,
} as const;
