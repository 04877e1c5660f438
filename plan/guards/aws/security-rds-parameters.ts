/**
 * RDS / Aurora PostgreSQL parameter rules: a parameter group of its own per database, TLS forced
 * (`rds.force_ssl`), query and connection logging (CKV2_AWS_69, CKV2_AWS_30 / CKV2_AWS_27, CIS).
 */
import { Severity } from "../../model";
import { Category, Level, Scope, expectValue, unverified, type ResourceRule, type RuleHit } from "../types";
import { read, showValue } from "../values";
import { AWS, isPostgresFamily, isRdsReplica, label, readParameter } from "./tokens";

const base = { scope: Scope.resource, category: Category.security } as const;
const DBS = [AWS.rdsInstance, AWS.rdsCluster] as const;
const PARAMETER_GROUPS = [AWS.rdsParameterGroup, AWS.rdsClusterParameterGroup] as const;

/**
 * CKV2_AWS_69, CKV2_AWS_30 / CKV2_AWS_27: a PostgreSQL database uses its own parameter group (the
 * default one does not force TLS before PG 15 and sets none of the log parameters).
 *
 * @example
 * ```ts
 * RDS_CUSTOM_PARAMETER_GROUP.check(cluster, ctx);
 * ```
 */
export const RDS_CUSTOM_PARAMETER_GROUP: ResourceRule = {
  ...base,
  id: "aws/rds-custom-parameter-group",
  refs: ["CKV2_AWS_69", "CKV2_AWS_30", "CKV2_AWS_27"],
  level: Level.L1,
  severity: Severity.medium,
  description:
    "PostgreSQL instances and Aurora clusters use a parameter group of their own (the default group cannot carry rds.force_ssl and the log parameters).",
  remediation:
    "Create a ParameterGroup/ClusterParameterGroup with rds.force_ssl=1 and the log parameters, and pass its name.",
  appliesTo: DBS,
  check(r) {
    const engine = read(r.inputs, "engine");
    if (engine.kind === "opaque") return [unverified("engine")];
    if (r.type === AWS.rdsInstance && isRdsReplica(r)) return [];
    if (!(engine.kind === "set" && isPostgresFamily(engine.value))) return [];
    const path = r.type === AWS.rdsCluster ? "dbClusterParameterGroupName" : "parameterGroupName";
    return expectValue(
      r.inputs,
      path,
      (v) => typeof v === "string" && v.length > 0 && !v.startsWith("default."),
      (got) =>
        `${label(r)}: ${path} is ${got === "(unset)" ? "unset (the default group)" : got}; use a parameter group that sets rds.force_ssl=1 and the log parameters.`,
    );
  },
};

/** A rule over PostgreSQL-family parameter groups requiring `ok(parameter reads)`. */
function parameterRule(spec: {
  id: string;
  refs: readonly string[];
  level: Level;
  critical?: boolean;
  severity: Severity;
  description: string;
  remediation: string;
  parameters: readonly string[];
  ok: (name: string, value: string) => boolean;
  why: string;
}): ResourceRule {
  return {
    ...base,
    id: spec.id,
    refs: spec.refs,
    level: spec.level,
    ...(spec.critical ? { critical: true } : {}),
    severity: spec.severity,
    description: spec.description,
    remediation: spec.remediation,
    appliesTo: PARAMETER_GROUPS,
    check(r) {
      const family = read(r.inputs, "family");
      if (family.kind === "opaque") return [unverified("family")];
      if (!(family.kind === "set" && isPostgresFamily(family.value))) return [];
      const hits: RuleHit[] = [];
      for (const name of spec.parameters) {
        const p = readParameter(r.inputs, name);
        if (p.kind === "opaque") {
          hits.push(unverified(`parameters[${name}]`));
          continue;
        }
        const value = p.kind === "set" ? String(p.value) : undefined;
        if (value !== undefined && spec.ok(name, value)) continue;
        hits.push({
          message: `${label(r)}: parameter ${name} is ${value === undefined ? "not set" : showValue(value)}; ${spec.why}`,
        });
      }
      return hits;
    },
  };
}

/**
 * CKV2_AWS_69: `rds.force_ssl = 1` (encryption in transit).
 *
 * @example
 * ```ts
 * RDS_FORCE_SSL.check(parameterGroup, ctx);
 * ```
 */
export const RDS_FORCE_SSL = parameterRule({
  id: "aws/rds-force-ssl",
  refs: ["CKV2_AWS_69"],
  level: Level.L1,
  critical: true,
  severity: Severity.high,
  description: "PostgreSQL parameter groups set rds.force_ssl = 1, so clients must use TLS.",
  remediation: 'Add { name: "rds.force_ssl", value: "1" } to parameters.',
  parameters: ["rds.force_ssl"],
  ok: (_, v) => v === "1",
  why: 'set it to "1" so unencrypted connections are refused.',
});

/**
 * CKV2_AWS_30 / CKV2_AWS_27: query logging (`log_statement` and `log_min_duration_statement` set).
 *
 * @example
 * ```ts
 * RDS_PG_QUERY_LOGGING.check(parameterGroup, ctx);
 * ```
 */
export const RDS_PG_QUERY_LOGGING = parameterRule({
  id: "aws/rds-pg-query-logging",
  refs: ["CKV2_AWS_30", "CKV2_AWS_27"],
  level: Level.L1,
  severity: Severity.low,
  description:
    "PostgreSQL parameter groups set log_statement and log_min_duration_statement (query logging).",
  remediation:
    'Add log_statement = "ddl" and log_min_duration_statement (e.g. "1000" ms; "-1" logs no statement text).',
  parameters: ["log_statement", "log_min_duration_statement"],
  ok: (name, v) => (name === "log_statement" ? ["ddl", "mod", "all"].includes(v) : v.length > 0),
  why: "set it (log_statement: ddl, mod or all; log_min_duration_statement: a threshold in ms).",
});

/**
 * The CIS connection-logging parameters (the AWS reading of CIS GCP 6.2.2/6.2.3; no AWS scanner id).
 *
 * @example
 * ```ts
 * RDS_PG_LOG_CONNECTIONS.check(parameterGroup, ctx);
 * ```
 */
export const RDS_PG_LOG_CONNECTIONS = parameterRule({
  id: "aws/rds-pg-log-connections",
  refs: [],
  level: Level.L1,
  severity: Severity.low,
  description: "PostgreSQL parameter groups log connections and disconnections (the CIS log parameters).",
  remediation: 'Add log_connections = "1" and log_disconnections = "1".',
  parameters: ["log_connections", "log_disconnections"],
  ok: (_, v) => v === "1" || v === "on",
  why: 'set it to "1" (CIS: audit who connects and for how long).',
});

/**
 * Every parameter rule.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: AWS_RDS_PARAMETER_RULES });
 * ```
 */
export const AWS_RDS_PARAMETER_RULES: readonly ResourceRule[] = [
  RDS_CUSTOM_PARAMETER_GROUP,
  RDS_FORCE_SSL,
  RDS_PG_QUERY_LOGGING,
  RDS_PG_LOG_CONNECTIONS,
];
