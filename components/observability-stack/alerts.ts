import type * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import {
  backupFailureFilter,
  thresholdCondition,
  burnRateFilter,
  CIS_LOG_METRICS,
  logMetricFilter,
  METRICS,
  percent,
  redisMemoryFilter,
  runbook,
  runLatencyFilter,
  runRequestsFilter,
  sqlFilter,
  uptimeFilter,
  type CisLogMetric,
} from "./filters";
import { BURN_RATE_ALERTS, Severity, type ObservabilitySpec } from "./spec";

// What each alert policy is, as data: the component turns every AlertSpec into one AlertPolicy
// with the notification channels, labels and documentation attached.

type Condition = gcp.types.input.monitoring.AlertPolicyCondition;
type Strategy = gcp.types.input.monitoring.AlertPolicyAlertStrategy;
type Targets = ObservabilitySpec["targets"];

/** One alert policy to create. */
export interface AlertSpec {
  /** Child-name parts after the component name, e.g. `["api", "5xx"]`; also the key in `alertPolicyNames`. */
  readonly role: readonly string[];
  /** What it watches (service, database or cache key, or `audit`): the `target` user label. */
  readonly target: string;
  readonly displayName: string;
  readonly severity: Severity;
  readonly combiner: "OR" | "AND";
  readonly conditions: Condition[];
  /** Markdown: what fired and what to check first. */
  readonly documentation: string;
  readonly alertStrategy?: Strategy;
}

/** Incidents close on their own once the signal has been healthy this long. */
const AUTO_CLOSE = "1800s";

/** Cloud Run 5xx ratio and p95 latency for one service. */
export function serviceAlerts(
  title: string,
  key: string,
  serviceName: pulumi.Input<string>,
  t: Targets,
): AlertSpec[] {
  const svc = pulumi.output(serviceName);
  const byService = ["resource.label.service_name"];
  return [
    {
      role: [key, "5xx"],
      target: key,
      displayName: `${title} ${key}: 5xx ratio > ${percent(t.errorRateThreshold)}`,
      severity: Severity.CRITICAL,
      combiner: "OR",
      conditions: [
        thresholdCondition(
          `5xx / all requests > ${percent(t.errorRateThreshold)} for 5 min`,
          svc.apply((s) => runRequestsFilter(s, "5xx")),
          {
            value: t.errorRateThreshold,
            durationSeconds: 300,
            aligner: "ALIGN_DELTA",
            reducer: "REDUCE_SUM",
            groupBy: byService,
            denominatorFilter: svc.apply((s) => runRequestsFilter(s)),
          },
        ),
      ],
      documentation: runbook(
        `High 5xx ratio on ${key}`,
        `More than ${percent(t.errorRateThreshold)} of requests returned 5xx for 5 minutes.`,
        [
          "Did a deploy just happen? Compare the failing revision with the previous one (Cloud Run → Revisions) and roll back traffic if it is new.",
          'Read the service\'s error logs: `resource.type="cloud_run_revision" severity>=ERROR`.',
          "Check the dependencies: Cloud SQL (connections, CPU), Redis (memory), Secret Manager access denials.",
          "Check instance limits: max instances reached or container OOM kills show as 5xx too.",
        ],
      ),
      alertStrategy: { autoClose: AUTO_CLOSE },
    },
    {
      role: [key, "latency"],
      target: key,
      displayName: `${title} ${key}: p95 latency > ${t.latencyP95Ms} ms`,
      severity: Severity.ERROR,
      combiner: "OR",
      conditions: [
        thresholdCondition(`p95 latency > ${t.latencyP95Ms} ms for 5 min`, svc.apply(runLatencyFilter), {
          value: t.latencyP95Ms,
          durationSeconds: 300,
          aligner: "ALIGN_DELTA",
          reducer: "REDUCE_PERCENTILE_95",
          groupBy: byService,
        }),
      ],
      documentation: runbook(
        `Slow responses on ${key}`,
        `The 95th percentile of request latency stayed above ${t.latencyP95Ms} ms for 5 minutes.`,
        [
          "Cold starts: is min instances 0 or did traffic jump? (Cloud Run → Metrics → Container instance count).",
          "Database: slow queries in Query Insights, CPU or connection saturation on Cloud SQL.",
          "Container CPU throttling or memory pressure (Cloud Run → Metrics → CPU / memory utilization).",
        ],
      ),
      alertStrategy: { autoClose: AUTO_CLOSE },
    },
  ];
}

