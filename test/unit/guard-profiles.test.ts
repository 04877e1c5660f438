import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { RULES, RULES_BY_ID } from "../../plan/guards/registry";
import { runGuards } from "../../plan/guards/run";
import { Enforcement, enforcementFor, Level, type Rule } from "../../plan/guards/types";
import { carefulInventory, mutate, named, setFlag, step } from "./guard-fixtures";

const inv = () => carefulInventory("prod");
const verdict = (rule: string, resources: ReturnType<typeof inv>, profile: "dev" | "staging" | "prod") => {
  const found = runGuards({ resources, profile, rules: [rule] }).filter((f) => f.severity !== "info");
  if (found.length === 0) return "none";
  return found.some((f) => f.blocking) ? "blocking" : "advisory";
};

describe("profile mapping", () => {
  const rule = (over: Partial<Rule>) => ({ level: Level.L1, ...over }) as Rule;
  it.each([
    ["L1 critical", rule({ level: "L1", critical: true }), ["mandatory", "mandatory", "mandatory"]],
    ["L1", rule({ level: "L1" }), ["advisory", "mandatory", "mandatory"]],
    ["L2 critical", rule({ level: "L2", critical: true }), ["advisory", "advisory", "mandatory"]],
    ["L2", rule({ level: "L2" }), ["advisory", "advisory", "mandatory"]],
    [
      "advisoryOnly",
      rule({ level: "L1", critical: true, advisoryOnly: true }),
      ["advisory", "advisory", "advisory"],
    ],
    [
      "explicit (prod-only)",
      rule({ enforcement: { dev: "disabled", staging: "advisory", prod: "mandatory" } }),
      ["disabled", "advisory", "mandatory"],
    ],
  ])("%s → dev/staging/prod", (_label, r, expected) => {
    expect((["dev", "staging", "prod"] as const).map((p) => enforcementFor(r, p))).toEqual(expected);
  });

  it.each([
    // rule, violation, dev, staging, prod
    [
      "gcp/sql-ssl-required",
      (i: any): void => {
        i.settings.ipConfiguration.sslMode = "ALLOW_UNENCRYPTED_AND_ENCRYPTED";
      },
      "blocking",
      "blocking",
      "blocking",
    ],
    [
      "gcp/pg-log-connections",
      (i: any): unknown => setFlag(i, "log_connections", "off"),
      "advisory",
      "blocking",
      "blocking",
    ],
    [
      "gcp/pg-log-statement",
      (i: any): unknown => setFlag(i, "log_statement", "none"),
      "advisory",
      "advisory",
      "blocking",
    ],
    [
      "gcp/sql-latest-major-version",
      (i: any): void => {
        i.databaseVersion = "POSTGRES_14";
      },
      "advisory",
      "advisory",
      "advisory",
    ],
    [
      "platform/prod-ha",
      (i: any): void => {
        i.settings.availabilityType = "ZONAL";
      },
      "none",
      "advisory",
      "blocking",
    ],
  ] as const)(
    "%s: the same violation is %s in dev, %s in staging, %s in prod",
    (rule, edit, dev, staging, prod) => {
      const resources = mutate(inv(), "db-instance", edit);
      expect([
        verdict(rule, resources, "dev"),
        verdict(rule, resources, "staging"),
        verdict(rule, resources, "prod"),
      ]).toEqual([dev, staging, prod]);
    },
  );

  it("every prod-profile rule is blocking in prod, advisory in staging and off in dev", () => {
    for (const r of RULES.filter((x) => x.category === "prod-profile"))
      expect(
        (["dev", "staging", "prod"] as const).map((p) => enforcementFor(r, p)),
        r.id,
      ).toEqual([Enforcement.disabled, Enforcement.advisory, Enforcement.mandatory]);
  });
});

