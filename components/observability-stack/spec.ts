import type * as gcp from "@pulumi/gcp";
import type * as pulumi from "@pulumi/pulumi";
import type { PlatformContext } from "../shared/context";
import { PlatformError, show } from "../shared/errors";
import type { Transform } from "../shared/transform";
import { validateServiceUrl } from "./filters";

/** Uptime-check regions (Cloud Monitoring's `selectedRegions`). `USA` alone spans three locations. */
export const UptimeRegion = {
  USA: "USA",
  EUROPE: "EUROPE",
  SOUTH_AMERICA: "SOUTH_AMERICA",
  ASIA_PACIFIC: "ASIA_PACIFIC",
  USA_OREGON: "USA_OREGON",
  USA_IOWA: "USA_IOWA",
  USA_VIRGINIA: "USA_VIRGINIA",
} as const;
/** An uptime-check region. */
export type UptimeRegion = (typeof UptimeRegion)[keyof typeof UptimeRegion];

/** Uptime-check periods Cloud Monitoring accepts, in seconds. */
export const UPTIME_PERIODS = [60, 300, 600, 900] as const;
/** An uptime-check period. */
export type UptimePeriod = (typeof UPTIME_PERIODS)[number];

/** Alert severities (`AlertPolicy.severity`). */
export const Severity = { CRITICAL: "CRITICAL", ERROR: "ERROR", WARNING: "WARNING" } as const;
/** An alert severity. */
export type Severity = (typeof Severity)[keyof typeof Severity];

/**
 * Multi-window, multi-burn-rate SLO alerts from Google's SRE workbook (chapter 5, for a 30-day
 * budget): page when 2 % of the budget burns in an hour (14.4×, confirmed over 5 minutes) or 5 % in
 * six hours (6×, confirmed over 30 minutes). Both windows of a pair must exceed the rate.
 */
export const BURN_RATE_ALERTS = [
  {
    key: "fast",
    longWindowSeconds: 3_600,
    shortWindowSeconds: 300,
    burnRate: 14.4,
    severity: Severity.CRITICAL,
  },
  {
    key: "slow",
    longWindowSeconds: 21_600,
    shortWindowSeconds: 1_800,
    burnRate: 6,
    severity: Severity.ERROR,
  },
] as const;
/** One burn-rate alert pair. */
export type BurnRateAlert = (typeof BURN_RATE_ALERTS)[number];

/** A Cloud Run service to watch. */
export interface ServiceTarget {
  /** Short key (lowercase) used in child names, e.g. `api`. */
  readonly name: string;
  /** Public base URL (`https://…run.app` or a custom domain). */
  readonly url: pulumi.Input<string>;
  /** Cloud Run service name (the `service_name` metric label). */
  readonly serviceName: pulumi.Input<string>;
  /** Path the uptime check requests. Cloud Run reserves paths ending in `z` (`/healthz`). @default "/health" */
  readonly healthPath?: string;
  /** Text the health response must contain. @default none (any 2xx passes) */
  readonly contentMatcher?: string;
  /** Send an OIDC token as the Monitoring service agent (for services that require IAM auth). @default false */
  readonly authenticated?: boolean;
  /** Create the uptime check (off for internal-only ingress). @default true */
  readonly uptimeCheck?: boolean;
}

/** A Cloud SQL instance to watch. */
export interface DatabaseTarget {
  /** Short key (lowercase) used in child names, e.g. `db`. */
  readonly name: string;
  /** Instance name (not the connection name); replicas are matched by this prefix. */
  readonly instanceId: pulumi.Input<string>;
  /** Alert on replica lag of `<instanceId>*` replicas. @default false */
  readonly hasReplicas?: boolean;
}

/** A Memorystore for Redis instance to watch. */
export interface CacheTarget {
  /** Short key (lowercase) used in child names, e.g. `cache`. */
  readonly name: string;
  /** Instance id (`projects/…/locations/…/instances/…`) or bare instance name in ctx.region. */
  readonly instanceId: pulumi.Input<string>;
}