/** The uptime check failing from more than one region. */
export function uptimeAlert(
  title: string,
  key: string,
  healthPath: string,
  checkId: pulumi.Input<string>,
): AlertSpec {
  return {
    role: [key, "uptime"],
    target: key,
    displayName: `${title} ${key}: uptime check failing`,
    severity: Severity.CRITICAL,
    combiner: "OR",
    conditions: [
      thresholdCondition(
        `${healthPath} failing from more than one region`,
        pulumi.output(checkId).apply(uptimeFilter),
        {
          value: 1,
          durationSeconds: 60,
          periodSeconds: 1200,
          aligner: "ALIGN_NEXT_OLDER",
          reducer: "REDUCE_COUNT_FALSE",
          groupBy: ["resource.label.*"],
        },
      ),
    ],
    documentation: runbook(
      `${key} is unreachable`,
      `Requests to ${healthPath} fail from more than one uptime-check region.`,
      [
        "Open the uptime check (Monitoring → Uptime checks) and read the failing regions' response codes and errors.",
        "TLS or DNS errors: check the domain mapping / load balancer certificate.",
        "403/401: the service's ingress or IAM changed; 5xx: follow the 5xx runbook for this service.",
      ],
    ),
    alertStrategy: { autoClose: AUTO_CLOSE },
  };
}

/** Multi-window burn-rate alerts (fast and slow) for one SLO. */
export function burnRateAlerts(
  title: string,
  key: string,
  kind: "availability" | "latency",
  sloName: pulumi.Input<string>,
  goal: number,
): AlertSpec[] {
  const slo = pulumi.output(sloName);
  return BURN_RATE_ALERTS.map((b) => ({
    role: [key, "slo", kind, "burn", b.key],
    target: key,
    displayName: `${title} ${key}: ${kind} SLO ${b.key} burn (${b.burnRate}×)`,
    severity: b.severity,
    combiner: "AND" as const,
    conditions: [b.longWindowSeconds, b.shortWindowSeconds].map((w) => ({
      displayName: `burn rate over ${w / 60} min > ${b.burnRate}`,
      conditionThreshold: {
        filter: slo.apply((n) => burnRateFilter(n, w)),
        comparison: "COMPARISON_GT",
        thresholdValue: b.burnRate,
        duration: "0s",
      },
    })),
    documentation: runbook(
      `${key} is burning its ${kind} error budget ${b.burnRate}× too fast`,
      `The ${kind} SLO (goal ${percent(goal)}) lost budget at ${b.burnRate}× the sustainable rate over both ` +
        `${b.longWindowSeconds / 3600} h and ${b.shortWindowSeconds / 60} min. At this pace the 30-day budget is gone in ${Math.round(30 / b.burnRate)} days or less.`,
      [
        "Open the SLO (Monitoring → SLOs) to see when the burn started and whether it is still going.",
        kind === "availability"
          ? "Follow the 5xx runbook for this service: recent deploys, error logs, dependencies."
          : "Follow the latency runbook for this service: cold starts, database, CPU throttling.",
        "If a rollout caused it, shift traffic back to the previous revision before debugging.",
      ],
    ),
    alertStrategy: { autoClose: AUTO_CLOSE },
  }));
}

