import { type Estimate, type EstimateInput } from "./types";
/**
 * Type token of an uptime check.
 *
 * @example
 * ```ts
 * ESTIMATORS[UPTIME_CHECK_TYPE] === estimateUptimeCheck; // true
 * ```
 */
export declare const UPTIME_CHECK_TYPE = "gcp:monitoring/uptimeCheckConfig:UptimeCheckConfig";
/**
 * Checker locations when `selectedRegions` is empty (all regions).
 *
 * @example
 * ```ts
 * uptimeExecutions(60, ALL_UPTIME_LOCATIONS); // 262,800
 * ```
 */
export declare const ALL_UPTIME_LOCATIONS = 6;
/**
 * The provider's default check period.
 *
 * @example
 * ```ts
 * durationSeconds(DEFAULT_UPTIME_PERIOD); // 300
 * ```
 */
export declare const DEFAULT_UPTIME_PERIOD = "300s";
/**
 * Uptime check executions per month: (2,628,000 s / period) × checker locations.
 *
 * @example
 * ```ts
 * uptimeExecutions(60, 6); // 262,800
 * ```
 */
export declare function uptimeExecutions(periodSeconds: number, locations: number): number;
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
export declare function estimateUptimeCheck(input: EstimateInput): Estimate;
