import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { KmsKeyRing } from "../components/kms-key-ring";
import { Network } from "../components/network";
import { PostgresWithBackups } from "../components/postgres-with-backups";
import { childName } from "../components/shared/naming";
import { contextOf, type EnvironmentConfig } from "./config";

/** Google APIs the platform needs; enabled by the program so a fresh project deploys in one `up`. */
export const REQUIRED_APIS = [
  "cloudkms.googleapis.com",
  "compute.googleapis.com",
  "secretmanager.googleapis.com",
  "servicenetworking.googleapis.com",
  "sqladmin.googleapis.com",
] as const;

/** Stack outputs of the platform program. No secret values: only names and ids. */
export interface PlatformOutputs {
  readonly profile: string;
  readonly databaseConnectionName: pulumi.Output<string>;
  readonly databasePrivateIp: pulumi.Output<string>;
  readonly databaseUrlSecretId: pulumi.Output<string>;
  readonly databasePasswordSecretId: pulumi.Output<string>;
  readonly databaseReplicas: pulumi.Output<string>[];
  readonly keyRingId: pulumi.Output<string>;
  readonly keyIds: Readonly<Record<string, pulumi.Output<string>>>;
  readonly networkId: pulumi.Output<string>;
}

/**
 * The platform for one environment, composed from its validated config:
 * APIs → network → KMS → Postgres (CMEK, private IP).
 *
 * @example
 * ```ts
 * const outputs = platformProgram(parseEnvironmentConfig("dev", values));
 * ```
 */
export function platformProgram(cfg: EnvironmentConfig): PlatformOutputs {
  const ctx = contextOf(cfg);
  const apis = REQUIRED_APIS.map(
    (service) =>
      new gcp.projects.Service(childName("api", service.split(".")[0]!), {
        project: ctx.project,
        service,
        // Turning an API off on destroy would break anything else in the project that uses it.
        disableOnDestroy: false,
        disableDependentServices: false,
      }),
  );
  const after = { dependsOn: apis };

  const network = new Network("net", { ctx }, after);

  const kms = new KmsKeyRing(
    "kms",
    {
      ctx,
      protectionLevel: cfg.kms.protectionLevel,
      rotationDays: cfg.kms.rotationDays,
      protect: cfg.kms.protect,
      keys: {
        data: { serviceAgents: ["cloudsql", "secretmanager"] },
        ...(cfg.kms.signingKey ? { signing: { purpose: "ASYMMETRIC_SIGN" as const } } : {}),
      },
    },
    after,
  );

  const db = new PostgresWithBackups(
    "db",
    {
      ctx,
      network: network.networkId,
      dependsOn: [network.privateServiceAccess],
      version: cfg.database.version,
      tier: cfg.database.tier,
      highAvailability: cfg.database.highAvailability,
      diskSizeGb: cfg.database.diskSizeGb,
      readReplicas: cfg.database.readReplicas,
      deletionProtection: cfg.database.deletionProtection,
      maintenanceWindow: cfg.database.maintenanceWindow,
      backups: cfg.database.backups,
      kmsKeyId: kms.keyIds["data"]!,
    },
    after,
  );

  return {
    profile: cfg.profile,
    databaseConnectionName: db.connectionName,
    databasePrivateIp: db.privateIp,
    databaseUrlSecretId: db.urlSecretId,
    databasePasswordSecretId: db.passwordSecretId,
    databaseReplicas: db.replicaConnectionNames,
    keyRingId: kms.keyRingId,
    keyIds: kms.keyIds,
    networkId: network.networkId,
  };
}
