"use strict";
/**
 * Property values as they travel over the resource monitor protocol, and the transforms the engine
 * applies to them: secrets (wire form `{sig, value}`, state form `{sig, ciphertext}`, event form
 * `{sig, ciphertext: "[secret]"}`), the unknown sentinel, deep equality and top-level diffs.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.SECRET_TEXT = exports.UNKNOWN = exports.RESOURCE_REF_SIG = exports.SECRET_SIG = exports.SIG = void 0;
exports.isSecret = isSecret;
exports.makeSecret = makeSecret;
exports.unwrap = unwrap;
exports.containsSecret = containsSecret;
exports.containsUnknown = containsUnknown;
exports.mapSecrets = mapSecrets;
exports.sortKeys = sortKeys;
exports.blindForEvent = blindForEvent;
exports.blindToText = blindToText;
exports.deepEqual = deepEqual;
exports.diffInputs = diffInputs;
exports.applyIgnoreChanges = applyIgnoreChanges;
/** The special-signature key of a typed value. */
exports.SIG = "4dabf18193072939515e22adb298388d";
/** Signature of a secret. */
exports.SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
/** Signature of a resource reference. */
exports.RESOURCE_REF_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
/** The engine's unknown-value sentinel. */
exports.UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** What a secret shows as when secrets are not shown. */
exports.SECRET_TEXT = "[secret]";
/** True for a wire-form or state-form secret. */
function isSecret(v) {
    return typeof v === "object" && v !== null && !Array.isArray(v) && v[exports.SIG] === exports.SECRET_SIG;
}
/** Wraps a value as a wire-form secret (idempotent). */
function makeSecret(v) {
    return isSecret(v) ? v : { [exports.SIG]: exports.SECRET_SIG, value: v };
}
/** The value with every secret wrapper removed (deep). */
function unwrap(v) {
    if (isSecret(v))
        return unwrap(v["value"]);
    if (Array.isArray(v))
        return v.map(unwrap);
    if (typeof v === "object" && v !== null) {
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unwrap(x)]));
    }
    return v;
}
/** True when a secret appears anywhere in the value. */
function containsSecret(v) {
    if (isSecret(v))
        return true;
    if (Array.isArray(v))
        return v.some(containsSecret);
    if (typeof v === "object" && v !== null)
        return Object.values(v).some(containsSecret);
    return false;
}
/** True when the unknown sentinel appears anywhere in the value. */
function containsUnknown(v) {
    if (v === exports.UNKNOWN)
        return true;
    if (isSecret(v))
        return containsUnknown(v["value"]);
    if (Array.isArray(v))
        return v.some(containsUnknown);
    if (typeof v === "object" && v !== null)
        return Object.values(v).some(containsUnknown);
    return false;
}
/** Deep-maps every secret wrapper through `fn` (which receives the wrapper). */
function mapSecrets(v, fn) {
    if (isSecret(v))
        return fn(v);
    if (Array.isArray(v))
        return v.map((x) => mapSecrets(x, fn));
    if (typeof v === "object" && v !== null) {
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapSecrets(x, fn)]));
    }
    return v;
}
/** The value with object keys sorted (deep), as Go's JSON encoder writes maps. */
function sortKeys(v) {
    if (Array.isArray(v))
        return v.map(sortKeys);
    if (typeof v === "object" && v !== null) {
        return Object.fromEntries(Object.keys(v)
            .sort()
            .map((k) => [k, sortKeys(v[k])]));
    }
    return v;
}
/** Property map with secrets blinded the way engine events show them. */
function blindForEvent(props) {
    return sortKeys(mapSecrets(props ?? {}, () => ({ [exports.SIG]: exports.SECRET_SIG, ciphertext: exports.SECRET_TEXT })));
}
/** Value with secrets replaced by the string "[secret]" (stack outputs, preview JSON, prelude). */
function blindToText(v) {
    return mapSecrets(v, () => exports.SECRET_TEXT);
}
/** Deep structural equality of JSON-like values (key order ignored). */
function deepEqual(a, b) {
    if (a === b)
        return true;
    if (typeof a !== typeof b || a === null || b === null || typeof a !== "object")
        return false;
    if (Array.isArray(a) !== Array.isArray(b))
        return false;
    if (Array.isArray(a)) {
        const bb = b;
        return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
    }
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    if (ka.length !== kb.length)
        return false;
    return ka.every((k) => deepEqual(a[k], b[k]));
}
/** Top-level input diff: changed keys and how each changed. */
function diffInputs(olds, news, ignoreChanges = []) {
    const out = new Map();
    const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
    for (const k of [...keys].sort()) {
        if (ignoreChanges.includes(k) || k === "__defaults")
            continue;
        const o = olds[k];
        const n = news[k];
        if (o === undefined && n === undefined)
            continue;
        if (o === undefined)
            out.set(k, "add");
        else if (n === undefined)
            out.set(k, "delete");
        else if (!deepEqual(o, n))
            out.set(k, "update");
    }
    return out;
}
/** Inputs with `ignoreChanges` keys taken from the old inputs (top-level keys only). */
function applyIgnoreChanges(olds, news, ignore) {
    if (ignore.length === 0)
        return news;
    const out = { ...news };
    for (const k of ignore) {
        if (k in olds)
            out[k] = olds[k];
        else
            delete out[k];
    }
    return out;
}
//# sourceMappingURL=props.js.map