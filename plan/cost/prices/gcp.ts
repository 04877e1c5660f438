/**
 * The dated list-price table the cost estimators read. USD, on-demand list prices, no committed-use
 * or sustained-use discounts, a 730-hour month (Infracost's `HourToMonthUnitMultiplier`).
 *
 * Every figure carries its `source`. Figures marked "not verified" come from the author's knowledge
 * of GCP list prices (or are derived from a verified us-central1 figure) and should be checked
 * against the Cloud Billing Catalog API before anyone quotes them.
 *
 * Regions (see `regionPrices` in regions.ts): Cloud Run is priced in every region of its Tier 1 and Tier 2
 * lists (components/shared/regions.ts): Tier 1 at the us-central1 figures, Tier 2 at 1.4× for CPU and
 * memory (the ratio of the reference's europe-west3 Tier 2 figures to the Tier 1 ones). Cloud SQL
 * and Memorystore are priced in us-central1 only: the reference gives no other region's figures and
 * documents no regional multiplier, so elsewhere they are "not priced" (the total is partial, with a
 * note), never guessed. KMS and Secret Manager list one price for every location. A region that is
 * not a Google Cloud region prices nothing regional; nothing falls back to us-central1.
 */

/**
 * Hours in a billing month (730 = 8,760 h / 12).
 *
 * @example
 * ```ts
 * 0.0105 * HOURS_PER_MONTH; // 7.665 (db-f1-micro per month)
 * ```
 */
export const HOURS_PER_MONTH = 730;
/**
 * Seconds in a billing month.
 *
 * @example
 * ```ts
 * SECONDS_PER_MONTH * 0.0000025; // 6.57 (one idle vCPU all month)
 * ```
 */
export const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;
/**
 * Days in a billing month (730 h / 24).
 *
 * @example
 * ```ts
 * (12 * DAYS_PER_MONTH) / 90; // 4.06 rotations a year at 90 days
 * ```
 */
export const DAYS_PER_MONTH = HOURS_PER_MONTH / 24;

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

/** Where the figures come from. */
const SRC = {
  sqlGolden:
    "Infracost golden sql_database_instance_test.golden (us-central1, regenerated 2024-07-01), cross-checked usage.ai May 2026; reference/cost-and-formats.md §4",
  sqlHdd: "reference/cost-and-formats.md §4 (HDD ≈$0.09/GB-mo, not verified)",
  sqlPlus:
    "not verified: author's knowledge of the Cloud SQL Enterprise Plus list price (≈1.3× Enterprise), https://cloud.google.com/sql/pricing",
  redisGolden:
    "Infracost golden redis_instance_test.golden (us-central1, regenerated 2024-07-01); reference/cost-and-formats.md §4",
  runOfficial:
    "https://cloud.google.com/run/pricing (Tier 1 regions; official page copy); reference/cost-and-formats.md §4",
  runSecondary:
    "secondary: cloudwebschool.com calculator, cloudchipr.com 2025 (Tier 1); reference/cost-and-formats.md §4",
  runIdle:
    "secondary repo note and unanswered.io (min-instance idle rate, Tier 1); reference/cost-and-formats.md §4",
  runInstanceMem: "not verified (official excerpt truncated); reference/cost-and-formats.md §4",
  runTier2:
    "derived: Tier 1 × 1.4, the ratio of the Tier 2 figures for europe-west3 ($0.0000336/vCPU-s, $0.0000035/GiB-s, Infracost golden cloud_run_v2_service_test.golden) to Tier 1 ($0.000024, $0.0000025); reference/cost-and-formats.md §4; tiers from https://cloud.google.com/run/docs/locations",
  runTier2Requests:
    "not verified: https://cloud.google.com/run/pricing lists one request price for Tier 1 and Tier 2 ($0.40 per million)",
  runFree:
    "https://cloud.google.com/run/pricing free tier (request-based); instance-based free tier from unanswered.io (secondary)",
  egress:
    "not verified: author's knowledge of Premium Tier internet egress, 0–1 TiB to North America/Europe, https://cloud.google.com/vpc/network-pricing",
  kms: "https://cloud.google.com/kms/pricing (effective 2025-03-17, one price list for every location); reference/cost-and-formats.md §4",
  secrets:
    "https://cloud.google.com/secret-manager/pricing (per version per location, the same in every location); reference/cost-and-formats.md §4",
  monitoring:
    "https://cloud.google.com/stackdriver/pricing (uptime checks effective 2022-10-01); reference/cost-and-formats.md §4",
} as const;

const p = (usd: number, unit: string, source: string): Price => ({ usd, unit, source });

