import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { platformLabels } from "../shared/labels";
import type { Link, Linkable } from "../shared/link";
import { childName, physicalName } from "../shared/naming";
import { createStoredSecret } from "../shared/secrets";
import { transform } from "../shared/transform";
import { normalizePostgresArgs, type PostgresSpec, type PostgresWithBackupsArgs } from "./spec";

/** Type token of {@link PostgresWithBackups}. */
export const POSTGRES_TYPE = "platform:data:PostgresWithBackups";

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
 * instance per replica. Dev (`db-f1-micro`, zonal, 10 GB, us-central1) is about **$9/month**; prod
 * (`db-custom-2-7680` REGIONAL, 100 GB, 1 replica, europe-west1) about **$395/month**.
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
export class PostgresWithBackups extends pulumi.ComponentResource implements Linkable {
  /** `project:region:instance`, for the Cloud SQL connectors and Auth Proxy. */
  public readonly connectionName: pulumi.Output<string>;
  /** Instance name. */
  public readonly instanceName: pulumi.Output<string>;
  /** Private IP address (there is no public one). */
  public readonly privateIp: pulumi.Output<string>;
  /** Database name. */
  public readonly databaseName: pulumi.Output<string>;
  /** Application user name. */
  public readonly userName: pulumi.Output<string>;
  /** Secret Manager secret holding the application user's password. */
  public readonly passwordSecretId: pulumi.Output<string>;
  /** Secret Manager secret holding `postgresql://user:password@ip:5432/db?sslmode=require`. */
  public readonly urlSecretId: pulumi.Output<string>;
  /** Replica connection names. */
  public readonly replicaConnectionNames: pulumi.Output<string>[];
  /** The resolved settings (defaults applied). */
  public readonly spec: PostgresSpec;
  private readonly children: {
    instance: gcp.sql.DatabaseInstance;
    replicas: gcp.sql.DatabaseInstance[];
    database: gcp.sql.Database;
    user: gcp.sql.User;
    secrets: gcp.secretmanager.Secret[];
  };

