/**
 * Normalizes property values as the engine, the preview digest and the synth inventory write them
 * into {@link PlanValue}s: sentinels become the {@link UNKNOWN} and {@link SECRET} markers, wire
 * signatures (secrets, resource references, output values, assets) are decoded.
 */
import { SECRET, SECRET_TEXT, UNKNOWN, UNKNOWN_SENTINEL, type PlanInputs, type PlanValue } from "../model";
import { PlanParseError } from "./types";

/**
 * How deep a property value may nest. Real resource inputs stay far below it; a value nested
 * deeper (a hostile or broken plan) is refused with a message instead of overflowing the stack
 * of every consumer that walks it (diff, guards, renderers).
 */
export const MAX_VALUE_DEPTH = 100;

/** The key under which Pulumi writes a special value's signature. */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";

/**
 * Signatures Pulumi writes under {@link SIG_KEY}.
 *
 * @example
 * ```ts
 * normalizeValue({ [SIG_KEY]: Sig.secret, ciphertext: "…" }); // SECRET
 * ```
 */
export const Sig = {
  secret: "1b47061264138c4ac30d75fd1eb44270",
  resourceReference: "5cf8f73096256a8f31e491e813e4eb8e",
  outputValue: "d0e6a833031e9bbcd3f4e8bde6ca49a4",
  asset: "c44067f5952c0a294b673a41bacd8c17",
  archive: "0def7320c3a5731c473e5ecbe6d01bc7",
} as const;
/** A special-value signature. */
export type Sig = (typeof Sig)[keyof typeof Sig];

/** How the synth inventory writes an unknown value (`orchestrator/synth/recorder.ts`). */
export const UNKNOWN_TEXT = "[unknown]";

/**
 * Turns one raw value into a {@link PlanValue}:
 * - the unknown sentinel `"04da6b54-…"` and `"[unknown]"` → {@link UNKNOWN};
 * - `"[secret]"` and `{ [SIG_KEY]: Sig.secret, … }` → {@link SECRET} (the ciphertext or plaintext is dropped);
 * - a resource reference → `{ urn, id? }`; an output value → its value, or a marker when unknown/secret;
 * - assets and archives keep their fields without the signature;
 * - `undefined` inside objects is dropped, inside arrays becomes `null` (as JSON would);
 * - the Terraform bridge's `__defaults` bookkeeping lists are dropped.
 *
 * @example
 * ```ts
 * normalizeValue({ tier: "04da6b54-80e4-46f7-96ec-b56ff0331ba9", password: "[secret]" });
 * // { tier: UNKNOWN, password: SECRET }
 * ```
 */
export function normalizeValue(value: unknown, depth = 0): PlanValue {
  if (typeof value === "string") {
    if (value === UNKNOWN_SENTINEL || value === UNKNOWN_TEXT) return UNKNOWN;
    if (value === SECRET_TEXT) return SECRET;
    return value;
  }
  if (value === null || typeof value === "number" || typeof value === "boolean") return value;
  if (value === UNKNOWN || value === SECRET) return value;
  if (depth >= MAX_VALUE_DEPTH && typeof value === "object")
    throw new PlanParseError(
      `a property value is nested more than ${MAX_VALUE_DEPTH} levels deep; refusing the plan (resource inputs are never that deep)`,
    );
  if (Array.isArray(value)) {
    const out: PlanValue[] = new Array<PlanValue>(value.length);
    for (let i = 0; i < value.length; i++)
      out[i] = value[i] === undefined ? null : normalizeValue(value[i], depth + 1);
    return out;
  }
  if (typeof value === "object") {
    const obj = value as Record<string, unknown>;
    const sig = obj[SIG_KEY];
    if (sig !== undefined) return normalizeSpecial(obj, sig, depth);
    return normalizeObject(obj, depth);
  }
  // bigint, function, symbol: not JSON; keep a readable form rather than failing a whole review.
  return typeof value === "bigint" ? value.toString() : `(${typeof value})`;
}

/**
 * Normalizes a resource's inputs object; anything that is not a plain object yields `{}`.
 *
 * @example
 * ```ts
 * normalizeInputs({ name: "db", settings: { tier: "db-f1-micro" } });
 * ```
 */
export function normalizeInputs(value: unknown): PlanInputs {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return {};
  const normalized = normalizeValue(value);
  return typeof normalized === "object" && normalized !== null && !Array.isArray(normalized)
    ? normalized
    : {};
}

