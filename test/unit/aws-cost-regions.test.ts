/**
 * The AWS price table per region: every sourced regional figure reaches the estimate, everything
 * without a source stays "not priced" with the region named, and nothing falls back to us-east-1.
 * The expected figures below are copied from the sources (not from the table), so a changed table
 * figure fails here.
 */
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { AWS_PRICES, AWS_REGIONS, DEFAULT_USAGE, estimateResources, type Usage } from "../../plan/cost";
import { priceOne, res, total } from "./cost-helpers";
import { R6G_LARGE, REDIS_T4G } from "./aws-source-figures";

const US = "us-east-1";
const RDS = "aws:rds/instance:Instance";
const RG = "aws:elasticache/replicationGroup:ReplicationGroup";
const FN = "aws:lambda/function:Function";
const PC = "aws:lambda/provisionedConcurrencyConfig:ProvisionedConcurrencyConfig";
const KEY = "aws:kms/key:Key";
const SECRET = "aws:secretsmanager/secret:Secret";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const DASHBOARD = "aws:cloudwatch/dashboard:Dashboard";
const TOPIC = "aws:sns/topic:Topic";
const TRAIL = "aws:cloudtrail/trail:Trail";
const NAT = "aws:ec2/natGateway:NatGateway";

const aws = (type: string, inputs: Record<string, unknown>, region: string, usage: Partial<Usage> = {}) =>
  priceOne(type, inputs, usage, region);
const notes = (l: { notes?: readonly string[] }) => (l.notes ?? []).join("\n");

describe.each(AWS_REGIONS.map((r) => [r]))("%s", (region) => {
  it("a db.r6g.large read replica (Single-AZ): the sourced hourly rate × 730", () => {
    const line = aws(RDS, { instanceClass: "db.r6g.large", replicateSourceDb: "shop-db" }, region);
    expect(line.baseline).toBeCloseTo(R6G_LARGE[region]! * 730, 9);
    expect(line.notPriced).toBeUndefined();
    expect(notes(line)).toContain(`$${R6G_LARGE[region]}/instance-hour`);
  });

  it("Redis OSS nodes: 2 × cache.t4g.micro and 1 × cache.t4g.small at the sourced rates", () => {
    const [micro, small] = REDIS_T4G[region]!;
    const two = aws(RG, { engine: "redis", nodeType: "cache.t4g.micro", numCacheClusters: 2 }, region);
    expect(total(two)).toBeCloseTo(2 * micro * 730, 9);
    expect(total(aws(RG, { engine: "redis", nodeType: "cache.t4g.small" }, region))).toBeCloseTo(
      small * 730,
      9,
    );
  });

  it("KMS: $1 per key-month and $1 per billed rotation (one price on the KMS page, every region)", () => {
    const key = aws(KEY, { enableKeyRotation: true, rotationPeriodInDays: 90 }, region);
    expect(key.baseline).toBe(3);
    expect(key.notPriced).toBeUndefined();
    expect(total(aws(KEY, { customerMasterKeySpec: "ECC_NIST_EDWARDS25519" }, region))).toBe(1);
  });

  it("CloudTrail: a second trail's 300,000 management events at $2/100k, 1M data events at $0.10/100k", () => {
    const trails = ["a", "b"].map((n) => res(TRAIL, n, {}));
    const est = estimateResources(
      trails,
      { ...DEFAULT_USAGE, managementEventsPerMonth: 300_000, dataEventsPerMonth: 1_000_000 },
      { region },
    );
    expect(est.total).toBeCloseTo(2 * 1 + 6, 9); // 1M data events on each trail + the second copy
    expect(est.notPriced).toEqual([]);
  });

  it("Lambda duration at the first-tier GB-second rate (x86_64 and arm64)", () => {
    const usage = { requestsPerMonth: 1_000_000, meanRequestDurationMs: 200 };
    const arm = aws(FN, { memorySize: 512, architectures: ["arm64"] }, region, usage);
    const x86 = aws(FN, { memorySize: 512 }, region, usage);
    const gbSeconds = 1_000_000 * 0.2 * 0.5;
    const requests = region === US ? 0.2 : 0; // the request price is sourced for us-east-1 only
    expect(arm.usage).toBeCloseTo(requests + gbSeconds * 0.0000133334, 9);
    expect(x86.usage).toBeCloseTo(requests + gbSeconds * 0.0000166667, 9);
    if (region !== US) expect(notes(arm)).toContain(`not priced: Lambda requests in ${region}`);
  });

  if (region === US) return;

  it("what no source gives for this region is not priced there, naming the region (no fallback to us-east-1)", () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [ALARM, { metricName: "Errors", period: 60 }, "CloudWatch alarm metrics"],
      [DASHBOARD, {}, "CloudWatch dashboard"],
      [SECRET, {}, "Secrets Manager secret-month"],
      [NAT, {}, "NAT gateway-hours"],
      [RG, { engine: "valkey", nodeType: "cache.t4g.micro" }, "cache.t4g.micro valkey"],
      [RDS, { instanceClass: "db.r6g.large", multiAz: true }, "db.r6g.large Multi-AZ"],
      [RDS, { instanceClass: "db.t4g.micro" }, "db.t4g.micro Single-AZ"],
      [PC, { provisionedConcurrentExecutions: 1 }, "provisioned concurrency"],
    ];
    for (const [type, inputs, what] of cases) {
      const line = aws(type, inputs, region);
      expect(line.notPriced, `${type} in ${region}`).toBe(true);
      expect(notes(line)).toContain(`${what} in ${region}`);
      expect(notes(line)).toContain("no sourced price");
    }
    const key = aws(KEY, {}, region, { kmsOperationsPerMonth: 100_000 });
    expect(key.baseline).toBe(1);
    expect(notes(key)).toContain(`not priced: KMS requests in ${region}`);
  });
});

