/**
 * Exit codes of the `platform` CLI: 2 = bad input (before any engine call), 3 = blocked by a guard,
 * the budget or a lock, 130 = aborted (Ctrl-C).
 */
export const ExitCode = { ok: 0, failed: 1, usage: 2, blocked: 3, aborted: 130 } as const;
/** An exit code. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
