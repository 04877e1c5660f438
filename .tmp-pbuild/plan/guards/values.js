"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PUBLIC_MEMBERS = exports.UNKNOWN_TEXT = void 0;
exports.isOpaque = isOpaque;
exports.read = read;
exports.valueAt = valueAt;
exports.readFlag = readFlag;
exports.seconds = seconds;
exports.isPublicMember = isPublicMember;
exports.iamGrants = iamGrants;
exports.matchesUrn = matchesUrn;
exports.showValue = showValue;
/**
 * Reading resource inputs the way guards need: a value is either set, absent, or opaque (unknown
 * until apply, or a secret). Opaque values are never reported as violations.
 */
const durations_1 = require("../../components/shared/durations");
const model_1 = require("../model");
/** How the synth recorder and some renderers print an unknown value. */
exports.UNKNOWN_TEXT = "[unknown]";
/**
 * True when a value cannot be inspected: the UNKNOWN/SECRET markers, the engine's unknown
 * sentinel, or the display strings `"[unknown]"` / `"[secret]"`.
 *
 * @example
 * ```ts
 * isOpaque(UNKNOWN); // true
 * isOpaque("[secret]"); // true
 * isOpaque("REGIONAL"); // false
 * ```
 */
function isOpaque(value) {
    return (value === model_1.UNKNOWN ||
        value === model_1.SECRET ||
        value === model_1.UNKNOWN_SENTINEL ||
        value === model_1.SECRET_TEXT ||
        value === exports.UNKNOWN_TEXT);
}
const ABSENT = { kind: "absent" };
/**
 * Reads a dotted path (`settings.ipConfiguration.sslMode`, `template.containers.0.image`) from
 * inputs. `null` counts as absent; an opaque value anywhere on the path makes the read opaque.
 *
 * @example
 * ```ts
 * read({ settings: { availabilityType: "REGIONAL" } }, "settings.availabilityType"); // { kind: "set", value: "REGIONAL" }
 * read({ settings: UNKNOWN }, "settings.availabilityType"); // { kind: "opaque", path: "settings" }
 * ```
 */
function read(inputs, path) {
    let current = inputs;
    const parts = path.split(".");
    for (let i = 0; i < parts.length; i++) {
        if (isOpaque(current))
            return { kind: "opaque", path: parts.slice(0, i).join(".") || path };
        if (current === null || current === undefined || typeof current !== "object")
            return ABSENT;
        current = current[parts[i]];
    }
    if (isOpaque(current))
        return { kind: "opaque", path };
    if (current === null || current === undefined)
        return ABSENT;
    return { kind: "set", value: current };
}
/**
 * The set value at a path, or undefined when absent or opaque (for lookups, not verdicts).
 *
 * @example
 * ```ts
 * valueAt({ tier: "STANDARD_HA" }, "tier"); // "STANDARD_HA"
 * ```
 */
function valueAt(inputs, path) {
    const r = read(inputs, path);
    return r.kind === "set" ? r.value : undefined;
}
/**
 * Reads a Cloud SQL database flag from `settings.databaseFlags[{ name, value }]`. Opaque when the
 * list, or an entry that could be the flag, is unknown.
 *
 * @example
 * ```ts
 * readFlag({ settings: { databaseFlags: [{ name: "log_connections", value: "on" }] } }, "log_connections");
 * // { kind: "set", value: "on" }
 * ```
 */
function readFlag(inputs, flag) {
    const list = read(inputs, "settings.databaseFlags");
    if (list.kind !== "set")
        return list.kind === "opaque" ? { kind: "opaque", path: list.path } : ABSENT;
    if (!Array.isArray(list.value))
        return ABSENT;
    let someOpaque = false;
    for (const entry of list.value) {
        const name = read(entry, "name");
        if (isOpaque(entry) || name.kind === "opaque") {
            someOpaque = true;
            continue;
        }
        if (name.kind === "set" && name.value === flag) {
            const value = read(entry, "value");
            if (value.kind === "opaque")
                return { kind: "opaque", path: `settings.databaseFlags[${flag}]` };
            return value.kind === "set" ? { kind: "set", value: String(value.value) } : ABSENT;
        }
    }
    return someOpaque ? { kind: "opaque", path: "settings.databaseFlags" } : ABSENT;
}
/**
 * Seconds in a protobuf Duration string or number of seconds; undefined when not a duration.
 *
 * @example
 * ```ts
 * seconds("7776000s"); // 7776000
 * ```
 */
