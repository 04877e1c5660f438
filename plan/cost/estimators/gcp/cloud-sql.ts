import { HOURS_PER_MONTH, SharedCoreTier, SqlEdition, type RegionPrices } from "../../prices/gcp";
import { NOT_KNOWN } from "../../inputs";
import { formatQty, formatRate } from "../../format";
import { bill, pricesFor, type Estimate, type EstimateInput } from "../types";

/**
 * Type token of a Cloud SQL instance.
 *
 * @example
 * ```ts
 * ESTIMATORS[SQL_INSTANCE_TYPE] === estimateCloudSql; // true
 * ```
 */
export const SQL_INSTANCE_TYPE = "gcp:sql/databaseInstance:DatabaseInstance";

/**
 * A Cloud SQL machine tier as the estimator understands it.
 *
 * @example
 * ```ts
 * const shape: SqlTierShape | undefined = parseSqlTier("db-custom-2-7680"); // { kind: "dedicated", vcpu: 2, memoryGb: 7.5, … }
 * ```
 */
export type SqlTierShape =
  | { readonly kind: "shared"; readonly tier: SharedCoreTier }
  | {
      readonly kind: "dedicated";
      readonly tier: string;
      readonly vcpu: number;
      readonly memoryGb: number;
      /** The edition the tier implies (perf-optimized tiers exist only in Enterprise Plus). */
      readonly edition?: SqlEdition;
    };

/** Memory per vCPU of the predefined families, in GB (Cloud SQL counts 3840 MiB as 3.75 GB). */
const GB_PER_VCPU = { standard: 3.75, highmem: 6.5, perfOptimized: 8 } as const;

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
export function parseSqlTier(tier: string): SqlTierShape | undefined {
  if (Object.hasOwn(SharedCoreTier, tier)) return { kind: "shared", tier: tier as SharedCoreTier };
  const custom = /^db-custom-(\d+)-(\d+)$/.exec(tier);
  if (custom) return { kind: "dedicated", tier, vcpu: Number(custom[1]), memoryGb: Number(custom[2]) / 1024 };
  const n1 = /^db-n1-(standard|highmem)-(\d+)$/.exec(tier);
  if (n1) {
    const vcpu = Number(n1[2]);
    return { kind: "dedicated", tier, vcpu, memoryGb: vcpu * GB_PER_VCPU[n1[1] as "standard" | "highmem"] };
  }
  const perf = /^db-perf-optimized-N-(\d+)$/.exec(tier);
  if (perf) {
    const vcpu = Number(perf[1]);
    return {
      kind: "dedicated",
      tier,
      vcpu,
      memoryGb: vcpu * GB_PER_VCPU.perfOptimized,
      edition: SqlEdition.ENTERPRISE_PLUS,
    };
  }
  return undefined;
}

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
export function estimateCloudSql(input: EstimateInput): Estimate {
  const r = input.read;
  const b = bill();
  const { prices } = pricesFor(input, "region");
  const sql = prices.cloudSql;
  if (!sql) {
    b.note(prices.missing("cloudSql"));
    return b.done({ notPriced: true });
  }

  const replica = r.has("masterInstanceName") || r.str("instanceType") === "READ_REPLICA_INSTANCE";
  const master = r.peek("masterInstanceName");
  if (replica) {
    b.note(
      `read replica${typeof master === "string" ? ` of ${master}` : ""}: priced as an instance, no backups`,
    );
  }

  const availability = r.str("settings.availabilityType");
  if (availability === NOT_KNOWN)
    b.note("settings.availabilityType unknown: priced as ZONAL (×2 if REGIONAL)");
  const regional = availability === "REGIONAL";
  const ha = regional ? 2 : 1;
  const haText = regional ? " × 2 (REGIONAL)" : "";

  const tier = r.str("settings.tier");
  const shape = typeof tier === "string" ? parseSqlTier(tier) : undefined;
  const editionInput = r.str("settings.edition");
  // Without the tier there is no compute price: the instance is not priced (never a $0 compute line).
  if (tier === NOT_KNOWN || tier === undefined || !shape) {
    b.note(
      tier === NOT_KNOWN
        ? "not priced: settings.tier is unknown until apply (the total is partial)"
        : tier === undefined
          ? "not priced: settings.tier is absent (the total is partial)"
          : `not priced: tier ${tier} is not a Cloud SQL tier the table knows (the total is partial)`,
    );
    return b.done({ notPriced: true });
  }
  if (shape.kind === "shared") {
    const rate = sql.sharedCoreHour[shape.tier].usd;
    b.baseline(
      rate * HOURS_PER_MONTH * ha,
      `${shape.tier} (shared core): ${formatRate(rate)}/h × 730 h${haText}`,
    );
    if (editionInput === SqlEdition.ENTERPRISE_PLUS)
      b.note("shared-core tiers exist only in Enterprise edition");
  } else {
    const edition = editionOf(editionInput, shape.edition, b);
    const c = sql.compute[edition];
    const vcpuCost = shape.vcpu * c.vcpuHour.usd * HOURS_PER_MONTH * ha;
    const memCost = shape.memoryGb * c.memoryGbHour.usd * HOURS_PER_MONTH * ha;
    b.baseline(
      vcpuCost,
      `${shape.tier} ${edition}: ${shape.vcpu} vCPU × ${formatRate(c.vcpuHour.usd)}/vCPU-h × 730 h${haText}`,
    );
    b.baseline(
      memCost,
      `${shape.tier} ${edition}: ${formatQty(shape.memoryGb)} GB × ${formatRate(c.memoryGbHour.usd)}/GB-h × 730 h${haText}`,
    );
  }

  const size = r.num("settings.diskSize");
  const diskType = r.str("settings.diskType");
  const hdd = diskType === "PD_HDD";
  if (diskType === NOT_KNOWN) b.note("settings.diskType unknown: priced as PD_SSD");
  const diskGb = size === NOT_KNOWN ? undefined : (size ?? 10);
  if (diskGb === undefined) b.note("settings.diskSize unknown: storage not priced");
  else {
    const rate = (hdd ? sql.hddGbMonth : sql.ssdGbMonth).usd;
    b.baseline(
      diskGb * rate * ha,
      `${formatQty(diskGb)} GB ${hdd ? "PD_HDD" : "PD_SSD"}${size === undefined ? " (default size)" : ""} × ${formatRate(rate)}/GB-mo${haText}`,
    );
    if (r.bool("settings.diskAutoresize") !== false)
      b.note("diskAutoresize on: storage grows (and is billed) beyond diskSize as data grows");
  }

  if (!replica) backups(input, sql, diskGb, b);
  return b.done();
}

