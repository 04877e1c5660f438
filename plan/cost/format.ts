/** Money formatting for cost lines, reports and PR comments. USD, en-US grouping. */

const CENTS = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** Rounds to cents, turning -0 into 0 so "-$0.00" never appears. */
function cents(amount: number): number {
  const r = Math.round(amount * 100) / 100;
  return Object.is(r, -0) ? 0 : r;
}

/**
 * A monthly amount: `$1,234.56`, `-$3.50`; other currencies as `1,234.56 EUR`.
 *
 * @example
 * ```ts
 * formatMoney(1234.561); // "$1,234.56"
 * formatMoney(-3.5); // "-$3.50"
 * formatMoney(12, "EUR"); // "12.00 EUR"
 * ```
 */
export function formatMoney(amount: number, currency = "USD"): string {
  if (!Number.isFinite(amount)) return String(amount);
  const c = cents(amount);
  if (currency === "USD") return CENTS.format(c);
  const digits = CENT_DIGITS.format(Math.abs(c));
  return `${c < 0 ? "-" : ""}${digits} ${currency}`;
}

/** {@link formatMoney} in USD. */
export function formatUsd(amount: number): string {
  return formatMoney(amount);
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
export function formatDelta(amount: number, currency = "USD"): string {
  if (!Number.isFinite(amount)) return String(amount);
  const text = formatMoney(amount, currency);
  return cents(amount) > 0 ? `+${text}` : text;
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
export function formatPercentDelta(before: number, after: number): string {
  if (before === 0) return after === 0 ? "0%" : "new";
  const pct = Math.round(((after - before) / Math.abs(before)) * 1000) / 10;
  if (pct === 0 || Object.is(pct, -0)) return "0%";
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
export function formatRate(usd: number): string {
  if (!Number.isFinite(usd)) return String(usd);
  return remembered(RATES, usd, rateText);
}

function rateText(usd: number): string {
  const fixed = Math.abs(usd).toFixed(7).replace(/0+$/, "").replace(/\.$/, "");
  const [int, frac = ""] = fixed.split(".");
  const padded = frac.length < 2 ? frac.padEnd(2, "0") : frac;
  return `${usd < 0 ? "-" : ""}$${INTEGER.format(Number(int))}.${padded}`;
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
export function formatQty(value: number): string {
  return remembered(QTYS, value, (v) => QTY.format(v));
}

// Every priced resource formats its rates and sizes into its notes, and a large plan repeats the
// same few numbers: remember the recent texts (bounded, so odd values cannot grow it).
const RATES = new Map<number, string>();
const QTYS = new Map<number, string>();
const REMEMBERED = 4096;

function remembered(memo: Map<number, string>, value: number, format: (v: number) => string): string {
  // A Map does not tell -0 from 0, and a formatter may ("-0").
  if (Object.is(value, -0)) return format(value);
  let text = memo.get(value);
  if (text === undefined) {
    if (memo.size >= REMEMBERED) memo.clear();
    text = format(value);
    memo.set(value, text);
  }
  return text;
}

// One formatter each: `toLocaleString` builds a new one per call (seconds over a 100,000-step plan).
const INTEGER = new Intl.NumberFormat("en-US");
const QTY = new Intl.NumberFormat("en-US", { maximumFractionDigits: 3 });
const CENT_DIGITS = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
