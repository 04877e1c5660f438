import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { SECRET, UNKNOWN, UNKNOWN_SENTINEL } from "../../plan/model";
import {
  activeKeyVersions,
  parseSqlTier,
  redisCapacityTier,
  isLargeKmsAlgorithm,
  estimatorFor,
  freeReason,
} from "../../plan/cost";
import { priceOne, total } from "./cost-helpers";

const SQL = "gcp:sql/databaseInstance:DatabaseInstance";
const REDIS = "gcp:redis/instance:Instance";
const RUN = "gcp:cloudrunv2/service:Service";
const KEY = "gcp:kms/cryptoKey:CryptoKey";
const SECRET_T = "gcp:secretmanager/secret:Secret";
const VERSION = "gcp:secretmanager/secretVersion:SecretVersion";
const UPTIME = "gcp:monitoring/uptimeCheckConfig:UptimeCheckConfig";

const sql = (settings: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  databaseVersion: "POSTGRES_16",
  region: "us-central1",
  settings,
  ...extra,
});

describe("Cloud SQL", () => {
  it("db-custom-2-7680 REGIONAL with 100 GB SSD and backups: compute and storage doubled, backups not", () => {
    const line = priceOne(
      SQL,
      sql({
        tier: "db-custom-2-7680",
        availabilityType: "REGIONAL",
        diskType: "PD_SSD",
        diskSize: 100,
        backupConfiguration: { enabled: true },
      }),
    );
    // vCPU 2 × 0.0413 × 730 × 2 = 120.596; memory 7.5 GB × 0.007 × 730 × 2 = 76.65; SSD 100 × 0.17 × 2 = 34
    expect(line.baseline).toBeCloseTo(120.596 + 76.65 + 34, 6);
    // backups: one copy of the disk, 100 GB × 0.08, not doubled
    expect(line.usage).toBeCloseTo(8, 6);
    expect(total(line)).toBeCloseTo(239.246, 6);
    expect(line.notes!.join("\n")).toContain("× 2 (REGIONAL)");
  });

  it("db-f1-micro ZONAL with 10 GB SSD is $7.665 + $1.70, backups from usage.backupStorageGb", () => {
    const line = priceOne(
      SQL,
      sql({
        tier: "db-f1-micro",
        availabilityType: "ZONAL",
        diskSize: 10,
        backupConfiguration: { enabled: true },
      }),
      { backupStorageGb: 2 },
    );
    expect(line.baseline).toBeCloseTo(7.665 + 1.7, 6);
    expect(line.usage).toBeCloseTo(0.16, 6);
  });

  it("shared core REGIONAL doubles the flat rate ($15.33) and db-g1-small is $25.55", () => {
    expect(
      priceOne(SQL, sql({ tier: "db-f1-micro", availabilityType: "REGIONAL", diskSize: 10 })).baseline,
    ).toBeCloseTo(15.33 + 3.4, 6);
    expect(priceOne(SQL, sql({ tier: "db-g1-small", diskSize: 10 })).baseline).toBeCloseTo(25.55 + 1.7, 6);
  });

  it("db-custom-1-3840 is $49.31 plus storage; HDD is $0.09/GB; default disk is 10 GB SSD", () => {
    const line = priceOne(SQL, sql({ tier: "db-custom-1-3840", diskType: "PD_HDD", diskSize: 50 }));
    expect(line.baseline).toBeCloseTo(30.149 + 19.1625 + 4.5, 6);
    expect(priceOne(SQL, sql({ tier: "db-custom-1-3840" })).baseline).toBeCloseTo(49.3115 + 1.7, 6);
  });

  it("parses db-n1-standard, db-n1-highmem and Enterprise Plus perf-optimized tiers", () => {
    expect(parseSqlTier("db-n1-standard-2")).toEqual({
      kind: "dedicated",
      tier: "db-n1-standard-2",
      vcpu: 2,
      memoryGb: 7.5,
    });
    expect(parseSqlTier("db-n1-highmem-4")).toMatchObject({ vcpu: 4, memoryGb: 26 });
    expect(parseSqlTier("db-perf-optimized-N-2")).toMatchObject({
      vcpu: 2,
      memoryGb: 16,
      edition: "ENTERPRISE_PLUS",
    });
    expect(parseSqlTier("db-custom-4-15360")).toMatchObject({ vcpu: 4, memoryGb: 15 });
    expect(parseSqlTier("db-x-huge")).toBeUndefined();
    // Enterprise Plus: 2 × 0.0537 × 730 + 16 × 0.0091 × 730 = 78.402 + 106.288
    expect(priceOne(SQL, sql({ tier: "db-perf-optimized-N-2", diskSize: 10 })).baseline).toBeCloseTo(
      78.402 + 106.288 + 1.7,
      6,
    );
  });

  it("a read replica (masterInstanceName) is priced as an instance without backups", () => {
    const line = priceOne(
      SQL,
      sql(
        { tier: "db-custom-2-7680", diskSize: 100, backupConfiguration: { enabled: true } },
        { masterInstanceName: "db-primary" },
      ),
    );
    expect(line.baseline).toBeCloseTo(60.298 + 38.325 + 17, 6);
    expect(line.usage).toBe(0);
    expect(line.notes!.join("\n")).toContain("read replica of db-primary");
  });

  it("uses europe-west1 prices when the instance is there", () => {
    const line = priceOne(SQL, sql({ tier: "db-f1-micro", diskSize: 10 }, { region: "europe-west1" }));
    expect(line.baseline).toBeCloseTo(0.0115 * 730 + 10 * 0.187, 6);
  });

  it("an unknown tier prices storage only and says so; secret or sentinel values count as unknown", () => {
    for (const tier of [UNKNOWN, SECRET, "[unknown]", "[secret]", UNKNOWN_SENTINEL]) {
      const line = priceOne(SQL, sql({ tier, diskSize: 100 }));
      expect(line.notPriced).toBeUndefined();
      expect(line.baseline).toBeCloseTo(17, 6);
      expect(line.notes).toContain("partly unknown: settings.tier (priced what is known)");
    }
  });

  it("an unknown settings block leaves compute and storage unpriced but still a line", () => {
    const line = priceOne(SQL, { databaseVersion: "POSTGRES_16", settings: UNKNOWN });
    expect(line.baseline).toBe(0);
    expect(line.notes!.some((n) => n.startsWith("partly unknown: settings."))).toBe(true);
  });

  it("an unrecognised tier is noted, not guessed", () => {
    const line = priceOne(SQL, sql({ tier: "db-x-huge", diskSize: 10 }));
    expect(line.baseline).toBeCloseTo(1.7, 6);
    expect(line.notes).toContain("tier db-x-huge not recognised: compute not priced");
  });
});

