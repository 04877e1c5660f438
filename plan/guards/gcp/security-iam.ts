/**
 * Project IAM rules: reference table §1a rows 46–47 (no project-level impersonation, no default
 * service account grants, no basic roles, no privileged service accounts).
 */
import { Severity } from "../../model";
import { DEFAULT_SERVICE_ACCOUNT } from "./security-services";
import { GCP, PROJECT_IAM_TYPES } from "./tokens";
import {
  Category,
  Level,
  Scope,
  unverified,
  type GuardContext,
  type GuardResource,
  type ResourceRule,
  type RuleHit,
} from "../types";
import { iamGrants, valueAt, type Grant, type GrantRead } from "../values";

/**
 * Roles that let a member act as any service account in the project.
 *
 * @example
 * ```ts
 * (IMPERSONATION_ROLES as readonly string[]).includes("roles/iam.serviceAccountUser"); // true
 * ```
 */
export const IMPERSONATION_ROLES = [
  "roles/iam.serviceAccountUser",
  "roles/iam.serviceAccountTokenCreator",
] as const;
/**
 * Primitive (basic) roles.
 *
 * @example
 * ```ts
 * (BASIC_ROLES as readonly string[]).includes("roles/editor"); // true
 * ```
 */
export const BASIC_ROLES = ["roles/owner", "roles/editor", "roles/viewer"] as const;

/**
 * True for roles trivy treats as privileged: owner, editor, or any `*admin` role.
 *
 * @example
 * ```ts
 * isPrivilegedRole("roles/cloudsql.admin"); // true
 * ```
 */
export function isPrivilegedRole(role: string): boolean {
  if (role === "roles/owner" || role === "roles/editor") return true;
  return /admin$/i.test(role.slice(role.lastIndexOf(".") + 1));
}

// The project IAM rules all read the grants of the same resources: once per resource and state
// judged (runGuards freezes the states; an unfrozen one is read afresh each time).
const GRANTS = new WeakMap<readonly GuardResource[], WeakMap<GuardResource, GrantRead>>();

function grantsOf(r: GuardResource, ctx: GuardContext): GrantRead {
  let known = GRANTS.get(ctx.resources);
  if (!known) {
    // A frozen state stays frozen: asked once per state (a large plan's is asked per grant).
    if (!Object.isFrozen(ctx.resources)) return iamGrants(r.inputs);
    known = new WeakMap();
    GRANTS.set(ctx.resources, known);
  }
  let found = known.get(r);
  if (!found) {
    found = iamGrants(r.inputs);
    known.set(r, found);
  }
  return found;
}

const label = (r: GuardResource) => `${r.type.slice(r.type.lastIndexOf(":") + 1)} "${r.name}"`;

/** Builds a project IAM rule from a predicate over one grant. */
function grantRule(spec: {
  id: string;
  refs: readonly string[];
  severity: Severity;
  description: string;
  remediation: string;
  bad: (g: Grant) => boolean;
  message: (g: Grant) => string;
}): ResourceRule {
  return {
    scope: Scope.resource,
    category: Category.security,
    id: spec.id,
    refs: spec.refs,
    level: Level.L1,
    critical: true,
    severity: spec.severity,
    description: spec.description,
    remediation: spec.remediation,
    appliesTo: [...PROJECT_IAM_TYPES],
    check(r, ctx) {
      const { grants, opaque } = grantsOf(r, ctx);
      const hits: RuleHit[] = grants
        .filter(spec.bad)
        .map((g) => ({ message: `${label(r)}: ${spec.message(g)}` }));
      return [...hits, ...opaque.map((p) => unverified(p))];
    },
  };
}

/**
 * Row 46: no serviceAccountUser / serviceAccountTokenCreator at project level.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: [IAM_NO_PROJECT_SA_IMPERSONATION] });
 * ```
 */
export const IAM_NO_PROJECT_SA_IMPERSONATION = grantRule({
  id: "gcp/iam-no-project-sa-impersonation",
  refs: ["CKV_GCP_41", "AVD-GCP-0011", "CIS 1.6"],
  severity: Severity.high,
  description: "No project-level roles/iam.serviceAccountUser or roles/iam.serviceAccountTokenCreator grant.",
  remediation:
    "Grant the role on the one service account that needs it (gcp.serviceaccount.IAMMember), not on the project.",
  bad: (g) => (IMPERSONATION_ROLES as readonly string[]).includes(g.role),
  message: (g) =>
    `${g.role} is granted to ${g.member} on the whole project, so it can act as every service account; grant it on the specific service account instead.`,
});

/**
 * Row 47: no grants to the default Compute Engine / App Engine service accounts.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: [IAM_NO_DEFAULT_SA_GRANTS] });
 * ```
 */
export const IAM_NO_DEFAULT_SA_GRANTS = grantRule({
  id: "gcp/iam-no-default-sa-grants",
  refs: ["CKV_GCP_46"],
  severity: Severity.high,
  description: "No project role is granted to a default service account (Compute Engine or App Engine).",
  remediation: "Create a dedicated service account and grant the role to it.",
  bad: (g) => DEFAULT_SERVICE_ACCOUNT.test(g.member),
  message: (g) =>
    `${g.role} is granted to the default service account ${g.member}, which every VM and function may run as; use a dedicated service account.`,
});

