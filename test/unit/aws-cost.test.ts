import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import {
  AWS_PRICES,
  AWS_REGIONS,
  DEFAULT_USAGE,
  billedRotations,
  cacheNodes,
  estimatePlan,
  estimateResources,
  estimatorFor,
  loadUsage,
  parseUsage,
  priceTableDate,
  reader,
  type AwsPrice,
  type Usage,
} from "../../plan/cost";
import type { PlanInputs } from "../../plan/model";
import { awsInventory } from "./aws-fixtures";
import { priceOne, res, total } from "./cost-helpers";

const US = "us-east-1";
const RDS = "aws:rds/instance:Instance";
const CLUSTER = "aws:rds/cluster:Cluster";
const INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
const RG = "aws:elasticache/replicationGroup:ReplicationGroup";
const SERVERLESS = "aws:elasticache/serverlessCache:ServerlessCache";
const FN = "aws:lambda/function:Function";
const PC = "aws:lambda/provisionedConcurrencyConfig:ProvisionedConcurrencyConfig";
const KEY = "aws:kms/key:Key";
const SECRET_T = "aws:secretsmanager/secret:Secret";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const LOGS = "aws:cloudwatch/logGroup:LogGroup";
const HC = "aws:route53/healthCheck:HealthCheck";
const EP = "aws:ec2/vpcEndpoint:VpcEndpoint";

const aws = (type: string, inputs: Record<string, unknown>, usage: Partial<Usage> = {}, region = US) =>
  priceOne(type, inputs, usage, region);
const notes = (l: { notes?: readonly string[] }) => (l.notes ?? []).join("\n");
/** Prices resources under one component (so siblings see each other). */
const group = (rows: [string, string, Record<string, unknown>][], usage: Partial<Usage> = {}, region = US) =>
  estimateResources(
    rows.map(([type, name, inputs]) =>
      res(type, name, inputs, { component: "platform:data:PostgresWithBackups" }),
    ),
    { ...DEFAULT_USAGE, ...usage },
    { region },
  );

describe("RDS PostgreSQL", () => {
  it("db.t4g.micro Single-AZ with 20 GB gp3: $0.016 × 730 + 20 × $0.115 = $13.98", () => {
    const line = aws(RDS, {
      engine: "postgres",
      instanceClass: "db.t4g.micro",
      allocatedStorage: 20,
      storageType: "gp3",
    });
    expect(line.baseline).toBeCloseTo(11.68 + 2.3, 6);
    expect(notes(line)).toContain("free up to 20 GB");
  });

  it("db.t4g.small Multi-AZ with 100 GB: instance at the Multi-AZ rate, storage doubled, backups beyond 100% billed", () => {
    const line = aws(
      RDS,
      { engine: "postgres", instanceClass: "db.t4g.small", allocatedStorage: 100, multiAz: true },
      { backupStorageGb: 150 },
    );
    expect(line.baseline).toBeCloseTo(0.065 * 730 + 100 * 0.115 * 2, 6); // 47.45 + 23
    expect(line.usage).toBeCloseTo(50 * 0.095, 6); // 4.75
    expect(notes(line)).toContain("× 2 (Multi-AZ)");
  });

  it("db.r6g.large: Single-AZ $0.225 from the vantage price-list snapshot; Multi-AZ has no source, so it is not priced", () => {
    const single = aws(RDS, { engine: "postgres", instanceClass: "db.r6g.large", allocatedStorage: 0 });
    expect(single.baseline).toBeCloseTo(0.225 * 730, 6); // 164.25
    const est = group([
      [RDS, "db", { engine: "postgres", instanceClass: "db.r6g.large", allocatedStorage: 0, multiAz: true }],
    ]);
    expect(est.lines[0]!.notPriced).toBe(true);
    expect(est.notPriced).toEqual([RDS]);
    expect(notes(est.lines[0]!)).toContain("db.r6g.large Multi-AZ in us-east-1");
  });

  it("a class the table lacks is not priced", () => {
    const line = aws(RDS, { engine: "postgres", instanceClass: "db.m7g.large", allocatedStorage: 0 });
    expect(line.notPriced).toBe(true);
    expect(notes(line)).toContain("instance class db.m7g.large");
  });

  it("io1 storage is not in the table: the instance is priced, the line is partial", () => {
    const est = group([
      [
        RDS,
        "db",
        { engine: "postgres", instanceClass: "db.t4g.micro", allocatedStorage: 100, storageType: "io1" },
      ],
    ]);
    expect(total(est.lines[0]!)).toBeCloseTo(11.68, 6);
    expect(est.partlyUnknown).toEqual([est.lines[0]!.urn]);
    expect(notes(est.lines[0]!)).toContain("not priced: io1 storage");
  });
});

