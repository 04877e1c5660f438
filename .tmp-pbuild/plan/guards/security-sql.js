"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SQL_RULES = exports.PG_NO_STATS_LOGGING = exports.PG_FLAG_RULES = exports.SQL_LATEST_MAJOR_VERSION = exports.SQL_BACKUPS_ENABLED = exports.SQL_NO_OPEN_AUTHORIZED_NETWORKS = exports.SQL_NO_PUBLIC_IP = exports.SQL_SSL_CLIENT_CERTIFICATES = exports.SQL_SSL_REQUIRED = exports.LATEST_MAJOR_VERSIONS = exports.SslMode = void 0;
exports.isPostgres = isPostgres;
/**
 * Cloud SQL rules: reference table §1a rows 1–27 (TLS, public access, backups, engine version and
 * the PostgreSQL logging flags), against the Pulumi input names of `gcp.sql.DatabaseInstance`.
 */
const model_1 = require("../model");
const prod_profile_1 = require("./prod-profile");
const tokens_1 = require("./tokens");
const types_1 = require("./types");
const values_1 = require("./values");
/** Cloud SQL `sslMode` values. */
exports.SslMode = {
    allowUnencrypted: "ALLOW_UNENCRYPTED_AND_ENCRYPTED",
    encryptedOnly: "ENCRYPTED_ONLY",
    trustedClientCertificate: "TRUSTED_CLIENT_CERTIFICATE_REQUIRED",
};
/** Newest major versions Checkov CKV_GCP_79 accepts. */
exports.LATEST_MAJOR_VERSIONS = [
    "POSTGRES_17",
    "MYSQL_8_0",
    "SQLSERVER_2022_STANDARD",
    "SQLSERVER_2022_WEB",
    "SQLSERVER_2022_ENTERPRISE",
    "SQLSERVER_2022_EXPRESS",
];
const sql = { scope: types_1.Scope.resource, category: types_1.Category.security, appliesTo: [tokens_1.GCP.sqlInstance] };
const label = (r) => `DatabaseInstance "${r.name}"`;
/**
 * Whether the instance runs PostgreSQL (the flag rules apply only then).
 *
 * @example
 * ```ts
 * isPostgres({ inputs: { databaseVersion: "POSTGRES_17" } } as GuardResource); // true
 * ```
 */
