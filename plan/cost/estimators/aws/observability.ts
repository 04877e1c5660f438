/**
 * CloudWatch (alarms, composite alarms, dashboards, log groups), Route 53 health checks, SNS
 * topics, CloudTrail trails, Budgets and the trail's S3 bucket.
 */
import { formatQty } from "../../format";
import type { AwsPrice } from "../../prices/aws";
import { FreeTierKey, type Estimate, type EstimateInput } from "../types";
import { awsBill, numberOr, stringOr } from "./pricing";

/**
 * Type tokens of the observability resources priced here.
 *
 * @example
 * ```ts
 * ESTIMATORS[OBSERVABILITY_TYPES.metricAlarm] === estimateMetricAlarm; // true
 * ```
 */
export const OBSERVABILITY_TYPES = {
  metricAlarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
  compositeAlarm: "aws:cloudwatch/compositeAlarm:CompositeAlarm",
  dashboard: "aws:cloudwatch/dashboard:Dashboard",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  logMetricFilter: "aws:cloudwatch/logMetricFilter:LogMetricFilter",
  healthCheck: "aws:route53/healthCheck:HealthCheck",
  topic: "aws:sns/topic:Topic",
  trail: "aws:cloudtrail/trail:Trail",
  budget: "aws:budgets/budget:Budget",
  bucket: "aws:s3/bucket:Bucket",
  bucketV2: "aws:s3/bucketV2:BucketV2",
} as const;

/**
 * The metrics an alarm is billed for: one per `metricQueries[].metric` (expressions are free), ×3
 * for an anomaly-detection band; 1 for a single-metric alarm. `highResolution` when a period is
 * under 60 s. Undefined when the queries are unknown.
 *
 * @example
 * ```ts
 * alarmMetrics(reader({ metricName: "Errors", period: 60 })); // { metrics: 1, highResolution: false }
 * ```
 */
export function alarmMetrics(
  read: EstimateInput["read"],
): { readonly metrics: number; readonly highResolution: boolean } | undefined {
  const queries = read.list("metricQueries");
  if (typeof queries === "symbol") return undefined;
  if (queries === undefined || queries.length === 0) {
    const period = numberOr(read, "period", 60);
    return { metrics: 1, highResolution: period !== undefined && period < 60 };
  }
  let metrics = 0;
  let anomaly = false;
  let highResolution = false;
  for (const q of queries as readonly Record<string, unknown>[]) {
    const metric = q?.["metric"] as Record<string, unknown> | undefined;
    if (metric && typeof metric === "object") {
      metrics += 1;
      if (typeof metric["period"] === "number" && metric["period"] < 60) highResolution = true;
    }
    if (typeof q?.["expression"] === "string" && q["expression"].includes("ANOMALY_DETECTION_BAND"))
      anomaly = true;
  }
  return { metrics: anomaly ? metrics * 3 : metrics, highResolution };
}

/**
 * A metric alarm: alarm metrics × $0.10 (standard) or $0.30 (high resolution). The 10 free alarm
 * metrics (standard only) apply with `usage.awsFreeTier`.
 *
 * @example
 * ```ts
 * estimateMetricAlarm(input); // 1 metric → $0.10
 * ```
 */
export function estimateMetricAlarm(input: EstimateInput): Estimate {
  const b = awsBill(input);
  const m = alarmMetrics(input.read);
  if (!m) return b.done();
  const price = b.price(
    (t) => t.cloudwatch?.alarmMetricMonth?.[m.highResolution ? "highResolution" : "standard"],
    "CloudWatch alarm metrics",
  );
  if (!price) return b.done();
  const billable = m.highResolution ? m.metrics : input.free.take(FreeTierKey.awsAlarmMetrics, m.metrics);
  b.baseline(
    billable * price.usd,
    `${formatQty(billable)} ${m.highResolution ? "high-resolution" : "standard"} alarm metric(s)${billable < m.metrics ? ` (${formatQty(m.metrics - billable)} in the free tier)` : ""} × ${b.rate(price)}`,
  );
  return b.done();
}

/**
 * A composite alarm: $0.50/month (2nd).
 *
 * @example
 * ```ts
 * estimateCompositeAlarm(input); // $0.50
 * ```
 */
