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
export declare const UNKNOWN_TEXT = "[unknown]";
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
export declare function isUnknownValue(value: unknown): boolean;
/**
 * What a path holds: nothing, something not known yet, or a value.
 *
 * @example
 * ```ts
 * const found: Lookup = lookup(inputs, "settings.tier");
 * if (found.kind === "value") console.log(found.value);
 * ```
 */
export type Lookup = {
    readonly kind: "absent";
} | {
    readonly kind: "unknown";
} | {
    readonly kind: "value";
    readonly value: unknown;
};
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
export declare function lookup(inputs: unknown, path: string): Lookup;
/**
 * Marker for "this input is not known yet" in reader results.
 *
 * @example
 * ```ts
 * reader({ tier: "[secret]" }).str("tier") === NOT_KNOWN; // true
 * ```
 */
export declare const NOT_KNOWN: unique symbol;
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
export declare function reader(inputs: unknown): InputReader;
/**
 * Cloud Run CPU quantity (`"1"`, `"2"`, `"1000m"`, `"0.5"`) → vCPUs; undefined when not a quantity.
 *
 * @example
 * ```ts
 * parseCpu("1000m"); // 1
 * ```
 */
export declare function parseCpu(value: string): number | undefined;
/**
 * Kubernetes memory quantity (`"512Mi"`, `"1Gi"`, `"2G"`) → GiB; undefined when not a quantity.
 *
 * @example
 * ```ts
 * parseMemoryGib("512Mi"); // 0.5
 * ```
 */
export declare function parseMemoryGib(value: string): number | undefined;
