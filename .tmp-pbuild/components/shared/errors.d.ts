/**
 * An error meant for a person, not a stack trace: the CLI prints only its message.
 *
 * @example
 * ```ts
 * throw new PlatformError("KmsKeyRing 'keys': rotationDays must be 1–90, got 120");
 * ```
 */
export declare class PlatformError extends Error {
    readonly name: string;
}
/** Formats a value for an error message: strings quoted, everything else JSON. */
export declare function show(value: unknown): string;