export function estimateCompositeAlarm(input: EstimateInput): Estimate {
  return flat(input, (t) => t.cloudwatch?.compositeAlarmMonth, "composite alarm");
}

/**
 * A dashboard: $3/month; the first 3 per account are free with `usage.awsFreeTier`.
 *
 * @example
 * ```ts
 * estimateDashboard(input); // $3.00
 * ```
 */
export function estimateDashboard(input: EstimateInput): Estimate {
  const b = awsBill(input);
  const price = b.price((t) => t.cloudwatch?.dashboardMonth, "CloudWatch dashboard");
  if (!price) return b.done();
  const billable = input.free.take(FreeTierKey.awsDashboards, 1);
  b.baseline(
    billable * price.usd,
    billable === 0 ? "dashboard in the free tier (3 per account)" : `1 dashboard × ${b.rate(price)}`,
  );
  return b.done();
}

/**
 * A log group: no fee of its own; `usage.logIngestGbPerMonth` at the ingestion price, and the data
 * it keeps (ingestion/day × `retentionInDays`, 365 days when it never expires) at the storage price.
 *
 * @example
 * ```ts
 * estimateLogGroup(input); // 1 GB/month, 30 days → $0.50 + ≈ $0.03
 * ```
 */
export function estimateLogGroup(input: EstimateInput): Estimate {
  const b = awsBill(input);
  const gb = input.usage.logIngestGbPerMonth;
  if (gb === 0) {
    b.baseline(0, "a log group has no fee of its own; no ingestion in the usage file");
    return b.done();
  }
  const ingest = b.price((t) => t.cloudwatch?.logIngestGb, "log ingestion");
  if (ingest) {
    const billable = input.free.take(FreeTierKey.awsLogIngestGb, gb);
    b.usage(billable * ingest.usd, `${formatQty(billable)} GB ingested × ${b.rate(ingest)}`);
  }
  const retention = numberOr(input.read, "retentionInDays", 0);
  const days = retention === undefined ? undefined : retention > 0 ? retention : 365;
  const store = b.price((t) => t.cloudwatch?.logStorageGbMonth, "log storage");
  if (store && days !== undefined) {
    const kept = (gb / 30.4167) * days;
    b.usage(
      kept * store.usd,
      `${formatQty(kept)} GB kept (${formatQty(days)} days${retention === 0 ? ", never expires: 1 year assumed" : ""}) × ${b.rate(store)}`,
    );
  }
  return b.done();
}

/**
 * A metric filter is free; the custom metric it publishes is billed only in hours when matching
 * events arrive (CIS alarms: rare), at a price not in the table.
 *
 * @example
 * ```ts
 * estimateLogMetricFilter(input); // $0, partial
 * ```
 */
export function estimateLogMetricFilter(input: EstimateInput): Estimate {
  const b = awsBill(input);
  b.baseline(0, "metric filters are free");
  b.missing("the custom metric it publishes while matching events arrive");
  return b.done();
}

/**
 * A Route 53 health check (global service): the basic check plus each optional feature (HTTPS,
 * string matching, latency measurement, 10-second interval), at the non-AWS-endpoint rate: the
 * higher one, since whether a Function URL counts as an "AWS endpoint" is not verified ($0.50 and
 * $1 per feature if it does).
 *
 * @example
 * ```ts
 * estimateHealthCheck(input); // HTTPS → $0.75 + $2.00 = $2.75
 * ```
 */
export function estimateHealthCheck(input: EstimateInput): Estimate {
  const r = input.read;
  const b = awsBill(input);
  const type = stringOr(r, "type", "HTTP");
  if (type === undefined) return b.done();
  const g = b.global.route53;
  const basic = g.healthCheckMonth.otherEndpoint;
  const option = g.optionMonth.otherEndpoint;
  b.baseline(basic.usd, `${type} health check × ${b.rate(basic)} (non-AWS endpoint rate)`);
  const options: string[] = [];
  if (type.startsWith("HTTPS")) options.push("HTTPS");
  if (type.endsWith("STR_MATCH")) options.push("string matching");
  if (r.bool("measureLatency") === true) options.push("latency measurement");
  if (r.num("requestInterval") === 10) options.push("fast interval");
  if (type === "CALCULATED" || type === "CLOUDWATCH_METRIC")
    b.note(`${type} checks: priced at the basic rate`);
  if (options.length > 0)
    b.baseline(option.usd * options.length, `${options.join(", ")} × ${b.rate(option)}`);
  return b.done();
}

