import { z } from "zod";
/**
 * zod field builders whose error messages follow the house format `must be …, got …`, so a config
 * error reads `platform:database.backups.retainedBackups: must be 1–365, got 0`.
 */
/** Formats a received value for a message. */
export declare function got(input: unknown): string;
/**
 * An integer in [min, max].
 *
 * @example
 * ```ts
 * intRange(1, 365); // "must be 1–365, got 0"
 * ```
 */
export declare function intRange(min: number, max: number): z.ZodNumber;
/**
 * A number in [min, max] (inclusive unless `exclusiveMin`).
 *
 * @example
 * ```ts
 * numRange(0, 2, { exclusiveMin: true }); // "must be > 0 and ≤ 2, got 0"
 * ```
 */
export declare function numRange(min: number, max: number, opts?: {
    exclusiveMin?: boolean;
}): z.ZodNumber;
/**
 * One of a closed set (an `as const` object's values or a tuple).
 *
 * @example
 * ```ts
 * oneOf(["SOFTWARE", "HSM"]); // "must be one of SOFTWARE | HSM, got \"EXTERNAL\""
 * ```
 */
export declare function oneOf<const T extends readonly [string, ...string[]]>(values: T): z.ZodEnum<{ [k_1 in T[number]]: k_1; } extends infer T_1 ? { [k in keyof T_1]: T_1[k]; } : never>;
/** A boolean (YAML `true`/`false`). */
export declare function bool(): z.ZodBoolean;
/**
 * A string matching a pattern, described in words.
 *
 * @example
 * ```ts
 * pattern(/^([01]\d|2[0-3]):[0-5]\d$/, "a UTC time HH:MM");
 * ```
 */
export declare function pattern(re: RegExp, description: string): z.ZodString;
/** A map of string → string (labels, env vars). */
export declare function stringMap(keyRe: RegExp, keyDescription: string): z.ZodRecord<z.ZodString, z.ZodString>;
/** A strict object: unknown keys are rejected (and given a did-you-mean hint by the loader). */
export declare function section<S extends z.ZodRawShape>(shape: S): z.ZodObject<{ -readonly [P in keyof S]: S[P]; }, z.core.$strict>;
/** GCP label key/value rule (lowercase letters, digits, `_`, `-`; keys start with a letter; ≤ 63). */
export declare const LABEL_KEY: RegExp;
