import fc from "fast-check";
import { beforeAll, beforeEach, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import {
  CIS_DATABASE_FLAGS,
  DEFAULTS,
  mergeFlags,
  normalizePostgresArgs,
  parseTier,
  PostgresWithBackups,
} from "../../components/postgres-with-backups";
import type { PlatformContext } from "../../components/shared/context";
import { promiseOf, setupMocks } from "../support/harness";

const ctx: PlatformContext = {
  env: "prod",
  profile: "prod",
  app: "shop",
  project: "acme-shop-prod",
  region: "europe-west1",
};
const INSTANCE = "gcp:sql/databaseInstance:DatabaseInstance";

let rec: Awaited<ReturnType<typeof setupMocks>>;
beforeAll(async () => {
  rec = await setupMocks("prod");
});
beforeEach(() => rec.reset());

async function build(name: string, args: Partial<ConstructorParameters<typeof PostgresWithBackups>[1]> = {}) {
  const db = new PostgresWithBackups(name, { ctx, network: "projects/acme/global/networks/vpc", ...args });
  await promiseOf(db.urlSecretId);
  await promiseOf(db.connectionName);
  await rec.settled();
  return db;
}

describe("PostgresWithBackups inventory", () => {
  it("creates instance, database, user, password and two secrets, with safe defaults on the instance", async () => {
    const db = await build("db");
    expect(rec.counts("db")).toEqual({
      "platform:data:PostgresWithBackups": 1,
      [INSTANCE]: 1,
      "gcp:sql/database:Database": 1,
      "gcp:sql/user:User": 1,
      "random:index/randomPassword:RandomPassword": 1,
      "gcp:secretmanager/secret:Secret": 2,
      "gcp:secretmanager/secretVersion:SecretVersion": 2,
    });
    const inst = rec.find(INSTANCE, "db-instance");
    expect(inst.protect).toBe(true);
    expect(inst.inputs).toMatchObject({
      name: "shop-prod-db",
      databaseVersion: DEFAULTS.version,
      deletionProtection: true,
      region: "europe-west1",
      settings: {
        tier: DEFAULTS.tier,
        edition: "ENTERPRISE",
        availabilityType: "REGIONAL",
        diskType: "PD_SSD",
        diskSize: DEFAULTS.diskSizeGb,
        diskAutoresize: true,
        deletionProtectionEnabled: true,
        retainBackupsOnDelete: true,
        finalBackupConfig: { enabled: true, retentionDays: 30 },
        backupConfiguration: {
          enabled: true,
          pointInTimeRecoveryEnabled: true,
          startTime: "03:00",
          transactionLogRetentionDays: 7,
          backupRetentionSettings: { retainedBackups: 7, retentionUnit: "COUNT" },
        },
        ipConfiguration: {
          ipv4Enabled: false,
          privateNetwork: "projects/acme/global/networks/vpc",
          sslMode: "ENCRYPTED_ONLY",
        },
        insightsConfig: { queryInsightsEnabled: true, recordClientAddress: false },
        maintenanceWindow: { day: 7, hour: 3, updateTrack: "stable" },
        userLabels: { env: "prod", app: "shop", component: "postgres", "managed-by": "platform" },
      },
    });
    expect((inst.inputs["settings"] as any).databaseFlags).toEqual(CIS_DATABASE_FLAGS.map((f) => ({ ...f })));
    expect(inst.inputs["encryptionKeyName"]).toBeUndefined();
    expect(await promiseOf(db.connectionName)).toBe("acme-shop-prod:europe-west1:shop-prod-db");
  });

  it("stores the password only in Secret Manager and never as a plain input", async () => {
    await build("p1");
    const versions = rec
      .ofType("gcp:secretmanager/secretVersion:SecretVersion")
      .filter((r) => r.name.startsWith("p1-"));
    expect(versions).toHaveLength(2);
    for (const v of versions) expect(v.inputs["secretData"]).toBe("[secret]");
    expect(rec.find("gcp:sql/user:User", "p1-user").inputs["password"]).toBe("[secret]");
    const pw = rec.find("random:index/randomPassword:RandomPassword", "p1-password").inputs;
    expect(pw).toMatchObject({ length: 32, special: true, overrideSpecial: "-_.~" });
  });

  it("wires CMEK into the instance, replicas and secrets", async () => {
    await build("c1", {
      kmsKeyId: "projects/p/locations/europe-west1/keyRings/r/cryptoKeys/data",
      readReplicas: 2,
    });
    const key = "projects/p/locations/europe-west1/keyRings/r/cryptoKeys/data";
    expect(rec.find(INSTANCE, "c1-instance").inputs["encryptionKeyName"]).toBe(key);
    for (const i of [0, 1]) {
      const r = rec.find(INSTANCE, `c1-replica-${i}`);
      expect(r.inputs).toMatchObject({
        masterInstanceName: "shop-prod-c1",
        encryptionKeyName: key,
        settings: { ipConfiguration: { ipv4Enabled: false } },
      });
      expect(r.protect).toBe(true);
    }
    const secret = rec.find("gcp:secretmanager/secret:Secret", "c1-url-secret").inputs;
    expect(secret["replication"]).toEqual({
      userManaged: {
        replicas: [{ location: "europe-west1", customerManagedEncryption: { kmsKeyName: key } }],
      },
    });
  });

  it("explicit opt-out of deletion protection turns off both layers and lets the database drop", async () => {
    await build("d1", { deletionProtection: false, highAvailability: false, backups: { enabled: false } });
    const inst = rec.find(INSTANCE, "d1-instance");
    expect(inst.protect).toBe(false);
    expect(inst.inputs).toMatchObject({
      deletionProtection: false,
      settings: { deletionProtectionEnabled: false, availabilityType: "ZONAL" },
    });
    expect((inst.inputs["settings"] as any).backupConfiguration).toMatchObject({
      enabled: false,
      pointInTimeRecoveryEnabled: false,
    });
    expect(rec.find("gcp:sql/database:Database", "d1-database").inputs["deletionPolicy"]).toBe("DELETE");
  });

  it("links DATABASE_URL and DB_PASSWORD as secret refs and the instance for Cloud SQL client", async () => {
    const db = await build("l1");
    const link = db.getLink();
    expect(Object.keys(link.secretEnv ?? {}).sort()).toEqual(["DATABASE_URL", "DB_PASSWORD"]);
    expect(await promiseOf(link.secretEnv!["DATABASE_URL"]!)).toBe("l1-url-secret-id");
    expect(await promiseOf(link.cloudSqlInstances![0]!)).toBe("acme-shop-prod:europe-west1:shop-prod-l1");
    expect(await promiseOf(link.env!["DB_HOST"]!)).toBe("10.10.0.3");
  });

  it("rejects invalid args with every problem listed", () => {
    expect(
      () =>
        new PostgresWithBackups("bad", {
          ctx,
          network: "n",
          tier: "db-custom-3-1",
          readReplicas: 9,
          backups: { enabled: false, pointInTimeRecovery: true },
        }),
    ).toThrow(
      /PostgresWithBackups 'bad': tier vCPUs must be 1 or an even number.*readReplicas must be an integer 0–5, got 9.*backups.pointInTimeRecovery needs backups.enabled=true/,
    );
  });
});

describe("pure helpers", () => {
  it.each([
    ["db-f1-micro", { vcpu: 0.2, sharedCore: true }],
    ["db-g1-small", { vcpu: 0.5, sharedCore: true }],
    ["db-custom-1-3840", { vcpu: 1, memoryMb: 3840, sharedCore: false }],
    ["db-custom-2-7680", { vcpu: 2, memoryMb: 7680 }],
    ["db-custom-96-638976", { vcpu: 96 }],
    ["db-n1-standard-4", { vcpu: 4, memoryMb: 15360 }],
    ["db-n1-highmem-8", { vcpu: 8, memoryMb: 53248 }],
  ])("parseTier(%s) accepts a real tier", (tier, shape) => {
    const r = parseTier(tier);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.shape).toMatchObject(shape);
  });

  it.each([
    ["db-custom-3-7680", /vCPUs must be 1 or an even number/],
    ["db-custom-2-7000", /multiple of 256/],
    ["db-custom-2-15360", /0\.9–6\.5 GB per vCPU/],
    ["db-custom-1-1024", /0\.9–6\.5 GB per vCPU|at least 3840/],
    ["db-n1-standard-3", /comes with/],
    ["db-n1-highmem-1", /comes with/],
    ["postgres-large", /must be db-f1-micro/],
  ])("parseTier(%s) explains why it is not a tier", (tier, reason) => {
    const r = parseTier(tier);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it("every valid custom tier keeps 0.9–6.5 GB per vCPU (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 96 }), fc.integer({ min: 1, max: 2500 }), (vcpu, units) => {
        const r = parseTier(`db-custom-${vcpu}-${units * 256}`);
        if (r.ok) {
          expect(r.shape.memoryMb / r.shape.vcpu).toBeGreaterThanOrEqual(921.6);
          expect(r.shape.memoryMb / r.shape.vcpu).toBeLessThanOrEqual(6656);
          expect(vcpu === 1 || vcpu % 2 === 0).toBe(true);
        }
      }),
    );
  });

  it("mergeFlags overrides by name and keeps the CIS set", () => {
    const merged = mergeFlags(CIS_DATABASE_FLAGS, [
      { name: "log_statement", value: "all" },
      { name: "max_connections", value: "200" },
    ]);
    expect(merged.find((f) => f.name === "log_statement")!.value).toBe("all");
    expect(merged.find((f) => f.name === "max_connections")!.value).toBe("200");
    expect(merged).toHaveLength(CIS_DATABASE_FLAGS.length + 1);
  });

  it("normalizePostgresArgs derives names from the app and defaults PITR from backups", () => {
    const s = normalizePostgresArgs("db", { ctx: { app: "my-shop" }, backups: { enabled: false } });
    expect(s.databaseName).toBe("my_shop");
    expect(s.userName).toBe("my_shop_app");
    expect(s.backups.pointInTimeRecovery).toBe(false);
    expect(s.diskAutoresizeLimitGb).toBe(DEFAULTS.diskSizeGb * 10);
  });
});
