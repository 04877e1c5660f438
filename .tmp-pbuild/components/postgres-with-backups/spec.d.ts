import type * as gcp from "@pulumi/gcp";
import type * as pulumi from "@pulumi/pulumi";
import type * as random from "@pulumi/random";
import type { Transform } from "../shared/transform";
/** Supported PostgreSQL major versions. */
export declare const PostgresVersion: {
    readonly POSTGRES_15: "POSTGRES_15";
    readonly POSTGRES_16: "POSTGRES_16";
    readonly POSTGRES_17: "POSTGRES_17";
};
/** A supported PostgreSQL version. */
export type PostgresVersion = (typeof PostgresVersion)[keyof typeof PostgresVersion];
/** TLS enforcement for client connections; ALLOW_UNENCRYPTED_AND_ENCRYPTED is deliberately absent. */
export declare const SslMode: {
    readonly ENCRYPTED_ONLY: "ENCRYPTED_ONLY";
    readonly TRUSTED_CLIENT_CERTIFICATE_REQUIRED: "TRUSTED_CLIENT_CERTIFICATE_REQUIRED";
};
/** An allowed SSL mode. */
export type SslMode = (typeof SslMode)[keyof typeof SslMode];
/**
 * The CIS / Checkov / trivy PostgreSQL logging flags (security reference rows 15–27), set explicitly
 * because several scanners only pass on an explicit value. `log_min_duration_statement=-1` keeps
 * statements (and the personal data inside them) out of logs.
 */
export declare const CIS_DATABASE_FLAGS: readonly [{
    readonly name: "log_connections";
    readonly value: "on";
}, {
    readonly name: "log_disconnections";
    readonly value: "on";
}, {
    readonly name: "log_min_duration_statement";
    readonly value: "-1";
}, {
    readonly name: "cloudsql.enable_pgaudit";
    readonly value: "on";
}, {
    readonly name: "log_statement";
    readonly value: "ddl";
}, {
    readonly name: "log_min_messages";
    readonly value: "warning";
}, {
    readonly name: "log_min_error_statement";
    readonly value: "error";
}, {
    readonly name: "log_error_verbosity";
    readonly value: "default";
}, {
    readonly name: "log_checkpoints";
    readonly value: "on";
}, {
    readonly name: "log_lock_waits";
    readonly value: "on";
}, {
    readonly name: "log_temp_files";
    readonly value: "0";
}, {
    readonly name: "log_hostname";
    readonly value: "on";
}, {
    readonly name: "log_duration";
    readonly value: "on";
}, {
    readonly name: "log_executor_stats";
    readonly value: "off";
}, {
    readonly name: "log_parser_stats";
    readonly value: "off";
}, {
    readonly name: "log_planner_stats";
    readonly value: "off";
}, {
    readonly name: "log_statement_stats";
    readonly value: "off";
}];
/** Automated backup settings. */
export interface BackupArgs {
    /** Daily automated backups. @default true */
    readonly enabled?: boolean;
    /** Point-in-time recovery (WAL archiving); needs backups. @default true */
    readonly pointInTimeRecovery?: boolean;
    /** Number of automated backups kept, 1–365. @default 7 (dev), 14 (staging), 30 (prod) */
    readonly retainedBackups?: number;
    /** Days of transaction logs kept for PITR, 1–7. @default 7 */
    readonly transactionLogRetentionDays?: number;
    /** Backup window start, UTC `HH:MM`. @default "03:00" */
    readonly startTime?: string;
    /** Backup location (region or multi-region, e.g. `eu`). @default Cloud SQL's choice (the nearest multi-region) */
    readonly location?: string;
}
/** A weekly one-hour maintenance window (UTC). */
export interface MaintenanceWindowArgs {
    /** 1 = Monday … 7 = Sunday. @default 7 */
    readonly day: number;
    /** Hour of day, 0–23 UTC. @default 3 */
    readonly hour: number;
}
/**
 * Arguments of {@link PostgresWithBackups}.
 *
 * @example
 * ```ts
 * const args: PostgresWithBackupsArgs = { ctx, network: net.networkId, privateServiceAccess: net.privateServiceAccess,
 *   tier: "db-custom-2-7680", highAvailability: true, kmsKeyId: kms.keyIds["data"] };
 * ```
 */
