/**
 * The AWS figures for the five regions users pick besides us-east-1 (us-east-2, us-west-2,
 * eu-west-1, eu-central-1, ap-southeast-1). A figure is here only when a source gives it for that
 * region, or says the price is the same in every region; the rest is absent, so the estimator
 * leaves that part "not priced" with a note naming the region (see ./aws.ts).
 *
 * Sources (each figure names its own):
 * - vantage-sh/ec2instances.info, scrapes of the AWS price list committed to the repository (the
 *   newer builds are no longer committed, so these are the newest readable snapshots, dated by
 *   their commit): RDS PostgreSQL on-demand Single-AZ, ElastiCache Redis OSS on-demand nodes.
 * - AWS pricing pages (stored copies) that state one price with no region qualifier: KMS keys and
 *   rotations, CloudTrail paid management and data events.
 * - alexcasalboni/aws-lambda-power-tuning's per-region Lambda duration map (exceptions listed,
 *   every other region at the default = us-east-1 rate) and AWS's tiered-pricing announcement
 *   (us-east-2 x86).
 * - An Infracost golden test priced in eu-west-1 (SNS).
 */
import type { AwsPrice, AwsRegionPrices } from "./aws";

/** The regions this file has figures for. */
type OtherRegion = "us-east-2" | "us-west-2" | "eu-west-1" | "eu-central-1" | "ap-southeast-1";

const OTHER: readonly OtherRegion[] = [
  "us-east-2",
  "us-west-2",
  "eu-west-1",
  "eu-central-1",
  "ap-southeast-1",
];

const SRC = {
  vantageRds:
    "vantage-sh/ec2instances.info@14ede5a www/rds/instances.json (scrape of the AWS price list): db.r6g.large PostgreSQL on-demand, Single-AZ",
  vantageCache:
    "vantage-sh/ec2instances.info@3e75a5d www/cache/instances.json (scrape of the AWS price list): Redis on-demand node-hour",
  kmsPage:
    "https://aws.amazon.com/kms/pricing/ (stored copy: 'Each AWS KMS key that you create in AWS KMS costs $1/month'; each rotation's new backing key '$1/month'; one price, no region qualifier)",
  cloudtrailPage:
    "https://aws.amazon.com/cloudtrail/pricing/ (stored copy: additional copies of management events $2.00 per 100,000, data events $0.10 per 100,000; one price, no region qualifier)",
  powerTuning:
    "alexcasalboni/aws-lambda-power-tuning@262ecc2 template.yml baseCosts (per-region Lambda duration map: exceptions only for ap-east-1, af-south-1, me-south-1, eu-south-1, ap-northeast-3 and China; this region pays the default, the us-east-1 rate, first tier)",
  tieredOhio:
    "https://aws.amazon.com/de/about-aws/whats-new/2022/08/aws-lambda-tiered-pricing (stored copy, 2022-08-04: x86 in US-Ost (Ohio) 0,0000166667 USD per GB-s for the first 6 billion GB-s)",
  icSnsEu:
    "Infracost golden sns_topic_test (aws_sns_topic.sns_topic_another_region, provider region eu-west-1), infracost@95ba4f4",
} as const;

/** Dates of the sources: the snapshot commit, the map's last edit, or as in ./aws.ts. */
const DATES = {
  vantageRds: "2021-08-03",
  vantageCache: "2022-02-13",
  /** Matches the us-east-1 KMS figure's date (the Infracost snapshot the page was checked with). */
  kms: "2026-08-21",
  cloudtrail: "2026-06-01",
  /** The last edit of the baseCosts map (c33e0b9). */
  powerTuning: "2023-10-30",
  tiered: "2022-08-04",
  ic: "2026-08-21",
} as const;

const p = (usd: number, unit: string, source: string, asOf: string): AwsPrice => ({
  usd,
  unit,
  source,
  asOf,
});

/** db.r6g.large PostgreSQL Single-AZ, USD per instance-hour (vantage @14ede5a). */
const R6G_LARGE_SINGLE_AZ: Readonly<Record<OtherRegion | "us-east-1", number>> = {
  "us-east-1": 0.225,
  "us-east-2": 0.225,
  "us-west-2": 0.225,
  "eu-west-1": 0.252,
  "eu-central-1": 0.274,
  "ap-southeast-1": 0.27,
};

