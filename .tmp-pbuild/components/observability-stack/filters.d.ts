import type * as gcp from "@pulumi/gcp";
import type * as pulumi from "@pulumi/pulumi";
/** Cloud Monitoring metric types used by the stack (checked against cloud.google.com/monitoring/api/metrics_gcp). */
export declare const METRICS: {
    readonly runRequestCount: "run.googleapis.com/request_count";
    readonly runRequestLatencies: "run.googleapis.com/request_latencies";
    readonly sqlCpu: "cloudsql.googleapis.com/database/cpu/utilization";
    readonly sqlDisk: "cloudsql.googleapis.com/database/disk/utilization";
    readonly sqlMemory: "cloudsql.googleapis.com/database/memory/utilization";
    readonly sqlReplicaLag: "cloudsql.googleapis.com/database/replication/replica_lag";
    readonly redisMemory: "redis.googleapis.com/stats/memory/usage_ratio";
    readonly uptimePassed: "monitoring.googleapis.com/uptime_check/check_passed";
};
/**
 * The CIS GCP Foundations log-metric checks, with the benchmark's filters verbatim (as the
 * cloudbeat CIS 2.x rules compare them: byte for byte, line breaks included). Scanners then look for
 * an enabled alert whose condition filter is exactly `metric.type="logging.googleapis.com/user/<metric>"`.
 */
export declare const CIS_LOG_METRICS: {
    readonly "project-ownership": {
        readonly cis: "2.4";
        readonly title: "Project ownership assignments/changes";
        readonly filter: "(protoPayload.serviceName=\"cloudresourcemanager.googleapis.com\")\nAND (ProjectOwnership OR projectOwnerInvitee)\nOR (protoPayload.serviceData.policyDelta.bindingDeltas.action=\"REMOVE\"\nAND protoPayload.serviceData.policyDelta.bindingDeltas.role=\"roles/owner\")\nOR (protoPayload.serviceData.policyDelta.bindingDeltas.action=\"ADD\"\nAND protoPayload.serviceData.policyDelta.bindingDeltas.role=\"roles/owner\")";
        readonly checks: readonly ["Who changed `roles/owner`: open the matching entry in Logs Explorer (`protoPayload.authenticationInfo.principalEmail`).", "Was the change requested (ticket, PR)? Owner grants should go through the platform code, never the console.", "If not expected: remove the binding, rotate the actor's credentials and review what the new owner did."];
    };
    readonly "audit-config": {
        readonly cis: "2.5";
        readonly title: "Audit configuration changes";
        readonly filter: "protoPayload.methodName=\"SetIamPolicy\" AND protoPayload.serviceData.policyDelta.auditConfigDeltas:*";
        readonly checks: readonly ["Which service's audit logging changed: `protoPayload.serviceData.policyDelta.auditConfigDeltas` in the entry.", "Data Access logs switched off for Cloud KMS or Cloud SQL break the audit trail: run `pulumi up` to restore them.", "Identify the principal and confirm the change was intended."];
    };
    readonly "custom-role": {
        readonly cis: "2.6";
        readonly title: "Custom role changes";
        readonly filter: "resource.type=\"iam_role\"\n AND (protoPayload.methodName = \"google.iam.admin.v1.CreateRole\" OR\n protoPayload.methodName=\"google.iam.admin.v1.DeleteRole\" OR\n protoPayload.methodName=\"google.iam.admin.v1.UpdateRole\")";
        readonly checks: readonly ["Which role changed and which permissions were added: `protoPayload.request` in the entry.", "Custom roles that gain `*.setIamPolicy`, `iam.serviceAccounts.actAs` or key creation are privilege escalation paths.", "Confirm the change with its author; revert it if unplanned."];
    };
    readonly "sql-instance-config": {
        readonly cis: "2.11";
        readonly title: "Cloud SQL instance configuration changes";
        readonly filter: "protoPayload.methodName=\"cloudsql.instances.update\"";
        readonly checks: readonly ["What changed: compare `protoPayload.request.body.settings` with the platform config (`pulumi preview` shows drift).", "Watch for public IP, authorized networks, SSL mode, backups or deletion protection being weakened.", "Changes outside a deployment are drift: revert with `pulumi up` after talking to the author."];
    };
};
/** A CIS log-metric key. */
export type CisLogMetric = keyof typeof CIS_LOG_METRICS;
/**
 * Cloud Run request count for one service, optionally one response code class (`5xx`).
 *
 * @example
 * ```ts
 * runRequestsFilter("shop-api", "5xx");
 * // metric.type="run.googleapis.com/request_count" AND resource.type="cloud_run_revision" AND resource.label.service_name="shop-api" AND metric.label.response_code_class="5xx"
 * ```
 */