function editionOf(
  input: string | undefined | typeof NOT_KNOWN,
  implied: SqlEdition | undefined,
  b: { note(text: string): void },
): SqlEdition {
  if (input === SqlEdition.ENTERPRISE || input === SqlEdition.ENTERPRISE_PLUS) return input;
  if (implied) return implied;
  if (input === NOT_KNOWN) b.note("settings.edition unknown: priced as ENTERPRISE");
  else if (input !== undefined) b.note(`edition ${input} not recognised: priced as ENTERPRISE`);
  return SqlEdition.ENTERPRISE;
}

function backups(
  input: EstimateInput,
  sql: RegionPrices["cloudSql"],
  diskGb: number | undefined,
  b: ReturnType<typeof bill>,
): void {
  const enabled = input.read.bool("settings.backupConfiguration.enabled");
  if (enabled === NOT_KNOWN) {
    b.note("settings.backupConfiguration.enabled unknown: backups not priced");
    return;
  }
  if (enabled !== true) return;
  const fromUsage = input.usage.backupStorageGb;
  const gb = fromUsage ?? diskGb;
  if (gb === undefined) {
    b.note("backup size unknown (no usage.backupStorageGb, diskSize unknown): backups not priced");
    return;
  }
  const rate = sql.backupGbMonth.usd;
  b.usage(
    gb * rate,
    `backups ${formatQty(gb)} GB${fromUsage === undefined ? " (one copy of the disk; set usage.backupStorageGb)" : ""} × ${formatRate(rate)}/GB-mo`,
  );
}
