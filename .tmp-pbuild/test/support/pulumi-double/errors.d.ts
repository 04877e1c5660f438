/** An error the CLI reports as `error: <message>` on stderr before exiting with `exitCode`. */
export declare class CliError extends Error {
    readonly exitCode: number;
    constructor(message: string, exitCode?: number);
}
/**
 * An error that was already shown to the user (diagnostics in the display); main only prints the
 * short summary line (`error: update failed`).
 */
export declare class ReportedError extends CliError {
}
