import { beforeAll, beforeEach, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { AwsBudgetAlert, normalizeAwsBudget } from "../../components/budget-alert";
import {
  AwsObservabilityStack,
  awsRunbook,
  burnRateAlarms,
  CIS_AWS_FILTERS,
  databaseAlarms,
  DEFAULTS,
  lambdaAlarms,
} from "../../components/observability-stack";
import type { AwsContext } from "../../components/shared/context";
import { promiseOf, setupMocks } from "../support/harness";

const ctx = (profile: "dev" | "prod", region = "us-east-1"): AwsContext => ({
  cloud: "aws",
  env: `aws-${profile}`,
  profile,
  app: "shop",
  region,
  accountId: "123456789012",
});
const KEY = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-4333-a444-555555555555";
const svc = {
  name: "api",
  functionName: "shop-aws-prod-api",
  alias: "live",
  url: "https://abc.lambda-url.us-east-1.on.aws/",
  public: true,
};

let rec: Awaited<ReturnType<typeof setupMocks>>;
beforeAll(async () => {
  rec = await setupMocks("aws-prod");
});
beforeEach(() => rec.reset());

describe("AwsBudgetAlert", () => {
  it("monthly cost budget filtered by the env tag, actual + forecast notifications, KMS topic for Budgets", async () => {
    const b = new AwsBudgetAlert("budget", {
      ctx: ctx("dev"),
      amount: 20,
      notifyEmails: ["ops@acme.example"],
      kmsKeyArn: KEY,
    });
    await promiseOf(b.budgetName);
    await rec.settled();
    expect(rec.counts("budget")).toEqual({
      "platform:cost:BudgetAlert": 1,
      "aws:sns/topic:Topic": 1,
      "aws:sns/topicPolicy:TopicPolicy": 1,
      "aws:budgets/budget:Budget": 1,
    });
    const budget = rec.find("aws:budgets/budget:Budget", "budget-budget");
    expect(budget.inputs).toMatchObject({
      budgetType: "COST",
      limitAmount: "20.00",
      limitUnit: "USD",
      timeUnit: "MONTHLY",
      costFilters: [{ name: "TagKeyValue", values: ["user:env$aws-dev"] }],
    });
    const n = budget.inputs["notifications"] as Record<string, unknown>[];
    expect(n.map((x) => [x["notificationType"], x["threshold"]])).toEqual([
      ["ACTUAL", 50],
      ["ACTUAL", 90],
      ["ACTUAL", 100],
      ["FORECASTED", 100],
    ]);
    expect(n[0]).toMatchObject({
      subscriberEmailAddresses: ["ops@acme.example"],
      subscriberSnsTopicArns: ["arn:aws:sns:us-east-1:123456789012:shop-aws-dev-budget-budget"],
    });
    expect(rec.find("aws:sns/topic:Topic", "budget-topic").inputs["kmsMasterKeyId"]).toBe(KEY);
    const policy = JSON.parse(
      rec.find("aws:sns/topicPolicy:TopicPolicy", "budget-topic-policy").inputs["policy"] as string,
    );
    expect(policy.Statement[0]).toMatchObject({
      Principal: { Service: "budgets.amazonaws.com" },
      Action: "SNS:Publish",
      Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } },
    });
  });

  it("validators (pure)", () => {
    expect(() =>
      normalizeAwsBudget("b", {
        ctx: ctx("dev"),
        amount: -1,
        thresholds: [0.2, 0.4, 0.6, 0.8, 1],
        snsTopic: false,
      }),
    ).toThrow(
      "BudgetAlert 'b': amount must be > 0 and ≤ 1000000000000, got -1; thresholds + forecastThresholds must be at most 5 (AWS Budgets' limit per budget), got 6; notifyEmails is empty and snsTopic is false: nobody would be notified",
    );
  });
});

