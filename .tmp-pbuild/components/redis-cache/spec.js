"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULTS = exports.LIMITS = exports.Weekday = exports.RdbSnapshotPeriod = exports.Persistence = exports.RedisVersion = exports.RedisTier = exports.CacheMode = void 0;
exports.validateReplicas = validateReplicas;
exports.normalizeRedisArgs = normalizeRedisArgs;
exports.replicaSettings = replicaSettings;
const errors_1 = require("../shared/errors");
/** Where the cache lives: in the service's own process (dev) or in Memorystore. */
exports.CacheMode = { memory: "memory", memorystore: "memorystore" };
/** Memorystore tiers: BASIC is one node (no SLA, data lost on failure); STANDARD_HA adds a replica in another zone. */
exports.RedisTier = { BASIC: "BASIC", STANDARD_HA: "STANDARD_HA" };
/** Supported Redis versions. */
exports.RedisVersion = {
    REDIS_6_X: "REDIS_6_X",
    REDIS_7_0: "REDIS_7_0",
    REDIS_7_2: "REDIS_7_2",
};
/** Persistence: none, or RDB snapshots. */
exports.Persistence = { none: "none", rdb: "rdb" };
/** RDB snapshot periods Memorystore offers. */
exports.RdbSnapshotPeriod = {
    ONE_HOUR: "ONE_HOUR",
    SIX_HOURS: "SIX_HOURS",
    TWELVE_HOURS: "TWELVE_HOURS",
    TWENTY_FOUR_HOURS: "TWENTY_FOUR_HOURS",
};
/** Days of the week for the maintenance window. */
exports.Weekday = {
    MONDAY: "MONDAY",
    TUESDAY: "TUESDAY",
    WEDNESDAY: "WEDNESDAY",
    THURSDAY: "THURSDAY",
    FRIDAY: "FRIDAY",
    SATURDAY: "SATURDAY",
    SUNDAY: "SUNDAY",
};
/** Memorystore limits: size in GB, read replicas and the node size they need. */
exports.LIMITS = { minSizeGb: 1, maxSizeGb: 300, maxReadReplicas: 5, minSizeGbForReplicas: 5 };
/** Defaults of {@link RedisCacheArgs}. */
exports.DEFAULTS = {
    mode: exports.CacheMode.memorystore,
    tier: exports.RedisTier.STANDARD_HA,
    memorySizeGb: 1,
    version: exports.RedisVersion.REDIS_7_2,
    readReplicas: 0,
    persistence: exports.Persistence.rdb,
    rdbSnapshotPeriod: exports.RdbSnapshotPeriod.TWELVE_HOURS,
    maintenanceWindow: { day: exports.Weekday.SUNDAY, hour: 3 },
    protect: true,
};
const closed = (field, set, v) => Object.values(set).includes(v)
    ? []
    : [`${field} must be one of ${Object.values(set).join(" | ")}, got ${(0, errors_1.show)(v)}`];
/**
 * Memorystore read-replica rules: 0–5, only on STANDARD_HA, only with ≥ 5 GB nodes.
 *
 * @example
 * ```ts
 * validateReplicas("BASIC", 1, 5); // ["readReplicas needs tier STANDARD_HA, got tier BASIC with 1 replica(s)"]
 * ```
 */
function validateReplicas(tier, replicas, sizeGb) {
    if (!Number.isInteger(replicas) || replicas < 0 || replicas > exports.LIMITS.maxReadReplicas) {
        return [`readReplicas must be an integer 0–${exports.LIMITS.maxReadReplicas}, got ${(0, errors_1.show)(replicas)}`];
    }
    if (replicas === 0)
        return [];
    const out = [];
    if (tier !== exports.RedisTier.STANDARD_HA)
        out.push(`readReplicas needs tier STANDARD_HA, got tier ${tier} with ${replicas} replica(s)`);
    if (sizeGb < exports.LIMITS.minSizeGbForReplicas) {
        out.push(`readReplicas needs memorySizeGb ≥ ${exports.LIMITS.minSizeGbForReplicas} (Memorystore replica node size), got ${sizeGb}`);
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
function normalizeRedisArgs(name, args, instanceName) {
    const mode = args.mode ?? exports.DEFAULTS.mode;
    const p = closed("mode", exports.CacheMode, mode);
    if (mode === exports.CacheMode.memory) {
        if (p.length > 0)
            throw new errors_1.PlatformError(`RedisCache '${name}': ${p.join("; ")}`);
        return { mode };
    }
    const tier = args.tier ?? exports.DEFAULTS.tier;
    const readReplicas = args.readReplicas ?? exports.DEFAULTS.readReplicas;
    const memorySizeGb = args.memorySizeGb ?? (readReplicas > 0 ? exports.LIMITS.minSizeGbForReplicas : exports.DEFAULTS.memorySizeGb);
    const version = args.version ?? exports.DEFAULTS.version;
    const persistence = args.persistence ?? exports.DEFAULTS.persistence;
    const rdbSnapshotPeriod = args.rdbSnapshotPeriod ?? exports.DEFAULTS.rdbSnapshotPeriod;
    const maintenanceWindow = args.maintenanceWindow ?? exports.DEFAULTS.maintenanceWindow;
    p.push(...closed("tier", exports.RedisTier, tier), ...closed("version", exports.RedisVersion, version), ...closed("persistence", exports.Persistence, persistence), ...closed("rdbSnapshotPeriod", exports.RdbSnapshotPeriod, rdbSnapshotPeriod), ...closed("maintenanceWindow.day", exports.Weekday, maintenanceWindow.day));
    if (!Number.isInteger(memorySizeGb) || memorySizeGb < exports.LIMITS.minSizeGb || memorySizeGb > exports.LIMITS.maxSizeGb) {
        p.push(`memorySizeGb must be ${exports.LIMITS.minSizeGb}–${exports.LIMITS.maxSizeGb}, got ${(0, errors_1.show)(memorySizeGb)}`);
    }
    else {
        p.push(...validateReplicas(tier, readReplicas, memorySizeGb));
    }
    const hour = maintenanceWindow.hour;
    if (!Number.isInteger(hour) || hour < 0 || hour > 23)
        p.push(`maintenanceWindow.hour must be an integer 0–23 (UTC), got ${(0, errors_1.show)(hour)}`);
    if (persistence === exports.Persistence.none && args.rdbSnapshotPeriod !== undefined) {
        p.push(`rdbSnapshotPeriod needs persistence "rdb", got persistence "none"`);
    }
    if (args.network === undefined)
        p.push(`network is required for mode "memorystore" (the instance gets a private IP through Private Service Access)`);
    if (p.length > 0)
        throw new errors_1.PlatformError(`RedisCache '${name}': ${p.join("; ")}`);
    return {
        mode: exports.CacheMode.memorystore,
        instanceName,
        tier,
        memorySizeGb,
        version,
        readReplicas,
        persistence,
        rdbSnapshotPeriod,
        maintenanceWindow,
        protect: args.protect ?? exports.DEFAULTS.protect,
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
function replicaSettings(tier, readReplicas) {
    if (tier === exports.RedisTier.BASIC)
        return {};
    return readReplicas > 0
        ? { readReplicasMode: "READ_REPLICAS_ENABLED", replicaCount: readReplicas }
        : { readReplicasMode: "READ_REPLICAS_DISABLED" };
}
//# sourceMappingURL=spec.js.map