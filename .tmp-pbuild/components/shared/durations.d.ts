/** Seconds in a day. */
export declare const DAY_SECONDS = 86400;
/**
 * Days → a protobuf Duration string as GCP APIs want it (`"7776000s"` for 90 days).
 *
 * @example
 * ```ts
 * daysToDuration(90); // "7776000s"
 * ```
 */
export declare function daysToDuration(days: number): string;
/**
 * Parses a protobuf Duration string (`"7776000s"`, `"3.5s"`) into seconds; undefined when it is not one.
 *
 * @example
 * ```ts
 * durationSeconds("86400s"); // 86400
 * ```
 */
export declare function durationSeconds(value: string): number | undefined;
/**
 * Parses a human duration (`"90s"`, `"5m"`, `"2h"`, `"1h30m"`, `"1500ms"`) into milliseconds.
 * Used for CLI flags such as `--wait-for-lock 5m`.
 *
 * @example
 * ```ts
 * parseHumanDuration("1h30m"); // 5_400_000
 * ```
 */
export declare function parseHumanDuration(value: string): number | undefined;
