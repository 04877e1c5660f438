"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULTS = exports.CIS_DATABASE_FLAGS = exports.SslMode = exports.PostgresVersion = void 0;
exports.normalizePostgresArgs = normalizePostgresArgs;
exports.validatePostgresSpec = validatePostgresSpec;
exports.mergeFlags = mergeFlags;
const errors_1 = require("../shared/errors");
const tiers_1 = require("./tiers");
/** Supported PostgreSQL major versions. */
exports.PostgresVersion = {
    POSTGRES_15: "POSTGRES_15",
    POSTGRES_16: "POSTGRES_16",
    POSTGRES_17: "POSTGRES_17",
};
/** TLS enforcement for client connections; ALLOW_UNENCRYPTED_AND_ENCRYPTED is deliberately absent. */
exports.SslMode = {
    ENCRYPTED_ONLY: "ENCRYPTED_ONLY",
    TRUSTED_CLIENT_CERTIFICATE_REQUIRED: "TRUSTED_CLIENT_CERTIFICATE_REQUIRED",
};
/**
 * The CIS / Checkov / trivy PostgreSQL logging flags (security reference rows 15–27), set explicitly
 * because several scanners only pass on an explicit value. `log_min_duration_statement=-1` keeps
 * statements (and the personal data inside them) out of logs.
 */
exports.CIS_DATABASE_FLAGS = [
    { name: "log_connections", value: "on" }, // CKV_GCP_52 / AVD-GCP-0016 / CIS 6.2.2
    { name: "log_disconnections", value: "on" }, // CKV_GCP_53 / AVD-GCP-0022 / CIS 6.2.3
    { name: "log_min_duration_statement", value: "-1" }, // CKV_GCP_57 / AVD-GCP-0021 / CIS 6.2.7
    { name: "cloudsql.enable_pgaudit", value: "on" }, // CKV_GCP_110 / CIS 6.2.8
    { name: "log_statement", value: "ddl" }, // CKV_GCP_111 / CIS 6.2.4
    { name: "log_min_messages", value: "warning" }, // CKV_GCP_55 / CIS 6.2.5
    { name: "log_min_error_statement", value: "error" }, // CKV_GCP_109 / AVD-GCP-0018 / CIS 6.2.6
    { name: "log_error_verbosity", value: "default" }, // CIS 6.2.1
    { name: "log_checkpoints", value: "on" }, // CKV_GCP_51 / AVD-GCP-0025
    { name: "log_lock_waits", value: "on" }, // CKV_GCP_54 / AVD-GCP-0020
    { name: "log_temp_files", value: "0" }, // CKV_GCP_56 / AVD-GCP-0014
    { name: "log_hostname", value: "on" }, // CKV_GCP_108
    { name: "log_duration", value: "on" }, // CKV2_GCP_13
    { name: "log_executor_stats", value: "off" }, // CKV2_GCP_14
    { name: "log_parser_stats", value: "off" }, // CKV2_GCP_15
    { name: "log_planner_stats", value: "off" }, // CKV2_GCP_16
    { name: "log_statement_stats", value: "off" }, // CKV2_GCP_17
];
/** Defaults of {@link PostgresWithBackupsArgs}. */
exports.DEFAULTS = {
    version: exports.PostgresVersion.POSTGRES_17,
    tier: "db-custom-1-3840",
    highAvailability: true,
    diskSizeGb: 20,
    readReplicas: 0,
    deletionProtection: true,
    maintenanceWindow: { day: 7, hour: 3 },
    backups: {
        enabled: true,
        pointInTimeRecovery: true,
        retainedBackups: 7,
        transactionLogRetentionDays: 7,
        startTime: "03:00",
    },
    sslMode: exports.SslMode.ENCRYPTED_ONLY,
    queryInsights: true,
    finalBackupRetentionDays: 30,
};
/**
 * Applies defaults and validates; throws one {@link PlatformError} listing every problem.
 *
 * @example
 * ```ts
 * normalizePostgresArgs("db", { ctx, network, tier: "db-custom-3-1" }); // throws: tier: vCPUs must be 1 or an even number…
 * ```
 */
function normalizePostgresArgs(name, args) {
    const b = args.backups ?? {};
    const enabled = b.enabled ?? exports.DEFAULTS.backups.enabled;
    const spec = {
        version: args.version ?? exports.DEFAULTS.version,
        tier: args.tier ?? exports.DEFAULTS.tier,
        highAvailability: args.highAvailability ?? exports.DEFAULTS.highAvailability,
        diskSizeGb: args.diskSizeGb ?? exports.DEFAULTS.diskSizeGb,
        diskAutoresizeLimitGb: args.diskAutoresizeLimitGb ?? (args.diskSizeGb ?? exports.DEFAULTS.diskSizeGb) * 10,
        readReplicas: args.readReplicas ?? exports.DEFAULTS.readReplicas,
        deletionProtection: args.deletionProtection ?? exports.DEFAULTS.deletionProtection,
        maintenanceWindow: args.maintenanceWindow ?? exports.DEFAULTS.maintenanceWindow,
        backups: {
            enabled,
            // PITR follows backups unless set: turning backups off must not leave an impossible default.
            pointInTimeRecovery: b.pointInTimeRecovery ?? enabled,
            retainedBackups: b.retainedBackups ?? exports.DEFAULTS.backups.retainedBackups,
            transactionLogRetentionDays: b.transactionLogRetentionDays ?? exports.DEFAULTS.backups.transactionLogRetentionDays,
            startTime: b.startTime ?? exports.DEFAULTS.backups.startTime,
            ...(b.location !== undefined ? { location: b.location } : {}),
        },
        sslMode: args.sslMode ?? exports.DEFAULTS.sslMode,
        databaseName: args.databaseName ?? args.ctx.app.replace(/-/g, "_"),
        userName: args.userName ?? `${args.ctx.app.replace(/-/g, "_")}_app`,
        queryInsights: args.queryInsights ?? exports.DEFAULTS.queryInsights,
        finalBackupRetentionDays: args.finalBackupRetentionDays ?? exports.DEFAULTS.finalBackupRetentionDays,
        databaseFlags: mergeFlags(exports.CIS_DATABASE_FLAGS, args.databaseFlags ?? []),
    };
    const problems = validatePostgresSpec(spec);
    if (problems.length > 0) {
        throw new errors_1.PlatformError(`PostgresWithBackups '${name}': ${problems.join("; ")}`);
    }
    return spec;
}
/**
 * Every rule a resolved spec must satisfy; returns the problems (empty = valid). Pure.
 *
 * @example
 * ```ts
 * validatePostgresSpec({ ...spec, backups: { ...spec.backups, enabled: false, pointInTimeRecovery: true } });
 * // ["backups.pointInTimeRecovery needs backups.enabled=true"]
 * ```
 */
