"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DATA_LOSS_RULES = exports.SAFEGUARD_RULE = exports.DATA_LOSS_RULE = exports.DATA_RESOURCES = void 0;
exports.isDataResource = isDataResource;
/**
 * Data-loss guards over PlanSteps: replacing or deleting a resource that holds data blocks the
 * review until the URN is acknowledged (`--allow-data-loss <urn>`); turning a safeguard off warns.
 */
const model_1 = require("../model");
const types_1 = require("./types");
const values_1 = require("./values");
/**
 * Resource types that hold data, and what a destroy loses.
 *
 * @example
 * ```ts
 * DATA_RESOURCES["gcp:redis/instance:Instance"]; // "every key in the Memorystore instance …"
 * ```
 */
exports.DATA_RESOURCES = {
    "gcp:sql/databaseInstance:DatabaseInstance": "every database on the Cloud SQL instance, with its point-in-time-recovery logs (and its automated backups unless settings.retainBackupsOnDelete)",
    "gcp:sql/database:Database": "the database and all its tables and rows",
    "gcp:redis/instance:Instance": "every key in the Memorystore instance (sessions, queues, cached data); the new instance starts empty",
    "gcp:kms/cryptoKey:CryptoKey": "all versions of the key are scheduled for destruction; data encrypted with it (CMEK disks, backups, secrets) becomes unreadable for good",
    "gcp:kms/cryptoKeyVersion:CryptoKeyVersion": "the key version is scheduled for destruction; data encrypted with it becomes unreadable",
    "gcp:kms/keyRing:KeyRing": "GCP never deletes a key ring: Pulumi forgets it, and a replacement is a new empty ring, so its keys and the data they encrypt are no longer managed",
    "gcp:secretmanager/secret:Secret": "the secret and every version of it",
    "gcp:secretmanager/secretVersion:SecretVersion": "the secret version's payload is destroyed; anything pinned to that version fails to read it",
    "gcp:storage/bucket:Bucket": "the bucket and every object in it",
};
/**
 * True for types listed in {@link DATA_RESOURCES}.
 *
 * @example
 * ```ts
 * isDataResource("gcp:storage/bucket:Bucket"); // true
 * ```
 */
function isDataResource(type) {
    return Object.hasOwn(exports.DATA_RESOURCES, type);
}
/** Ops that mean the old resource is replaced by a new, empty one. */
const REPLACE_OPS = new Set([
    model_1.Op.replace,
    model_1.Op.createReplacement,
    model_1.Op.deleteReplaced,
    model_1.Op.discardReplaced,
    model_1.Op.importReplacement,
]);
/** `deletionPolicy` values under which the provider does not destroy the data. */
const SPARING_POLICIES = {
    ABANDON: "deletionPolicy ABANDON leaves it in the cloud (Pulumi only forgets it)",
    PREVENT: "deletionPolicy PREVENT makes the provider refuse: the update will fail at apply",
    DISABLE: "deletionPolicy DISABLE only disables the version; its payload is kept",
};
/**
 * The single destructive action per URN: a replacement (any half of it) wins over a delete;
 * `discard` (retainOnDelete) is kept apart because nothing is destroyed.
 */
function destructiveActions(steps) {
    const byUrn = new Map();
    for (const step of steps) {
        const kind = REPLACE_OPS.has(step.op)
            ? "replace"
            : step.op === model_1.Op.delete
                ? "delete"
                : step.op === model_1.Op.discard
                    ? "discard"
                    : undefined;
        if (!kind)
            continue;
        const prev = byUrn.get(step.urn);
        if (!prev)
            byUrn.set(step.urn, { kind, step, steps: [step] });
        else {
            prev.steps.push(step);
            if (kind === "replace" && prev.kind !== "replace")
                Object.assign(prev, { kind, step });
        }
    }
    return [...byUrn.values()];
}
/** Pulls the first known `deletionPolicy` from the steps of one URN (old state first). */
function deletionPolicy(steps) {
    for (const s of steps) {
        for (const inputs of [s.oldInputs, s.newInputs]) {
            const r = (0, values_1.read)(inputs, "deletionPolicy");
            if (r.kind === "set" && typeof r.value === "string")
                return r.value.toUpperCase();
        }
    }
    return undefined;
}
function quote(urn) {
    return `'${urn.replaceAll("'", "'\\''")}'`;
}
/**
 * `platform/data-loss`: blocking unless acknowledged by URN or prefix glob.
 *
 * @example
 * ```ts
 * DATA_LOSS_RULE.check(steps, { profile: "prod", resources: [], allowDataLoss: [urn] });
 * ```
 */