/**
 * Memorystore for Redis capacity tiers, chosen by provisioned size.
 *
 * @example
 * ```ts
 * PRICES.regions["us-central1"].redis.BASIC[RedisCapacityTier.M1].usd; // 0.049
 * ```
 */
export const RedisCapacityTier = { M1: "M1", M2: "M2", M3: "M3", M4: "M4", M5: "M5" } as const;
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
export const RedisServiceTier = { BASIC: "BASIC", STANDARD_HA: "STANDARD_HA" } as const;
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
export const SqlEdition = { ENTERPRISE: "ENTERPRISE", ENTERPRISE_PLUS: "ENTERPRISE_PLUS" } as const;
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
export const SharedCoreTier = { "db-f1-micro": "db-f1-micro", "db-g1-small": "db-g1-small" } as const;
/** A shared-core tier. */
export type SharedCoreTier = (typeof SharedCoreTier)[keyof typeof SharedCoreTier];

/**
 * Prices that differ by region.
 *
 * @example
 * ```ts
 * const us: RegionPrices = PRICES.regions["us-central1"]!;
 * us.cloudSql.ssdGbMonth.usd; // 0.17
 * ```
 */
export interface RegionPrices {
  readonly cloudSql: {
    readonly compute: Readonly<
      Record<SqlEdition, { readonly vcpuHour: Price; readonly memoryGbHour: Price }>
    >;
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
    readonly instanceBased: { readonly vcpuSecond: Price; readonly gibSecond: Price };
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
      /** RSA-3072/4096 and EC keys, the first 2,000 versions per billing account. */
      readonly HSM_LARGE: Price;
      /** RSA-3072/4096 and EC keys beyond the first 2,000 versions. */
      readonly HSM_LARGE_OVER_2K: Price;
      readonly EXTERNAL: Price;
    };
    /** Per 10,000 cryptographic operations. */
    readonly tenThousandOps: { readonly STANDARD: Price; readonly HSM_LARGE: Price };
  };
  readonly secretManager: {
    readonly versionLocationMonth: Price;
    readonly tenThousandAccesses: Price;
    readonly rotationNotification: Price;
  };
  readonly monitoring: { readonly thousandUptimeExecutions: Price };
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
  readonly cloudRunInstanceBased: { readonly vcpuSeconds: number; readonly gibSeconds: number };
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

const US_CENTRAL1: RegionPrices = {
  cloudSql: {
    compute: {
      ENTERPRISE: {
        vcpuHour: p(0.0413, "vCPU-hour", SRC.sqlGolden),
        memoryGbHour: p(0.007, "GB-hour", SRC.sqlGolden),
      },
      ENTERPRISE_PLUS: {
        vcpuHour: p(0.0537, "vCPU-hour", SRC.sqlPlus),
        memoryGbHour: p(0.0091, "GB-hour", SRC.sqlPlus),
      },
    },
    sharedCoreHour: {
      "db-f1-micro": p(0.0105, "hour", SRC.sqlGolden),
      "db-g1-small": p(0.035, "hour", SRC.sqlGolden),
    },
    ssdGbMonth: p(0.17, "GB-month", SRC.sqlGolden),
    hddGbMonth: p(0.09, "GB-month", SRC.sqlHdd),
    backupGbMonth: p(0.08, "GB-month", SRC.sqlGolden),
  },
  redis: {
    BASIC: {
      M1: p(0.049, "GB-hour", SRC.redisGolden),
      M2: p(0.027, "GB-hour", SRC.redisGolden),
      M3: p(0.023, "GB-hour", SRC.redisGolden),
      M4: p(0.019, "GB-hour", SRC.redisGolden),
      M5: p(0.016, "GB-hour", SRC.redisGolden),
    },
    STANDARD_HA: {
      M1: p(0.064, "GB-hour", SRC.redisGolden),
      M2: p(0.054, "GB-hour", SRC.redisGolden),
      M3: p(0.046, "GB-hour", SRC.redisGolden),
      M4: p(0.035, "GB-hour", SRC.redisGolden),
      M5: p(0.03, "GB-hour", SRC.redisGolden),
    },
  },
  cloudRun: {
    requestBased: {
      vcpuSecond: p(0.000024, "vCPU-second", SRC.runOfficial),
      gibSecond: p(0.0000025, "GiB-second", SRC.runSecondary),
      millionRequests: p(0.4, "million requests", SRC.runSecondary),
      idleVcpuSecond: p(0.0000025, "vCPU-second", SRC.runIdle),
      idleGibSecond: p(0.0000025, "GiB-second", SRC.runIdle),
    },
    instanceBased: {
      vcpuSecond: p(0.000018, "vCPU-second", SRC.runOfficial),
      gibSecond: p(0.000002, "GiB-second", SRC.runInstanceMem),
    },
    egressGib: p(0.12, "GiB", SRC.egress),
  },
};