/** Thresholds and objectives. */
export interface ObservabilityTargets {
  /** p95 request latency target in ms (alert and latency SLO threshold), 1–60000. @default 1000 */
  readonly latencyP95Ms?: number;
  /** Availability SLO goal, 0.9–0.99999. @default 0.995 */
  readonly availabilityTarget?: number;
  /** 5xx ratio that alerts, in (0, 1). @default 0.02 */
  readonly errorRateThreshold?: number;
  /** Share of requests that must be under latencyP95Ms (latency SLO goal), 0.5–0.99999. @default 0.95 */
  readonly latencyGoal?: number;
  /** Cloud SQL CPU utilization that alerts, (0, 1]. @default 0.8 */
  readonly sqlCpu?: number;
  /** Cloud SQL disk utilization that alerts, (0, 1]. @default 0.85 */
  readonly sqlDisk?: number;
  /** Cloud SQL memory utilization that alerts, (0, 1]. @default 0.9 */
  readonly sqlMemory?: number;
  /** Replica lag in seconds that alerts, 1–86400. @default 60 */
  readonly replicaLagSeconds?: number;
  /** Redis memory usage ratio that alerts, (0, 1]. @default 0.8 */
  readonly redisMemory?: number;
}

/**
 * Arguments of {@link ObservabilityStack}.
 *
 * @example
 * ```ts
 * const args: ObservabilityStackArgs = {
 *   ctx,
 *   notifyEmails: ["oncall@acme.com"],
 *   services: [{ name: "api", url: api.url, serviceName: api.serviceName }],
 *   databases: [{ name: "db", instanceId: db.instanceName, hasReplicas: true }],
 *   caches: [{ name: "cache", instanceId: cache.instanceId }],
 *   targets: { latencyP95Ms: 500, availabilityTarget: 0.999 },
 * };
 * ```
 */
export interface ObservabilityStackArgs {
  readonly ctx: PlatformContext;
  /** Email addresses; one email notification channel each, attached to every alert. @default [] */
  readonly notifyEmails?: readonly string[];
  /** Existing notification channel names to attach to every alert too. @default [] */
  readonly notificationChannels?: readonly pulumi.Input<string>[];
  /** @default [] */
  readonly services?: readonly ServiceTarget[];
  /** @default [] */
  readonly databases?: readonly DatabaseTarget[];
  /** Redis instances; pass none when the cache runs in memory. @default [] */
  readonly caches?: readonly CacheTarget[];
  readonly targets?: ObservabilityTargets;
  readonly uptime?: {
    /** @default 60 */
    readonly periodSeconds?: UptimePeriod;
    /** At least three. @default ["USA", "EUROPE", "ASIA_PACIFIC"] */
    readonly regions?: readonly UptimeRegion[];
    /** 1–60. @default 10 */
    readonly timeoutSeconds?: number;
  };
  /** Availability and latency SLOs with burn-rate alerts per service. @default { enabled: true, rollingPeriodDays: 30 } */
  readonly slo?: { readonly enabled?: boolean; readonly rollingPeriodDays?: number };
  /** Create the dashboard. @default true */
  readonly dashboard?: boolean;
  /**
   * CIS 2.4/2.5/2.6/2.11 log metrics with alerts, and Data Access audit logs for Cloud KMS and Cloud SQL.
   * `IAMAuditConfig` is authoritative per service and project: it replaces audit settings made elsewhere.
   * `allServices` turns Data Access logs on for every service in the project (CIS 2.1, CKV2_GCP_5):
   * complete, but log volume (and Cloud Logging cost) grows with traffic, so it is opt-in here and
   * on in the prod program.
   * @default { cisAlerts: true, dataAccessLogs: true, allServices: false }
   */
  readonly audit?: {
    readonly cisAlerts?: boolean;
    readonly dataAccessLogs?: boolean;
    readonly allServices?: boolean;
  };
  readonly transform?: {
    notificationChannel?: Transform<gcp.monitoring.NotificationChannelArgs>;
    uptimeCheck?: Transform<gcp.monitoring.UptimeCheckConfigArgs>;
    alertPolicy?: Transform<gcp.monitoring.AlertPolicyArgs>;
    sloService?: Transform<gcp.monitoring.CustomServiceArgs>;
    slo?: Transform<gcp.monitoring.SloArgs>;
    logMetric?: Transform<gcp.logging.MetricArgs>;
    auditConfig?: Transform<gcp.projects.IAMAuditConfigArgs>;
    dashboard?: Transform<gcp.monitoring.DashboardArgs>;
  };
}

