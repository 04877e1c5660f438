import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, it, jest } from "@jest/globals";
import { expect } from "../support/expect";
import { installRecordingMocks } from "../../orchestrator/synth/recorder";
import { MOCK_INVOKES, mockState } from "../../orchestrator/synth/mock-cloud";
import { synth, type SynthResult } from "../../orchestrator/synth";
import { readStackConfig, toRuntimeConfig } from "../../programs/stack-config";
import { checkInventory } from "../../plan/guards";
import { parseInventory } from "../../plan/parse";
import { costReport } from "../../orchestrator/review/cost-report";
import { estimateResources, parseUsage } from "../../plan/cost";

const ENVS = ["dev", "staging", "prod"] as const;
const results: Record<string, SynthResult> = {};

beforeAll(async () => {
  // Synth runs each environment in its own child process from dist/ (built by `npm test`).
  for (const env of ENVS) results[env] = await synth(env);
}, 180_000); // three synths, one after the other: more than a minute on a busy 2-core machine

function ofType(env: string, type: string) {
  return results[env]!.resources.filter((r) => r.type === type);
}
const INSTANCE = "gcp:sql/databaseInstance:DatabaseInstance";
const KEY = "gcp:kms/cryptoKey:CryptoKey";

describe("the pulumi up entry and synth register the same resources", () => {
  it.each(ENVS)("%s", async (env) => {
    // What `pulumi up -s <env>` does: the runtime carries the stack config, Pulumi loads programs/index.
    jest.resetModules();
    const rec = await installRecordingMocks({
      project: "platform",
      stack: env,
      invokes: MOCK_INVOKES,
      state: mockState,
    });
    pulumi.runtime.setAllConfig(toRuntimeConfig(readStackConfig(env)));
    await import("../../programs/index.js");
    await rec.settled();
    const fromEntry = rec.resources.map((r) => `${r.urn} ${JSON.stringify(r.inputs)} ${r.protect}`).sort();
    const fromSynth = results[env]!.resources.map(
      (r) => `${r.urn} ${JSON.stringify(r.inputs)} ${r.protect}`,
    ).sort();
    expect(fromEntry.length).toBeGreaterThan(20);
    expect(fromEntry).toEqual(fromSynth);
  });
});

