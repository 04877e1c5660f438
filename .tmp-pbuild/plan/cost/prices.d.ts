/**
 * The dated list-price table the cost estimators read. USD, on-demand list prices, no committed-use
 * or sustained-use discounts, a 730-hour month (Infracost's `HourToMonthUnitMultiplier`).
 *
 * Every figure carries its `source`. Figures marked "not verified" come from the author's knowledge
 * of GCP list prices (or are derived from a verified us-central1 figure) and should be checked
 * against the Cloud Billing Catalog API before anyone quotes them.
 *
 * Regions: `us-central1` (verified figures) and `europe-west1` (Cloud Run and global services are
 * the same; Cloud SQL and Memorystore derived). Any other region falls back to us-central1 figures
 * and every line priced that way carries a note saying so (see {@link regionPrices}).
 */
/**
 * Hours in a billing month (730 = 8,760 h / 12).
 *
 * @example
 * ```ts
 * 0.0105 * HOURS_PER_MONTH; // 7.665 (db-f1-micro per month)
 * ```
 */
export declare const HOURS_PER_MONTH = 730;
/**
 * Seconds in a billing month.
 *
 * @example
 * ```ts
 * SECONDS_PER_MONTH * 0.0000025; // 6.57 (one idle vCPU all month)
 * ```
 */
export declare const SECONDS_PER_MONTH: number;
/**
 * Days in a billing month (730 h / 24).
 *
 * @example
 * ```ts
 * (12 * DAYS_PER_MONTH) / 90; // 4.06 rotations a year at 90 days
 * ```
 */
export declare const DAYS_PER_MONTH: number;
/**
 * One list price.
 *
 * @example
 * ```ts
 * const p: Price = PRICES.global.kms.versionMonth.HSM; // { usd: 1, unit: "key version-month", source: "https://cloud.google.com/kms/pricing …" }
 * ```
 */
export interface Price {
    /** USD per `unit`. */
    readonly usd: number;
    /** What one unit is, e.g. `vCPU-hour`, `GB-month`, `10k operations`. */
    readonly unit: string;
    /** Where the figure comes from (URL or file, and whether it was verified). */
    readonly source: string;
}
/**
 * Memorystore for Redis capacity tiers, chosen by provisioned size.
 *
 * @example
 * ```ts
 * PRICES.regions["us-central1"].redis.BASIC[RedisCapacityTier.M1].usd; // 0.049
 * ```
 */
export declare const RedisCapacityTier: {
    readonly M1: "M1";
    readonly M2: "M2";
    readonly M3: "M3";
    readonly M4: "M4";
    readonly M5: "M5";
};
/** A Memorystore capacity tier. */
export type RedisCapacityTier = (typeof RedisCapacityTier)[keyof typeof RedisCapacityTier];
/**
 * Memorystore service tiers as the provider spells them.
 *
 * @example
 * ```ts
 * PRICES.regions["us-central1"].redis[RedisServiceTier.STANDARD_HA].M1.usd; // 0.064
 * ```
 */
export declare const RedisServiceTier: {
    readonly BASIC: "BASIC";
    readonly STANDARD_HA: "STANDARD_HA";
};
/** A Memorystore service tier. */
export type RedisServiceTier = (typeof RedisServiceTier)[keyof typeof RedisServiceTier];
/**
 * Cloud SQL editions as the provider spells them.
 *
 * @example
 * ```ts
 * PRICES.regions["us-central1"].cloudSql.compute[SqlEdition.ENTERPRISE].vcpuHour.usd; // 0.0413
 * ```
 */
export declare const SqlEdition: {
    readonly ENTERPRISE: "ENTERPRISE";
    readonly ENTERPRISE_PLUS: "ENTERPRISE_PLUS";
};
/** A Cloud SQL edition. */
export type SqlEdition = (typeof SqlEdition)[keyof typeof SqlEdition];
/**
 * Shared-core Cloud SQL tiers, billed at a flat hourly rate.
 *
 * @example
 * ```ts
 * PRICES.regions["us-central1"].cloudSql.sharedCoreHour[SharedCoreTier["db-f1-micro"]].usd; // 0.0105
 * ```
 */
export declare const SharedCoreTier: {
    readonly "db-f1-micro": "db-f1-micro";
    readonly "db-g1-small": "db-g1-small";
};
/** A shared-core tier. */
export type SharedCoreTier = (typeof SharedCoreTier)[keyof typeof SharedCoreTier];
/**
 * Prices that differ by region.
 *
 * @example
 * ```ts
 * const eu: RegionPrices = regionPrices("europe-west1").prices;
 * eu.cloudSql.ssdGbMonth.usd; // 0.187
 * ```
 */
