import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { CLOUD_RUN_TIERS, GCP_REGIONS } from "../../components/shared/regions";
import { checkBudget, DEFAULT_USAGE, estimateResources, PRICES, regionPrices } from "../../plan/cost";
import { priceOne, res } from "./cost-helpers";

const RUN = "gcp:cloudrunv2/service:Service";
const SQL = "gcp:sql/databaseInstance:DatabaseInstance";
const KEY = "gcp:kms/cryptoKey:CryptoKey";
const SECRET = "gcp:secretmanager/secret:Secret";
const VERSION = "gcp:secretmanager/secretVersion:SecretVersion";

/** min 1 instance, 1 vCPU, 512Mi, request-based (idle rates all month). */
const idleService = (location: string) => ({
  location,
  template: {
    scaling: { minInstanceCount: 1 },
    containers: [{ image: "app", resources: { cpuIdle: true, limits: { cpu: "1", memory: "512Mi" } } }],
  },
});

describe("regional prices: every region where the service exists, no silent fallback", () => {
  it("europe-west3 Cloud Run is Tier 2: 40% dearer than us-central1 (it was priced as us-central1)", () => {
    const tier1 = priceOne(RUN, idleService("us-central1")).baseline!;
    const tier2 = priceOne(RUN, idleService("europe-west3")).baseline!;
    expect(tier1).toBeCloseTo(9.855, 6);
    expect(tier2).toBeCloseTo(9.855 * 1.4, 6);
    // The reference's europe-west3 figures (Infracost golden).
    const run = regionPrices("europe-west3").cloudRun!;
    expect(run.requestBased.vcpuSecond.usd).toBeCloseTo(0.0000336, 12);
    expect(run.requestBased.gibSecond.usd).toBeCloseTo(0.0000035, 12);
  });

  it.each([...CLOUD_RUN_TIERS.tier1, ...CLOUD_RUN_TIERS.tier2])("Cloud Run is priced in %s", (region) => {
    const line = priceOne(RUN, idleService(region));
    expect(line.notPriced).toBeUndefined();
    expect(line.baseline).toBeGreaterThan(0);
  });

  it("every price carries a source; Tier 2 says how it is derived", () => {
    const run = PRICES.cloudRunTiers.tier2;
    expect(run.requestBased.vcpuSecond.source).toMatch(/Tier 1 × 1\.4/);
    expect(PRICES.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("an unknown region is not priced (a partial total, with a note), never us-central1", () => {
    const est = estimateResources(
      [
        res(RUN, "api", idleService("moon-central1")),
        res(SQL, "db", { region: "moon-central1", settings: { tier: "db-f1-micro", diskSize: 10 } }),
      ],
      DEFAULT_USAGE,
      { region: "moon-central1" },
    );
    expect(est.lines.every((l) => l.notPriced)).toBe(true);
    expect(est.notPriced).toEqual([RUN, SQL]);
    expect(est.total).toBe(0);
    expect(est.lines[0]!.notes!.join("\n")).toContain("moon-central1 is not a Google Cloud region");
    expect(regionPrices("moon-central1")).toMatchObject({ known: false });
  });

  it("Cloud SQL in a region without figures is not priced; us-central1 keeps the reference figures", () => {
    const eu = priceOne(SQL, { region: "europe-west3", settings: { tier: "db-f1-micro", diskSize: 10 } });
    expect(eu.notPriced).toBe(true);
    const us = priceOne(SQL, { region: "us-central1", settings: { tier: "db-f1-micro", diskSize: 10 } });
    expect(us.baseline).toBeCloseTo(7.665 + 1.7, 6);
  });

  it("KMS and Secret Manager list one price for every location", () => {
    for (const region of GCP_REGIONS) {
      const key = priceOne(KEY, { keyRing: `projects/p/locations/${region}/keyRings/r` }, {}, region);
      expect(key.baseline).toBeCloseTo(0.06, 9);
    }
  });
});

describe("KMS HSM volume tier", () => {
  const hsmEc = {
    keyRing: "r",
    versionTemplate: { protectionLevel: "HSM", algorithm: "EC_SIGN_P256_SHA256" },
  };

  it("RSA-3072+/EC HSM versions cost $2.50 for the first 2,000 and $1.00 beyond", () => {
    const line = priceOne(KEY, hsmEc, { kmsKeyVersions: 2_500 });
    expect(line.baseline).toBeCloseTo(2_000 * 2.5 + 500 * 1.0, 6);
    expect(line.notes!.join("\n")).toContain("beyond 2,000");
  });

  it("the 2,000 are counted across keys of the estimate", () => {
    const est = estimateResources(
      [res(KEY, "a", hsmEc), res(KEY, "b", hsmEc)],
      { ...DEFAULT_USAGE, kmsKeyVersions: 1_500 },
      { region: "us-central1" },
    );
    expect(est.lines[0]!.baseline).toBeCloseTo(1_500 * 2.5, 6);
    expect(est.lines[1]!.baseline).toBeCloseTo(500 * 2.5 + 1_000 * 1.0, 6);
  });
});

describe("Secret Manager replication", () => {
  const secret = (locations: string[]) =>
    res(SECRET, "db-password-secret", {
      secretId: "shop-prod-db-password",
      replication: { userManaged: { replicas: locations.map((location) => ({ location })) } },
    });

  it("a version replicated to N locations costs N × the per-location price", () => {
    const version = res(VERSION, "db-password-secret-version", {
      secret: "projects/acme/secrets/shop-prod-db-password",
    });
    const est = estimateResources(
      [secret(["europe-west1", "europe-west4", "europe-north1"]), version],
      DEFAULT_USAGE,
      { region: "europe-west1" },
    );
    expect(est.lines.find((l) => l.type === VERSION)!.baseline).toBeCloseTo(3 * 0.06, 9);
  });

  it("automatic replication counts as one location; the secret is found by the platform's naming too", () => {
    const auto = res(SECRET, "db-password-secret", { secretId: "x", replication: { auto: {} } });
    const version = res(VERSION, "db-password-secret-version", {
      secret: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
    });
    expect(
      estimateResources([auto, version], DEFAULT_USAGE, { region: "us-central1" }).lines[1]!.baseline,
    ).toBeCloseTo(0.06, 9);
    const two = estimateResources([secret(["us-central1", "us-east1"]), version], DEFAULT_USAGE, {
      region: "us-central1",
    });
    expect(two.lines[1]!.baseline).toBeCloseTo(0.12, 9);
  });
});

describe("a partial total in the budget check", () => {
  it("under the thresholds but partial is a warning that names what is missing", () => {
    const v = checkBudget(100, { amount: 1_500, thresholds: [0.5], notPriced: [SQL] });
    expect(v.status).toBe("warn");
    expect(v.message).toContain(`partial total: ${SQL} not priced`);
    expect(checkBudget(100, { amount: 1_500, thresholds: [0.5] }).status).toBe("ok");
  });
});