describe("Memorystore for Redis", () => {
  it("BASIC 1 GB is $35.77 (not the pilot plan's $13)", () => {
    expect(priceOne(REDIS, { tier: "BASIC", memorySizeGb: 1 }).baseline).toBeCloseTo(35.77, 6);
  });

  it("STANDARD_HA 1 GB is $46.72; capacity tiers M1–M5 by size", () => {
    expect(priceOne(REDIS, { tier: "STANDARD_HA", memorySizeGb: 1 }).baseline).toBeCloseTo(46.72, 6);
    expect(priceOne(REDIS, { tier: "STANDARD_HA", memorySizeGb: 5 }).baseline).toBeCloseTo(
      5 * 0.054 * 730,
      6,
    );
    expect(priceOne(REDIS, { memorySizeGb: 36 }).baseline).toBeCloseTo(36 * 0.019 * 730, 6);
    expect([1, 4, 5, 10, 11, 35, 36, 100, 101].map(redisCapacityTier)).toEqual([
      "M1",
      "M1",
      "M2",
      "M2",
      "M3",
      "M3",
      "M4",
      "M4",
      "M5",
    ]);
  });

  it("read replicas add nodes at half the STANDARD_HA rate each", () => {
    const line = priceOne(REDIS, {
      tier: "STANDARD_HA",
      memorySizeGb: 5,
      readReplicasMode: "READ_REPLICAS_ENABLED",
      replicaCount: 3,
    });
    expect(line.baseline).toBeCloseTo(5 * 0.054 * 730 * 2, 6);
    const defaults = priceOne(REDIS, {
      tier: "STANDARD_HA",
      memorySizeGb: 5,
      readReplicasMode: "READ_REPLICAS_ENABLED",
    });
    expect(defaults.baseline).toBeCloseTo(5 * 0.054 * 730 * 1.5, 6);
  });

  it("an unknown size is not priced but noted; an unknown tier is priced as BASIC", () => {
    const line = priceOne(REDIS, { tier: "STANDARD_HA", memorySizeGb: UNKNOWN });
    expect(line.baseline).toBe(0);
    expect(line.notes).toContain("partly unknown: memorySizeGb (priced what is known)");
    const tierUnknown = priceOne(REDIS, { tier: "[unknown]", memorySizeGb: 1 });
    expect(tierUnknown.baseline).toBeCloseTo(35.77, 6);
    expect(tierUnknown.notes).toContain("tier unknown: priced as BASIC");
  });
});

