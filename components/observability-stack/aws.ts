import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { accountIdOf, createAlertTopic, policyJson } from "../shared/aws";
import type { AwsContext } from "../shared/context";
import { PlatformError } from "../shared/errors";
import { platformTags } from "../shared/labels";
import { childName, physicalName } from "../shared/naming";
import {
  awsRunbook,
  burnRateAlarms,
  cacheAlarms,
  databaseAlarms,
  lambdaAlarms,
  type AwsAlarmSpec,
  type AwsCacheTarget,
  type AwsCompositeSpec,
  type AwsDatabaseTarget,
  type AwsServiceTarget,
} from "./aws-alarms";
import { CIS_AWS_FILTERS, CIS_NAMESPACE, cisAwsAlarm, createTrail, type CisAwsFilter } from "./aws-audit";
import { uptimeTarget, validateServiceUrl } from "./filters";
import { OBSERVABILITY_STACK_TYPE } from "./gcp";
import { DEFAULTS, validateKeys, validateTargets, type ObservabilityTargets } from "./spec";

/** Route 53 publishes health-check metrics only in us-east-1: their alarm (and its topic) lives there. */
export const HEALTH_CHECK_METRICS_REGION = "us-east-1";

/**
 * Arguments of {@link AwsObservabilityStack}.
 *
 * @example
 * ```ts
 * const args: AwsObservabilityStackArgs = { ctx, notifyEmails: ["oncall@acme.com"], kmsKeyArn,
 *   services: [{ name: "api", functionName: api.serviceName, alias: "live", url: api.url, public: true }] };
 * ```
 */
export interface AwsObservabilityStackArgs {
  readonly ctx: AwsContext;
  /** Email subscriptions of the alert topic. @default [] */
  readonly notifyEmails?: readonly string[];
  /** CMK for the alert topic, CloudTrail and its logs (key policy: `cloudwatch`, `logs`, `cloudtrail`). @default none */
  readonly kmsKeyArn?: pulumi.Input<string>;
  /** @default [] */
  readonly services?: readonly AwsServiceTarget[];
  /** @default [] */
  readonly databases?: readonly AwsDatabaseTarget[];
  /** @default [] */
  readonly caches?: readonly AwsCacheTarget[];
  readonly targets?: ObservabilityTargets;
  /** Burn-rate SLO alarms per service. @default true */
  readonly slo?: boolean;
  /**
   * A Route 53 HTTPS health check (and its us-east-1 alarm) on every public service URL. Its
   * checkers call the URL every 30 s from every checker region: turn it off where the service
   * should scale to zero. @default true
   */
  readonly uptimeCheck?: boolean;
  /** @default true */
  readonly dashboard?: boolean;
  /**
   * A multi-Region CloudTrail into CloudWatch Logs and the CIS log-metric alarms. Set
   * `existingTrailLogGroup` to attach the alarms to an organization trail's log group instead of
   * creating a second trail (a second copy of management events is billed). @default { cisAlarms: true }
   */
  readonly audit?: {
    readonly cisAlarms?: boolean;
    readonly existingTrailLogGroup?: string;
    readonly retentionDays?: number;
  };
}

/**
 * ObservabilityStack on AWS: an SNS topic (KMS, CloudWatch-only publish policy) with email
 * subscriptions; CloudWatch alarms for each Lambda service (error ratio, throttles, p95 duration,
 * URL 5xx ratio), each database (CPU, free storage, memory, connections, replica lag; ACU on
 * Aurora) and each cache (memory, evictions, engine CPU); a Route 53 HTTPS health check on every
 * public service URL with its alarm in us-east-1; availability and latency SLOs as multi-window
 * burn-rate alarms (metric math + composite alarms, since @pulumi/aws has no SLO resource); a
 * dashboard; a multi-Region CloudTrail with log validation and KMS into CloudWatch Logs and the
 * 15 CIS AWS log-metric alarms. Every alarm description says what to check first.
 *
 * ### Cost
 * Standard alarms $0.10 per metric-month (10 free; a metric-math alarm pays per metric),
 * composite alarms $0.50, dashboards $3 (3 free), Route 53 HTTPS health check $0.50 + $1.00
 * (HTTPS) per month, CloudTrail's first management-event copy free (S3 and Logs ingestion
 * $0.50/GB extra). A service's burn-rate SLOs ≈ $3.20/month (4 composites + their metric-math
 * metrics) and its health check $2.75; the platform's dev profile turns both off (`slo`,
 * `uptimeCheck`), leaving ≈ $1.50/month of alarms beyond the free 10 metrics.
 *
 * @example
 * ```ts
 * new AwsObservabilityStack("ops", { ctx, notifyEmails: ["oncall@acme.com"], kmsKeyArn, services: [...], databases: [...] });
 * ```
 */
