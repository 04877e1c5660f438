import type * as gcp from "@pulumi/gcp";
import type * as pulumi from "@pulumi/pulumi";
import type { PlatformContext } from "../shared/context";
import { PlatformError, show } from "../shared/errors";
import type { Transform } from "../shared/transform";

/** Where the cache lives: in the service's own process (dev) or in Memorystore. */
export const CacheMode = { memory: "memory", memorystore: "memorystore" } as const;
/** A cache mode. */
export type CacheMode = (typeof CacheMode)[keyof typeof CacheMode];

/** Memorystore tiers: BASIC is one node (no SLA, data lost on failure); STANDARD_HA adds a replica in another zone. */
export const RedisTier = { BASIC: "BASIC", STANDARD_HA: "STANDARD_HA" } as const;
/** A Memorystore tier. */
export type RedisTier = (typeof RedisTier)[keyof typeof RedisTier];

/** Supported Redis versions. */
export const RedisVersion = {
  REDIS_6_X: "REDIS_6_X",
  REDIS_7_0: "REDIS_7_0",
  REDIS_7_2: "REDIS_7_2",
} as const;
/** A supported Redis version. */
export type RedisVersion = (typeof RedisVersion)[keyof typeof RedisVersion];

/** Persistence: none, or RDB snapshots. */
export const Persistence = { none: "none", rdb: "rdb" } as const;
/** A persistence choice. */
export type Persistence = (typeof Persistence)[keyof typeof Persistence];

/** RDB snapshot periods Memorystore offers. */
export const RdbSnapshotPeriod = {
  ONE_HOUR: "ONE_HOUR",
  SIX_HOURS: "SIX_HOURS",
  TWELVE_HOURS: "TWELVE_HOURS",
  TWENTY_FOUR_HOURS: "TWENTY_FOUR_HOURS",
} as const;
/** An RDB snapshot period. */
export type RdbSnapshotPeriod = (typeof RdbSnapshotPeriod)[keyof typeof RdbSnapshotPeriod];

/** Days of the week for the maintenance window. */
export const Weekday = {
  MONDAY: "MONDAY",
  TUESDAY: "TUESDAY",
  WEDNESDAY: "WEDNESDAY",
  THURSDAY: "THURSDAY",
  FRIDAY: "FRIDAY",
  SATURDAY: "SATURDAY",
  SUNDAY: "SUNDAY",
} as const;
/** A weekday. */
export type Weekday = (typeof Weekday)[keyof typeof Weekday];

/** Memorystore limits: size in GB, read replicas and the node size they need. */
export const LIMITS = { minSizeGb: 1, maxSizeGb: 300, maxReadReplicas: 5, minSizeGbForReplicas: 5 } as const;

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
  readonly maintenanceWindow?: { readonly day: Weekday; readonly hour: number };
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
export const DEFAULTS = {
  mode: CacheMode.memorystore,
  tier: RedisTier.STANDARD_HA,
  memorySizeGb: 1,
  version: RedisVersion.REDIS_7_2,
  readReplicas: 0,
  persistence: Persistence.rdb,
  rdbSnapshotPeriod: RdbSnapshotPeriod.TWELVE_HOURS,
  maintenanceWindow: { day: Weekday.SUNDAY, hour: 3 },
  protect: true,
} as const;

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
  readonly maintenanceWindow: { readonly day: Weekday; readonly hour: number };
  readonly protect: boolean;
}

/** Normalized settings: memory mode carries nothing else. */
export type CacheSpec = { readonly mode: "memory" } | RedisSpec;

const closed = <T extends Record<string, string>>(field: string, set: T, v: unknown): string[] =>
  Object.values(set).includes(v as string)
    ? []
    : [`${field} must be one of ${Object.values(set).join(" | ")}, got ${show(v)}`];

/**
 * Memorystore read-replica rules: 0–5, only on STANDARD_HA, only with ≥ 5 GB nodes.
 *
 * @example
 * ```ts
 * validateReplicas("BASIC", 1, 5); // ["readReplicas needs tier STANDARD_HA, got tier BASIC with 1 replica(s)"]
 * ```
 */
