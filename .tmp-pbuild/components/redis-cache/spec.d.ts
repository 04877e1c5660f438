import type * as gcp from "@pulumi/gcp";
import type * as pulumi from "@pulumi/pulumi";
import type { PlatformContext } from "../shared/context";
import type { Transform } from "../shared/transform";
/** Where the cache lives: in the service's own process (dev) or in Memorystore. */
export declare const CacheMode: {
    readonly memory: "memory";
    readonly memorystore: "memorystore";
};
/** A cache mode. */
export type CacheMode = (typeof CacheMode)[keyof typeof CacheMode];
/** Memorystore tiers: BASIC is one node (no SLA, data lost on failure); STANDARD_HA adds a replica in another zone. */
export declare const RedisTier: {
    readonly BASIC: "BASIC";
    readonly STANDARD_HA: "STANDARD_HA";
};
/** A Memorystore tier. */
export type RedisTier = (typeof RedisTier)[keyof typeof RedisTier];
/** Supported Redis versions. */
export declare const RedisVersion: {
    readonly REDIS_6_X: "REDIS_6_X";
    readonly REDIS_7_0: "REDIS_7_0";
    readonly REDIS_7_2: "REDIS_7_2";
};
/** A supported Redis version. */
export type RedisVersion = (typeof RedisVersion)[keyof typeof RedisVersion];
/** Persistence: none, or RDB snapshots. */
export declare const Persistence: {
    readonly none: "none";
    readonly rdb: "rdb";
};
/** A persistence choice. */
export type Persistence = (typeof Persistence)[keyof typeof Persistence];
/** RDB snapshot periods Memorystore offers. */
export declare const RdbSnapshotPeriod: {
    readonly ONE_HOUR: "ONE_HOUR";
    readonly SIX_HOURS: "SIX_HOURS";
    readonly TWELVE_HOURS: "TWELVE_HOURS";
    readonly TWENTY_FOUR_HOURS: "TWENTY_FOUR_HOURS";
};
/** An RDB snapshot period. */
export type RdbSnapshotPeriod = (typeof RdbSnapshotPeriod)[keyof typeof RdbSnapshotPeriod];
/** Days of the week for the maintenance window. */
export declare const Weekday: {
    readonly MONDAY: "MONDAY";
    readonly TUESDAY: "TUESDAY";
    readonly WEDNESDAY: "WEDNESDAY";
    readonly THURSDAY: "THURSDAY";
    readonly FRIDAY: "FRIDAY";
    readonly SATURDAY: "SATURDAY";
    readonly SUNDAY: "SUNDAY";
};
/** A weekday. */
export type Weekday = (typeof Weekday)[keyof typeof Weekday];
/** Memorystore limits: size in GB, read replicas and the node size they need. */
export declare const LIMITS: {
    readonly minSizeGb: 1;
    readonly maxSizeGb: 300;
    readonly maxReadReplicas: 5;
    readonly minSizeGbForReplicas: 5;
};
/**
 * Arguments of {@link RedisCache}.
 *
 * @example
 * ```ts
 * const args: RedisCacheArgs = { ctx, network: net.networkId, dependsOn: [net.privateServiceAccess],
 *   tier: "STANDARD_HA", memorySizeGb: 5, readReplicas: 1, kmsKeyId: kms.keyIds["data"] };
 * ```
 */