export declare function runRequestsFilter(serviceName: string, responseCodeClass?: string): string;
/** Cloud Run request latency distribution (ms) for one service. */
export declare function runLatencyFilter(serviceName: string): string;
/**
 * A Cloud SQL metric for one instance (`database_id` is `project:instance`), or for every instance
 * whose name starts with it (replicas) when `prefix` is set.
 *
 * @example
 * ```ts
 * sqlFilter("cloudsql.googleapis.com/database/cpu/utilization", "acme:shop-prod-db");
 * ```
 */
export declare function sqlFilter(metric: string, databaseId: string, prefix?: boolean): string;
/** Redis memory usage ratio for one instance (`projects/…/locations/…/instances/…`). */
export declare function redisMemoryFilter(instanceId: string): string;
/** Uptime check results of one check. */
export declare function uptimeFilter(checkId: string): string;
/**
 * The SLO burn-rate time series over a lookback window.
 *
 * @example
 * ```ts
 * burnRateFilter("projects/p/services/s/serviceLevelObjectives/availability", 3600);
 * // select_slo_burn_rate("projects/p/services/s/serviceLevelObjectives/availability", "3600s")
 * ```
 */
export declare function burnRateFilter(sloName: string, windowSeconds: number): string;
/**
 * The alert condition filter for a user-defined log metric, in the exact form CIS scanners expect.
 *
 * @example
 * ```ts
 * logMetricFilter("shop-prod-cis-audit-config"); // metric.type="logging.googleapis.com/user/shop-prod-cis-audit-config"
 * ```
 */
export declare function logMetricFilter(metricName: string): string;
/**
 * Failed Cloud SQL backups of one instance: automated backups whose window did not succeed (System
 * Event audit log, `cloudsql.instances.automatedBackup`) and on-demand backups that returned an error.
 *
 * @example
 * ```ts
 * backupFailureFilter("acme-prod", "acme-prod:shop-prod-db");
 * ```
 */
export declare function backupFailureFilter(project: string, databaseId: string): string;
/**
 * The Cloud SQL `database_id` label (`project:instance`).
 *
 * @example
 * ```ts
 * databaseId("acme-prod", "shop-prod-db"); // "acme-prod:shop-prod-db"
 * ```
 */
export declare function databaseId(project: string, instance: string): string;
/**
 * The Redis `instance_id` label: the full resource name.
 *
 * @example
 * ```ts
 * redisInstanceId("acme", "europe-west1", "shop-cache"); // "projects/acme/locations/europe-west1/instances/shop-cache"
 * ```
 */
export declare function redisInstanceId(project: string, region: string, instance: string): string;
/**
 * Alert documentation in Markdown: what fired, then what to check first.
 *
 * @example
 * ```ts
 * runbook("High 5xx ratio on api", "More than 2 % of requests failed for 5 minutes.", ["Check the latest revision's logs"]);
 * ```
 */
export declare function runbook(title: string, summary: string, checks: readonly string[]): string;
/**
 * `0.02` → `"2%"`, `0.999` → `"99.9%"` (for display names and docs).
 *
 * @example
 * ```ts
 * percent(0.999); // "99.9%"
 * ```
 */
export declare function percent(fraction: number): string;
/**
 * Service URLs are absolute HTTPS URLs (uptime checks run over TLS and validate the certificate).
 *
 * @example
 * ```ts
 * validateServiceUrl("services[0].url", "http://api.acme.com"); // ["services[0].url must be an https:// URL, got …"]
 * ```
 */
export declare function validateServiceUrl(field: string, url: string): string[];
/**
 * Where an uptime check goes: the URL's host, and its path (if any) joined with the health path.
 *
 * @example
 * ```ts
 * uptimeTarget("https://api-abc-ew.a.run.app", "/health"); // { host: "api-abc-ew.a.run.app", path: "/health" }
 * uptimeTarget("https://acme.com/shop/", "/health");       // { host: "acme.com", path: "/shop/health" }
 * ```
 */
export declare function uptimeTarget(url: string, healthPath: string): {
    host: string;
    path: string;
};
/**
 * A metric-threshold condition: aligned per series, optionally reduced across series, compared
 * with `COMPARISON_GT`, firing after `durationSeconds` in violation.
 */
export declare function thresholdCondition(displayName: string, filter: pulumi.Input<string>, o: {
    value: number;
    durationSeconds: number;
    aligner: string;
    periodSeconds?: number;
    reducer?: string;
    groupBy?: string[];
    denominatorFilter?: pulumi.Input<string>;
}): gcp.types.input.monitoring.AlertPolicyCondition;
