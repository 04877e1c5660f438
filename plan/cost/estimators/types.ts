import type { InputReader } from "../inputs";
import type { GlobalPrices } from "../prices";
import { regionPrices, type RegionPricing } from "../regions";
import type { ResourceUsage } from "../usage";
import { formatRate, formatUsd } from "../format";

/** An amount in a note: cents, or the exact figure when it is under a cent (`$0.003`). */
const noteAmount = (amount: number): string =>
  amount > 0 && amount < 0.005 ? formatRate(Math.round(amount * 1e6) / 1e6) : formatUsd(amount);

/**
 * Free allowances drawn down across one estimate (one side of a plan), in resource order.
 *
 * @example
 * ```ts
 * freeTierPool({ [FreeTierKey.runRequests]: 2_000_000 }).left(FreeTierKey.runRequests); // 2,000,000
 * ```
 */
export const FreeTierKey = {
  runRequestVcpuSeconds: "runRequestVcpuSeconds",
  runRequestGibSeconds: "runRequestGibSeconds",
  runRequests: "runRequests",
  runInstanceVcpuSeconds: "runInstanceVcpuSeconds",
  runInstanceGibSeconds: "runInstanceGibSeconds",
  runEgressGib: "runEgressGib",
  secretVersions: "secretVersions",
  secretAccesses: "secretAccesses",
  secretRotationNotifications: "secretRotationNotifications",
  uptimeExecutions: "uptimeExecutions",
  /** Not free: HSM RSA-3072+/EC key versions still billed at the first-2,000 rate ($2.50). */
  kmsHsmLargeFirstTier: "kmsHsmLargeFirstTier",
  awsLambdaRequests: "awsLambdaRequests",
  awsLambdaGbSeconds: "awsLambdaGbSeconds",
  awsKmsRequests: "awsKmsRequests",
  awsAlarmMetrics: "awsAlarmMetrics",
  awsDashboards: "awsDashboards",
  awsLogIngestGb: "awsLogIngestGb",
  awsBudgets: "awsBudgets",
  awsManagementEventCopies: "awsManagementEventCopies",
} as const;
/** A free-tier pool. */
export type FreeTierKey = (typeof FreeTierKey)[keyof typeof FreeTierKey];

/**
 * A set of free allowances that estimators draw from.
 *
 * @example
 * ```ts
 * const pool: FreeTierPool = freeTierFor(usage);
 * pool.take("secretVersions", 1); // 1 billable unless the Secret Manager free tier is on
 * ```
 */
export interface FreeTierPool {
  /** Draws `quantity` from the pool; returns the part that is billable (0 when fully covered). */
  take(key: FreeTierKey, quantity: number): number;
  /** What is left in a pool. */
  left(key: FreeTierKey): number;
}

/**
 * A pool with the given allowances (absent keys have none).
 *
 * @example
 * ```ts
 * const pool = freeTierPool({ runRequests: 2_000_000 });
 * pool.take("runRequests", 3_000_000); // 1_000_000 billable
 * pool.take("runRequests", 5); // 5
 * ```
 */
export function freeTierPool(allowances: Partial<Record<FreeTierKey, number>>): FreeTierPool {
  const left: Partial<Record<FreeTierKey, number>> = { ...allowances };
  return {
    take(key, quantity) {
      const have = left[key] ?? 0;
      const covered = Math.min(have, Math.max(0, quantity));
      left[key] = have - covered;
      return quantity - covered;
    },
    left: (key) => left[key] ?? 0,
  };
}

/**
 * What an estimator gets for one resource.
 *
 * @example
 * ```ts
 * estimateRedis({ urn, type, name, read: reader({ memorySizeGb: 1 }), usage: DEFAULT_USAGE, region: "us-central1", global: PRICES.global, free: freeTierFor(DEFAULT_USAGE) });
 * ```
 */
export interface EstimateInput {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  /** The resource's inputs. */
  readonly read: InputReader;
  /** Usage figures for this resource (file defaults with its per-resource overrides). */
  readonly usage: ResourceUsage;
  /** The region the estimate runs for (`options.region`). */
  readonly region: string;
  readonly global: GlobalPrices;
  readonly free: FreeTierPool;
  /**
   * The other resources on the same side of the estimate (for lookups such as "the secret this
   * version belongs to"). @default []
   */
  readonly related?: readonly RelatedResource[];
  /**
   * Inputs of the other resources of a type under the same component (nearest `platform:*`
   * parent), for prices that live on a neighbour (an Aurora instance's ACU range is on its
   * cluster). Absent when the caller has no such view.
   */
  readonly siblings?: (type: string) => readonly SiblingResource[];
}