/**
 * An SNS topic: no fee of its own; `usage.notificationsPerMonth` publishes and
 * `usage.emailDeliveriesPerMonth` email deliveries (2nd prices).
 *
 * @example
 * ```ts
 * estimateTopic(input); // $0 idle
 * ```
 */
export function estimateTopic(input: EstimateInput): Estimate {
  const b = awsBill(input);
  const { notificationsPerMonth: n, emailDeliveriesPerMonth: e } = input.usage;
  b.baseline(0, "a topic has no fee of its own");
  if (n > 0) {
    const price = b.price((t) => t.sns?.millionPublishes, "SNS publishes");
    if (price) b.usage((n / 1e6) * price.usd, `${formatQty(n)} publishes × ${b.rate(price)}`);
  }
  if (e > 0) {
    const price = b.price((t) => t.sns?.hundredThousandEmails, "SNS email deliveries");
    if (price) b.usage((e / 100_000) * price.usd, `${formatQty(e)} email deliveries × ${b.rate(price)}`);
  }
  return b.done();
}

/**
 * A CloudTrail trail: the first copy of management events in an account is free (one trail is
 * assumed to be that copy); a further copy bills `usage.managementEventsPerMonth`; data events bill
 * `usage.dataEventsPerMonth`. Log delivery is billed on the bucket and log group.
 *
 * @example
 * ```ts
 * estimateTrail(input); // first copy → $0
 * ```
 */
export function estimateTrail(input: EstimateInput): Estimate {
  const b = awsBill(input);
  const free = input.free.take(FreeTierKey.awsManagementEventCopies, 1) === 0;
  if (free) b.baseline(0, "first copy of management events: free (assumes no other trail in the account)");
  else {
    const events = input.usage.managementEventsPerMonth;
    const price = b.price(
      (t) => t.cloudtrail?.hundredThousandPaidManagementEvents,
      "additional management-event copy",
    );
    if (price)
      b.usage(
        (events / 100_000) * price.usd,
        `second copy: ${formatQty(events)} management events × ${b.rate(price)}`,
      );
  }
  const data = input.usage.dataEventsPerMonth;
  if (data > 0) {
    const price = b.price((t) => t.cloudtrail?.hundredThousandDataEvents, "CloudTrail data events");
    if (price) b.usage((data / 100_000) * price.usd, `${formatQty(data)} data events × ${b.rate(price)}`);
  }
  return b.done();
}

/**
 * A budget: the first two per account are free (assumed to be these); a further one has a fee the
 * table does not verify.
 *
 * @example
 * ```ts
 * estimateAwsBudget(input); // $0
 * ```
 */
export function estimateAwsBudget(input: EstimateInput): Estimate {
  const b = awsBill(input);
  if (input.free.take(FreeTierKey.awsBudgets, 1) === 0) {
    b.baseline(0, "one of the 2 free budgets per account (assumes no other budgets in the account)");
    return b.done();
  }
  b.missing("budgets beyond the first two per account");
  return b.done();
}

/**
 * An S3 bucket: storage and requests are not in the table (CloudTrail's pricing page: typical S3
 * charges for trail logs are under $3/month).
 *
 * @example
 * ```ts
 * estimateBucket(input); // $0, partial
 * ```
 */
export function estimateBucket(input: EstimateInput): Estimate {
  const b = awsBill(input);
  b.baseline(0, "an empty bucket has no fee");
  b.missing("S3 storage and requests");
  return b.done();
}

function flat(
  input: EstimateInput,
  pick: Parameters<ReturnType<typeof awsBill>["price"]>[0],
  what: string,
): Estimate {
  const b = awsBill(input);
  const price: AwsPrice | undefined = b.price(pick, what);
  if (price) b.baseline(price.usd, `1 ${what} × ${b.rate(price)}`);
  return b.done();
}