describe("Infracost golden tests priced outside us-east-1", () => {
  // internal/providers/terraform/aws/testdata/sns_topic_test (infracost@95ba4f4):
  // aws_sns_topic.sns_topic_another_region (provider eu-west-1) — "API requests (over 1M) … $0.50
  // per 1M requests", "Email/Email-JSON notifications (over 1k) … $2.00 per 100k notifications".
  // No other golden prices RDS, ElastiCache, Lambda, KMS, Secrets Manager or CloudWatch there.
  it("SNS in eu-west-1: 1M publishes = $0.50, 100k email deliveries = $2.00, as the golden", () => {
    const line = aws(TOPIC, {}, "eu-west-1", {
      notificationsPerMonth: 1_000_000,
      emailDeliveriesPerMonth: 100_000,
    });
    expect(line.usage).toBeCloseTo(0.5 + 2.0, 9);
    expect(line.notPriced).toBeUndefined();
    expect(notes(line)).not.toContain("not priced");
  });

  it("SNS elsewhere outside us-east-1 has no sourced figure: publishes are not priced", () => {
    const line = aws(TOPIC, {}, "us-west-2", { notificationsPerMonth: 1_000_000 });
    expect(notes(line)).toContain("not priced: SNS publishes in us-west-2");
  });
});

describe("regional figures in the table", () => {
  it("every region outside us-east-1 has only families with a sourced figure", () => {
    for (const region of AWS_REGIONS.filter((r) => r !== US)) {
      const families = Object.keys(AWS_PRICES.regions[region]!).sort();
      const expected = ["cloudtrail", "elasticache", "kms", "lambda", "rds"];
      expect(families, region).toEqual(region === "eu-west-1" ? [...expected, "sns"].sort() : expected);
    }
  });

  it("figures from older price-list snapshots carry the snapshot's date and commit", () => {
    const replica = AWS_PRICES.regions["eu-central-1"]!.rds!.instanceHour!["db.r6g.large"]!.singleAz!;
    expect(replica.asOf).toBe("2021-08-03");
    expect(replica.source).toContain("vantage-sh/ec2instances.info@14ede5a");
    const node = AWS_PRICES.regions["ap-southeast-1"]!.elasticache!.nodeHour!["cache.t4g.micro"]!.redis!;
    expect([node.usd, node.asOf]).toEqual([0.024, "2022-02-13"]);
  });

  it("a region outside the table (ca-central-1) is not priced, naming the table's six regions", () => {
    const line = aws(KEY, {}, "ca-central-1");
    expect(line.notPriced).toBe(true);
    expect(notes(line)).toContain(
      "AWS prices: region ca-central-1 is not in the AWS price table; regions: us-east-1, us-east-2, us-west-2, eu-west-1, eu-central-1, ap-southeast-1",
    );
  });
});
