"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LABEL_KEY = void 0;
exports.got = got;
exports.intRange = intRange;
exports.numRange = numRange;
exports.oneOf = oneOf;
exports.bool = bool;
exports.pattern = pattern;
exports.stringMap = stringMap;
exports.section = section;
const zod_1 = require("zod");
/**
 * zod field builders whose error messages follow the house format `must be …, got …`, so a config
 * error reads `platform:database.backups.retainedBackups: must be 1–365, got 0`.
 */
/** Formats a received value for a message. */
function got(input) {
    if (input === undefined)
        return "nothing";
    if (typeof input === "string")
        return JSON.stringify(input);
    try {
        return JSON.stringify(input) ?? typeof input;
    }
    catch {
        return typeof input;
    }
}
/**
 * An integer in [min, max].
 *
 * @example
 * ```ts
 * intRange(1, 365); // "must be 1–365, got 0"
 * ```
 */
function intRange(min, max) {
    const msg = (i) => `must be an integer ${min}–${max}, got ${got(i.input)}`;
    return zod_1.z.number({ error: msg }).int({ error: msg }).min(min, { error: msg }).max(max, { error: msg });
}
/**
 * A number in [min, max] (inclusive unless `exclusiveMin`).
 *
 * @example
 * ```ts
 * numRange(0, 2, { exclusiveMin: true }); // "must be > 0 and ≤ 2, got 0"
 * ```
 */
function numRange(min, max, opts = {}) {
    const what = opts.exclusiveMin ? `a number > ${min} and ≤ ${max}` : `a number ${min}–${max}`;
    const msg = (i) => `must be ${what}, got ${got(i.input)}`;
    const base = zod_1.z.number({ error: msg }).max(max, { error: msg });
    return opts.exclusiveMin ? base.gt(min, { error: msg }) : base.min(min, { error: msg });
}
/**
 * One of a closed set (an `as const` object's values or a tuple).
 *
 * @example
 * ```ts
 * oneOf(["SOFTWARE", "HSM"]); // "must be one of SOFTWARE | HSM, got \"EXTERNAL\""
 * ```
 */
function oneOf(values) {
    return zod_1.z.enum(values, { error: (i) => `must be one of ${values.join(" | ")}, got ${got(i.input)}` });
}
/** A boolean (YAML `true`/`false`). */
function bool() {
    return zod_1.z.boolean({ error: (i) => `must be true or false, got ${got(i.input)}` });
}
/**
 * A string matching a pattern, described in words.
 *
 * @example
 * ```ts
 * pattern(/^([01]\d|2[0-3]):[0-5]\d$/, "a UTC time HH:MM");
 * ```
 */
function pattern(re, description) {
    const msg = (i) => `must be ${description}, got ${got(i.input)}`;
    return zod_1.z.string({ error: msg }).regex(re, { error: msg });
}
/** A map of string → string (labels, env vars). */
function stringMap(keyRe, keyDescription) {
    return zod_1.z.record(pattern(keyRe, keyDescription), zod_1.z.string({ error: (i) => `must be a string, got ${got(i.input)}` }), {
        error: (i) => `must be a map of ${keyDescription} → string, got ${got(i.input)}`,
    });
}
/** A strict object: unknown keys are rejected (and given a did-you-mean hint by the loader). */
function section(shape) {
    return zod_1.z.strictObject(shape, {
        error: (i) => (i.code === "invalid_type" ? `must be an object, got ${got(i.input)}` : undefined),
    });
}
/** GCP label key/value rule (lowercase letters, digits, `_`, `-`; keys start with a letter; ≤ 63). */
exports.LABEL_KEY = /^[a-z][a-z0-9_-]{0,62}$/;
//# sourceMappingURL=fields.js.map