/**
 * A resource another estimator may look up.
 *
 * @example
 * ```ts
 * input.related?.find((r) => r.type === SECRET_TYPE && r.name === "db-password-secret");
 * ```
 */
export interface RelatedResource {
  readonly type: string;
  readonly name: string;
  readonly parent?: string;
  readonly inputs?: unknown;
}

/**
 * A neighbouring resource as an estimator sees it.
 *
 * @example
 * ```ts
 * const cluster: SiblingResource | undefined = input.siblings?.("aws:rds/cluster:Cluster")[0];
 * ```
 */
export interface SiblingResource {
  readonly urn: string;
  readonly name: string;
  readonly read: InputReader;
}

/**
 * One resource's monthly cost, split like Infracost's: always-on baseline and usage-driven.
 *
 * @example
 * ```ts
 * const e: Estimate = { baseline: 35.77, usage: 0, notes: ["BASIC M1: 1 GB × $0.049/GB-h × 730 h = $35.77"] };
 * ```
 */
export interface Estimate {
  readonly baseline: number;
  readonly usage: number;
  /** How each figure was computed, what was assumed, what was unknown. */
  readonly notes: readonly string[];
  /** True when this configuration has no price in the table (the line is then listed as not priced). */
  readonly notPriced?: boolean;
  /** True when part of the cost has no price in the table (the line counts as priced in part). */
  readonly partial?: boolean;
}

/**
 * Prices one resource type from its inputs. Pure apart from drawing on `input.free`.
 *
 * @example
 * ```ts
 * const budget: Estimator = free("Cloud Billing budgets have no fee");
 * ```
 */
export type Estimator = (input: EstimateInput) => Estimate;

/**
 * Accumulates cost components and their notes.
 *
 * @example
 * ```ts
 * const b = bill();
 * b.baseline(7.665, "db-f1-micro: $0.0105/h × 730 h");
 * b.done(); // { baseline: 7.665, usage: 0, notes: ["db-f1-micro: $0.0105/h × 730 h = $7.67"] }
 * ```
 */
export function bill() {
  let baseline = 0;
  let usage = 0;
  // Amounts are formatted into their notes when the notes are read: a review prints none, and a
  // 100,000-step plan formats some 200,000 amounts otherwise.
  const parts: Array<string | { readonly note: string; readonly amount: number; readonly usage: boolean }> =
    [];
  let notes: string[] | undefined;
  const text = (p: (typeof parts)[number]): string =>
    typeof p === "string" ? p : `${p.note} = ${noteAmount(p.amount)}${p.usage ? " (usage)" : ""}`;
  return {
    /** Adds an always-on amount; the note gets ` = $x.xx` appended. */
    baseline(amount: number, note: string): void {
      baseline += amount;
      parts.push({ note, amount, usage: false });
    },
    /** Adds a usage-driven amount; the note gets ` = $x.xx` appended. */
    usage(amount: number, note: string): void {
      usage += amount;
      parts.push({ note, amount, usage: true });
    },
    note(text: string): void {
      parts.push(text);
    },
    done(extra: { notPriced?: boolean; partial?: boolean } = {}): Estimate {
      return {
        baseline,
        usage,
        get notes(): readonly string[] {
          return (notes ??= parts.map(text));
        },
        ...(extra.notPriced ? { notPriced: true } : {}),
        ...(extra.partial ? { partial: true } : {}),
      };
    },
  };
}

/**
 * The regional prices for a resource: its own region input when known, else the estimate's region.
 * A service without figures there is absent: the estimator marks the line not priced with
 * `prices.missing(service)` as the note (see `regionPrices`; nothing falls back to us-central1).
 *
 * @example
 * ```ts
 * const { prices } = pricesFor(input, "region");
 * if (!prices.cloudSql) { b.note(prices.missing("cloudSql")); return b.done({ notPriced: true }); }
 * ```
 */
export function pricesFor(
  input: EstimateInput,
  regionPath: string,
): { readonly prices: RegionPricing; readonly region: string } {
  const own = input.read.str(regionPath);
  const wanted = typeof own === "string" && own.length > 0 ? own : input.region;
  return { prices: regionPrices(wanted), region: wanted };
}

/**
 * Free resource: priced at exactly 0 with the reason as a note.
 *
 * @example
 * ```ts
 * free("Cloud Billing budgets have no fee")(input); // { baseline: 0, usage: 0, notes: ["free: Cloud Billing budgets have no fee"] }
 * ```
 */
export function free(reason: string): Estimator {
  return () => ({ baseline: 0, usage: 0, notes: [`free: ${reason}`] });
}
