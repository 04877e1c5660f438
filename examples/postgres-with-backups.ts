import { KmsKeyRing } from "../components/kms-key-ring";
import { Network } from "../components/network";
import { PostgresWithBackups } from "../components/postgres-with-backups";
import type { PlatformContext } from "../components/shared";

const ctx: PlatformContext = {
  env: "prod",
  profile: "prod",
  app: "shop",
  project: "acme-shop-prod",
  region: "europe-west1",
};
const net = new Network("net", { ctx });
const kms = new KmsKeyRing("kms", {
  ctx,
  protectionLevel: "HSM",
  keys: { data: { serviceAgents: ["cloudsql", "secretmanager"] } },
});

// REGIONAL HA, one read replica, CMEK, 30 retained backups in the EU multi-region, private IP only.
export const db = new PostgresWithBackups("db", {
  ctx,
  network: net.networkId,
  dependsOn: [net.privateServiceAccess],
  tier: "db-custom-2-7680",
  highAvailability: true,
  readReplicas: 1,
  kmsKeyId: kms.keyIds["data"]!,
  backups: { retainedBackups: 30, location: "eu" },
  maintenanceWindow: { day: 7, hour: 3 },
});
export const connectionName = db.connectionName;
export const databaseUrlSecret = db.urlSecretId; // a Secret Manager id, never the URL itself