/**
 * Row 47: no basic roles.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: [IAM_NO_BASIC_ROLES] });
 * ```
 */
export const IAM_NO_BASIC_ROLES = grantRule({
  id: "gcp/iam-no-basic-roles",
  refs: ["CKV_GCP_117"],
  severity: Severity.high,
  description: "No project-level basic role (roles/owner, roles/editor, roles/viewer).",
  remediation: "Grant the predefined roles the member needs (e.g. roles/cloudsql.client).",
  bad: (g) => (BASIC_ROLES as readonly string[]).includes(g.role),
  message: (g) =>
    `${g.role} is a basic role granted to ${g.member}; grant the narrow predefined roles it needs instead.`,
});

/**
 * Row 47: no privileged service accounts.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: [IAM_NO_PRIVILEGED_SA] });
 * ```
 */
export const IAM_NO_PRIVILEGED_SA = grantRule({
  id: "gcp/iam-no-privileged-sa",
  refs: ["AVD-GCP-0007", "CKV_GCP_42"],
  severity: Severity.high,
  description: "No service account holds owner, editor or an *admin role at project level.",
  remediation: "Give runtime service accounts the narrow roles they use (least privilege).",
  bad: (g) => g.member.startsWith("serviceAccount:") && isPrivilegedRole(g.role),
  message: (g) =>
    `service account ${g.member.slice("serviceAccount:".length)} holds ${g.role} on the project; a leaked token would control the project. Grant narrow roles instead.`,
});

/**
 * Roles that impersonate or manage service accounts (Checkov CKV_GCP_49's list): held at project
 * level they reach every service account of the project.
 *
 * @example
 * ```ts
 * (SA_MANAGEMENT_ROLES as readonly string[]).includes("roles/iam.serviceAccountKeyAdmin"); // true
 * ```
 */
export const SA_MANAGEMENT_ROLES = [
  "roles/editor",
  "roles/owner",
  "roles/iam.securityAdmin",
  "roles/iam.serviceAccountAdmin",
  "roles/iam.serviceAccountKeyAdmin",
  "roles/iam.serviceAccountUser",
  "roles/iam.serviceAccountTokenCreator",
  "roles/iam.workloadIdentityUser",
  "roles/dataproc.editor",
  "roles/dataproc.admin",
  "roles/dataflow.developer",
  "roles/resourcemanager.folderAdmin",
  "roles/resourcemanager.folderIamAdmin",
  "roles/resourcemanager.projectIamAdmin",
  "roles/resourcemanager.organizationAdmin",
  "roles/serverless.serviceAgent",
  "roles/dataproc.serviceAgent",
] as const;

/**
 * CKV_GCP_49: no project-level role that impersonates or manages service accounts.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: [IAM_NO_SA_MANAGEMENT_ROLES] });
 * ```
 */
export const IAM_NO_SA_MANAGEMENT_ROLES = grantRule({
  id: "gcp/iam-no-sa-management-roles",
  refs: ["CKV_GCP_49"],
  severity: Severity.high,
  description:
    "No project-level role that impersonates or manages service accounts (serviceAccountAdmin, serviceAccountKeyAdmin, workloadIdentityUser, projectIamAdmin, …).",
  remediation:
    "Grant the role on the one service account that needs it (gcp.serviceaccount.IAMMember), or a narrower role.",
  bad: (g) => (SA_MANAGEMENT_ROLES as readonly string[]).includes(g.role),
  message: (g) =>
    `${g.role} is granted to ${g.member} on the whole project, so it can impersonate or manage every service account; grant it on the specific service account instead.`,
});

/**
 * CKV2_GCP_3 / CIS 1.4: only Google-managed service-account keys. A `gcp.serviceaccount.Key` is a
 * long-lived, user-managed credential; use workload identity or impersonation instead.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: [IAM_NO_SA_KEYS] });
 * ```
 */
export const IAM_NO_SA_KEYS: ResourceRule = {
  scope: Scope.resource,
  category: Category.security,
  id: "gcp/iam-no-user-managed-sa-keys",
  refs: ["CKV2_GCP_3", "CIS 1.4"],
  level: Level.L1,
  critical: true,
  severity: Severity.high,
  description: "No user-managed service-account keys (gcp.serviceaccount.Key): only Google-managed keys.",
  remediation:
    "Remove the key; authenticate with workload identity federation, service-account impersonation or the attached service account.",
  appliesTo: [GCP.serviceAccountKey],
  check(r) {
    const sa = valueAt(r.inputs, "serviceAccountId");
    const account = typeof sa === "string" ? ` for ${sa}` : "";
    return [
      {
        message: `${label(r)}: a user-managed service-account key${account} is a long-lived credential that can leak; delete it and use workload identity or impersonation.`,
      },
    ];
  },
};

/**
 * Every project IAM rule (table rows 46–47).
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: IAM_RULES });
 * ```
 */
export const IAM_RULES: readonly ResourceRule[] = [
  IAM_NO_PROJECT_SA_IMPERSONATION,
  IAM_NO_DEFAULT_SA_GRANTS,
  IAM_NO_BASIC_ROLES,
  IAM_NO_PRIVILEGED_SA,
  IAM_NO_SA_MANAGEMENT_ROLES,
  IAM_NO_SA_KEYS,
];
