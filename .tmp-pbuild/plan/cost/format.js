"use strict";
/** Money formatting for cost lines, reports and PR comments. USD, en-US grouping. */
Object.defineProperty(exports, "__esModule", { value: true });
exports.formatUsd = formatUsd;
exports.formatDelta = formatDelta;
exports.formatPercentDelta = formatPercentDelta;
exports.formatRate = formatRate;
exports.formatQty = formatQty;
const CENTS = new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
});
/** Rounds to cents, turning -0 into 0 so "-$0.00" never appears. */
function cents(amount) {
    const r = Math.round(amount * 100) / 100;
    return Object.is(r, -0) ? 0 : r;
}
/**
 * A monthly amount: `$1,234.56`, `-$3.50`.
 *
 * @example
 * ```ts
 * formatUsd(1234.561); // "$1,234.56"
 * formatUsd(-3.5); // "-$3.50"
 * ```
 */
function formatUsd(amount) {
    if (!Number.isFinite(amount))
        return String(amount);
    return CENTS.format(cents(amount));
}
/**
 * A change, always signed unless it rounds to zero: `+$12.00`, `-$3.50`, `$0.00`.
 *
 * @example
 * ```ts
 * formatDelta(12); // "+$12.00"
 * formatDelta(-3.5); // "-$3.50"
 * formatDelta(0.001); // "$0.00"
 * ```
 */
function formatDelta(amount) {
    if (!Number.isFinite(amount))
        return String(amount);
    const c = cents(amount);
    return c > 0 ? `+${CENTS.format(c)}` : CENTS.format(c);
}
/**
 * A relative change: `+12%`, `-3.5%`, `0%`; `new` when there was nothing before.
 *
 * @example
 * ```ts
 * formatPercentDelta(100, 112); // "+12%"
 * formatPercentDelta(0, 5); // "new"
 * ```
 */
function formatPercentDelta(before, after) {
    if (before === 0)
        return after === 0 ? "0%" : "new";
    const pct = Math.round(((after - before) / Math.abs(before)) * 1000) / 10;
    if (pct === 0 || Object.is(pct, -0))
        return "0%";
    return `${pct > 0 ? "+" : ""}${pct}%`;
}
/**
 * A unit price with as many decimals as it needs (up to 7): `$0.0413`, `$0.000024`, `$0.17`.
 *
 * @example
 * ```ts
 * formatRate(0.000024); // "$0.000024"
 * formatRate(0.17); // "$0.17"
 * ```
 */
function formatRate(usd) {
    if (!Number.isFinite(usd))
        return String(usd);
    const fixed = Math.abs(usd).toFixed(7).replace(/0+$/, "").replace(/\.$/, "");
    const [int, frac = ""] = fixed.split(".");
    const padded = frac.length < 2 ? frac.padEnd(2, "0") : frac;
    return `${usd < 0 ? "-" : ""}$${Number(int).toLocaleString("en-US")}.${padded}`;
}
/**
 * A quantity for notes: grouped, at most 3 decimals.
 *
 * @example
 * ```ts
 * formatQty(262800); // "262,800"
 * formatQty(3.75); // "3.75"
 * ```
 */
function formatQty(value) {
    return value.toLocaleString("en-US", { maximumFractionDigits: 3 });
}
//# sourceMappingURL=format.js.map