describe("Aurora PostgreSQL Serverless v2", () => {
  const cluster = (scaling: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    [
      CLUSTER,
      "db-cluster",
      {
        engine: "aurora-postgresql",
        clusterIdentifier: "db",
        serverlessv2ScalingConfiguration: scaling,
        ...extra,
      },
    ] as [string, string, Record<string, unknown>];
  const writer = [INSTANCE, "db-writer", { clusterIdentifier: "db", instanceClass: "db.serverless" }] as [
    string,
    string,
    Record<string, unknown>,
  ];

  it("min 0.5 ACU: 0.5 × 730 × $0.12 = $43.80 per instance; storage 10 GB assumed × $0.10", () => {
    const est = group([cluster({ minCapacity: 0.5, maxCapacity: 4 }), writer]);
    expect(total(est.lines[1]!)).toBeCloseTo(43.8, 6);
    expect(total(est.lines[0]!)).toBeCloseTo(1, 6);
    expect(notes(est.lines[0]!)).toContain("assumed; set usage.auroraStorageGb");
  });

  it("min 0 with auto-pause: $0 while paused, in any region; busy hours come from the usage file", () => {
    const idle = group(
      [cluster({ minCapacity: 0, maxCapacity: 4, secondsUntilAutoPause: 300 }), writer],
      {},
      "eu-west-1",
    );
    expect(idle.lines[1]!.notPriced).toBeUndefined();
    expect(total(idle.lines[1]!)).toBe(0);
    const busy = group([cluster({ minCapacity: 0, maxCapacity: 4 }), writer], {
      auroraActiveAcuHours: 10,
      auroraStorageGb: 25,
    });
    expect(busy.lines[1]!.usage).toBeCloseTo(1.2, 6);
    expect(total(busy.lines[0]!)).toBeCloseTo(2.5, 6);
  });

  it("I/O-Optimized clusters bill $0.16 per ACU-hour; their storage is not in the table", () => {
    const est = group([cluster({ minCapacity: 1 }, { storageType: "aurora-iopt1" }), writer]);
    expect(total(est.lines[1]!)).toBeCloseTo(0.16 * 730, 6);
    expect(est.lines[0]!.notPriced).toBe(true);
  });

  it("an instance without its cluster, or of a provisioned class, is not priced", () => {
    expect(group([writer]).lines[0]!.notPriced).toBe(true);
    const est = group([
      cluster({ minCapacity: 0.5 }),
      [INSTANCE, "db-writer", { clusterIdentifier: "db", instanceClass: "db.r6g.large" }],
    ]);
    expect(est.lines[1]!.notPriced).toBe(true);
  });
});

describe("ElastiCache", () => {
  it("valkey cache.t4g.micro × 2: 2 × $0.0128 × 730 = $18.688; Redis OSS 1 node $11.68", () => {
    expect(
      total(aws(RG, { engine: "valkey", nodeType: "cache.t4g.micro", numCacheClusters: 2 })),
    ).toBeCloseTo(18.688, 6);
    expect(total(aws(RG, { nodeType: "cache.t4g.micro" }))).toBeCloseTo(11.68, 6);
  });

  it("counts nodes: cluster mode groups × (1 + replicas)", () => {
    expect(cacheNodes(reader({ numNodeGroups: 2, replicasPerNodeGroup: 1 }))).toBe(4);
    expect(cacheNodes(reader({}))).toBe(1);
    expect(
      total(
        aws(RG, { engine: "redis", nodeType: "cache.t4g.micro", numNodeGroups: 2, replicasPerNodeGroup: 1 }),
      ),
    ).toBeCloseTo(46.72, 6);
  });

  it("node types the table lacks are not priced; cache.t4g.small has a Redis OSS figure only", () => {
    expect(aws(RG, { engine: "valkey", nodeType: "cache.r7g.large" }).notPriced).toBe(true);
    expect(total(aws(RG, { engine: "redis", nodeType: "cache.t4g.small" }))).toBeCloseTo(0.032 * 730, 6);
    const valkey = aws(RG, { engine: "valkey", nodeType: "cache.t4g.small" });
    expect(valkey.notPriced).toBe(true);
    expect(notes(valkey)).toContain("cache.t4g.small valkey in us-east-1");
  });

  it("serverless: the metered minimum all month (Valkey 100 MB ≈ $6.13, Redis OSS 1 GB ≈ $91.25)", () => {
    expect(total(aws(SERVERLESS, { engine: "valkey" }))).toBeCloseTo(0.1 * 0.084 * 730, 6);
    expect(total(aws(SERVERLESS, { engine: "redis" }))).toBeCloseTo(0.125 * 730, 6);
  });
});

describe("Lambda", () => {
  it("idle costs $0", () => {
    expect(total(aws(FN, { memorySize: 512 }))).toBe(0);
  });

  it("1M requests × 200 ms × 512 MB on arm64: $0.20 + 100,000 GB-s × $0.0000133334", () => {
    const line = aws(
      FN,
      { memorySize: 512, architectures: ["arm64"] },
      { requestsPerMonth: 1_000_000, meanRequestDurationMs: 200 },
    );
    expect(line.usage).toBeCloseTo(0.2 + 100_000 * 0.0000133334, 9);
  });

  it("defaults: 128 MB x86_64", () => {
    const line = aws(FN, {}, { requestsPerMonth: 1_000_000, meanRequestDurationMs: 200 });
    expect(line.usage).toBeCloseTo(0.2 + 25_000 * 0.0000166667, 9);
  });

  it("the free tier (1M requests, 400,000 GB-s) applies only with awsFreeTier", () => {
    const line = aws(
      FN,
      { memorySize: 512 },
      { requestsPerMonth: 3_000_000, meanRequestDurationMs: 200, awsFreeTier: true },
    );
    expect(line.usage).toBeCloseTo(0.4, 9); // 2M billable requests; 300,000 GB-s inside the free tier
  });

  it("provisioned concurrency reads the function's memory: 1 × 0.5 GB × 2,628,000 s × $0.0000041667", () => {
    const est = group([
      [FN, "api", { name: "api", memorySize: 512 }],
      [PC, "api-warm", { functionName: "api", provisionedConcurrentExecutions: 1 }],
    ]);
    expect(total(est.lines[1]!)).toBeCloseTo(0.5 * 2_628_000 * 0.0000041667, 6);
    const alone = group([[PC, "warm", { functionName: "x", provisionedConcurrentExecutions: 2 }]]);
    expect(total(alone.lines[0]!)).toBeCloseTo(2 * 0.125 * 2_628_000 * 0.0000041667, 6);
    expect(notes(alone.lines[0]!)).toContain("priced at 128 MB");
  });
});

describe("KMS and Secrets Manager", () => {
  it("bills the first two rotations: min(2, rotations in the horizon)", () => {
    expect(billedRotations(90, 12)).toBe(2);
    expect(billedRotations(365, 12)).toBe(1);
    expect(billedRotations(90, 1)).toBe(0);
  });

  it.each([
    [{ enableKeyRotation: true, rotationPeriodInDays: 90 }, 3],
    [{ enableKeyRotation: true }, 2],
    [{ enableKeyRotation: false }, 1],
    [{ customerMasterKeySpec: "ECC_NIST_EDWARDS25519", keyUsage: "SIGN_VERIFY", enableKeyRotation: true }, 1],
  ] as const)("key %j costs $%d a month after 12 months", (inputs, usd) => {
    expect(total(aws(KEY, inputs))).toBeCloseTo(usd, 9);
  });

  it("requests: $0.03/10k symmetric, $0.15/10k asymmetric; 20,000 free with awsFreeTier", () => {
    expect(aws(KEY, {}, { kmsOperationsPerMonth: 100_000 }).usage).toBeCloseTo(0.3, 9);
    expect(
      aws(KEY, { customerMasterKeySpec: "ECC_NIST_EDWARDS25519" }, { kmsOperationsPerMonth: 100_000 }).usage,
    ).toBeCloseTo(1.5, 9);
    expect(aws(KEY, {}, { kmsOperationsPerMonth: 100_000, awsFreeTier: true }).usage).toBeCloseTo(0.24, 9);
  });

  it("a CloudHSM custom key store: the key is priced, the HSMs are not (partial)", () => {
    const est = group([[KEY, "k", { customKeyStoreId: "cks-1" }]]);
    expect(total(est.lines[0]!)).toBe(1);
    expect(est.partlyUnknown).toHaveLength(1);
  });

  it("a secret is $0.40 plus $0.05 per 10k API calls; replicas are not priced", () => {
    expect(total(aws(SECRET_T, {}, { secretAccessesPerMonth: 20_000 }))).toBeCloseTo(0.5, 9);
    expect(notes(aws(SECRET_T, { replicas: [{ region: "us-west-2" }] }))).toContain("1 replica(s)");
  });
});

describe("CloudWatch, Route 53, SNS, CloudTrail, Budgets, S3", () => {
  it.each([
    [{ metricName: "Errors", period: 60 }, 0.1],
    [{ metricName: "Errors", period: 10 }, 0.3],
    [
      {
        metricQueries: [
          { id: "a", metric: { metricName: "Errors" } },
          { id: "b", metric: { metricName: "Invocations" } },
          { id: "r", expression: "a/b" },
        ],
      },
      0.2,
    ],
    [
      {
        metricQueries: [
          { id: "m", metric: { metricName: "Duration" } },
          { id: "band", expression: "ANOMALY_DETECTION_BAND(m, 2)" },
        ],
      },
      0.3,
    ],
  ] as const)("alarm %j costs $%d", (inputs, usd) => {
    expect(total(aws(ALARM, inputs as Record<string, unknown>))).toBeCloseTo(usd, 9);
  });

  it("the first 10 standard alarm metrics and 3 dashboards are free with awsFreeTier, in resource order", () => {
    const rows = Array.from({ length: 12 }, (_, i) => res(ALARM, `a${i}`, { metricName: "Errors" }));
    const dashboards = Array.from({ length: 4 }, (_, i) =>
      res("aws:cloudwatch/dashboard:Dashboard", `d${i}`, {}),
    );
    const est = estimateResources(
      [...rows, ...dashboards],
      { ...DEFAULT_USAGE, awsFreeTier: true },
      { region: US },
    );
    expect(est.total).toBeCloseTo(0.2 + 3, 9);
    expect(estimateResources([...rows, ...dashboards], DEFAULT_USAGE, { region: US }).total).toBeCloseTo(
      1.2 + 12,
      9,
    );
  });

  it("composite alarm $0.50", () => {
    expect(total(aws("aws:cloudwatch/compositeAlarm:CompositeAlarm", { alarmRule: "ALARM(a)" }))).toBeCloseTo(
      0.5,
      9,
    );
  });

  it("log group: $0 idle; 2 GB/month kept 30 days = $1.00 ingestion + 1.97 GB × $0.03", () => {
    expect(total(aws(LOGS, { retentionInDays: 30 }))).toBe(0);
    const line = aws(LOGS, { retentionInDays: 30 }, { logIngestGbPerMonth: 2 });
    expect(line.usage).toBeCloseTo(1 + (2 / 30.4167) * 30 * 0.03, 6);
    const forever = aws(LOGS, {}, { logIngestGbPerMonth: 2 });
    expect(notes(forever)).toContain("never expires");
  });

  it("health check (global): basic $0.75 + $2 per option at the non-AWS-endpoint rate, in any region", () => {
    expect(total(aws(HC, { type: "HTTPS" }))).toBeCloseTo(2.75, 9);
    expect(total(aws(HC, { type: "HTTP" }))).toBeCloseTo(0.75, 9);
    expect(
      total(aws(HC, { type: "HTTPS_STR_MATCH", measureLatency: true, requestInterval: 10 })),
    ).toBeCloseTo(0.75 + 4 * 2, 9);
    expect(total(aws(HC, { type: "HTTPS" }, {}, "ap-southeast-1"))).toBeCloseTo(2.75, 9);
  });

  it("SNS: a topic is free; publishes $0.50/M, email deliveries $2/100k", () => {
    expect(total(aws("aws:sns/topic:Topic", {}))).toBe(0);
    expect(
      total(
        aws("aws:sns/topic:Topic", {}, { notificationsPerMonth: 1_000_000, emailDeliveriesPerMonth: 1_000 }),
      ),
    ).toBeCloseTo(0.52, 9);
  });

  it("CloudTrail: the first trail is free; a second copy bills its management events; data events bill", () => {
    const trails = [res("aws:cloudtrail/trail:Trail", "t1", {}), res("aws:cloudtrail/trail:Trail", "t2", {})];
    const est = estimateResources(
      trails,
      { ...DEFAULT_USAGE, managementEventsPerMonth: 300_000, dataEventsPerMonth: 2_000_000 },
      { region: US },
    );
    expect(total(est.lines[0]!)).toBeCloseTo(2, 9); // first copy free; 2M data events × $0.10/100k
    expect(total(est.lines[1]!)).toBeCloseTo(6 + 2, 9);
  });

  it("budgets: two free per account, a third is not priced", () => {
    const budgets = [0, 1, 2].map((i) => res("aws:budgets/budget:Budget", `b${i}`, {}));
    const est = estimateResources(budgets, DEFAULT_USAGE, { region: US });
    expect(est.lines.map((l) => l.notPriced === true)).toEqual([false, false, true]);
  });

  it("S3 buckets are $0 with storage not priced (partial)", () => {
    const est = estimateResources([res("aws:s3/bucketV2:BucketV2", "trail", {})], DEFAULT_USAGE, {
      region: US,
    });
    expect(est.total).toBe(0);
    expect(est.partlyUnknown).toHaveLength(1);
  });
});

describe("network", () => {
  it("NAT gateway $0.045 × 730 = $32.85 + $0.045/GB; its Elastic IP $3.65", () => {
    expect(total(aws("aws:ec2/natGateway:NatGateway", {}, { natProcessedGbPerMonth: 100 }))).toBeCloseTo(
      32.85 + 4.5,
      9,
    );
    expect(total(aws("aws:ec2/eip:Eip", {}))).toBeCloseTo(3.65, 9);
  });

  it("VPC endpoints: gateway free; interface $0.01 per AZ-hour + $0.01/GB", () => {
    expect(total(aws(EP, { serviceName: "com.amazonaws.us-east-1.s3" }))).toBe(0);
    const line = aws(
      EP,
      { vpcEndpointType: "Interface", subnetIds: ["a", "b"] },
      { endpointProcessedGbPerMonth: 10 },
    );
    expect(total(line)).toBeCloseTo(14.6 + 0.1, 9);
    expect(notes(line)).toContain("(2nd)");
  });

  it("VPCs, subnets, security groups, IAM and the like are $0 on purpose", () => {
    for (const t of [
      "aws:ec2/vpc:Vpc",
      "aws:iam/role:Role",
      "aws:ec2/flowLog:FlowLog",
      "aws:kms/alias:Alias",
      "aws:lambda/functionUrl:FunctionUrl",
    ]) {
      const line = aws(t, {});
      expect(line.notPriced, t).toBeUndefined();
      expect(total(line), t).toBe(0);
      expect(notes(line), t).toMatch(/^free: /);
    }
    expect(estimatorFor("aws:cloudhsmv2/cluster:Cluster")).toBeUndefined();
  });
});

describe("regions", () => {
  it("the table lists the six regions users pick; us-east-1 has a figure for every family", () => {
    expect(Object.keys(AWS_PRICES.regions).sort()).toEqual([...AWS_REGIONS].sort());
    expect(Object.keys(AWS_PRICES.regions[US]!).sort()).toEqual(
      [
        "aurora",
        "cloudtrail",
        "cloudwatch",
        "elasticache",
        "kms",
        "lambda",
        "network",
        "rds",
        "secretsManager",
        "sns",
      ].sort(),
    );
  });

  it("every price carries a source, a date and the (2nd) flag when secondary", () => {
    const prices: AwsPrice[] = [];
    const walk = (v: unknown) => {
      if (v && typeof v === "object") {
        if ("usd" in v && "source" in v) prices.push(v as AwsPrice);
        else Object.values(v).forEach(walk);
      }
    };
    walk(AWS_PRICES.regions);
    walk(AWS_PRICES.global);
    expect(prices.length).toBeGreaterThan(35);
    for (const p of prices) {
      expect(p.usd).toBeGreaterThanOrEqual(0);
      expect(p.source.length, p.unit).toBeGreaterThan(20);
      expect(p.asOf, p.source).toMatch(/^20\d\d-\d\d-\d\d$/);
      // A figure older than this year comes from a dated snapshot: its source names the commit.
      if (!p.asOf.startsWith("2026")) expect(p.source, p.asOf).toMatch(/@[0-9a-f]{7}|whats-new\/\d{4}/);
      expect(p.secondary === true, p.source).toBe(p.source.startsWith("(2nd)"));
    }
  });

  it.each(AWS_REGIONS.filter((r) => r !== US).map((r) => [r]))(
    "%s: a class without a sourced regional figure (db.t4g.micro) is not priced there and says so",
    (region) => {
      const line = aws(
        RDS,
        { engine: "postgres", instanceClass: "db.t4g.micro", allocatedStorage: 20 },
        {},
        region,
      );
      expect(line.notPriced).toBe(true);
      expect(notes(line)).toContain(`db.t4g.micro Single-AZ in ${region}`);
      expect(notes(line)).toContain("no sourced price");
    },
  );

  it("a region outside the table leaves the line not priced, naming the table's regions (no fallback); a resource's own region input wins", () => {
    const off = aws(KEY, {}, {}, "mars-north-1");
    expect(off.notPriced).toBe(true);
    expect(notes(off)).toContain(
      "AWS prices: region mars-north-1 is not in the AWS price table; regions: us-east-1, us-east-2, us-west-2, eu-west-1, eu-central-1, ap-southeast-1",
    );
    expect(total(aws(SECRET_T, { region: US }, {}, "eu-west-1"))).toBe(0.4);
    expect(aws(SECRET_T, { region: "eu-west-1" }, {}, US).notPriced).toBe(true);
  });

  it("the whole aws-dev inventory in eu-central-1: the KMS keys (one price everywhere) and the global health check are priced, the rest is not", () => {
    const est = estimateResources(awsInventory("dev"), DEFAULT_USAGE, { region: "eu-central-1" });
    expect(est.total).toBeCloseTo(3 + 1 + 2.75, 9); // data key + 2 rotations, signing key, health check
    expect(est.notPriced).toEqual([ALARM, "aws:cloudwatch/dashboard:Dashboard", CLUSTER, SECRET_T].sort());
  });
});

describe("the AWS inventories (hand-built until the aws branch's synth lands)", () => {
  it("aws-dev idle, list prices: $13.35 (KMS $4, alarms 22 × $0.10, dashboard $3, HTTPS health check $2.75, Aurora paused + 10 GB $1, secret $0.40)", () => {
    const est = estimateResources(awsInventory("dev"), DEFAULT_USAGE, { region: US });
    expect(est.total).toBeCloseTo(4 + 2.2 + 3 + 2.75 + 1 + 0.4, 9);
    expect(est.notPriced).toEqual([]);
    expect(est.byComponent).toMatchObject({ "cloud-run-service": 0, network: 0, "budget-alert": 0 });
    expect(est.asOf).toBe(AWS_PRICES.asOf);
  });

  it("aws-dev idle with the account's free tier (its own account): $9.35, within the $10 goal", () => {
    const est = estimateResources(
      awsInventory("dev"),
      { ...DEFAULT_USAGE, awsFreeTier: true },
      { region: US },
    );
    expect(est.total).toBeCloseTo(13.35 - 1 - 3, 9);
    expect(est.total).toBeLessThanOrEqual(10);
  });

  it("aws-prod: $169.31, itemised by component", () => {
    const est = estimateResources(awsInventory("prod"), DEFAULT_USAGE, { region: US });
    const c = est.byComponent;
    expect(c["network"]).toBeCloseTo(2 * 3 * 0.01 * 730, 6); // two interface endpoints in 3 AZs
    expect(c["postgres-with-backups"]).toBeCloseTo(1 + 2 * 43.8 + 0.4, 6);
    expect(c["redis-cache"]).toBeCloseTo(18.688 + 0.4, 6);
    expect(c["cloud-run-service"]).toBeCloseTo(0.5 * 2_628_000 * 0.0000041667, 6);
    expect(est.total).toBeCloseTo(169.313, 2);
  });

  it("a plan that moves Aurora from min 0.5 to min 1 ACU shows the delta", () => {
    const inv = awsInventory("prod");
    const steps = inv.map((r) => ({
      op: r.name === "db-cluster" ? ("update" as const) : ("same" as const),
      urn: r.urn,
      type: r.type,
      name: r.name,
      ...(r.parent !== undefined ? { parent: r.parent } : {}),
      oldInputs: r.inputs as PlanInputs,
      newInputs: (r.name === "db-cluster"
        ? { ...r.inputs, serverlessv2ScalingConfiguration: { minCapacity: 1, maxCapacity: 16 } }
        : r.inputs) as PlanInputs,
      diffs: [],
      replaceReasons: [],
    }));
    const plan = estimatePlan(steps, DEFAULT_USAGE, { region: US });
    expect(plan.delta).toBeCloseTo(2 * 0.5 * 730 * 0.12, 6); // both instances +0.5 ACU
  });
});

describe("price table dates and usage files", () => {
  it("dates the estimate by the tables it used", () => {
    expect(priceTableDate(["aws:kms/key:Key"])).toBe(AWS_PRICES.asOf);
    expect(priceTableDate(["aws:kms/key:Key", "gcp:kms/cryptoKey:CryptoKey"])).toMatch(
      /^gcp \d{4}-\d\d-\d\d, aws 2026-08-21$/,
    );
  });

  it("accepts the AWS usage keys and rejects bad ones with the field named", () => {
    const u = parseUsage({
      awsFreeTier: true,
      auroraStorageGb: 5,
      resources: { api: { logIngestGbPerMonth: 1 } },
    });
    expect([u.awsFreeTier, u.auroraStorageGb, u.resources["api"]?.logIngestGbPerMonth]).toEqual([true, 5, 1]);
    expect(() => parseUsage({ natProcessedGbPerMonth: -1 })).toThrow(
      /usage\.natProcessedGbPerMonth: must be a number ≥ 0/,
    );
    expect(() => parseUsage({ awsFreeTeir: true })).toThrow(/awsFreeTier/);
  });

  it.each(["aws-dev", "aws-staging", "aws-prod"])("stacks/usage.%s.yaml parses", (env) => {
    const usage = loadUsage(env, "stacks");
    expect(usage).not.toBe(DEFAULT_USAGE);
    expect(usage.requestsPerMonth).toBeGreaterThan(0);
  });
});
