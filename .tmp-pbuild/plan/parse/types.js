"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CHANGE_KIND_OF_OP = exports.ChangeKind = exports.ROOT_STACK_TYPE = exports.PlanParseError = exports.MAX_CORRUPT_LISTED = exports.EnforcementLevel = exports.DiagnosticSeverity = void 0;
exports.isRootStack = isRootStack;
exports.countChanges = countChanges;
exports.changeKind = changeKind;
/**
 * What the parsers return, whatever they read: an engine event log, a preview digest, a streaming
 * JSON preview or a synth inventory.
 */
const errors_1 = require("../../components/shared/errors");
const model_1 = require("../model");
/** Engine diagnostic severities. */
exports.DiagnosticSeverity = {
    debug: "debug",
    info: "info",
    infoErr: "info#err",
    warning: "warning",
    error: "error",
};
/** Policy enforcement levels as events carry them. */
exports.EnforcementLevel = {
    advisory: "advisory",
    warning: "warning",
    mandatory: "mandatory",
    remediate: "remediate",
    disabled: "disabled",
};
/** Corrupt lines listed individually; more are only counted. */
exports.MAX_CORRUPT_LISTED = 1000;
/**
 * Input that cannot be read as what it claims to be. The message names the file, the line (when
 * there is one) and what was expected.
 *
 * @example
 * ```ts
 * throw new PlanParseError("plan.json: steps[2].op: expected one of same, create, …, got \"frobnicate\"", "plan.json");
 * ```
 */
class PlanParseError extends errors_1.PlatformError {
    file;
    line;
    name = "PlanParseError";
    constructor(message, file, line) {
        super(message);
        this.file = file;
        this.line = line;
    }
}
exports.PlanParseError = PlanParseError;
/** The root stack resource type. */
exports.ROOT_STACK_TYPE = "pulumi:pulumi:Stack";
/**
 * True for the root `pulumi:pulumi:Stack` step, which every run has and counts skip.
 *
 * @example
 * ```ts
 * const resources = steps.filter((s) => !isRootStack(s));
 * ```
 */
function isRootStack(step) {
    return step.type === exports.ROOT_STACK_TYPE;
}
/** The change columns every renderer shows. */
exports.ChangeKind = { create: "create", update: "update", delete: "delete", replace: "replace" };
/** Op → change column; ops not listed (same, read, refresh, …) are not changes. */
exports.CHANGE_KIND_OF_OP = {
    [model_1.Op.create]: exports.ChangeKind.create,
    [model_1.Op.import]: exports.ChangeKind.create,
    [model_1.Op.update]: exports.ChangeKind.update,
    [model_1.Op.delete]: exports.ChangeKind.delete,
    [model_1.Op.deleteReplaced]: exports.ChangeKind.delete,
    [model_1.Op.discard]: exports.ChangeKind.delete,
    [model_1.Op.discardReplaced]: exports.ChangeKind.delete,
    [model_1.Op.replace]: exports.ChangeKind.replace,
    [model_1.Op.createReplacement]: exports.ChangeKind.replace,
    [model_1.Op.importReplacement]: exports.ChangeKind.replace,
};
/**
 * Counts steps per change column, skipping the root stack step and non-changes.
 *
 * @example
 * ```ts
 * countChanges(result.steps); // { create: 3, update: 1, delete: 0, replace: 1 }
 * ```
 */
function countChanges(steps) {
    const counts = { create: 0, update: 0, delete: 0, replace: 0 };
    for (const step of steps) {
        if (isRootStack(step))
            continue;
        const kind = exports.CHANGE_KIND_OF_OP[step.op];
        if (kind)
            counts[kind]++;
    }
    return counts;
}
/**
 * The change column of a step, or undefined when the step changes nothing.
 *
 * @example
 * ```ts
 * changeKind({ op: "create-replacement" } as PlanStep); // "replace"
 * ```
 */
function changeKind(step) {
    return exports.CHANGE_KIND_OF_OP[step.op];
}
//# sourceMappingURL=types.js.map