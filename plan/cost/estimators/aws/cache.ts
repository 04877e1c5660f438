/**
 * ElastiCache for Valkey / Redis OSS: node-based replication groups and serverless caches.
 */
import { HOURS_PER_MONTH } from "../../prices/gcp";
import { CacheNodeType } from "../../prices/aws";
import { formatQty } from "../../format";
import type { Estimate, EstimateInput } from "../types";
import { awsBill, numberOr, stringOr } from "./pricing";

/**
 * Type tokens of the ElastiCache resources priced here.
 *
 * @example
 * ```ts
 * ESTIMATORS[CACHE_TYPES.replicationGroup] === estimateReplicationGroup; // true
 * ```
 */
export const CACHE_TYPES = {
  replicationGroup: "aws:elasticache/replicationGroup:ReplicationGroup",
  serverless: "aws:elasticache/serverlessCache:ServerlessCache",
} as const;

/**
 * Nodes in a replication group: `numCacheClusters` (cluster mode off; default 1), or
 * `numNodeGroups × (1 + replicasPerNodeGroup)` (cluster mode on). Undefined when unknown.
 *
 * @example
 * ```ts
 * cacheNodes(reader({ numCacheClusters: 2 })); // 2
 * cacheNodes(reader({ numNodeGroups: 3, replicasPerNodeGroup: 1 })); // 6
 * ```
 */
export function cacheNodes(read: EstimateInput["read"]): number | undefined {
  if (read.has("numNodeGroups") || read.has("replicasPerNodeGroup")) {
    const groups = numberOr(read, "numNodeGroups", 1);
    const replicas = numberOr(read, "replicasPerNodeGroup", 0);
    return groups === undefined || replicas === undefined ? undefined : groups * (1 + replicas);
  }
  return numberOr(read, "numCacheClusters", 1);
}

/**
 * A replication group: nodes × node-hour price of its engine (Valkey is ~20% cheaper than Redis
 * OSS). Node types the table lacks are not priced; snapshot storage beyond the free allowance is
 * not in the table.
 *
 * @example
 * ```ts
 * estimateReplicationGroup(input); // valkey cache.t4g.micro × 2 → 2 × $0.0128 × 730 = $18.69
 * ```
 */
export function estimateReplicationGroup(input: EstimateInput): Estimate {
  const r = input.read;
  const b = awsBill(input);
  const engine = stringOr(r, "engine", "redis");
  const type = r.str("nodeType");
  const nodes = cacheNodes(r);
  if (typeof type !== "string" || engine === undefined || nodes === undefined) return b.done();
  if (engine !== "redis" && engine !== "valkey") {
    b.missing(`engine ${engine}`);
    return b.done();
  }
  const price = Object.hasOwn(CacheNodeType, type)
    ? b.price((t) => t.elasticache?.nodeHour?.[type as CacheNodeType]?.[engine], `${type} ${engine}`)
    : (b.missing(`node type ${type}`), undefined);
  if (price)
    b.baseline(
      price.usd * nodes * HOURS_PER_MONTH,
      `${engine} ${type}: ${formatQty(nodes)} node(s) × ${b.rate(price)} × 730 h`,
    );
  const retention = r.num("snapshotRetentionLimit");
  if (typeof retention === "number" && retention > 0)
    b.note(
      `snapshots kept ${formatQty(retention)} day(s): backup storage beyond the free allowance is not in the price table`,
    );
  return b.done();
}

/**
 * A serverless cache: its minimum metered storage all month (1 GB Redis OSS, 100 MB Valkey, or
 * `cacheUsageLimits.dataStorage.minimum` when higher). ECPUs are usage and not modelled.
 *
 * @example
 * ```ts
 * estimateServerlessCache(input); // valkey → 0.1 GB × $0.084 × 730 = $6.13
 * ```
 */
export function estimateServerlessCache(input: EstimateInput): Estimate {
  const r = input.read;
  const b = awsBill(input);
  const engine = stringOr(r, "engine", "redis");
  if (engine !== "redis" && engine !== "valkey") {
    if (engine !== undefined) b.missing(`engine ${engine}`);
    return b.done();
  }
  const rates = b.price((t) => t.elasticache?.serverless?.[engine]?.gbHour, `serverless ${engine} storage`);
  const minGb = input.read.num("cacheUsageLimits.dataStorage.minimum");
  if (!rates) return b.done();
  // Metered minimum per cache (D-EC): 1 GB Redis OSS, 100 MB Valkey.
  const tableMin = engine === "valkey" ? 0.1 : 1;
  const gb = Math.max(tableMin, typeof minGb === "number" ? minGb : 0);
  b.baseline(
    rates.usd * gb * HOURS_PER_MONTH,
    `${engine} serverless: ${formatQty(gb)} GB metered minimum × ${b.rate(rates)} × 730 h`,
  );
  b.note("ECPUs are billed per million on use: not modelled (idle ≈ 0)");
  return b.done();
}
