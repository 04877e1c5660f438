import type { Changes, EnvResult, RunResult } from "./types";
/**
 * A change summary in one cell: `"unknown"` stays unknown, `{}` (or only unchanged resources) is
 * `"no changes"`.
 *
 * @example
 * ```ts
 * formatChanges({ create: 3, update: 1, same: 12 }); // "+3 create, ~1 update, 12 same"
 * formatChanges("unknown"); // "unknown"
 * ```
 */
export declare function formatChanges(changes: Changes): string;
/**
 * Milliseconds for people.
 *
 * @example
 * ```ts
 * formatDuration(125_400); // "2m05s"
 * ```
 */
export declare function formatDuration(ms: number): string;
/**
 * The summary table.
 *
 * @example
 * ```ts
 * renderSummaryTable(run);
 * // env      result     changes              duration
 * // dev      succeeded  +12 create, 1 same   14.2s
 * ```
 */
export declare function renderSummaryTable(run: RunResult): string;
/** The details of one environment (empty when there is nothing to add to the table). */
export declare function renderDetails(r: EnvResult, { showOutputs }: {
    showOutputs: boolean;
}): string;
/**
 * The whole text report: the table, then details per environment.
 *
 * @example
 * ```ts
 * process.stdout.write(`${renderRun(run, { showOutputs: run.verb === "outputs" })}\n`);
 * ```
 */
export declare function renderRun(run: RunResult, { showOutputs }: {
    showOutputs: boolean;
}): string;
