/**
 * Cloud SQL machine tiers for PostgreSQL (Enterprise edition). Pure: used by the config schema,
 * the component validator and the cost estimator.
 */
/** Shared-core tiers: cheap, no SLA. */
export declare const SHARED_CORE_TIERS: {
    readonly "db-f1-micro": {
        readonly vcpu: 0.2;
        readonly memoryMb: 614;
    };
    readonly "db-g1-small": {
        readonly vcpu: 0.5;
        readonly memoryMb: 1740;
    };
};
/** A parsed tier. */
export interface TierShape {
    readonly tier: string;
    readonly vcpu: number;
    readonly memoryMb: number;
    /** True for db-f1-micro / db-g1-small (no SLA, not for production). */
    readonly sharedCore: boolean;
}
/**
 * Parses a Cloud SQL tier string, or explains why it is not a real tier.
 * Custom tiers follow Cloud SQL's rules: 1 or an even number of vCPUs up to 96, memory a multiple of
 * 256 MB, 0.9–6.5 GB per vCPU, at least 3.75 GB.
 *
 * @example
 * ```ts
 * parseTier("db-custom-2-7680"); // { ok: true, shape: { vcpu: 2, memoryMb: 7680, ... } }
 * parseTier("db-custom-3-7680"); // { ok: false, reason: "vCPUs must be 1 or an even number 2–96, got 3" }
 * ```
 */
export declare function parseTier(tier: string): {
    ok: true;
    shape: TierShape;
} | {
    ok: false;
    reason: string;
};
