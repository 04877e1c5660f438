import fc from "fast-check";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import {
  detailedDiff,
  diffInventories,
  forcedReplacements,
  formatPath,
  parsePath,
  planValueEqual,
  propertyChanges,
  REPLACE_RULES,
  sqlMajorVersion,
  valueAt,
} from "../../plan/diff";
import { SECRET, UNKNOWN, type PlanValue } from "../../plan/model";
import { countChanges, parseInventory, type Inventory } from "../../plan/parse";

const STACK = "urn:pulumi:dev::platform::";
const db = {
  urn: `${STACK}platform:data:PostgresWithBackups$gcp:sql/databaseInstance:DatabaseInstance::db-instance`,
  type: "gcp:sql/databaseInstance:DatabaseInstance",
  name: "db-instance",
  parent: `${STACK}platform:data:PostgresWithBackups::db`,
  protect: true,
  inputs: {
    name: "acme-dev-db",
    region: "europe-west1",
    databaseVersion: "POSTGRES_15",
    encryptionKeyName: "projects/acme/locations/europe-west1/keyRings/r/cryptoKeys/sql",
    deletionProtection: true,
    settings: {
      tier: "db-custom-2-7680",
      availabilityType: "ZONAL",
      backupConfiguration: { enabled: true, pointInTimeRecoveryEnabled: true },
      databaseFlags: [
        { name: "log_checkpoints", value: "on" },
        { name: "log_connections", value: "on" },
        { name: "log_disconnections", value: "on" },
        { name: "log_lock_waits", value: "on" },
      ],
      userLabels: { env: "dev", "managed-by": "platform" },
    },
  },
};
const key = {
  urn: `${STACK}platform:security:KmsKeyRing$gcp:kms/cryptoKey:CryptoKey::keys-sql`,
  type: "gcp:kms/cryptoKey:CryptoKey",
  name: "keys-sql",
  parent: "",
  protect: true,
  inputs: {
    name: "sql",
    keyRing: "projects/acme/locations/europe-west1/keyRings/r",
    purpose: "ENCRYPT_DECRYPT",
    rotationPeriod: "7776000s",
    versionTemplate: { algorithm: "GOOGLE_SYMMETRIC_ENCRYPTION", protectionLevel: "HSM" },
  },
};
const secret = {
  urn: `${STACK}gcp:secretmanager/secretVersion:SecretVersion::db-password`,
  type: "gcp:secretmanager/secretVersion:SecretVersion",
  name: "db-password",
  parent: "",
  protect: false,
  inputs: { secret: "projects/acme/secrets/db", secretData: "[secret]" },
};
const redis = {
  urn: `${STACK}gcp:redis/instance:Instance::cache`,
  type: "gcp:redis/instance:Instance",
  name: "cache",
  parent: "",
  protect: false,
  inputs: {
    name: "acme-dev-cache",
    tier: "BASIC",
    memorySizeGb: 1,
    transitEncryptionMode: "SERVER_AUTHENTICATION",
  },
};

function inventory(resources: unknown[]): Inventory {
  return parseInventory({ env: "dev", stack: "dev", resources });
}
function edit<T>(r: T, change: (inputs: any) => void): T {
  const copy = structuredClone(r) as any;
  change(copy.inputs);
  return copy;
}

