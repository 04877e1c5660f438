import { HOURS_PER_MONTH, RedisCapacityTier, RedisServiceTier } from "../../prices/gcp";
import { NOT_KNOWN } from "../../inputs";
import { formatQty, formatRate } from "../../format";
import { bill, pricesFor, type Estimate, type EstimateInput } from "../types";

/**
 * Type token of a Memorystore for Redis instance.
 *
 * @example
 * ```ts
 * ESTIMATORS[REDIS_INSTANCE_TYPE] === estimateRedis; // true
 * ```
 */
export const REDIS_INSTANCE_TYPE = "gcp:redis/instance:Instance";

/** Upper bound (GB, inclusive) of each capacity tier; M5 is everything above 100 GB. */
const BAND_MAX_GB = [
  [RedisCapacityTier.M1, 4],
  [RedisCapacityTier.M2, 10],
  [RedisCapacityTier.M3, 35],
  [RedisCapacityTier.M4, 100],
] as const;

/**
 * The capacity tier a provisioned size falls in: 1–4 GB M1, 5–10 M2, 11–35 M3, 36–100 M4, above M5
 * (Infracost `redis_instance.go`).
 *
 * @example
 * ```ts
 * redisCapacityTier(5); // "M2"
 * ```
 */
export function redisCapacityTier(memorySizeGb: number): RedisCapacityTier {
  for (const [tier, max] of BAND_MAX_GB) if (memorySizeGb <= max) return tier;
  return RedisCapacityTier.M5;
}

/**
 * Prices a Memorystore for Redis instance: provisioned GB × the GB-hour rate of its service tier
 * (`tier`, default BASIC) and capacity tier × 730 h. The STANDARD_HA rate covers a primary and one
 * replica; with `readReplicasMode: READ_REPLICAS_ENABLED` each node beyond those two (`replicaCount`,
 * default 2 when enabled) adds half the STANDARD_HA figure (assumption: per-node pricing).
 * Note: per-GB rates fall at each capacity tier, so 5 GB BASIC costs less than 4 GB BASIC.
 *
 * @example
 * ```ts
 * estimateRedis(input); // BASIC 1 GB in us-central1 → baseline $35.77
 * ```
 */
export function estimateRedis(input: EstimateInput): Estimate {
  const r = input.read;
  const b = bill();
  const { prices } = pricesFor(input, "region");
  if (!prices.redis) {
    b.note(prices.missing("redis"));
    return b.done({ notPriced: true });
  }

  const tierIn = r.str("tier");
  let tier: RedisServiceTier = RedisServiceTier.BASIC;
  if (tierIn === NOT_KNOWN) b.note("tier unknown: priced as BASIC");
  else if (tierIn === RedisServiceTier.STANDARD_HA) tier = RedisServiceTier.STANDARD_HA;
  else if (tierIn !== undefined && tierIn !== RedisServiceTier.BASIC) {
    b.note(`tier ${tierIn} not recognised: priced as BASIC`);
  }

  const size = r.num("memorySizeGb");
  if (size === NOT_KNOWN || size === undefined) {
    b.note(`not priced: memorySizeGb is ${size === undefined ? "absent" : "unknown"} (the total is partial)`);
    return b.done({ notPriced: true });
  }
  const band = redisCapacityTier(size);
  const rate = prices.redis[tier][band].usd;

  let nodesFactor = 1;
  let nodesText = "";
  if (tier === RedisServiceTier.STANDARD_HA) {
    const mode = r.str("readReplicasMode");
    const replicas = r.num("replicaCount");
    const enabled = mode === "READ_REPLICAS_ENABLED";
    const count = enabled ? (typeof replicas === "number" ? replicas : 2) : 1;
    if (enabled && replicas === NOT_KNOWN)
      b.note("replicaCount unknown: priced with the default 2 read replicas");
    nodesFactor = (1 + count) / 2;
    if (nodesFactor !== 1) nodesText = ` × ${formatQty(1 + count)} nodes / 2`;
  }
  b.baseline(
    size * rate * HOURS_PER_MONTH * nodesFactor,
    `${tier} ${band}: ${formatQty(size)} GB × ${formatRate(rate)}/GB-h × 730 h${nodesText}`,
  );
  return b.done();
}
