/**
 * The dated AWS list-price table the AWS cost estimators read. USD, on-demand, no Savings Plans or
 * reserved instances, a 730-hour month (the same month as the GCP table).
 *
 * Every figure carries its `source` and the date of that source (`asOf`). The us-east-1 figures
 * come from shared/reference/aws-anchors.md §10 (us-east-1) and cost-and-formats.md §4; figures the
 * reference marks "(2nd)" come from a third-party page and carry `secondary: true`. A few figures
 * the reference lacks were read from stored copies of AWS pricing pages (primary) or third-party
 * pages (secondary); their `source` says so.
 *
 * Regions: the table has an entry for each region users pick (us-east-1, us-east-2, us-west-2,
 * eu-west-1, eu-central-1, ap-southeast-1). us-east-1 has a figure for every family. The other five
 * (./aws-regions.ts) have only the figures a source gives for that region or states for every
 * region: KMS keys and rotations, CloudTrail events, Lambda duration, RDS db.r6g.large Single-AZ,
 * ElastiCache Redis OSS t4g nodes, and SNS in eu-west-1. Several of those come from older
 * price-list snapshots and carry the snapshot's date. Everything else there (CloudWatch, Secrets
 * Manager, Lambda requests and provisioned concurrency, KMS requests, NAT and endpoints, gp3,
 * Aurora, Valkey, Multi-AZ) has no sourced regional figure, and this table never guesses one: such
 * a part is "not priced" with a note naming the region, so the total is marked partial. Add figures,
 * with their source and date, to price more.
 */
import { HOURS_PER_MONTH, type Price } from "./gcp";
import { AWS_OTHER_REGION_PRICES, vantageFigures } from "./aws-regions";

/**
 * One AWS list price, with the date of its source.
 *
 * @example
 * ```ts
 * const p: AwsPrice = AWS_PRICES.regions["us-east-1"]!.lambda!.millionRequests!;
 * p.usd; // 0.2
 * ```
 */
export interface AwsPrice extends Price {
  /** Date of the source (snapshot, page or article). */
  readonly asOf: string;
  /** True when the figure comes from a third-party page, not from AWS or code copying its price list. */
  readonly secondary?: boolean;
}

/** Where the figures come from (reference ids as in aws-anchors.md §1). */
const SRC = {
  ic: "Infracost golden tests (prices copied from the AWS price list), infracost@95ba4f4; aws-anchors.md §10",
  sstPg: "SST platform/src/components/aws/postgres.ts:451–465 (anomalyco/sst@8bfe1c1); aws-anchors.md §10",
  sstRedis: "SST platform/src/components/aws/redis.ts:309–316 (anomalyco/sst@8bfe1c1); aws-anchors.md §10",
  infratally:
    "(2nd) infratally.com 'AWS RDS pricing explained 2026' (us-east-1 table); aws-anchors.md §10 and cost-and-formats.md §4",
  usageAi: "(2nd) usage.ai RDS pricing calculator (US East, June 2026); aws-anchors.md §10",
  serverlessCache:
    "(2nd) AWS database blog + usage.ai; minimums from https://aws.amazon.com/elasticache/pricing/ (D-EC); aws-anchors.md §10",
  provisioned: "(2nd) awsnegotiations.com / emnode; aws-anchors.md §10",
  kms: "https://aws.amazon.com/kms/pricing/ and Infracost golden kms_key_test.golden; cost-and-formats.md §4, aws-anchors.md §10 (rotation charge: verify)",
  lambdaFree:
    "https://aws.amazon.com/lambda/pricing/ (stored copy: 1M requests and 400,000 GB-s free per month)",
  cwFree:
    "https://aws.amazon.com/cloudwatch/pricing/ (D-CW: 3 dashboards, 10 alarm metrics); aws-anchors.md §1",
  composite: "(2nd) c3x.dev; aws-anchors.md §10",
  logs: "(2nd) c3x.dev 'CloudWatch Logs cost optimization' (us-east-1, June 2026) and hykell.com (5 GB free); not in aws-anchors.md",
  route53: "Infracost golden route53_health_check; aws-anchors.md §10",
  budgets:
    "aws-anchors.md §10 (first 2 budgets free; the later per-budget fee is not verified, so it is not priced)",
  publicIpv4: "aws-anchors.md §0.4 and §10 Fargate row ('+ $3.65 public IPv4' = $0.005/h)",
  privateLinkGb:
    "https://aws.amazon.com/privatelink/pricing/ (stored copy: $0.01/GB for the first 1 PB per region); not in aws-anchors.md",
  privateLinkHour:
    "(2nd) awsnegotiations.com 'AWS PrivateLink cost analysis' (May 2026) and cloudcostkit.com: $0.01 per endpoint per AZ-hour; the AWS page copy confirms per-AZ hourly billing; not in aws-anchors.md",
  gatewayEndpoint:
    "(2nd) awsnegotiations.com PrivateLink analysis (May 2026): gateway endpoints (S3, DynamoDB) are free",
  cloudtrail:
    "https://aws.amazon.com/cloudtrail/pricing/ (stored copy: first copy of management events free; additional copies $2.00 per 100,000; data events $0.10 per 100,000); not in aws-anchors.md",
  sns: "(2nd) factualminds.com 'Amazon SNS pricing' (2026-06-13): publishes $0.50/M, email $2.00/100k; not in aws-anchors.md",
  aurora:
    "(2nd) awsnegotiations.com 'Aurora Serverless v2 pricing' (May 2026): storage ≈ $0.10/GB-month; not in aws-anchors.md",
} as const;

