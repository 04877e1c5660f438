"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.toFinding = toFinding;
exports.evaluateResourceRule = evaluateResourceRule;
exports.evaluateStackRule = evaluateStackRule;
exports.evaluateStepRule = evaluateStepRule;
exports.stepSubjects = stepSubjects;
exports.sortFindings = sortFindings;
exports.runGuards = runGuards;
exports.summarizeFindings = summarizeFindings;
exports.checkInventory = checkInventory;
/**
 * Running guards: over PlanSteps (review), synth inventories (`checkInventory`) or both, and
 * summarizing the findings. The evaluate* functions are shared with the CrossGuard pack.
 */
const errors_1 = require("../../components/shared/errors");
const profiles_1 = require("../../components/shared/profiles");
const model_1 = require("../model");
const registry_1 = require("./registry");
const types_1 = require("./types");
/** Ops whose step carries the resource's state after the change. */
const NEW_STATE_OPS = new Set([
    model_1.Op.create,
    model_1.Op.update,
    model_1.Op.same,
    model_1.Op.replace,
    model_1.Op.createReplacement,
    model_1.Op.import,
    model_1.Op.importReplacement,
]);
const SEVERITY_ORDER = [
    model_1.Severity.critical,
    model_1.Severity.high,
    model_1.Severity.medium,
    model_1.Severity.low,
    model_1.Severity.info,
];
/**
 * Turns a rule's hit into a Finding: info when unverified, blocking only when the rule is
 * mandatory in the profile and the hit is not advisory.
 *
 * @example
 * ```ts
 * toFinding(rule, { message: "set authEnabled: true" }, ctx, resource);
 * ```
 */
function toFinding(rule, hit, ctx, subject) {
    const enforcement = (0, types_1.enforcementFor)(rule, ctx.profile);
    const severity = hit.unverified ? model_1.Severity.info : (hit.severity ?? rule.severity);
    const urn = hit.urn ?? subject?.urn;
    const type = hit.type ?? subject?.type;
    return {
        id: rule.id,
        refs: rule.refs,
        severity,
        blocking: !hit.unverified && !hit.advisory && severity !== model_1.Severity.info && enforcement === types_1.Enforcement.mandatory,
        message: hit.message,
        ...(urn !== undefined ? { urn } : {}),
        ...(type !== undefined ? { type } : {}),
    };
}
/**
 * Runs one resource rule on one resource (nothing when the type does not apply or the rule is
 * disabled in the profile).
 *
 * @example
 * ```ts
 * evaluateResourceRule(REDIS_AUTH, redis, { profile: "prod", resources: [redis] });
 * ```
 */
function evaluateResourceRule(rule, resource, ctx) {
    if (!rule.appliesTo.includes(resource.type))
        return [];
    if ((0, types_1.enforcementFor)(rule, ctx.profile) === types_1.Enforcement.disabled)
        return [];
    return rule.check(resource, ctx).map((h) => toFinding(rule, h, ctx, resource));
}
/**
 * Runs one stack rule over every resource after the change.
 *
 * @example
 * ```ts
 * evaluateStackRule(AUDIT_LOGS_ALL_SERVICES, resources, { profile: "prod", resources });
 * ```
 */
function evaluateStackRule(rule, resources, ctx) {
    if ((0, types_1.enforcementFor)(rule, ctx.profile) === types_1.Enforcement.disabled)
        return [];
    if (rule.existence && ctx.partialPlan)
        return [];
    return rule.check(resources, ctx).map((h) => toFinding(rule, h, ctx));
}
/**
 * Runs one step rule over the plan.
 *
 * @example
 * ```ts
 * evaluateStepRule(DATA_LOSS_RULE, steps, { profile: "prod", resources: [] });
 * ```
 */
function evaluateStepRule(rule, steps, ctx) {
    if ((0, types_1.enforcementFor)(rule, ctx.profile) === types_1.Enforcement.disabled)
        return [];
    return rule.check(steps, ctx).map((h) => toFinding(rule, h, ctx));
}
/**
 * The resources a plan leaves behind, as guard subjects (new inputs, old inputs kept for messages).
 *
 * @example
 * ```ts
 * stepSubjects(steps).map((r) => r.urn);
 * ```
 */
function stepSubjects(steps) {
    const byUrn = new Map();
    for (const s of steps) {
        if (!NEW_STATE_OPS.has(s.op) || !s.newInputs)
            continue;
        byUrn.set(s.urn, {
            urn: s.urn,
            type: s.type,
            name: s.name,
            inputs: s.newInputs,
            ...(s.parent !== undefined ? { parent: s.parent } : {}),
            ...(s.protect !== undefined ? { protect: s.protect } : {}),
            ...(s.oldInputs !== undefined && s.op !== model_1.Op.same ? { oldInputs: s.oldInputs } : {}),
        });
    }
    return [...byUrn.values()];
}
function resolveRules(rules) {
    if (!rules)
        return registry_1.RULES;
    return rules.map((r) => {
        if (typeof r !== "string")
            return r;
        const rule = registry_1.RULES_BY_ID.get(r);
        if (!rule)
            throw new errors_1.PlatformError(`runGuards: unknown rule id "${r}"; known ids: ${[...registry_1.RULES_BY_ID.keys()].join(", ")}`);
        return rule;
    });
}
/**
 * Orders findings: blocking first, then by severity, rule id and URN.
 *
 * @example
 * ```ts
 * sortFindings(findings)[0]?.blocking; // true when anything blocks
 * ```
 */
