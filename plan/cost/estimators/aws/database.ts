/**
 * RDS PostgreSQL instances, Aurora PostgreSQL clusters and their (Serverless v2) instances.
 */
import { HOURS_PER_MONTH } from "../../prices/gcp";
import { RdsInstanceClass } from "../../prices/aws";
import { formatQty } from "../../format";
import type { Estimate, EstimateInput, SiblingResource } from "../types";
import { awsBill, numberOr, stringOr } from "./pricing";

/**
 * Type tokens of the RDS resources priced here (from node_modules/@pulumi/aws `__pulumiType`).
 *
 * @example
 * ```ts
 * ESTIMATORS[RDS_TYPES.instance] === estimateRdsInstance; // true
 * ```
 */
export const RDS_TYPES = {
  instance: "aws:rds/instance:Instance",
  cluster: "aws:rds/cluster:Cluster",
  clusterInstance: "aws:rds/clusterInstance:ClusterInstance",
} as const;

/** Assumed Aurora storage when the usage file does not say (an empty cluster uses far less). */
const DEFAULT_AURORA_STORAGE_GB = 10;

/**
 * An RDS instance: instance-hours (Multi-AZ doubles), gp3 storage (doubled for Multi-AZ), and backup
 * storage beyond 100% of the provisioned storage (`usage.backupStorageGb`). A read replica is priced
 * as an instance of its class. Classes and storage types the table lacks are not priced.
 *
 * @example
 * ```ts
 * estimateRdsInstance(input); // db.t4g.micro Single-AZ 20 GB gp3 → $11.68 + $2.30 = $13.98
 * ```
 */
export function estimateRdsInstance(input: EstimateInput): Estimate {
  const r = input.read;
  const b = awsBill(input);
  const engine = stringOr(r, "engine", "");
  const replica = r.has("replicateSourceDb");
  if (engine !== undefined && engine !== "" && engine !== "postgres" && !replica) {
    b.missing(`engine ${engine} (the table prices RDS PostgreSQL only)`);
    return b.done();
  }
  const multiAz = r.bool("multiAz") === true;
  const az = multiAz ? "Multi-AZ" : "Single-AZ";
  const cls = r.str("instanceClass");
  if (typeof cls === "string") {
    const price = Object.hasOwn(RdsInstanceClass, cls)
      ? b.price(
          (t) => t.rds?.instanceHour?.[cls as RdsInstanceClass]?.[multiAz ? "multiAz" : "singleAz"],
          `${cls} ${az}`,
        )
      : (b.missing(`instance class ${cls}`), undefined);
    if (price)
      b.baseline(
        price.usd * HOURS_PER_MONTH,
        `${cls} ${az}${replica ? " (read replica)" : ""}: ${b.rate(price)} × 730 h`,
      );
  }
  const storageType = stringOr(r, "storageType", "gp3");
  const gb = numberOr(r, "allocatedStorage", 0);
  if (storageType !== undefined && gb !== undefined && gb > 0) {
    if (storageType !== "gp3") b.missing(`${storageType} storage (the table prices gp3 only)`);
    else {
      const price = b.price((t) => t.rds?.gp3GbMonth, "gp3 storage");
      const copies = multiAz ? 2 : 1;
      if (price)
        b.baseline(
          price.usd * gb * copies,
          `${formatQty(gb)} GB gp3${multiAz ? " × 2 (Multi-AZ)" : ""} × ${b.rate(price)}`,
        );
    }
  }
  if (!replica) backupBeyondFree(input, b, gb ?? 0);
  const retention = r.num("performanceInsightsRetentionPeriod");
  if (r.bool("performanceInsightsEnabled") === true && typeof retention === "number" && retention > 7)
    b.missing(`Performance Insights retention of ${retention} days (7 days are free)`);
  return b.done();
}

/** Backup storage is free up to the provisioned storage; the usage file says how much there is. */
function backupBeyondFree(input: EstimateInput, b: ReturnType<typeof awsBill>, freeGb: number): void {
  const backupGb = input.usage.backupStorageGb;
  if (backupGb === undefined) {
    b.note(
      `backup storage: free up to ${formatQty(freeGb)} GB (100% of storage); set usage.backupStorageGb to price more`,
    );
    return;
  }
  const extra = Math.max(0, backupGb - freeGb);
  if (extra === 0) {
    b.note(`backup storage ${formatQty(backupGb)} GB: within the free ${formatQty(freeGb)} GB`);
    return;
  }
  const price = b.price((t) => t.rds?.backupGbMonth, "backup storage");
  if (price)
    b.usage(
      price.usd * extra,
      `backup storage ${formatQty(extra)} GB beyond the free ${formatQty(freeGb)} GB × ${b.rate(price)}`,
    );
}