const DATES = {
  ic: "2026-08-21",
  sst: "2026-06-26",
  infratally: "2026-01-01",
  usageAi: "2026-06-01",
  page: "2026-06-13",
  may2026: "2026-05-01",
  june2026: "2026-06-01",
} as const;

const p = (usd: number, unit: string, source: string, asOf: string, secondary = false): AwsPrice => ({
  usd,
  unit,
  source,
  asOf,
  ...(secondary ? { secondary: true } : {}),
});

/**
 * RDS PostgreSQL instance classes with a sourced price.
 *
 * @example
 * ```ts
 * AWS_PRICES.regions["us-east-1"]!.rds!.instanceHour![RdsInstanceClass["db.t4g.micro"]]!.singleAz.usd; // 0.016
 * ```
 */
export const RdsInstanceClass = {
  "db.t4g.micro": "db.t4g.micro",
  "db.t4g.small": "db.t4g.small",
  "db.r6g.large": "db.r6g.large",
} as const;
/** A priced RDS instance class. */
export type RdsInstanceClass = (typeof RdsInstanceClass)[keyof typeof RdsInstanceClass];

/**
 * ElastiCache node types with a sourced price.
 *
 * @example
 * ```ts
 * AWS_PRICES.regions["us-east-1"]!.elasticache!.nodeHour![CacheNodeType["cache.t4g.micro"]]!.valkey.usd; // 0.0128
 * ```
 */
export const CacheNodeType = {
  "cache.t4g.micro": "cache.t4g.micro",
  "cache.t4g.small": "cache.t4g.small",
} as const;
/** A priced ElastiCache node type. */
export type CacheNodeType = (typeof CacheNodeType)[keyof typeof CacheNodeType];

/**
 * Every regional price the AWS estimators know. A region's entry holds the subset that has a
 * sourced figure there ({@link AwsRegionPrices}).
 *
 * @example
 * ```ts
 * const full: AwsFullRegionPrices = US_EAST_1_FULL;
 * ```
 */
