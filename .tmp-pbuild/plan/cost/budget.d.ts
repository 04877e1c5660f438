/**
 * Outcomes of a budget check.
 *
 * @example
 * ```ts
 * checkBudget(25, { amount: 20, thresholds: [0.5] }).status === BudgetStatus.fail; // true
 * ```
 */
export declare const BudgetStatus: {
    readonly ok: "ok";
    readonly warn: "warn";
    readonly fail: "fail";
};
/** A budget check outcome. */
export type BudgetStatus = (typeof BudgetStatus)[keyof typeof BudgetStatus];
/**
 * An environment's monthly budget and when to complain.
 *
 * @example
 * ```ts
 * const rule: BudgetRule = { amount: 20, thresholds: [0.5, 0.9, 1], failAbove: 1.0 };
 * ```
 */
export interface BudgetRule {
    /** USD per month, > 0. */
    readonly amount: number;
    /** Alert thresholds as fractions of `amount` (0.5 = 50%), like Cloud Billing budget rules. */
    readonly thresholds: readonly number[];
    /** Fail when the total exceeds this fraction of `amount`. @default 1.0 */
    readonly failAbove?: number;
}
/**
 * The verdict of {@link checkBudget}.
 *
 * @example
 * ```ts
 * const { status, message }: BudgetCheck = checkBudget(est.total, rule);
 * ```
 */
export interface BudgetCheck {
    readonly status: BudgetStatus;
    /** total / amount. */
    readonly ratio: number;
    /** One line for a report, e.g. `$21.40/month is 107% of the $20.00 budget: above the 100% limit`. */
    readonly message: string;
}
/**
 * Checks a projected monthly total against a budget: `fail` when the ratio exceeds `failAbove`
 * (strictly), `warn` when it reaches the lowest threshold (≥, as Cloud Billing alerts do), else `ok`.
 * Throws a PlatformError for a budget that cannot be checked (amount ≤ 0, a threshold ≤ 0).
 *
 * @example
 * ```ts
 * checkBudget(9.53, { amount: 20, thresholds: [0.5, 0.9, 1] }); // { status: "ok", ratio: 0.4765, … }
 * checkBudget(18, { amount: 20, thresholds: [0.5, 0.9, 1] }).message; // "$18.00/month is 90% of the $20.00 budget: reaches the 90% threshold"
 * checkBudget(25, { amount: 20, thresholds: [0.5] }).status; // "fail"
 * ```
 */
export declare function checkBudget(total: number, budget: BudgetRule): BudgetCheck;
