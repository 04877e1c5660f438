// Acme's own program: the platform components, composed the way this team wants.
import * as pulumi from "@pulumi/pulumi";
import {
  CloudRunService,
  KmsKeyRing,
  Network,
  PostgresWithBackups,
  kmsLink,
} from "@platform/pulumi-platform";
import { contextOf, loadRuntimeConfig } from "@platform/pulumi-platform/config";

const { config: cfg } = loadRuntimeConfig(); // platform:* and gcp:* validated, with the profile's defaults
const ctx = contextOf(cfg);
const net = new Network("net", { ctx });
const keys = { data: { serviceAgents: ["cloudsql", "secretmanager"] as const } };
const kms = new KmsKeyRing("kms", { ctx, protectionLevel: cfg.kms.protectionLevel, keys });
const db = new PostgresWithBackups("orders-db", {
  ctx,
  network: net.networkId,
  dependsOn: [net.privateServiceAccess],
  tier: cfg.database.tier,
  highAvailability: cfg.database.highAvailability,
  kmsKeyId: kms.keyIds["data"]!,
});
const api = new CloudRunService("orders-api", {
  ctx,
  image: new pulumi.Config().require("image"),
  network: net.networkId,
  subnetwork: net.subnetworkId,
  link: [db, kmsLink(kms, "data")],
});

export const url = api.url;
export const databaseUrlSecret = db.urlSecretId;
