import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { DATA_RESOURCES, isDataResource } from "../../plan/guards/data-loss";
import { runGuards, summarizeFindings } from "../../plan/guards/run";
import type { GuardResource } from "../../plan/guards/types";
import type { Op } from "../../plan/model";
import { carefulInventory, named, res, step } from "./guard-fixtures";

const inv = carefulInventory("prod");
const dataLoss = (
  input: Omit<Parameters<typeof runGuards>[0], "profile">,
  profile: "dev" | "staging" | "prod" = "prod",
) => runGuards({ ...input, profile, rules: ["platform/data-loss", "platform/data-loss-safeguard"] });

const DATA_FIXTURES: readonly GuardResource[] = [
  named(inv, "db-instance"),
  res("gcp:sql/database:Database", "db-database", { name: "app", instance: "acme-prod-db" }),
  named(inv, "cache-redis"),
  named(inv, "keys-sql"),
  named(inv, "keys-ring"),
  res("gcp:kms/cryptoKeyVersion:CryptoKeyVersion", "keys-sql-v1", { cryptoKey: "sql" }, { component: "kms" }),
  named(inv, "db-password-secret"),
  res("gcp:secretmanager/secretVersion:SecretVersion", "db-password-v", {
    secret: "s",
    secretData: "[secret]",
  }),
  res("gcp:storage/bucket:Bucket", "uploads-bucket", { name: "acme-prod-uploads", location: "EU" }),
];

describe("platform/data-loss", () => {
  it("covers every data resource type", () => {
    expect(DATA_FIXTURES.map((r) => r.type).sort()).toEqual(Object.keys(DATA_RESOURCES).sort());
  });

  const destructive: readonly (readonly Op[])[] = [
    ["delete"],
    ["replace"],
    ["delete-replaced"],
    ["create-replacement", "delete-replaced"],
    ["create-replacement", "replace", "delete-replaced"],
    ["discard-replaced"],
    ["import-replacement"],
  ];
  const cases = DATA_FIXTURES.flatMap((r) =>
    destructive.map((ops) => [r.type, ops.join("+"), r, ops] as const),
  );

  it.each(cases)("%s %s blocks with one finding per URN", (_type, _ops, r, ops) => {
    const steps = ops.map((op) =>
      step(op, r, r.inputs, op.includes("delete") ? undefined : r.inputs, { replaceReasons: ["name"] }),
    );
    const findings = dataLoss({ steps }).filter((f) => f.id === "platform/data-loss");
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f).toMatchObject({ blocking: true, severity: "critical", urn: r.urn, type: r.type });
    const what = DATA_RESOURCES[r.type as keyof typeof DATA_RESOURCES];
    if (r.type === "gcp:sql/database:Database" || r.type === "gcp:secretmanager/secretVersion:SecretVersion")
      expect(f.message).toContain(what);
    expect(f.message).toContain(`--allow-data-loss '${r.urn}'`);
    expect(f.message).toMatch(ops.some((o) => o !== "delete") ? /^Replacing / : /^Deleting /);
  });

  it("names what is lost and what forced the replacement", () => {
    const db = named(inv, "db-instance");
    const [f] = dataLoss({
      steps: [
        step("replace", db, db.inputs, db.inputs, {
          replaceReasons: ["databaseVersion", "encryptionKeyName"],
          protect: true,
        }),
      ],
    });
    expect(f?.message).toContain("every database on the Cloud SQL instance");
    expect(f?.message).toContain("replacement forced by: databaseVersion, encryptionKeyName");
    expect(f?.message).toContain("The resource is protected");
  });

  it("blocks in every profile", () => {
    const r = named(inv, "cache-redis");
    for (const profile of ["dev", "staging", "prod"] as const)
      expect(dataLoss({ steps: [step("delete", r, r.inputs)] }, profile).map((f) => f.blocking)).toEqual([
        true,
      ]);
  });

  const ack = named(inv, "db-instance");
  it.each([
    ["the exact URN", [ack.urn]],
    [
      "a trailing-* glob on the component",
      ["urn:pulumi:prod::platform::platform:data:PostgresWithBackups$*"],
    ],
    ["a stack-wide glob", ["urn:pulumi:prod::*"]],
    ["a bare *", ["*"]],
  ])("is acknowledged by %s", (_label, allowDataLoss) => {
    const findings = dataLoss({ steps: [step("replace", ack, ack.inputs, ack.inputs)], allowDataLoss });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ blocking: false, severity: "critical" });
    expect(findings[0]?.message).toContain("Acknowledged with --allow-data-loss");
    expect(summarizeFindings(findings)).toMatchObject({ blocking: 0, advisory: 1, passed: true });
  });

  it.each([
    ["another URN", [named(inv, "cache-redis").urn]],
    ["a URN prefix without *", ["urn:pulumi:prod::platform::platform:data:PostgresWithBackups"]],
    ["another stack's glob", ["urn:pulumi:staging::*"]],
  ])("still blocks when the acknowledgement names %s", (_label, allowDataLoss) => {
    const findings = dataLoss({ steps: [step("delete", ack, ack.inputs)], allowDataLoss });
    expect(findings.map((f) => f.blocking)).toEqual([true]);
  });

  it("acknowledges only the listed resources in a mixed plan", () => {
    const redis = named(inv, "cache-redis");
    const findings = dataLoss({
      steps: [step("delete", ack, ack.inputs), step("replace", redis, redis.inputs, redis.inputs)],
      allowDataLoss: [redis.urn],
    });
    expect(findings.map((f) => [f.urn, f.blocking])).toEqual([
      [ack.urn, true],
      [redis.urn, false],
    ]);
  });

  it("ignores creates, updates, same steps and types that hold no data", () => {
    const svc = named(inv, "api-service");
    const db = named(inv, "db-instance");
    const findings = dataLoss({
      steps: [
        step("create", db, undefined, db.inputs),
        step("update", db, db.inputs, db.inputs),
        step("same", db, db.inputs, db.inputs),
        step("replace", svc, svc.inputs, svc.inputs),
        step("delete", svc, svc.inputs),
      ],
    });
    expect(findings).toEqual([]);
    expect(isDataResource(svc.type)).toBe(false);
  });

  it("reports a retainOnDelete discard as info: nothing is destroyed", () => {
    const findings = dataLoss({ steps: [step("discard", ack, ack.inputs)] });
    expect(findings).toMatchObject([{ blocking: false, severity: "info" }]);
    expect(findings[0]?.message).toContain("retained in the cloud");
  });

  it("treats deletionPolicy ABANDON / PREVENT deletes as info, but a replacement still empties the data", () => {
    const database = named(inv, "db-database");
    expect(database.inputs["deletionPolicy"]).toBe("ABANDON");
    const del = dataLoss({ steps: [step("delete", database, database.inputs)] });
    expect(del).toMatchObject([{ blocking: false, severity: "info" }]);
    expect(del[0]?.message).toContain("ABANDON leaves it in the cloud");
    const prevent = dataLoss({ steps: [step("delete", ack, { ...ack.inputs, deletionPolicy: "PREVENT" })] });
    expect(prevent[0]?.message).toContain("will fail at apply");
    const replace = dataLoss({ steps: [step("replace", database, database.inputs, database.inputs)] });
    expect(replace).toMatchObject([{ blocking: true }]);
    expect(replace[0]?.message).toContain("the new one starts empty");
  });

  it("lets a secret version with deletionPolicy DISABLE be deleted (the payload is kept)", () => {
    const version = named(inv, "db-password-secret-version");
    expect(dataLoss({ steps: [step("delete", version, version.inputs)] })).toMatchObject([
      { blocking: false, severity: "info" },
    ]);
    const destroying = { ...version, inputs: { ...version.inputs, deletionPolicy: "DELETE" } };
    expect(dataLoss({ steps: [step("delete", destroying, destroying.inputs)] })).toMatchObject([
      { blocking: true },
    ]);
  });
});

