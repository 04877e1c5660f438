import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import {
  normalizeRedisArgs,
  replicaSettings,
  validateReplicas,
  type RedisCacheArgs,
} from "../../components/redis-cache";
import type { PlatformContext } from "../../components/shared/context";
import { PlatformError } from "../../components/shared/errors";

const ctx: PlatformContext = {
  env: "dev",
  profile: "dev",
  app: "shop",
  project: "acme-dev",
  region: "europe-west1",
};
const base: RedisCacheArgs = { ctx, network: "projects/acme-dev/global/networks/vpc" };

describe("normalizeRedisArgs", () => {
  it("applies defaults", () => {
    expect(normalizeRedisArgs("cache", base, "shop-dev-cache")).toEqual({
      mode: "memorystore",
      instanceName: "shop-dev-cache",
      tier: "STANDARD_HA",
      memorySizeGb: 1,
      version: "REDIS_7_2",
      readReplicas: 0,
      persistence: "rdb",
      rdbSnapshotPeriod: "TWELVE_HOURS",
      maintenanceWindow: { day: "SUNDAY", hour: 3 },
      protect: true,
    });
  });

  it("sizes for read replicas when the size is left out", () => {
    expect(normalizeRedisArgs("c", { ...base, readReplicas: 1 }, "n")).toMatchObject({
      memorySizeGb: 5,
      readReplicas: 1,
    });
  });

  it("memory mode ignores Memorystore settings and needs no network", () => {
    expect(normalizeRedisArgs("c", { ctx, mode: "memory", tier: "BASIC", memorySizeGb: 0 }, "n")).toEqual({
      mode: "memory",
    });
  });

  it.each([
    [{ memorySizeGb: 0 }, "memorySizeGb must be 1–300, got 0"],
    [{ memorySizeGb: 301 }, "memorySizeGb must be 1–300, got 301"],
    [{ tier: "PREMIUM" }, 'tier must be one of BASIC | STANDARD_HA, got "PREMIUM"'],
    [{ version: "REDIS_5_0" }, 'version must be one of REDIS_6_X | REDIS_7_0 | REDIS_7_2, got "REDIS_5_0"'],
    [{ readReplicas: 6, memorySizeGb: 5 }, "readReplicas must be an integer 0–5, got 6"],
    [
      { tier: "BASIC", readReplicas: 1, memorySizeGb: 5 },
      "readReplicas needs tier STANDARD_HA, got tier BASIC with 1 replica(s)",
    ],
    [
      { readReplicas: 1, memorySizeGb: 4 },
      "readReplicas needs memorySizeGb ≥ 5 (Memorystore replica node size), got 4",
    ],
    [{ persistence: "aof" }, 'persistence must be one of none | rdb, got "aof"'],
    [
      { persistence: "none", rdbSnapshotPeriod: "ONE_HOUR" },
      'rdbSnapshotPeriod needs persistence "rdb", got persistence "none"',
    ],
    [
      { maintenanceWindow: { day: "SUNDAY", hour: 24 } },
      "maintenanceWindow.hour must be an integer 0–23 (UTC), got 24",
    ],
    [{ maintenanceWindow: { day: "SUN", hour: 3 } }, "maintenanceWindow.day must be one of MONDAY | TUESDAY"],
    [{ network: undefined }, 'network is required for mode "memorystore"'],
    [{ mode: "disk" }, 'mode must be one of memory | memorystore, got "disk"'],
  ])("refuses %j", (extra, message) => {
    const run = () => normalizeRedisArgs("cache", { ...base, ...extra } as RedisCacheArgs, "n");
    expect(run).toThrow(PlatformError);
    expect(run).toThrow("RedisCache 'cache': ");
    expect(run).toThrow(message);
  });
});

describe("replicas", () => {
  it.each([
    ["STANDARD_HA", 0, 1, []],
    ["STANDARD_HA", 5, 5, []],
    ["BASIC", 0, 1, []],
  ] as const)("validateReplicas(%s, %i, %i) is valid", (tier, n, size, expected) => {
    expect(validateReplicas(tier, n, size)).toEqual(expected);
  });

  it.each([
    ["BASIC", 0, {}],
    ["STANDARD_HA", 0, { readReplicasMode: "READ_REPLICAS_DISABLED" }],
    ["STANDARD_HA", 3, { readReplicasMode: "READ_REPLICAS_ENABLED", replicaCount: 3 }],
  ] as const)("replicaSettings(%s, %i)", (tier, n, expected) => {
    expect(replicaSettings(tier, n)).toEqual(expected);
  });
});
