/**
 * What every AWS estimator shares: the region's price table, and a bill that records which prices
 * the table lacks so the line is marked not priced (nothing known) or priced in part.
 */
import {
  AWS_PRICES,
  AWS_REGIONS,
  awsRegionPrices,
  type AwsGlobalPrices,
  type AwsPrice,
  type AwsRegionPrices,
} from "../../prices/aws";
import { formatRate } from "../../format";
import { bill, type Estimate, type EstimateInput } from "../types";

/**
 * A bill for one AWS resource in one region.
 *
 * @example
 * ```ts
 * const b = awsBill(input);
 * const price = b.price((t) => t.lambda?.millionRequests, "Lambda requests");
 * if (price) b.usage((n / 1e6) * price.usd, `${n} requests × ${b.rate(price)}`);
 * return b.done();
 * ```
 */
export interface AwsBill {
  /** The region the resource is priced in (its own `region` input, else the environment's). */
  readonly region: string;
  readonly global: AwsGlobalPrices;
  /** A regional price, or undefined (recorded as missing: "not priced: <what> in <region>"). */
  price(pick: (table: AwsRegionPrices) => AwsPrice | undefined, what: string): AwsPrice | undefined;
  /** Records a cost part the table cannot price at all (whatever the region). */
  missing(what: string): void;
  baseline(amount: number, note: string): void;
  usage(amount: number, note: string): void;
  note(text: string): void;
  /** `$0.016/instance-hour`, with "(2nd)" for secondary figures. */
  rate(price: AwsPrice): string;
  /** Not priced when nothing could be priced and something was missing; partial when both. */
  done(): Estimate;
}

/**
 * Starts a bill for an AWS resource: the region is the resource's own `region` input (provider 7.x
 * takes one per resource) when known, else the estimate's region.
 *
 * @example
 * ```ts
 * awsBill(input).region; // "us-east-1"
 * ```
 */
export function awsBill(input: EstimateInput): AwsBill {
  const own = input.read.str("region");
  const region = typeof own === "string" && own.length > 0 ? own : input.region;
  const { table } = awsRegionPrices(region);
  const b = bill();
  const missing: string[] = [];
  // No fallback to another region's prices: a region outside the table (a GCP stack's region in a
  // mixed plan, a typo) leaves the line not priced, saying which regions the table has.
  if (!table)
    missing.push(
      `AWS prices: region ${region} is not in the AWS price table; regions: ${AWS_REGIONS.join(", ")}`,
    );
  let priced = 0;
  return {
    region,
    global: AWS_PRICES.global,
    price(pick, what) {
      const found = table ? pick(table) : undefined;
      if (!found) missing.push(`${what} in ${region}`);
      return found;
    },
    missing(what) {
      missing.push(what);
    },
    baseline(amount, note) {
      priced += 1;
      b.baseline(amount, note);
    },
    usage(amount, note) {
      priced += 1;
      b.usage(amount, note);
    },
    note: (text) => b.note(text),
    rate: (price) => `${formatRate(price.usd)}/${price.unit}${price.secondary ? " (2nd)" : ""}`,
    done() {
      if (missing.length > 0) {
        const why = "no sourced price in plan/cost/prices/aws.ts";
        b.note(`not priced: ${[...new Set(missing)].join("; ")} (${why})`);
      }
      if (missing.length > 0 && priced === 0) return b.done({ notPriced: true });
      return b.done(missing.length > 0 ? { partial: true } : {});
    },
  };
}

/**
 * A number input, or a default when absent; `undefined` when the value is unknown until apply.
 *
 * @example
 * ```ts
 * numberOr(input.read, "memorySize", 128); // 128 when unset
 * ```
 */
export function numberOr(read: EstimateInput["read"], path: string, fallback: number): number | undefined {
  const v = read.num(path);
  if (typeof v === "number") return v;
  return v === undefined ? fallback : undefined;
}

/**
 * A string input, or a default when absent; `undefined` when unknown until apply.
 *
 * @example
 * ```ts
 * stringOr(input.read, "engine", "redis"); // "valkey"
 * ```
 */
export function stringOr(read: EstimateInput["read"], path: string, fallback: string): string | undefined {
  const v = read.str(path);
  if (typeof v === "string") return v;
  return v === undefined ? fallback : undefined;
}