function seconds(value) {
    if (typeof value === "number" && Number.isFinite(value))
        return value;
    if (typeof value === "string")
        return (0, durations_1.durationSeconds)(value);
    return undefined;
}
/** Identities that make a grant public. */
exports.PUBLIC_MEMBERS = [
    "allUsers",
    "allAuthenticatedUsers",
    "principalSet://goog/public:all",
];
/**
 * True for `allUsers`, `allAuthenticatedUsers` and the `principalSet://goog/public:all` principal.
 *
 * @example
 * ```ts
 * isPublicMember("allUsers"); // true
 * ```
 */
function isPublicMember(member) {
    return exports.PUBLIC_MEMBERS.includes(member.trim());
}
/**
 * Reads the grants of an IAM resource, whatever its flavour: `*IamMember`/`*IAMMember` (`role` +
 * `member`), `*IamBinding`/`*IAMBinding` (`role` + `members`) or `*IamPolicy`/`*IAMPolicy`
 * (`policyData` JSON with `bindings`).
 *
 * @example
 * ```ts
 * iamGrants({ role: "roles/run.invoker", member: "allUsers" }).grants; // [{ role: "roles/run.invoker", member: "allUsers" }]
 * ```
 */
function iamGrants(inputs) {
    const grants = [];
    const opaque = [];
    const policy = read(inputs, "policyData");
    if (policy.kind === "opaque")
        opaque.push("policyData");
    if (policy.kind === "set" && typeof policy.value === "string") {
        let parsed;
        try {
            parsed = JSON.parse(policy.value);
        }
        catch {
            parsed = undefined;
        }
        const bindings = valueAt(parsed, "bindings");
        if (Array.isArray(bindings)) {
            for (const b of bindings) {
                const role = valueAt(b, "role");
                const members = valueAt(b, "members");
                if (typeof role === "string" && Array.isArray(members))
                    for (const m of members)
                        if (typeof m === "string")
                            grants.push({ role, member: m });
            }
        }
    }
    const role = read(inputs, "role");
    if (role.kind === "opaque")
        opaque.push("role");
    const member = read(inputs, "member");
    const members = read(inputs, "members");
    if (member.kind === "opaque")
        opaque.push("member");
    if (members.kind === "opaque")
        opaque.push("members");
    const list = [];
    if (member.kind === "set")
        list.push(member.value);
    if (members.kind === "set" && Array.isArray(members.value))
        list.push(...members.value);
    for (const m of list) {
        if (isOpaque(m)) {
            opaque.push(member.kind === "set" ? "member" : "members");
            continue;
        }
        if (typeof m === "string" && role.kind === "set" && typeof role.value === "string")
            grants.push({ role: role.value, member: m });
    }
    return { grants, opaque: [...new Set(opaque)] };
}
/**
 * True when `urn` matches one of the patterns: an exact URN, or a prefix ending in `*`.
 *
 * @example
 * ```ts
 * matchesUrn("urn:pulumi:prod::platform::gcp:sql/database:Database::app", ["urn:pulumi:prod::platform::*"]); // true
 * ```
 */
function matchesUrn(urn, patterns) {
    if (!patterns)
        return false;
    return patterns.some((p) => {
        const pattern = p.trim();
        if (pattern === "*")
            return true;
        return pattern.endsWith("*") ? urn.startsWith(pattern.slice(0, -1)) : urn === pattern;
    });
}
/**
 * Renders a value for a message: strings quoted, opaque values as `(unknown)`.
 *
 * @example
 * ```ts
 * showValue("ZONAL"); // "\"ZONAL\""
 * ```
 */
function showValue(value) {
    if (isOpaque(value))
        return "(unknown)";
    if (value === undefined)
        return "(unset)";
    if (typeof value === "string")
        return JSON.stringify(value);
    return JSON.stringify(value) ?? Object.prototype.toString.call(value);
}
//# sourceMappingURL=values.js.map