describe("AwsObservabilityStack", () => {
  it("alarms per component, health check, burn-rate composites, dashboard, CloudTrail + 15 CIS alarms", async () => {
    const obs = new AwsObservabilityStack("ops", {
      ctx: ctx("prod"),
      notifyEmails: ["oncall@acme.example"],
      kmsKeyArn: KEY,
      services: [svc],
      databases: [
        {
          name: "db",
          engine: "rds",
          identifier: "shop-aws-prod-db",
          replicaIdentifiers: ["shop-aws-prod-db-replica-0"],
          allocatedGb: 100,
          instanceClass: "db.r6g.large",
        },
      ],
      caches: [{ name: "cache", replicationGroupId: "shop-aws-prod-cache" }],
    });
    await promiseOf(obs.topicArn);
    await rec.settled();
    const counts = rec.counts("ops");
    expect(counts).toMatchObject({
      "aws:sns/topic:Topic": 1,
      "aws:sns/topicSubscription:TopicSubscription": 1,
      "aws:route53/healthCheck:HealthCheck": 1,
      "aws:cloudwatch/compositeAlarm:CompositeAlarm": 4,
      "aws:cloudwatch/logMetricFilter:LogMetricFilter": 15,
      "aws:cloudtrail/trail:Trail": 1,
      "aws:cloudwatch/dashboard:Dashboard": 1,
      "aws:s3/bucket:Bucket": 1,
    });
    // 4 Lambda + 8 burn windows + 5 RDS (cpu, storage, memory, connections, lag) + 3 cache + 1 uptime + 15 CIS
    expect(counts["aws:cloudwatch/metricAlarm:MetricAlarm"]).toBe(36);
    for (const a of rec.ofType("aws:cloudwatch/metricAlarm:MetricAlarm")) {
      expect(a.inputs["alarmDescription"]).toContain("What to check first: 1)");
      expect(a.inputs["actionsEnabled"]).toBe(true);
    }
    const trail = rec.find("aws:cloudtrail/trail:Trail", "ops-trail");
    expect(trail.inputs).toMatchObject({
      isMultiRegionTrail: true,
      enableLogFileValidation: true,
      kmsKeyId: KEY,
      includeGlobalServiceEvents: true,
    });
    expect(trail.inputs["cloudWatchLogsGroupArn"]).toBe(
      "arn:aws:logs:us-east-1:123456789012:log-group:/platform/shop-aws-prod/cloudtrail:*",
    );
    const fast = rec.find(
      "aws:cloudwatch/compositeAlarm:CompositeAlarm",
      "ops-composite-api-availability-fast",
    );
    expect(fast.inputs["alarmRule"]).toBe(
      'ALARM("shop-aws-prod-api-availability-fast-60m") AND ALARM("shop-aws-prod-api-availability-fast-5m")',
    );
    const window = rec.find("aws:cloudwatch/metricAlarm:MetricAlarm", "ops-alarm-api-availability-fast-60m");
    expect(window.inputs["alarmActions"]).toBeUndefined();
    expect(window.inputs["threshold"]).toBe(14.4);
    const hc = rec.find("aws:route53/healthCheck:HealthCheck", "ops-health-api");
    expect(hc.inputs).toMatchObject({
      type: "HTTPS",
      fqdn: "abc.lambda-url.us-east-1.on.aws",
      resourcePath: "/health",
      port: 443,
    });
    expect(
      rec.find("aws:cloudwatch/metricAlarm:MetricAlarm", "ops-alarm-api-uptime").inputs["region"],
    ).toBeUndefined();
    const bucketPolicy = JSON.parse(
      rec.find("aws:s3/bucketPolicy:BucketPolicy", "ops-trail-bucket-policy").inputs["policy"] as string,
    );
    expect(bucketPolicy.Statement.map((s: { Sid: string }) => s.Sid)).toEqual([
      "CloudTrailAclCheck",
      "CloudTrailWrite",
      "DenyInsecureTransport",
    ]);
  });

  it("outside us-east-1 the uptime alarm and its own encrypted topic live in us-east-1; existing trail log group is reused", async () => {
    const obs = new AwsObservabilityStack("o2", {
      ctx: ctx("prod", "us-west-2"),
      notifyEmails: ["oncall@acme.example"],
      services: [{ ...svc, url: "https://abc.lambda-url.us-west-2.on.aws/" }],
      slo: false,
      dashboard: false,
      audit: { existingTrailLogGroup: "org-trail" },
    });
    await promiseOf(obs.topicArn);
    await rec.settled();
    expect(rec.ofType("aws:cloudtrail/trail:Trail")).toHaveLength(0);
    expect(rec.ofType("aws:cloudwatch/logMetricFilter:LogMetricFilter")[0]!.inputs["logGroupName"]).toBe(
      "org-trail",
    );
    const uptime = rec.find("aws:cloudwatch/metricAlarm:MetricAlarm", "o2-alarm-api-uptime");
    expect(uptime.inputs["region"]).toBe("us-east-1");
    expect((uptime.inputs["alarmActions"] as string[])[0]).toMatch(/^arn:aws:sns:us-east-1:/);
    expect(rec.find("aws:kms/key:Key", "o2-uptime-key").inputs).toMatchObject({
      region: "us-east-1",
      enableKeyRotation: true,
      rotationPeriodInDays: 90,
    });
  });

  it("alarm definitions (pure)", () => {
    const t = { ...DEFAULTS.targets };
    expect(lambdaAlarms("x", svc, t).map((a) => a.key)).toEqual([
      "api-errors",
      "api-throttles",
      "api-p95",
      "api-url-5xx",
    ]);
    const b = burnRateAlarms("x", svc, { ...t, availabilityTarget: 0.999 });
    expect(b.composites.map((c) => c.key)).toEqual([
      "api-availability-fast",
      "api-availability-slow",
      "api-latency-fast",
      "api-latency-slow",
    ]);
    expect(b.alarms[0]!.metricQueries![2]!.expression).toBe("IF(all > 0, bad / all, 0) / 0.001");
    expect(b.alarms.find((a) => a.key === "api-latency-fast-60m")!.metricQueries![0]!.metric!.stat).toBe(
      "PR(:1000)",
    );
    const aurora = databaseAlarms(
      "x",
      { name: "db", engine: "aurora-serverless", identifier: "c", replicaIdentifiers: ["c-1"] },
      t,
    );
    expect(aurora.map((a) => a.key)).toEqual(["db-cpu", "db-acu", "db-memory", "db-connections", "db-lag-1"]);
    expect(aurora.every((a) => a.treatMissingData === "notBreaching")).toBe(true);
    expect(awsRunbook("s", ["a", "b"])).toBe("s What to check first: 1) a 2) b");
    expect(Object.keys(CIS_AWS_FILTERS)).toHaveLength(15);
    expect(
      () =>
        new AwsObservabilityStack("bad", {
          ctx: ctx("dev"),
          targets: { availabilityTarget: 2 },
          services: [{ ...svc, name: "API" }],
        }),
    ).toThrow(
      /ObservabilityStack 'bad': targets.availabilityTarget must be 0.9–0.99999, got 2; services\[0\].name must be lowercase/,
    );
  });
});
