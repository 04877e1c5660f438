/**
 * The CLI's `error:` lines of a failed command, de-duplicated and joined; the first meaningful
 * line for other errors; never a stack trace.
 *
 * @example
 * ```ts
 * errorSummary(new Error("code: 255\n stdout: \n stderr: error: update failed\nerror: gcp:sql: boom\n err?: "));
 * // "gcp:sql: boom"
 * ```
 */
export declare function errorSummary(e: unknown): string;
/** True when the stack does not exist in the backend. */
export declare function isStackNotFound(e: unknown): boolean;
/** True for any error the Pulumi CLI reported (as opposed to our own code failing). */
export declare function isCommandError(e: unknown): boolean;