export class AwsObservabilityStack extends pulumi.ComponentResource {
  /** Alert topic ARN. */
  public readonly topicArn: pulumi.Output<string>;
  /** Console URL of the dashboard; undefined without one. */
  public readonly dashboardUrl: pulumi.Output<string | undefined>;
  /** Alarm names by key (`api-errors`, `cis-root-usage`, `api-availability-fast`, …). */
  public readonly alarmNames: Readonly<Record<string, string>>;
  private readonly children: Record<string, pulumi.Resource | pulumi.Resource[]>;

  constructor(name: string, args: AwsObservabilityStackArgs, opts?: pulumi.ComponentResourceOptions) {
    super(OBSERVABILITY_STACK_TYPE, name, {}, opts);
    const ctx = args.ctx;
    const parent = this;
    const services = args.services ?? [];
    const databases = args.databases ?? [];
    const caches = args.caches ?? [];
    const t: Required<ObservabilityTargets> = { ...DEFAULTS.targets, ...definedOnly(args.targets ?? {}) };
    const problems = [
      ...validateTargets(t),
      ...validateKeys("services", services),
      ...validateKeys("databases", databases),
      ...validateKeys("caches", caches),
    ];
    services.forEach((s, i) => {
      if (typeof s.url === "string") problems.push(...validateServiceUrl(`services[${i}].url`, s.url));
    });
    if (problems.length > 0) throw new PlatformError(`ObservabilityStack '${name}': ${problems.join("; ")}`);
    const tags = platformTags(ctx, "observability");
    const title = `${ctx.app} ${ctx.env}`;
    const prefix = physicalName([ctx.app, ctx.env], { maxLength: 60 });
    const account = accountIdOf(ctx, this);
    const kms = args.kmsKeyArn;

    const { topic } = createAlertTopic({
      ctx,
      owner: name,
      purpose: "alerts",
      publishers: ["cloudwatch"],
      emails: args.notifyEmails ?? [],
      ...(kms !== undefined ? { kmsKeyArn: kms } : {}),
      account,
      tags,
      parent,
    });

    const specs: AwsAlarmSpec[] = [];
    const composites: AwsCompositeSpec[] = [];
    for (const s of services) {
      specs.push(...lambdaAlarms(title, s, t));
      if (args.slo ?? DEFAULTS.slo.enabled) {
        const b = burnRateAlarms(title, s, t);
        specs.push(...b.alarms);
        composites.push(...b.composites);
      }
    }
    for (const d of databases) specs.push(...databaseAlarms(title, d, t));
    for (const c of caches) specs.push(...cacheAlarms(title, c, t));

    // Alarms on Route 53 metrics notify a topic in us-east-1 (created once, when needed).
    const alarmTopic: Record<string, pulumi.Input<string>> = {};
    let uptimeTopicCache: aws.sns.Topic | undefined;
    const healthChecks = services
      .filter((s) => (args.uptimeCheck ?? true) && s.public && s.url !== undefined)
      .map((s) => createHealthCheck(s));

    const audit = {
      cisAlarms: true,
      retentionDays: ctx.profile === "prod" ? 365 : 90,
      ...definedOnly(args.audit ?? {}),
    };
    let trail: aws.cloudtrail.Trail | undefined;
    const filters: aws.cloudwatch.LogMetricFilter[] = [];
    if (audit.cisAlarms) {
      let groupName: pulumi.Input<string>;
      if (audit.existingTrailLogGroup !== undefined) groupName = audit.existingTrailLogGroup;
      else {
        const created = createTrail({
          ctx,
          owner: name,
          account,
          ...(kms !== undefined ? { kmsKeyArn: kms } : {}),
          retentionDays: audit.retentionDays,
          tags,
          parent,
        });
        trail = created.trail;
        groupName = created.logGroup.name;
      }
      for (const key of Object.keys(CIS_AWS_FILTERS) as CisAwsFilter[]) {
        const metricName = `${prefix}-${key}`;
        filters.push(
          new aws.cloudwatch.LogMetricFilter(
            childName(name, "cis", key),
            {
              name: metricName,
              logGroupName: groupName,
              pattern: CIS_AWS_FILTERS[key].pattern,
              metricTransformation: {
                name: metricName,
                namespace: CIS_NAMESPACE,
                value: "1",
                defaultValue: "0",
              },
            },
            { parent },
          ),
        );
        specs.push(cisAwsAlarm(title, key, metricName));
      }
    }

    const alarmNames: Record<string, string> = {};
    const alarms: Record<string, aws.cloudwatch.MetricAlarm> = {};
    for (const a of specs) {
      const alarmName = `${prefix}-${a.key}`;
      alarmNames[a.key] = alarmName;
      alarms[a.key] = createAlarm(a, alarmName, alarmTopic[a.key] ?? topic.arn, filters);
    }
    const compositeAlarms = composites.map((c) => {
      const alarmName = `${prefix}-${c.key}`;
      alarmNames[c.key] = alarmName;
      return new aws.cloudwatch.CompositeAlarm(
        childName(name, "composite", c.key),
        {
          alarmName,
          alarmDescription: c.description,
          alarmRule: c.allOf.map((k) => `ALARM("${alarmNames[k]}")`).join(" AND "),
          actionsEnabled: true,
          alarmActions: [topic.arn],
          okActions: [topic.arn],
          tags,
        },
        { parent, dependsOn: c.allOf.map((k) => alarms[k]!) },
      );
    });
    const dashboard = (args.dashboard ?? DEFAULTS.dashboard) ? createDashboard() : undefined;

    this.topicArn = topic.arn;
    this.alarmNames = alarmNames;
    this.dashboardUrl = dashboard
      ? pulumi.interpolate`https://${ctx.region}.console.aws.amazon.com/cloudwatch/home?region=${ctx.region}#dashboards/dashboard/${dashboard.dashboardName}`
      : pulumi.output(undefined);
    this.children = {
      topic,
      alarms: Object.values(alarms),
      compositeAlarms,
      healthChecks,
      filters,
      ...(trail ? { trail } : {}),
      ...(dashboard ? { dashboard } : {}),
    };
    this.registerOutputs({ topicArn: this.topicArn, dashboardUrl: this.dashboardUrl });

    function createAlarm(
      a: AwsAlarmSpec,
      alarmName: string,
      topicArn: pulumi.Input<string>,
      after: pulumi.Resource[],
    ) {
      const actions = a.quiet ? {} : { alarmActions: [topicArn], okActions: [topicArn] };
      return new aws.cloudwatch.MetricAlarm(
        childName(name, "alarm", a.key),
        {
          name: alarmName,
          alarmDescription: a.description,
          comparisonOperator: a.comparisonOperator,
          threshold: a.threshold,
          evaluationPeriods: a.evaluationPeriods,
          ...(a.datapointsToAlarm !== undefined ? { datapointsToAlarm: a.datapointsToAlarm } : {}),
          treatMissingData: a.treatMissingData,
          actionsEnabled: true,
          ...actions,
          ...(a.metricQueries
            ? {
                metricQueries: a.metricQueries.map((q) => ({
                  ...q,
                  ...(q.metric ? { metric: { ...q.metric, dimensions: { ...q.metric.dimensions } } } : {}),
                })),
              }
            : {
                namespace: a.namespace!,
                metricName: a.metricName!,
                period: a.period!,
                ...(a.dimensions ? { dimensions: { ...a.dimensions } } : {}),
                ...(a.extendedStatistic
                  ? { extendedStatistic: a.extendedStatistic }
                  : { statistic: a.statistic! }),
              }),
          ...(a.region !== undefined ? { region: a.region } : {}),
          tags,
        },
        { parent, ...(a.key.startsWith("cis-") ? { dependsOn: after } : {}) },
      );
    }

    function createHealthCheck(s: AwsServiceTarget): aws.route53.HealthCheck {
      const path = s.healthPath ?? DEFAULTS.healthPath;
      const target = pulumi.output(s.url!).apply((u) => uptimeTarget(u, path));
      const check = new aws.route53.HealthCheck(
        childName(name, "health", s.name),
        {
          type: "HTTPS",
          fqdn: target.host,
          resourcePath: target.path,
          port: 443,
          enableSni: true,
          requestInterval: 30,
          failureThreshold: 3,
          referenceName: `${s.name}-${ctx.env}`.slice(0, 64),
          tags: { ...tags, Name: `${prefix}-${s.name}` },
        },
        { parent },
      );
      // Its metric exists only in us-east-1, and an alarm may only notify a topic in its own region.
      const local = ctx.region === HEALTH_CHECK_METRICS_REGION;
      const uptimeTopic = local ? topic : createUptimeTopic();
      const spec: AwsAlarmSpec = {
        key: `${s.name}-uptime`,
        description: awsRunbook(`${title}: ${s.name} health check ${path} failing from Route 53 checkers.`, [
          "the function's errors and throttles alarms",
          "the URL by hand (curl the health path)",
          "the last deploy and the live alias",
        ]),
        comparisonOperator: "LessThanThreshold",
        threshold: 1,
        evaluationPeriods: 2,
        treatMissingData: "breaching",
        namespace: "AWS/Route53",
        metricName: "HealthCheckStatus",
        dimensions: { HealthCheckId: check.id },
        statistic: "Minimum",
        period: 60,
        ...(local ? {} : { region: HEALTH_CHECK_METRICS_REGION }),
      };
      specs.push(spec);
      alarmTopic[spec.key] = uptimeTopic.arn;
      return check;
    }

    function createUptimeTopic(): aws.sns.Topic {
      if (uptimeTopicCache) return uptimeTopicCache;
      // A regional CMK cannot encrypt a topic in us-east-1: this small key is its own ($1/month).
      const key = new aws.kms.Key(
        childName(name, "uptime-key"),
        {
          description: `${title} uptime alert topic (us-east-1), managed by the platform`,
          enableKeyRotation: true,
          rotationPeriodInDays: 90,
          deletionWindowInDays: 30,
          region: HEALTH_CHECK_METRICS_REGION,
          policy: policyJson([
            {
              Sid: "KeyAdministration",
              Effect: "Allow",
              Principal: { AWS: pulumi.interpolate`arn:aws:iam::${account}:root` },
              Action: [
                "kms:Create*",
                "kms:Describe*",
                "kms:Enable*",
                "kms:List*",
                "kms:Put*",
                "kms:Update*",
                "kms:Revoke*",
                "kms:Disable*",
                "kms:Get*",
                "kms:Delete*",
                "kms:TagResource",
                "kms:UntagResource",
                "kms:ScheduleKeyDeletion",
                "kms:CancelKeyDeletion",
              ],
              Resource: "*",
            },
            {
              Sid: "CloudWatchPublishToEncryptedTopic",
              Effect: "Allow",
              Principal: { Service: "cloudwatch.amazonaws.com" },
              Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
              Resource: "*",
              Condition: { StringEquals: { "aws:SourceAccount": account } },
            },
          ]),
          tags,
        },
        // Like the platform's own keys: a program edit must not delete it outside dev.
        { parent, protect: ctx.profile !== "dev" },
      );
      uptimeTopicCache = createAlertTopic({
        ctx,
        owner: name,
        purpose: "uptime",
        suffix: "use1",
        publishers: ["cloudwatch"],
        emails: args.notifyEmails ?? [],
        kmsKeyArn: key.arn,
        account,
        tags,
        region: HEALTH_CHECK_METRICS_REGION,
        parent,
      }).topic;
      return uptimeTopicCache;
    }

    function createDashboard(): aws.cloudwatch.Dashboard {
      const w = (title2: string, metrics: pulumi.Input<string>[][], stat = "Sum") => ({
        title: title2,
        metrics,
        stat,
      });
      const widgets = [
        ...services.flatMap((s) => [
          w(`${s.name}: invocations / errors / throttles`, [
            ["AWS/Lambda", "Invocations", "FunctionName", s.functionName],
            [".", "Errors", ".", "."],
            [".", "Throttles", ".", "."],
          ]),
          w(
            `${s.name}: duration p95 (ms)`,
            [["AWS/Lambda", "Duration", "FunctionName", s.functionName]],
            "p95",
          ),
        ]),
        ...databases.map((d) =>
          w(
            `${d.name}: CPU % / connections`,
            [
              [
                "AWS/RDS",
                "CPUUtilization",
                d.engine === "rds" ? "DBInstanceIdentifier" : "DBClusterIdentifier",
                d.identifier,
              ],
              [".", "DatabaseConnections", ".", "."],
            ],
            "Average",
          ),
        ),
        ...caches.map((c) =>
          w(
            `${c.name}: memory % / engine CPU %`,
            [
              [
                "AWS/ElastiCache",
                "DatabaseMemoryUsagePercentage",
                "CacheClusterId",
                `${c.replicationGroupId}-001`,
              ],
              [".", "EngineCPUUtilization", ".", "."],
            ],
            "Average",
          ),
        ),
      ];
      const body = pulumi.output(widgets).apply((ws) =>
        JSON.stringify({
          widgets: ws.map((x, i) => ({
            type: "metric",
            x: (i % 2) * 12,
            y: Math.floor(i / 2) * 6,
            width: 12,
            height: 6,
            properties: {
              title: x.title,
              metrics: x.metrics,
              stat: x.stat,
              period: 300,
              region: ctx.region,
              view: "timeSeries",
            },
          })),
        }),
      );
      return new aws.cloudwatch.Dashboard(
        childName(name, "dashboard"),
        { dashboardName: prefix, dashboardBody: body },
        { parent },
      );
    }
  }

  /** Raw children, an escape hatch for wiring this library does not cover. */
  public get nodes() {
    return this.children;
  }
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
