import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { type ObservabilitySpec, type ObservabilityStackArgs } from "./spec";
/** Type token of {@link ObservabilityStack}. */
export declare const OBSERVABILITY_STACK_TYPE = "platform:ops:ObservabilityStack";
/** Services whose Data Access audit logs (ADMIN_READ, DATA_READ, DATA_WRITE) are turned on. */
export declare const DATA_ACCESS_SERVICES: readonly ["cloudkms.googleapis.com", "cloudsql.googleapis.com"];
/**
 * Monitoring for one environment, derived from what the program actually deployed:
 *
 * - email notification channels attached to every alert;
 * - per Cloud Run service: an HTTPS uptime check on its health path from three regions every
 *   60 s (and an alert when more than one region fails), a 5xx-ratio alert, a p95-latency alert, an
 *   availability SLO and a latency SLO, each with fast (1 h & 5 min at 14.4×) and slow (6 h & 30 min
 *   at 6×) burn-rate alerts;
 * - per Cloud SQL instance: CPU, disk and memory utilization, replica lag (with replicas) and a
 *   log-based alert on failed backups;
 * - per Redis instance: memory usage ratio;
 * - CIS GCP 2.4 / 2.5 / 2.6 / 2.11 log metrics with alerts, and Data Access audit logs for Cloud
 *   KMS and Cloud SQL;
 * - one dashboard with a collapsible group per component kind.
 *
 * Every alert carries Markdown documentation that says what to check first.
 *
 * ### Cost
 * Alert policies, notification channels, SLOs and dashboards are free. Uptime checks: 1M
 * executions/month per project are free, then $0.30 per 1,000 (one check every 60 s from 3
 * regions is ~130k/month). Log-based metrics are free to define; their time series count as
 * chargeable metric ingestion only above the 150 MiB/month free allotment (these counters are tiny).
 * Data Access audit logs are the real cost: they are billed as log ingestion ($0.50/GiB after the
 * first 50 GiB/project/month) and grow with database and KMS traffic. A typical small
 * environment stays at **$0–5/month**.
 *
 * @example
 * ```ts
 * const obs = new ObservabilityStack("obs", {
 *   ctx,
 *   notifyEmails: ["oncall@acme.com"],
 *   services: [{ name: "api", url: api.url, serviceName: api.serviceName }],
 *   databases: [{ name: "db", instanceId: db.instanceName, hasReplicas: true }],
 *   caches: [{ name: "cache", instanceId: cache.instanceId }],
 *   targets: { latencyP95Ms: 500, availabilityTarget: 0.999 },
 * });
 * export const dashboard = obs.dashboardUrl;
 * ```
 */
export declare class ObservabilityStack extends pulumi.ComponentResource {
    /** Cloud console URL of the dashboard; undefined when `dashboard: false`. */
    readonly dashboardUrl: pulumi.Output<string | undefined>;
    /** Names (`projects/…/notificationChannels/…`) of the email channels created here. */
    readonly notificationChannelIds: pulumi.Output<string>[];
    /** Alert policy names by role, e.g. `api-5xx`, `db-backup-failed`, `cis-audit-config`. */
    readonly alertPolicyNames: Readonly<Record<string, pulumi.Output<string>>>;
    /** SLO names by role (`api-availability`, `api-latency`), resolved after the SLO exists. */
    readonly sloNames: Readonly<Record<string, pulumi.Output<string>>>;
    /** The resolved settings (defaults applied). */
    readonly spec: ObservabilitySpec;
    private readonly children;
    constructor(name: string, args: ObservabilityStackArgs, opts?: pulumi.ComponentResourceOptions);
    /** Raw children, an escape hatch for wiring this library does not cover. */
    get nodes(): {
        channels: gcp.monitoring.NotificationChannel[];
        uptimeChecks: Record<string, gcp.monitoring.UptimeCheckConfig>;
        sloServices: Record<string, gcp.monitoring.CustomService>;
        slos: Record<string, gcp.monitoring.Slo>;
        alertPolicies: Record<string, gcp.monitoring.AlertPolicy>;
        logMetrics: Record<string, gcp.logging.Metric>;
        auditConfigs: gcp.projects.IAMAuditConfig[];
        dashboard?: gcp.monitoring.Dashboard;
    };
}
