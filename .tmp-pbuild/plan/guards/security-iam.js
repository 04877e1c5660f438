"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.IAM_RULES = exports.IAM_NO_PRIVILEGED_SA = exports.IAM_NO_BASIC_ROLES = exports.IAM_NO_DEFAULT_SA_GRANTS = exports.IAM_NO_PROJECT_SA_IMPERSONATION = exports.BASIC_ROLES = exports.IMPERSONATION_ROLES = void 0;
exports.isPrivilegedRole = isPrivilegedRole;
/**
 * Project IAM rules: reference table §1a rows 46–47 (no project-level impersonation, no default
 * service account grants, no basic roles, no privileged service accounts).
 */
const model_1 = require("../model");
const security_services_1 = require("./security-services");
const tokens_1 = require("./tokens");
const types_1 = require("./types");
const values_1 = require("./values");
/** Roles that let a member act as any service account in the project. */
exports.IMPERSONATION_ROLES = [
    "roles/iam.serviceAccountUser",
    "roles/iam.serviceAccountTokenCreator",
];
/** Primitive (basic) roles. */
exports.BASIC_ROLES = ["roles/owner", "roles/editor", "roles/viewer"];
/**
 * True for roles trivy treats as privileged: owner, editor, or any `*admin` role.
 *
 * @example
 * ```ts
 * isPrivilegedRole("roles/cloudsql.admin"); // true
 * ```
 */
function isPrivilegedRole(role) {
    if (role === "roles/owner" || role === "roles/editor")
        return true;
    return /admin$/i.test(role.slice(role.lastIndexOf(".") + 1));
}
const label = (r) => `${r.type.slice(r.type.lastIndexOf(":") + 1)} "${r.name}"`;
/** Builds a project IAM rule from a predicate over one grant. */
function grantRule(spec) {
    return {
        scope: types_1.Scope.resource,
        category: types_1.Category.security,
        id: spec.id,
        refs: spec.refs,
        level: types_1.Level.L1,
        critical: true,
        severity: spec.severity,
        description: spec.description,
        remediation: spec.remediation,
        appliesTo: [...tokens_1.PROJECT_IAM_TYPES],
        check(r) {
            const { grants, opaque } = (0, values_1.iamGrants)(r.inputs);
            const hits = grants
                .filter(spec.bad)
                .map((g) => ({ message: `${label(r)}: ${spec.message(g)}` }));
            return [...hits, ...opaque.map((p) => (0, types_1.unverified)(p))];
        },
    };
}
/** Row 46: no serviceAccountUser / serviceAccountTokenCreator at project level. */
exports.IAM_NO_PROJECT_SA_IMPERSONATION = grantRule({
    id: "gcp/iam-no-project-sa-impersonation",
    refs: ["CKV_GCP_41", "AVD-GCP-0011", "CIS 1.6"],
    severity: model_1.Severity.high,
    description: "No project-level roles/iam.serviceAccountUser or roles/iam.serviceAccountTokenCreator grant.",
    remediation: "Grant the role on the one service account that needs it (gcp.serviceaccount.IAMMember), not on the project.",
    bad: (g) => exports.IMPERSONATION_ROLES.includes(g.role),
    message: (g) => `${g.role} is granted to ${g.member} on the whole project, so it can act as every service account; grant it on the specific service account instead.`,
});
/** Row 47: no grants to the default Compute Engine / App Engine service accounts. */
exports.IAM_NO_DEFAULT_SA_GRANTS = grantRule({
    id: "gcp/iam-no-default-sa-grants",
    refs: ["CKV_GCP_46"],
    severity: model_1.Severity.high,
    description: "No project role is granted to a default service account (Compute Engine or App Engine).",
    remediation: "Create a dedicated service account and grant the role to it.",
    bad: (g) => security_services_1.DEFAULT_SERVICE_ACCOUNT.test(g.member),
    message: (g) => `${g.role} is granted to the default service account ${g.member}, which every VM and function may run as; use a dedicated service account.`,
});
/** Row 47: no basic roles. */
exports.IAM_NO_BASIC_ROLES = grantRule({
    id: "gcp/iam-no-basic-roles",
    refs: ["CKV_GCP_117"],
    severity: model_1.Severity.high,
    description: "No project-level basic role (roles/owner, roles/editor, roles/viewer).",
    remediation: "Grant the predefined roles the member needs (e.g. roles/cloudsql.client).",
    bad: (g) => exports.BASIC_ROLES.includes(g.role),
    message: (g) => `${g.role} is a basic role granted to ${g.member}; grant the narrow predefined roles it needs instead.`,
});
/** Row 47: no privileged service accounts. */
exports.IAM_NO_PRIVILEGED_SA = grantRule({
    id: "gcp/iam-no-privileged-sa",
    refs: ["AVD-GCP-0007"],
    severity: model_1.Severity.high,
    description: "No service account holds owner, editor or an *admin role at project level.",
    remediation: "Give runtime service accounts the narrow roles they use (least privilege).",
    bad: (g) => g.member.startsWith("serviceAccount:") && isPrivilegedRole(g.role),
    message: (g) => `service account ${g.member.slice("serviceAccount:".length)} holds ${g.role} on the project; a leaked token would control the project. Grant narrow roles instead.`,
});
/** Every project IAM rule (table rows 46–47). */
exports.IAM_RULES = [
    exports.IAM_NO_PROJECT_SA_IMPERSONATION,
    exports.IAM_NO_DEFAULT_SA_GRANTS,
    exports.IAM_NO_BASIC_ROLES,
    exports.IAM_NO_PRIVILEGED_SA,
];
//# sourceMappingURL=security-iam.js.map