describe("Cloud Run", () => {
  const service = (template: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    location: "us-central1",
    template,
    ...extra,
  });

  it("min 0 costs nothing idle", () => {
    const line = priceOne(RUN, service({ containers: [{ image: "app" }] }));
    expect(line.baseline).toBe(0);
    expect(line.usage).toBe(0);
  });

  it("min 1, 1 vCPU, 512Mi, request-based: idle rates for the whole month", () => {
    const line = priceOne(
      RUN,
      service({
        scaling: { minInstanceCount: 1 },
        containers: [{ image: "app", resources: { cpuIdle: true, limits: { cpu: "1", memory: "512Mi" } } }],
      }),
    );
    // 2,628,000 s × (1 × 0.0000025 + 0.5 × 0.0000025)
    expect(line.baseline).toBeCloseTo(9.855, 6);
  });

  it("instance-based billing (cpuIdle false, or resources without cpuIdle) bills min instances at instance rates", () => {
    const tpl = (resources: Record<string, unknown>) =>
      service({ scaling: { minInstanceCount: 2 }, containers: [{ image: "app", resources }] });
    const expected = 2 * 2_628_000 * (2 * 0.000018 + 1 * 0.000002); // 199.728
    expect(priceOne(RUN, tpl({ cpuIdle: false, limits: { cpu: "2", memory: "1Gi" } })).baseline).toBeCloseTo(
      expected,
      6,
    );
    expect(priceOne(RUN, tpl({ limits: { cpu: "2000m", memory: "1024Mi" } })).baseline).toBeCloseTo(
      expected,
      6,
    );
  });

  it("request-based usage: busy seconds × cpu/memory + $0.40 per million requests", () => {
    const line = priceOne(RUN, service({ containers: [{ image: "app" }] }), {
      requestsPerMonth: 1_000_000,
      meanRequestDurationMs: 200,
      meanConcurrentRequests: 2,
    });
    // busy = 1e6 × 0.2 / 2 = 100,000 s; vCPU 100,000 × 0.000024 = 2.4; GiB 50,000 × 0.0000025 = 0.125; requests 0.40
    expect(line.usage).toBeCloseTo(2.4 + 0.125 + 0.4, 9);
  });

  it("the free tier covers a small service entirely and is off by default", () => {
    const usage = { requestsPerMonth: 1_000_000, meanRequestDurationMs: 200, meanConcurrentRequests: 2 };
    expect(
      priceOne(RUN, service({ containers: [{ image: "app" }] }), { ...usage, cloudRunFreeTier: true }).usage,
    ).toBe(0);
    const big = priceOne(RUN, service({ containers: [{ image: "app" }] }), {
      requestsPerMonth: 3_000_000,
      meanRequestDurationMs: 100,
      cloudRunFreeTier: true,
    });
    // busy 300,000 s: vCPU (300,000 − 180,000) × 0.000024 = 2.88; GiB 150,000 < 360,000 free; requests 1M × 0.40
    expect(big.usage).toBeCloseTo(2.88 + 0.4, 9);
  });

  it("egress from meanResponseKiB; sidecar limits are summed", () => {
    const line = priceOne(
      RUN,
      service({
        scaling: { minInstanceCount: 1 },
        containers: [
          { image: "app", resources: { cpuIdle: true, limits: { cpu: "1", memory: "512Mi" } } },
          { image: "proxy", resources: { limits: { cpu: "1", memory: "512Mi" } } },
        ],
      }),
      { requestsPerMonth: 2 ** 20, meanRequestDurationMs: 0, meanResponseKiB: 10 },
    );
    expect(line.baseline).toBeCloseTo(2_628_000 * (2 * 0.0000025 + 1 * 0.0000025), 6);
    expect(line.usage).toBeCloseTo(10 * 0.12 + 1.048576 * 0.4, 9);
  });

  it("an unknown memory limit is priced at the default and noted", () => {
    const line = priceOne(
      RUN,
      service({
        scaling: { minInstanceCount: 1 },
        containers: [
          { image: "app", resources: { cpuIdle: true, limits: { cpu: "1", memory: "[unknown]" } } },
        ],
      }),
    );
    expect(line.baseline).toBeCloseTo(9.855, 6);
    expect(line.notes!.join("\n")).toContain("partly unknown: template.containers.0.resources.limits.memory");
  });
});

