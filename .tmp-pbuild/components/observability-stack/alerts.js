"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.serviceAlerts = serviceAlerts;
exports.uptimeAlert = uptimeAlert;
exports.burnRateAlerts = burnRateAlerts;
exports.databaseAlerts = databaseAlerts;
exports.cacheAlerts = cacheAlerts;
exports.cisAlert = cisAlert;
const pulumi = __importStar(require("@pulumi/pulumi"));
const filters_1 = require("./filters");
const spec_1 = require("./spec");
/** Incidents close on their own once the signal has been healthy this long. */
const AUTO_CLOSE = "1800s";
/** Cloud Run 5xx ratio and p95 latency for one service. */
function serviceAlerts(title, key, serviceName, t) {
    const svc = pulumi.output(serviceName);
    const byService = ["resource.label.service_name"];
    return [
        {
            role: [key, "5xx"],
            target: key,
            displayName: `${title} ${key}: 5xx ratio > ${(0, filters_1.percent)(t.errorRateThreshold)}`,
            severity: spec_1.Severity.CRITICAL,
            combiner: "OR",
            conditions: [
                (0, filters_1.thresholdCondition)(`5xx / all requests > ${(0, filters_1.percent)(t.errorRateThreshold)} for 5 min`, svc.apply((s) => (0, filters_1.runRequestsFilter)(s, "5xx")), {
                    value: t.errorRateThreshold,
                    durationSeconds: 300,
                    aligner: "ALIGN_DELTA",
                    reducer: "REDUCE_SUM",
                    groupBy: byService,
                    denominatorFilter: svc.apply((s) => (0, filters_1.runRequestsFilter)(s)),
                }),
            ],
            documentation: (0, filters_1.runbook)(`High 5xx ratio on ${key}`, `More than ${(0, filters_1.percent)(t.errorRateThreshold)} of requests returned 5xx for 5 minutes.`, [
                "Did a deploy just happen? Compare the failing revision with the previous one (Cloud Run → Revisions) and roll back traffic if it is new.",
                'Read the service\'s error logs: `resource.type="cloud_run_revision" severity>=ERROR`.',
                "Check the dependencies: Cloud SQL (connections, CPU), Redis (memory), Secret Manager access denials.",
                "Check instance limits: max instances reached or container OOM kills show as 5xx too.",
            ]),
            alertStrategy: { autoClose: AUTO_CLOSE },
        },
        {
            role: [key, "latency"],
            target: key,
            displayName: `${title} ${key}: p95 latency > ${t.latencyP95Ms} ms`,
            severity: spec_1.Severity.ERROR,
            combiner: "OR",
            conditions: [
                (0, filters_1.thresholdCondition)(`p95 latency > ${t.latencyP95Ms} ms for 5 min`, svc.apply(filters_1.runLatencyFilter), {
                    value: t.latencyP95Ms,
                    durationSeconds: 300,
                    aligner: "ALIGN_DELTA",
                    reducer: "REDUCE_PERCENTILE_95",
                    groupBy: byService,
                }),
            ],
            documentation: (0, filters_1.runbook)(`Slow responses on ${key}`, `The 95th percentile of request latency stayed above ${t.latencyP95Ms} ms for 5 minutes.`, [
                "Cold starts: is min instances 0 or did traffic jump? (Cloud Run → Metrics → Container instance count).",
                "Database: slow queries in Query Insights, CPU or connection saturation on Cloud SQL.",
                "Container CPU throttling or memory pressure (Cloud Run → Metrics → CPU / memory utilization).",
            ]),
            alertStrategy: { autoClose: AUTO_CLOSE },
        },
    ];
}
/** The uptime check failing from more than one region. */
function uptimeAlert(title, key, healthPath, checkId) {
    return {
        role: [key, "uptime"],
        target: key,
        displayName: `${title} ${key}: uptime check failing`,
        severity: spec_1.Severity.CRITICAL,
        combiner: "OR",
        conditions: [
            (0, filters_1.thresholdCondition)(`${healthPath} failing from more than one region`, pulumi.output(checkId).apply(filters_1.uptimeFilter), {
                value: 1,
                durationSeconds: 60,
                periodSeconds: 1200,
                aligner: "ALIGN_NEXT_OLDER",
                reducer: "REDUCE_COUNT_FALSE",
                groupBy: ["resource.label.*"],
            }),
        ],
        documentation: (0, filters_1.runbook)(`${key} is unreachable`, `Requests to ${healthPath} fail from more than one uptime-check region.`, [
            "Open the uptime check (Monitoring → Uptime checks) and read the failing regions' response codes and errors.",
            "TLS or DNS errors: check the domain mapping / load balancer certificate.",
            "403/401: the service's ingress or IAM changed; 5xx: follow the 5xx runbook for this service.",
        ]),
        alertStrategy: { autoClose: AUTO_CLOSE },
    };
}
/** Multi-window burn-rate alerts (fast and slow) for one SLO. */
function burnRateAlerts(title, key, kind, sloName, goal) {
    const slo = pulumi.output(sloName);
    return spec_1.BURN_RATE_ALERTS.map((b) => ({
        role: [key, "slo", kind, "burn", b.key],
        target: key,
        displayName: `${title} ${key}: ${kind} SLO ${b.key} burn (${b.burnRate}×)`,
        severity: b.severity,
        combiner: "AND",
        conditions: [b.longWindowSeconds, b.shortWindowSeconds].map((w) => ({
            displayName: `burn rate over ${w / 60} min > ${b.burnRate}`,
            conditionThreshold: {
                filter: slo.apply((n) => (0, filters_1.burnRateFilter)(n, w)),
                comparison: "COMPARISON_GT",
                thresholdValue: b.burnRate,
                duration: "0s",
            },
        })),
        documentation: (0, filters_1.runbook)(`${key} is burning its ${kind} error budget ${b.burnRate}× too fast`, `The ${kind} SLO (goal ${(0, filters_1.percent)(goal)}) lost budget at ${b.burnRate}× the sustainable rate over both ` +
            `${b.longWindowSeconds / 3600} h and ${b.shortWindowSeconds / 60} min. At this pace the 30-day budget is gone in ${Math.round(30 / b.burnRate)} days or less.`, [
            "Open the SLO (Monitoring → SLOs) to see when the burn started and whether it is still going.",
            kind === "availability"
                ? "Follow the 5xx runbook for this service: recent deploys, error logs, dependencies."
                : "Follow the latency runbook for this service: cold starts, database, CPU throttling.",
            "If a rollout caused it, shift traffic back to the previous revision before debugging.",
        ]),
        alertStrategy: { autoClose: AUTO_CLOSE },
    }));
}
/** CPU, disk, memory, replica lag (with replicas) and failed backups for one Cloud SQL instance. */
function databaseAlerts(title, key, project, dbId, hasReplicas, t) {
    const id = pulumi.output(dbId);
    const util = (metric, what, value, durationSeconds, checks) => ({
        role: [key, what],
        target: key,
        displayName: `${title} ${key}: ${what} utilization > ${(0, filters_1.percent)(value)}`,
        severity: spec_1.Severity.ERROR,
        combiner: "OR",
        conditions: [
            (0, filters_1.thresholdCondition)(`${what} > ${(0, filters_1.percent)(value)} for ${durationSeconds / 60} min`, id.apply((d) => (0, filters_1.sqlFilter)(metric, d)), {
                value,
                durationSeconds,
                aligner: "ALIGN_MEAN",
            }),
        ],
        documentation: (0, filters_1.runbook)(`Cloud SQL ${key}: high ${what} utilization`, `${what} stayed above ${(0, filters_1.percent)(value)} for ${durationSeconds / 60} minutes.`, checks),
        alertStrategy: { autoClose: AUTO_CLOSE },
    });
    const out = [
        util(filters_1.METRICS.sqlCpu, "cpu", t.sqlCpu, 600, [
            "Query Insights: which queries use the most CPU right now? Look for missing indexes and sequential scans.",
            "Connection storms after a deploy (Cloud Run scaling out) also burn CPU: check `num_backends`.",
            "Sustained load: raise the tier in `platform:database.tier`.",
        ]),
        util(filters_1.METRICS.sqlDisk, "disk", t.sqlDisk, 300, [
            "Storage auto-resize is on, but capped: check the instance's auto-resize limit.",
            "Large temp files or WAL retained by a stuck replica or replication slot grow the disk fast.",
            "Bloat: tables that need VACUUM, or data that should be archived.",
        ]),
        util(filters_1.METRICS.sqlMemory, "memory", t.sqlMemory, 600, [
            "Too many connections (each uses work_mem): pool them or lower the Cloud Run max instances.",
            "Large sorts and hashes in Query Insights.",
            "Persistent pressure: move to a tier with more memory.",
        ]),
    ];
    if (hasReplicas) {
        out.push({
            role: [key, "replica-lag"],
            target: key,
            displayName: `${title} ${key}: replica lag > ${t.replicaLagSeconds} s`,
            severity: spec_1.Severity.ERROR,
            combiner: "OR",
            conditions: [
                (0, filters_1.thresholdCondition)(`replica lag > ${t.replicaLagSeconds} s for 5 min`, id.apply((d) => (0, filters_1.sqlFilter)(filters_1.METRICS.sqlReplicaLag, d, true)), {
                    value: t.replicaLagSeconds,
                    durationSeconds: 300,
                    aligner: "ALIGN_MAX",
                }),
            ],
            documentation: (0, filters_1.runbook)(`Cloud SQL ${key}: replicas are behind`, `A read replica is more than ${t.replicaLagSeconds} seconds behind its primary.`, [
                "Is the primary writing heavily (bulk load, migration)? Lag recovers when it ends.",
                "Is the replica smaller than the primary or CPU-bound? Replicas replay WAL single-threaded.",
                "Long-running queries on the replica can block replay: check `pg_stat_activity` there.",
            ]),
            alertStrategy: { autoClose: AUTO_CLOSE },
        });
    }
    out.push({
        role: [key, "backup-failed"],
        target: key,
        displayName: `${title} ${key}: backup failed`,
        severity: spec_1.Severity.CRITICAL,
        combiner: "OR",
        conditions: [
            {
                displayName: "a backup of this instance failed",
                conditionMatchedLog: { filter: id.apply((d) => (0, filters_1.backupFailureFilter)(project, d)) },
            },
        ],
        documentation: (0, filters_1.runbook)(`Cloud SQL ${key}: a backup failed`, "An automated or on-demand backup of this instance did not complete.", [
            "Cloud SQL → Backups: read the failed run's error.",
            "Take an on-demand backup now (`gcloud sql backups create --instance=…`) so recovery does not depend on yesterday's.",
            "Common causes: the instance was stopped or under maintenance, the CMEK key is disabled or its grant removed, or the disk is full.",
        ]),
        // Log-match conditions need a rate limit; one notification per 5 minutes is plenty for a daily job.
        alertStrategy: { notificationRateLimit: { period: "300s" }, autoClose: AUTO_CLOSE },
    });
    return out;
}
/** Memory usage ratio for one Redis instance. */
function cacheAlerts(title, key, instanceId, t) {
    return [
        {
            role: [key, "memory"],
            target: key,
            displayName: `${title} ${key}: Redis memory > ${(0, filters_1.percent)(t.redisMemory)}`,
            severity: spec_1.Severity.ERROR,
            combiner: "OR",
            conditions: [
                (0, filters_1.thresholdCondition)(`memory usage ratio > ${(0, filters_1.percent)(t.redisMemory)} for 5 min`, pulumi.output(instanceId).apply(filters_1.redisMemoryFilter), {
                    value: t.redisMemory,
                    durationSeconds: 300,
                    aligner: "ALIGN_MEAN",
                }),
            ],
            documentation: (0, filters_1.runbook)(`Redis ${key}: memory almost full`, `Used memory stayed above ${(0, filters_1.percent)(t.redisMemory)} of the instance for 5 minutes.`, [
                "Evictions (`stats/evicted_keys`): with allkeys-lru the cache is shedding entries; hit ratio drops.",
                "Keys without TTL that grow forever: sample with `SCAN` + `MEMORY USAGE`.",
                "If the working set really grew, raise `platform:cache.memorySizeGb`.",
            ]),
            alertStrategy: { autoClose: AUTO_CLOSE },
        },
    ];
}
/** The alert on a CIS log metric: any matching entry within a minute fires it. */
function cisAlert(title, key, metricName) {
    const cis = filters_1.CIS_LOG_METRICS[key];
    return {
        role: ["cis", key],
        target: "audit",
        displayName: `${title}: ${cis.title} (CIS ${cis.cis})`,
        severity: spec_1.Severity.WARNING,
        combiner: "OR",
        conditions: [
            (0, filters_1.thresholdCondition)(`${cis.title} > 0`, pulumi.output(metricName).apply(filters_1.logMetricFilter), {
                value: 0,
                durationSeconds: 0,
                periodSeconds: 60,
                aligner: "ALIGN_COUNT",
            }),
        ],
        documentation: (0, filters_1.runbook)(`${cis.title} (CIS GCP ${cis.cis})`, "Cloud Audit Logs recorded a security-relevant change in this project.", cis.checks),
        alertStrategy: { autoClose: AUTO_CLOSE },
    };
}
//# sourceMappingURL=alerts.js.map