export interface AwsFullRegionPrices {
  readonly rds: {
    /** Per class and deployment; a class or deployment without a sourced figure is absent. */
    readonly instanceHour: Readonly<
      Partial<Record<RdsInstanceClass, { readonly singleAz?: AwsPrice; readonly multiAz?: AwsPrice }>>
    >;
    /** gp3, per GB-month; doubled for Multi-AZ. */
    readonly gp3GbMonth: AwsPrice;
    /** Backup storage beyond 100% of the provisioned storage. */
    readonly backupGbMonth: AwsPrice;
  };
  readonly aurora: {
    readonly acuHour: { readonly standard: AwsPrice; readonly ioOptimized: AwsPrice };
    /** Aurora Standard storage per GB-month used. */
    readonly storageGbMonth: AwsPrice;
    /** Aurora Standard I/O, per million requests (I/O-Optimized has none). */
    readonly millionIo: AwsPrice;
  };
  readonly elasticache: {
    /** Per node type and engine; a type or engine without a sourced figure is absent. */
    readonly nodeHour: Readonly<
      Partial<Record<CacheNodeType, { readonly redis?: AwsPrice; readonly valkey?: AwsPrice }>>
    >;
    readonly serverless: {
      readonly redis: { readonly gbHour: AwsPrice; readonly millionEcpu: AwsPrice; readonly minGb: number };
      readonly valkey: { readonly gbHour: AwsPrice; readonly millionEcpu: AwsPrice; readonly minGb: number };
    };
  };
  readonly lambda: {
    readonly millionRequests: AwsPrice;
    readonly gbSecond: { readonly x86_64: AwsPrice; readonly arm64: AwsPrice };
    /** Provisioned concurrency, per GB-second configured (billed all the time). */
    readonly provisionedGbSecond: AwsPrice;
  };
  readonly kms: {
    readonly keyMonth: AwsPrice;
    /** Each of the first two rotations of a key adds this per month (later rotations are not billed). */
    readonly rotationMonth: AwsPrice;
    readonly tenThousandSymmetric: AwsPrice;
    readonly tenThousandAsymmetric: AwsPrice;
  };
  readonly secretsManager: { readonly secretMonth: AwsPrice; readonly tenThousandCalls: AwsPrice };
  readonly cloudwatch: {
    readonly alarmMetricMonth: { readonly standard: AwsPrice; readonly highResolution: AwsPrice };
    readonly compositeAlarmMonth: AwsPrice;
    readonly dashboardMonth: AwsPrice;
    readonly logIngestGb: AwsPrice;
    readonly logStorageGbMonth: AwsPrice;
  };
  readonly sns: { readonly millionPublishes: AwsPrice; readonly hundredThousandEmails: AwsPrice };
  readonly network: {
    readonly natHour: AwsPrice;
    readonly natGb: AwsPrice;
    readonly publicIpv4Hour: AwsPrice;
    readonly interfaceEndpointAzHour: AwsPrice;
    readonly interfaceEndpointGb: AwsPrice;
  };
  readonly cloudtrail: {
    readonly hundredThousandPaidManagementEvents: AwsPrice;
    readonly hundredThousandDataEvents: AwsPrice;
  };
}

/**
 * A region's prices: any family or figure may be missing (no sourced price there).
 *
 * @example
 * ```ts
 * const t: AwsRegionPrices | undefined = AWS_PRICES.regions["eu-west-1"];
 * t?.lambda?.millionRequests; // undefined → not priced there
 * ```
 */
export type AwsRegionPrices = {
  readonly [F in keyof AwsFullRegionPrices]?: Partial<AwsFullRegionPrices[F]>;
};

const USE1_VANTAGE = vantageFigures("us-east-1");

