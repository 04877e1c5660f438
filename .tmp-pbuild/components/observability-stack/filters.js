"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CIS_LOG_METRICS = exports.METRICS = void 0;
exports.runRequestsFilter = runRequestsFilter;
exports.runLatencyFilter = runLatencyFilter;
exports.sqlFilter = sqlFilter;
exports.redisMemoryFilter = redisMemoryFilter;
exports.uptimeFilter = uptimeFilter;
exports.burnRateFilter = burnRateFilter;
exports.logMetricFilter = logMetricFilter;
exports.backupFailureFilter = backupFailureFilter;
exports.databaseId = databaseId;
exports.redisInstanceId = redisInstanceId;
exports.runbook = runbook;
exports.percent = percent;
exports.validateServiceUrl = validateServiceUrl;
exports.uptimeTarget = uptimeTarget;
exports.thresholdCondition = thresholdCondition;
const errors_1 = require("../shared/errors");
// Monitoring and logging filters, conditions and uptime targets, as pure functions of resolved
// names, so tests can compare them exactly and the component stays a list of create*() calls.
/** Cloud Monitoring metric types used by the stack (checked against cloud.google.com/monitoring/api/metrics_gcp). */
exports.METRICS = {
    runRequestCount: "run.googleapis.com/request_count",
    runRequestLatencies: "run.googleapis.com/request_latencies",
    sqlCpu: "cloudsql.googleapis.com/database/cpu/utilization",
    sqlDisk: "cloudsql.googleapis.com/database/disk/utilization",
    sqlMemory: "cloudsql.googleapis.com/database/memory/utilization",
    sqlReplicaLag: "cloudsql.googleapis.com/database/replication/replica_lag",
    redisMemory: "redis.googleapis.com/stats/memory/usage_ratio",
    uptimePassed: "monitoring.googleapis.com/uptime_check/check_passed",
};
/**
 * The CIS GCP Foundations log-metric checks, with the benchmark's filters verbatim (as the
 * cloudbeat CIS 2.x rules compare them: byte for byte, line breaks included). Scanners then look for
 * an enabled alert whose condition filter is exactly `metric.type="logging.googleapis.com/user/<metric>"`.
 */
exports.CIS_LOG_METRICS = {
    "project-ownership": {
        cis: "2.4",
        title: "Project ownership assignments/changes",
        filter: `(protoPayload.serviceName="cloudresourcemanager.googleapis.com")
AND (ProjectOwnership OR projectOwnerInvitee)
OR (protoPayload.serviceData.policyDelta.bindingDeltas.action="REMOVE"
AND protoPayload.serviceData.policyDelta.bindingDeltas.role="roles/owner")
OR (protoPayload.serviceData.policyDelta.bindingDeltas.action="ADD"
AND protoPayload.serviceData.policyDelta.bindingDeltas.role="roles/owner")`,
        checks: [
            "Who changed `roles/owner`: open the matching entry in Logs Explorer (`protoPayload.authenticationInfo.principalEmail`).",
            "Was the change requested (ticket, PR)? Owner grants should go through the platform code, never the console.",
            "If not expected: remove the binding, rotate the actor's credentials and review what the new owner did.",
        ],
    },
    "audit-config": {
        cis: "2.5",
        title: "Audit configuration changes",
        filter: `protoPayload.methodName="SetIamPolicy" AND protoPayload.serviceData.policyDelta.auditConfigDeltas:*`,
        checks: [
            "Which service's audit logging changed: `protoPayload.serviceData.policyDelta.auditConfigDeltas` in the entry.",
            "Data Access logs switched off for Cloud KMS or Cloud SQL break the audit trail: run `pulumi up` to restore them.",
            "Identify the principal and confirm the change was intended.",
        ],
    },
    "custom-role": {
        cis: "2.6",
        title: "Custom role changes",
        filter: `resource.type="iam_role"
 AND (protoPayload.methodName = "google.iam.admin.v1.CreateRole" OR
 protoPayload.methodName="google.iam.admin.v1.DeleteRole" OR
 protoPayload.methodName="google.iam.admin.v1.UpdateRole")`,
        checks: [
            "Which role changed and which permissions were added: `protoPayload.request` in the entry.",
            "Custom roles that gain `*.setIamPolicy`, `iam.serviceAccounts.actAs` or key creation are privilege escalation paths.",
            "Confirm the change with its author; revert it if unplanned.",
        ],
    },
    "sql-instance-config": {
        cis: "2.11",
        title: "Cloud SQL instance configuration changes",
        filter: `protoPayload.methodName="cloudsql.instances.update"`,
        checks: [
            "What changed: compare `protoPayload.request.body.settings` with the platform config (`pulumi preview` shows drift).",
            "Watch for public IP, authorized networks, SSL mode, backups or deletion protection being weakened.",
            "Changes outside a deployment are drift: revert with `pulumi up` after talking to the author.",
        ],
    },
};
const q = (s) => JSON.stringify(s);
/**
 * Cloud Run request count for one service, optionally one response code class (`5xx`).
 *
 * @example
 * ```ts
 * runRequestsFilter("shop-api", "5xx");
 * // metric.type="run.googleapis.com/request_count" AND resource.type="cloud_run_revision" AND resource.label.service_name="shop-api" AND metric.label.response_code_class="5xx"
 * ```
 */