/** Defaults of {@link ObservabilityStackArgs}. */
export const DEFAULTS = {
  healthPath: "/health",
  targets: {
    latencyP95Ms: 1000,
    availabilityTarget: 0.995,
    errorRateThreshold: 0.02,
    latencyGoal: 0.95,
    sqlCpu: 0.8,
    sqlDisk: 0.85,
    sqlMemory: 0.9,
    replicaLagSeconds: 60,
    redisMemory: 0.8,
  },
  uptime: {
    periodSeconds: 60,
    regions: [UptimeRegion.USA, UptimeRegion.EUROPE, UptimeRegion.ASIA_PACIFIC],
    timeoutSeconds: 10,
  },
  slo: { enabled: true, rollingPeriodDays: 30 },
  dashboard: true,
  audit: { cisAlerts: true, dataAccessLogs: true, allServices: false },
} as const;

/** Resolved {@link ObservabilityStackArgs} (defaults applied, everything checked). */
export interface ObservabilitySpec {
  readonly notifyEmails: readonly string[];
  readonly services: readonly (ServiceTarget & { readonly healthPath: string })[];
  readonly databases: readonly DatabaseTarget[];
  readonly caches: readonly CacheTarget[];
  readonly targets: Required<ObservabilityTargets>;
  readonly uptime: {
    readonly periodSeconds: UptimePeriod;
    readonly regions: readonly UptimeRegion[];
    readonly timeoutSeconds: number;
  };
  readonly slo: { readonly enabled: boolean; readonly rollingPeriodDays: number };
  readonly dashboard: boolean;
  readonly audit: {
    readonly cisAlerts: boolean;
    readonly dataAccessLogs: boolean;
    readonly allServices: boolean;
  };
}

const KEY = /^[a-z][a-z0-9-]{0,19}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Applies defaults and validates; throws one {@link PlatformError} listing every problem.
 *
 * @example
 * ```ts
 * normalizeObservability("obs", { ctx, targets: { availabilityTarget: 1 } });
 * // PlatformError: ObservabilityStack 'obs': targets.availabilityTarget must be 0.9–0.99999, got 1
 * ```
 */
export function normalizeObservability(
  name: string,
  args: Omit<ObservabilityStackArgs, "ctx" | "transform">,
): ObservabilitySpec {
  const problems: string[] = [];
  const emails = args.notifyEmails ?? [];
  emails.forEach((e, i) => {
    if (!EMAIL.test(e)) problems.push(`notifyEmails[${i}] must be an email address, got ${show(e)}`);
  });
  const services = (args.services ?? []).map((s) => ({
    ...s,
    healthPath: s.healthPath ?? DEFAULTS.healthPath,
  }));
  problems.push(
    ...validateKeys("services", services),
    ...validateKeys("databases", args.databases ?? []),
    ...validateKeys("caches", args.caches ?? []),
  );
  services.forEach((s, i) => {
    problems.push(...validateHealthPath(`services[${i}].healthPath`, s.healthPath));
    // Outputs are checked when they resolve (uptimeTarget throws then); literal URLs are checked now.
    if (typeof s.url === "string") problems.push(...validateServiceUrl(`services[${i}].url`, s.url));
  });
  const targets = { ...DEFAULTS.targets, ...definedOnly(args.targets ?? {}) };
  problems.push(...validateTargets(targets));
  const uptime = { ...DEFAULTS.uptime, ...definedOnly(args.uptime ?? {}) };
  if (!(UPTIME_PERIODS as readonly number[]).includes(uptime.periodSeconds)) {
    problems.push(
      `uptime.periodSeconds must be one of ${UPTIME_PERIODS.join(" | ")}, got ${show(uptime.periodSeconds)}`,
    );
  }
  if (!Number.isInteger(uptime.timeoutSeconds) || uptime.timeoutSeconds < 1 || uptime.timeoutSeconds > 60) {
    problems.push(`uptime.timeoutSeconds must be 1–60, got ${show(uptime.timeoutSeconds)}`);
  }
  problems.push(...validateRegions("uptime.regions", uptime.regions));
  const slo = { ...DEFAULTS.slo, ...definedOnly(args.slo ?? {}) };
  if (!Number.isInteger(slo.rollingPeriodDays) || slo.rollingPeriodDays < 1 || slo.rollingPeriodDays > 30) {
    problems.push(`slo.rollingPeriodDays must be 1–30, got ${show(slo.rollingPeriodDays)}`);
  }
  if (problems.length > 0) throw new PlatformError(`ObservabilityStack '${name}': ${problems.join("; ")}`);
  return {
    notifyEmails: emails,
    services,
    databases: args.databases ?? [],
    caches: args.caches ?? [],
    targets,
    uptime,
    slo,
    dashboard: args.dashboard ?? DEFAULTS.dashboard,
    audit: { ...DEFAULTS.audit, ...definedOnly(args.audit ?? {}) },
  };
}