const US_EAST_1: AwsFullRegionPrices = {
  rds: {
    instanceHour: {
      "db.t4g.micro": {
        singleAz: p(0.016, "instance-hour", `${SRC.sstPg}; ${SRC.infratally}`, DATES.sst),
        multiAz: p(0.032, "instance-hour", SRC.infratally, DATES.infratally, true),
      },
      "db.t4g.small": {
        singleAz: p(0.032, "instance-hour", SRC.ic, DATES.ic),
        multiAz: p(0.065, "instance-hour", SRC.ic, DATES.ic),
      },
      // Single-AZ only: no source gives the Multi-AZ rate (the reference's ~$0.45 is unverified).
      "db.r6g.large": { singleAz: USE1_VANTAGE.rdsR6gLarge },
    },
    gp3GbMonth: p(0.115, "GB-month", `${SRC.sstPg}; ${SRC.usageAi}`, DATES.sst),
    backupGbMonth: p(0.095, "GB-month", SRC.usageAi, DATES.usageAi, true),
  },
  aurora: {
    acuHour: {
      // Serverless v2 rates (SST); Infracost's rds_cluster golden prices Serverless v1 at $0.06.
      standard: p(
        0.12,
        "ACU-hour",
        `SST aurora.ts:615–627 (anomalyco/sst@8bfe1c1); ${SRC.aurora}`,
        DATES.sst,
      ),
      ioOptimized: p(0.16, "ACU-hour", "SST aurora.ts:615–627 (anomalyco/sst@8bfe1c1)", DATES.sst),
    },
    storageGbMonth: p(0.1, "GB-month", `${SRC.ic} (rds_cluster: Storage $0.10 per GB)`, DATES.ic),
    millionIo: p(0.2, "million I/O requests", `${SRC.ic} (rds_cluster: I/O requests $0.20 per 1M)`, DATES.ic),
  },
  elasticache: {
    nodeHour: {
      "cache.t4g.micro": {
        redis: p(0.016, "node-hour", SRC.sstRedis, DATES.sst),
        valkey: p(0.0128, "node-hour", SRC.sstRedis, DATES.sst),
      },
      // Redis OSS only: no source gives the Valkey rate for this type.
      "cache.t4g.small": { redis: USE1_VANTAGE.redisT4gSmall },
    },
    serverless: {
      redis: {
        gbHour: p(0.125, "GB-hour", SRC.serverlessCache, DATES.june2026, true),
        millionEcpu: p(0.0034, "million ECPU", SRC.serverlessCache, DATES.june2026, true),
        minGb: 1,
      },
      valkey: {
        gbHour: p(0.084, "GB-hour", SRC.serverlessCache, DATES.june2026, true),
        millionEcpu: p(0.0023, "million ECPU", SRC.serverlessCache, DATES.june2026, true),
        minGb: 0.1,
      },
    },
  },
  lambda: {
    millionRequests: p(0.2, "million requests", `${SRC.ic} (lambda)`, DATES.ic),
    gbSecond: {
      x86_64: p(0.0000166667, "GB-second", `${SRC.ic} (lambda, first tier)`, DATES.ic),
      arm64: p(0.0000133334, "GB-second", `${SRC.ic} (lambda, first tier)`, DATES.ic),
    },
    provisionedGbSecond: p(0.0000041667, "GB-second", SRC.provisioned, DATES.may2026, true),
  },
  kms: {
    keyMonth: p(1.0, "key-month", SRC.kms, DATES.ic),
    rotationMonth: p(1.0, "rotation-month", SRC.kms, DATES.ic),
    tenThousandSymmetric: p(0.03, "10k requests", SRC.kms, DATES.ic),
    tenThousandAsymmetric: p(0.15, "10k requests", SRC.kms, DATES.ic),
  },
  secretsManager: {
    secretMonth: p(0.4, "secret-month", `${SRC.ic} (secretsmanager)`, DATES.ic),
    tenThousandCalls: p(0.05, "10k API calls", `${SRC.ic} (secretsmanager)`, DATES.ic),
  },
  cloudwatch: {
    alarmMetricMonth: {
      standard: p(0.1, "alarm metric-month", `${SRC.ic} (cloudwatch_metric_alarm)`, DATES.ic),
      highResolution: p(0.3, "alarm metric-month", `${SRC.ic} (cloudwatch_metric_alarm)`, DATES.ic),
    },
    compositeAlarmMonth: p(0.5, "alarm-month", SRC.composite, DATES.june2026, true),
    dashboardMonth: p(3.0, "dashboard-month", `${SRC.ic} (cloudwatch_dashboard); D-CW`, DATES.ic),
    logIngestGb: p(0.5, "GB ingested", SRC.logs, DATES.june2026, true),
    logStorageGbMonth: p(0.03, "GB-month stored", SRC.logs, DATES.june2026, true),
  },
  sns: {
    millionPublishes: p(0.5, "million publishes", SRC.sns, DATES.page, true),
    hundredThousandEmails: p(2.0, "100k email deliveries", SRC.sns, DATES.page, true),
  },
  network: {
    natHour: p(0.045, "NAT gateway-hour", `${SRC.ic} (nat_gateway)`, DATES.ic),
    natGb: p(0.045, "GB processed", `${SRC.ic} (nat_gateway)`, DATES.ic),
    publicIpv4Hour: p(0.005, "address-hour", SRC.publicIpv4, DATES.ic),
    interfaceEndpointAzHour: p(0.01, "endpoint AZ-hour", SRC.privateLinkHour, DATES.may2026, true),
    interfaceEndpointGb: p(0.01, "GB processed", SRC.privateLinkGb, DATES.june2026),
  },
  cloudtrail: {
    hundredThousandPaidManagementEvents: p(2.0, "100k events", SRC.cloudtrail, DATES.june2026),
    hundredThousandDataEvents: p(0.1, "100k events", SRC.cloudtrail, DATES.june2026),
  },
};

/**
 * Regions users pick. The table has an entry for each; see the file comment for what is priced.
 *
 * @example
 * ```ts
 * AWS_REGIONS.includes("eu-central-1"); // true
 * ```
 */