describe("Cloud KMS", () => {
  it("a SOFTWARE key without rotation is one version at $0.06", () => {
    expect(priceOne(KEY, { keyRing: "ring", purpose: "ENCRYPT_DECRYPT" }).baseline).toBeCloseTo(0.06, 9);
  });

  it("90-day rotation: 5 active versions after 12 months (assumption), or usage.kmsKeyVersions", () => {
    expect(activeKeyVersions(90, 12)).toBe(5);
    expect(activeKeyVersions(90, 3)).toBe(2);
    expect(activeKeyVersions(undefined, 12)).toBe(1);
    expect(priceOne(KEY, { keyRing: "ring", rotationPeriod: "7776000s" }).baseline).toBeCloseTo(0.3, 9);
    expect(
      priceOne(KEY, { keyRing: "ring", rotationPeriod: "7776000s" }, { kmsKeyVersions: 2 }).baseline,
    ).toBeCloseTo(0.12, 9);
  });

  it("HSM symmetric $1.00/version; HSM EC $2.50/version and $0.15/10k operations", () => {
    const hsm = priceOne(
      KEY,
      {
        keyRing: "ring",
        rotationPeriod: "7776000s",
        versionTemplate: { protectionLevel: "HSM", algorithm: "GOOGLE_SYMMETRIC_ENCRYPTION" },
      },
      { kmsOperationsPerMonth: 100_000 },
    );
    expect(hsm.baseline).toBeCloseTo(5, 9);
    expect(hsm.usage).toBeCloseTo(0.3, 9);
    const ec = priceOne(
      KEY,
      {
        keyRing: "ring",
        purpose: "ASYMMETRIC_SIGN",
        versionTemplate: { protectionLevel: "HSM", algorithm: "EC_SIGN_P256_SHA256" },
      },
      { kmsOperationsPerMonth: 100_000 },
    );
    expect(ec.baseline).toBeCloseTo(2.5, 9);
    expect(ec.usage).toBeCloseTo(1.5, 9);
    expect(isLargeKmsAlgorithm("RSA_SIGN_PKCS1_4096_SHA512")).toBe(true);
    expect(isLargeKmsAlgorithm("RSA_SIGN_PKCS1_2048_SHA256")).toBe(false);
  });

  it("SOFTWARE operations are $0.03 per 10k; EXTERNAL versions $3", () => {
    expect(priceOne(KEY, { keyRing: "ring" }, { kmsOperationsPerMonth: 20_000 }).usage).toBeCloseTo(0.06, 9);
    expect(
      priceOne(KEY, {
        keyRing: "ring",
        versionTemplate: { protectionLevel: "EXTERNAL", algorithm: "EXTERNAL_SYMMETRIC_ENCRYPTION" },
      }).baseline,
    ).toBeCloseTo(3, 9);
  });

  it("an unknown protection level prices SOFTWARE (a lower bound) and says partly unknown", () => {
    const line = priceOne(KEY, {
      keyRing: "ring",
      versionTemplate: { protectionLevel: SECRET, algorithm: "GOOGLE_SYMMETRIC_ENCRYPTION" },
    });
    expect(line.baseline).toBeCloseTo(0.06, 9);
    expect(line.notes).toContain("versionTemplate.protectionLevel unknown: priced as SOFTWARE");
    expect(line.notes).toContain("partly unknown: versionTemplate.protectionLevel (priced what is known)");
  });
});