/**
 * Every threshold within its range; messages name the field and the range.
 *
 * @example
 * ```ts
 * validateTargets({ ...DEFAULTS.targets, errorRateThreshold: 1 }); // ["targets.errorRateThreshold must be > 0 and < 1, got 1"]
 * ```
 */
export function validateTargets(t: Required<ObservabilityTargets>): string[] {
  const out: string[] = [];
  const check = (field: keyof ObservabilityTargets, ok: (v: number) => boolean, allowed: string) => {
    const v = t[field];
    if (typeof v !== "number" || !Number.isFinite(v) || !ok(v))
      out.push(`targets.${field} must be ${allowed}, got ${show(v)}`);
  };
  check("latencyP95Ms", (v) => Number.isInteger(v) && v >= 1 && v <= 60_000, "an integer 1–60000 (ms)");
  check("availabilityTarget", (v) => v >= 0.9 && v <= 0.99999, "0.9–0.99999");
  check("errorRateThreshold", (v) => v > 0 && v < 1, "> 0 and < 1");
  check("latencyGoal", (v) => v >= 0.5 && v <= 0.99999, "0.5–0.99999");
  for (const f of ["sqlCpu", "sqlDisk", "sqlMemory", "redisMemory"] as const)
    check(f, (v) => v > 0 && v <= 1, "> 0 and ≤ 1");
  check(
    "replicaLagSeconds",
    (v) => Number.isInteger(v) && v >= 1 && v <= 86_400,
    "an integer 1–86400 (seconds)",
  );
  return out;
}

/**
 * Keys name children: lowercase, ≤ 20 characters, unique within the list.
 *
 * @example
 * ```ts
 * validateKeys("services", [{ name: "api" }, { name: "api" }]); // ["services: name \"api\" is used twice"]
 * ```
 */
export function validateKeys(field: string, items: readonly { readonly name: string }[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  items.forEach((it, i) => {
    if (!KEY.test(it.name))
      out.push(
        `${field}[${i}].name must be lowercase letters, digits or '-' (≤ 20, starting with a letter), got ${show(it.name)}`,
      );
    if (seen.has(it.name)) out.push(`${field}: name ${show(it.name)} is used twice`);
    seen.add(it.name);
  });
  return out;
}

/**
 * A health path starts with `/` and does not end in `z` (Cloud Run answers those itself).
 *
 * @example
 * ```ts
 * validateHealthPath("healthPath", "/healthz"); // ["healthPath must start with '/' and not end in 'z' …, got \"/healthz\""]
 * ```
 */
export function validateHealthPath(field: string, path: string): string[] {
  return /^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/.test(path) && !path.endsWith("z")
    ? []
    : [
        `${field} must start with '/' and not end in 'z' (Cloud Run reserves such paths, e.g. /healthz), got ${show(path)}`,
      ];
}

/**
 * Uptime regions: known values, no repeats, at least three.
 *
 * @example
 * ```ts
 * validateRegions("uptime.regions", ["EUROPE"]); // ["uptime.regions must list at least 3 regions, got 1"]
 * ```
 */
export function validateRegions(field: string, regions: readonly string[]): string[] {
  const out: string[] = [];
  const allowed = Object.values(UptimeRegion) as string[];
  for (const r of regions)
    if (!allowed.includes(r)) out.push(`${field}: unknown region ${show(r)}; allowed: ${allowed.join(", ")}`);
  if (new Set(regions).size !== regions.length)
    out.push(`${field} must not repeat a region, got ${show(regions)}`);
  if (regions.length < 3) out.push(`${field} must list at least 3 regions, got ${regions.length}`);
  return out;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
