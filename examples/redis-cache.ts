import { KmsKeyRing } from "../components/kms-key-ring";
import { Network } from "../components/network";
import { RedisCache } from "../components/redis-cache";
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
  keys: { data: { serviceAgents: ["memorystore", "secretmanager"] } },
});

// STANDARD_HA with a read replica, AUTH + TLS, RDB snapshots, CMEK; the AUTH string lives in Secret Manager.
export const cache = new RedisCache("cache", {
  ctx,
  mode: "memorystore",
  network: net.networkId,
  dependsOn: [net.privateServiceAccess],
  tier: "STANDARD_HA",
  memorySizeGb: 5,
  readReplicas: 1,
  persistence: "rdb",
  kmsKeyId: kms.keyIds["data"]!,
});
export const endpoint = cache.endpoint;

// The cost-optimised dev setup: nothing is created and linked services cache in-process.
export const devCache = new RedisCache("dev-cache", {
  ctx: { ...ctx, env: "dev", profile: "dev" },
  mode: "memory",
});
