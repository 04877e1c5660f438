import { LIMITS } from "../../components/redis-cache/spec";
import type { Profile } from "../../components/shared/profiles";
import { z } from "zod";
import { awsCacheSchema } from "./aws";
import { bool, got, intRange, oneOf, section } from "./fields";

/** Fields that only mean something for a Memorystore instance. */
const MEMORYSTORE_ONLY = ["tier", "memorySizeGb", "version", "readReplicas", "persistence"] as const;

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
export const cacheSchema = section({
  /** memory (no cloud resources; services cache in-process) | memorystore. @default memory (dev), memorystore (staging, prod; prod refuses memory) */
  mode: z.enum(["memory", "memorystore", "elasticache", "valkey"], {
    error: (i) =>
      `must be one of memory | memorystore, got ${got(i.input)} (on cloud aws: memory | elasticache; on cloud kubernetes: memory | valkey)`,
  }),
  /** BASIC | STANDARD_HA. @default BASIC (dev, staging), STANDARD_HA (prod; prod refuses BASIC) */
  tier: oneOf(["BASIC", "STANDARD_HA"]),
  /** Memory in GB, 1–300. @default 1 (dev, staging), 5 (prod); at least 5 with read replicas */
  memorySizeGb: intRange(LIMITS.minSizeGb, LIMITS.maxSizeGb),
  /** @default REDIS_7_2 */
  version: oneOf(["REDIS_6_X", "REDIS_7_0", "REDIS_7_2"]),
  /** Read replicas, 0–5; STANDARD_HA only, ≥ 5 GB. @default 0 */
  readReplicas: intRange(0, LIMITS.maxReadReplicas),
  /** none | rdb (snapshots every 12 hours). @default none (dev), rdb (staging, prod) */
  persistence: oneOf(["none", "rdb"]),
  /** Pulumi protect + Memorystore deletion protection. @default true (prod refuses false) */
  protect: bool(),
  /** ElastiCache settings (cloud aws only). */
  aws: awsCacheSchema,
})
  .partial()
  .superRefine((c, ctx) => {
    const issue = (path: string[], message: string) => ctx.addIssue({ code: "custom", path, message });
    if (c.mode === "memory") {
      for (const f of MEMORYSTORE_ONLY) {
        if (c[f] !== undefined)
          issue(
            [f],
            `applies only to mode memorystore, got mode memory (remove ${f} or set mode: memorystore)`,
          );
      }
      return;
    }
    const replicas = c.readReplicas ?? 0;
    if (replicas > 0 && c.tier === "BASIC")
      issue(["readReplicas"], `needs tier STANDARD_HA, got ${replicas} with tier BASIC`);
    if (replicas > 0 && c.memorySizeGb !== undefined && c.memorySizeGb < LIMITS.minSizeGbForReplicas) {
      issue(
        ["memorySizeGb"],
        `must be at least ${LIMITS.minSizeGbForReplicas} with read replicas (Memorystore replica node size), got ${c.memorySizeGb}`,
      );
    }
  });

/** Resolved `platform:cache`. */
export interface CacheConfig {
  readonly mode: "memory" | "memorystore";
  readonly tier: "BASIC" | "STANDARD_HA";
  readonly memorySizeGb: number;
  readonly version: "REDIS_6_X" | "REDIS_7_0" | "REDIS_7_2";
  readonly readReplicas: number;
  readonly persistence: "none" | "rdb";
  readonly protect: boolean;
}

const BY_PROFILE = {
  dev: { mode: "memory", tier: "BASIC", memorySizeGb: 1, persistence: "none" },
  staging: { mode: "memorystore", tier: "BASIC", memorySizeGb: 1, persistence: "rdb" },
  prod: { mode: "memorystore", tier: "STANDARD_HA", memorySizeGb: 5, persistence: "rdb" },
} as const satisfies Record<Profile, unknown>;

/** Applies the profile's defaults; read replicas imply STANDARD_HA and at least 5 GB. */
export function resolveCache(raw: z.infer<typeof cacheSchema> | undefined, profile: Profile): CacheConfig {
  const d = BY_PROFILE[profile];
  const r = raw ?? {};
  const readReplicas = r.readReplicas ?? 0;
  return {
    // "elasticache" / "valkey" are the AWS / Kubernetes caches: gcp refuses them (programs/config.ts), aws and kubernetes read their own mode.
    mode: r.mode === "elasticache" || r.mode === "valkey" ? "memorystore" : (r.mode ?? d.mode),
    tier: r.tier ?? (readReplicas > 0 ? "STANDARD_HA" : d.tier),
    memorySizeGb:
      r.memorySizeGb ??
      (readReplicas > 0 ? Math.max(LIMITS.minSizeGbForReplicas, d.memorySizeGb) : d.memorySizeGb),
    version: r.version ?? "REDIS_7_2",
    readReplicas,
    persistence: r.persistence ?? d.persistence,
    protect: r.protect ?? true,
  };
}

/** Prod invariants: refused values, with the config path. */
export function cacheInvariants(c: CacheConfig, profile: Profile): { path: string; message: string }[] {
  if (profile !== "prod") return [];
  const out: { path: string; message: string }[] = [];
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