describe("Secret Manager, uptime checks, free types", () => {
  it("a version is $0.06; accesses $0.03/10k; rotation notifications $0.05 each", () => {
    expect(priceOne(VERSION, { secret: "s", secretData: "[secret]" }).baseline).toBeCloseTo(0.06, 9);
    const s = priceOne(
      SECRET_T,
      { secretId: "db-password", replication: { auto: {} }, rotation: { rotationPeriod: "2592000s" } },
      { secretAccessesPerMonth: 30_000 },
    );
    expect(s.usage).toBeCloseTo(0.09, 9);
    // 2,628,000 s / 2,592,000 s = 1.0139 notifications
    expect(s.baseline).toBeCloseTo((2_628_000 / 2_592_000) * 0.05, 9);
  });

  it("the secret's own value being secret does not make the line partly unknown", () => {
    const line = priceOne(VERSION, { secret: "s", secretData: "[secret]" });
    expect(line.notes!.some((n) => n.startsWith("partly unknown"))).toBe(false);
  });

  it("uptime checks: 60 s from all regions is 262,800 executions, inside the free million", () => {
    const line = priceOne(UPTIME, { displayName: "api", timeout: "10s", period: "60s" });
    expect(line.baseline).toBe(0);
    expect(line.notes!.join("\n")).toContain("262,800 executions/mo");
  });

  it("free types are priced at exactly 0 with a reason", () => {
    for (const type of [
      "gcp:billing/budget:Budget",
      "gcp:serviceaccount/account:Account",
      "gcp:projects/iAMMember:IAMMember",
      "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember",
      "gcp:secretmanager/secretIamMember:SecretIamMember",
      "gcp:cloudrunv2/serviceIamMember:ServiceIamMember",
      "random:index/randomPassword:RandomPassword",
      "gcp:kms/keyRing:KeyRing",
    ]) {
      const line = priceOne(type, {});
      expect(line, type).toMatchObject({ baseline: 0, usage: 0 });
      expect(line.notPriced).toBeUndefined();
      expect(line.notes![0]).toMatch(/^free: /);
      expect(freeReason(type)).toBeDefined();
    }
  });

  it("types without an estimator get a not-priced line, never a silent zero", () => {
    const line = priceOne("gcp:vpcaccess/connector:Connector", { machineType: "e2-micro" });
    expect(line.notPriced).toBe(true);
    expect(line.baseline).toBeUndefined();
    expect(estimatorFor("gcp:vpcaccess/connector:Connector")).toBeUndefined();
    expect(priceOne("gcp:compute/globalAddress:GlobalAddress", { addressType: "EXTERNAL" }).notPriced).toBe(
      true,
    );
    expect(
      priceOne("gcp:compute/globalAddress:GlobalAddress", { addressType: "INTERNAL", purpose: "VPC_PEERING" })
        .baseline,
    ).toBe(0);
  });
});
