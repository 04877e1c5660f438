import { SECONDS_PER_MONTH } from "../../prices/gcp";
import { NOT_KNOWN } from "../../inputs";
import { formatQty, formatRate } from "../../format";
import { durationSeconds } from "../../../../components/shared/durations";
import { bill, FreeTierKey, type Estimate, type EstimateInput } from "../types";

/**
 * Type token of an uptime check.
 *
 * @example
 * ```ts
 * ESTIMATORS[UPTIME_CHECK_TYPE] === estimateUptimeCheck; // true
 * ```
 */
export const UPTIME_CHECK_TYPE = "gcp:monitoring/uptimeCheckConfig:UptimeCheckConfig";

/** Checker locations per selectable uptime region (`USA` covers Oregon, Iowa and Virginia). */
const LOCATIONS_PER_REGION: Readonly<Record<string, number>> = { USA: 3 };
/**
 * Checker locations when `selectedRegions` is empty (all regions).
 *
 * @example
 * ```ts
 * uptimeExecutions(60, ALL_UPTIME_LOCATIONS); // 262,800
 * ```
 */
export const ALL_UPTIME_LOCATIONS = 6;
/**
 * The provider's default check period.
 *
 * @example
 * ```ts
 * durationSeconds(DEFAULT_UPTIME_PERIOD); // 300
 * ```
 */
export const DEFAULT_UPTIME_PERIOD = "300s";

/**
 * Uptime check executions per month: (2,628,000 s / period) × checker locations.
 *
 * @example
 * ```ts
 * uptimeExecutions(60, 6); // 262,800
 * ```
 */
export function uptimeExecutions(periodSeconds: number, locations: number): number {
  return (SECONDS_PER_MONTH / periodSeconds) * locations;
}

/**
 * Prices an uptime check: its executions (period default 300 s, from every selected region; all 6
 * locations when none is selected) beyond the 1,000,000 free per project per month, at $0.30 per
 * 1,000. Priced as baseline: the volume follows from the config, not from traffic.
 *
 * @example
 * ```ts
 * estimateUptimeCheck(input); // 60 s from all regions → 262,800 executions, within the free allowance → $0
 * ```
 */
export function estimateUptimeCheck(input: EstimateInput): Estimate {
  const r = input.read;
  const b = bill();
  const periodIn = r.str("period");
  if (periodIn === NOT_KNOWN) b.note(`period unknown: priced at the default ${DEFAULT_UPTIME_PERIOD}`);
  const period = durationSeconds(typeof periodIn === "string" ? periodIn : DEFAULT_UPTIME_PERIOD) ?? 300;
  const regions = r.list("selectedRegions");
  if (regions === NOT_KNOWN) b.note("selectedRegions unknown: priced as all regions");
  const locations =
    Array.isArray(regions) && regions.length > 0
      ? regions.reduce<number>(
          (n, reg) => n + (typeof reg === "string" ? (LOCATIONS_PER_REGION[reg] ?? 1) : 1),
          0,
        )
      : ALL_UPTIME_LOCATIONS;
  const executions = uptimeExecutions(period, locations);
  const billable = input.free.take(FreeTierKey.uptimeExecutions, executions);
  const rate = input.global.monitoring.thousandUptimeExecutions.usd;
  b.baseline(
    (billable / 1000) * rate,
    `${formatQty(executions)} executions/mo (every ${formatQty(period)} s from ${locations} locations), ${formatQty(billable)} beyond the free 1M/project × ${formatRate(rate)}/1k`,
  );
  return b.done();
}