export function validateReplicas(tier: RedisTier, replicas: number, sizeGb: number): string[] {
  if (!Number.isInteger(replicas) || replicas < 0 || replicas > LIMITS.maxReadReplicas) {
    return [`readReplicas must be an integer 0–${LIMITS.maxReadReplicas}, got ${show(replicas)}`];
  }
  if (replicas === 0) return [];
  const out: string[] = [];
  if (tier !== RedisTier.STANDARD_HA)
    out.push(`readReplicas needs tier STANDARD_HA, got tier ${tier} with ${replicas} replica(s)`);
  if (sizeGb < LIMITS.minSizeGbForReplicas) {
    out.push(
      `readReplicas needs memorySizeGb ≥ ${LIMITS.minSizeGbForReplicas} (Memorystore replica node size), got ${sizeGb}`,
    );
  }
  return out;
}

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
export function normalizeRedisArgs(name: string, args: RedisCacheArgs, instanceName: string): CacheSpec {
  const mode = args.mode ?? DEFAULTS.mode;
  const p: string[] = closed("mode", CacheMode, mode);
  if (mode === CacheMode.memory) {
    if (p.length > 0) throw new PlatformError(`RedisCache '${name}': ${p.join("; ")}`);
    return { mode };
  }
  const tier = args.tier ?? DEFAULTS.tier;
  const readReplicas = args.readReplicas ?? DEFAULTS.readReplicas;
  const memorySizeGb =
    args.memorySizeGb ?? (readReplicas > 0 ? LIMITS.minSizeGbForReplicas : DEFAULTS.memorySizeGb);
  const version = args.version ?? DEFAULTS.version;
  const persistence = args.persistence ?? DEFAULTS.persistence;
  const rdbSnapshotPeriod = args.rdbSnapshotPeriod ?? DEFAULTS.rdbSnapshotPeriod;
  const maintenanceWindow = args.maintenanceWindow ?? DEFAULTS.maintenanceWindow;
  p.push(
    ...closed("tier", RedisTier, tier),
    ...closed("version", RedisVersion, version),
    ...closed("persistence", Persistence, persistence),
    ...closed("rdbSnapshotPeriod", RdbSnapshotPeriod, rdbSnapshotPeriod),
    ...closed("maintenanceWindow.day", Weekday, maintenanceWindow.day),
  );
  if (!Number.isInteger(memorySizeGb) || memorySizeGb < LIMITS.minSizeGb || memorySizeGb > LIMITS.maxSizeGb) {
    p.push(`memorySizeGb must be ${LIMITS.minSizeGb}–${LIMITS.maxSizeGb}, got ${show(memorySizeGb)}`);
  } else {
    p.push(...validateReplicas(tier, readReplicas, memorySizeGb));
  }
  const hour = maintenanceWindow.hour;
  if (!Number.isInteger(hour) || hour < 0 || hour > 23)
    p.push(`maintenanceWindow.hour must be an integer 0–23 (UTC), got ${show(hour)}`);
  if (persistence === Persistence.none && args.rdbSnapshotPeriod !== undefined) {
    p.push(`rdbSnapshotPeriod needs persistence "rdb", got persistence "none"`);
  }
  if (args.network === undefined)
    p.push(
      `network is required for mode "memorystore" (the instance gets a private IP through Private Service Access)`,
    );
  if (p.length > 0) throw new PlatformError(`RedisCache '${name}': ${p.join("; ")}`);
  return {
    mode: CacheMode.memorystore,
    instanceName,
    tier,
    memorySizeGb,
    version,
    readReplicas,
    persistence,
    rdbSnapshotPeriod,
    maintenanceWindow,
    protect: args.protect ?? DEFAULTS.protect,
  };
}

/**
 * The instance's replica settings: replicas on → READ_REPLICAS_ENABLED + count; STANDARD_HA
 * without read replicas keeps its one failover replica (Memorystore's only valid count); BASIC has none.
 *
 * @example
 * ```ts
 * replicaSettings("STANDARD_HA", 2); // { readReplicasMode: "READ_REPLICAS_ENABLED", replicaCount: 2 }
 * ```
 */
export function replicaSettings(
  tier: RedisTier,
  readReplicas: number,
): { readReplicasMode?: string; replicaCount?: number } {
  if (tier === RedisTier.BASIC) return {};
  return readReplicas > 0
    ? { readReplicasMode: "READ_REPLICAS_ENABLED", replicaCount: readReplicas }
    : { readReplicasMode: "READ_REPLICAS_DISABLED" };
}
