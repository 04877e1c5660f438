import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { SECTIONS } from "../../programs/schema";
import { stackFileJsonSchema } from "../../programs/schema/json-schema";
import { ConfigError, editDistance, hint, parseEnvironmentConfig } from "../../programs/config";
import { readStackConfig } from "../../programs/stack-config";

const base = {
  "gcp:project": "acme-shop-dev",
  "gcp:region": "europe-west1",
  "platform:environment": { profile: "dev", app: "shop" },
};

function issuesOf(values: Record<string, unknown>, env = "test"): { path: string; message: string }[] {
  try {
    parseEnvironmentConfig(env, values);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return [...(e as ConfigError).issues];
  }
  throw new Error("expected a ConfigError");
}

const prod = {
  ...base,
  "platform:environment": { profile: "prod", app: "shop" },
  "platform:observability": { notifyEmails: ["oncall@acme.example"] },
  "platform:cache": { mode: "memorystore" },
};

describe("bad config: every case names the path and what is allowed", () => {
  it.each([
    ["missing project", { ...base, "gcp:project": undefined }, "gcp:project", /must be a GCP project id/],
    [
      "bad region",
      { ...base, "gcp:region": "Europe" },
      "gcp:region",
      /must be a GCP region such as europe-west1, got "Europe"/,
    ],
    [
      "missing environment",
      { ...base, "platform:environment": undefined },
      "platform:environment",
      /must be an object, got nothing|is required/,
    ],
    [
      "bad profile",
      { ...base, "platform:environment": { profile: "qa", app: "shop" } },
      "platform:environment.profile",
      /must be one of dev \| staging \| prod, got "qa"/,
    ],
    [
      "uppercase app",
      { ...base, "platform:environment": { profile: "dev", app: "Shop" } },
      "platform:environment.app",
      /lowercase name.*got "Shop"/,
    ],
    [
      "label key",
      { ...base, "platform:environment": { profile: "dev", app: "shop", labels: { Team: "x" } } },
      "platform:environment.labels.Team",
      /label keys/,
    ],
    [
      "unknown env key",
      { ...base, "platform:environment": { profile: "dev", app: "shop", lables: {} } },
      "platform:environment.lables",
      /unknown key \(did you mean "labels"\?\)/,
    ],
    [
      "unknown section",
      { ...base, "platform:databse": {} },
      "platform:databse",
      /unknown key \(did you mean "platform:database"\?\)/,
    ],
    [
      "kms level",
      { ...base, "platform:kms": { protectionLevel: "EXTERNAL" } },
      "platform:kms.protectionLevel",
      /must be one of SOFTWARE \| HSM, got "EXTERNAL"/,
    ],
    [
      "kms rotation 0",
      { ...base, "platform:kms": { rotationDays: 0 } },
      "platform:kms.rotationDays",
      /must be an integer 1–90, got 0/,
    ],
    [
      "kms rotation 120",
      { ...base, "platform:kms": { rotationDays: 120 } },
      "platform:kms.rotationDays",
      /1–90, got 120/,
    ],
    [
      "kms rotation string",
      { ...base, "platform:kms": { rotationDays: "90" } },
      "platform:kms.rotationDays",
      /got "90"/,
    ],
    [
      "kms signingKey",
      { ...base, "platform:kms": { signingKey: "yes" } },
      "platform:kms.signingKey",
      /must be true or false, got "yes"/,
    ],
    [
      "kms unknown",
      { ...base, "platform:kms": { rotation: 30 } },
      "platform:kms.rotation",
      /did you mean "rotationDays"/,
    ],
    [
      "db version",
      { ...base, "platform:database": { version: "POSTGRES_14" } },
      "platform:database.version",
      /POSTGRES_15 \| POSTGRES_16 \| POSTGRES_17 \| POSTGRES_18, got "POSTGRES_14"/,
    ],
    [
      "db tier fake",
      { ...base, "platform:database": { tier: "db-huge" } },
      "platform:database.tier",
      /must be db-f1-micro, db-g1-small, db-custom/,
    ],
    [
      "db tier odd cpus",
      { ...base, "platform:database": { tier: "db-custom-3-7680" } },
      "platform:database.tier",
      /vCPUs must be 1 or an even number/,
    ],
    [
      "db tier memory",
      { ...base, "platform:database": { tier: "db-custom-2-102400" } },
      "platform:database.tier",
      /0\.9–6\.5 GB per vCPU/,
    ],
    [
      "db disk type",
      { ...base, "platform:database": { diskType: "PD_NVME" } },
      "platform:database.diskType",
      /PD_SSD.*PD_HDD.*got "PD_NVME"/,
    ],
    [
      "db disk small",
      { ...base, "platform:database": { diskSizeGb: 5 } },
      "platform:database.diskSizeGb",
      /10–65536, got 5/,
    ],
    [
      "db replicas",
      { ...base, "platform:database": { readReplicas: 6 } },
      "platform:database.readReplicas",
      /0–5, got 6/,
    ],
    [
      "db window day",
      { ...base, "platform:database": { maintenanceWindow: { day: 0, hour: 3 } } },
      "platform:database.maintenanceWindow.day",
      /1–7, got 0/,
    ],
    [
      "db window hour",
      { ...base, "platform:database": { maintenanceWindow: { day: 1, hour: 24 } } },
      "platform:database.maintenanceWindow.hour",
      /0–23, got 24/,
    ],
    [
      "retained 0",
      { ...base, "platform:database": { backups: { retainedBackups: 0 } } },
      "platform:database.backups.retainedBackups",
      /must be an integer 1–365, got 0/,
    ],
    [
      "log retention 8",
      { ...base, "platform:database": { backups: { transactionLogRetentionDays: 8 } } },
      "platform:database.backups.transactionLogRetentionDays",
      /1–7, got 8/,
    ],
    [
      "start time",
      { ...base, "platform:database": { backups: { startTime: "3am" } } },
      "platform:database.backups.startTime",
      /a UTC time HH:MM, got "3am"/,
    ],
    [
      "backup location",
      { ...base, "platform:database": { backups: { location: "EU West" } } },
      "platform:database.backups.location",
      /region or multi-region/,
    ],
    [
      "unknown backup key",
      { ...base, "platform:database": { backup: {} } },
      "platform:database.backup",
      /did you mean "backups"/,
    ],
    [
      "pitr without backups",
      { ...base, "platform:database": { backups: { enabled: false, pointInTimeRecovery: true } } },
      "platform:database.backups.pointInTimeRecovery",
      /needs backups.enabled=true/,
    ],
    [
      "replicas without backups",
      { ...base, "platform:database": { readReplicas: 1, backups: { enabled: false } } },
      "platform:database.readReplicas",
      /needs backups.enabled=true/,
    ],
    [
      "log retention > retained",
      { ...base, "platform:database": { backups: { retainedBackups: 3, transactionLogRetentionDays: 5 } } },
      "platform:database.backups.transactionLogRetentionDays",
      /must not exceed retainedBackups \(3\)/,
    ],
    [
      "section not an object",
      { ...base, "platform:database": "big" },
      "platform:database",
      /must be an object, got "big"/,
    ],
    [
      "prod HA off",
      { ...prod, "platform:database": { highAvailability: false } },
      "platform:database.highAvailability",
      /prod requires true/,
    ],
    [
      "prod backups off",
      { ...prod, "platform:database": { readReplicas: 0, backups: { enabled: false } } },
      "platform:database.backups.enabled",
      /prod requires automated backups/,
    ],
    [
      "prod PITR off",
      { ...prod, "platform:database": { backups: { pointInTimeRecovery: false } } },
      "platform:database.backups.pointInTimeRecovery",
      /prod requires point-in-time recovery/,
    ],
    [
      "prod no deletion protection",
      { ...prod, "platform:database": { deletionProtection: false } },
      "platform:database.deletionProtection",
      /prod requires deletion protection/,
    ],
    [
      "prod software keys",
      { ...prod, "platform:kms": { protectionLevel: "SOFTWARE" } },
      "platform:kms.protectionLevel",
      /prod requires HSM keys/,
    ],
    [
      "prod shared core",
      { ...prod, "platform:database": { tier: "db-g1-small" } },
      "platform:database.tier",
      /prod refuses shared-core/,
    ],
    [
      "prod unprotected keys",
      { ...prod, "platform:kms": { protect: false } },
      "platform:kms.protect",
      /prod refuses protect=false/,
    ],
  ] as const)("%s", (_name, values, path, message) => {
    const issues = issuesOf(values);
    const hit = issues.find((i) => i.path === path);
    expect(hit, `no issue at ${path}; got ${JSON.stringify(issues)}`).toBeDefined();
    expect(hit!.message).toMatch(message);
  });
});