describe("diffInventories", () => {
  it("finds creates, deletes and sames by URN", () => {
    const steps = diffInventories(inventory([db, key]), inventory([key, redis]));
    expect(steps.map((s) => [s.op, s.name])).toEqual([
      ["same", "keys-sql"],
      ["create", "cache"],
      ["delete", "db-instance"],
    ]);
    expect(countChanges(steps)).toEqual({ create: 1, update: 0, delete: 1, replace: 0 });
    const del = steps[2]!;
    expect(del.protect).toBe(true);
    expect(del.oldInputs).toEqual(db.inputs);
    expect(del.newInputs).toBeUndefined();
  });

  it("reports an update with nested and indexed property paths", () => {
    const head = edit(db, (i) => {
      i.settings.tier = "db-custom-4-15360";
      i.settings.backupConfiguration.enabled = false;
      i.settings.databaseFlags[3].value = "off";
      i.settings.databaseFlags.push({ name: "log_temp_files", value: "0" });
      delete i.settings.userLabels["managed-by"];
      i.settings.userLabels["app.kubernetes.io/name"] = "shop";
    });
    const [step] = diffInventories(inventory([db]), inventory([head]));
    expect(step!.op).toBe("update");
    expect(step!.diffs).toEqual(["settings"]);
    expect(step!.replaceReasons).toEqual([]);
    expect(step!.detailedDiff).toEqual({
      "settings.tier": { kind: "update", inputDiff: true },
      "settings.backupConfiguration.enabled": { kind: "update", inputDiff: true },
      "settings.databaseFlags[3].value": { kind: "update", inputDiff: true },
      "settings.databaseFlags[4]": { kind: "add", inputDiff: true },
      "settings.userLabels.managed-by": { kind: "delete", inputDiff: true },
      'settings.userLabels["app.kubernetes.io/name"]': { kind: "add", inputDiff: true },
    });
  });

  it("replaces when a forcing property changes, and marks those paths -replace", () => {
    const head = edit(db, (i) => {
      i.region = "europe-west4";
      i.settings.tier = "db-custom-4-15360";
    });
    const [step] = diffInventories(inventory([db]), inventory([head]));
    expect(step!.op).toBe("replace");
    expect(step!.replaceReasons).toEqual(["region"]);
    expect(step!.diffs).toEqual(["region", "settings"]);
    expect(step!.detailedDiff!["region"]).toEqual({ kind: "update-replace", inputDiff: true });
    expect(step!.detailedDiff!["settings.tier"]).toEqual({ kind: "update", inputDiff: true });
  });

  it("treats only a major Cloud SQL version change as forcing", () => {
    const minor = diffInventories(
      inventory([db]),
      inventory([edit(db, (i) => (i.databaseVersion = "POSTGRES_15_7"))]),
    );
    expect(minor[0]!.op).toBe("update");
    const major = diffInventories(
      inventory([db]),
      inventory([edit(db, (i) => (i.databaseVersion = "POSTGRES_16"))]),
    );
    expect(major[0]!.op).toBe("replace");
    expect(major[0]!.replaceReasons).toEqual(["databaseVersion"]);
    expect(sqlMajorVersion("MYSQL_8_0_31")).toBe("MYSQL_8");
    expect(sqlMajorVersion("SQLSERVER_2019_STANDARD")).toBe("SQLSERVER_2019");
  });

  it("covers nested forcing paths: a KMS protection level, and the whole template being added", () => {
    const level = diffInventories(
      inventory([key]),
      inventory([edit(key, (i) => (i.versionTemplate.protectionLevel = "SOFTWARE"))]),
    );
    expect(level[0]!.op).toBe("replace");
    expect(level[0]!.replaceReasons).toEqual(["versionTemplate"]);
    expect(level[0]!.detailedDiff).toEqual({
      "versionTemplate.protectionLevel": { kind: "update-replace", inputDiff: true },
    });
    const algorithm = diffInventories(
      inventory([key]),
      inventory([edit(key, (i) => (i.versionTemplate.algorithm = "HMAC_SHA256"))]),
    );
    expect(algorithm[0]!.op).toBe("update");

    const noTemplate = edit(key, (i) => delete i.versionTemplate);
    const added = diffInventories(inventory([noTemplate]), inventory([key]));
    expect(added[0]!.op).toBe("replace");
    expect(added[0]!.detailedDiff).toEqual({ versionTemplate: { kind: "add-replace", inputDiff: true } });
  });

  it("replaces Redis on tier or encryption mode, updates it on size", () => {
    const size = diffInventories(inventory([redis]), inventory([edit(redis, (i) => (i.memorySizeGb = 5))]));
    expect(size[0]!.op).toBe("update");
    const tier = diffInventories(
      inventory([redis]),
      inventory([edit(redis, (i) => (i.tier = "STANDARD_HA"))]),
    );
    expect(tier[0]!.op).toBe("replace");
    const tls = diffInventories(
      inventory([redis]),
      inventory([edit(redis, (i) => (i.transitEncryptionMode = "DISABLED"))]),
    );
    expect(tls[0]!.replaceReasons).toEqual(["transitEncryptionMode"]);
  });

  it("compares secrets by secret-ness only", () => {
    // A rotated secret is invisible offline: both sides are "[secret]".
    const same = diffInventories(inventory([secret]), inventory([structuredClone(secret)]));
    expect(same[0]!.op).toBe("same");
    // A value that stops being secret is a change (and a forcing one for a secret version).
    const leaked = diffInventories(
      inventory([secret]),
      inventory([edit(secret, (i) => (i.secretData = "hunter2"))]),
    );
    expect(leaked[0]!.op).toBe("replace");
    expect(leaked[0]!.detailedDiff).toEqual({ secretData: { kind: "update-replace", inputDiff: true } });
  });

  it("keeps the documented table for the library's types", () => {
    expect(Object.keys(REPLACE_RULES)).toEqual(
      expect.arrayContaining([
        "gcp:sql/databaseInstance:DatabaseInstance",
        "gcp:kms/cryptoKey:CryptoKey",
        "gcp:kms/keyRing:KeyRing",
        "gcp:redis/instance:Instance",
        "gcp:secretmanager/secret:Secret",
        "gcp:cloudrunv2/service:Service",
        "gcp:storage/bucket:Bucket",
      ]),
    );
    expect(
      forcedReplacements("gcp:storage/bucket:Bucket", { location: "EU" }, { location: "US" }).map(
        (f) => f.rule.path,
      ),
    ).toEqual(["location"]);
    expect(forcedReplacements("gcp:unknown/thing:Thing", { name: "a" }, { name: "b" })).toEqual([]);
  });
});

