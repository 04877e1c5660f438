"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.diffInventories = diffInventories;
exports.diffResource = diffResource;
/**
 * The offline diff: two synth inventories of one environment (the base branch and the PR head) →
 * PlanSteps, matched by URN. No cloud, no state: what the program asks for, before and after.
 */
const model_1 = require("../model");
const paths_1 = require("./paths");
const properties_1 = require("./properties");
const replace_rules_1 = require("./replace-rules");
/**
 * Diffs two inventories by URN:
 * - only in head → `create`; only in base → `delete` (listed after the head's resources);
 * - in both with equal inputs → `same`; otherwise `update`, or `replace` when a property in
 *   {@link REPLACE_RULES} changed (its top-level key goes to `replaceReasons`, its paths get the
 *   `*-replace` diff kinds).
 *
 * `detailedDiff` has one entry per changed leaf (`settings.tier`, `settings.databaseFlags[3].value`).
 * Secrets compare equal to each other: only a change of secret-ness is a change (see
 * `plan/diff/properties.ts`).
 *
 * @example
 * ```ts
 * const steps = diffInventories(await readInventory("base.json"), await readInventory("head.json"));
 * steps.filter((s) => s.op === "replace").map((s) => [s.name, s.replaceReasons]);
 * ```
 */
function diffInventories(base, head, options = {}) {
    const rules = options.rules ?? replace_rules_1.REPLACE_RULES;
    const before = new Map(base.resources.map((r) => [r.urn, r]));
    const headUrns = new Set(head.resources.map((r) => r.urn));
    const steps = [];
    for (const r of head.resources) {
        const old = before.get(r.urn);
        steps.push(old ? compare(old, r, rules) : created(r));
    }
    for (const r of base.resources)
        if (!headUrns.has(r.urn))
            steps.push(deleted(r));
    return steps;
}
/**
 * The step for one resource present on both sides.
 *
 * @example
 * ```ts
 * diffResource(baseDb, headDb).op; // "update"
 * ```
 */
function diffResource(old, next, rules = replace_rules_1.REPLACE_RULES) {
    return compare(old, next, rules);
}
function compare(old, next, rules) {
    const forced = (0, replace_rules_1.forcedReplacements)(next.type, old.inputs, next.inputs, rules);
    const forcing = (path) => forced.some((f) => (0, paths_1.isPathPrefix)(f.path, path) || (0, paths_1.isPathPrefix)(path, f.path));
    const detailed = (0, properties_1.detailedDiff)(old.inputs, next.inputs, forcing);
    const paths = Object.keys(detailed);
    const diffs = [...new Set(Object.keys(detailed).map(topKey))];
    const op = paths.length === 0 ? model_1.Op.same : forced.length > 0 ? model_1.Op.replace : model_1.Op.update;
    return {
        op,
        urn: next.urn,
        type: next.type,
        name: next.name,
        oldInputs: old.inputs,
        newInputs: next.inputs,
        diffs,
        replaceReasons: [...new Set(forced.map((f) => String(f.path[0])))],
        ...(paths.length > 0 ? { detailedDiff: detailed } : {}),
        ...(next.parent ? { parent: next.parent } : {}),
        protect: next.protect,
        logical: true,
    };
}
/** The top-level key of a formatted path (`settings.tier` → `settings`, `a["b.c"]` → `a`). */
function topKey(path) {
    const m = /^[^.[]+/.exec(path);
    if (m)
        return m[0];
    // A quoted first key: ["a.b"].c
    const q = /^\["((?:[^"\\]|\\.)*)"\]/.exec(path);
    return q ? JSON.parse(`"${q[1]}"`) : path;
}
function created(r) {
    return {
        op: model_1.Op.create,
        urn: r.urn,
        type: r.type,
        name: r.name,
        newInputs: r.inputs,
        diffs: [],
        replaceReasons: [],
        ...(r.parent ? { parent: r.parent } : {}),
        protect: r.protect,
        logical: true,
    };
}
function deleted(r) {
    return {
        op: model_1.Op.delete,
        urn: r.urn,
        type: r.type,
        name: r.name,
        oldInputs: r.inputs,
        diffs: [],
        replaceReasons: [],
        ...(r.parent ? { parent: r.parent } : {}),
        protect: r.protect,
        logical: true,
    };
}
//# sourceMappingURL=inventory-diff.js.map