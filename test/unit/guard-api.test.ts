import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { PUBLIC_LABEL } from "../../plan/guards/security-services";
import { RULES } from "../../plan/guards/registry";
import {
  checkInventory,
  runGuards,
  sortFindings,
  stepSubjects,
  summarizeFindings,
} from "../../plan/guards/run";
import { iamGrants, isOpaque, matchesUrn, read, readFlag, seconds } from "../../plan/guards/values";
import { SECRET, SECRET_TEXT, UNKNOWN, UNKNOWN_SENTINEL, type Finding } from "../../plan/model";
import { carefulInventory, mutate, named, res, sameSteps, setFlag, step, without } from "./guard-fixtures";

const inv = () => carefulInventory("prod");
const OPAQUE = [
  ["the UNKNOWN marker", UNKNOWN],
  ["the SECRET marker", SECRET],
  ["the engine sentinel", UNKNOWN_SENTINEL],
  ['"[unknown]"', "[unknown]"],
  ['"[secret]"', SECRET_TEXT],
] as const;

describe("unknown and secret values", () => {
  const edits: readonly (readonly [string, string, (i: any, v: unknown) => void])[] = [
    ["db-instance", "gcp/sql-ssl-required", (i, v) => (i.settings.ipConfiguration.sslMode = v)],
    ["db-instance", "gcp/sql-no-public-ip", (i, v) => (i.settings.ipConfiguration = v)],
    ["db-instance", "gcp/pg-log-connections", (i, v) => (i.settings.databaseFlags = v)],
    ["db-instance", "gcp/pg-pgaudit", (i, v) => setFlag(i, "cloudsql.enable_pgaudit", v as string)],
    ["db-instance", "gcp/sql-backups-enabled", (i, v) => (i.settings.backupConfiguration = v)],
    ["db-instance", "platform/prod-cmek", (i, v) => (i.encryptionKeyName = v)],
    ["db-instance", "platform/prod-ha", (i, v) => (i.settings = v)],
    ["keys-sql", "gcp/kms-rotation", (i, v) => (i.rotationPeriod = v)],
    ["keys-sql", "platform/prod-hsm", (i, v) => (i.versionTemplate = v)],
    ["cache-redis", "gcp/redis-auth", (i, v) => (i.authEnabled = v)],
    ["cache-redis", "platform/prod-redis-tier", (i, v) => (i.tier = v)],
    ["api-service", "gcp/run-ingress-restricted", (i, v) => (i.ingress = v)],
    ["api-service", "gcp/run-dedicated-service-account", (i, v) => (i.template.serviceAccount = v)],
    ["api-service", "platform/prod-run-min-instances", (i, v) => (i.template.scaling = v)],
    ["api-invoker-lb", "gcp/run-no-public-invoker", (i, v) => (i.member = v)],
    ["registry-reader", "gcp/artifact-registry-private", (i, v) => (i.member = v)],
    ["api-sa-sql-client", "gcp/iam-no-basic-roles", (i, v) => (i.role = v)],
    ["obs-audit-all-services", "gcp/audit-logs-all-services", (i, v) => (i.auditLogConfigs = v)],
    ["obs-auditConfigChanges-metric", "gcp/log-alert-audit-config-changes", (i, v) => (i.name = v)],
  ];
  const cases = edits.flatMap(([name, rule, edit]) =>
    OPAQUE.map(([label, v]) => [rule, label, name, edit, v] as const),
  );

  it.each(cases)(
    "%s: %s is never a violation, at most 'cannot verify until apply'",
    (rule, _label, name, edit, v) => {
      const resources = mutate(inv(), name, (i) => edit(i, v));
      const findings = runGuards({ resources, profile: "prod", rules: [rule] });
      expect(findings.filter((f) => f.severity !== "info" || f.blocking)).toEqual([]);
      for (const f of findings) expect(f.message).toContain("cannot verify until apply");
    },
  );

  it("does not let one unknown flag entry hide a known bad one", () => {
    const resources = mutate(inv(), "db-instance", (i) => {
      setFlag(i, "log_connections", "off");
      i.settings.databaseFlags.push(UNKNOWN);
    });
    expect(runGuards({ resources, profile: "prod", rules: ["gcp/pg-log-connections"] })).toMatchObject([
      { blocking: true },
    ]);
  });

  it("reads unknown steps the same way (preview of a create with computed inputs)", () => {
    const db = named(inv(), "db-instance");
    const inputs = { ...db.inputs, encryptionKeyName: UNKNOWN };
    const findings = runGuards({
      steps: [step("create", db, undefined, inputs)],
      profile: "prod",
      rules: ["platform/prod-cmek"],
    });
    expect(findings).toMatchObject([{ severity: "info", blocking: false }]);
  });
});