export interface RedisCacheArgs {
    readonly ctx: PlatformContext;
    /** `memory` creates nothing: linked services use an in-process cache. @default "memorystore" */
    readonly mode?: CacheMode;
    /** VPC (id or self link) the instance peers with through Private Service Access. Required for memorystore. */
    readonly network?: pulumi.Input<string>;
    /** Resources that must exist first, e.g. the Private Service Access connection. @default [] */
    readonly dependsOn?: pulumi.Input<pulumi.Resource>[];
    /** @default "STANDARD_HA" */
    readonly tier?: RedisTier;
    /** Memory in GB, 1–300. @default 1 (5 with read replicas) */
    readonly memorySizeGb?: number;
    /** @default "REDIS_7_2" */
    readonly version?: RedisVersion;
    /** Read replicas, 0–5; needs STANDARD_HA and ≥ 5 GB. Cannot be turned off once on. @default 0 */
    readonly readReplicas?: number;
    /** @default "rdb" */
    readonly persistence?: Persistence;
    /** @default "TWELVE_HOURS" */
    readonly rdbSnapshotPeriod?: RdbSnapshotPeriod;
    /** Weekly one-hour maintenance window, UTC. @default { day: "SUNDAY", hour: 3 } */
    readonly maintenanceWindow?: {
        readonly day: Weekday;
        readonly hour: number;
    };
    /** CMEK key id (the Memorystore service agent needs encrypterDecrypter on it). @default Google-managed */
    readonly kmsKeyId?: pulumi.Input<string>;
    /** Redis parameters, e.g. `{ "maxmemory-policy": "allkeys-lru" }`. @default {} */
    readonly redisConfigs?: Readonly<Record<string, string>>;
    /** Pulumi `protect` and Memorystore deletion protection on the instance. @default true */
    readonly protect?: boolean;
    readonly transform?: {
        instance?: Transform<gcp.redis.InstanceArgs>;
        secret?: Transform<gcp.secretmanager.SecretArgs>;
        secretVersion?: Transform<gcp.secretmanager.SecretVersionArgs>;
    };
}
/** Defaults of {@link RedisCacheArgs}. */
export declare const DEFAULTS: {
    readonly mode: "memorystore";
    readonly tier: "STANDARD_HA";
    readonly memorySizeGb: 1;
    readonly version: "REDIS_7_2";
    readonly readReplicas: 0;
    readonly persistence: "rdb";
    readonly rdbSnapshotPeriod: "TWELVE_HOURS";
    readonly maintenanceWindow: {
        readonly day: "SUNDAY";
        readonly hour: 3;
    };
    readonly protect: true;
};
/** Memorystore settings with defaults applied (memorystore mode). */
export interface RedisSpec {
    readonly mode: "memorystore";
    readonly instanceName: string;
    readonly tier: RedisTier;
    readonly memorySizeGb: number;
    readonly version: RedisVersion;
    readonly readReplicas: number;
    readonly persistence: Persistence;
    readonly rdbSnapshotPeriod: RdbSnapshotPeriod;
    readonly maintenanceWindow: {
        readonly day: Weekday;
        readonly hour: number;
    };
    readonly protect: boolean;
}
/** Normalized settings: memory mode carries nothing else. */
export type CacheSpec = {
    readonly mode: "memory";
} | RedisSpec;
/**
 * Memorystore read-replica rules: 0–5, only on STANDARD_HA, only with ≥ 5 GB nodes.
 *
 * @example
 * ```ts
 * validateReplicas("BASIC", 1, 5); // ["readReplicas needs tier STANDARD_HA, got tier BASIC with 1 replica(s)"]
 * ```
 */
export declare function validateReplicas(tier: RedisTier, replicas: number, sizeGb: number): string[];
/**
 * Applies defaults and validates; throws one {@link PlatformError} listing every problem. Memory
 * mode ignores the Memorystore settings.
 *
 * @example
 * ```ts
 * normalizeRedisArgs("cache", { ctx, network, memorySizeGb: 0 });
 * // PlatformError: RedisCache 'cache': memorySizeGb must be 1–300, got 0
 * ```
 */
export declare function normalizeRedisArgs(name: string, args: RedisCacheArgs, instanceName: string): CacheSpec;
/**
 * The instance's replica settings: replicas on → READ_REPLICAS_ENABLED + count; STANDARD_HA
 * without read replicas keeps its one failover replica (Memorystore's only valid count); BASIC has none.
 *
 * @example
 * ```ts
 * replicaSettings("STANDARD_HA", 2); // { readReplicasMode: "READ_REPLICAS_ENABLED", replicaCount: 2 }
 * ```
 */
export declare function replicaSettings(tier: RedisTier, readReplicas: number): {
    readReplicasMode?: string;
    replicaCount?: number;
};