/** Redis OSS node-hours, USD (vantage @3e75a5d). */
const REDIS_NODE: Readonly<
  Record<OtherRegion | "us-east-1", { readonly micro: number; readonly small: number }>
> = {
  "us-east-1": { micro: 0.016, small: 0.032 },
  "us-east-2": { micro: 0.016, small: 0.032 },
  "us-west-2": { micro: 0.016, small: 0.032 },
  "eu-west-1": { micro: 0.017, small: 0.034 },
  "eu-central-1": { micro: 0.018, small: 0.036 },
  "ap-southeast-1": { micro: 0.024, small: 0.048 },
};

/**
 * The vantage figures for one region (us-east-1 included: they add db.r6g.large and
 * cache.t4g.small there).
 *
 * @example
 * ```ts
 * vantageFigures("eu-central-1").rdsR6gLarge.usd; // 0.274
 * ```
 */
export function vantageFigures(region: OtherRegion | "us-east-1"): {
  readonly rdsR6gLarge: AwsPrice;
  readonly redisT4gMicro: AwsPrice;
  readonly redisT4gSmall: AwsPrice;
} {
  const node = REDIS_NODE[region];
  return {
    rdsR6gLarge: p(
      R6G_LARGE_SINGLE_AZ[region],
      "instance-hour",
      `${SRC.vantageRds} in ${region}`,
      DATES.vantageRds,
    ),
    redisT4gMicro: p(
      node.micro,
      "node-hour",
      `${SRC.vantageCache} cache.t4g.micro in ${region}`,
      DATES.vantageCache,
    ),
    redisT4gSmall: p(
      node.small,
      "node-hour",
      `${SRC.vantageCache} cache.t4g.small in ${region}`,
      DATES.vantageCache,
    ),
  };
}

function regionTable(region: OtherRegion): AwsRegionPrices {
  const v = vantageFigures(region);
  const lambdaSrc = region === "us-east-2" ? `${SRC.tieredOhio}; ${SRC.powerTuning}` : SRC.powerTuning;
  const lambdaDate = region === "us-east-2" ? DATES.tiered : DATES.powerTuning;
  return {
    rds: { instanceHour: { "db.r6g.large": { singleAz: v.rdsR6gLarge } } },
    elasticache: {
      nodeHour: {
        "cache.t4g.micro": { redis: v.redisT4gMicro },
        "cache.t4g.small": { redis: v.redisT4gSmall },
      },
    },
    lambda: {
      gbSecond: {
        x86_64: p(0.0000166667, "GB-second", lambdaSrc, lambdaDate),
        arm64: p(
          0.0000133334,
          "GB-second",
          `${SRC.powerTuning} (its arm64 map has the default only)`,
          DATES.powerTuning,
        ),
      },
    },
    kms: {
      keyMonth: p(1.0, "key-month", SRC.kmsPage, DATES.kms),
      rotationMonth: p(1.0, "rotation-month", SRC.kmsPage, DATES.kms),
    },
    cloudtrail: {
      hundredThousandPaidManagementEvents: p(2.0, "100k events", SRC.cloudtrailPage, DATES.cloudtrail),
      hundredThousandDataEvents: p(0.1, "100k events", SRC.cloudtrailPage, DATES.cloudtrail),
    },
    ...(region === "eu-west-1"
      ? {
          sns: {
            millionPublishes: p(
              0.5,
              "million publishes",
              `${SRC.icSnsEu}: API requests (over 1M) $0.50 per 1M`,
              DATES.ic,
            ),
            hundredThousandEmails: p(
              2.0,
              "100k email deliveries",
              `${SRC.icSnsEu}: Email/Email-JSON notifications $2.00 per 100k`,
              DATES.ic,
            ),
          },
        }
      : {}),
  };
}

/**
 * The sourced figures of the five regions besides us-east-1; families and figures without a
 * source there are absent (not priced).
 *
 * @example
 * ```ts
 * AWS_OTHER_REGION_PRICES["eu-central-1"].rds?.instanceHour?.["db.r6g.large"]?.singleAz?.usd; // 0.274
 * AWS_OTHER_REGION_PRICES["us-west-2"].cloudwatch; // undefined: no sourced figure
 * ```
 */
export const AWS_OTHER_REGION_PRICES: Readonly<Record<OtherRegion, AwsRegionPrices>> = Object.fromEntries(
  OTHER.map((r) => [r, regionTable(r)]),
) as Record<OtherRegion, AwsRegionPrices>;
