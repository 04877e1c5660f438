import { SECRET, SECRET_TEXT, UNKNOWN, UNKNOWN_SENTINEL } from "../model";

/**
 * Reading resource inputs as they appear in a synth inventory (`"[secret]"`, `"[unknown]"`) or in a
 * PlanStep (the {@link UNKNOWN}/{@link SECRET} markers, or the engine's raw sentinel).
 */

/**
 * The display string the synth recorder puts in place of an unknown value.
 *
 * @example
 * ```ts
 * isUnknownValue(UNKNOWN_TEXT); // true
 * ```
 */
export const UNKNOWN_TEXT = "[unknown]";

/**
 * True when a value is not known at estimate time: a marker symbol, the engine's sentinel, or the
 * display strings for secrets and unknowns.
 *
 * @example
 * ```ts
 * isUnknownValue("[secret]"); // true
 * isUnknownValue("db-f1-micro"); // false
 * ```
 */
export function isUnknownValue(value: unknown): boolean {
  return (
    value === UNKNOWN ||
    value === SECRET ||
    value === UNKNOWN_SENTINEL ||
    value === SECRET_TEXT ||
    value === UNKNOWN_TEXT
  );
}

/**
 * What a path holds: nothing, something not known yet, or a value.
 *
 * @example
 * ```ts
 * const found: Lookup = lookup(inputs, "settings.tier");
 * if (found.kind === "value") console.log(found.value);
 * ```
 */
export type Lookup =
  | { readonly kind: "absent" }
  | { readonly kind: "unknown" }
  | { readonly kind: "value"; readonly value: unknown };

/**
 * Walks a dotted path (`settings.tier`, `template.containers.0.resources.limits.cpu`) through inputs.
 * Any unknown value on the way makes the whole path unknown.
 *
 * @example
 * ```ts
 * lookup({ settings: { tier: "db-f1-micro" } }, "settings.tier"); // { kind: "value", value: "db-f1-micro" }
 * lookup({ settings: "[unknown]" }, "settings.tier"); // { kind: "unknown" }
 * ```
 */
export function lookup(inputs: unknown, path: string): Lookup {
  let cur: unknown = inputs;
  for (const key of path.split(".")) {
    if (isUnknownValue(cur)) return { kind: "unknown" };
    if (cur === null || cur === undefined || typeof cur !== "object") return { kind: "absent" };
    cur = Array.isArray(cur) ? cur[Number(key)] : (cur as Record<string, unknown>)[key];
  }
  if (isUnknownValue(cur)) return { kind: "unknown" };
  if (cur === undefined || cur === null) return { kind: "absent" };
  return { kind: "value", value: cur };
}

/**
 * Marker for "this input is not known yet" in reader results.
 *
 * @example
 * ```ts
 * reader({ tier: "[secret]" }).str("tier") === NOT_KNOWN; // true
 * ```
 */
export const NOT_KNOWN = Symbol("not known");
/** See {@link NOT_KNOWN}. */
export type NotKnown = typeof NOT_KNOWN;

/**
 * Typed accessors over one resource's inputs that remember which paths were unknown.
 *
 * @example
 * ```ts
 * const r: InputReader = reader(step.newInputs);
 * r.num("memorySizeGb"); // 5
 * ```
 */
export interface InputReader {
  /** The raw value (undefined when absent, {@link NOT_KNOWN} when unknown). */
  raw(path: string): unknown;
  /** True when the path holds a value or an unknown (not recorded as unknown). */
  has(path: string): boolean;
  /** Like `raw`, but an unknown is not recorded (for values that only label a note). */
  peek(path: string): unknown;
  /** A string; a non-string value counts as unknown. */
  str(path: string): string | undefined | NotKnown;
  /** A finite number (numeric strings accepted); anything else counts as unknown. */
  num(path: string): number | undefined | NotKnown;
  /** A boolean (`"true"`/`"false"` accepted). */
  bool(path: string): boolean | undefined | NotKnown;
  /** An array. */
  list(path: string): readonly unknown[] | undefined | NotKnown;
  /** Paths read so far whose value was unknown or not understood, in order, without repeats. */
  readonly unknown: readonly string[];
}

/**
 * Creates an {@link InputReader}.
 *
 * @example
 * ```ts
 * const r = reader({ memorySizeGb: "[unknown]", tier: "BASIC" });
 * r.str("tier"); // "BASIC"
 * r.num("memorySizeGb"); // NOT_KNOWN
 * r.unknown; // ["memorySizeGb"]
 * ```
 */
export function reader(inputs: unknown): InputReader {
  const unknown: string[] = [];
  const miss = (path: string): NotKnown => {
    if (!unknown.includes(path)) unknown.push(path);
    return NOT_KNOWN;
  };
  const get = (path: string): unknown => {
    const found = lookup(inputs, path);
    if (found.kind === "unknown") return miss(path);
    return found.kind === "value" ? found.value : undefined;
  };
  return {
    unknown,
    raw: get,
    has: (path) => lookup(inputs, path).kind !== "absent",
    peek(path) {
      const found = lookup(inputs, path);
      return found.kind === "value" ? found.value : found.kind === "unknown" ? NOT_KNOWN : undefined;
    },
    str(path) {
      const v = get(path);
      if (v === undefined || v === NOT_KNOWN) return v;
      return typeof v === "string" ? v : miss(path);
    },
    num(path) {
      const v = get(path);
      if (v === undefined || v === NOT_KNOWN) return v;
      const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
      return Number.isFinite(n) ? n : miss(path);
    },
    bool(path) {
      const v = get(path);
      if (v === undefined || v === NOT_KNOWN) return v;
      if (typeof v === "boolean") return v;
      if (v === "true" || v === "false") return v === "true";
      return miss(path);
    },
    list(path) {
      const v = get(path);
      if (v === undefined || v === NOT_KNOWN) return v;
      return Array.isArray(v) ? v : miss(path);
    },
  };
}

/**
 * Cloud Run CPU quantity (`"1"`, `"2"`, `"1000m"`, `"0.5"`) → vCPUs; undefined when not a quantity.
 *
 * @example
 * ```ts
 * parseCpu("1000m"); // 1
 * ```
 */
export function parseCpu(value: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(m?)$/.exec(value.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] === "m" ? n / 1000 : n;
}

const MEMORY_UNITS: Readonly<Record<string, number>> = {
  "": 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
};

/**
 * Kubernetes memory quantity (`"512Mi"`, `"1Gi"`, `"2G"`) → GiB; undefined when not a quantity.
 *
 * @example
 * ```ts
 * parseMemoryGib("512Mi"); // 0.5
 * ```
 */
export function parseMemoryGib(value: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(k|M|G|T|Ki|Mi|Gi|Ti)?$/.exec(value.trim());
  if (!m) return undefined;
  return (Number(m[1]) * MEMORY_UNITS[m[2] ?? ""]!) / 2 ** 30;
}