describe("explicitly public Cloud Run services", () => {
  const publicInvoker = () => mutate(inv(), "api-invoker-lb", (i) => (i.member = "allUsers"));
  const labelled = (resources: ReturnType<typeof inv>) =>
    mutate(resources, "api-service", (i) => {
      i.labels[PUBLIC_LABEL.key] = PUBLIC_LABEL.value;
      i.ingress = "INGRESS_TRAFFIC_ALL";
    });
  const run = (resources: ReturnType<typeof inv>, publicServices?: string[]) =>
    runGuards({
      resources,
      profile: "prod",
      rules: ["gcp/run-no-public-invoker", "gcp/run-ingress-restricted"],
      ...(publicServices ? { publicServices } : {}),
    });

  it("blocks allUsers on a service that is not marked public", () => {
    expect(run(publicInvoker()).map((f) => [f.id, f.blocking])).toEqual([
      ["gcp/run-no-public-invoker", true],
    ]);
  });

  it("is advisory (not blocking) when the service is labelled exposure: public", () => {
    const findings = run(labelled(publicInvoker()));
    expect(findings.map((f) => [f.id, f.blocking]).sort()).toEqual([
      ["gcp/run-ingress-restricted", false],
      ["gcp/run-no-public-invoker", false],
    ]);
    expect(findings.every((f) => f.message.includes("public on purpose"))).toBe(true);
    expect(checkInventory(labelled(publicInvoker()), "prod").failedRules).toEqual([]);
  });

  it("is advisory when the service URN (or a glob) is listed in publicServices", () => {
    const svc = named(inv(), "api-service");
    expect(run(publicInvoker(), [svc.urn]).map((f) => f.blocking)).toEqual([false]);
    expect(
      run(publicInvoker(), ["urn:pulumi:prod::platform::platform:compute:CloudRunService$*"]).map(
        (f) => f.blocking,
      ),
    ).toEqual([false]);
  });

  it("finds the service through the shared parent when the grant's name is unknown", () => {
    const resources = mutate(labelled(publicInvoker()), "api-invoker-lb", (i) => (i.name = UNKNOWN));
    expect(run(resources).find((f) => f.id === "gcp/run-no-public-invoker")?.blocking).toBe(false);
  });

  it("keeps blocking a public grant of any role other than the invoker", () => {
    const resources = mutate(labelled(inv()), "api-invoker-lb", (i) => {
      i.member = "allAuthenticatedUsers";
      i.role = "roles/run.developer";
    });
    expect(run(resources).find((f) => f.id === "gcp/run-no-public-invoker")?.blocking).toBe(true);
  });

  it("treats invokerIamDisabled like an allUsers invoker", () => {
    const open = mutate(inv(), "api-service", (i) => (i.invokerIamDisabled = true));
    expect(run(open).map((f) => [f.id, f.blocking])).toEqual([["gcp/run-no-public-invoker", true]]);
    expect(run(labelled(open)).every((f) => !f.blocking)).toBe(true);
  });

  it("covers v1 Cloud Run IAM resources too (CKV_GCP_102)", () => {
    const v1 = res("gcp:cloudrun/iamBinding:IamBinding", "legacy-invoker", {
      service: "legacy",
      location: "europe-west1",
      role: "roles/run.invoker",
      members: ["allUsers"],
    });
    expect(run([...inv(), v1]).map((f) => [f.urn, f.blocking])).toEqual([[v1.urn, true]]);
  });
});