export interface PostgresWithBackupsArgs {
    readonly ctx: import("../shared/context").PlatformContext;
    /** VPC self link or id for the private IP. */
    readonly network: pulumi.Input<string>;
    /** Resources that must exist before the instance (the Private Service Access connection). @default [] */
    readonly dependsOn?: pulumi.Input<pulumi.Resource>[];
    /** @default "POSTGRES_17" */
    readonly version?: PostgresVersion;
    /** Machine tier (`db-f1-micro`, `db-custom-2-7680`, …). @default "db-custom-1-3840" */
    readonly tier?: string;
    /** REGIONAL availability (synchronous standby in a second zone). @default true */
    readonly highAvailability?: boolean;
    /** SSD size in GB (grows automatically). @default 20 */
    readonly diskSizeGb?: number;
    /** Upper bound for automatic growth in GB; 0 = unlimited. @default 10 × diskSizeGb */
    readonly diskAutoresizeLimitGb?: number;
    /** Read replicas, 0–5. @default 0 */
    readonly readReplicas?: number;
    /** Cloud SQL deletion protection and Pulumi `protect`. @default true */
    readonly deletionProtection?: boolean;
    readonly maintenanceWindow?: MaintenanceWindowArgs;
    readonly backups?: BackupArgs;
    /** @default "ENCRYPTED_ONLY" */
    readonly sslMode?: SslMode;
    /** CMEK key id (from KmsKeyRing.keyIds); undefined = Google-managed keys (refused in prod). */
    readonly kmsKeyId?: pulumi.Input<string>;
    /** Database name. @default ctx.app */
    readonly databaseName?: string;
    /** Application user name. @default `${ctx.app}_app` */
    readonly userName?: string;
    /** Query insights (without client addresses). @default true */
    readonly queryInsights?: boolean;
    /** Keep a final backup for this many days when the instance is deleted. @default 30 */
    readonly finalBackupRetentionDays?: number;
    /** Extra database flags (override the CIS defaults by name). @default [] */
    readonly databaseFlags?: readonly {
        name: string;
        value: string;
    }[];
    readonly transform?: {
        instance?: Transform<gcp.sql.DatabaseInstanceArgs>;
        replica?: Transform<gcp.sql.DatabaseInstanceArgs>;
        database?: Transform<gcp.sql.DatabaseArgs>;
        user?: Transform<gcp.sql.UserArgs>;
        password?: Transform<random.RandomPasswordArgs>;
        secret?: Transform<gcp.secretmanager.SecretArgs>;
        secretVersion?: Transform<gcp.secretmanager.SecretVersionArgs>;
    };
}
/** Defaults of {@link PostgresWithBackupsArgs}. */
export declare const DEFAULTS: {
    readonly version: "POSTGRES_17";
    readonly tier: "db-custom-1-3840";
    readonly highAvailability: true;
    readonly diskSizeGb: 20;
    readonly readReplicas: 0;
    readonly deletionProtection: true;
    readonly maintenanceWindow: {
        readonly day: 7;
        readonly hour: 3;
    };
    readonly backups: {
        readonly enabled: true;
        readonly pointInTimeRecovery: true;
        readonly retainedBackups: 7;
        readonly transactionLogRetentionDays: 7;
        readonly startTime: "03:00";
    };
    readonly sslMode: "ENCRYPTED_ONLY";
    readonly queryInsights: true;
    readonly finalBackupRetentionDays: 30;
};
/** Fully resolved settings (defaults applied, validated). */
export interface PostgresSpec {
    readonly version: PostgresVersion;
    readonly tier: string;
    readonly highAvailability: boolean;
    readonly diskSizeGb: number;
    readonly diskAutoresizeLimitGb: number;
    readonly readReplicas: number;
    readonly deletionProtection: boolean;
    readonly maintenanceWindow: MaintenanceWindowArgs;
    readonly backups: Required<Omit<BackupArgs, "location">> & {
        location?: string;
    };
    readonly sslMode: SslMode;
    readonly databaseName: string;
    readonly userName: string;
    readonly queryInsights: boolean;
    readonly finalBackupRetentionDays: number;
    readonly databaseFlags: readonly {
        name: string;
        value: string;
    }[];
}
/**
 * Applies defaults and validates; throws one {@link PlatformError} listing every problem.
 *
 * @example
 * ```ts
 * normalizePostgresArgs("db", { ctx, network, tier: "db-custom-3-1" }); // throws: tier: vCPUs must be 1 or an even number…
 * ```
 */
export declare function normalizePostgresArgs(name: string, args: Omit<PostgresWithBackupsArgs, "network" | "ctx"> & {
    ctx: {
        app: string;
    };
}): PostgresSpec;
/**
 * Every rule a resolved spec must satisfy; returns the problems (empty = valid). Pure.
 *
 * @example
 * ```ts
 * validatePostgresSpec({ ...spec, backups: { ...spec.backups, enabled: false, pointInTimeRecovery: true } });
 * // ["backups.pointInTimeRecovery needs backups.enabled=true"]
 * ```
 */
export declare function validatePostgresSpec(spec: PostgresSpec): string[];
/** CIS defaults overridden by name with the user's flags; order stable. */
export declare function mergeFlags(base: readonly {
    name: string;
    value: string;
}[], extra: readonly {
    name: string;
    value: string;
}[]): {
    name: string;
    value: string;
}[];
