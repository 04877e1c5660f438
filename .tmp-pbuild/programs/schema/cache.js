"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.cacheSchema = void 0;
exports.resolveCache = resolveCache;
exports.cacheInvariants = cacheInvariants;
const spec_1 = require("../../components/redis-cache/spec");
const fields_1 = require("./fields");
/** Fields that only mean something for a Memorystore instance. */
const MEMORYSTORE_ONLY = ["tier", "memorySizeGb", "version", "readReplicas", "persistence"];
/**
 * `platform:cache`: the Redis cache (an in-process cache in dev, Memorystore elsewhere).
 *
 * @example
 * ```yaml
 * platform:cache:
 *   mode: memorystore
 *   tier: STANDARD_HA
 *   memorySizeGb: 5
 *   readReplicas: 1
 *   persistence: rdb
 * ```
 */
exports.cacheSchema = (0, fields_1.section)({
    /** memory (no cloud resources; services cache in-process) | memorystore. @default memory (dev), memorystore (staging, prod; prod refuses memory) */
    mode: (0, fields_1.oneOf)(["memory", "memorystore"]),
    /** BASIC | STANDARD_HA. @default BASIC (dev, staging), STANDARD_HA (prod; prod refuses BASIC) */
    tier: (0, fields_1.oneOf)(["BASIC", "STANDARD_HA"]),
    /** Memory in GB, 1–300. @default 1 (dev, staging), 5 (prod); at least 5 with read replicas */
    memorySizeGb: (0, fields_1.intRange)(spec_1.LIMITS.minSizeGb, spec_1.LIMITS.maxSizeGb),
    /** @default REDIS_7_2 */
    version: (0, fields_1.oneOf)(["REDIS_6_X", "REDIS_7_0", "REDIS_7_2"]),
    /** Read replicas, 0–5; STANDARD_HA only, ≥ 5 GB. @default 0 */
    readReplicas: (0, fields_1.intRange)(0, spec_1.LIMITS.maxReadReplicas),
    /** none | rdb (snapshots every 12 hours). @default none (dev), rdb (staging, prod) */
    persistence: (0, fields_1.oneOf)(["none", "rdb"]),
    /** Pulumi protect + Memorystore deletion protection. @default true (prod refuses false) */
    protect: (0, fields_1.bool)(),
})
    .partial()
    .superRefine((c, ctx) => {
    const issue = (path, message) => ctx.addIssue({ code: "custom", path, message });
    if (c.mode === "memory") {
        for (const f of MEMORYSTORE_ONLY) {
            if (c[f] !== undefined)
                issue([f], `applies only to mode memorystore, got mode memory (remove ${f} or set mode: memorystore)`);
        }
        return;
    }
    const replicas = c.readReplicas ?? 0;
    if (replicas > 0 && c.tier === "BASIC")
        issue(["readReplicas"], `needs tier STANDARD_HA, got ${replicas} with tier BASIC`);
    if (replicas > 0 && c.memorySizeGb !== undefined && c.memorySizeGb < spec_1.LIMITS.minSizeGbForReplicas) {
        issue(["memorySizeGb"], `must be at least ${spec_1.LIMITS.minSizeGbForReplicas} with read replicas (Memorystore replica node size), got ${c.memorySizeGb}`);
    }
});
const BY_PROFILE = {
    dev: { mode: "memory", tier: "BASIC", memorySizeGb: 1, persistence: "none" },
    staging: { mode: "memorystore", tier: "BASIC", memorySizeGb: 1, persistence: "rdb" },
    prod: { mode: "memorystore", tier: "STANDARD_HA", memorySizeGb: 5, persistence: "rdb" },
};
/** Applies the profile's defaults; read replicas imply STANDARD_HA and at least 5 GB. */
function resolveCache(raw, profile) {
    const d = BY_PROFILE[profile];
    const r = raw ?? {};
    const readReplicas = r.readReplicas ?? 0;
    return {
        mode: r.mode ?? d.mode,
        tier: r.tier ?? (readReplicas > 0 ? "STANDARD_HA" : d.tier),
        memorySizeGb: r.memorySizeGb ??
            (readReplicas > 0 ? Math.max(spec_1.LIMITS.minSizeGbForReplicas, d.memorySizeGb) : d.memorySizeGb),
        version: r.version ?? "REDIS_7_2",
        readReplicas,
        persistence: r.persistence ?? d.persistence,
        protect: r.protect ?? true,
    };
}
/** Prod invariants: refused values, with the config path. */
function cacheInvariants(c, profile) {
    if (profile !== "prod")
        return [];
    const out = [];
    const at = "platform:cache";
    if (c.mode !== "memorystore") {
        out.push({
            path: `${at}.mode`,
            message: `prod requires "memorystore" (an in-process cache is per instance and lost on restart), got "${c.mode}"`,
        });
        return out;
    }
    if (c.tier !== "STANDARD_HA")
        out.push({
            path: `${at}.tier`,
            message: `prod requires "STANDARD_HA" (BASIC has no replica and no SLA), got "${c.tier}"`,
        });
    if (!c.protect)
        out.push({
            path: `${at}.protect`,
            message: "prod refuses protect=false on the cache instance, got false",
        });
    return out;
}
//# sourceMappingURL=cache.js.map