import { CloudRunService, kmsLink } from "../components/cloud-run-service";
import { KmsKeyRing } from "../components/kms-key-ring";
import { Network } from "../components/network";
import { PostgresWithBackups } from "../components/postgres-with-backups";
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
  keys: { data: { serviceAgents: ["cloudsql", "memorystore", "secretmanager"] } },
});
const db = new PostgresWithBackups("db", {
  ctx,
  network: net.networkId,
  dependsOn: [net.privateServiceAccess],
  kmsKeyId: kms.keyIds["data"]!,
});
const cache = new RedisCache("cache", {
  ctx,
  mode: "memorystore",
  network: net.networkId,
  dependsOn: [net.privateServiceAccess],
  tier: "STANDARD_HA",
});

// Linking wires DATABASE_URL / REDIS_* / KMS_KEY_ID and grants exactly what each link needs:
// secretAccessor on those secrets, cloudsql.client on that instance, encrypterDecrypter on that key.
export const api = new CloudRunService("api", {
  ctx,
  image: "europe-docker.pkg.dev/acme-shop-prod/apps/shop-api:1.42.0",
  cpu: "2",
  memory: "2Gi",
  minInstances: 2,
  maxInstances: 50,
  ingress: "internal-and-lb",
  invokers: ["serviceAccount:gateway@acme-shop-prod.iam.gserviceaccount.com"],
  network: net.networkId,
  subnetwork: net.subnetworkId,
  link: [db, cache, kmsLink(kms, "data")],
  canary: { percent: 10, image: "europe-docker.pkg.dev/acme-shop-prod/apps/shop-api:1.43.0" },
});
export const url = api.url;
