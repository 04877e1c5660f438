import { z } from "zod";
import {
  POSTGRES_DISK_TYPES,
  POSTGRES_VERSIONS,
  type PostgresDiskType,
  type PostgresVersion,
} from "../../components/postgres-with-backups/spec";
import { parseTier } from "../../components/postgres-with-backups/tiers";
import type { Profile } from "../../components/shared/profiles";
import { awsDatabaseSchema } from "./aws";
import { bool, got, intRange, oneOf, pattern, section } from "./fields";

const tier = z
  .string({ error: (i) => `must be a Cloud SQL tier such as db-custom-2-7680, got ${got(i.input)}` })
  .superRefine((t, ctx) => {
    const r = parseTier(t);
    if (!r.ok)
      ctx.addIssue({
        code: "custom",
        message: r.reason.startsWith("must")
          ? r.reason
          : `${r.reason} (${JSON.stringify(t)} is not a Cloud SQL tier)`,
      });
  });

/**
 * `platform:database`: the PostgreSQL instance.
 *
 * @example
 * ```yaml
 * platform:database:
 *   tier: db-custom-2-7680
 *   highAvailability: true
 *   readReplicas: 1
 *   backups: { retainedBackups: 30, location: eu }
 * ```
 */
export const databaseSchema = section({
  /** POSTGRES_15 | POSTGRES_16 | POSTGRES_17 | POSTGRES_18 (POSTGRES_VERSIONS). @default POSTGRES_17 */
  version: oneOf(POSTGRES_VERSIONS),
  /** Cloud SQL tier. @default db-f1-micro (dev), db-custom-1-3840 (staging), db-custom-2-7680 (prod) */
  tier,
  /** REGIONAL HA. @default false (dev), true (staging, prod; prod refuses false) */
  highAvailability: bool(),
  /** SSD size, 10–65536 GB. @default 10 (dev), 20 (staging), 100 (prod) */
  diskSizeGb: intRange(10, 65536),
  /** PD_SSD | PD_HDD (half the storage price; Cloud SQL recreates the instance to change it). @default PD_HDD (dev), PD_SSD (staging, prod) */
  diskType: oneOf(POSTGRES_DISK_TYPES),
  /** Read replicas, 0–5. @default 0 (dev, staging), 1 (prod) */
  readReplicas: intRange(0, 5),
  /** Cloud SQL deletion protection and Pulumi protect. @default true (prod refuses false) */
  deletionProtection: bool(),
  /** UTC weekly window. @default { day: 7, hour: 3 } */
  maintenanceWindow: section({ day: intRange(1, 7), hour: intRange(0, 23) }),
  backups: section({
    /** @default true (prod refuses false) */
    enabled: bool(),
    /** @default = enabled (prod refuses false) */
    pointInTimeRecovery: bool(),
    /** @default 7 (dev), 14 (staging), 30 (prod) */
    retainedBackups: intRange(1, 365),
    /** @default 7 */
    transactionLogRetentionDays: intRange(1, 7),
    /** @default "03:00" */
    startTime: pattern(/^([01]\d|2[0-3]):[0-5]\d$/, "a UTC time HH:MM"),
    /** Region or multi-region (`eu`, `us`, `europe-west1`). @default Cloud SQL's nearest multi-region */
    location: pattern(/^[a-z][a-z0-9-]{1,30}$/, "a GCP region or multi-region such as eu or europe-west1"),
  }).partial(),
  /** RDS / Aurora settings (cloud aws only). */
  aws: awsDatabaseSchema,
})
  .partial()
  .superRefine((d, ctx) => {
    // Cross-field rules on what was written; defaults are derived so they never conflict.
    if (d.backups?.enabled === false && d.backups.pointInTimeRecovery === true) {
      ctx.addIssue({
        code: "custom",
        path: ["backups", "pointInTimeRecovery"],
        message: "needs backups.enabled=true (PITR replays logs on top of a backup)",
      });
    }
    if (d.backups?.enabled === false && (d.readReplicas ?? 0) > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["readReplicas"],
        message: `needs backups.enabled=true, got ${d.readReplicas} replicas with backups off`,
      });
    }
    const tl = d.backups?.transactionLogRetentionDays;
    const rb = d.backups?.retainedBackups;
    if (tl !== undefined && rb !== undefined && tl > rb) {
      ctx.addIssue({
        code: "custom",
        path: ["backups", "transactionLogRetentionDays"],
        message: `must not exceed retainedBackups (${rb}), got ${tl}`,
      });
    }
  });