describe("error reporting", () => {
  it("reports every violation at once, each on its own line with its path", () => {
    let err: ConfigError | undefined;
    try {
      parseEnvironmentConfig("prod", {
        ...prod,
        "platform:kms": { rotationDays: 400, protectionLevel: "SOFTWARE" },
        "platform:database": { diskSizeGb: 1, backups: { retainedBackups: 0 } },
      });
    } catch (e) {
      err = e as ConfigError;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const paths = err!.issues.map((i) => i.path).sort();
    expect(paths).toEqual([
      "platform:database.backups.retainedBackups",
      "platform:database.diskSizeGb",
      "platform:kms.rotationDays",
    ]);
    expect(err!.message).toContain('Invalid configuration for stack "prod":');
    expect(err!.message).toContain(
      "  platform:database.backups.retainedBackups: must be an integer 1–365, got 0",
    );
    expect(err!.message).not.toMatch(/at .*\.ts:\d+/);
  });

  it("does not check prod invariants on top of a broken section", () => {
    const issues = issuesOf({ ...prod, "platform:database": { highAvailability: "no" } });
    expect(issues.map((i) => i.path)).toEqual(["platform:database.highAvailability"]);
  });

  it("hint and editDistance are pure and symmetric", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("abc", "abc")).toBe(0);
    expect(editDistance("backup", "backups")).toBe(editDistance("backups", "backup"));
    expect(hint("tier", ["version", "tier"])).toBe(' (did you mean "tier"?)');
    expect(hint("zzzzzz", ["version", "tier"])).toBe("");
  });
});