describe("platform/data-loss-safeguard", () => {
  const db = named(inv, "db-instance");
  const redis = named(inv, "cache-redis");
  const secret = named(inv, "db-password-secret");

  it.each([
    [
      "Cloud SQL deletionProtection true → false",
      db,
      { deletionProtection: true },
      { deletionProtection: false },
    ],
    ["Cloud SQL deletionProtection default → false", db, {}, { deletionProtection: false }],
    [
      "Cloud SQL settings.deletionProtectionEnabled",
      db,
      { settings: { deletionProtectionEnabled: true } },
      { settings: { deletionProtectionEnabled: false } },
    ],
    ["Redis deletionProtection default → false", redis, {}, { deletionProtection: false }],
    [
      "Secret deletionProtection true → false",
      secret,
      { deletionProtection: true },
      { deletionProtection: false },
    ],
    ["deletionPolicy ABANDON → DELETE", db, { deletionPolicy: "ABANDON" }, { deletionPolicy: "DELETE" }],
  ])("warns without blocking: %s", (_label, r, old, next) => {
    const findings = dataLoss({ steps: [step("update", r, old, next)] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      id: "platform/data-loss-safeguard",
      blocking: false,
      severity: "medium",
      urn: r.urn,
    });
  });

  it("warns when protect is removed (parsers that know the old protect flag)", () => {
    const findings = dataLoss({
      steps: [step("update", db, db.inputs, db.inputs, { protect: false, oldProtect: true })],
    });
    expect(findings.map((f) => f.id)).toEqual(["platform/data-loss-safeguard"]);
    expect(findings[0]?.message).toContain("protect resource option is removed");
  });

  it.each([
    ["Secret deletionProtection default (false) → false", secret, {}, { deletionProtection: false }],
    ["deletionProtection false → true", db, { deletionProtection: false }, { deletionProtection: true }],
    ["unchanged", db, db.inputs, db.inputs],
  ])("stays quiet: %s", (_label, r, old, next) => {
    expect(dataLoss({ steps: [step("update", r, old, next)] })).toEqual([]);
  });
});
