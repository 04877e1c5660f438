import type { z } from "zod";
import type { Profile } from "../../components/shared/profiles";
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
export declare const cacheSchema: z.ZodObject<{
    mode: z.ZodOptional<z.ZodEnum<{
        memory: "memory";
        memorystore: "memorystore";
    }>>;
    tier: z.ZodOptional<z.ZodEnum<{
        BASIC: "BASIC";
        STANDARD_HA: "STANDARD_HA";
    }>>;
    memorySizeGb: z.ZodOptional<z.ZodNumber>;
    version: z.ZodOptional<z.ZodEnum<{
        REDIS_6_X: "REDIS_6_X";
        REDIS_7_0: "REDIS_7_0";
        REDIS_7_2: "REDIS_7_2";
    }>>;
    readReplicas: z.ZodOptional<z.ZodNumber>;
    persistence: z.ZodOptional<z.ZodEnum<{
        none: "none";
        rdb: "rdb";
    }>>;
    protect: z.ZodOptional<z.ZodBoolean>;
}, z.core.$strict>;
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
/** Applies the profile's defaults; read replicas imply STANDARD_HA and at least 5 GB. */
export declare function resolveCache(raw: z.infer<typeof cacheSchema> | undefined, profile: Profile): CacheConfig;
/** Prod invariants: refused values, with the config path. */
export declare function cacheInvariants(c: CacheConfig, profile: Profile): {
    path: string;
    message: string;
}[];
