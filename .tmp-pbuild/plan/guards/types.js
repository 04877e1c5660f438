"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ALWAYS_MANDATORY = exports.PROD_ONLY = exports.Scope = exports.Category = exports.Enforcement = exports.Level = void 0;
exports.enforcementFor = enforcementFor;
exports.unverified = unverified;
exports.expectValue = expectValue;
exports.changed = changed;
/**
 * The shape of a guard rule and of what it inspects. Rules are plain objects with a pure `check`:
 * the same object runs over PlanSteps (review), synth inventories and inside the CrossGuard pack.
 */
const profiles_1 = require("../../components/shared/profiles");
const values_1 = require("./values");
/** CIS-style benchmark level. L1 = baseline every environment should meet; L2 = defence in depth. */
exports.Level = { L1: "L1", L2: "L2" };
/** What a rule's violation does in a given profile (the CrossGuard enforcement levels we use). */
exports.Enforcement = { mandatory: "mandatory", advisory: "advisory", disabled: "disabled" };
/** Rule families, for grouping in reports and docs. */
exports.Category = {
    dataLoss: "data-loss",
    prodProfile: "prod-profile",
    security: "security",
};
/** How a rule looks at the world. */
exports.Scope = {
    /** One resource's inputs at a time (CrossGuard `validateResource`). */
    resource: "resource",
    /** The whole set of resources after the change (CrossGuard `validateStack`). */
    stack: "stack",
    /** The plan's operations (replace, delete, old vs new); not expressible in CrossGuard. */
    step: "step",
};
/**
 * The enforcement of a rule in a profile: an explicit `enforcement` entry wins; `advisoryOnly`
 * rules never block; otherwise prod = mandatory, staging = L1 mandatory, dev = L1 critical
 * mandatory, everything else advisory.
 *
 * @example
 * ```ts
 * enforcementFor({ level: "L2" } as Rule, "staging"); // "advisory"
 * ```
 */
function enforcementFor(rule, profile) {
    const explicit = rule.enforcement?.[profile];
    if (explicit)
        return explicit;
    if (rule.advisoryOnly)
        return exports.Enforcement.advisory;
    switch (profile) {
        case profiles_1.Profile.prod:
            return exports.Enforcement.mandatory;
        case profiles_1.Profile.staging:
            return rule.level === exports.Level.L1 ? exports.Enforcement.mandatory : exports.Enforcement.advisory;
        case profiles_1.Profile.dev:
            return rule.level === exports.Level.L1 && rule.critical ? exports.Enforcement.mandatory : exports.Enforcement.advisory;
    }
}
/** Prod-only rules: blocking in prod, a heads-up in staging, silent in dev. */
exports.PROD_ONLY = {
    dev: exports.Enforcement.disabled,
    staging: exports.Enforcement.advisory,
    prod: exports.Enforcement.mandatory,
};
/** Always blocking (data loss must be acknowledged in every environment). */
exports.ALWAYS_MANDATORY = {
    dev: exports.Enforcement.mandatory,
    staging: exports.Enforcement.mandatory,
    prod: exports.Enforcement.mandatory,
};
/**
 * A hit saying a value cannot be checked before apply.
 *
 * @example
 * ```ts
 * return [unverified("settings.ipConfiguration.sslMode")];
 * ```
 */
function unverified(path, what = "the value") {
    return { message: `cannot verify until apply: ${what} at ${path} is not known yet`, unverified: true };
}
/**
 * The common rule body "this path must satisfy `ok`": no hit when it does, an info hit when the
 * value is opaque, otherwise one hit with `fail(read)` as message.
 *
 * @example
 * ```ts
 * return expectValue(r.inputs, "authEnabled", (v) => v === true, (got) => `authEnabled is ${got}; set authEnabled: true`);
 * ```
 */
function expectValue(inputs, path, ok, fail) {
    const r = (0, values_1.read)(inputs, path);
    if (r.kind === "opaque")
        return [unverified(r.path)];
    const value = r.kind === "set" ? r.value : undefined;
    if (ok(value))
        return [];
    return [{ message: fail((0, values_1.showValue)(value), r) }];
}
/**
 * Describes how a field changed, for messages on steps: `from "REGIONAL" to "ZONAL"` or `is "ZONAL"`.
 *
 * @example
 * ```ts
 * changed(resource, "settings.availabilityType"); // 'changed from "REGIONAL" to "ZONAL"'
 * ```
 */
function changed(resource, path) {
    const now = (0, values_1.showValue)((0, values_1.read)(resource.inputs, path).kind === "set" ? valueOf(resource.inputs, path) : undefined);
    if (!resource.oldInputs)
        return `is ${now}`;
    const before = (0, values_1.read)(resource.oldInputs, path);
    const was = before.kind === "set" ? (0, values_1.showValue)(before.value) : before.kind === "opaque" ? "(unknown)" : "(unset)";
    return was === now ? `is ${now}` : `changed from ${was} to ${now}`;
}
function valueOf(inputs, path) {
    const r = (0, values_1.read)(inputs, path);
    return r.kind === "set" ? r.value : undefined;
}
//# sourceMappingURL=types.js.map