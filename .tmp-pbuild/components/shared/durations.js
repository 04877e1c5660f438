"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DAY_SECONDS = void 0;
exports.daysToDuration = daysToDuration;
exports.durationSeconds = durationSeconds;
exports.parseHumanDuration = parseHumanDuration;
/** Seconds in a day. */
exports.DAY_SECONDS = 86_400;
/**
 * Days → a protobuf Duration string as GCP APIs want it (`"7776000s"` for 90 days).
 *
 * @example
 * ```ts
 * daysToDuration(90); // "7776000s"
 * ```
 */
function daysToDuration(days) {
    if (!Number.isFinite(days) || days <= 0)
        throw new RangeError(`days must be a positive number, got ${days}`);
    return `${Math.round(days * exports.DAY_SECONDS)}s`;
}
/**
 * Parses a protobuf Duration string (`"7776000s"`, `"3.5s"`) into seconds; undefined when it is not one.
 *
 * @example
 * ```ts
 * durationSeconds("86400s"); // 86400
 * ```
 */
function durationSeconds(value) {
    const m = /^(\d+(?:\.\d+)?)s$/.exec(value.trim());
    return m ? Number(m[1]) : undefined;
}
/**
 * Parses a human duration (`"90s"`, `"5m"`, `"2h"`, `"1h30m"`, `"1500ms"`) into milliseconds.
 * Used for CLI flags such as `--wait-for-lock 5m`.
 *
 * @example
 * ```ts
 * parseHumanDuration("1h30m"); // 5_400_000
 * ```
 */
function parseHumanDuration(value) {
    const units = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
    const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/y;
    const text = value.trim();
    if (text.length === 0)
        return undefined;
    let total = 0;
    re.lastIndex = 0;
    while (re.lastIndex < text.length) {
        const start = re.lastIndex;
        const m = re.exec(text);
        if (!m || m.index !== start)
            return undefined;
        total += Number(m[1]) * units[m[2]];
    }
    return total;
}
//# sourceMappingURL=durations.js.map