function isPostgres(r) {
    const v = (0, values_1.read)(r.inputs, "databaseVersion");
    if (v.kind === "opaque")
        return "opaque";
    return v.kind === "set" && String(v.value).startsWith("POSTGRES");
}
/** Builds one rule over a PostgreSQL database flag. */
function pgFlagRule(spec) {
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
            if (pg === "opaque")
                return [(0, types_1.unverified)("databaseVersion")];
            if (!pg)
                return [];
            const flag = (0, values_1.readFlag)(r.inputs, spec.flag);
            if (flag.kind === "opaque")
                return [(0, types_1.unverified)(flag.path, `flag ${spec.flag}`)];
            const value = flag.kind === "set" ? String(flag.value) : undefined;
            if (spec.ok(value))
                return [];
            return [
                {
                    message: `${label(r)}: database flag ${spec.flag} ${value === undefined ? "is not set" : `is "${value}"`}; add { name: "${spec.flag}", value: "${spec.want}" } to settings.databaseFlags (${spec.refs.join(", ")}).`,
                },
            ];
        },
    };
}
const on = (v) => v?.toLowerCase() === "on";
/** Rows 2–4: TLS required (ENCRYPTED_ONLY or client certificates). */
exports.SQL_SSL_REQUIRED = {
    ...sql,
    id: "gcp/sql-ssl-required",
    refs: ["AVD-GCP-0015", "KICS 02474449", "CIS 6.4"],
    level: types_1.Level.L1,
    critical: true,
    severity: model_1.Severity.high,
    description: "Cloud SQL accepts only encrypted connections (sslMode ENCRYPTED_ONLY or TRUSTED_CLIENT_CERTIFICATE_REQUIRED).",
    remediation: 'Set settings.ipConfiguration.sslMode: "ENCRYPTED_ONLY".',
    check(r) {
        const legacy = (0, values_1.read)(r.inputs, "settings.ipConfiguration.requireSsl");
        if (legacy.kind === "set" && legacy.value === true)
            return [];
        return (0, types_1.expectValue)(r.inputs, "settings.ipConfiguration.sslMode", (v) => v === exports.SslMode.encryptedOnly || v === exports.SslMode.trustedClientCertificate, (got) => `${label(r)}: settings.ipConfiguration.sslMode is ${got}, so unencrypted connections are accepted; set sslMode: "ENCRYPTED_ONLY".`);
    },
};
/** Row 1: Checkov's stricter reading (client certificates). Advisory: our default is ENCRYPTED_ONLY. */
exports.SQL_SSL_CLIENT_CERTIFICATES = {
    ...sql,
    id: "gcp/sql-ssl-client-certificates",
    refs: ["CKV_GCP_6"],
    level: types_1.Level.L2,
    advisoryOnly: true,
    severity: model_1.Severity.low,
    description: "Checkov's reading: Cloud SQL requires trusted client certificates (sslMode TRUSTED_CLIENT_CERTIFICATE_REQUIRED). Advisory: the platform uses ENCRYPTED_ONLY with the Cloud SQL connector / IAM auth.",
    remediation: 'Set settings.ipConfiguration.sslMode: "TRUSTED_CLIENT_CERTIFICATE_REQUIRED" if every client can present a client certificate.',
    check(r) {
        const legacy = (0, values_1.read)(r.inputs, "settings.ipConfiguration.requireSsl");
        if (legacy.kind === "set" && legacy.value === true)
            return [];
        return (0, types_1.expectValue)(r.inputs, "settings.ipConfiguration.sslMode", (v) => v === exports.SslMode.trustedClientCertificate, (got) => `${label(r)}: settings.ipConfiguration.sslMode is ${got}; CKV_GCP_6 passes only with "TRUSTED_CLIENT_CERTIFICATE_REQUIRED" (advisory: ENCRYPTED_ONLY already encrypts every connection).`);
    },
};
/** Rows 5, 7–9: no public IPv4 (explicitly false: the provider default is a public IP). */
exports.SQL_NO_PUBLIC_IP = {
    ...sql,
    id: "gcp/sql-no-public-ip",
    refs: ["CKV_GCP_60", "AVD-GCP-0017", "KICS b187edca", "CIS 6.6", "CIS 6.2.9"],
    level: types_1.Level.L1,
    critical: true,
    severity: model_1.Severity.high,
    description: "Cloud SQL has no public IPv4 address: settings.ipConfiguration.ipv4Enabled is explicitly false (unset means public, although CKV_GCP_60 passes it).",
    remediation: "Set settings.ipConfiguration.ipv4Enabled: false and privateNetwork to the VPC (private services access).",
    check(r) {
        return (0, types_1.expectValue)(r.inputs, "settings.ipConfiguration.ipv4Enabled", (v) => v === false, (got) => `${label(r)}: settings.ipConfiguration.ipv4Enabled is ${got === "(unset)" ? "unset (the provider default is a public IP)" : got}; set ipv4Enabled: false and connect through privateNetwork.`);
    },
};
/** Rows 6–9: no authorized network open to the internet. */
exports.SQL_NO_OPEN_AUTHORIZED_NETWORKS = {
    ...sql,
    id: "gcp/sql-no-open-authorized-networks",
    refs: ["CKV_GCP_11", "AVD-GCP-0017", "KICS b187edca", "CIS 6.5"],
    level: types_1.Level.L1,
    critical: true,
    severity: model_1.Severity.critical,
    description: "No Cloud SQL authorized network ends in /0 (0.0.0.0/0 or ::/0).",
    remediation: "Remove the /0 entry from settings.ipConfiguration.authorizedNetworks; use private IP or the Cloud SQL connector.",
    check(r) {
        const nets = (0, values_1.read)(r.inputs, "settings.ipConfiguration.authorizedNetworks");
        if (nets.kind === "opaque")
            return [(0, types_1.unverified)(nets.path)];
        if (nets.kind === "absent" || !Array.isArray(nets.value))
            return [];
        const hits = [];
        for (const net of nets.value) {
            const value = (0, values_1.read)(net, "value");
            if (value.kind === "opaque")
                hits.push((0, types_1.unverified)("settings.ipConfiguration.authorizedNetworks.value"));
            else if (value.kind === "set" && String(value.value).trim().endsWith("/0"))
                hits.push({
                    message: `${label(r)}: authorized network ${JSON.stringify(value.value)} opens the instance to the whole internet; remove it from settings.ipConfiguration.authorizedNetworks.`,
                });
        }
        return hits;
    },
};
/** Rows 10–13: automated backups (replicas are not applicable). */
exports.SQL_BACKUPS_ENABLED = {
    ...sql,
    id: "gcp/sql-backups-enabled",
    refs: ["CKV_GCP_14", "AVD-GCP-0024", "KICS cf3c7631", "CIS 6.7"],
    level: types_1.Level.L1,
    severity: model_1.Severity.high,
    description: "Cloud SQL primaries have automated backups (settings.backupConfiguration.enabled true).",
    remediation: "Set settings.backupConfiguration.enabled: true.",
    check(r) {
        if ((0, prod_profile_1.isReplica)(r))
            return [];
        return (0, types_1.expectValue)(r.inputs, "settings.backupConfiguration.enabled", (v) => v === true, (got) => `${label(r)}: settings.backupConfiguration.enabled is ${got}; set it to true (automated daily backups).`);
    },
};
/** Row 14: latest major engine version. */
exports.SQL_LATEST_MAJOR_VERSION = {
    ...sql,
    id: "gcp/sql-latest-major-version",
    refs: ["CKV_GCP_79"],
    level: types_1.Level.L2,
    advisoryOnly: true,
    severity: model_1.Severity.low,
    description: `Cloud SQL runs the latest major version Checkov knows (${exports.LATEST_MAJOR_VERSIONS.join(", ")}). Advisory: "latest" moves, upgrades are planned work.`,
    remediation: "Plan a major-version upgrade (databaseVersion).",
    check(r) {
        return (0, types_1.expectValue)(r.inputs, "databaseVersion", (v) => exports.LATEST_MAJOR_VERSIONS.includes(v), (got) => `${label(r)}: databaseVersion is ${got}; CKV_GCP_79 expects the latest major (e.g. "POSTGRES_17"). Plan the upgrade.`);
    },
};
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
];
const atMost = (limit) => (v) => v !== undefined &&
    PG_LEVELS.indexOf(v.toLowerCase()) !== -1 &&
    PG_LEVELS.indexOf(v.toLowerCase()) <= PG_LEVELS.indexOf(limit);
