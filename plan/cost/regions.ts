/**
 * Which prices apply in a region: Cloud Run by its Tier 1 / Tier 2 list, Cloud SQL and Memorystore
 * where the price table has figures, nothing for a region that does not exist. Nothing falls back
 * to another region; a missing service is "not priced" with the reason.
 */
import { cloudRunTier, isGcpRegion } from "../../components/shared/regions";
import { PRICES, type RegionPrices } from "./prices";

/**
 * A regional service: what {@link regionPrices} answers for.
 *
 * @example
 * ```ts
 * const service: RegionalService = "cloudSql";
 * ```
 */
export type RegionalService = keyof RegionPrices;

const SERVICE_NAME: Readonly<Record<RegionalService, string>> = {
  cloudSql: "Cloud SQL",
  redis: "Memorystore for Redis",
  cloudRun: "Cloud Run",
};

/**
 * The prices of one region, per service: a service without figures for the region is absent and
 * {@link RegionPricing.missing} says why. Nothing falls back to another region.
 *
 * @example
 * ```ts
 * const eu: RegionPricing = regionPrices("europe-west3");
 * eu.cloudRun?.requestBased.vcpuSecond.usd; // 0.0000336 (Tier 2)
 * eu.cloudSql; // undefined: not priced
 * ```
 */
export interface RegionPricing {
  readonly region: string;
  /** A real Google Cloud region. */
  readonly known: boolean;
  /** The Cloud Run price tier, when Cloud Run publishes one for the region. */
  readonly cloudRunTier?: "tier1" | "tier2";
  readonly cloudRun?: RegionPrices["cloudRun"];
  readonly cloudSql?: RegionPrices["cloudSql"];
  readonly redis?: RegionPrices["redis"];
  /** Why a service has no price here, for the line's note. */
  missing(service: RegionalService): string;
}

/**
 * The prices for a region: Cloud Run by its Tier 1 / Tier 2 list, Cloud SQL and Memorystore where
 * the table has figures (us-central1), nothing for a region that does not exist.
 *
 * @example
 * ```ts
 * regionPrices("europe-west1").cloudRunTier; // "tier1"
 * regionPrices("moon-central1").missing("cloudRun"); // "moon-central1 is not a Google Cloud region: …"
 * ```
 */
export function regionPrices(region: string): RegionPricing {
  const known = isGcpRegion(region);
  const full = Object.hasOwn(PRICES.regions, region) ? PRICES.regions[region] : undefined;
  const tier = known ? cloudRunTier(region) : undefined;
  const cloudRun = tier ? PRICES.cloudRunTiers[tier] : undefined;
  return {
    region,
    known,
    ...(tier ? { cloudRunTier: tier } : {}),
    ...(cloudRun ? { cloudRun } : {}),
    ...(full ? { cloudSql: full.cloudSql, redis: full.redis } : {}),
    missing(service) {
      const what = SERVICE_NAME[service];
      if (!known)
        return `not priced: ${region} is not a Google Cloud region, so ${what} has no list price there (the total is partial)`;
      if (service === "cloudRun")
        return `not priced: Cloud Run publishes no price tier for ${region} (https://cloud.google.com/run/docs/locations; the total is partial)`;
      return `not priced: the price table (${PRICES.asOf}) has no ${what} list price for ${region} (figures exist for ${Object.keys(PRICES.regions).join(", ")}; the total is partial)`;
    },
  };
}
