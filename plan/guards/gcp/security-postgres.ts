/**
 * PostgreSQL logging-flag rules: reference table §1a rows 15–27, read from
 * `settings.databaseFlags[{ name, value }]` of `gcp.sql.DatabaseInstance`.
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
} from "../types";
import { read, readFlag } from "../values";

const sql = { scope: Scope.resource, category: Category.security, appliesTo: [GCP.sqlInstance] } as const;
const label = (r: GuardResource) => `DatabaseInstance "${r.name}"`;

/**
 * Whether the instance runs PostgreSQL (the flag rules apply only then).
 *
 * @example
 * ```ts
 * isPostgres({ inputs: { databaseVersion: "POSTGRES_17" } } as GuardResource); // true
 * ```
 */
export function isPostgres(r: Pick<GuardResource, "inputs">): boolean | "opaque" {
  const v = read(r.inputs, "databaseVersion");
  if (v.kind === "opaque") return "opaque";
  return v.kind === "set" && String(v.value).startsWith("POSTGRES");
}

/** Builds one rule over a PostgreSQL database flag. */
function pgFlagRule(spec: {
  id: string;
  refs: readonly string[];
  level: Level;
  severity: Severity;
  flag: string;
  /** Value to recommend in the message. */
  want: string;
  description: string;
  /** Verdict on the flag's value (undefined = not set). */
  ok: (value: string | undefined) => boolean;
  critical?: boolean;
  advisoryOnly?: boolean;
}): ResourceRule {
  return {
    ...sql,
    id: spec.id,
    refs: spec.refs,
    level: spec.level,
    severity: spec.severity,
    description: spec.description,
    remediation: `Add { name: "${spec.flag}", value: "${spec.want}" } to settings.databaseFlags.`,
    ...(spec.critical ? { critical: true } : {}),
    ...(spec.advisoryOnly ? { advisoryOnly: true } : {}),
    check(r) {
      const pg = isPostgres(r);
      if (pg === "opaque") return [unverified("databaseVersion")];
      if (!pg) return [];
      const flag = readFlag(r.inputs, spec.flag);
      if (flag.kind === "opaque") return [unverified(flag.path, `flag ${spec.flag}`)];
      const value = flag.kind === "set" ? String(flag.value) : undefined;
      if (spec.ok(value)) return [];
      return [
        {
          message: `${label(r)}: database flag ${spec.flag} ${value === undefined ? "is not set" : `is "${value}"`}; add { name: "${spec.flag}", value: "${spec.want}" } to settings.databaseFlags (${spec.refs.join(", ")}).`,
        },
      ];
    },
  };
}

const on = (v: string | undefined) => v?.toLowerCase() === "on";

/** PostgreSQL logging levels from most to least verbose. */
const PG_LEVELS = [
  "debug5",
  "debug4",
  "debug3",
  "debug2",
  "debug1",
  "info",
  "notice",
  "warning",
  "error",
  "log",
  "fatal",
  "panic",
] as const;
const atMost = (limit: (typeof PG_LEVELS)[number]) => (v: string | undefined) =>
  v !== undefined &&
  PG_LEVELS.indexOf(v.toLowerCase() as (typeof PG_LEVELS)[number]) !== -1 &&
  PG_LEVELS.indexOf(v.toLowerCase() as (typeof PG_LEVELS)[number]) <= PG_LEVELS.indexOf(limit);

/**
 * Rows 15–26: one rule per PostgreSQL flag.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: PG_FLAG_RULES });
 * ```
 */
