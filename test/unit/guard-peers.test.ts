import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import {
  CLOUD_SQL_POSTGRES_VERSIONS,
  LATEST_POSTGRES_VERSION,
  POSTGRES_VERSIONS,
} from "../../components/postgres-with-backups/spec";
import { GCP_REGIONS } from "../../components/shared/regions";
import { ConfigError, parseEnvironmentConfig } from "../../programs/config";
import { runGuards } from "../../plan/guards/run";
import type { Finding } from "../../plan/model";
import { parsePreviewDigest } from "../../plan/parse";
import { carefulInventory, mutate } from "./guard-fixtures";

const KEY_URN =
  "urn:pulumi:prod::platform::platform:security:KmsKeyRing$gcp:kms/cryptoKey:CryptoKey::keys-sql";

/** A `pulumi preview --json` step creating a KMS key, as the engine writes it: no `protect` key when false. */
function keyDigest(protect?: boolean) {
  const state = {
    urn: KEY_URN,
    custom: true,
    type: "gcp:kms/cryptoKey:CryptoKey",
    inputs: {
      name: "sql",
      keyRing: "projects/p/locations/europe-west1/keyRings/r",
      rotationPeriod: "2592000s",
    },
    ...(protect !== undefined ? { protect } : {}),
  };
  return {
    steps: [{ op: "create", urn: KEY_URN, newState: state, detailedDiff: null }],
    changeSummary: { create: 1 },
  };
}

describe("absent protect in preview and event-log states is false", () => {
  it("gcp/kms-prevent-destroy fires on a real preview of an unprotected key (it could never fire before)", () => {
    const { steps } = parsePreviewDigest(keyDigest());
    expect(steps[0]!.protect).toBe(false);
    const findings = runGuards({ steps, profile: "prod", rules: ["gcp/kms-prevent-destroy"] });
    expect(findings.map((f) => [f.id, f.severity, f.blocking])).toEqual([
      ["gcp/kms-prevent-destroy", "high", true],
    ]);
  });

  it("a protected key passes", () => {
    const { steps } = parsePreviewDigest(keyDigest(true));
    expect(runGuards({ steps, profile: "prod", rules: ["gcp/kms-prevent-destroy"] })).toEqual([]);
  });

  it("the old state's protect is read too, so removing protect is seen", () => {
    const old = { urn: KEY_URN, type: "gcp:kms/cryptoKey:CryptoKey", inputs: {}, protect: true };
    const now = { urn: KEY_URN, type: "gcp:kms/cryptoKey:CryptoKey", inputs: {} };
    const { steps } = parsePreviewDigest({
      steps: [{ op: "update", urn: KEY_URN, oldState: old, newState: now }],
    });
    expect(steps[0]).toMatchObject({ protect: false, oldProtect: true });
  });
});

describe("PostgreSQL versions: one list, current with Cloud SQL", () => {
  const onInstance = (findings: readonly Finding[]) =>
    findings.filter((f) => f.urn?.endsWith("::db-instance"));
  it("POSTGRES_18 is the latest and is not flagged as old", () => {
    expect(LATEST_POSTGRES_VERSION).toBe("POSTGRES_18");
    expect(CLOUD_SQL_POSTGRES_VERSIONS.at(-1)).toBe(LATEST_POSTGRES_VERSION);
    const resources = mutate(
      carefulInventory("prod"),
      "db-instance",
      (i) => (i.databaseVersion = "POSTGRES_18"),
    );
    expect(
      onInstance(runGuards({ resources, profile: "prod", rules: ["gcp/sql-latest-major-version"] })),
    ).toEqual([]);
    const old = mutate(carefulInventory("prod"), "db-instance", (i) => (i.databaseVersion = "POSTGRES_17"));
    expect(
      onInstance(runGuards({ resources: old, profile: "prod", rules: ["gcp/sql-latest-major-version"] })),
    ).toHaveLength(1);
  });

  it("the config accepts every supported version, POSTGRES_18 included", () => {
    expect(POSTGRES_VERSIONS).toContain("POSTGRES_18");
    const cfg = parseEnvironmentConfig("dev", {
      "gcp:project": "acme-shop-dev",
      "gcp:region": "europe-west1",
      "platform:environment": { profile: "dev", app: "shop" },
      "platform:database": { version: "POSTGRES_18" },
    });
    expect(cfg.database.version).toBe("POSTGRES_18");
  });
});

describe("gcp:region is a real Google Cloud region", () => {
  const config = (region: string) => ({
    "gcp:project": "acme-shop-dev",
    "gcp:region": region,
    "platform:environment": { profile: "dev", app: "shop" },
  });
  const issues = (region: string) => {
    try {
      parseEnvironmentConfig("dev", config(region));
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      return [...(e as ConfigError).issues];
    }
    return [];
  };

  it("rejects moon-central1 with a did-you-mean, naming the field", () => {
    const [issue, ...rest] = issues("moon-central1");
    expect(rest).toEqual([]);
    expect(issue!.path).toBe("gcp:region");
    expect(issue!.message).toMatch(
      /must be a Google Cloud region, got "moon-central1" \(did you mean "me-central1"\?\)/,
    );
  });

  it.each(["europe-west3", "us-central1", "africa-south1", "northamerica-south1"])("accepts %s", (region) => {
    expect(issues(region)).toEqual([]);
  });

  it("knows the 42 public regions", () => {
    expect(GCP_REGIONS).toHaveLength(42);
    expect(new Set(GCP_REGIONS).size).toBe(42);
  });
});
