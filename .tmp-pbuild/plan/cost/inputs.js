"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NOT_KNOWN = exports.UNKNOWN_TEXT = void 0;
exports.isUnknownValue = isUnknownValue;
exports.lookup = lookup;
exports.reader = reader;
exports.parseCpu = parseCpu;
exports.parseMemoryGib = parseMemoryGib;
const model_1 = require("../model");
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
exports.UNKNOWN_TEXT = "[unknown]";
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
function isUnknownValue(value) {
    return (value === model_1.UNKNOWN ||
        value === model_1.SECRET ||
        value === model_1.UNKNOWN_SENTINEL ||
        value === model_1.SECRET_TEXT ||
        value === exports.UNKNOWN_TEXT);
}
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
function lookup(inputs, path) {
    let cur = inputs;
    for (const key of path.split(".")) {
        if (isUnknownValue(cur))
            return { kind: "unknown" };
        if (cur === null || cur === undefined || typeof cur !== "object")
            return { kind: "absent" };
        cur = Array.isArray(cur) ? cur[Number(key)] : cur[key];
    }
    if (isUnknownValue(cur))
        return { kind: "unknown" };
    if (cur === undefined || cur === null)
        return { kind: "absent" };
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
exports.NOT_KNOWN = Symbol("not known");
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
function reader(inputs) {
    const unknown = [];
    const miss = (path) => {
        if (!unknown.includes(path))
            unknown.push(path);
        return exports.NOT_KNOWN;
    };
    const get = (path) => {
        const found = lookup(inputs, path);
        if (found.kind === "unknown")
            return miss(path);
        return found.kind === "value" ? found.value : undefined;
    };
    return {
        unknown,
        raw: get,
        has: (path) => lookup(inputs, path).kind !== "absent",
        peek(path) {
            const found = lookup(inputs, path);
            return found.kind === "value" ? found.value : found.kind === "unknown" ? exports.NOT_KNOWN : undefined;
        },
        str(path) {
            const v = get(path);
            if (v === undefined || v === exports.NOT_KNOWN)
                return v;
            return typeof v === "string" ? v : miss(path);
        },
        num(path) {
            const v = get(path);
            if (v === undefined || v === exports.NOT_KNOWN)
                return v;
            const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
            return Number.isFinite(n) ? n : miss(path);
        },
        bool(path) {
            const v = get(path);
            if (v === undefined || v === exports.NOT_KNOWN)
                return v;
            if (typeof v === "boolean")
                return v;
            if (v === "true" || v === "false")
                return v === "true";
            return miss(path);
        },
        list(path) {
            const v = get(path);
            if (v === undefined || v === exports.NOT_KNOWN)
                return v;
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
function parseCpu(value) {
    const m = /^(\d+(?:\.\d+)?)(m?)$/.exec(value.trim());
    if (!m)
        return undefined;
    const n = Number(m[1]);
    return m[2] === "m" ? n / 1000 : n;
}
const MEMORY_UNITS = {
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
function parseMemoryGib(value) {
    const m = /^(\d+(?:\.\d+)?)(k|M|G|T|Ki|Mi|Gi|Ti)?$/.exec(value.trim());
    if (!m)
        return undefined;
    return (Number(m[1]) * MEMORY_UNITS[m[2] ?? ""]) / 2 ** 30;
}
//# sourceMappingURL=inputs.js.map