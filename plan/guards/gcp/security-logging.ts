/**
 * Audit logging and CIS 2.x log-metric alerts: reference table §1a rows 40–45. These are
 * inventory-level: they require something to exist (an audit config, a metric plus an alert).
 */
import { Severity } from "../../model";
import { GCP } from "./tokens";
import {
  Category,
  Level,
  Scope,
  unverified,
  type GuardResource,
  type ResourceRule,
  type RuleHit,
  type StackRule,
} from "../types";
import { isOpaque, ofType, read, valueAt } from "../values";

/**
 * The Data Access and Admin Read log types CIS 2.1 wants for every service.
 *
 * @example
 * ```ts
 * auditLogConfigs: AUDIT_LOG_TYPES.map((logType) => ({ logType }))
 * ```
 */
export const AUDIT_LOG_TYPES = ["ADMIN_READ", "DATA_READ", "DATA_WRITE"] as const;

/**
 * The CIS GCP 2.0 log-metric alerts in table §1a, with the canonical filter (use it verbatim in
 * the ObservabilityStack) and the tokens a filter must contain to count.
 *
 * @example
 * ```ts
 * new gcp.logging.Metric("audit-config-changes", { filter: CIS_LOG_ALERTS.auditConfigChanges.filter, ... });
 * ```
 */
export const CIS_LOG_ALERTS = {
  projectOwnership: {
    id: "gcp/log-alert-project-ownership",
    refs: ["KICS a881b71c", "CIS 2.4"],
    level: Level.L1,
    title: "project ownership assignments and changes",
    filter:
      '(protoPayload.serviceName="cloudresourcemanager.googleapis.com") AND (ProjectOwnership OR projectOwnerInvitee) OR (protoPayload.serviceData.policyDelta.bindingDeltas.action="REMOVE" AND protoPayload.serviceData.policyDelta.bindingDeltas.role="roles/owner") OR (protoPayload.serviceData.policyDelta.bindingDeltas.action="ADD" AND protoPayload.serviceData.policyDelta.bindingDeltas.role="roles/owner")',
    tokens: ["bindingDeltas", "roles/owner"],
    onlyWith: undefined,
  },
  auditConfigChanges: {
    id: "gcp/log-alert-audit-config-changes",
    refs: ["KICS 39d83c5a", "CIS 2.5"],
    level: Level.L1,
    title: "audit configuration changes",
    filter:
      'protoPayload.methodName="SetIamPolicy" AND protoPayload.serviceData.policyDelta.auditConfigDeltas:*',
    tokens: ["SetIamPolicy", "auditConfigDeltas"],
    onlyWith: undefined,
  },
  customRoleChanges: {
    id: "gcp/log-alert-custom-role-changes",
    refs: ["KICS 69d4f245", "CIS 2.6"],
    level: Level.L1,
    title: "custom role changes",
    filter:
      'resource.type="iam_role" AND (protoPayload.methodName="google.iam.admin.v1.CreateRole" OR protoPayload.methodName="google.iam.admin.v1.DeleteRole" OR protoPayload.methodName="google.iam.admin.v1.UpdateRole")',
    tokens: ["CreateRole", "DeleteRole", "UpdateRole"],
    onlyWith: undefined,
  },
  sqlConfigChanges: {
    id: "gcp/log-alert-sql-config-changes",
    refs: ["CIS 2.11"],
    level: Level.L2,
    title: "Cloud SQL instance configuration changes",
    filter: 'protoPayload.methodName="cloudsql.instances.update"',
    tokens: ["cloudsql.instances.update"],
    onlyWith: GCP.sqlInstance,
  },
} as const;
/**
 * A CIS log alert key.
 *
 * @example
 * ```ts
 * const key: CisLogAlert = "sqlConfigChanges";
 * ```
 */
export type CisLogAlert = keyof typeof CIS_LOG_ALERTS;

/**
 * Whether a log filter covers the alert's events (every token present, whitespace ignored).
 *
 * @example
 * ```ts
 * filterCovers(CIS_LOG_ALERTS.sqlConfigChanges.filter, "sqlConfigChanges"); // true
 * ```
 */
export function filterCovers(filter: string, alert: CisLogAlert): boolean {
  return CIS_LOG_ALERTS[alert].tokens.every((t) => filter.includes(t));
}

const enabled = (r: GuardResource) =>
  valueAt(r.inputs, "enabled") !== false && valueAt(r.inputs, "disabled") !== true;

type Filters = { filters: string[]; opaque: boolean };

