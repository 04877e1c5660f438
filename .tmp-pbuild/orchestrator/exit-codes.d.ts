/** Exit codes of the `platform` CLI: 2 = bad input (before any engine call), 3 = blocked by a guard or budget. */
export declare const ExitCode: {
    readonly ok: 0;
    readonly failed: 1;
    readonly usage: 2;
    readonly blocked: 3;
};
/** An exit code. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
