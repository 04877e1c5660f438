import * as pulumi from "@pulumi/pulumi";
import { BURN_RATE_ALERTS, type ObservabilityTargets } from "./spec";

/**
 * CloudWatch alarm definitions for the ObservabilityStack on AWS (pure: no resources). Every alarm
 * carries "what to check first" in its description.
 */

/** One CloudWatch metric alarm, as the component creates it. */
export interface AwsAlarmSpec {
  /** Child-name suffix and alarm-name suffix, e.g. `api-errors`. */
  readonly key: string;
  readonly description: string;
  readonly comparisonOperator:
    | "GreaterThanThreshold"
    | "GreaterThanOrEqualToThreshold"
    | "LessThanThreshold"
    | "LessThanOrEqualToThreshold";
  readonly threshold: number;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm?: number;
  readonly treatMissingData: "missing" | "notBreaching" | "breaching" | "ignore";
  readonly namespace?: string;
  readonly metricName?: string;
  readonly dimensions?: Readonly<Record<string, pulumi.Input<string>>>;
  readonly statistic?: "Sum" | "Average" | "Minimum" | "Maximum";
  readonly extendedStatistic?: string;
  readonly period?: number;
  readonly metricQueries?: readonly MetricQuery[];
  /** Does not notify by itself (a composite alarm does). @default false */
  readonly quiet?: boolean;
  /** Alarm region override (Route 53 health-check metrics exist only in us-east-1). */
  readonly region?: string;
}

/** One entry of a metric-math alarm. */
export interface MetricQuery {
  readonly id: string;
  readonly expression?: string;
  readonly label?: string;
  readonly returnData?: boolean;
  readonly metric?: {
    readonly namespace: string;
    readonly metricName: string;
    readonly dimensions: Readonly<Record<string, pulumi.Input<string>>>;
    readonly period: number;
    readonly stat: string;
  };
}

/** A composite alarm over metric alarms of this stack (referenced by key). */
export interface AwsCompositeSpec {
  readonly key: string;
  readonly description: string;
  /** Keys of the metric alarms that must all be in ALARM. */
  readonly allOf: readonly string[];
}

/**
 * "What to check first" text for an alarm description (CloudWatch allows 1024 characters).
 *
 * @example
 * ```ts
 * awsRunbook("Lambda errors above 2 %.", ["Logs Insights: filter level = ERROR", "Recent deploys"]);
 * // "Lambda errors above 2 %. What to check first: 1) Logs Insights: filter level = ERROR 2) Recent deploys"
 * ```
 */
export function awsRunbook(summary: string, checks: readonly string[]): string {
  return `${summary} What to check first: ${checks.map((c, i) => `${i + 1}) ${c}`).join(" ")}`.slice(0, 1024);
}

/** A Lambda service to watch. */
export interface AwsServiceTarget {
  readonly name: string;
  readonly functionName: pulumi.Input<string>;
  /** Alias the Function URL serves (the `Resource` dimension is `<function>:<alias>`). */
  readonly alias: string;
  /** Base URL of the Function URL; a Route 53 health check needs a public one. */
  readonly url?: pulumi.Input<string>;
  readonly healthPath?: string;
  /** The URL answers without IAM auth: only then can Route 53 check it. @default false */
  readonly public?: boolean;
}

/** An RDS instance or Aurora cluster to watch. */
export interface AwsDatabaseTarget {
  readonly name: string;
  readonly engine: "rds" | "aurora-serverless";
  /** Instance identifier (rds) or cluster identifier (Aurora). */
  readonly identifier: string;
  readonly replicaIdentifiers?: readonly string[];
  /** Allocated storage (rds) for the free-storage alarm. */
  readonly allocatedGb?: number;
  /** Instance class (rds), for memory and connection thresholds. */
  readonly instanceClass?: string;
}

/** An ElastiCache replication group to watch. */
export interface AwsCacheTarget {
  readonly name: string;
  readonly replicationGroupId: string;
}