// Every log-alert rule reads every policy's filters of the same stack: read them once per stack.
const FILTERS = new WeakMap<readonly GuardResource[], Map<GuardResource, Filters>>();

/** Every condition filter of an alert policy (threshold, absence, matched-log), opaque ones flagged. */
function conditionFilters(policy: GuardResource, stack: readonly GuardResource[]): Filters {
  let known = FILTERS.get(stack);
  if (!known) {
    known = new Map();
    FILTERS.set(stack, known);
  }
  let found = known.get(policy);
  if (!found) {
    found = readConditionFilters(policy);
    known.set(policy, found);
  }
  return found;
}

function readConditionFilters(policy: GuardResource): Filters {
  const conditions = read(policy.inputs, "conditions");
  if (conditions.kind === "opaque") return { filters: [], opaque: true };
  const filters: string[] = [];
  let opaque = false;
  const list =
    conditions.kind === "set" && Array.isArray(conditions.value) ? (conditions.value as unknown[]) : [];
  for (const c of list) {
    for (const path of [
      "conditionThreshold.filter",
      "conditionAbsent.filter",
      "conditionMatchedLog.filter",
    ]) {
      const f = read(c, path);
      if (f.kind === "opaque") opaque = true;
      else if (f.kind === "set" && typeof f.value === "string") filters.push(f.value);
    }
  }
  return { filters, opaque };
}

function logAlertRule(key: CisLogAlert): StackRule {
  const spec = CIS_LOG_ALERTS[key];
  return {
    scope: Scope.stack,
    existence: true,
    category: Category.security,
    id: spec.id,
    refs: spec.refs,
    level: spec.level,
    severity: Severity.low,
    description: `A log-based metric and an alert policy exist for ${spec.title} (filter ${spec.filter}).`,
    remediation: `Add a gcp.logging.Metric with filter CIS_LOG_ALERTS.${key}.filter and a gcp.monitoring.AlertPolicy on metric.type="logging.googleapis.com/user/<metric name>" (or a matched-log alert with that filter).`,
    appliesTo: [GCP.logMetric, GCP.alertPolicy],
    reads: {
      [GCP.logMetric]: ["filter", "name", "enabled", "disabled"],
      [GCP.alertPolicy]: ["conditions", "enabled", "disabled"],
      // Only whether one exists.
      ...(spec.onlyWith !== undefined ? { [spec.onlyWith]: [] } : {}),
    },
    check(resources) {
      if (spec.onlyWith !== undefined && ofType(resources, spec.onlyWith).length === 0) return [];
      const policies = ofType(resources, GCP.alertPolicy).filter(enabled);
      const policyFilters = policies.map((p) => conditionFilters(p, resources));
      // A matched-log alert with the filter itself is as good as metric + alert.
      if (policyFilters.some((p) => p.filters.some((f) => filterCovers(f, key)))) return [];
      let unknown = policyFilters.some((p) => p.opaque);
      for (const metric of ofType(resources, GCP.logMetric).filter(enabled)) {
        const filter = read(metric.inputs, "filter");
        if (filter.kind === "opaque") {
          unknown = true;
          continue;
        }
        if (filter.kind !== "set" || typeof filter.value !== "string" || !filterCovers(filter.value, key))
          continue;
        const name = valueAt(metric.inputs, "name");
        const metricName = typeof name === "string" && !isOpaque(name) ? name : undefined;
        if (metricName === undefined) {
          unknown = true;
          continue;
        }
        const ref = `logging.googleapis.com/user/${metricName}`;
        if (policyFilters.some((p) => p.filters.some((f) => f.includes(ref)))) return [];
      }
      if (unknown)
        return [unverified("gcp:logging/metric or gcp:monitoring/alertPolicy", `the ${spec.title} alert`)];
      return [
        {
          message: `No alert on ${spec.title} (${spec.refs.join(", ")}): add a gcp.logging.Metric with filter ${JSON.stringify(spec.filter)} and a gcp.monitoring.AlertPolicy whose condition filter is metric.type="logging.googleapis.com/user/<metric name>".`,
        },
      ];
    },
  };
}

/**
 * Rows 42–45: the CIS log-metric alerts.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: LOG_ALERT_RULES });
 * ```
 */
export const LOG_ALERT_RULES: readonly StackRule[] = (Object.keys(CIS_LOG_ALERTS) as CisLogAlert[]).map(
  logAlertRule,
);

