"use strict";
/**
 * One normalized model of what a change does. Every consumer downstream of the engine (cost,
 * guards, renderers) reads PlanSteps, whatever produced them: a real preview, a recorded event
 * log, a `pulumi preview --json` digest, or an offline synth diff.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.Severity = exports.DESTRUCTIVE_OPS = exports.SECRET = exports.UNKNOWN = exports.SECRET_TEXT = exports.UNKNOWN_SENTINEL = exports.DiffKind = exports.OPS = exports.Op = void 0;
exports.parseUrn = parseUrn;
/** Engine step operations (Automation API `OpType` plus the Go engine's extras). */
exports.Op = {
    same: "same",
    create: "create",
    update: "update",
    delete: "delete",
    replace: "replace",
    createReplacement: "create-replacement",
    deleteReplaced: "delete-replaced",
    read: "read",
    readReplacement: "read-replacement",
    refresh: "refresh",
    discard: "discard",
    discardReplaced: "discard-replaced",
    removePendingReplace: "remove-pending-replace",
    import: "import",
    importReplacement: "import-replacement",
    diff: "diff",
    extendParameterize: "extend-parameterize",
};
/** All known step operations. */
exports.OPS = Object.values(exports.Op);
/** Kinds of a detailed property diff (engine events call the field `diffKind`, preview JSON `kind`). */
exports.DiffKind = {
    add: "add",
    addReplace: "add-replace",
    delete: "delete",
    deleteReplace: "delete-replace",
    update: "update",
    updateReplace: "update-replace",
};
/** The engine's unknown-value sentinel (a computed value not known during preview). */
exports.UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** The string Pulumi renders in place of a secret value. */
exports.SECRET_TEXT = "[secret]";
/**
 * Marker values that replace the engine's sentinels inside normalized inputs, so nothing
 * downstream mistakes them for real strings (a tier called "[secret]" does not exist).
 */
exports.UNKNOWN = Symbol.for("platform.plan.unknown");
/** See {@link UNKNOWN}. */
exports.SECRET = Symbol.for("platform.plan.secret");
/** Steps whose op means the resource (or its data) goes away. */
exports.DESTRUCTIVE_OPS = new Set([
    exports.Op.delete,
    exports.Op.replace,
    exports.Op.deleteReplaced,
    exports.Op.discardReplaced,
    exports.Op.importReplacement,
]);
/** Splits a URN into its parts. `urn:pulumi:<stack>::<project>::<parent types$type>::<name>` */
function parseUrn(urn) {
    const parts = urn.split("::");
    if (parts.length < 4 || !parts[0].startsWith("urn:pulumi:"))
        return undefined;
    const qualified = parts[2];
    return {
        stack: parts[0].slice("urn:pulumi:".length),
        project: parts[1],
        type: qualified.slice(qualified.lastIndexOf("$") + 1),
        name: parts.slice(3).join("::"),
    };
}
/** How bad a finding is. */
exports.Severity = {
    critical: "critical",
    high: "high",
    medium: "medium",
    low: "low",
    info: "info",
};
//# sourceMappingURL=model.js.map