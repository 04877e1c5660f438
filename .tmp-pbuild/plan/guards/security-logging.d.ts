import { type ResourceRule, type StackRule } from "./types";
/** The Data Access and Admin Read log types CIS 2.1 wants for every service. */
export declare const AUDIT_LOG_TYPES: readonly ["ADMIN_READ", "DATA_READ", "DATA_WRITE"];
/**
 * The CIS GCP 2.0 log-metric alerts in table §1a, with the canonical filter (use it verbatim in
 * the ObservabilityStack) and the tokens a filter must contain to count.
 *
 * @example
 * ```ts
 * new gcp.logging.Metric("audit-config-changes", { filter: CIS_LOG_ALERTS.auditConfigChanges.filter, ... });
 * ```
 */
export declare const CIS_LOG_ALERTS: {
    readonly projectOwnership: {
        readonly id: "gcp/log-alert-project-ownership";
        readonly refs: readonly ["KICS a881b71c", "CIS 2.4"];
        readonly level: "L1";
        readonly title: "project ownership assignments and changes";
        readonly filter: "(protoPayload.serviceName=\"cloudresourcemanager.googleapis.com\") AND (ProjectOwnership OR projectOwnerInvitee) OR (protoPayload.serviceData.policyDelta.bindingDeltas.action=\"REMOVE\" AND protoPayload.serviceData.policyDelta.bindingDeltas.role=\"roles/owner\") OR (protoPayload.serviceData.policyDelta.bindingDeltas.action=\"ADD\" AND protoPayload.serviceData.policyDelta.bindingDeltas.role=\"roles/owner\")";
        readonly tokens: readonly ["bindingDeltas", "roles/owner"];
        readonly onlyWith: undefined;
    };
    readonly auditConfigChanges: {
        readonly id: "gcp/log-alert-audit-config-changes";
        readonly refs: readonly ["KICS 39d83c5a", "CIS 2.5"];
        readonly level: "L1";
        readonly title: "audit configuration changes";
        readonly filter: "protoPayload.methodName=\"SetIamPolicy\" AND protoPayload.serviceData.policyDelta.auditConfigDeltas:*";
        readonly tokens: readonly ["SetIamPolicy", "auditConfigDeltas"];
        readonly onlyWith: undefined;
    };
    readonly customRoleChanges: {
        readonly id: "gcp/log-alert-custom-role-changes";
        readonly refs: readonly ["KICS 69d4f245", "CIS 2.6"];
        readonly level: "L1";
        readonly title: "custom role changes";
        readonly filter: "resource.type=\"iam_role\" AND (protoPayload.methodName=\"google.iam.admin.v1.CreateRole\" OR protoPayload.methodName=\"google.iam.admin.v1.DeleteRole\" OR protoPayload.methodName=\"google.iam.admin.v1.UpdateRole\")";
        readonly tokens: readonly ["CreateRole", "DeleteRole", "UpdateRole"];
        readonly onlyWith: undefined;
    };
    readonly sqlConfigChanges: {
        readonly id: "gcp/log-alert-sql-config-changes";
        readonly refs: readonly ["CIS 2.11"];
        readonly level: "L2";
        readonly title: "Cloud SQL instance configuration changes";
        readonly filter: "protoPayload.methodName=\"cloudsql.instances.update\"";
        readonly tokens: readonly ["cloudsql.instances.update"];
        readonly onlyWith: "gcp:sql/databaseInstance:DatabaseInstance";
    };
};
/** A CIS log alert key. */
export type CisLogAlert = keyof typeof CIS_LOG_ALERTS;
/**
 * Whether a log filter covers the alert's events (every token present, whitespace ignored).
 *
 * @example
 * ```ts
 * filterCovers(CIS_LOG_ALERTS.sqlConfigChanges.filter, "sqlConfigChanges"); // true
 * ```
 */
export declare function filterCovers(filter: string, alert: CisLogAlert): boolean;
/** Rows 42–45: the CIS log-metric alerts. */
export declare const LOG_ALERT_RULES: readonly StackRule[];
/** Row 40: an audit config for allServices with no exempted members exists. */
export declare const AUDIT_LOGS_ALL_SERVICES: StackRule;
/** Row 41: each audit config is complete (all log types, nobody exempted). */
export declare const AUDIT_CONFIG_COMPLETE: ResourceRule;
/** Every audit-logging and log-alert rule (table rows 40–45). */
export declare const LOGGING_RULES: readonly (ResourceRule | StackRule)[];