/**
 * {@link normalizeInputs} for a value the caller owns (just made by `JSON.parse`, referenced by
 * nothing else): normalized in place where it already has the right shape, copied only where a key
 * must go or a special value is decoded. The parser's objects are kept instead of copies, and long
 * strings are replaced by the pool's copy: a large plan's inputs are most of its memory, they repeat
 * the same roles, members and key names in thousands of resources (each a fresh string from its own
 * line), and every copy is garbage the collector has to move. Never use it on a caller's object
 * (an Automation API event).
 *
 * @example
 * ```ts
 * const pool = new Map<string, string>();
 * const inputs = adoptInputs(JSON.parse(line).inputs, pool); // the parsed object, normalized
 * ```
 */
export function adoptInputs(value: unknown, pool: Map<string, string>): PlanInputs {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return {};
  const normalized = adopt(value, 0, pool);
  return typeof normalized === "object" && normalized !== null && !Array.isArray(normalized)
    ? normalized
    : {};
}

/** Strings shorter than this are not pooled: few repeat, and looking them up costs more. */
const POOLED_LENGTH = 11;

function adopt(value: unknown, depth: number, pool: Map<string, string>): PlanValue {
  if (typeof value === "string") {
    if (value.length < POOLED_LENGTH || value === UNKNOWN_SENTINEL) return normalizeValue(value, depth);
    const known = pool.get(value);
    if (known !== undefined) return known;
    pool.set(value, value);
    return value;
  }
  if (value === null || typeof value !== "object" || depth >= MAX_VALUE_DEPTH)
    return normalizeValue(value, depth);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      // Strings always: the pool's copy is `===` the parsed one, but another object.
      if (typeof v === "string") value[i] = adopt(v, depth + 1, pool);
      else {
        const n = v === undefined ? null : adopt(v, depth + 1, pool);
        if (n !== v) value[i] = n;
      }
    }
    return value as PlanValue[];
  }
  const obj = value as Record<string, unknown>;
  // A special value, or keys to drop: the copying normalizer (deleting keys would slow the object).
  if (obj[SIG_KEY] !== undefined) return normalizeValue(obj, depth);
  for (const key in obj)
    if (BRIDGE_KEYS.has(key) || obj[key] === undefined) return normalizeValue(obj, depth);
  for (const key in obj) {
    const v = obj[key];
    const n = adopt(v, depth + 1, pool);
    if (n !== v || typeof v === "string") obj[key] = n;
  }
  return obj as { [key: string]: PlanValue };
}

/** Bookkeeping keys the Terraform bridge adds to inputs; not the program's values. */
const BRIDGE_KEYS: ReadonlySet<string> = new Set(["__defaults"]);

function normalizeObject(obj: Record<string, unknown>, depth: number): { [key: string]: PlanValue } {
  const out: { [key: string]: PlanValue } = {};
  for (const key in obj) {
    const v = obj[key];
    if (v === undefined || BRIDGE_KEYS.has(key)) continue;
    setData(out, key, normalizeValue(v, depth + 1));
  }
  return out;
}

/**
 * `obj[key] = value` for a key read from untrusted input: a `__proto__` key becomes data, as
 * JSON.parse makes it, where assigning it would set the object's prototype (a plan is untrusted:
 * `{"__proto__": {"enabled": true}}` must not turn into inherited values).
 *
 * @example
 * ```ts
 * const out: Record<string, unknown> = {};
 * setData(out, "__proto__", { enabled: true });
 * Object.keys(out); // ["__proto__"]; out.enabled is undefined
 * ```
 */
export function setData<T>(obj: Record<string, T>, key: string, value: T): void {
  if (key === "__proto__")
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

function normalizeSpecial(obj: Record<string, unknown>, sig: unknown, depth: number): PlanValue {
  switch (sig) {
    case Sig.secret:
      return SECRET;
    case Sig.resourceReference: {
      const ref: { [key: string]: PlanValue } = { urn: normalizeValue(obj["urn"], depth + 1) };
      if (obj["id"] !== undefined) ref["id"] = normalizeValue(obj["id"], depth + 1);
      return ref;
    }
    case Sig.outputValue:
      if (obj["secret"] === true) return SECRET;
      if (!("value" in obj) || obj["known"] === false) return UNKNOWN;
      return normalizeValue(obj["value"], depth + 1);
    default: {
      const { [SIG_KEY]: _sig, ...rest } = obj;
      return normalizeObject(rest, depth);
    }
  }
}

/**
 * Structural equality of two raw JSON values (objects compared key by key, order-insensitive).
 * Used to share one inputs object between the old and new side of `same` steps.
 *
 * @example
 * ```ts
 * jsonEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }); // true
 * ```
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let count = 0;
  for (const key in ao) {
    if (ao[key] === undefined) continue;
    count++;
    if (!(key in bo) || !jsonEqual(ao[key], bo[key])) return false;
  }
  for (const key in bo) if (bo[key] !== undefined) count--;
  return count === 0;
}
