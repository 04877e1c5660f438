import { PlatformError } from "../../components/shared/errors";
import { formatUsd } from "./format";

/**
 * Outcomes of a budget check.
 *
 * @example
 * ```ts
 * checkBudget(25, { amount: 20, thresholds: [0.5] }).status === BudgetStatus.fail; // true
 * ```
 */
export const BudgetStatus = { ok: "ok", warn: "warn", fail: "fail" } as const;
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
  /**
   * Types the total leaves out (not priced): the total is partial, so a verdict under the
   * thresholds is only a warning, and the message says what is missing. @default []
   */
  readonly notPriced?: readonly string[];
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
export function checkBudget(total: number, budget: BudgetRule): BudgetCheck {
  const failAbove = budget.failAbove ?? 1.0;
  const problems: string[] = [];
  if (!(Number.isFinite(budget.amount) && budget.amount > 0))
    problems.push(`amount must be a number > 0, got ${budget.amount}`);
  for (const t of budget.thresholds) {
    if (!(Number.isFinite(t) && t > 0))
      problems.push(`thresholds must be fractions > 0 (0.5 = 50%), got ${t}`);
  }
  if (!(Number.isFinite(failAbove) && failAbove > 0))
    problems.push(`failAbove must be a fraction > 0, got ${failAbove}`);
  if (!Number.isFinite(total)) problems.push(`total must be a number, got ${total}`);
  if (problems.length > 0) throw new PlatformError(`checkBudget: ${problems.join("; ")}`);

  const ratio = total / budget.amount;
  const missing = budget.notPriced ?? [];
  const partial =
    missing.length > 0 ? `; partial total: ${missing.join(", ")} not priced (the real total is higher)` : "";
  const head = `${formatUsd(total)}/month is ${pct(ratio)} of the ${formatUsd(budget.amount)} budget`;
  if (ratio > failAbove)
    return {
      status: BudgetStatus.fail,
      ratio,
      message: `${head}: above the ${pct(failAbove)} limit${partial}`,
    };
  const sorted = [...budget.thresholds].sort((a, b) => a - b);
  const crossed = sorted.filter((t) => ratio >= t);
  if (crossed.length > 0) {
    return {
      status: BudgetStatus.warn,
      ratio,
      message: `${head}: reaches the ${pct(crossed.at(-1)!)} threshold${partial}`,
    };
  }
  const first = sorted[0];
  return {
    // A partial total under the thresholds proves nothing: a warning, not a pass.
    status: missing.length > 0 ? BudgetStatus.warn : BudgetStatus.ok,
    ratio,
    message: `${first === undefined ? head : `${head}: under the first threshold (${pct(first)})`}${partial}`,
  };
}

function pct(fraction: number): string {
  return `${Math.round(fraction * 1000) / 10}%`;
}