export const PG_FLAG_RULES: readonly ResourceRule[] = [
  pgFlagRule({
    id: "gcp/pg-log-connections",
    refs: ["CKV_GCP_52", "AVD-GCP-0016", "CIS 6.2.2"],
    level: Level.L1,
    severity: Severity.medium,
    flag: "log_connections",
    want: "on",
    description: "PostgreSQL logs every connection (log_connections=on, set explicitly as Checkov requires).",
    ok: on,
  }),
  pgFlagRule({
    id: "gcp/pg-log-disconnections",
    refs: ["CKV_GCP_53", "AVD-GCP-0022", "CIS 6.2.3"],
    level: Level.L1,
    severity: Severity.medium,
    flag: "log_disconnections",
    want: "on",
    description: "PostgreSQL logs the end of every session (log_disconnections=on).",
    ok: on,
  }),
  pgFlagRule({
    id: "gcp/pg-log-min-duration-statement",
    refs: ["CKV_GCP_57", "AVD-GCP-0021", "CIS 6.2.7"],
    level: Level.L1,
    severity: Severity.medium,
    flag: "log_min_duration_statement",
    want: "-1",
    description:
      "PostgreSQL does not log statement text by duration (log_min_duration_statement unset or -1), keeping personal data out of logs.",
    ok: (v) => v === undefined || v.trim() === "-1",
  }),
  pgFlagRule({
    id: "gcp/pg-pgaudit",
    refs: ["CKV_GCP_110", "CIS 6.2.8"],
    level: Level.L1,
    severity: Severity.medium,
    flag: "cloudsql.enable_pgaudit",
    want: "on",
    description: "pgAudit is enabled (cloudsql.enable_pgaudit=on).",
    ok: on,
  }),
  pgFlagRule({
    id: "gcp/pg-log-statement",
    refs: ["CKV_GCP_111", "CIS 6.2.4"],
    level: Level.L2,
    severity: Severity.low,
    flag: "log_statement",
    want: "ddl",
    description: "PostgreSQL logs schema changes at least (log_statement ddl, mod or all).",
    ok: (v) => v !== undefined && ["ddl", "mod", "all"].includes(v.toLowerCase()),
  }),
  pgFlagRule({
    id: "gcp/pg-log-min-messages",
    refs: ["CKV_GCP_55", "CIS 6.2.5"],
    level: Level.L1,
    severity: Severity.low,
    flag: "log_min_messages",
    want: "warning",
    description: "PostgreSQL log_min_messages is warning or more verbose (unset = warning).",
    ok: (v) => v === undefined || atMost("warning")(v),
  }),
  pgFlagRule({
    id: "gcp/pg-log-min-error-statement",
    refs: ["CKV_GCP_109", "AVD-GCP-0018", "CIS 6.2.6"],
    level: Level.L1,
    severity: Severity.low,
    flag: "log_min_error_statement",
    want: "error",
    description:
      "PostgreSQL logs statements that cause errors (log_min_error_statement error or more verbose, set explicitly).",
    ok: atMost("error"),
  }),
  pgFlagRule({
    id: "gcp/pg-log-error-verbosity",
    refs: ["CIS 6.2.1"],
    level: Level.L2,
    severity: Severity.low,
    flag: "log_error_verbosity",
    want: "default",
    description: "PostgreSQL log_error_verbosity is DEFAULT or stricter (TERSE); unset = default.",
    ok: (v) => v === undefined || ["default", "terse"].includes(v.toLowerCase()),
  }),
  pgFlagRule({
    id: "gcp/pg-log-checkpoints",
    refs: ["CKV_GCP_51", "AVD-GCP-0025"],
    level: Level.L1,
    severity: Severity.low,
    flag: "log_checkpoints",
    want: "on",
    description: "PostgreSQL logs checkpoints (log_checkpoints=on, explicit).",
    ok: on,
  }),
  pgFlagRule({
    id: "gcp/pg-log-lock-waits",
    refs: ["CKV_GCP_54", "AVD-GCP-0020"],
    level: Level.L1,
    severity: Severity.low,
    flag: "log_lock_waits",
    want: "on",
    description: "PostgreSQL logs long lock waits (log_lock_waits=on, explicit).",
    ok: on,
  }),
  pgFlagRule({
    id: "gcp/pg-log-temp-files",
    refs: ["CKV_GCP_56", "AVD-GCP-0014"],
    level: Level.L1,
    severity: Severity.low,
    flag: "log_temp_files",
    want: "0",
    description: "PostgreSQL logs every temporary file (log_temp_files=0, explicit).",
    ok: (v) => v?.trim() === "0",
  }),
  pgFlagRule({
    id: "gcp/pg-log-hostname",
    refs: ["CKV_GCP_108"],
    level: Level.L2,
    advisoryOnly: true,
    severity: Severity.low,
    flag: "log_hostname",
    want: "on",
    description:
      "Checkov: PostgreSQL logs client host names (log_hostname=on). Advisory: every connection then pays a reverse DNS lookup.",
    ok: on,
  }),
  pgFlagRule({
    id: "gcp/pg-log-duration",
    refs: ["CKV2_GCP_13"],
    level: Level.L2,
    severity: Severity.low,
    flag: "log_duration",
    want: "on",
    description: "PostgreSQL logs the duration of every completed statement (log_duration=on).",
    ok: on,
  }),
];

/**
 * Row 27 (second half): statistics logging stays off.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: [PG_NO_STATS_LOGGING] });
 * ```
 */
export const PG_NO_STATS_LOGGING: ResourceRule = {
  ...sql,
  id: "gcp/pg-no-stats-logging",
  refs: ["CKV2_GCP_14", "CKV2_GCP_15", "CKV2_GCP_16", "CKV2_GCP_17"],
  level: Level.L1,
  severity: Severity.low,
  description:
    "PostgreSQL statistics logging is off (log_executor_stats, log_parser_stats, log_planner_stats, log_statement_stats).",
  remediation: 'Set each of the four flags to "off" (or remove it).',
  check(r) {
    const pg = isPostgres(r);
    if (pg === "opaque") return [unverified("databaseVersion")];
    if (!pg) return [];
    const hits: RuleHit[] = [];
    for (const flag of [
      "log_executor_stats",
      "log_parser_stats",
      "log_planner_stats",
      "log_statement_stats",
    ]) {
      const f = readFlag(r.inputs, flag);
      if (f.kind === "opaque") hits.push(unverified(f.path, `flag ${flag}`));
      else if (f.kind === "set" && on(String(f.value)))
        hits.push({
          message: `${label(r)}: database flag ${flag} is "on"; set it to "off" (it floods the logs and slows every query).`,
        });
    }
    return hits;
  },
};