/** Memory (GiB) of common RDS classes, for FreeableMemory and max_connections thresholds. */
export const RDS_CLASS_MEMORY_GIB: Readonly<Record<string, number>> = {
  "db.t4g.micro": 1,
  "db.t4g.small": 2,
  "db.t4g.medium": 4,
  "db.t4g.large": 8,
  "db.m6g.large": 8,
  "db.m7g.large": 8,
  "db.r6g.large": 16,
  "db.r7g.large": 16,
  "db.r6g.xlarge": 32,
};

/**
 * Lambda alarms: error ratio, throttles, p95 duration, Function URL 5xx ratio.
 *
 * @example
 * ```ts
 * lambdaAlarms("shop aws-prod", { name: "api", functionName: "shop-aws-prod-api", alias: "live" }, targets).map((a) => a.key);
 * // ["api-errors", "api-throttles", "api-p95", "api-url-5xx"]
 * ```
 */
export function lambdaAlarms(
  title: string,
  s: AwsServiceTarget,
  t: Required<ObservabilityTargets>,
): AwsAlarmSpec[] {
  const fn = { FunctionName: s.functionName };
  const resource = {
    FunctionName: s.functionName,
    Resource: pulumi.interpolate`${s.functionName}:${s.alias}`,
  };
  const ratio = (
    id: string,
    bad: string,
    all: string,
    dims: Record<string, pulumi.Input<string>>,
  ): MetricQuery[] => [
    {
      id: "bad",
      metric: { namespace: "AWS/Lambda", metricName: bad, dimensions: dims, period: 300, stat: "Sum" },
      returnData: false,
    },
    {
      id: "all",
      metric: { namespace: "AWS/Lambda", metricName: all, dimensions: dims, period: 300, stat: "Sum" },
      returnData: false,
    },
    { id, expression: "IF(all > 0, bad / all, 0)", label: `${bad} / ${all}`, returnData: true },
  ];
  return [
    {
      key: `${s.name}-errors`,
      description: awsRunbook(
        `${title}: ${s.name} function errors above ${t.errorRateThreshold * 100} % of invocations for 10 minutes.`,
        [
          "CloudWatch Logs Insights on the function's log group: filter level = 'ERROR'",
          "the last deploy (alias live version, canary weight)",
          "downstream errors: database connections, Secrets Manager throttling",
        ],
      ),
      comparisonOperator: "GreaterThanThreshold",
      threshold: t.errorRateThreshold,
      evaluationPeriods: 2,
      treatMissingData: "notBreaching",
      metricQueries: ratio("ratio", "Errors", "Invocations", fn),
    },
    {
      key: `${s.name}-throttles`,
      description: awsRunbook(`${title}: ${s.name} is throttled (reserved concurrency reached).`, [
        "ConcurrentExecutions against the reserved concurrency (maxInstances)",
        "a traffic spike or slow downstream holding executions",
        "raise maxInstances if the account's unreserved concurrency allows",
      ]),
      comparisonOperator: "GreaterThanThreshold",
      threshold: 0,
      evaluationPeriods: 1,
      treatMissingData: "notBreaching",
      namespace: "AWS/Lambda",
      metricName: "Throttles",
      dimensions: fn,
      statistic: "Sum",
      period: 300,
    },
    {
      key: `${s.name}-p95`,
      description: awsRunbook(`${title}: ${s.name} p95 duration above ${t.latencyP95Ms} ms for 15 minutes.`, [
        "X-Ray traces of the slowest requests",
        "cold starts (Init Duration in REPORT lines) if provisioned concurrency is 0",
        "database and cache latency on the dashboard",
      ]),
      comparisonOperator: "GreaterThanThreshold",
      threshold: t.latencyP95Ms,
      evaluationPeriods: 3,
      treatMissingData: "notBreaching",
      namespace: "AWS/Lambda",
      metricName: "Duration",
      dimensions: fn,
      extendedStatistic: "p95",
      period: 300,
    },
    {
      key: `${s.name}-url-5xx`,
      description: awsRunbook(
        `${title}: ${s.name} Function URL 5xx responses above ${t.errorRateThreshold * 100} %.`,
        [
          "function errors and timeouts (the errors alarm, Duration near the timeout)",
          "throttles (429 become 5xx for some clients)",
          "the live alias routing (a bad canary version)",
        ],
      ),
      comparisonOperator: "GreaterThanThreshold",
      threshold: t.errorRateThreshold,
      evaluationPeriods: 2,
      treatMissingData: "notBreaching",
      metricQueries: ratio("ratio", "Url5xxCount", "UrlRequestCount", resource),
    },
  ];
}

