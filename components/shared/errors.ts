/**
 * An error meant for a person, not a stack trace: the CLI prints only its message.
 *
 * @example
 * ```ts
 * throw new PlatformError("KmsKeyRing 'keys': rotationDays must be 1–90, got 120");
 * ```
 */
export class PlatformError extends Error {
  override readonly name: string = "PlatformError";
}

/** Formats a value for an error message: strings quoted, everything else JSON. */
export function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === undefined) return "nothing";
  return JSON.stringify(value) ?? typeof value;
}