function validatePostgresSpec(spec) {
    const p = [];
    if (!Object.values(exports.PostgresVersion).includes(spec.version)) {
        p.push(`version must be one of ${Object.values(exports.PostgresVersion).join(" | ")}, got ${(0, errors_1.show)(spec.version)}`);
    }
    const tier = (0, tiers_1.parseTier)(spec.tier);
    if (!tier.ok)
        p.push(`tier ${tier.reason}`);
    if (!Number.isInteger(spec.diskSizeGb) || spec.diskSizeGb < 10 || spec.diskSizeGb > 65536) {
        p.push(`diskSizeGb must be an integer 10–65536, got ${(0, errors_1.show)(spec.diskSizeGb)}`);
    }
    if (spec.diskAutoresizeLimitGb !== 0 && spec.diskAutoresizeLimitGb < spec.diskSizeGb) {
        p.push(`diskAutoresizeLimitGb must be 0 (unlimited) or ≥ diskSizeGb (${spec.diskSizeGb}), got ${spec.diskAutoresizeLimitGb}`);
    }
    if (!Number.isInteger(spec.readReplicas) || spec.readReplicas < 0 || spec.readReplicas > 5) {
        p.push(`readReplicas must be an integer 0–5, got ${(0, errors_1.show)(spec.readReplicas)}`);
    }
    const { day, hour } = spec.maintenanceWindow;
    if (!Number.isInteger(day) || day < 1 || day > 7)
        p.push(`maintenanceWindow.day must be 1–7 (Monday–Sunday), got ${(0, errors_1.show)(day)}`);
    if (!Number.isInteger(hour) || hour < 0 || hour > 23)
        p.push(`maintenanceWindow.hour must be 0–23, got ${(0, errors_1.show)(hour)}`);
    const b = spec.backups;
    if (b.pointInTimeRecovery && !b.enabled)
        p.push("backups.pointInTimeRecovery needs backups.enabled=true");
    if (spec.readReplicas > 0 && !b.enabled)
        p.push("readReplicas need backups.enabled=true (Cloud SQL replicates from backups and binary logs)");
    if (!Number.isInteger(b.retainedBackups) || b.retainedBackups < 1 || b.retainedBackups > 365) {
        p.push(`backups.retainedBackups must be 1–365, got ${(0, errors_1.show)(b.retainedBackups)}`);
    }
    if (!Number.isInteger(b.transactionLogRetentionDays) ||
        b.transactionLogRetentionDays < 1 ||
        b.transactionLogRetentionDays > 7) {
        p.push(`backups.transactionLogRetentionDays must be 1–7, got ${(0, errors_1.show)(b.transactionLogRetentionDays)}`);
    }
    if (b.transactionLogRetentionDays > b.retainedBackups) {
        p.push(`backups.transactionLogRetentionDays (${b.transactionLogRetentionDays}) must not exceed retainedBackups (${b.retainedBackups})`);
    }
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(b.startTime))
        p.push(`backups.startTime must be a UTC time HH:MM, got ${(0, errors_1.show)(b.startTime)}`);
    if (!Object.values(exports.SslMode).includes(spec.sslMode)) {
        p.push(`sslMode must be one of ${Object.values(exports.SslMode).join(" | ")}, got ${(0, errors_1.show)(spec.sslMode)}`);
    }
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(spec.databaseName))
        p.push(`databaseName must be a lowercase identifier, got ${(0, errors_1.show)(spec.databaseName)}`);
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(spec.userName))
        p.push(`userName must be a lowercase identifier, got ${(0, errors_1.show)(spec.userName)}`);
    if (!Number.isInteger(spec.finalBackupRetentionDays) ||
        spec.finalBackupRetentionDays < 1 ||
        spec.finalBackupRetentionDays > 365) {
        p.push(`finalBackupRetentionDays must be 1–365, got ${(0, errors_1.show)(spec.finalBackupRetentionDays)}`);
    }
    return p;
}
/** CIS defaults overridden by name with the user's flags; order stable. */
function mergeFlags(base, extra) {
    const byName = new Map(base.map((f) => [f.name, f.value]));
    for (const f of extra)
        byName.set(f.name, f.value);
    return [...byName].map(([name, value]) => ({ name, value }));
}
//# sourceMappingURL=spec.js.map