/**
 * Multi-window burn-rate SLO alarms from metric math (the SRE workbook pairs: 1 h & 5 min at
 * 14.4×, 6 h & 30 min at 6×): availability from the Function URL's 5xx ratio, latency from the
 * percentile rank `PR(:latencyP95Ms)` of Duration. Each pair is a composite alarm that notifies;
 * its two window alarms stay quiet. @pulumi/aws has no SLO resource (aws-anchors §0.6).
 *
 * @example
 * ```ts
 * burnRateAlarms("shop prod", svc, targets).composites.map((c) => c.key);
 * // ["api-availability-fast", "api-availability-slow", "api-latency-fast", "api-latency-slow"]
 * ```
 */
export function burnRateAlarms(
  title: string,
  s: AwsServiceTarget,
  t: Required<ObservabilityTargets>,
): { alarms: AwsAlarmSpec[]; composites: AwsCompositeSpec[] } {
  const dims = { FunctionName: s.functionName, Resource: pulumi.interpolate`${s.functionName}:${s.alias}` };
  const alarms: AwsAlarmSpec[] = [];
  const composites: AwsCompositeSpec[] = [];
  const slos = [
    {
      slo: "availability",
      budget: 1 - t.availabilityTarget,
      goal: `${t.availabilityTarget * 100} % of requests without 5xx`,
      queries: (w: number): MetricQuery[] => [
        {
          id: "bad",
          metric: {
            namespace: "AWS/Lambda",
            metricName: "Url5xxCount",
            dimensions: dims,
            period: w,
            stat: "Sum",
          },
          returnData: false,
        },
        {
          id: "all",
          metric: {
            namespace: "AWS/Lambda",
            metricName: "UrlRequestCount",
            dimensions: dims,
            period: w,
            stat: "Sum",
          },
          returnData: false,
        },
        {
          id: "burn",
          expression: `IF(all > 0, bad / all, 0) / ${round(1 - t.availabilityTarget)}`,
          label: "burn rate",
          returnData: true,
        },
      ],
    },
    {
      slo: "latency",
      budget: 1 - t.latencyGoal,
      goal: `${t.latencyGoal * 100} % of invocations under ${t.latencyP95Ms} ms`,
      queries: (w: number): MetricQuery[] => [
        {
          id: "good",
          metric: {
            namespace: "AWS/Lambda",
            metricName: "Duration",
            dimensions: { FunctionName: s.functionName },
            period: w,
            stat: `PR(:${t.latencyP95Ms})`,
          },
          returnData: false,
        },
        {
          id: "burn",
          expression: `((100 - FILL(good, 100)) / 100) / ${round(1 - t.latencyGoal)}`,
          label: "burn rate",
          returnData: true,
        },
      ],
    },
  ];
  for (const { slo, goal, queries } of slos) {
    for (const b of BURN_RATE_ALERTS) {
      const keys = (["long", "short"] as const).map((which) => {
        const w = which === "long" ? b.longWindowSeconds : b.shortWindowSeconds;
        const key = `${s.name}-${slo}-${b.key}-${w / 60}m`;
        alarms.push({
          key,
          description: awsRunbook(
            `${title}: ${s.name} ${slo} SLO (${goal}) burning ${b.burnRate}× over ${w / 60} min (window alarm; the composite notifies).`,
            [`the ${s.name}-${slo}-${b.key} composite alarm`],
          ),
          comparisonOperator: "GreaterThanThreshold",
          threshold: b.burnRate,
          evaluationPeriods: 1,
          treatMissingData: "notBreaching",
          metricQueries: queries(w),
          quiet: true,
        });
        return key;
      });
      composites.push({
        key: `${s.name}-${slo}-${b.key}`,
        description: awsRunbook(
          `${title}: ${s.name} ${slo} SLO (${goal}) error budget burning ${b.burnRate}× (${b.longWindowSeconds / 3600} h and ${b.shortWindowSeconds / 60} min windows): at this rate a 30-day budget lasts ${Math.round(30 / b.burnRate)} days.`,
          slo === "availability"
            ? [
                "the url-5xx and errors alarms",
                "the last deploy / canary weight",
                "downstream dependencies on the dashboard",
              ]
            : [
                "X-Ray traces of slow requests",
                "cold starts and provisioned concurrency",
                "database and cache latency",
              ],
        ),
        allOf: keys,
      });
    }
  }
  return { alarms, composites };
}

