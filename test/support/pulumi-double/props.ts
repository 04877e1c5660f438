/**
 * Property values as they travel over the resource monitor protocol, and the transforms the engine
 * applies to them: secrets (wire form `{sig, value}`, state form `{sig, ciphertext}`, event form
 * `{sig, ciphertext: "[secret]"}`), the unknown sentinel, deep equality and top-level diffs.
 */

/** The special-signature key of a typed value. */
export const SIG = "4dabf18193072939515e22adb298388d";
/** Signature of a secret. */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
/** Signature of a resource reference. */
export const RESOURCE_REF_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
/** The engine's unknown-value sentinel. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** What a secret shows as when secrets are not shown. */
export const SECRET_TEXT = "[secret]";

/** A property map. */
export type Props = Record<string, unknown>;

/** True for a wire-form or state-form secret. */
export function isSecret(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && (v as Props)[SIG] === SECRET_SIG;
}

/** Wraps a value as a wire-form secret (idempotent). */
export function makeSecret(v: unknown): Props {
  return isSecret(v) ? v : { [SIG]: SECRET_SIG, value: v };
}

/** The value with every secret wrapper removed (deep). */
export function unwrap(v: unknown): unknown {
  if (isSecret(v)) return unwrap(v["value"]);
  if (Array.isArray(v)) return v.map(unwrap);
  if (typeof v === "object" && v !== null) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unwrap(x)]));
  }
  return v;
}

/** True when a secret appears anywhere in the value. */
export function containsSecret(v: unknown): boolean {
  if (isSecret(v)) return true;
  if (Array.isArray(v)) return v.some(containsSecret);
  if (typeof v === "object" && v !== null) return Object.values(v).some(containsSecret);
  return false;
}

/** True when the unknown sentinel appears anywhere in the value. */
export function containsUnknown(v: unknown): boolean {
  if (v === UNKNOWN) return true;
  if (isSecret(v)) return containsUnknown(v["value"]);
  if (Array.isArray(v)) return v.some(containsUnknown);
  if (typeof v === "object" && v !== null) return Object.values(v).some(containsUnknown);
  return false;
}

/** Deep-maps every secret wrapper through `fn` (which receives the wrapper). */
export function mapSecrets(v: unknown, fn: (secret: Props) => unknown): unknown {
  if (isSecret(v)) return fn(v);
  if (Array.isArray(v)) return v.map((x) => mapSecrets(x, fn));
  if (typeof v === "object" && v !== null) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapSecrets(x, fn)]));
  }
  return v;
}

/** The value with object keys sorted (deep), as Go's JSON encoder writes maps. */
export function sortKeys<T>(v: T): T {
  if (Array.isArray(v)) return v.map(sortKeys) as T;
  if (typeof v === "object" && v !== null) {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Props)[k])]),
    ) as T;
  }
  return v;
}

/** Property map with secrets blinded the way engine events show them. */
export function blindForEvent(props: Props | undefined): Props {
  return sortKeys(mapSecrets(props ?? {}, () => ({ [SIG]: SECRET_SIG, ciphertext: SECRET_TEXT })) as Props);
}

/** Value with secrets replaced by the string "[secret]" (stack outputs, preview JSON, prelude). */
export function blindToText(v: unknown): unknown {
  return mapSecrets(v, () => SECRET_TEXT);
}

/** Deep structural equality of JSON-like values (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Props)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Props)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Props)[k], (b as Props)[k]));
}

/** Diff kind of one property, as engine events spell it. */
export type DiffKind = "add" | "add-replace" | "delete" | "delete-replace" | "update" | "update-replace";

/** Top-level input diff: changed keys and how each changed. */
export function diffInputs(
  olds: Props,
  news: Props,
  ignoreChanges: readonly string[] = [],
): Map<string, "add" | "delete" | "update"> {
  const out = new Map<string, "add" | "delete" | "update">();
  const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
  for (const k of [...keys].sort()) {
    if (ignoreChanges.includes(k) || k === "__defaults") continue;
    const o = olds[k];
    const n = news[k];
    if (o === undefined && n === undefined) continue;
    if (o === undefined) out.set(k, "add");
    else if (n === undefined) out.set(k, "delete");
    else if (!deepEqual(o, n)) out.set(k, "update");
  }
  return out;
}

/** Inputs with `ignoreChanges` keys taken from the old inputs (top-level keys only). */
export function applyIgnoreChanges(olds: Props, news: Props, ignore: readonly string[]): Props {
  if (ignore.length === 0) return news;
  const out = { ...news };
  for (const k of ignore) {
    if (k in olds) out[k] = olds[k];
    else delete out[k];
  }
  return out;
}