describe("runGuards", () => {
  it("runs resource and stack rules on the state a full plan leaves behind", () => {
    const steps = sameSteps(without(inv(), "obs-audit-all-services"));
    const ids = runGuards({ steps, profile: "prod" }).map((f) => f.id);
    expect(ids).toContain("gcp/audit-logs-all-services");
  });

  it("skips existence rules on a partial plan", () => {
    const db = named(inv(), "db-instance");
    const findings = runGuards({
      steps: [step("update", db, db.inputs, db.inputs)],
      profile: "prod",
      partialPlan: true,
    });
    expect(findings.filter((f) => f.severity !== "info").map((f) => f.id)).toEqual([
      "gcp/sql-ssl-client-certificates",
    ]);
  });

  it("ignores the new state of deleted resources and reads old inputs for messages", () => {
    const db = named(inv(), "db-instance");
    expect(stepSubjects([step("delete", db, db.inputs)])).toEqual([]);
    expect(stepSubjects([step("update", db, { a: 1 }, db.inputs)])[0]?.oldInputs).toEqual({ a: 1 });
    expect(stepSubjects([step("same", db, db.inputs, db.inputs)])[0]?.oldInputs).toBeUndefined();
  });

  it("combines a plan with an inventory without duplicate findings", () => {
    const resources = mutate(inv(), "cache-redis", (i) => (i.authEnabled = false));
    const redis = named(resources, "cache-redis");
    const steps = [step("update", redis, named(inv(), "cache-redis").inputs, redis.inputs)];
    const findings = runGuards({
      steps,
      resources,
      profile: "prod",
      rules: ["gcp/redis-auth", "platform/prod-redis-auth"],
    });
    expect(findings.map((f) => f.id).sort()).toEqual(["gcp/redis-auth", "platform/prod-redis-auth"]);
  });

  it("accepts rule objects or ids and rejects unknown ids and profiles", () => {
    const resources = mutate(inv(), "cache-redis", (i) => (i.authEnabled = false));
    const byId = runGuards({ resources, profile: "prod", rules: ["gcp/redis-auth"] });
    const byObject = runGuards({
      resources,
      profile: "prod",
      rules: RULES.filter((r) => r.id === "gcp/redis-auth"),
    });
    expect(byObject).toEqual(byId);
    expect(() => runGuards({ resources, profile: "prod", rules: ["gcp/nope"] })).toThrow(
      /unknown rule id "gcp\/nope"/,
    );
    expect(() => runGuards({ resources, profile: "qa" as never })).toThrow(
      /profile must be one of dev, staging, prod, got "qa"/,
    );
  });

  it("returns nothing for an empty input", () => {
    expect(runGuards({ profile: "prod" })).toEqual([]);
  });

  it("sorts blocking first, then by severity", () => {
    const f = (id: string, severity: Finding["severity"], blocking: boolean): Finding => ({
      id,
      severity,
      blocking,
      message: id,
    });
    const sorted = sortFindings([
      f("a", "low", false),
      f("b", "low", true),
      f("c", "critical", false),
      f("d", "high", true),
    ]);
    expect(sorted.map((x) => x.id)).toEqual(["d", "b", "c", "a"]);
  });

  it("summarizes blocking, advisory and info counts", () => {
    const db = named(inv(), "db-instance");
    const resources = mutate(inv(), "db-instance", (i) => {
      i.settings.availabilityType = "ZONAL";
      i.encryptionKeyName = UNKNOWN;
    });
    const findings = runGuards({ resources, profile: "prod", steps: [step("delete", db, db.inputs)] });
    const s = summarizeFindings(findings);
    expect(s).toMatchObject({ blocking: 2, advisory: 2, info: 1, passed: false, total: 5 });
    expect(s.byRule).toMatchObject({
      "platform/data-loss": 1,
      "platform/prod-ha": 1,
      "platform/prod-cmek": 1,
    });
    expect(s.bySeverity.critical).toBe(1);
    expect(summarizeFindings([])).toMatchObject({ total: 0, blocking: 0, passed: true });
  });
});

describe("value readers", () => {
  it.each(OPAQUE)("treats %s as opaque", (_label, v) => {
    expect(isOpaque(v)).toBe(true);
    expect(read({ a: { b: v } }, "a.b")).toEqual({ kind: "opaque", path: "a.b" });
    expect(read({ a: v }, "a.b.c")).toEqual({ kind: "opaque", path: "a" });
  });

  it("reads set, absent and null values and array indices", () => {
    expect(read({ a: [{ b: 0 }] }, "a.0.b")).toEqual({ kind: "set", value: 0 });
    expect(read({ a: null }, "a.b")).toEqual({ kind: "absent" });
    expect(read({ a: { b: null } }, "a.b")).toEqual({ kind: "absent" });
    expect(read({ a: "x" }, "a.b")).toEqual({ kind: "absent" });
  });

  it("reads database flags", () => {
    const i = {
      settings: {
        databaseFlags: [
          { name: "a", value: "on" },
          { name: "b", value: UNKNOWN },
        ],
      },
    };
    expect(readFlag(i, "a")).toEqual({ kind: "set", value: "on" });
    expect(readFlag(i, "b").kind).toBe("opaque");
    expect(readFlag(i, "c")).toEqual({ kind: "absent" });
    expect(readFlag({ settings: {} }, "a")).toEqual({ kind: "absent" });
  });

  it("reads grants from members, bindings and policy documents", () => {
    expect(iamGrants({ role: "r", member: "allUsers" }).grants).toEqual([{ role: "r", member: "allUsers" }]);
    expect(iamGrants({ role: "r", members: ["a", UNKNOWN] })).toEqual({
      grants: [{ role: "r", member: "a" }],
      opaque: ["members"],
    });
    const policyData = JSON.stringify({
      bindings: [{ role: "roles/owner", members: ["user:a", "allUsers"] }],
    });
    expect(iamGrants({ policyData }).grants).toEqual([
      { role: "roles/owner", member: "user:a" },
      { role: "roles/owner", member: "allUsers" },
    ]);
    expect(iamGrants({ policyData: "[secret]" }).opaque).toEqual(["policyData"]);
    expect(iamGrants({ policyData: "not json" }).grants).toEqual([]);
  });

  it("matches URNs exactly or by trailing *", () => {
    expect(matchesUrn("urn:a::b", ["urn:a::b"])).toBe(true);
    expect(matchesUrn("urn:a::b", ["urn:a::*"])).toBe(true);
    expect(matchesUrn("urn:a::b", ["urn:a"])).toBe(false);
    expect(matchesUrn("urn:a::b", undefined)).toBe(false);
  });

  it("reads durations", () => {
    expect(seconds("7776000s")).toBe(7_776_000);
    expect(seconds(86_400)).toBe(86_400);
    expect(seconds("90d")).toBeUndefined();
  });
});
