import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { beforeAll, beforeEach, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { DEFAULTS, RedisCache } from "../../components/redis-cache";
import type { PlatformContext } from "../../components/shared/context";
import { promiseOf, setupMocks } from "../support/harness";

const ctx: PlatformContext = {
  env: "prod",
  profile: "prod",
  app: "shop",
  project: "acme-shop-prod",
  region: "europe-west1",
  labels: { team: "core" },
};
const T = {
  component: "platform:data:RedisCache",
  instance: "gcp:redis/instance:Instance",
  secret: "gcp:secretmanager/secret:Secret",
  version: "gcp:secretmanager/secretVersion:SecretVersion",
} as const;
const NETWORK = "projects/acme-shop-prod/global/networks/shop-prod-vpc";

let rec: Awaited<ReturnType<typeof setupMocks>>;
beforeAll(async () => {
  rec = await setupMocks("prod");
});
beforeEach(() => rec.reset());

describe("RedisCache (memorystore)", () => {
  it("creates a protected private instance with AUTH, TLS and the defaults, plus the AUTH secret", async () => {
    const cache = new RedisCache("cache", { ctx, network: NETWORK });
    await promiseOf(cache.authSecretId);
    await rec.settled();
    expect(rec.counts("cache")).toEqual({ [T.component]: 1, [T.instance]: 1, [T.secret]: 1, [T.version]: 1 });
    const i = rec.find(T.instance, "cache-instance");
    expect(i.protect).toBe(DEFAULTS.protect);
    expect(i.inputs).toMatchObject({
      name: "shop-prod-cache",
      project: "acme-shop-prod",
      region: "europe-west1",
      tier: DEFAULTS.tier,
      memorySizeGb: DEFAULTS.memorySizeGb,
      redisVersion: DEFAULTS.version,
      authEnabled: true,
      transitEncryptionMode: "SERVER_AUTHENTICATION",
      connectMode: "PRIVATE_SERVICE_ACCESS",
      authorizedNetwork: NETWORK,
      readReplicasMode: "READ_REPLICAS_DISABLED",
      persistenceConfig: { persistenceMode: "RDB", rdbSnapshotPeriod: DEFAULTS.rdbSnapshotPeriod },
      maintenancePolicy: {
        weeklyMaintenanceWindows: [{ day: "SUNDAY", startTime: { hours: 3, minutes: 0 } }],
      },
      deletionProtection: true,
      labels: { env: "prod", app: "shop", component: "redis", "managed-by": "platform", team: "core" },
    });
    expect(i.inputs["customerManagedKey"]).toBeUndefined();
    expect(i.inputs["replicaCount"]).toBeUndefined();

    const secret = rec.find(T.secret, "cache-auth-secret");
    expect(secret.inputs).toMatchObject({
      secretId: "shop-prod-cache-auth",
      replication: { auto: {} },
    });
    expect(rec.find(T.version, "cache-auth-secret-version").inputs["secretData"]).toBe("[secret]");

    expect(cache.backend).toBe("memorystore");
    expect(await promiseOf(cache.host)).toBe("10.20.0.4");
    expect(await promiseOf(cache.port)).toBe(6378);
    expect(await promiseOf(cache.endpoint)).toBe("10.20.0.4:6378");
    expect(await promiseOf(cache.authSecretId)).toBe("cache-auth-secret-id");
    expect(await pulumi.isSecret(cache.authString)).toBe(true);
  });

  it("wires read replicas, CMEK, persistence off, a custom window and the PSA dependency", async () => {
    const psa = new gcp.servicenetworking.Connection("psa", {
      network: NETWORK,
      service: "servicenetworking.googleapis.com",
      reservedPeeringRanges: ["shop-prod-psa"],
    });
    const key = "projects/acme-shop-prod/locations/europe-west1/keyRings/shop-prod-kms/cryptoKeys/data";
    const cache = new RedisCache("ha", {
      ctx,
      network: NETWORK,
      dependsOn: [psa],
      memorySizeGb: 10,
      readReplicas: 2,
      persistence: "none",
      maintenanceWindow: { day: "TUESDAY", hour: 4 },
      kmsKeyId: key,
      redisConfigs: { "maxmemory-policy": "allkeys-lru" },
    });
    await promiseOf(cache.endpoint);
    await rec.settled();
    const i = rec.find(T.instance, "ha-instance");
    expect(i.inputs).toMatchObject({
      tier: "STANDARD_HA",
      memorySizeGb: 10,
      readReplicasMode: "READ_REPLICAS_ENABLED",
      replicaCount: 2,
      persistenceConfig: { persistenceMode: "DISABLED" },
      maintenancePolicy: { weeklyMaintenanceWindows: [{ day: "TUESDAY", startTime: { hours: 4 } }] },
      customerManagedKey: key,
      redisConfigs: { "maxmemory-policy": "allkeys-lru" },
    });
    expect(i.dependencies).toContain(await promiseOf(psa.urn));
    expect(rec.find(T.secret, "ha-auth-secret").inputs["replication"]).toEqual({
      userManaged: {
        replicas: [{ location: "europe-west1", customerManagedEncryption: { kmsKeyName: key } }],
      },
    });
    const link = cache.getLink();
    expect(Object.keys(link.env ?? {}).sort()).toEqual(
      ["CACHE_BACKEND", "REDIS_CA_CERT", "REDIS_HOST", "REDIS_PORT", "REDIS_READ_HOST", "REDIS_TLS"].sort(),
    );
    expect(await promiseOf(link.secretEnv!["REDIS_AUTH"]!)).toBe("ha-auth-secret-id");
    expect(link.secretIds).toHaveLength(1);
  });

  it("protect: false turns off both Pulumi protect and deletion protection; BASIC has no replica settings", async () => {
    new RedisCache("tmp", { ctx, network: NETWORK, tier: "BASIC", protect: false });
    await rec.settled();
    const i = rec.find(T.instance, "tmp-instance");
    expect(i.protect).toBe(false);
    expect(i.inputs["deletionProtection"]).toBe(false);
    expect(i.inputs["readReplicasMode"]).toBeUndefined();
  });
});

describe("RedisCache (memory mode)", () => {
  it("creates no cloud resources and tells linked services to cache in-process", async () => {
    const cache = new RedisCache("local", { ctx: { ...ctx, env: "dev", profile: "dev" }, mode: "memory" });
    await promiseOf(cache.urn);
    await rec.settled();
    expect(rec.counts("local")).toEqual({ [T.component]: 1 });
    expect(cache.backend).toBe("memory");
    expect(await promiseOf(cache.endpoint)).toBe("memory");
    expect(await promiseOf(cache.host)).toBeUndefined();
    expect(await promiseOf(cache.authSecretId)).toBeUndefined();
    expect(cache.getLink()).toEqual({ env: { CACHE_BACKEND: "memory" } });
    expect(cache.nodes).toEqual({});
  });
});
