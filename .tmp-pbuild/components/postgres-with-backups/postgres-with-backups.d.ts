import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import type { Link, Linkable } from "../shared/link";
import { type PostgresSpec, type PostgresWithBackupsArgs } from "./spec";
/** Type token of {@link PostgresWithBackups}. */
export declare const POSTGRES_TYPE = "platform:data:PostgresWithBackups";
/**
 * Cloud SQL for PostgreSQL that is safe by default: daily backups with point-in-time recovery,
 * a retained backup count and location, REGIONAL HA, read replicas, CMEK, private IP only
 * (`ipv4Enabled: false`), TLS required, the CIS logging flags, query insights, deletion
 * protection on both layers (Cloud SQL and Pulumi `protect`), a final backup and retained
 * backups on delete. Creates a database and an application user whose generated password lives
 * only in Secret Manager (and a `DATABASE_URL` secret for linked services).
 *
 * ### Cost
 * Compute per vCPU and GB RAM (doubled by HA), SSD storage, backups beyond the disk size, one
 * instance per replica. Dev (`db-f1-micro`, zonal, 10 GB) is about **$9/month**; prod
 * (`db-custom-2-7680` REGIONAL, 100 GB, 1 replica) about **$390/month** (us-central1 list prices).
 *
 * @example
 * ```ts
 * const db = new PostgresWithBackups("db", {
 *   ctx,
 *   network: net.networkId,
 *   dependsOn: [net.privateServiceAccess],
 *   tier: "db-custom-2-7680",
 *   readReplicas: 1,
 *   kmsKeyId: kms.keyIds["data"],
 *   backups: { retainedBackups: 30, location: "eu" },
 * });
 * export const connectionName = db.connectionName;
 * ```
 */
export declare class PostgresWithBackups extends pulumi.ComponentResource implements Linkable {
    /** `project:region:instance`, for the Cloud SQL connectors and Auth Proxy. */
    readonly connectionName: pulumi.Output<string>;
    /** Instance name. */
    readonly instanceName: pulumi.Output<string>;
    /** Private IP address (there is no public one). */
    readonly privateIp: pulumi.Output<string>;
    /** Database name. */
    readonly databaseName: pulumi.Output<string>;
    /** Application user name. */
    readonly userName: pulumi.Output<string>;
    /** Secret Manager secret holding the application user's password. */
    readonly passwordSecretId: pulumi.Output<string>;
    /** Secret Manager secret holding `postgresql://user:password@ip:5432/db?sslmode=require`. */
    readonly urlSecretId: pulumi.Output<string>;
    /** Replica connection names. */
    readonly replicaConnectionNames: pulumi.Output<string>[];
    /** The resolved settings (defaults applied). */
    readonly spec: PostgresSpec;
    private readonly children;
    constructor(name: string, args: PostgresWithBackupsArgs, opts?: pulumi.ComponentResourceOptions);
    /** Env vars and grants for a linked service: DB_* plain, DATABASE_URL and DB_PASSWORD from Secret Manager. */
    getLink(): Link;
    /** Raw children, an escape hatch for wiring this library does not cover. */
    get nodes(): {
        instance: gcp.sql.DatabaseInstance;
        replicas: gcp.sql.DatabaseInstance[];
        database: gcp.sql.Database;
        user: gcp.sql.User;
        secrets: gcp.secretmanager.Secret[];
    };
}
