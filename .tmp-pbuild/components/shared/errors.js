"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PlatformError = void 0;
exports.show = show;
/**
 * An error meant for a person, not a stack trace: the CLI prints only its message.
 *
 * @example
 * ```ts
 * throw new PlatformError("KmsKeyRing 'keys': rotationDays must be 1–90, got 120");
 * ```
 */
class PlatformError extends Error {
    name = "PlatformError";
}
exports.PlatformError = PlatformError;
/** Formats a value for an error message: strings quoted, everything else JSON. */
function show(value) {
    if (typeof value === "string")
        return JSON.stringify(value);
    if (value === undefined)
        return "nothing";
    return JSON.stringify(value) ?? typeof value;
}
//# sourceMappingURL=errors.js.map