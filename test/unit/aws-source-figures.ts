/**
 * Regional AWS figures copied from their sources (not from the price table), so the cost tests
 * fail when a table figure drifts from its source.
 */

/** db.r6g.large PostgreSQL Single-AZ $/h: vantage-sh/ec2instances.info@14ede5a www/rds/instances.json. */
export const R6G_LARGE: Readonly<Record<string, number>> = {
  "us-east-1": 0.225,
  "us-east-2": 0.225,
  "us-west-2": 0.225,
  "eu-west-1": 0.252,
  "eu-central-1": 0.274,
  "ap-southeast-1": 0.27,
};

/** Redis OSS node $/h [t4g.micro, t4g.small]: vantage-sh/ec2instances.info@3e75a5d www/cache/instances.json. */
export const REDIS_T4G: Readonly<Record<string, readonly [number, number]>> = {
  "us-east-1": [0.016, 0.032],
  "us-east-2": [0.016, 0.032],
  "us-west-2": [0.016, 0.032],
  "eu-west-1": [0.017, 0.034],
  "eu-central-1": [0.018, 0.036],
  "ap-southeast-1": [0.024, 0.048],
};