exports.DATA_LOSS_RULE = {
    scope: types_1.Scope.step,
    id: "platform/data-loss",
    refs: ["CKV_GCP_82"],
    severity: model_1.Severity.critical,
    level: types_1.Level.L1,
    category: types_1.Category.dataLoss,
    enforcement: types_1.ALWAYS_MANDATORY,
    description: "Replacing or deleting a resource that holds data (Cloud SQL instance or database, Memorystore, KMS key or ring, Secret Manager secret or version, storage bucket) must be acknowledged by URN.",
    remediation: "Avoid the replacement (revert the field that forces it, or use an alias/import), or acknowledge it with --allow-data-loss <urn> after taking a backup.",
    appliesTo: Object.keys(exports.DATA_RESOURCES),
    check(steps, ctx) {
        const hits = [];
        for (const action of destructiveActions(steps)) {
            const { step, kind } = action;
            if (!isDataResource(step.type))
                continue;
            const what = exports.DATA_RESOURCES[step.type];
            const label = `${step.type} "${step.name}"`;
            if (kind === "discard") {
                hits.push({
                    message: `${label} is removed from the stack but retained in the cloud (retainOnDelete): nothing is destroyed.`,
                    urn: step.urn,
                    type: step.type,
                    severity: model_1.Severity.info,
                    advisory: true,
                });
                continue;
            }
            const policy = deletionPolicy(action.steps);
            const sparing = policy !== undefined ? SPARING_POLICIES[policy] : undefined;
            const spared = sparing !== undefined &&
                (policy !== "DISABLE" || step.type === "gcp:secretmanager/secretVersion:SecretVersion");
            if (spared && kind === "delete") {
                hits.push({
                    message: `${label} is deleted from the stack, but ${sparing}.`,
                    urn: step.urn,
                    type: step.type,
                    severity: model_1.Severity.info,
                    advisory: true,
                });
                continue;
            }
            const verb = kind === "replace" ? "Replacing" : "Deleting";
            const reasons = kind === "replace" && step.replaceReasons.length > 0
                ? ` (replacement forced by: ${step.replaceReasons.join(", ")})`
                : "";
            const protectedNote = step.protect
                ? " The resource is protected: the engine refuses until protect is removed."
                : "";
            const sparedNote = spared
                ? ` The old resource is kept (${sparing}), but the new one starts empty.`
                : "";
            if ((0, values_1.matchesUrn)(step.urn, ctx.allowDataLoss)) {
                hits.push({
                    message: `${verb} ${label} loses ${what}${reasons}. Acknowledged with --allow-data-loss.${sparedNote}`,
                    urn: step.urn,
                    type: step.type,
                    advisory: true,
                });
                continue;
            }
            hits.push({
                message: `${verb} ${label} loses ${what}${reasons}.${sparedNote}${protectedNote} ` +
                    `Avoid it (revert the change that forces it), or take a backup and acknowledge it: --allow-data-loss ${quote(step.urn)}`,
                urn: step.urn,
                type: step.type,
            });
        }
        return hits;
    },
};
/** Fields that keep a data resource from being destroyed, and whether they default to on. */
const SAFEGUARDS = [
    { type: "gcp:sql/databaseInstance:DatabaseInstance", path: "deletionProtection", defaultOn: true },
    {
        type: "gcp:sql/databaseInstance:DatabaseInstance",
        path: "settings.deletionProtectionEnabled",
        defaultOn: false,
    },
    { type: "gcp:redis/instance:Instance", path: "deletionProtection", defaultOn: true },
    { type: "gcp:secretmanager/secret:Secret", path: "deletionProtection", defaultOn: false },
];
/**
 * `platform/data-loss-safeguard`: a non-blocking warning when `deletionProtection` is turned off,
 * `deletionPolicy` goes back to DELETE, or `protect` is removed on a resource that holds data.
 *
 * @example
 * ```ts
 * SAFEGUARD_RULE.check([{ ...step, oldInputs: { deletionProtection: true }, newInputs: { deletionProtection: false } }], ctx);
 * ```
 */
exports.SAFEGUARD_RULE = {
    scope: types_1.Scope.step,
    id: "platform/data-loss-safeguard",
    refs: ["CKV_GCP_82"],
    severity: model_1.Severity.medium,
    level: types_1.Level.L1,
    category: types_1.Category.dataLoss,
    advisoryOnly: true,
    description: "Warns when deletion protection, a sparing deletionPolicy or Pulumi protect is removed from a resource that holds data.",
    remediation: "Keep the safeguard unless the resource is about to be retired on purpose; turn it back on right after.",
    appliesTo: Object.keys(exports.DATA_RESOURCES),
    check(steps) {
        const hits = [];
        for (const step of steps) {
            if (!isDataResource(step.type) || !step.oldInputs || !step.newInputs)
                continue;
            const label = `${step.type} "${step.name}"`;
            for (const guard of SAFEGUARDS.filter((g) => g.type === step.type)) {
                const now = (0, values_1.read)(step.newInputs, guard.path);
                const was = (0, values_1.read)(step.oldInputs, guard.path);
                if (now.kind !== "set" || now.value !== false)
                    continue;
                const wasOn = was.kind === "set" ? was.value === true : was.kind === "absent" && guard.defaultOn;
                if (!wasOn)
                    continue;
                hits.push({
                    message: `${label}: ${guard.path} is turned off (${was.kind === "set" ? (0, values_1.showValue)(was.value) : "default true"} → false). The next replace or delete will destroy ${exports.DATA_RESOURCES[step.type]}. Keep ${guard.path}: true unless you are retiring it.`,
                    urn: step.urn,
                    type: step.type,
                });
            }
            const policyNow = (0, values_1.read)(step.newInputs, "deletionPolicy");
            const policyWas = (0, values_1.read)(step.oldInputs, "deletionPolicy");
            if (policyNow.kind === "set" &&
                String(policyNow.value).toUpperCase() === "DELETE" &&
                policyWas.kind === "set" &&
                Object.hasOwn(SPARING_POLICIES, String(policyWas.value).toUpperCase())) {
                hits.push({
                    message: `${label}: deletionPolicy changes from ${(0, values_1.showValue)(policyWas.value)} to "DELETE"; a delete will now destroy ${exports.DATA_RESOURCES[step.type]}.`,
                    urn: step.urn,
                    type: step.type,
                });
            }
            if (step.oldProtect === true && step.protect === false) {
                hits.push({
                    message: `${label}: the protect resource option is removed; the engine will no longer refuse to delete it. Keep protect: true unless you are retiring it.`,
                    urn: step.urn,
                    type: step.type,
                });
            }
        }
        return hits;
    },
};
/** Both data-loss rules. */
exports.DATA_LOSS_RULES = [exports.DATA_LOSS_RULE, exports.SAFEGUARD_RULE];
//# sourceMappingURL=data-loss.js.map