import { SharedCoreTier, SqlEdition } from "../prices";
import { type Estimate, type EstimateInput } from "./types";
/**
 * Type token of a Cloud SQL instance.
 *
 * @example
 * ```ts
 * ESTIMATORS[SQL_INSTANCE_TYPE] === estimateCloudSql; // true
 * ```
 */
export declare const SQL_INSTANCE_TYPE = "gcp:sql/databaseInstance:DatabaseInstance";
/**
 * A Cloud SQL machine tier as the estimator understands it.
 *
 * @example
 * ```ts
 * const shape: SqlTierShape | undefined = parseSqlTier("db-custom-2-7680"); // { kind: "dedicated", vcpu: 2, memoryGb: 7.5, … }
 * ```
 */
export type SqlTierShape = {
    readonly kind: "shared";
    readonly tier: SharedCoreTier;
} | {
    readonly kind: "dedicated";
    readonly tier: string;
    readonly vcpu: number;
    readonly memoryGb: number;
    /** The edition the tier implies (perf-optimized tiers exist only in Enterprise Plus). */
    readonly edition?: SqlEdition;
};
/**
 * Parses a Cloud SQL tier for pricing: shared-core tiers, `db-custom-<vCPU>-<MiB>`,
 * `db-n1-standard-N`, `db-n1-highmem-N` and Enterprise Plus `db-perf-optimized-N-<vCPU>`.
 * Undefined for anything else. It does not judge whether the tier is allowed (the component does).
 *
 * @example
 * ```ts
 * parseSqlTier("db-custom-2-7680"); // { kind: "dedicated", tier: "db-custom-2-7680", vcpu: 2, memoryGb: 7.5 }
 * parseSqlTier("db-f1-micro"); // { kind: "shared", tier: "db-f1-micro" }
 * ```
 */
export declare function parseSqlTier(tier: string): SqlTierShape | undefined;
/**
 * Prices a Cloud SQL instance (primary or read replica):
 * - compute: shared-core flat rate, or vCPU-hours + GB-hours of the tier's edition, × 730 h;
 * - storage: `settings.diskSize` GB (default 10) of PD_SSD (default) or PD_HDD;
 * - `settings.availabilityType: REGIONAL` doubles compute and storage (the standby), not backups;
 * - backups (usage): primaries with `settings.backupConfiguration.enabled`, `usage.backupStorageGb`
 *   GB or one copy of the disk;
 * - a replica (`masterInstanceName` set) is priced as an instance and has no backups.
 * Not included: network egress, public IPv4 while stopped, Enterprise Plus data cache.
 *
 * @example
 * ```ts
 * estimateCloudSql(input); // db-custom-2-7680 REGIONAL, 100 GB SSD → baseline $231.25, usage $8.00 (backups)
 * ```
 */
export declare function estimateCloudSql(input: EstimateInput): Estimate;
