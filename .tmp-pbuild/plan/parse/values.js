"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UNKNOWN_TEXT = exports.Sig = exports.SIG_KEY = void 0;
exports.normalizeValue = normalizeValue;
exports.normalizeInputs = normalizeInputs;
exports.jsonEqual = jsonEqual;
/**
 * Normalizes property values as the engine, the preview digest and the synth inventory write them
 * into {@link PlanValue}s: sentinels become the {@link UNKNOWN} and {@link SECRET} markers, wire
 * signatures (secrets, resource references, output values, assets) are decoded.
 */
const model_1 = require("../model");
/** The key under which Pulumi writes a special value's signature. */
exports.SIG_KEY = "4dabf18193072939515e22adb298388d";
/** Signatures Pulumi writes under {@link SIG_KEY}. */
exports.Sig = {
    secret: "1b47061264138c4ac30d75fd1eb44270",
    resourceReference: "5cf8f73096256a8f31e491e813e4eb8e",
    outputValue: "d0e6a833031e9bbcd3f4e8bde6ca49a4",
    asset: "c44067f5952c0a294b673a41bacd8c17",
    archive: "0def7320c3a5731c473e5ecbe6d01bc7",
};
/** How the synth inventory writes an unknown value (`orchestrator/synth/recorder.ts`). */
exports.UNKNOWN_TEXT = "[unknown]";
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
function normalizeValue(value) {
    if (typeof value === "string") {
        if (value === model_1.UNKNOWN_SENTINEL || value === exports.UNKNOWN_TEXT)
            return model_1.UNKNOWN;
        if (value === model_1.SECRET_TEXT)
            return model_1.SECRET;
        return value;
    }
    if (value === null || typeof value === "number" || typeof value === "boolean")
        return value;
    if (value === model_1.UNKNOWN || value === model_1.SECRET)
        return value;
    if (Array.isArray(value)) {
        const out = new Array(value.length);
        for (let i = 0; i < value.length; i++)
            out[i] = value[i] === undefined ? null : normalizeValue(value[i]);
        return out;
    }
    if (typeof value === "object") {
        const obj = value;
        const sig = obj[exports.SIG_KEY];
        if (sig !== undefined)
            return normalizeSpecial(obj, sig);
        return normalizeObject(obj);
    }
    // bigint, function, symbol: not JSON; keep a readable form rather than failing a whole review.
    return String(value);
}
/**
 * Normalizes a resource's inputs object; anything that is not a plain object yields `{}`.
 *
 * @example
 * ```ts
 * normalizeInputs({ name: "db", settings: { tier: "db-f1-micro" } });
 * ```
 */
function normalizeInputs(value) {
    if (value === null || typeof value !== "object" || Array.isArray(value))
        return {};
    const normalized = normalizeValue(value);
    return typeof normalized === "object" && normalized !== null && !Array.isArray(normalized)
        ? normalized
        : {};
}
/** Bookkeeping keys the Terraform bridge adds to inputs; not the program's values. */
const BRIDGE_KEYS = new Set(["__defaults"]);
function normalizeObject(obj) {
    const out = {};
    for (const key in obj) {
        const v = obj[key];
        if (v !== undefined && !BRIDGE_KEYS.has(key))
            out[key] = normalizeValue(v);
    }
    return out;
}
function normalizeSpecial(obj, sig) {
    switch (sig) {
        case exports.Sig.secret:
            return model_1.SECRET;
        case exports.Sig.resourceReference: {
            const ref = { urn: normalizeValue(obj["urn"]) };
            if (obj["id"] !== undefined)
                ref["id"] = normalizeValue(obj["id"]);
            return ref;
        }
        case exports.Sig.outputValue:
            if (obj["secret"] === true)
                return model_1.SECRET;
            if (!("value" in obj) || obj["known"] === false)
                return model_1.UNKNOWN;
            return normalizeValue(obj["value"]);
        default: {
            const { [exports.SIG_KEY]: _sig, ...rest } = obj;
            return normalizeObject(rest);
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
function jsonEqual(a, b) {
    if (a === b)
        return true;
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null)
        return false;
    if (Array.isArray(a)) {
        if (!Array.isArray(b) || a.length !== b.length)
            return false;
        for (let i = 0; i < a.length; i++)
            if (!jsonEqual(a[i], b[i]))
                return false;
        return true;
    }
    if (Array.isArray(b))
        return false;
    const ao = a;
    const bo = b;
    let count = 0;
    for (const key in ao) {
        if (ao[key] === undefined)
            continue;
        count++;
        if (!(key in bo) || !jsonEqual(ao[key], bo[key]))
            return false;
    }
    for (const key in bo)
        if (bo[key] !== undefined)
            count--;
    return count === 0;
}
//# sourceMappingURL=values.js.map