/** Reads the log types and exemptions of one audit config. */
function auditConfig(r: GuardResource): { types: Set<string>; exempted: string[]; opaque?: string } {
  const configs = read(r.inputs, "auditLogConfigs");
  if (configs.kind === "opaque") return { types: new Set(), exempted: [], opaque: configs.path };
  const types = new Set<string>();
  const exempted: string[] = [];
  for (const c of configs.kind === "set" && Array.isArray(configs.value)
    ? (configs.value as unknown[])
    : []) {
    const t = read(c, "logType");
    if (t.kind === "opaque") return { types, exempted, opaque: "auditLogConfigs.logType" };
    if (t.kind === "set") types.add(String(t.value));
    const ex = read(c, "exemptedMembers");
    if (ex.kind === "opaque") return { types, exempted, opaque: "auditLogConfigs.exemptedMembers" };
    if (ex.kind === "set" && Array.isArray(ex.value)) exempted.push(...(ex.value as unknown[]).map(String));
  }
  return { types, exempted };
}

/**
 * Row 40: an audit config for allServices with no exempted members exists.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: [AUDIT_LOGS_ALL_SERVICES] });
 * ```
 */
export const AUDIT_LOGS_ALL_SERVICES: StackRule = {
  scope: Scope.stack,
  existence: true,
  category: Category.security,
  id: "gcp/audit-logs-all-services",
  refs: ["CKV2_GCP_5", "CIS 2.1"],
  level: Level.L1,
  severity: Severity.medium,
  description:
    "The project has an IAMAuditConfig for allServices logging ADMIN_READ, DATA_READ and DATA_WRITE with no exempted members.",
  remediation:
    'Add gcp.projects.IAMAuditConfig { service: "allServices", auditLogConfigs: [{ logType: "ADMIN_READ" }, { logType: "DATA_READ" }, { logType: "DATA_WRITE" }] }.',
  appliesTo: [GCP.projectAuditConfig],
  check(resources) {
    let unknown = false;
    for (const r of resources.filter((x) => x.type === GCP.projectAuditConfig)) {
      const service = read(r.inputs, "service");
      const cfg = auditConfig(r);
      if (service.kind === "opaque" || cfg.opaque) {
        unknown = true;
        continue;
      }
      if (
        service.kind === "set" &&
        service.value === "allServices" &&
        cfg.exempted.length === 0 &&
        AUDIT_LOG_TYPES.every((t) => cfg.types.has(t))
      )
        return [];
    }
    if (unknown) return [unverified("gcp:projects/iAMAuditConfig", "the allServices audit config")];
    return [
      {
        message:
          'No Data Access audit logging for all services (CKV2_GCP_5, CIS 2.1): add gcp.projects.IAMAuditConfig { service: "allServices", auditLogConfigs: ADMIN_READ, DATA_READ, DATA_WRITE } with no exemptedMembers.',
      },
    ];
  },
};

/**
 * Row 41: each audit config is complete (all log types, nobody exempted).
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: [AUDIT_CONFIG_COMPLETE] });
 * ```
 */
export const AUDIT_CONFIG_COMPLETE: ResourceRule = {
  scope: Scope.resource,
  category: Category.security,
  id: "gcp/audit-config-complete",
  refs: ["AVD-GCP-0079", "KICS 89fe890f"],
  level: Level.L1,
  severity: Severity.low,
  description: "Every IAMAuditConfig logs ADMIN_READ, DATA_READ and DATA_WRITE and exempts nobody.",
  remediation: "List the three log types and remove exemptedMembers.",
  appliesTo: [GCP.projectAuditConfig],
  check(r) {
    const cfg = auditConfig(r);
    if (cfg.opaque) return [unverified(cfg.opaque)];
    const hits: RuleHit[] = [];
    const missing = AUDIT_LOG_TYPES.filter((t) => !cfg.types.has(t));
    const service = valueAt(r.inputs, "service");
    if (missing.length > 0)
      hits.push({
        message: `IAMAuditConfig "${r.name}" (${String(service)}): log types ${missing.join(", ")} are missing; add them to auditLogConfigs.`,
      });
    if (cfg.exempted.length > 0)
      hits.push({
        message: `IAMAuditConfig "${r.name}" (${String(service)}): ${cfg.exempted.join(", ")} exempted from audit logging; remove exemptedMembers (their access becomes invisible).`,
      });
    return hits;
  },
};

/**
 * Every audit-logging and log-alert rule (table rows 40–45).
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: LOGGING_RULES });
 * ```
 */
export const LOGGING_RULES: readonly (ResourceRule | StackRule)[] = [
  AUDIT_LOGS_ALL_SERVICES,
  AUDIT_CONFIG_COMPLETE,
  ...LOG_ALERT_RULES,
];
