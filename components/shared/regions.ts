/**
 * The Google Cloud regions, and the Cloud Run price tier of each: what `gcp:region` is validated
 * against and what the cost estimator prices. Update both lists when Google opens a region.
 */

/**
 * Every public Google Cloud region (42), from https://cloud.google.com/compute/docs/regions-zones
 * (checked 2026-12-01).
 *
 * @example
 * ```ts
 * (GCP_REGIONS as readonly string[]).includes("europe-west3"); // true
 * ```
 */
export const GCP_REGIONS = [
  "africa-south1",
  "asia-east1",
  "asia-east2",
  "asia-northeast1",
  "asia-northeast2",
  "asia-northeast3",
  "asia-south1",
  "asia-south2",
  "asia-southeast1",
  "asia-southeast2",
  "australia-southeast1",
  "australia-southeast2",
  "europe-central2",
  "europe-north1",
  "europe-north2",
  "europe-southwest1",
  "europe-west1",
  "europe-west2",
  "europe-west3",
  "europe-west4",
  "europe-west6",
  "europe-west8",
  "europe-west9",
  "europe-west10",
  "europe-west12",
  "me-central1",
  "me-central2",
  "me-west1",
  "northamerica-northeast1",
  "northamerica-northeast2",
  "northamerica-south1",
  "southamerica-east1",
  "southamerica-west1",
  "us-central1",
  "us-east1",
  "us-east4",
  "us-east5",
  "us-south1",
  "us-west1",
  "us-west2",
  "us-west3",
  "us-west4",
] as const;
/** A Google Cloud region. */
export type GcpRegion = (typeof GCP_REGIONS)[number];

/**
 * True for a real Google Cloud region.
 *
 * @example
 * ```ts
 * isGcpRegion("moon-central1"); // false
 * ```
 */
export function isGcpRegion(value: unknown): value is GcpRegion {
  return typeof value === "string" && (GCP_REGIONS as readonly string[]).includes(value);
}

/**
 * Cloud Run's price tiers by region, from https://cloud.google.com/run/docs/locations ("Tier 1
 * pricing" / "Tier 2 pricing", checked 2026-12-01). A region in neither list (europe-north2,
 * northamerica-south1 when this was written) has no published Cloud Run tier: it is not priced.
 *
 * @example
 * ```ts
 * CLOUD_RUN_TIERS.tier2.includes("europe-west3"); // true
 * ```
 */
export const CLOUD_RUN_TIERS = {
  tier1: [
    "asia-east1",
    "asia-northeast1",
    "asia-northeast2",
    "europe-north1",
    "europe-southwest1",
    "europe-west1",
    "europe-west4",
    "europe-west8",
    "europe-west9",
    "me-west1",
    "us-central1",
    "us-east1",
    "us-east4",
    "us-east5",
    "us-south1",
    "us-west1",
  ],
  tier2: [
    "africa-south1",
    "asia-east2",
    "asia-northeast3",
    "asia-southeast1",
    "asia-southeast2",
    "asia-south1",
    "asia-south2",
    "australia-southeast1",
    "australia-southeast2",
    "europe-central2",
    "europe-west10",
    "europe-west12",
    "europe-west2",
    "europe-west3",
    "europe-west6",
    "me-central1",
    "me-central2",
    "northamerica-northeast1",
    "northamerica-northeast2",
    "southamerica-east1",
    "southamerica-west1",
    "us-west2",
    "us-west3",
    "us-west4",
  ],
} as const satisfies Record<string, readonly GcpRegion[]>;

/**
 * The Cloud Run price tier of a region, or undefined when Cloud Run publishes none for it.
 *
 * @example
 * ```ts
 * cloudRunTier("europe-west3"); // "tier2"
 * ```
 */
export function cloudRunTier(region: string): keyof typeof CLOUD_RUN_TIERS | undefined {
  if ((CLOUD_RUN_TIERS.tier1 as readonly string[]).includes(region)) return "tier1";
  if ((CLOUD_RUN_TIERS.tier2 as readonly string[]).includes(region)) return "tier2";
  return undefined;
}