/**
 * RDS / Aurora alarms: CPU, free storage (rds), freeable memory, connections, replica lag;
 * ACU utilisation on Aurora Serverless.
 *
 * @example
 * ```ts
 * databaseAlarms("shop prod", { name: "db", engine: "rds", identifier: "shop-prod-db", allocatedGb: 100, instanceClass: "db.r6g.large" }, t).map((a) => a.key);
 * // ["db-cpu", "db-free-storage", "db-memory", "db-connections"]
 * ```
 */
export function databaseAlarms(
  title: string,
  d: AwsDatabaseTarget,
  t: Required<ObservabilityTargets>,
): AwsAlarmSpec[] {
  const aurora = d.engine === "aurora-serverless";
  const dims: Record<string, string> = aurora
    ? { DBClusterIdentifier: d.identifier }
    : { DBInstanceIdentifier: d.identifier };
  const rds = (
    key: string,
    metricName: string,
    statistic: "Average" | "Minimum" | "Maximum",
    cmp: AwsAlarmSpec["comparisonOperator"],
    threshold: number,
    summary: string,
    checks: string[],
    dimensions: Record<string, string> = dims,
  ): AwsAlarmSpec => ({
    key: `${d.name}-${key}`,
    description: awsRunbook(`${title}: ${summary}`, checks),
    comparisonOperator: cmp,
    threshold,
    evaluationPeriods: 3,
    // A paused Aurora Serverless cluster reports nothing: that is not an outage.
    treatMissingData: aurora ? "notBreaching" : "missing",
    namespace: "AWS/RDS",
    metricName,
    dimensions,
    statistic,
    period: 300,
  });
  const memGib = d.instanceClass ? RDS_CLASS_MEMORY_GIB[d.instanceClass] : undefined;
  const out: AwsAlarmSpec[] = [
    rds(
      "cpu",
      "CPUUtilization",
      "Average",
      "GreaterThanThreshold",
      t.sqlCpu * 100,
      `${d.name} CPU above ${t.sqlCpu * 100} % for 15 minutes.`,
      [
        "Performance Insights: top SQL by load",
        "connection count and long-running transactions",
        aurora ? "maxCapacity (ACU ceiling)" : "instance class",
      ],
    ),
  ];
  if (aurora) {
    out.push(
      rds(
        "acu",
        "ACUUtilization",
        "Average",
        "GreaterThanThreshold",
        90,
        `${d.name} uses over 90 % of its maximum ACUs.`,
        ["Performance Insights top SQL", "raise serverless.maxCapacity"],
      ),
    );
  } else if (d.allocatedGb !== undefined) {
    const bytes = Math.round((1 - t.sqlDisk) * d.allocatedGb * 1024 ** 3);
    out.push(
      rds(
        "free-storage",
        "FreeStorageSpace",
        "Minimum",
        "LessThanThreshold",
        bytes,
        `${d.name} free storage below ${Math.round((1 - t.sqlDisk) * 100)} % of ${d.allocatedGb} GB.`,
        [
          "storage autoscaling limit (maxAllocatedStorage)",
          "bloat and temp files (log_temp_files entries)",
          "WAL retained by a lagging replica or replication slot",
        ],
      ),
    );
  }
  out.push(
    rds(
      "memory",
      "FreeableMemory",
      "Minimum",
      "LessThanThreshold",
      Math.round((memGib ?? 2) * (1 - t.sqlMemory) * 1024 ** 3),
      `${d.name} freeable memory below ${Math.round((1 - t.sqlMemory) * 100)} % of the instance.`,
      ["connection count (each backend uses memory)", "work_mem-heavy queries in Performance Insights"],
    ),
  );
  // RDS PostgreSQL's default max_connections is LEAST(DBInstanceClassMemory / 9531392, 5000); alarm at 80 %.
  const maxConnections = Math.min(Math.floor(((memGib ?? 2) * 1024 ** 3) / 9_531_392), 5000);
  out.push(
    rds(
      "connections",
      "DatabaseConnections",
      "Maximum",
      "GreaterThanThreshold",
      Math.floor(maxConnections * 0.8),
      `${d.name} connections above 80 % of max_connections (${maxConnections}).`,
      [
        "Lambda concurrency: each execution environment may hold a connection (consider RDS Proxy)",
        "idle connections in pg_stat_activity",
      ],
    ),
  );
  for (const r of d.replicaIdentifiers ?? []) {
    out.push(
      aurora
        ? rds(
            `lag-${r.split("-").pop()}`,
            "AuroraReplicaLag",
            "Maximum",
            "GreaterThanThreshold",
            t.replicaLagSeconds * 1000,
            `reader ${r} lags more than ${t.replicaLagSeconds} s.`,
            ["writer load", "reader instance capacity"],
            { DBInstanceIdentifier: r },
          )
        : rds(
            `lag-${r.split("-").pop()}`,
            "ReplicaLag",
            "Maximum",
            "GreaterThanThreshold",
            t.replicaLagSeconds,
            `replica ${r} lags more than ${t.replicaLagSeconds} s.`,
            ["write load on the primary", "replica instance class and storage throughput"],
            { DBInstanceIdentifier: r },
          ),
    );
  }
  return out;
}

