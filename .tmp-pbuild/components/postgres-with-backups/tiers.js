"use strict";
/**
 * Cloud SQL machine tiers for PostgreSQL (Enterprise edition). Pure: used by the config schema,
 * the component validator and the cost estimator.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.SHARED_CORE_TIERS = void 0;
exports.parseTier = parseTier;
/** Shared-core tiers: cheap, no SLA. */
exports.SHARED_CORE_TIERS = {
    "db-f1-micro": { vcpu: 0.2, memoryMb: 614 },
    "db-g1-small": { vcpu: 0.5, memoryMb: 1740 },
};
/** Predefined legacy tiers still accepted by the API. */
const PREDEFINED_CPUS = [1, 2, 4, 8, 16, 32, 64, 96];
const PREDEFINED_MEM_PER_CPU = { standard: 3840, highmem: 6656 };
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
function parseTier(tier) {
    const shared = exports.SHARED_CORE_TIERS[tier];
    if (shared)
        return { ok: true, shape: { tier, ...shared, sharedCore: true } };
    const predefined = /^db-n1-(standard|highmem)-(\d+)$/.exec(tier);
    if (predefined) {
        const vcpu = Number(predefined[2]);
        const family = predefined[1];
        if (!PREDEFINED_CPUS.includes(vcpu) || (family === "highmem" && vcpu === 1)) {
            return {
                ok: false,
                reason: `db-n1-${family} comes with ${PREDEFINED_CPUS.join("/")} vCPUs, got ${vcpu}`,
            };
        }
        return {
            ok: true,
            shape: { tier, vcpu, memoryMb: vcpu * PREDEFINED_MEM_PER_CPU[family], sharedCore: false },
        };
    }
    const custom = /^db-custom-(\d+)-(\d+)$/.exec(tier);
    if (custom) {
        const vcpu = Number(custom[1]);
        const memoryMb = Number(custom[2]);
        if (!(vcpu === 1 || (vcpu % 2 === 0 && vcpu >= 2 && vcpu <= 96))) {
            return { ok: false, reason: `vCPUs must be 1 or an even number 2–96, got ${vcpu}` };
        }
        if (memoryMb % 256 !== 0)
            return { ok: false, reason: `memory must be a multiple of 256 MB, got ${memoryMb}` };
        const perCpu = memoryMb / vcpu;
        if (perCpu < 921.6 || perCpu > 6656) {
            return {
                ok: false,
                reason: `memory must be 0.9–6.5 GB per vCPU (${Math.ceil((vcpu * 921.6) / 256) * 256}–${vcpu * 6656} MB for ${vcpu} vCPU), got ${memoryMb}`,
            };
        }
        if (memoryMb < 3840)
            return { ok: false, reason: `memory must be at least 3840 MB, got ${memoryMb}` };
        return { ok: true, shape: { tier, vcpu, memoryMb, sharedCore: false } };
    }
    return {
        ok: false,
        reason: `must be db-f1-micro, db-g1-small, db-custom-<vCPUs>-<memoryMB> (e.g. db-custom-2-7680) or db-n1-standard-<N>, got ${JSON.stringify(tier)}`,
    };
}
//# sourceMappingURL=tiers.js.map