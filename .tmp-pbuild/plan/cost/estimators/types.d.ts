import type { InputReader } from "../inputs";
import type { GlobalPrices, RegionPrices } from "../prices";
import type { ResourceUsage } from "../usage";
/**
 * Free allowances drawn down across one estimate (one side of a plan), in resource order.
 *
 * @example
 * ```ts
 * freeTierPool({ [FreeTierKey.runRequests]: 2_000_000 }).left(FreeTierKey.runRequests); // 2,000,000
 * ```
 */
export declare const FreeTierKey: {
    readonly runRequestVcpuSeconds: "runRequestVcpuSeconds";
    readonly runRequestGibSeconds: "runRequestGibSeconds";
    readonly runRequests: "runRequests";
    readonly runInstanceVcpuSeconds: "runInstanceVcpuSeconds";
    readonly runInstanceGibSeconds: "runInstanceGibSeconds";
    readonly runEgressGib: "runEgressGib";
    readonly secretVersions: "secretVersions";
    readonly secretAccesses: "secretAccesses";
    readonly secretRotationNotifications: "secretRotationNotifications";
    readonly uptimeExecutions: "uptimeExecutions";
};
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
export declare function freeTierPool(allowances: Partial<Record<FreeTierKey, number>>): FreeTierPool;
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
export declare function bill(): {
    /** Adds an always-on amount; the note gets ` = $x.xx` appended. */
    baseline(amount: number, note: string): void;
    /** Adds a usage-driven amount; the note gets ` = $x.xx` appended. */
    usage(amount: number, note: string): void;
    note(text: string): void;
    done(extra?: {
        notPriced?: boolean;
    }): Estimate;
};
/**
 * The regional prices for a resource: its own region input when known, else the estimate's region.
 * Adds a note when the region is not in the table (see `regionPrices`).
 *
 * @example
 * ```ts
 * const { prices } = pricesFor(input, "region", b);
 * ```
 */
export declare function pricesFor(input: EstimateInput, regionPath: string, b: {
    note(text: string): void;
}): {
    readonly prices: RegionPrices;
    readonly region: string;
};
/**
 * Free resource: priced at exactly 0 with the reason as a note.
 *
 * @example
 * ```ts
 * free("Cloud Billing budgets have no fee")(input); // { baseline: 0, usage: 0, notes: ["free: Cloud Billing budgets have no fee"] }
 * ```
 */
export declare function free(reason: string): Estimator;