function runRequestsFilter(serviceName, responseCodeClass) {
    const base = `metric.type=${q(exports.METRICS.runRequestCount)} AND resource.type="cloud_run_revision" AND resource.label.service_name=${q(serviceName)}`;
    return responseCodeClass ? `${base} AND metric.label.response_code_class=${q(responseCodeClass)}` : base;
}
/** Cloud Run request latency distribution (ms) for one service. */
function runLatencyFilter(serviceName) {
    return `metric.type=${q(exports.METRICS.runRequestLatencies)} AND resource.type="cloud_run_revision" AND resource.label.service_name=${q(serviceName)}`;
}
/**
 * A Cloud SQL metric for one instance (`database_id` is `project:instance`), or for every instance
 * whose name starts with it (replicas) when `prefix` is set.
 *
 * @example
 * ```ts
 * sqlFilter("cloudsql.googleapis.com/database/cpu/utilization", "acme:shop-prod-db");
 * ```
 */
function sqlFilter(metric, databaseId, prefix = false) {
    const id = prefix ? `starts_with(${q(databaseId)})` : q(databaseId);
    return `metric.type=${q(metric)} AND resource.type="cloudsql_database" AND resource.label.database_id=${id}`;
}
/** Redis memory usage ratio for one instance (`projects/…/locations/…/instances/…`). */
function redisMemoryFilter(instanceId) {
    return `metric.type=${q(exports.METRICS.redisMemory)} AND resource.type="redis_instance" AND resource.label.instance_id=${q(instanceId)}`;
}
/** Uptime check results of one check. */
function uptimeFilter(checkId) {
    return `metric.type=${q(exports.METRICS.uptimePassed)} AND metric.label.check_id=${q(checkId)} AND resource.type="uptime_url"`;
}
/**
 * The SLO burn-rate time series over a lookback window.
 *
 * @example
 * ```ts
 * burnRateFilter("projects/p/services/s/serviceLevelObjectives/availability", 3600);
 * // select_slo_burn_rate("projects/p/services/s/serviceLevelObjectives/availability", "3600s")
 * ```
 */
function burnRateFilter(sloName, windowSeconds) {
    return `select_slo_burn_rate(${q(sloName)}, "${windowSeconds}s")`;
}
/**
 * The alert condition filter for a user-defined log metric, in the exact form CIS scanners expect.
 *
 * @example
 * ```ts
 * logMetricFilter("shop-prod-cis-audit-config"); // metric.type="logging.googleapis.com/user/shop-prod-cis-audit-config"
 * ```
 */
function logMetricFilter(metricName) {
    return `metric.type=${q(`logging.googleapis.com/user/${metricName}`)}`;
}
/**
 * Failed Cloud SQL backups of one instance: automated backups whose window did not succeed (System
 * Event audit log, `cloudsql.instances.automatedBackup`) and on-demand backups that returned an error.
 *
 * @example
 * ```ts
 * backupFailureFilter("acme-prod", "acme-prod:shop-prod-db");
 * ```
 */
