import type * as gcp from "@pulumi/gcp";
import type * as pulumi from "@pulumi/pulumi";
import type { PlatformContext } from "../shared/context";
import type { Transform } from "../shared/transform";
/** Uptime-check regions (Cloud Monitoring's `selectedRegions`). `USA` alone spans three locations. */
export declare const UptimeRegion: {
    readonly USA: "USA";
    readonly EUROPE: "EUROPE";
    readonly SOUTH_AMERICA: "SOUTH_AMERICA";
    readonly ASIA_PACIFIC: "ASIA_PACIFIC";
    readonly USA_OREGON: "USA_OREGON";
    readonly USA_IOWA: "USA_IOWA";
    readonly USA_VIRGINIA: "USA_VIRGINIA";
};
/** An uptime-check region. */
export type UptimeRegion = (typeof UptimeRegion)[keyof typeof UptimeRegion];
/** Uptime-check periods Cloud Monitoring accepts, in seconds. */
export declare const UPTIME_PERIODS: readonly [60, 300, 600, 900];
/** An uptime-check period. */
export type UptimePeriod = (typeof UPTIME_PERIODS)[number];
/** Alert severities (`AlertPolicy.severity`). */
export declare const Severity: {
    readonly CRITICAL: "CRITICAL";
    readonly ERROR: "ERROR";
    readonly WARNING: "WARNING";
};
/** An alert severity. */
export type Severity = (typeof Severity)[keyof typeof Severity];
/**
 * Multi-window, multi-burn-rate SLO alerts from Google's SRE workbook (chapter 5, for a 30-day
 * budget): page when 2 % of the budget burns in an hour (14.4×, confirmed over 5 minutes) or 5 % in
 * six hours (6×, confirmed over 30 minutes). Both windows of a pair must exceed the rate.
 */
export declare const BURN_RATE_ALERTS: readonly [{
    readonly key: "fast";
    readonly longWindowSeconds: 3600;
    readonly shortWindowSeconds: 300;
    readonly burnRate: 14.4;
    readonly severity: "CRITICAL";
}, {
    readonly key: "slow";
    readonly longWindowSeconds: 21600;
    readonly shortWindowSeconds: 1800;
    readonly burnRate: 6;
    readonly severity: "ERROR";
}];
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
    readonly slo?: {
        readonly enabled?: boolean;
        readonly rollingPeriodDays?: number;
    };
    /** Create the dashboard. @default true */
    readonly dashboard?: boolean;
    /**
     * CIS 2.4/2.5/2.6/2.11 log metrics with alerts, and Data Access audit logs for Cloud KMS and Cloud SQL.
     * `IAMAuditConfig` is authoritative per service and project: it replaces audit settings made elsewhere.
     * @default { cisAlerts: true, dataAccessLogs: true }
     */
    readonly audit?: {
        readonly cisAlerts?: boolean;
        readonly dataAccessLogs?: boolean;
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
export declare const DEFAULTS: {
    readonly healthPath: "/health";
    readonly targets: {
        readonly latencyP95Ms: 1000;
        readonly availabilityTarget: 0.995;
        readonly errorRateThreshold: 0.02;
        readonly latencyGoal: 0.95;
        readonly sqlCpu: 0.8;
        readonly sqlDisk: 0.85;
        readonly sqlMemory: 0.9;
        readonly replicaLagSeconds: 60;
        readonly redisMemory: 0.8;
    };
    readonly uptime: {
        readonly periodSeconds: 60;
        readonly regions: readonly ["USA", "EUROPE", "ASIA_PACIFIC"];
        readonly timeoutSeconds: 10;
    };
    readonly slo: {
        readonly enabled: true;
        readonly rollingPeriodDays: 30;
    };
    readonly dashboard: true;
    readonly audit: {
        readonly cisAlerts: true;
        readonly dataAccessLogs: true;
    };
};
/** Resolved {@link ObservabilityStackArgs} (defaults applied, everything checked). */
export interface ObservabilitySpec {
    readonly notifyEmails: readonly string[];
    readonly services: readonly (ServiceTarget & {
        readonly healthPath: string;
    })[];
    readonly databases: readonly DatabaseTarget[];
    readonly caches: readonly CacheTarget[];
    readonly targets: Required<ObservabilityTargets>;
    readonly uptime: {
        readonly periodSeconds: UptimePeriod;
        readonly regions: readonly UptimeRegion[];
        readonly timeoutSeconds: number;
    };
    readonly slo: {
        readonly enabled: boolean;
        readonly rollingPeriodDays: number;
    };
    readonly dashboard: boolean;
    readonly audit: {
        readonly cisAlerts: boolean;
        readonly dataAccessLogs: boolean;
    };
}
/**
 * Applies defaults and validates; throws one {@link PlatformError} listing every problem.
 *
 * @example
 * ```ts
 * normalizeObservability("obs", { ctx, targets: { availabilityTarget: 1 } });
 * // PlatformError: ObservabilityStack 'obs': targets.availabilityTarget must be 0.9–0.99999, got 1
 * ```
 */
export declare function normalizeObservability(name: string, args: Omit<ObservabilityStackArgs, "ctx" | "transform">): ObservabilitySpec;
/**
 * Every threshold within its range; messages name the field and the range.
 *
 * @example
 * ```ts
 * validateTargets({ ...DEFAULTS.targets, errorRateThreshold: 1 }); // ["targets.errorRateThreshold must be > 0 and < 1, got 1"]
 * ```
 */
export declare function validateTargets(t: Required<ObservabilityTargets>): string[];
/**
 * Keys name children: lowercase, ≤ 20 characters, unique within the list.
 *
 * @example
 * ```ts
 * validateKeys("services", [{ name: "api" }, { name: "api" }]); // ["services: name \"api\" is used twice"]
 * ```
 */
export declare function validateKeys(field: string, items: readonly {
    readonly name: string;
}[]): string[];
/**
 * A health path starts with `/` and does not end in `z` (Cloud Run answers those itself).
 *
 * @example
 * ```ts
 * validateHealthPath("healthPath", "/healthz"); // ["healthPath must start with '/' and not end in 'z' …, got \"/healthz\""]
 * ```
 */
export declare function validateHealthPath(field: string, path: string): string[];
/**
 * Uptime regions: known values, no repeats, at least three.
 *
 * @example
 * ```ts
 * validateRegions("uptime.regions", ["EUROPE"]); // ["uptime.regions must list at least 3 regions, got 1"]
 * ```
 */
export declare function validateRegions(field: string, regions: readonly string[]): string[];