describe("per-profile inventory", () => {
  it("dev is cost-optimised: one zonal db-f1-micro, software keys, no replicas, teardown allowed", () => {
    const dbs = ofType("dev", INSTANCE);
    expect(dbs).toHaveLength(1);
    expect(dbs[0]!.inputs).toMatchObject({
      settings: { tier: "db-f1-micro", availabilityType: "ZONAL", diskType: "PD_HDD" },
      deletionProtection: false,
    });
    expect(dbs[0]!.protect).toBe(false);
    expect(ofType("dev", KEY).map((k) => (k.inputs["versionTemplate"] as any).protectionLevel)).toEqual([
      "SOFTWARE",
    ]);
  });

  it("dev costs under $10 a month idle and with its usage file (priced on the real synth)", () => {
    const withUsage = costReport(results["dev"]!);
    expect(withUsage.estimate.notPriced).toEqual([]);
    expect(withUsage.estimate.total).toBeLessThan(10);
    const db = withUsage.estimate.lines.find((l) => l.name === "db-instance")!;
    expect((db.notes ?? []).join("\n")).toContain("10 GB PD_HDD × $0.09/GB-mo = $0.90");
    // With the library's default usage assumptions instead of the stack's usage file.
    const defaults = estimateResources(results["dev"]!.resources, parseUsage({}), {
      region: withUsage.region,
    });
    expect(defaults.total).toBeLessThan(10);
  });

  it("staging is production-shaped: REGIONAL, PITR, signing key", () => {
    const [db] = ofType("staging", INSTANCE);
    expect(db!.inputs).toMatchObject({
      settings: {
        availabilityType: "REGIONAL",
        backupConfiguration: { pointInTimeRecoveryEnabled: true, location: "eu" },
      },
    });
    expect(
      ofType("staging", KEY)
        .map((k) => k.inputs["purpose"])
        .sort(),
    ).toEqual(["ASYMMETRIC_SIGN", "ENCRYPT_DECRYPT"]);
  });

  it("prod: HA primary + 1 replica, HSM keys rotated every 30 days, everything that holds data protected", () => {
    const dbs = ofType("prod", INSTANCE);
    expect(dbs.map((d) => d.name).sort()).toEqual(["db-instance", "db-replica-0"]);
    const primary = dbs.find((d) => d.name === "db-instance")!;
    expect(primary.inputs).toMatchObject({
      deletionProtection: true,
      settings: {
        tier: "db-custom-2-7680",
        availabilityType: "REGIONAL",
        diskSize: 100,
        backupConfiguration: {
          enabled: true,
          pointInTimeRecoveryEnabled: true,
          backupRetentionSettings: { retainedBackups: 30 },
        },
        ipConfiguration: { ipv4Enabled: false, sslMode: "ENCRYPTED_ONLY" },
      },
    });
    expect(primary.inputs["encryptionKeyName"]).toBe("kms-key-data-id");
    for (const k of ofType("prod", KEY)) {
      expect((k.inputs["versionTemplate"] as any).protectionLevel).toBe("HSM");
      expect(k.protect).toBe(true);
      if (k.inputs["purpose"] === "ENCRYPT_DECRYPT") expect(k.inputs["rotationPeriod"]).toBe("2592000s");
    }
    const dataTypes = [
      INSTANCE,
      "gcp:sql/database:Database",
      KEY,
      "gcp:kms/keyRing:KeyRing",
      "gcp:secretmanager/secret:Secret",
    ];
    for (const r of results["prod"]!.resources.filter((x) => dataTypes.includes(x.type)))
      expect(r.protect, r.name).toBe(true);
  });

  it("every labelable resource carries env, app, component and managed-by", () => {
    for (const env of ENVS) {
      for (const r of results[env]!.resources) {
        // Notification channels use `labels` for their type's settings (email_address); `userLabels` are labels.
        const own =
          r.type === "gcp:monitoring/notificationChannel:NotificationChannel"
            ? undefined
            : r.inputs["labels"];
        const labels = (own ?? r.inputs["userLabels"] ?? (r.inputs["settings"] as any)?.userLabels) as
          Record<string, string> | undefined;
        if (labels === undefined) continue;
        expect(labels, `${env} ${r.name}`).toMatchObject({ env, app: "shop", "managed-by": "platform" });
        expect(labels["component"], `${env} ${r.name}`).toBeTruthy();
      }
    }
  });

  it("stack outputs carry ids and names, never secret values", () => {
    for (const env of ENVS) {
      const outputs = JSON.stringify(results[env]!.outputs);
      expect(outputs).toContain("databaseConnectionName");
      expect(outputs).not.toMatch(/postgresql:\/\//);
    }
    expect(results["prod"]!.outputs["databaseConnectionName"]).toBe(
      "acme-shop-prod:europe-west1:shop-prod-db",
    );
  });
});

describe("the complete platform per profile", () => {
  const count = (env: string, type: string) => ofType(env, type).length;

  it("composes all six components in every environment", () => {
    for (const env of ENVS) {
      const tokens = new Set(results[env]!.resources.map((r) => r.type));
      for (const t of [
        "platform:security:KmsKeyRing",
        "platform:data:PostgresWithBackups",
        "platform:data:RedisCache",
        "platform:compute:CloudRunService",
        "platform:ops:ObservabilityStack",
        "platform:cost:BudgetAlert",
      ]) {
        expect(tokens.has(t), `${env} ${t}`).toBe(true);
      }
    }
  });

  it("dev caches in memory and scales to zero; staging and prod run Memorystore", () => {
    expect(count("dev", "gcp:redis/instance:Instance")).toBe(0);
    expect(count("staging", "gcp:redis/instance:Instance")).toBe(1);
    const [redis] = ofType("prod", "gcp:redis/instance:Instance");
    expect(redis!.inputs).toMatchObject({
      tier: "STANDARD_HA",
      authEnabled: true,
      transitEncryptionMode: "SERVER_AUTHENTICATION",
    });
    const [devRun] = ofType("dev", "gcp:cloudrunv2/service:Service");
    expect((devRun!.inputs["template"] as any).scaling.minInstanceCount).toBe(0);
    const env = (
      (devRun!.inputs["template"] as any).containers[0].envs as { name: string; value?: string }[]
    ).find((e) => e.name === "CACHE_BACKEND");
    expect(env?.value).toBe("memory");
    const [prodRun] = ofType("prod", "gcp:cloudrunv2/service:Service");
    expect((prodRun!.inputs["template"] as any).scaling.minInstanceCount).toBe(2);
    expect(prodRun!.inputs["deletionProtection"]).toBe(true);
  });

  it("the prod service reaches the database and cache only through its own narrow grants", () => {
    const grants = results["prod"]!.resources.filter(
      (r) => /IAMMember|IamMember/.test(r.type) && r.name.startsWith("api-"),
    );
    const roles = grants.map((g) => g.inputs["role"]).sort();
    expect(roles).toContain("roles/cloudsql.client");
    expect(roles.filter((r) => r === "roles/secretmanager.secretAccessor").length).toBeGreaterThanOrEqual(3); // DATABASE_URL, DB_PASSWORD, REDIS_AUTH
    for (const g of grants) expect(g.inputs["member"]).not.toBe("allAuthenticatedUsers");
    // No project-wide secret or KMS access.
    const projectGrants = grants
      .filter((g) => g.type === "gcp:projects/iAMMember:IAMMember")
      .map((g) => g.inputs["role"]);
    expect(projectGrants).not.toContain("roles/secretmanager.secretAccessor");
    expect(projectGrants).not.toContain("roles/cloudkms.cryptoKeyEncrypterDecrypter");
  });

  it("observability watches the service URL, the database and (where it exists) the cache", () => {
    for (const env of ENVS) {
      expect(count(env, "gcp:monitoring/uptimeCheckConfig:UptimeCheckConfig"), env).toBe(1);
      expect(count(env, "gcp:monitoring/slo:Slo"), env).toBe(2);
      expect(count(env, "gcp:monitoring/dashboard:Dashboard"), env).toBe(1);
    }
    const prodPolicies = ofType("prod", "gcp:monitoring/alertPolicy:AlertPolicy");
    expect(prodPolicies.length).toBeGreaterThan(
      ofType("dev", "gcp:monitoring/alertPolicy:AlertPolicy").length,
    );
    for (const p of prodPolicies)
      expect((p.inputs["documentation"] as any)?.content, p.name).toMatch(/check first/i);
  });

  it("the default prod program passes every guard rule; dev passes every L1 rule", () => {
    const prod = checkInventory(parseInventory(results["prod"]!).resources, "prod");
    expect(prod.failedRules, JSON.stringify(prod.failedRules)).toEqual([]);
    expect(prod.passed).toBe(true);
    const dev = checkInventory(parseInventory(results["dev"]!).resources, "dev");
    expect(dev.failedRules.filter((r) => r.level === "L1")).toEqual([]);
    expect(dev.passed).toBe(true);
  });
});