/** CPU, disk, memory, replica lag (with replicas) and failed backups for one Cloud SQL instance. */
export function databaseAlerts(
  title: string,
  key: string,
  project: string,
  dbId: pulumi.Input<string>,
  hasReplicas: boolean,
  t: Targets,
): AlertSpec[] {
  const id = pulumi.output(dbId);
  const util = (
    metric: string,
    what: string,
    value: number,
    durationSeconds: number,
    checks: string[],
  ): AlertSpec => ({
    role: [key, what],
    target: key,
    displayName: `${title} ${key}: ${what} utilization > ${percent(value)}`,
    severity: Severity.ERROR,
    combiner: "OR",
    conditions: [
      thresholdCondition(
        `${what} > ${percent(value)} for ${durationSeconds / 60} min`,
        id.apply((d) => sqlFilter(metric, d)),
        {
          value,
          durationSeconds,
          aligner: "ALIGN_MEAN",
        },
      ),
    ],
    documentation: runbook(
      `Cloud SQL ${key}: high ${what} utilization`,
      `${what} stayed above ${percent(value)} for ${durationSeconds / 60} minutes.`,
      checks,
    ),
    alertStrategy: { autoClose: AUTO_CLOSE },
  });
  const out: AlertSpec[] = [
    util(METRICS.sqlCpu, "cpu", t.sqlCpu, 600, [
      "Query Insights: which queries use the most CPU right now? Look for missing indexes and sequential scans.",
      "Connection storms after a deploy (Cloud Run scaling out) also burn CPU: check `num_backends`.",
      "Sustained load: raise the tier in `platform:database.tier`.",
    ]),
    util(METRICS.sqlDisk, "disk", t.sqlDisk, 300, [
      "Storage auto-resize is on, but capped: check the instance's auto-resize limit.",
      "Large temp files or WAL retained by a stuck replica or replication slot grow the disk fast.",
      "Bloat: tables that need VACUUM, or data that should be archived.",
    ]),
    util(METRICS.sqlMemory, "memory", t.sqlMemory, 600, [
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
      severity: Severity.ERROR,
      combiner: "OR",
      conditions: [
        thresholdCondition(
          `replica lag > ${t.replicaLagSeconds} s for 5 min`,
          id.apply((d) => sqlFilter(METRICS.sqlReplicaLag, d, true)),
          {
            value: t.replicaLagSeconds,
            durationSeconds: 300,
            aligner: "ALIGN_MAX",
          },
        ),
      ],
      documentation: runbook(
        `Cloud SQL ${key}: replicas are behind`,
        `A read replica is more than ${t.replicaLagSeconds} seconds behind its primary.`,
        [
          "Is the primary writing heavily (bulk load, migration)? Lag recovers when it ends.",
          "Is the replica smaller than the primary or CPU-bound? Replicas replay WAL single-threaded.",
          "Long-running queries on the replica can block replay: check `pg_stat_activity` there.",
        ],
      ),
      alertStrategy: { autoClose: AUTO_CLOSE },
    });
  }
  out.push({
    role: [key, "backup-failed"],
    target: key,
    displayName: `${title} ${key}: backup failed`,
    severity: Severity.CRITICAL,
    combiner: "OR",
    conditions: [
      {
        displayName: "a backup of this instance failed",
        conditionMatchedLog: { filter: id.apply((d) => backupFailureFilter(project, d)) },
      },
    ],
    documentation: runbook(
      `Cloud SQL ${key}: a backup failed`,
      "An automated or on-demand backup of this instance did not complete.",
      [
        "Cloud SQL → Backups: read the failed run's error.",
        "Take an on-demand backup now (`gcloud sql backups create --instance=…`) so recovery does not depend on yesterday's.",
        "Common causes: the instance was stopped or under maintenance, the CMEK key is disabled or its grant removed, or the disk is full.",
      ],
    ),
    // Log-match conditions need a rate limit; one notification per 5 minutes is plenty for a daily job.
    alertStrategy: { notificationRateLimit: { period: "300s" }, autoClose: AUTO_CLOSE },
  });
  return out;
}

/** Memory usage ratio for one Redis instance. */
export function cacheAlerts(
  title: string,
  key: string,
  instanceId: pulumi.Input<string>,
  t: Targets,
): AlertSpec[] {
  return [
    {
      role: [key, "memory"],
      target: key,
      displayName: `${title} ${key}: Redis memory > ${percent(t.redisMemory)}`,
      severity: Severity.ERROR,
      combiner: "OR",
      conditions: [
        thresholdCondition(
          `memory usage ratio > ${percent(t.redisMemory)} for 5 min`,
          pulumi.output(instanceId).apply(redisMemoryFilter),
          {
            value: t.redisMemory,
            durationSeconds: 300,
            aligner: "ALIGN_MEAN",
          },
        ),
      ],
      documentation: runbook(
        `Redis ${key}: memory almost full`,
        `Used memory stayed above ${percent(t.redisMemory)} of the instance for 5 minutes.`,
        [
          "Evictions (`stats/evicted_keys`): with allkeys-lru the cache is shedding entries; hit ratio drops.",
          "Keys without TTL that grow forever: sample with `SCAN` + `MEMORY USAGE`.",
          "If the working set really grew, raise `platform:cache.memorySizeGb`.",
        ],
      ),
      alertStrategy: { autoClose: AUTO_CLOSE },
    },
  ];
}

/** The alert on a CIS log metric: any matching entry within a minute fires it. */
export function cisAlert(title: string, key: CisLogMetric, metricName: pulumi.Input<string>): AlertSpec {
  const cis = CIS_LOG_METRICS[key];
  return {
    role: ["cis", key],
    target: "audit",
    displayName: `${title}: ${cis.title} (CIS ${cis.cis})`,
    severity: Severity.WARNING,
    combiner: "OR",
    conditions: [
      thresholdCondition(`${cis.title} > 0`, pulumi.output(metricName).apply(logMetricFilter), {
        value: 0,
        durationSeconds: 0,
        periodSeconds: 60,
        aligner: "ALIGN_COUNT",
      }),
    ],
    documentation: runbook(
      `${cis.title} (CIS GCP ${cis.cis})`,
      "Cloud Audit Logs recorded a security-relevant change in this project.",
      cis.checks,
    ),
    alertStrategy: { autoClose: AUTO_CLOSE },
  };
}
