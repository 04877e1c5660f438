import { beforeAll, beforeEach, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import {
  KmsKeyRing,
  normalizeKeys,
  validateMembers,
  validateRotationDays,
} from "../../components/kms-key-ring";
import type { PlatformContext } from "../../components/shared/context";
import { PlatformError } from "../../components/shared/errors";
import { promiseOf, setupMocks } from "../support/harness";

const ctx: PlatformContext = {
  env: "prod",
  profile: "prod",
  app: "shop",
  project: "acme-shop-prod",
  region: "europe-west1",
  labels: { team: "core" },
};
const KEY = "gcp:kms/cryptoKey:CryptoKey";
const MEMBER = "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember";

let rec: Awaited<ReturnType<typeof setupMocks>>;
beforeAll(async () => {
  rec = await setupMocks("prod");
});
beforeEach(() => rec.reset());

describe("KmsKeyRing inventory", () => {
  it("creates a protected ring and keys with defaults landing on the children", async () => {
    const kms = new KmsKeyRing("kms", { ctx, keys: { data: {} } });
    await promiseOf(kms.keyIds["data"]!);
    await rec.settled();
    expect(rec.counts("kms")).toEqual({
      "platform:security:KmsKeyRing": 1,
      "gcp:kms/keyRing:KeyRing": 1,
      [KEY]: 1,
    });
    const ring = rec.find("gcp:kms/keyRing:KeyRing", "kms-ring");
    expect(ring.protect).toBe(true);
    expect(ring.inputs).toMatchObject({
      name: "shop-prod-kms",
      location: "europe-west1",
      project: "acme-shop-prod",
    });
    const key = rec.find(KEY, "kms-key-data");
    expect(key.protect).toBe(true);
    expect(key.inputs).toMatchObject({
      purpose: "ENCRYPT_DECRYPT",
      rotationPeriod: "7776000s", // DEFAULTS.rotationDays = 90
      destroyScheduledDuration: "2592000s", // DEFAULTS.destroyScheduledDays = 30
      versionTemplate: { algorithm: "GOOGLE_SYMMETRIC_ENCRYPTION", protectionLevel: "SOFTWARE" },
      labels: { env: "prod", app: "shop", component: "kms", "managed-by": "platform", team: "core" },
    });
  });

  it("supports HSM, Ed25519 signing keys without rotation, and MAC keys", async () => {
    const kms = new KmsKeyRing("k2", {
      ctx,
      protectionLevel: "HSM",
      rotationDays: 30,
      keys: {
        data: {},
        signing: { purpose: "ASYMMETRIC_SIGN" },
        mac: { purpose: "MAC", protectionLevel: "SOFTWARE" },
      },
    });
    await promiseOf(kms.keyIds["mac"]!);
    await rec.settled();
    expect(rec.find(KEY, "k2-key-data").inputs).toMatchObject({
      rotationPeriod: "2592000s",
      versionTemplate: { protectionLevel: "HSM" },
    });
    const signing = rec.find(KEY, "k2-key-signing").inputs;
    expect(signing).toMatchObject({
      purpose: "ASYMMETRIC_SIGN",
      versionTemplate: { algorithm: "EC_SIGN_ED25519", protectionLevel: "HSM" },
    });
    expect(signing["rotationPeriod"]).toBeUndefined();
    expect(rec.find(KEY, "k2-key-mac").inputs).toMatchObject({
      purpose: "MAC",
      versionTemplate: { algorithm: "HMAC_SHA256", protectionLevel: "SOFTWARE" },
    });
  });

  it("reuses an existing ring and honours protect: false", async () => {
    const id = "projects/acme/locations/europe-west1/keyRings/shared";
    const kms = new KmsKeyRing("k3", {
      ctx,
      protect: false,
      keyRing: { create: false, id },
      keys: { data: {} },
    });
    expect(await promiseOf(kms.keyRingId)).toBe(id);
    await promiseOf(kms.keyIds["data"]!);
    await rec.settled();
    expect(rec.ofType("gcp:kms/keyRing:KeyRing", "k3-ring")).toHaveLength(0);
    const key = rec.find(KEY, "k3-key-data");
    expect(key.protect).toBe(false);
    expect(key.inputs["keyRing"]).toBe(id);
  });

  it("grants named roles per key and CMEK service agents, and nothing else", async () => {
    const kms = new KmsKeyRing("k4", {
      ctx,
      keys: {
        data: {
          serviceAgents: ["cloudsql", "memorystore"],
          grants: { encrypterDecrypter: ["serviceAccount:api@acme.iam.gserviceaccount.com"] },
        },
        signing: {
          purpose: "ASYMMETRIC_SIGN",
          grants: {
            signerVerifier: ["serviceAccount:api@acme.iam.gserviceaccount.com"],
            publicKeyViewer: ["group:auditors@acme.com"],
          },
        },
      },
    });
    await promiseOf(kms.keyIds["signing"]!);
    await rec.settled();
    const members = rec.ofType(MEMBER).filter((m) => m.name.startsWith("k4-"));
    expect(members.map((m) => [m.name, m.inputs["role"], m.inputs["member"]]).sort()).toEqual(
      [
        [
          "k4-key-data-agent-cloudsql",
          "roles/cloudkms.cryptoKeyEncrypterDecrypter",
          "serviceAccount:service-123456789012@gcp-sa-cloud-sql.iam.gserviceaccount.com",
        ],
        [
          "k4-key-data-agent-memorystore",
          "roles/cloudkms.cryptoKeyEncrypterDecrypter",
          "serviceAccount:service-123456789012@cloud-redis.iam.gserviceaccount.com",
        ],
        [
          "k4-key-data-encrypterDecrypter-0",
          "roles/cloudkms.cryptoKeyEncrypterDecrypter",
          "serviceAccount:api@acme.iam.gserviceaccount.com",
        ],
        ["k4-key-signing-publicKeyViewer-0", "roles/cloudkms.publicKeyViewer", "group:auditors@acme.com"],
        [
          "k4-key-signing-signerVerifier-0",
          "roles/cloudkms.signerVerifier",
          "serviceAccount:api@acme.iam.gserviceaccount.com",
        ],
      ].sort(),
    );
    for (const m of members) expect(m.inputs["cryptoKeyId"]).toMatch(/^k4-key-(data|signing)-id$/);
  });

  it("keyIds resolve only after the key's IAM grants are registered", async () => {
    const kms = new KmsKeyRing("k5", { ctx, keys: { data: { serviceAgents: ["cloudsql"] } } });
    await promiseOf(kms.keyIds["data"]!);
    // The grant must already be registered when the id resolves.
    expect(rec.ofType(MEMBER, "k5-key-data-agent-cloudsql")).toHaveLength(1);
  });

  it("applies a typed transform to one child", async () => {
    const kms = new KmsKeyRing("k6", {
      ctx,
      keys: { data: {} },
      transform: { cryptoKey: { skipInitialVersionCreation: true } },
    });
    await promiseOf(kms.keyIds["data"]!);
    await rec.settled();
    expect(rec.find(KEY, "k6-key-data").inputs).toMatchObject({
      skipInitialVersionCreation: true,
      purpose: "ENCRYPT_DECRYPT",
    });
  });

  it("rejects bad args at construction, before registering anything", () => {
    expect(() => new KmsKeyRing("bad", { ctx, keys: { data: { rotationDays: 120 } } })).toThrow(
      "KmsKeyRing 'bad': keys.data.rotationDays must be 1–90 days, got 120",
    );
  });
});

describe("KmsKeyRing validators (pure)", () => {
  it.each([
    [{ keys: {} }, "keys must name at least one key"],
    [{ keys: { data: {} }, rotationDays: 91 }, "rotationDays must be 1–90 days, got 91"],
    [{ keys: { Data: {} } }, "key names must be lowercase"],
    [
      { keys: { s: { purpose: "ASYMMETRIC_SIGN" as const, rotationDays: 30 } } },
      "ASYMMETRIC_SIGN keys cannot rotate automatically",
    ],
    [{ keys: { d: { destroyScheduledDays: 0 } } }, "keys.d.destroyScheduledDays must be 1–120, got 0"],
    [
      { keys: { d: { grants: { signerVerifier: ["user:a@b.c"] } } } },
      "keys.d.grants.signerVerifier does not apply to ENCRYPT_DECRYPT keys",
    ],
    [{ keys: { d: { grants: { owner: ["user:a@b.c"] } as never } } }, "keys.d.grants.owner is not a grant"],
    [{ keys: { d: { grants: { encrypterDecrypter: ["allUsers"] } } } }, "allUsers would make the key public"],
    [
      { keys: { s: { purpose: "ASYMMETRIC_SIGN" as const, serviceAgents: ["cloudsql" as const] } } },
      "CMEK needs an ENCRYPT_DECRYPT key",
    ],
    [
      { keys: { d: { purpose: "DECRYPT" as never } } },
      "keys.d.purpose must be one of ENCRYPT_DECRYPT | ASYMMETRIC_SIGN | MAC",
    ],
  ])("%j → %s", (args, message) => {
    expect(() => normalizeKeys("kms", args)).toThrow(PlatformError);
    expect(() => normalizeKeys("kms", args)).toThrow(message);
  });

  it("lists every problem in one error", () => {
    expect(() =>
      normalizeKeys("kms", { keys: { a: { rotationDays: 0 }, b: { destroyScheduledDays: 500 } } }),
    ).toThrow(/keys\.a\.rotationDays.*; keys\.b\.destroyScheduledDays/);
  });

  it("validateRotationDays and validateMembers", () => {
    expect(validateRotationDays("r", 90)).toEqual([]);
    expect(validateRotationDays("r", 1)).toEqual([]);
    expect(validateRotationDays("r", 1.5)).toHaveLength(1);
    expect(validateMembers("g", ["allAuthenticatedUsers"])[0]).toMatch(/would make the key public/);
    expect(validateMembers("g", ["someone@acme.com"])[0]).toMatch(/must look like serviceAccount:/);
    expect(validateMembers("g", ["serviceAccount:x@y.iam.gserviceaccount.com", { unknown: true }])).toEqual(
      [],
    );
  });
});