function sortFindings(findings) {
    return [...findings].sort((a, b) => Number(b.blocking) - Number(a.blocking) ||
        SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
        a.id.localeCompare(b.id) ||
        (a.urn ?? "").localeCompare(b.urn ?? "") ||
        a.message.localeCompare(b.message));
}
function dedupe(findings) {
    const seen = new Set();
    return findings.filter((f) => {
        const key = `${f.id}\u0000${f.urn ?? ""}\u0000${f.message}\u0000${f.blocking}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/**
 * Runs the guards over a plan and/or an inventory. Resource rules see every resource the plan
 * leaves behind (and every inventory row); stack rules see the inventory when given, else the
 * plan's resulting state; step rules see the plan.
 *
 * @example
 * ```ts
 * const findings = runGuards({ steps, profile: "prod", allowDataLoss: ["urn:pulumi:prod::platform::*::cache-redis"] });
 * if (summarizeFindings(findings).blocking > 0) process.exitCode = 1;
 * ```
 */
function runGuards(input) {
    if (!profiles_1.PROFILES.includes(input.profile))
        throw new errors_1.PlatformError(`runGuards: profile must be one of ${profiles_1.PROFILES.join(", ")}, got ${JSON.stringify(input.profile)}`);
    const rules = resolveRules(input.rules);
    const steps = input.steps ?? [];
    const fromSteps = stepSubjects(steps);
    const inventory = input.resources ?? [];
    const covered = new Set(fromSteps.map((r) => r.urn));
    const subjects = [...fromSteps, ...inventory.filter((r) => !covered.has(r.urn))];
    const after = inventory.length > 0 ? inventory : fromSteps;
    const ctx = {
        profile: input.profile,
        resources: after,
        ...(input.allowDataLoss ? { allowDataLoss: input.allowDataLoss } : {}),
        ...(input.publicServices ? { publicServices: input.publicServices } : {}),
        ...(input.partialPlan !== undefined ? { partialPlan: input.partialPlan } : {}),
    };
    const findings = [];
    for (const rule of rules) {
        switch (rule.scope) {
            case types_1.Scope.resource:
                for (const r of subjects)
                    findings.push(...evaluateResourceRule(rule, r, ctx));
                break;
            case types_1.Scope.stack:
                if (after.length > 0)
                    findings.push(...evaluateStackRule(rule, after, ctx));
                break;
            case types_1.Scope.step:
                if (steps.length > 0)
                    findings.push(...evaluateStepRule(rule, steps, ctx));
                break;
        }
    }
    return sortFindings(dedupe(findings));
}
/**
 * Summarizes findings for exit codes and headers.
 *
 * @example
 * ```ts
 * const s = summarizeFindings(findings); // { total: 3, blocking: 1, advisory: 1, info: 1, passed: false, … }
 * ```
 */
function summarizeFindings(findings) {
    const bySeverity = Object.fromEntries(SEVERITY_ORDER.map((s) => [s, 0]));
    const byRule = {};
    let blocking = 0;
    let info = 0;
    for (const f of findings) {
        bySeverity[f.severity] += 1;
        byRule[f.id] = (byRule[f.id] ?? 0) + 1;
        if (f.blocking)
            blocking += 1;
        else if (f.severity === model_1.Severity.info)
            info += 1;
    }
    return {
        total: findings.length,
        blocking,
        advisory: findings.length - blocking - info,
        info,
        bySeverity,
        byRule,
        passed: blocking === 0,
    };
}
/**
 * Checks a synth inventory against every resource and stack rule for a profile. "Passes every
 * rule" means `passed`; "passes every L1 rule" means no `failedRules` entry with level L1.
 *
 * @example
 * ```ts
 * const result = checkInventory(synth.resources, "prod");
 * expectValue(result.blocking).toEqual([]);
 * expectValue(checkInventory(devSynth.resources, "dev").failedRules.filter((r) => r.level === "L1")).toEqual([]);
 * ```
 */
function checkInventory(resources, profile, options = {}) {
    const findings = runGuards({ ...options, resources, profile });
    const blocking = findings.filter((f) => f.blocking);
    const unverified = findings.filter((f) => !f.blocking && f.severity === model_1.Severity.info);
    const advisory = findings.filter((f) => !f.blocking && f.severity !== model_1.Severity.info);
    const failed = new Map();
    for (const f of [...blocking, ...advisory]) {
        const rule = registry_1.RULES_BY_ID.get(f.id);
        if (!rule || rule.advisoryOnly)
            continue;
        // A mandatory rule's non-blocking hit was waived on purpose (explicitly public, acknowledged).
        if (!f.blocking && (0, types_1.enforcementFor)(rule, profile) === types_1.Enforcement.mandatory)
            continue;
        const prev = failed.get(f.id);
        failed.set(f.id, {
            id: f.id,
            level: rule.level,
            blocking: (prev?.blocking ?? false) || f.blocking,
            count: (prev?.count ?? 0) + 1,
        });
    }
    return {
        findings,
        blocking,
        advisory,
        unverified,
        failedRules: [...failed.values()],
        passed: blocking.length === 0,
        summary: summarizeFindings(findings),
    };
}
//# sourceMappingURL=run.js.map