describe("profile defaults", () => {
  it("dev: zonal shared-core, software keys, safe backups", () => {
    const c = parseEnvironmentConfig("dev", base);
    expect(c.database).toMatchObject({
      tier: "db-f1-micro",
      diskType: "PD_HDD",
      highAvailability: false,
      readReplicas: 0,
      deletionProtection: true,
    });
    expect(c.database.backups).toMatchObject({
      enabled: true,
      pointInTimeRecovery: true,
      retainedBackups: 7,
    });
    // Dev comes and goes: keys unprotected and a ring name that is new after each destroy.
    expect(c.kms).toEqual({
      protectionLevel: "SOFTWARE",
      rotationDays: 90,
      signingKey: false,
      protect: false,
      uniqueRingName: true,
    });
    const staging = parseEnvironmentConfig("staging", {
      ...base,
      "platform:environment": { profile: "staging", app: "shop" },
    });
    expect(staging.kms).toMatchObject({ protect: true, uniqueRingName: false });
  });

  it("prod: HA, HSM, replica, 30 backups, 30-day rotation", () => {
    const c = parseEnvironmentConfig("prod", prod);
    expect(c.database).toMatchObject({
      tier: "db-custom-2-7680",
      highAvailability: true,
      readReplicas: 1,
      diskSizeGb: 100,
      diskType: "PD_SSD",
    });
    expect(c.database.backups.retainedBackups).toBe(30);
    expect(c.kms).toMatchObject({ protectionLevel: "HSM", rotationDays: 30 });
  });

  it("turning backups off derives PITR off and no replicas instead of an impossible default", () => {
    const c = parseEnvironmentConfig("dev", {
      ...base,
      "platform:database": { backups: { enabled: false } },
    });
    expect(c.database.backups.pointInTimeRecovery).toBe(false);
    expect(c.database.readReplicas).toBe(0);
  });

  it.each(["dev", "staging", "prod"])("stacks/Pulumi.%s.yaml is valid and matches its profile", (env) => {
    const c = parseEnvironmentConfig(env, readStackConfig(env));
    expect(c.profile).toBe(env);
    expect(c.env).toBe(env);
  });
});

describe("stacks/platform.schema.json", () => {
  it("is generated from the current zod schema (run `npm run schema` after changing config)", () => {
    const onDisk = JSON.parse(
      readFileSync(path.join(__dirname, "../../stacks/platform.schema.json"), "utf8"),
    );
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(stackFileJsonSchema())));
  });

  it("Pulumi.yaml documents every platform key", () => {
    const text = readFileSync(path.join(__dirname, "../../Pulumi.yaml"), "utf8");
    for (const key of ["environment", ...Object.keys(SECTIONS)])
      expect(text, key).toContain(`platform:${key} `);
  });
});
