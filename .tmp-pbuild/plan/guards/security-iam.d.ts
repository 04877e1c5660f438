import { type ResourceRule } from "./types";
/** Roles that let a member act as any service account in the project. */
export declare const IMPERSONATION_ROLES: readonly ["roles/iam.serviceAccountUser", "roles/iam.serviceAccountTokenCreator"];
/** Primitive (basic) roles. */
export declare const BASIC_ROLES: readonly ["roles/owner", "roles/editor", "roles/viewer"];
/**
 * True for roles trivy treats as privileged: owner, editor, or any `*admin` role.
 *
 * @example
 * ```ts
 * isPrivilegedRole("roles/cloudsql.admin"); // true
 * ```
 */
export declare function isPrivilegedRole(role: string): boolean;
/** Row 46: no serviceAccountUser / serviceAccountTokenCreator at project level. */
export declare const IAM_NO_PROJECT_SA_IMPERSONATION: ResourceRule;
/** Row 47: no grants to the default Compute Engine / App Engine service accounts. */
export declare const IAM_NO_DEFAULT_SA_GRANTS: ResourceRule;
/** Row 47: no basic roles. */
export declare const IAM_NO_BASIC_ROLES: ResourceRule;
/** Row 47: no privileged service accounts. */
export declare const IAM_NO_PRIVILEGED_SA: ResourceRule;
/** Every project IAM rule (table rows 46–47). */
export declare const IAM_RULES: readonly ResourceRule[];
