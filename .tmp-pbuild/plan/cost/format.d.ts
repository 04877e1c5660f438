/** Money formatting for cost lines, reports and PR comments. USD, en-US grouping. */
/**
 * A monthly amount: `$1,234.56`, `-$3.50`.
 *
 * @example
 * ```ts
 * formatUsd(1234.561); // "$1,234.56"
 * formatUsd(-3.5); // "-$3.50"
 * ```
 */
export declare function formatUsd(amount: number): string;
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
export declare function formatDelta(amount: number): string;
/**
 * A relative change: `+12%`, `-3.5%`, `0%`; `new` when there was nothing before.
 *
 * @example
 * ```ts
 * formatPercentDelta(100, 112); // "+12%"
 * formatPercentDelta(0, 5); // "new"
 * ```
 */
export declare function formatPercentDelta(before: number, after: number): string;
/**
 * A unit price with as many decimals as it needs (up to 7): `$0.0413`, `$0.000024`, `$0.17`.
 *
 * @example
 * ```ts
 * formatRate(0.000024); // "$0.000024"
 * formatRate(0.17); // "$0.17"
 * ```
 */
export declare function formatRate(usd: number): string;
/**
 * A quantity for notes: grouped, at most 3 decimals.
 *
 * @example
 * ```ts
 * formatQty(262800); // "262,800"
 * formatQty(3.75); // "3.75"
 * ```
 */
export declare function formatQty(value: number): string;
