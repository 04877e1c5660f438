"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_UPTIME_PERIOD = exports.ALL_UPTIME_LOCATIONS = exports.UPTIME_CHECK_TYPE = void 0;
exports.uptimeExecutions = uptimeExecutions;
exports.estimateUptimeCheck = estimateUptimeCheck;
const prices_1 = require("../prices");
const inputs_1 = require("../inputs");
const format_1 = require("../format");
const durations_1 = require("../../../components/shared/durations");
const types_1 = require("./types");
/**
 * Type token of an uptime check.
 *
 * @example
 * ```ts
 * ESTIMATORS[UPTIME_CHECK_TYPE] === estimateUptimeCheck; // true
 * ```
 */
exports.UPTIME_CHECK_TYPE = "gcp:monitoring/uptimeCheckConfig:UptimeCheckConfig";
/** Checker locations per selectable uptime region (`USA` covers Oregon, Iowa and Virginia). */
const LOCATIONS_PER_REGION = { USA: 3 };
/**
 * Checker locations when `selectedRegions` is empty (all regions).
 *
 * @example
 * ```ts
 * uptimeExecutions(60, ALL_UPTIME_LOCATIONS); // 262,800
 * ```
 */
exports.ALL_UPTIME_LOCATIONS = 6;
/**
 * The provider's default check period.
 *
 * @example
 * ```ts
 * durationSeconds(DEFAULT_UPTIME_PERIOD); // 300
 * ```
 */
exports.DEFAULT_UPTIME_PERIOD = "300s";
/**
 * Uptime check executions per month: (2,628,000 s / period) × checker locations.
 *
 * @example
 * ```ts
 * uptimeExecutions(60, 6); // 262,800
 * ```
 */
function uptimeExecutions(periodSeconds, locations) {
    return (prices_1.SECONDS_PER_MONTH / periodSeconds) * locations;
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
function estimateUptimeCheck(input) {
    const r = input.read;
    const b = (0, types_1.bill)();
    const periodIn = r.str("period");
    if (periodIn === inputs_1.NOT_KNOWN)
        b.note(`period unknown: priced at the default ${exports.DEFAULT_UPTIME_PERIOD}`);
    const period = (0, durations_1.durationSeconds)(typeof periodIn === "string" ? periodIn : exports.DEFAULT_UPTIME_PERIOD) ?? 300;
    const regions = r.list("selectedRegions");
    if (regions === inputs_1.NOT_KNOWN)
        b.note("selectedRegions unknown: priced as all regions");
    const locations = Array.isArray(regions) && regions.length > 0
        ? regions.reduce((n, reg) => n + (typeof reg === "string" ? (LOCATIONS_PER_REGION[reg] ?? 1) : 1), 0)
        : exports.ALL_UPTIME_LOCATIONS;
    const executions = uptimeExecutions(period, locations);
    const billable = input.free.take(types_1.FreeTierKey.uptimeExecutions, executions);
    const rate = input.global.monitoring.thousandUptimeExecutions.usd;
    b.baseline((billable / 1000) * rate, `${(0, format_1.formatQty)(executions)} executions/mo (every ${(0, format_1.formatQty)(period)} s from ${locations} locations), ${(0, format_1.formatQty)(billable)} beyond the free 1M/project × ${(0, format_1.formatRate)(rate)}/1k`);
    return b.done();
}
//# sourceMappingURL=monitoring.js.map