/** Cloud Run Tier 2 CPU and memory cost 1.4× Tier 1 (see SRC.runTier2). */
export const CLOUD_RUN_TIER2_FACTOR = 1.4;

const tier2 = (price: Price): Price =>
  p(Math.round(price.usd * CLOUD_RUN_TIER2_FACTOR * 1e10) / 1e10, price.unit, SRC.runTier2);

const CLOUD_RUN_TIER1: RegionPrices["cloudRun"] = US_CENTRAL1.cloudRun;
const CLOUD_RUN_TIER2: RegionPrices["cloudRun"] = {
  requestBased: {
    vcpuSecond: tier2(CLOUD_RUN_TIER1.requestBased.vcpuSecond),
    gibSecond: tier2(CLOUD_RUN_TIER1.requestBased.gibSecond),
    millionRequests: p(
      CLOUD_RUN_TIER1.requestBased.millionRequests.usd,
      "million requests",
      SRC.runTier2Requests,
    ),
    idleVcpuSecond: tier2(CLOUD_RUN_TIER1.requestBased.idleVcpuSecond),
    idleGibSecond: tier2(CLOUD_RUN_TIER1.requestBased.idleGibSecond),
  },
  instanceBased: {
    vcpuSecond: tier2(CLOUD_RUN_TIER1.instanceBased.vcpuSecond),
    gibSecond: tier2(CLOUD_RUN_TIER1.instanceBased.gibSecond),
  },
  egressGib: CLOUD_RUN_TIER1.egressGib,
};

/**
 * The price table.
 *
 * @example
 * ```ts
 * PRICES.regions["us-central1"].cloudSql.sharedCoreHour["db-f1-micro"].usd; // 0.0105
 * PRICES.global.kms.versionMonth.SOFTWARE.usd; // 0.06
 * ```
 */
export const PRICES = {
  /** The date the table was last checked against its sources. */
  asOf: "2026-12-01",
  currency: "USD",
  hoursPerMonth: HOURS_PER_MONTH,
  /** Regions with every regional price (Cloud SQL and Memorystore figures exist only here). */
  regions: { "us-central1": US_CENTRAL1 } as Readonly<Record<string, RegionPrices>>,
  /** Cloud Run prices per price tier (the tier of each region: components/shared/regions.ts). */
  cloudRunTiers: { tier1: CLOUD_RUN_TIER1, tier2: CLOUD_RUN_TIER2 },
  global: {
    kms: {
      versionMonth: {
        SOFTWARE: p(0.06, "key version-month", SRC.kms),
        HSM: p(1.0, "key version-month", SRC.kms),
        HSM_LARGE: p(2.5, "key version-month", SRC.kms),
        HSM_LARGE_OVER_2K: p(1.0, "key version-month", SRC.kms),
        EXTERNAL: p(3.0, "key version-month", SRC.kms),
      },
      tenThousandOps: {
        STANDARD: p(0.03, "10k operations", SRC.kms),
        HSM_LARGE: p(0.15, "10k operations", SRC.kms),
      },
    },
    secretManager: {
      versionLocationMonth: p(0.06, "version-location-month", SRC.secrets),
      tenThousandAccesses: p(0.03, "10k access operations", SRC.secrets),
      rotationNotification: p(0.05, "rotation notification", SRC.secrets),
    },
    monitoring: { thousandUptimeExecutions: p(0.3, "1,000 uptime check executions", SRC.monitoring) },
  } satisfies GlobalPrices,
  /** Volume tiers: the HSM RSA-3072+/EC rate applies to the first 2,000 versions per account. */
  kmsHsmLargeFirstTierVersions: 2_000,
  free: {
    cloudRunRequestBased: { vcpuSeconds: 180_000, gibSeconds: 360_000, requests: 2_000_000 },
    cloudRunInstanceBased: { vcpuSeconds: 240_000, gibSeconds: 450_000 },
    cloudRunEgressGib: 1,
    secretManager: { versions: 6, accesses: 10_000, rotationNotifications: 3 },
    uptimeExecutions: 1_000_000,
    source: `${SRC.runFree}; ${SRC.secrets}; ${SRC.monitoring}`,
  } satisfies FreeAllowances,
} as const;

/**
 * Hourly price → monthly cost for a quantity running the whole month.
 *
 * @example
 * ```ts
 * monthly(0.0105); // 7.665 (db-f1-micro)
 * ```
 */
export function monthly(hourly: number, quantity = 1): number {
  return hourly * quantity * HOURS_PER_MONTH;
}