function backupFailureFilter(project, databaseId) {
    return [
        `resource.type="cloudsql_database"`,
        `AND resource.labels.database_id=${q(databaseId)}`,
        `AND ((logName=${q(`projects/${project}/logs/cloudaudit.googleapis.com%2Fsystem_event`)}`,
        `  AND protoPayload.methodName="cloudsql.instances.automatedBackup"`,
        `  AND (protoPayload.metadata.windowStatus="STATUS_FAILED" OR severity>=ERROR))`,
        ` OR (protoPayload.methodName="cloudsql.backupRuns.create" AND protoPayload.status.code>0))`,
    ].join("\n");
}
/**
 * The Cloud SQL `database_id` label (`project:instance`).
 *
 * @example
 * ```ts
 * databaseId("acme-prod", "shop-prod-db"); // "acme-prod:shop-prod-db"
 * ```
 */
function databaseId(project, instance) {
    return instance.includes(":") ? instance : `${project}:${instance}`;
}
/**
 * The Redis `instance_id` label: the full resource name.
 *
 * @example
 * ```ts
 * redisInstanceId("acme", "europe-west1", "shop-cache"); // "projects/acme/locations/europe-west1/instances/shop-cache"
 * ```
 */
function redisInstanceId(project, region, instance) {
    return instance.startsWith("projects/")
        ? instance
        : `projects/${project}/locations/${region}/instances/${instance}`;
}
/**
 * Alert documentation in Markdown: what fired, then what to check first.
 *
 * @example
 * ```ts
 * runbook("High 5xx ratio on api", "More than 2 % of requests failed for 5 minutes.", ["Check the latest revision's logs"]);
 * ```
 */
function runbook(title, summary, checks) {
    return [
        `## ${title}`,
        "",
        summary,
        "",
        "### What to check first",
        "",
        ...checks.map((c, i) => `${i + 1}. ${c}`),
    ].join("\n");
}
/**
 * `0.02` → `"2%"`, `0.999` → `"99.9%"` (for display names and docs).
 *
 * @example
 * ```ts
 * percent(0.999); // "99.9%"
 * ```
 */
function percent(fraction) {
    return `${Number((fraction * 100).toFixed(3))}%`;
}
/**
 * Service URLs are absolute HTTPS URLs (uptime checks run over TLS and validate the certificate).
 *
 * @example
 * ```ts
 * validateServiceUrl("services[0].url", "http://api.acme.com"); // ["services[0].url must be an https:// URL, got …"]
 * ```
 */
function validateServiceUrl(field, url) {
    const u = URL.canParse(url) ? new URL(url) : undefined;
    const ok = u !== undefined && u.protocol === "https:" && u.host.length > 0 && u.search === "" && u.hash === "";
    return ok ? [] : [`${field} must be an https:// URL without query or fragment, got ${(0, errors_1.show)(url)}`];
}
/**
 * Where an uptime check goes: the URL's host, and its path (if any) joined with the health path.
 *
 * @example
 * ```ts
 * uptimeTarget("https://api-abc-ew.a.run.app", "/health"); // { host: "api-abc-ew.a.run.app", path: "/health" }
 * uptimeTarget("https://acme.com/shop/", "/health");       // { host: "acme.com", path: "/shop/health" }
 * ```
 */
function uptimeTarget(url, healthPath) {
    const problems = validateServiceUrl("url", url);
    if (problems.length > 0)
        throw new errors_1.PlatformError(`ObservabilityStack: ${problems[0]}`);
    const u = new URL(url);
    const base = u.pathname.replace(/\/+$/, "");
    return { host: u.host, path: `${base}${healthPath}` };
}
/**
 * A metric-threshold condition: aligned per series, optionally reduced across series, compared
 * with `COMPARISON_GT`, firing after `durationSeconds` in violation.
 */
function thresholdCondition(displayName, filter, o) {
    const aggregation = {
        alignmentPeriod: `${o.periodSeconds ?? 300}s`,
        perSeriesAligner: o.aligner,
        ...(o.reducer ? { crossSeriesReducer: o.reducer, groupByFields: o.groupBy ?? [] } : {}),
    };
    return {
        displayName,
        conditionThreshold: {
            filter,
            aggregations: [aggregation],
            ...(o.denominatorFilter
                ? { denominatorFilter: o.denominatorFilter, denominatorAggregations: [aggregation] }
                : {}),
            comparison: "COMPARISON_GT",
            thresholdValue: o.value,
            duration: `${o.durationSeconds}s`,
            trigger: { count: 1 },
        },
    };
}
//# sourceMappingURL=filters.js.map