describe("prod-profile rules over steps", () => {
  const db = named(inv(), "db-instance");
  const weakened = (edit: (i: any) => void) => {
    const after = mutate([db], "db-instance", edit)[0]!;
    return [step("update", db, db.inputs, after.inputs)];
  };

  it.each([
    [
      "platform/prod-ha",
      (i: any): void => {
        i.settings.availabilityType = "ZONAL";
      },
      'changed from "REGIONAL" to "ZONAL"',
    ],
    [
      "platform/prod-pitr",
      (i: any): void => {
        i.settings.backupConfiguration.pointInTimeRecoveryEnabled = false;
      },
      "changed from true to false",
    ],
    [
      "platform/prod-backups",
      (i: any): void => {
        i.settings.backupConfiguration.backupRetentionSettings.retainedBackups = 5;
      },
      "changed from 30 to 5",
    ],
    [
      "platform/prod-backups",
      (i: any): void => {
        i.settings.backupConfiguration.enabled = false;
      },
      "changed from true to false",
    ],
    ["platform/prod-cmek", (i: any): unknown => delete i.encryptionKeyName, "is removed"],
    [
      "platform/prod-deletion-protection",
      (i: any): void => {
        i.deletionProtection = false;
      },
      "changed from true to false",
    ],
    [
      "platform/prod-deletion-protection",
      (i: any): void => {
        i.settings.deletionProtectionEnabled = false;
      },
      "settings.deletionProtectionEnabled changed from true to false",
    ],
  ] as const)("%s blocks a weakening update and says what changed", (rule, edit, text) => {
    const findings = runGuards({ steps: weakened(edit), profile: "prod", rules: [rule] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: rule, blocking: true, urn: db.urn });
    expect(findings[0]?.message).toContain(text);
  });

  it("skips read replicas for HA, PITR and backups", () => {
    const replica = named(inv(), "db-replica-0");
    expect(replica.inputs["masterInstanceName"]).toBeDefined();
    const findings = runGuards({
      resources: [replica],
      profile: "prod",
      rules: ["platform/prod-ha", "platform/prod-pitr", "platform/prod-backups", "gcp/sql-backups-enabled"],
    });
    expect(findings).toEqual([]);
  });

  it("skips rotation rules on asymmetric keys", () => {
    const signing = named(inv(), "keys-signing");
    expect(
      runGuards({
        resources: [signing],
        profile: "prod",
        rules: ["platform/prod-key-rotation", "gcp/kms-rotation"],
      }),
    ).toEqual([]);
  });

  it("accepts service-level scaling.minInstanceCount for warm instances", () => {
    const svc = mutate(inv(), "api-service", (i) => {
      delete i.template.scaling;
      i.scaling = { minInstanceCount: 2 };
    });
    expect(
      runGuards({ resources: svc, profile: "prod", rules: ["platform/prod-run-min-instances"] }),
    ).toEqual([]);
  });

  it("requires PITR through binary logs on MySQL", () => {
    const mysql = mutate(inv(), "db-instance", (i) => {
      i.databaseVersion = "MYSQL_8_0";
      i.settings.backupConfiguration.binaryLogEnabled = false;
    });
    const findings = runGuards({ resources: mysql, profile: "prod", rules: ["platform/prod-pitr"] });
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining("binaryLogEnabled")]);
  });

  it("applies the PostgreSQL flag rules only to PostgreSQL", () => {
    const mysql = mutate(inv(), "db-instance", (i) => {
      i.databaseVersion = "MYSQL_8_0";
      i.settings.databaseFlags = [];
    });
    const ids = runGuards({ resources: mysql, profile: "prod" }).map((f) => f.id);
    expect(ids.filter((id) => id.startsWith("gcp/pg-"))).toEqual([]);
  });

  it("the rules carry the ids and refs they promise", () => {
    expect(RULES_BY_ID.get("gcp/sql-ssl-required")?.refs).toEqual([
      "AVD-GCP-0015",
      "KICS 02474449",
      "CIS 6.4",
    ]);
    expect(RULES_BY_ID.get("gcp/sql-ssl-client-certificates")?.refs).toEqual(["CKV_GCP_6"]);
  });
});
