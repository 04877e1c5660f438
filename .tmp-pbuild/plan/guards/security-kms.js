"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KMS_RULES = exports.KMS_SEPARATION_OF_DUTIES = exports.KMS_NOT_PUBLIC = exports.KMS_PREVENT_DESTROY = exports.KMS_ROTATION = exports.KMS_ADMIN_ROLE = exports.KMS_USE_ROLES = exports.MIN_ROTATION_SECONDS = void 0;
/**
 * Cloud KMS rules: reference table §1a rows 28–34 (rotation, prevent-destroy, no public keys,
 * separation of duties).
 */
const model_1 = require("../model");
const prod_profile_1 = require("./prod-profile");
const tokens_1 = require("./tokens");
const types_1 = require("./types");
const values_1 = require("./values");
/** Shortest rotation the API accepts: one day. */
exports.MIN_ROTATION_SECONDS = 86_400;
/** KMS roles that use a key (CIS 1.11 forbids holding one of them together with cloudkms.admin). */
exports.KMS_USE_ROLES = [
    "roles/cloudkms.cryptoKeyEncrypterDecrypter",
    "roles/cloudkms.cryptoKeyEncrypter",
    "roles/cloudkms.cryptoKeyDecrypter",
];
/** The KMS administration role. */
exports.KMS_ADMIN_ROLE = "roles/cloudkms.admin";
const label = (r) => `${r.type.slice(r.type.lastIndexOf(":") + 1)} "${r.name}"`;
/** Rows 28–30: rotation between 1 and 90 days on symmetric keys. */
exports.KMS_ROTATION = {
    scope: types_1.Scope.resource,
    category: types_1.Category.security,
    id: "gcp/kms-rotation",
    refs: ["CKV_GCP_43", "AVD-GCP-0065", "KICS d8c57c4e", "CIS 1.10"],
    level: types_1.Level.L1,
    critical: true,
    severity: model_1.Severity.high,
    description: "Symmetric KMS keys rotate every 1–90 days (rotationPeriod 86400s–7776000s); asymmetric keys are not applicable.",
    remediation: 'Set rotationPeriod: "7776000s" (KmsKeyRing rotationDays: 90).',
    appliesTo: [tokens_1.GCP.cryptoKey],
    check(r) {
        const symmetric = (0, prod_profile_1.isSymmetricKey)(r);
        if (symmetric === "opaque")
            return [(0, types_1.unverified)("purpose")];
        if (!symmetric)
            return [];
        return (0, types_1.expectValue)(r.inputs, "rotationPeriod", (v) => {
            const s = (0, values_1.seconds)(v);
            return s !== undefined && s >= exports.MIN_ROTATION_SECONDS && s <= prod_profile_1.MAX_ROTATION_SECONDS;
        }, (got) => `${label(r)}: rotationPeriod is ${got === "(unset)" ? "missing (the key never rotates)" : got}; set rotationPeriod between "86400s" and "7776000s" (90 days).`);
    },
};
/** Row 31: keys are protected (Pulumi's `protect`, Terraform's prevent_destroy). */
exports.KMS_PREVENT_DESTROY = {
    scope: types_1.Scope.resource,
    category: types_1.Category.security,
    id: "gcp/kms-prevent-destroy",
    refs: ["CKV_GCP_82"],
    level: types_1.Level.L2,
    severity: model_1.Severity.high,
    description: "KMS keys carry the protect resource option: destroying a key makes everything encrypted with it unreadable.",
    remediation: "Create the key with { protect: true } (KmsKeyRing protect defaults to true).",
    appliesTo: [tokens_1.GCP.cryptoKey],
    check(r) {
        if (r.protect === true)
            return [];
        if (r.protect === undefined)
            return [(0, types_1.unverified)("opts.protect", "the protect option")];
        return [
            {
                message: `${label(r)}: the key is not protected; create it with { protect: true } so no program edit can destroy it (all data encrypted with it would be lost).`,
            },
        ];
    },
};
/** Rows 32–33: no public grant on keys or key rings. */
exports.KMS_NOT_PUBLIC = {
    scope: types_1.Scope.resource,
    category: types_1.Category.security,
    id: "gcp/kms-not-public",
    refs: ["CKV_GCP_112", "CKV2_GCP_6", "CKV2_GCP_8", "KICS 16cc87d1", "CIS 1.9"],
    level: types_1.Level.L1,
    critical: true,
    severity: model_1.Severity.critical,
    description: "No KMS crypto key or key ring grants a role to allUsers or allAuthenticatedUsers.",
    remediation: "Grant the role to named service accounts only.",
    appliesTo: [...tokens_1.KMS_IAM_TYPES],
    check(r) {
        const { grants, opaque } = (0, values_1.iamGrants)(r.inputs);
        const hits = grants
            .filter((g) => (0, values_1.isPublicMember)(g.member))
            .map((g) => ({
            message: `${label(r)}: ${g.role} is granted to ${g.member}, making the key usable by anyone; grant it to named service accounts instead.`,
        }));
        return [...hits, ...opaque.map((p) => (0, types_1.unverified)(p))];
    },
};
const SOD_TYPES = [...tokens_1.PROJECT_IAM_TYPES, ...tokens_1.KMS_IAM_TYPES];
/** Row 34: the same member must not administer keys and use them. */
exports.KMS_SEPARATION_OF_DUTIES = {
    scope: types_1.Scope.stack,
    category: types_1.Category.security,
    id: "gcp/kms-separation-of-duties",
    refs: ["KICS 92e4464a", "CIS 1.11"],
    level: types_1.Level.L2,
    severity: model_1.Severity.medium,
    description: "No member holds roles/cloudkms.admin together with an encrypter/decrypter role (project, key ring or key level).",
    remediation: "Give key administration and key use to different identities.",
    appliesTo: SOD_TYPES,
    check(resources) {
        const admins = new Map();
        const users = new Map();
        for (const r of resources) {
            if (!SOD_TYPES.includes(r.type))
                continue;
            for (const g of (0, values_1.iamGrants)(r.inputs).grants) {
                if (g.role === exports.KMS_ADMIN_ROLE)
                    admins.set(g.member, r.urn);
                if (exports.KMS_USE_ROLES.includes(g.role))
                    users.set(g.member, { urn: r.urn, role: g.role });
            }
        }
        const hits = [];
        for (const [member, adminUrn] of admins) {
            const use = users.get(member);
            if (!use)
                continue;
            hits.push({
                message: `${member} holds ${exports.KMS_ADMIN_ROLE} and ${use.role}: one identity can both manage and use keys (CIS 1.11). Split the roles across two identities.`,
                urn: adminUrn,
            });
        }
        return hits;
    },
};
/** Every KMS rule (table rows 28–34). */
exports.KMS_RULES = [
    exports.KMS_ROTATION,
    exports.KMS_PREVENT_DESTROY,
    exports.KMS_NOT_PUBLIC,
    exports.KMS_SEPARATION_OF_DUTIES,
];
//# sourceMappingURL=security-kms.js.map