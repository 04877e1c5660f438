"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BudgetStatus = void 0;
exports.checkBudget = checkBudget;
const errors_1 = require("../../components/shared/errors");
const format_1 = require("./format");
/**
 * Outcomes of a budget check.
 *
 * @example
 * ```ts
 * checkBudget(25, { amount: 20, thresholds: [0.5] }).status === BudgetStatus.fail; // true
 * ```
 */
exports.BudgetStatus = { ok: "ok", warn: "warn", fail: "fail" };
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
function checkBudget(total, budget) {
    const failAbove = budget.failAbove ?? 1.0;
    const problems = [];
    if (!(Number.isFinite(budget.amount) && budget.amount > 0))
        problems.push(`amount must be a number > 0, got ${budget.amount}`);
    for (const t of budget.thresholds) {
        if (!(Number.isFinite(t) && t > 0))
            problems.push(`thresholds must be fractions > 0 (0.5 = 50%), got ${t}`);
    }
    if (!(Number.isFinite(failAbove) && failAbove > 0))
        problems.push(`failAbove must be a fraction > 0, got ${failAbove}`);
    if (!Number.isFinite(total))
        problems.push(`total must be a number, got ${total}`);
    if (problems.length > 0)
        throw new errors_1.PlatformError(`checkBudget: ${problems.join("; ")}`);
    const ratio = total / budget.amount;
    const head = `${(0, format_1.formatUsd)(total)}/month is ${pct(ratio)} of the ${(0, format_1.formatUsd)(budget.amount)} budget`;
    if (ratio > failAbove)
        return { status: exports.BudgetStatus.fail, ratio, message: `${head}: above the ${pct(failAbove)} limit` };
    const sorted = [...budget.thresholds].sort((a, b) => a - b);
    const crossed = sorted.filter((t) => ratio >= t);
    if (crossed.length > 0) {
        return {
            status: exports.BudgetStatus.warn,
            ratio,
            message: `${head}: reaches the ${pct(crossed.at(-1))} threshold`,
        };
    }
    const first = sorted[0];
    return {
        status: exports.BudgetStatus.ok,
        ratio,
        message: first === undefined ? head : `${head}: under the first threshold (${pct(first)})`,
    };
}
function pct(fraction) {
    return `${Math.round(fraction * 1000) / 10}%`;
}
//# sourceMappingURL=budget.js.map