/**
 * An Aurora cluster: its storage (`usage.auroraStorageGb`, default 10 GB assumed) and Aurora
 * Standard I/O (`usage.auroraIoMillionsPerMonth`). Compute is billed on its instances
 * ({@link estimateClusterInstance}). I/O-Optimized storage is not in the table; a Multi-AZ DB cluster (`dbClusterInstanceClass`) is not priced.
 *
 * @example
 * ```ts
 * estimateAuroraCluster(input); // 10 GB × $0.10 = $1.00
 * ```
 */
export function estimateAuroraCluster(input: EstimateInput): Estimate {
  const r = input.read;
  const b = awsBill(input);
  const engine = stringOr(r, "engine", "aurora-mysql");
  if (r.has("dbClusterInstanceClass") || (engine !== undefined && !engine.startsWith("aurora"))) {
    b.missing("Multi-AZ DB clusters (the table prices Aurora only)");
    return b.done();
  }
  const ioOptimized = r.str("storageType") === "aurora-iopt1";
  const stored = input.usage.auroraStorageGb;
  const gb = stored ?? DEFAULT_AURORA_STORAGE_GB;
  if (ioOptimized) b.missing("I/O-Optimized storage");
  else {
    const price = b.price((t) => t.aurora?.storageGbMonth, "Aurora storage");
    if (price)
      b.baseline(
        price.usd * gb,
        `${formatQty(gb)} GB stored${stored === undefined ? " (assumed; set usage.auroraStorageGb)" : ""} × ${b.rate(price)}`,
      );
    const io = input.usage.auroraIoMillionsPerMonth;
    const ioPrice = b.price((t) => t.aurora?.millionIo, "Aurora I/O");
    if (ioPrice && io > 0)
      b.usage(ioPrice.usd * io, `${formatQty(io)} million I/O requests × ${b.rate(ioPrice)}`);
    else if (ioPrice)
      b.note(`I/O requests ${b.rate(ioPrice)}: none assumed (set usage.auroraIoMillionsPerMonth)`);
  }
  b.note("backup storage up to the cluster's size is free; compute is billed on the cluster's instances");
  return b.done();
}

/** Reads the scaling range of the instance's cluster: by identifier, else the only cluster nearby. */
function clusterOf(input: EstimateInput): SiblingResource | undefined {
  const clusters = input.siblings?.(RDS_TYPES.cluster) ?? [];
  const id = input.read.peek("clusterIdentifier");
  const byId = clusters.find((c) => typeof id === "string" && c.read.peek("clusterIdentifier") === id);
  return byId ?? (clusters.length === 1 ? clusters[0] : undefined);
}

/**
 * An Aurora cluster instance. `db.serverless`: the cluster's `minCapacity` ACUs all month, unless
 * the minimum is 0 with auto-pause (idle = $0), plus `usage.auroraActiveAcuHours` above it; I/O-
 * Optimized clusters at the higher ACU rate. Provisioned Aurora classes are not in the table.
 *
 * @example
 * ```ts
 * estimateClusterInstance(input); // min 0.5 ACU → 0.5 × 730 × $0.12 = $43.80
 * ```
 */
export function estimateClusterInstance(input: EstimateInput): Estimate {
  const r = input.read;
  const b = awsBill(input);
  const cls = r.str("instanceClass");
  if (typeof cls !== "string") return b.done();
  if (cls !== "db.serverless") {
    b.missing(`Aurora provisioned class ${cls}`);
    return b.done();
  }
  const cluster = clusterOf(input);
  if (!cluster) {
    b.missing("ACU range (the instance's cluster is not among the resources)");
    return b.done();
  }
  const io = cluster.read.str("storageType") === "aurora-iopt1";
  const min = cluster.read.num("serverlessv2ScalingConfiguration.minCapacity");
  const pause = cluster.read.num("serverlessv2ScalingConfiguration.secondsUntilAutoPause");
  const active = input.usage.auroraActiveAcuHours;
  if (min === 0) {
    // Paused at 0 ACU costs nothing, whatever the region's ACU price.
    b.baseline(
      0,
      `min 0 ACU${typeof pause === "number" ? `, auto-pause after ${formatQty(pause)} s` : ""}: $0 while paused`,
    );
    if (active === 0) return b.done();
  }
  const price = b.price((t) => t.aurora?.acuHour?.[io ? "ioOptimized" : "standard"], "Aurora ACU-hours");
  if (!price) return b.done();
  if (typeof min !== "number")
    b.note("serverlessv2ScalingConfiguration.minCapacity unknown or unset: floor not priced");
  else if (min > 0)
    b.baseline(price.usd * min * HOURS_PER_MONTH, `min ${formatQty(min)} ACU × 730 h × ${b.rate(price)}`);
  if (active > 0)
    b.usage(price.usd * active, `${formatQty(active)} ACU-hours above the minimum × ${b.rate(price)}`);
  return b.done();
}