/** Rows 15–26: one rule per PostgreSQL flag. */
exports.PG_FLAG_RULES = [
    pgFlagRule({
        id: "gcp/pg-log-connections",
        refs: ["CKV_GCP_52", "AVD-GCP-0016", "CIS 6.2.2"],
        level: types_1.Level.L1,
        severity: model_1.Severity.medium,
        flag: "log_connections",
        want: "on",
        description: "PostgreSQL logs every connection (log_connections=on, set explicitly as Checkov requires).",
        ok: on,
    }),
    pgFlagRule({
        id: "gcp/pg-log-disconnections",
        refs: ["CKV_GCP_53", "AVD-GCP-0022", "CIS 6.2.3"],
        level: types_1.Level.L1,
        severity: model_1.Severity.medium,
        flag: "log_disconnections",
        want: "on",
        description: "PostgreSQL logs the end of every session (log_disconnections=on).",
        ok: on,
    }),
    pgFlagRule({
        id: "gcp/pg-log-min-duration-statement",
        refs: ["CKV_GCP_57", "AVD-GCP-0021", "CIS 6.2.7"],
        level: types_1.Level.L1,
        severity: model_1.Severity.medium,
        flag: "log_min_duration_statement",
        want: "-1",
        description: "PostgreSQL does not log statement text by duration (log_min_duration_statement unset or -1), keeping personal data out of logs.",
        ok: (v) => v === undefined || v.trim() === "-1",
    }),
    pgFlagRule({
        id: "gcp/pg-pgaudit",
        refs: ["CKV_GCP_110", "CIS 6.2.8"],
        level: types_1.Level.L1,
        severity: model_1.Severity.medium,
        flag: "cloudsql.enable_pgaudit",
        want: "on",
        description: "pgAudit is enabled (cloudsql.enable_pgaudit=on).",
        ok: on,
    }),
    pgFlagRule({
        id: "gcp/pg-log-statement",
        refs: ["CKV_GCP_111", "CIS 6.2.4"],
        level: types_1.Level.L2,
        severity: model_1.Severity.low,
        flag: "log_statement",
        want: "ddl",
        description: "PostgreSQL logs schema changes at least (log_statement ddl, mod or all).",
        ok: (v) => v !== undefined && ["ddl", "mod", "all"].includes(v.toLowerCase()),
    }),
    pgFlagRule({
        id: "gcp/pg-log-min-messages",
        refs: ["CKV_GCP_55", "CIS 6.2.5"],
        level: types_1.Level.L1,
        severity: model_1.Severity.low,
        flag: "log_min_messages",
        want: "warning",
        description: "PostgreSQL log_min_messages is warning or more verbose (unset = warning).",
        ok: (v) => v === undefined || atMost("warning")(v),
    }),
    pgFlagRule({
        id: "gcp/pg-log-min-error-statement",
        refs: ["CKV_GCP_109", "AVD-GCP-0018", "CIS 6.2.6"],
        level: types_1.Level.L1,
        severity: model_1.Severity.low,
        flag: "log_min_error_statement",
        want: "error",
        description: "PostgreSQL logs statements that cause errors (log_min_error_statement error or more verbose, set explicitly).",
        ok: atMost("error"),
    }),
    pgFlagRule({
        id: "gcp/pg-log-error-verbosity",
        refs: ["CIS 6.2.1"],
        level: types_1.Level.L2,
        severity: model_1.Severity.low,
        flag: "log_error_verbosity",
        want: "default",
        description: "PostgreSQL log_error_verbosity is DEFAULT or stricter (TERSE); unset = default.",
        ok: (v) => v === undefined || ["default", "terse"].includes(v.toLowerCase()),
    }),
    pgFlagRule({
        id: "gcp/pg-log-checkpoints",
        refs: ["CKV_GCP_51", "AVD-GCP-0025"],
        level: types_1.Level.L1,
        severity: model_1.Severity.low,
        flag: "log_checkpoints",
        want: "on",
        description: "PostgreSQL logs checkpoints (log_checkpoints=on, explicit).",
        ok: on,
    }),
    pgFlagRule({
        id: "gcp/pg-log-lock-waits",
        refs: ["CKV_GCP_54", "AVD-GCP-0020"],
        level: types_1.Level.L1,
        severity: model_1.Severity.low,
        flag: "log_lock_waits",
        want: "on",
        description: "PostgreSQL logs long lock waits (log_lock_waits=on, explicit).",
        ok: on,
    }),
    pgFlagRule({
        id: "gcp/pg-log-temp-files",
        refs: ["CKV_GCP_56", "AVD-GCP-0014"],
        level: types_1.Level.L1,
        severity: model_1.Severity.low,
        flag: "log_temp_files",
        want: "0",
        description: "PostgreSQL logs every temporary file (log_temp_files=0, explicit).",
        ok: (v) => v?.trim() === "0",
    }),
    pgFlagRule({
        id: "gcp/pg-log-hostname",
        refs: ["CKV_GCP_108"],
        level: types_1.Level.L2,
        advisoryOnly: true,
        severity: model_1.Severity.low,
        flag: "log_hostname",
        want: "on",
        description: "Checkov: PostgreSQL logs client host names (log_hostname=on). Advisory: every connection then pays a reverse DNS lookup.",
        ok: on,
    }),
    pgFlagRule({
        id: "gcp/pg-log-duration",
        refs: ["CKV2_GCP_13"],
        level: types_1.Level.L2,
        severity: model_1.Severity.low,
        flag: "log_duration",
        want: "on",
        description: "PostgreSQL logs the duration of every completed statement (log_duration=on).",
        ok: on,
    }),
];
/** Row 27 (second half): statistics logging stays off. */
exports.PG_NO_STATS_LOGGING = {
    ...sql,
    id: "gcp/pg-no-stats-logging",
    refs: ["CKV2_GCP_14", "CKV2_GCP_15", "CKV2_GCP_16", "CKV2_GCP_17"],
    level: types_1.Level.L1,
    severity: model_1.Severity.low,
    description: "PostgreSQL statistics logging is off (log_executor_stats, log_parser_stats, log_planner_stats, log_statement_stats).",
    remediation: 'Set each of the four flags to "off" (or remove it).',
    check(r) {
        const pg = isPostgres(r);
        if (pg === "opaque")
            return [(0, types_1.unverified)("databaseVersion")];
        if (!pg)
            return [];
        const hits = [];
        for (const flag of [
            "log_executor_stats",
            "log_parser_stats",
            "log_planner_stats",
            "log_statement_stats",
        ]) {
            const f = (0, values_1.readFlag)(r.inputs, flag);
            if (f.kind === "opaque")
                hits.push((0, types_1.unverified)(f.path, `flag ${flag}`));
            else if (f.kind === "set" && on(String(f.value)))
                hits.push({
                    message: `${label(r)}: database flag ${flag} is "on"; set it to "off" (it floods the logs and slows every query).`,
                });
        }
        return hits;
    },
};
/** Every Cloud SQL rule (table rows 1–27). */
exports.SQL_RULES = [
    exports.SQL_SSL_REQUIRED,
    exports.SQL_SSL_CLIENT_CERTIFICATES,
    exports.SQL_NO_PUBLIC_IP,
    exports.SQL_NO_OPEN_AUTHORIZED_NETWORKS,
    exports.SQL_BACKUPS_ENABLED,
    exports.SQL_LATEST_MAJOR_VERSION,
    ...exports.PG_FLAG_RULES,
    exports.PG_NO_STATS_LOGGING,
];
//# sourceMappingURL=security-sql.js.map