describe("property paths", () => {
  it("formats, parses and reads values", () => {
    expect(formatPath(["settings", "databaseFlags", 3, "value"])).toBe("settings.databaseFlags[3].value");
    expect(parsePath('labels["a.b"].c[0]')).toEqual(["labels", "a.b", "c", 0]);
    expect(valueAt({ a: [{ b: 1 }] }, "a[0].b")).toBe(1);
    expect(valueAt({ a: [{ b: 1 }] }, "a.x")).toBeUndefined();
  });

  it("round-trips any path", () => {
    const segment = fc.oneof(fc.string({ minLength: 1 }), fc.nat({ max: 1000 }));
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.array(segment, { maxLength: 6 }), (first, rest) => {
        const segments = [first, ...rest];
        expect(parsePath(formatPath(segments))).toEqual(segments);
      }),
    );
  });
});

/** Deep copy that keeps the marker symbols (structuredClone cannot copy symbols). */
function clone(v: PlanValue): PlanValue {
  if (Array.isArray(v)) return v.map(clone);
  if (v !== null && typeof v === "object")
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)]));
  return v;
}

describe("property diff", () => {
  const json: fc.Arbitrary<PlanValue> = fc.letrec<{ v: PlanValue }>((tie) => ({
    v: fc.oneof(
      { depthSize: "small" },
      fc.constantFrom<PlanValue>(SECRET, UNKNOWN, null, true, 0, 1, "a", "b"),
      fc.array(tie("v"), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom("x", "y", "z"), tie("v"), { maxKeys: 3 }),
    ),
  })).v;
  const inputs = fc.dictionary(fc.constantFrom("a", "b", "c"), json, { maxKeys: 3 });

  it("is empty exactly when the inputs are equal", () => {
    fc.assert(
      fc.property(inputs, inputs, (a, b) => {
        expect(propertyChanges(a, b).length === 0).toBe(planValueEqual(a, b));
        expect(propertyChanges(a, clone(a) as typeof a)).toEqual([]);
      }),
    );
  });

  it("lists paths that exist on the side the kind says", () => {
    fc.assert(
      fc.property(inputs, inputs, (a, b) => {
        for (const [path, d] of Object.entries(detailedDiff(a, b))) {
          if (d.kind === "add") expect(valueAt(a, path)).toBeUndefined();
          if (d.kind === "delete") expect(valueAt(b, path)).toBeUndefined();
          if (d.kind === "update") expect(planValueEqual(valueAt(a, path), valueAt(b, path))).toBe(false);
        }
      }),
    );
  });
});