export interface RegionPrices {
    readonly cloudSql: {
        readonly compute: Readonly<Record<SqlEdition, {
            readonly vcpuHour: Price;
            readonly memoryGbHour: Price;
        }>>;
        /** Flat rates (zonal); Enterprise edition only. */
        readonly sharedCoreHour: Readonly<Record<SharedCoreTier, Price>>;
        readonly ssdGbMonth: Price;
        readonly hddGbMonth: Price;
        readonly backupGbMonth: Price;
    };
    /** Per GB-hour of provisioned capacity. */
    readonly redis: Readonly<Record<RedisServiceTier, Readonly<Record<RedisCapacityTier, Price>>>>;
    readonly cloudRun: {
        /** CPU only allocated during requests (`cpuIdle: true`). */
        readonly requestBased: {
            readonly vcpuSecond: Price;
            readonly gibSecond: Price;
            readonly millionRequests: Price;
            /** Min instances while idle. */
            readonly idleVcpuSecond: Price;
            readonly idleGibSecond: Price;
        };
        /** CPU always allocated (`cpuIdle: false`): every instance-second at this rate, no request fee. */
        readonly instanceBased: {
            readonly vcpuSecond: Price;
            readonly gibSecond: Price;
        };
        /** Internet egress of responses. */
        readonly egressGib: Price;
    };
}
/**
 * Prices that are the same everywhere.
 *
 * @example
 * ```ts
 * const g: GlobalPrices = PRICES.global;
 * g.secretManager.versionLocationMonth.usd; // 0.06
 * ```
 */
export interface GlobalPrices {
    readonly kms: {
        /** Per active key version per month. */
        readonly versionMonth: {
            readonly SOFTWARE: Price;
            /** AES-256, HMAC and RSA-2048 keys. */
            readonly HSM: Price;
            /** RSA-3072/4096 and EC keys (first 2,000 versions per account; $1.00 after). */
            readonly HSM_LARGE: Price;
            readonly EXTERNAL: Price;
        };
        /** Per 10,000 cryptographic operations. */
        readonly tenThousandOps: {
            readonly STANDARD: Price;
            readonly HSM_LARGE: Price;
        };
    };
    readonly secretManager: {
        readonly versionLocationMonth: Price;
        readonly tenThousandAccesses: Price;
        readonly rotationNotification: Price;
    };
    readonly monitoring: {
        readonly thousandUptimeExecutions: Price;
    };
}
/**
 * Free allowances (per billing account unless noted).
 *
 * @example
 * ```ts
 * const f: FreeAllowances = PRICES.free;
 * f.uptimeExecutions; // 1,000,000
 * ```
 */
export interface FreeAllowances {
    readonly cloudRunRequestBased: {
        readonly vcpuSeconds: number;
        readonly gibSeconds: number;
        readonly requests: number;
    };
    readonly cloudRunInstanceBased: {
        readonly vcpuSeconds: number;
        readonly gibSeconds: number;
    };
    /** Egress to North America, per billing account. */
    readonly cloudRunEgressGib: number;
    readonly secretManager: {
        readonly versions: number;
        readonly accesses: number;
        readonly rotationNotifications: number;
    };
    /** Per project (so always applied: one environment is one project). */
    readonly uptimeExecutions: number;
    readonly source: string;
}
/**
 * The price table.
 *
 * @example
 * ```ts
 * PRICES.regions["us-central1"].cloudSql.sharedCoreHour["db-f1-micro"].usd; // 0.0105
 * PRICES.global.kms.versionMonth.SOFTWARE.usd; // 0.06
 * ```
 */
export declare const PRICES: {
    /** The date the table was last checked against its sources. */
    readonly asOf: "2026-08-22";
    readonly currency: "USD";
    readonly hoursPerMonth: 730;
    /** Region used when a region is not in `regions`. */
    readonly fallbackRegion: "us-central1";
    readonly regions: Readonly<Record<string, RegionPrices>>;
    readonly global: {
        kms: {
            versionMonth: {
                SOFTWARE: Price;
                HSM: Price;
                HSM_LARGE: Price;
                EXTERNAL: Price;
            };
            tenThousandOps: {
                STANDARD: Price;
                HSM_LARGE: Price;
            };
        };
        secretManager: {
            versionLocationMonth: Price;
            tenThousandAccesses: Price;
            rotationNotification: Price;
        };
        monitoring: {
            thousandUptimeExecutions: Price;
        };
    };
    readonly free: {
        cloudRunRequestBased: {
            vcpuSeconds: number;
            gibSeconds: number;
            requests: number;
        };
        cloudRunInstanceBased: {
            vcpuSeconds: number;
            gibSeconds: number;
        };
        cloudRunEgressGib: number;
        secretManager: {
            versions: number;
            accesses: number;
            rotationNotifications: number;
        };
        uptimeExecutions: number;
        source: string;
    };
};
/**
 * The prices for a region. A region not in {@link PRICES} falls back to `us-central1` (a Tier 1
 * region, the cheapest band for most services, so the estimate may understate by 10–40% elsewhere);
 * `fallback` is then true and estimators add a note naming the region.
 *
 * @example
 * ```ts
 * regionPrices("europe-west1").fallback; // false
 * regionPrices("asia-south1"); // { region: "us-central1", requested: "asia-south1", fallback: true, prices: … }
 * ```
 */
export declare function regionPrices(region: string): {
    readonly region: string;
    readonly requested: string;
    readonly fallback: boolean;
    readonly prices: RegionPrices;
};
/**
 * Hourly price → monthly cost for a quantity running the whole month.
 *
 * @example
 * ```ts
 * monthly(0.0105); // 7.665 (db-f1-micro)
 * ```
 */
export declare function monthly(hourly: number, quantity?: number): number;