/** Resolved `platform:database`. */
export interface DatabaseConfig {
  readonly version: PostgresVersion;
  readonly tier: string;
  readonly highAvailability: boolean;
  readonly diskSizeGb: number;
  readonly diskType: PostgresDiskType;
  readonly readReplicas: number;
  readonly deletionProtection: boolean;
  readonly maintenanceWindow: { readonly day: number; readonly hour: number };
  readonly backups: {
    readonly enabled: boolean;
    readonly pointInTimeRecovery: boolean;
    readonly retainedBackups: number;
    readonly transactionLogRetentionDays: number;
    readonly startTime: string;
    readonly location?: string;
  };
}

const BY_PROFILE = {
  dev: {
    tier: "db-f1-micro",
    highAvailability: false,
    diskSizeGb: 10,
    diskType: "PD_HDD",
    readReplicas: 0,
    retainedBackups: 7,
  },
  staging: {
    tier: "db-custom-1-3840",
    highAvailability: true,
    diskSizeGb: 20,
    diskType: "PD_SSD",
    readReplicas: 0,
    retainedBackups: 14,
  },
  prod: {
    tier: "db-custom-2-7680",
    highAvailability: true,
    diskSizeGb: 100,
    diskType: "PD_SSD",
    readReplicas: 1,
    retainedBackups: 30,
  },
} as const satisfies Record<Profile, unknown>;

/** Applies the profile's defaults. */
export function resolveDatabase(
  raw: z.infer<typeof databaseSchema> | undefined,
  profile: Profile,
): DatabaseConfig {
  const d = BY_PROFILE[profile];
  const b = raw?.backups ?? {};
  const enabled = b.enabled ?? true;
  return {
    version: raw?.version ?? "POSTGRES_17",
    tier: raw?.tier ?? d.tier,
    highAvailability: raw?.highAvailability ?? d.highAvailability,
    diskSizeGb: raw?.diskSizeGb ?? d.diskSizeGb,
    diskType: raw?.diskType ?? d.diskType,
    readReplicas: raw?.readReplicas ?? (enabled ? d.readReplicas : 0),
    deletionProtection: raw?.deletionProtection ?? true,
    maintenanceWindow: { day: raw?.maintenanceWindow?.day ?? 7, hour: raw?.maintenanceWindow?.hour ?? 3 },
    backups: {
      enabled,
      pointInTimeRecovery: b.pointInTimeRecovery ?? enabled,
      retainedBackups: b.retainedBackups ?? d.retainedBackups,
      transactionLogRetentionDays: Math.min(
        b.transactionLogRetentionDays ?? 7,
        b.retainedBackups ?? d.retainedBackups,
      ),
      startTime: b.startTime ?? "03:00",
      ...(b.location !== undefined ? { location: b.location } : {}),
    },
  };
}

/** Prod invariants: refused values, with the config path. */
export function databaseInvariants(c: DatabaseConfig, profile: Profile): { path: string; message: string }[] {
  if (profile !== "prod") return [];
  const out: { path: string; message: string }[] = [];
  const at = "platform:database";
  if (!c.highAvailability)
    out.push({ path: `${at}.highAvailability`, message: "prod requires true (REGIONAL HA), got false" });
  if (!c.backups.enabled)
    out.push({ path: `${at}.backups.enabled`, message: "prod requires automated backups, got false" });
  if (!c.backups.pointInTimeRecovery)
    out.push({
      path: `${at}.backups.pointInTimeRecovery`,
      message: "prod requires point-in-time recovery, got false",
    });
  if (!c.deletionProtection)
    out.push({ path: `${at}.deletionProtection`, message: "prod requires deletion protection, got false" });
  if (c.backups.retainedBackups < 7)
    out.push({
      path: `${at}.backups.retainedBackups`,
      message: `prod requires at least 7, got ${c.backups.retainedBackups}`,
    });
  const t = parseTier(c.tier);
  if (t.ok && t.shape.sharedCore)
    out.push({ path: `${at}.tier`, message: `prod refuses shared-core tiers (no SLA), got "${c.tier}"` });
  return out;
}