  constructor(name: string, args: PostgresWithBackupsArgs, opts?: pulumi.ComponentResourceOptions) {
    super(POSTGRES_TYPE, name, {}, opts);
    const ctx = args.ctx;
    const spec = normalizePostgresArgs(name, args);
    const parent = this;
    const labels = platformLabels(ctx, "postgres");
    // Pulumi `protect` follows deletionProtection: data must not vanish through a program edit.
    const protect = spec.deletionProtection;
    const instanceName = physicalName([ctx.app, ctx.env, name], { maxLength: 80 });

    const instance = createInstance();
    const replicas = Array.from({ length: spec.readReplicas }, (_, i) => createReplica(i));
    const database = createDatabase();
    const password = createPassword();
    const user = createUser();
    const passwordSecret = createSecret("password", password.result);
    const url = pulumi.secret(
      pulumi.interpolate`postgresql://${user.name}:${password.result}@${instance.privateIpAddress}:5432/${database.name}?sslmode=require`,
    );
    const urlSecret = createSecret("url", url);

    this.spec = spec;
    this.connectionName = instance.connectionName;
    this.instanceName = instance.name;
    this.privateIp = instance.privateIpAddress;
    this.databaseName = database.name;
    this.userName = user.name;
    this.passwordSecretId = passwordSecret.secret.id;
    this.urlSecretId = urlSecret.secret.id;
    this.replicaConnectionNames = replicas.map((r) => r.connectionName);
    this.children = {
      instance,
      replicas,
      database,
      user,
      secrets: [passwordSecret.secret, urlSecret.secret],
    };
    this.registerOutputs({
      connectionName: this.connectionName,
      privateIp: this.privateIp,
      passwordSecretId: this.passwordSecretId,
      urlSecretId: this.urlSecretId,
    });

    function ipConfiguration() {
      return {
        ipv4Enabled: false, // explicit: the provider default is a public IP (CKV_GCP_60 passes on unset)
        privateNetwork: args.network,
        sslMode: spec.sslMode,
        enablePrivatePathForGoogleCloudServices: true,
      };
    }

    function createInstance(): gcp.sql.DatabaseInstance {
      return new gcp.sql.DatabaseInstance(
        ...transform(
          args.transform?.instance,
          childName(name, "instance"),
          {
            name: instanceName,
            project: ctx.project,
            region: ctx.region,
            databaseVersion: spec.version,
            deletionProtection: spec.deletionProtection,
            ...(args.kmsKeyId !== undefined ? { encryptionKeyName: args.kmsKeyId } : {}),
            settings: {
              tier: spec.tier,
              edition: "ENTERPRISE", // custom and shared-core tiers exist only in ENTERPRISE
              availabilityType: spec.highAvailability ? "REGIONAL" : "ZONAL",
              diskType: spec.diskType,
              diskSize: spec.diskSizeGb,
              diskAutoresize: true,
              diskAutoresizeLimit: spec.diskAutoresizeLimitGb,
              deletionProtectionEnabled: spec.deletionProtection,
              retainBackupsOnDelete: true,
              finalBackupConfig: { enabled: true, retentionDays: spec.finalBackupRetentionDays },
              backupConfiguration: {
                enabled: spec.backups.enabled,
                pointInTimeRecoveryEnabled: spec.backups.pointInTimeRecovery,
                startTime: spec.backups.startTime,
                transactionLogRetentionDays: spec.backups.transactionLogRetentionDays,
                backupRetentionSettings: {
                  retainedBackups: spec.backups.retainedBackups,
                  retentionUnit: "COUNT",
                },
                ...(spec.backups.location !== undefined ? { location: spec.backups.location } : {}),
              },
              ipConfiguration: ipConfiguration(),
              databaseFlags: [...spec.databaseFlags],
              insightsConfig: {
                queryInsightsEnabled: spec.queryInsights,
                recordApplicationTags: spec.queryInsights,
                recordClientAddress: false, // client IPs are personal data in many jurisdictions
                queryStringLength: 1024,
              },
              maintenanceWindow: {
                day: spec.maintenanceWindow.day,
                hour: spec.maintenanceWindow.hour,
                updateTrack: "stable",
              },
              passwordValidationPolicy: {
                enablePasswordPolicy: true,
                minLength: 16,
                complexity: "COMPLEXITY_DEFAULT",
                disallowUsernameSubstring: true,
              },
              userLabels: labels,
            },
          },
          { parent, protect, ...(args.dependsOn ? { dependsOn: args.dependsOn } : {}) },
        ),
      );
    }

    function createReplica(i: number): gcp.sql.DatabaseInstance {
      return new gcp.sql.DatabaseInstance(
        ...transform(
          args.transform?.replica,
          childName(name, "replica", String(i)),
          {
            name: physicalName([ctx.app, ctx.env, name, "replica", String(i)], { maxLength: 80 }),
            project: ctx.project,
            region: ctx.region,
            databaseVersion: spec.version,
            masterInstanceName: instance.name,
            deletionProtection: spec.deletionProtection,
            ...(args.kmsKeyId !== undefined ? { encryptionKeyName: args.kmsKeyId } : {}),
            settings: {
              tier: spec.tier,
              edition: "ENTERPRISE",
              availabilityType: "ZONAL",
              diskType: spec.diskType,
              diskSize: spec.diskSizeGb,
              diskAutoresize: true,
              diskAutoresizeLimit: spec.diskAutoresizeLimitGb,
              deletionProtectionEnabled: spec.deletionProtection,
              ipConfiguration: ipConfiguration(),
              databaseFlags: [...spec.databaseFlags],
              insightsConfig: { queryInsightsEnabled: spec.queryInsights, recordClientAddress: false },
              userLabels: { ...labels, role: "replica" },
            },
          },
          { parent, protect, dependsOn: [instance] },
        ),
      );
    }

    function createDatabase(): gcp.sql.Database {
      return new gcp.sql.Database(
        ...transform(
          args.transform?.database,
          childName(name, "database"),
          {
            name: spec.databaseName,
            instance: instance.name,
            project: ctx.project,
            charset: "UTF8",
            collation: "en_US.UTF8",
            // Deleting the Pulumi resource must not drop the data.
            deletionPolicy: spec.deletionProtection ? "ABANDON" : "DELETE",
          },
          { parent, protect },
        ),
      );
    }

    function createPassword(): random.RandomPassword {
      return new random.RandomPassword(
        ...transform(
          args.transform?.password,
          childName(name, "password"),
          // URL-safe specials: the password is embedded in DATABASE_URL.
          {
            length: 32,
            special: true,
            overrideSpecial: "-_.~",
            minLower: 2,
            minUpper: 2,
            minNumeric: 2,
            minSpecial: 1,
          },
          { parent },
        ),
      );
    }

    function createUser(): gcp.sql.User {
      return new gcp.sql.User(
        ...transform(
          args.transform?.user,
          childName(name, "user"),
          {
            name: spec.userName,
            instance: instance.name,
            project: ctx.project,
            type: "BUILT_IN",
            password: password.result,
            deletionPolicy: "ABANDON",
          },
          { parent, dependsOn: [database] },
        ),
      );
    }

    function createSecret(role: "password" | "url", data: pulumi.Input<string>) {
      return createStoredSecret({
        ctx,
        owner: name,
        role,
        data,
        labels,
        ...(args.kmsKeyId !== undefined ? { kmsKeyId: args.kmsKeyId } : {}),
        protect,
        parent,
        transform: {
          ...(args.transform?.secret ? { secret: args.transform.secret } : {}),
          ...(args.transform?.secretVersion ? { secretVersion: args.transform.secretVersion } : {}),
        },
      });
    }
  }

  /** Env vars and grants for a linked service: DB_* plain, DATABASE_URL and DB_PASSWORD from Secret Manager. */
  getLink(): Link {
    return {
      env: { DB_NAME: this.databaseName, DB_USER: this.userName, DB_HOST: this.privateIp, DB_PORT: "5432" },
      secretEnv: { DATABASE_URL: this.urlSecretId, DB_PASSWORD: this.passwordSecretId },
      secretIds: [this.urlSecretId, this.passwordSecretId],
      cloudSqlInstances: [this.connectionName],
    };
  }

  /** Raw children, an escape hatch for wiring this library does not cover. */
  public get nodes() {
    return this.children;
  }
}
