"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.PostgresWithBackups = exports.POSTGRES_TYPE = void 0;
const gcp = __importStar(require("@pulumi/gcp"));
const pulumi = __importStar(require("@pulumi/pulumi"));
const random = __importStar(require("@pulumi/random"));
const labels_1 = require("../shared/labels");
const naming_1 = require("../shared/naming");
const transform_1 = require("../shared/transform");
const spec_1 = require("./spec");
/** Type token of {@link PostgresWithBackups}. */
exports.POSTGRES_TYPE = "platform:data:PostgresWithBackups";
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
class PostgresWithBackups extends pulumi.ComponentResource {
    /** `project:region:instance`, for the Cloud SQL connectors and Auth Proxy. */
    connectionName;
    /** Instance name. */
    instanceName;
    /** Private IP address (there is no public one). */
    privateIp;
    /** Database name. */
    databaseName;
    /** Application user name. */
    userName;
    /** Secret Manager secret holding the application user's password. */
    passwordSecretId;
    /** Secret Manager secret holding `postgresql://user:password@ip:5432/db?sslmode=require`. */
    urlSecretId;
    /** Replica connection names. */
    replicaConnectionNames;
    /** The resolved settings (defaults applied). */
    spec;
    children;
    constructor(name, args, opts) {
        super(exports.POSTGRES_TYPE, name, {}, opts);
        const ctx = args.ctx;
        const spec = (0, spec_1.normalizePostgresArgs)(name, args);
        const parent = this;
        const labels = (0, labels_1.platformLabels)(ctx, "postgres");
        // Pulumi `protect` follows deletionProtection: data must not vanish through a program edit.
        const protect = spec.deletionProtection;
        const instanceName = (0, naming_1.physicalName)([ctx.app, ctx.env, name], { maxLength: 80 });
        const instance = createInstance();
        const replicas = Array.from({ length: spec.readReplicas }, (_, i) => createReplica(i));
        const database = createDatabase();
        const password = createPassword();
        const user = createUser();
        const passwordSecret = createSecret("password", password.result);
        const url = pulumi.secret(pulumi.interpolate `postgresql://${user.name}:${password.result}@${instance.privateIpAddress}:5432/${database.name}?sslmode=require`);
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
        function createInstance() {
            return new gcp.sql.DatabaseInstance(...(0, transform_1.transform)(args.transform?.instance, (0, naming_1.childName)(name, "instance"), {
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
                    diskType: "PD_SSD",
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
            }, { parent, protect, ...(args.dependsOn ? { dependsOn: args.dependsOn } : {}) }));
        }
        function createReplica(i) {
            return new gcp.sql.DatabaseInstance(...(0, transform_1.transform)(args.transform?.replica, (0, naming_1.childName)(name, "replica", String(i)), {
                name: (0, naming_1.physicalName)([ctx.app, ctx.env, name, "replica", String(i)], { maxLength: 80 }),
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
                    diskType: "PD_SSD",
                    diskSize: spec.diskSizeGb,
                    diskAutoresize: true,
                    diskAutoresizeLimit: spec.diskAutoresizeLimitGb,
                    deletionProtectionEnabled: spec.deletionProtection,
                    ipConfiguration: ipConfiguration(),
                    databaseFlags: [...spec.databaseFlags],
                    insightsConfig: { queryInsightsEnabled: spec.queryInsights, recordClientAddress: false },
                    userLabels: { ...labels, role: "replica" },
                },
            }, { parent, protect, dependsOn: [instance] }));
        }
        function createDatabase() {
            return new gcp.sql.Database(...(0, transform_1.transform)(args.transform?.database, (0, naming_1.childName)(name, "database"), {
                name: spec.databaseName,
                instance: instance.name,
                project: ctx.project,
                charset: "UTF8",
                collation: "en_US.UTF8",
                // Deleting the Pulumi resource must not drop the data.
                deletionPolicy: spec.deletionProtection ? "ABANDON" : "DELETE",
            }, { parent, protect }));
        }
        function createPassword() {
            return new random.RandomPassword(...(0, transform_1.transform)(args.transform?.password, (0, naming_1.childName)(name, "password"), 
            // URL-safe specials: the password is embedded in DATABASE_URL.
            {
                length: 32,
                special: true,
                overrideSpecial: "-_.~",
                minLower: 2,
                minUpper: 2,
                minNumeric: 2,
                minSpecial: 1,
            }, { parent }));
        }
        function createUser() {
            return new gcp.sql.User(...(0, transform_1.transform)(args.transform?.user, (0, naming_1.childName)(name, "user"), {
                name: spec.userName,
                instance: instance.name,
                project: ctx.project,
                type: "BUILT_IN",
                password: password.result,
                deletionPolicy: "ABANDON",
            }, { parent, dependsOn: [database] }));
        }
        function createSecret(role, data) {
            const secret = new gcp.secretmanager.Secret(...(0, transform_1.transform)(args.transform?.secret, (0, naming_1.childName)(name, role, "secret"), {
                secretId: (0, naming_1.physicalName)([ctx.app, ctx.env, name, role], { maxLength: 255 }),
                project: ctx.project,
                labels,
                deletionProtection: spec.deletionProtection,
                replication: args.kmsKeyId !== undefined
                    ? {
                        userManaged: {
                            replicas: [
                                { location: ctx.region, customerManagedEncryption: { kmsKeyName: args.kmsKeyId } },
                            ],
                        },
                    }
                    : { auto: {} },
            }, { parent, protect }));
            const version = new gcp.secretmanager.SecretVersion(...(0, transform_1.transform)(args.transform?.secretVersion, (0, naming_1.childName)(name, role, "secret-version"), { secret: secret.id, secretData: pulumi.secret(data) }, { parent }));
            return { secret, version };
        }
    }
    /** Env vars and grants for a linked service: DB_* plain, DATABASE_URL and DB_PASSWORD from Secret Manager. */
    getLink() {
        return {
            env: { DB_NAME: this.databaseName, DB_USER: this.userName, DB_HOST: this.privateIp, DB_PORT: "5432" },
            secretEnv: { DATABASE_URL: this.urlSecretId, DB_PASSWORD: this.passwordSecretId },
            secretIds: [this.urlSecretId, this.passwordSecretId],
            cloudSqlInstances: [this.connectionName],
        };
    }
    /** Raw children, an escape hatch for wiring this library does not cover. */
    get nodes() {
        return this.children;
    }
}
exports.PostgresWithBackups = PostgresWithBackups;
//# sourceMappingURL=postgres-with-backups.js.map