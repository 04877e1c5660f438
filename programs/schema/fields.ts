import { z } from "zod";

/**
 * zod field builders whose error messages follow the house format `must be …, got …`, so a config
 * error reads `platform:database.backups.retainedBackups: must be 1–365, got 0`.
 */

/** Formats a received value for a message (the house `got …` part). */
export { show as got } from "../../components/shared/errors";
import { show as got } from "../../components/shared/errors";

/**
 * An integer in [min, max].
 *
 * @example
 * ```ts
 * intRange(1, 365); // "must be 1–365, got 0"
 * ```
 */
export function intRange(min: number, max: number) {
  const msg = (i: { input?: unknown }) => `must be an integer ${min}–${max}, got ${got(i.input)}`;
  return z.number({ error: msg }).int({ error: msg }).min(min, { error: msg }).max(max, { error: msg });
}

/**
 * A number in [min, max] (inclusive unless `exclusiveMin`).
 *
 * @example
 * ```ts
 * numRange(0, 2, { exclusiveMin: true }); // "must be > 0 and ≤ 2, got 0"
 * ```
 */
export function numRange(min: number, max: number, opts: { exclusiveMin?: boolean } = {}) {
  const what = opts.exclusiveMin ? `a number > ${min} and ≤ ${max}` : `a number ${min}–${max}`;
  const msg = (i: { input?: unknown }) => `must be ${what}, got ${got(i.input)}`;
  const base = z.number({ error: msg }).max(max, { error: msg });
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
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: (i) => `must be one of ${values.join(" | ")}, got ${got(i.input)}` });
}

/** A boolean (YAML `true`/`false`). */
export function bool() {
  return z.boolean({ error: (i) => `must be true or false, got ${got(i.input)}` });
}

/**
 * A string matching a pattern, described in words.
 *
 * @example
 * ```ts
 * pattern(/^([01]\d|2[0-3]):[0-5]\d$/, "a UTC time HH:MM");
 * ```
 */
export function pattern(re: RegExp, description: string) {
  const msg = (i: { input?: unknown }) => `must be ${description}, got ${got(i.input)}`;
  return z.string({ error: msg }).regex(re, { error: msg });
}

/** A map of string → string (labels, env vars). */
export function stringMap(keyRe: RegExp, keyDescription: string) {
  return z.record(
    pattern(keyRe, keyDescription),
    z.string({ error: (i) => `must be a string, got ${got(i.input)}` }),
    {
      error: (i) => `must be a map of ${keyDescription} → string, got ${got(i.input)}`,
    },
  );
}

/** A strict object: unknown keys are rejected (and given a did-you-mean hint by the loader). */
export function section<S extends z.ZodRawShape>(shape: S) {
  return z.strictObject(shape, {
    error: (i) => (i.code === "invalid_type" ? `must be an object, got ${got(i.input)}` : undefined),
  });
}

/** GCP label key/value rule (lowercase letters, digits, `_`, `-`; keys start with a letter; ≤ 63). */
export const LABEL_KEY = /^[a-z][a-z0-9_-]{0,62}$/;