/**
 * ElastiCache alarms on the primary node: memory usage, evictions, engine CPU.
 *
 * @example
 * ```ts
 * cacheAlarms("shop prod", { name: "cache", replicationGroupId: "shop-prod-cache" }, t).map((a) => a.key); // ["cache-memory", "cache-evictions", "cache-cpu"]
 * ```
 */
export function cacheAlarms(
  title: string,
  c: AwsCacheTarget,
  t: Required<ObservabilityTargets>,
): AwsAlarmSpec[] {
  const dims = { CacheClusterId: `${c.replicationGroupId}-001` };
  const mk = (
    key: string,
    metricName: string,
    statistic: "Average" | "Sum",
    threshold: number,
    summary: string,
    checks: string[],
  ): AwsAlarmSpec => ({
    key: `${c.name}-${key}`,
    description: awsRunbook(`${title}: ${summary}`, checks),
    comparisonOperator: "GreaterThanThreshold",
    threshold,
    evaluationPeriods: 3,
    treatMissingData: "missing",
    namespace: "AWS/ElastiCache",
    metricName,
    dimensions: dims,
    statistic,
    period: 300,
  });
  return [
    mk(
      "memory",
      "DatabaseMemoryUsagePercentage",
      "Average",
      t.redisMemory * 100,
      `${c.name} memory above ${t.redisMemory * 100} %.`,
      ["keys without TTL", "the maxmemory-policy", "a larger nodeType"],
    ),
    mk("evictions", "Evictions", "Sum", 100, `${c.name} evicts keys (over 100 per 5 minutes).`, [
      "memory usage",
      "hot keys and TTLs",
    ]),
    mk("cpu", "EngineCPUUtilization", "Average", 80, `${c.name} engine CPU above 80 %.`, [
      "slow log (CloudWatch log group)",
      "expensive commands (KEYS, large SORT)",
    ]),
  ];
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