export const AWS_REGIONS = [
  "us-east-1",
  "us-east-2",
  "us-west-2",
  "eu-west-1",
  "eu-central-1",
  "ap-southeast-1",
] as const;
/** A region with an entry in the AWS table. */
export type AwsRegion = (typeof AWS_REGIONS)[number];

/**
 * Prices of global services (no region) and free allowances.
 *
 * @example
 * ```ts
 * AWS_PRICES.global.route53.healthCheckMonth.otherEndpoint.usd; // 0.75
 * ```
 */
export interface AwsGlobalPrices {
  readonly route53: {
    readonly healthCheckMonth: { readonly awsEndpoint: AwsPrice; readonly otherEndpoint: AwsPrice };
    /** Each optional feature (HTTPS, string match, latency measurement, fast 10 s interval). */
    readonly optionMonth: { readonly awsEndpoint: AwsPrice; readonly otherEndpoint: AwsPrice };
  };
  readonly gatewayEndpointHour: AwsPrice;
}

/**
 * AWS free allowances, per account and month (per region where AWS says so).
 *
 * @example
 * ```ts
 * AWS_PRICES.free.lambdaRequests; // 1,000,000
 * ```
 */
export interface AwsFreeAllowances {
  readonly lambdaRequests: number;
  readonly lambdaGbSeconds: number;
  readonly kmsRequests: number;
  readonly alarmMetrics: number;
  readonly dashboards: number;
  readonly logIngestGb: number;
  /** Budgets per account that cost nothing. */
  readonly budgets: number;
  /** Trails that record management events free (the first copy per region). */
  readonly managementEventCopies: number;
  readonly source: string;
}

/**
 * The AWS price table.
 *
 * @example
 * ```ts
 * AWS_PRICES.regions["us-east-1"]!.kms!.keyMonth!.usd; // 1
 * AWS_PRICES.regions["eu-west-1"]!.kms?.keyMonth?.usd; // 1 (the KMS page states one price)
 * AWS_PRICES.regions["eu-west-1"]!.secretsManager; // undefined (no sourced price there)
 * ```
 */
export const AWS_PRICES = {
  /** The date the table was last checked against its sources. */
  asOf: "2026-08-21",
  currency: "USD",
  hoursPerMonth: HOURS_PER_MONTH,
  regions: {
    "us-east-1": US_EAST_1,
    // Only the figures sourced for each region (see ./aws-regions.ts); parts without one are not
    // priced there, with a note naming the region.
    ...AWS_OTHER_REGION_PRICES,
  } as Readonly<Record<string, AwsRegionPrices>>,
  global: {
    route53: {
      healthCheckMonth: {
        awsEndpoint: p(0.5, "health check-month", SRC.route53, DATES.ic),
        otherEndpoint: p(0.75, "health check-month", SRC.route53, DATES.ic),
      },
      optionMonth: {
        awsEndpoint: p(1.0, "option-month", SRC.route53, DATES.ic),
        otherEndpoint: p(2.0, "option-month", SRC.route53, DATES.ic),
      },
    },
    gatewayEndpointHour: p(0, "endpoint-hour", SRC.gatewayEndpoint, DATES.may2026, true),
  } satisfies AwsGlobalPrices,
  free: {
    lambdaRequests: 1_000_000,
    lambdaGbSeconds: 400_000,
    kmsRequests: 20_000,
    alarmMetrics: 10,
    dashboards: 3,
    logIngestGb: 5,
    budgets: 2,
    managementEventCopies: 1,
    source: `${SRC.lambdaFree}; ${SRC.kms}; ${SRC.cwFree}; ${SRC.logs}; ${SRC.budgets}; ${SRC.cloudtrail}`,
  } satisfies AwsFreeAllowances,
} as const;

/**
 * The AWS prices for a region: `table` is undefined when the region has no entry at all.
 *
 * @example
 * ```ts
 * awsRegionPrices("us-east-1").table?.lambda?.millionRequests?.usd; // 0.2
 * awsRegionPrices("mars-north-1").table; // undefined
 * ```
 */
export function awsRegionPrices(region: string): {
  readonly region: string;
  readonly table: AwsRegionPrices | undefined;
} {
  return {
    region,
    table: Object.hasOwn(AWS_PRICES.regions, region) ? AWS_PRICES.regions[region] : undefined,
  };
}
