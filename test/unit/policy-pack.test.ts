import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { RULES, RULES_BY_ID } from "../../plan/guards/registry";
import { runGuards } from "../../plan/guards/run";
import type { GuardResource } from "../../plan/guards/types";
import { UNKNOWN } from "../../plan/model";
import {
  PACK_NAME,
  PROFILE_STACK_TAG,
  buildPolicies,
  policyName,
  resolveProfile,
} from "../../policy/policies";
import { RULE_CASES } from "./guard-cases";
import { carefulInventory, mutate } from "./guard-fixtures";
import { runPolicy } from "../support/policy-harness";

const POLICY_DIR = join(__dirname, "..", "..", "policy");

const POLICY_RULES = RULES.filter((r) => r.scope !== "step");
const policiesFor = (profile: "dev" | "staging" | "prod") =>
  new Map(buildPolicies({ profile }).map((p) => [p.name, p] as const));

describe("policy objects", () => {
  it("one policy per resource and stack rule; step rules (data loss) stay in platform review", () => {
    const policies = buildPolicies({ profile: "prod" });
    expect(policies.map((p) => p.name).sort()).toEqual(POLICY_RULES.map((r) => policyName(r.id)).sort());
    expect(policies.some((p) => p.name.startsWith("platform-data-loss"))).toBe(false);
  });

  it("uses valid, unique policy names and carries refs as tags and CIS as framework", () => {
    const policies = buildPolicies({ profile: "prod" });
    expect(new Set(policies.map((p) => p.name)).size).toBe(policies.length);
    for (const p of policies) {
      expect(p.name).toMatch(/^[a-zA-Z0-9-_.]{1,100}$/);
      expect(p.name).not.toBe("all");
      expect(Object.keys(p.configSchema?.properties ?? {})).not.toContain("enforcementLevel");
    }
    const ssl = policies.find((p) => p.name === "gcp-sql-ssl-required");
    expect(ssl?.tags).toEqual(["AVD-GCP-0015", "KICS 02474449", "CIS 6.4", "L1", "security"]);
    expect(ssl?.framework).toMatchObject({
      name: "CIS Google Cloud Platform Foundation Benchmark",
      version: "2.0.0",
      reference: "CIS 6.4",
    });
    expect(ssl?.remediationSteps).toContain("ENCRYPTED_ONLY");
  });

  it.each([
    [
      "dev",
      {
        "gcp-pg-log-connections": "advisory",
        "gcp-sql-ssl-required": "mandatory",
        "platform-prod-ha": "advisory",
      },
    ],
    [
      "staging",
      {
        "gcp-pg-log-connections": "mandatory",
        "gcp-pg-log-statement": "advisory",
        "platform-prod-ha": "advisory",
      },
    ],
    [
      "prod",
      {
        "gcp-pg-log-statement": "mandatory",
        "gcp-sql-ssl-client-certificates": "advisory",
        "platform-prod-ha": "mandatory",
      },
    ],
  ] as const)("sets static enforcement levels from the %s profile (never disabled)", (profile, expected) => {
    const policies = policiesFor(profile);
    for (const [name, level] of Object.entries(expected))
      expect(policies.get(name)?.enforcementLevel, name).toBe(level);
    for (const p of policies.values()) expect(p.enforcementLevel).not.toBe("disabled");
  });
});

describe.each(
  RULE_CASES.filter((c) => RULES_BY_ID.get(c.rule)?.scope !== "step").map((c) => [c.rule, c] as const),
)("%s as a policy", (rule, c) => {
  const policy = policiesFor("prod").get(policyName(rule))!;
  const config = { profile: "prod" } as const;
  const expected = (resources: readonly GuardResource[]) =>
    runGuards({ resources, profile: "prod", rules: [rule] })
      .filter((f) => f.severity !== "info")
      .map((f) => ({
        message: f.message,
        ...(f.urn !== undefined ? { urn: f.urn } : {}),
        level: f.blocking ? "mandatory" : "advisory",
      }));

  it("reports the same violations as runGuards on the failing fixture", () => {
    const resources = c.fail().resources!;
    const got = runPolicy(policy, resources, config);
    expect(got.length).toBeGreaterThan(0);
    expect(got).toEqual(expected(resources));
  });

  it("reports nothing on the passing fixture", () => {
    const resources = c.pass?.().resources ?? carefulInventory("prod");
    expect(runPolicy(policy, resources, config)).toEqual(expected(resources));
    if (!RULES_BY_ID.get(rule)?.advisoryOnly) expect(runPolicy(policy, resources, config)).toEqual([]);
  });
});

describe("profile at validation time", () => {
  const weak = mutate(
    carefulInventory("prod"),
    "db-instance",
    (i) => (i.settings.availabilityType = "ZONAL"),
  );
  const db = weak.filter((r) => r.name === "db-instance");

  it("a policy built for prod reports nothing when the stack resolves to dev, and downgrades in staging", () => {
    const policy = policiesFor("prod").get("platform-prod-ha")!;
    expect(runPolicy(policy, db, { profile: "dev" })).toEqual([]);
    expect(runPolicy(policy, db, { profile: "staging" }).map((v) => v.level)).toEqual(["advisory"]);
    expect(runPolicy(policy, db, { profile: "prod" }).map((v) => v.level)).toEqual(["mandatory"]);
  });

  it("a policy built for dev still blocks when the stack resolves to prod (object-form violation)", () => {
    const policy = policiesFor("dev").get("gcp-pg-log-connections")!;
    const bad = mutate(carefulInventory("prod"), "db-instance", (i) => (i.settings.databaseFlags = []));
    expect(policy.enforcementLevel).toBe("advisory");
    expect(runPolicy(policy, bad, { profile: "prod" }).map((v) => v.level)).toEqual(["mandatory"]);
  });

  it("reports an explicitly public service's invoker as advisory inside a mandatory policy", () => {
    const open = mutate(
      mutate(carefulInventory("prod"), "api-invoker-lb", (i) => (i.member = "allUsers")),
      "api-service",
      (i) => (i.labels.exposure = "public"),
    );
    const policy = policiesFor("prod").get("gcp-run-no-public-invoker")!;
    expect(policy.enforcementLevel).toBe("mandatory");
    expect(runPolicy(policy, open, { profile: "prod" }).map((v) => v.level)).toEqual(["advisory"]);
    expect(runPolicy(policy, open, { profile: "prod", publicServices: [] }).map((v) => v.level)).toEqual([
      "advisory",
    ]);
  });

  it("takes publicServices from policy config", () => {
    const open = mutate(carefulInventory("prod"), "api-invoker-lb", (i) => (i.member = "allUsers"));
    const policy = policiesFor("prod").get("gcp-run-no-public-invoker")!;
    const svc = open.find((r) => r.name === "api-service")!;
    expect(runPolicy(policy, open, { profile: "prod" }).map((v) => v.level)).toEqual(["mandatory"]);
    expect(
      runPolicy(policy, open, { profile: "prod", publicServices: [svc.urn] }).map((v) => v.level),
    ).toEqual(["advisory"]);
  });

  it("does not report 'cannot verify' notes as violations", () => {
    const unknown = mutate(carefulInventory("prod"), "cache-redis", (i) => (i.authEnabled = UNKNOWN));
    const policy = policiesFor("prod").get("gcp-redis-auth")!;
    expect(runPolicy(policy, unknown, { profile: "prod" })).toEqual([]);
  });
});

describe("resolveProfile", () => {
  const urn = (stack: string) => `urn:pulumi:${stack}::platform::gcp:redis/instance:Instance::cache`;
  it.each([
    [
      "policy config first",
      { getConfig: () => ({ profile: "dev" }), env: { PLATFORM_PROFILE: "prod" }, urn: urn("prod") },
      "dev",
      "policy config",
    ],
    [
      "then PLATFORM_PROFILE",
      { env: { PLATFORM_PROFILE: "staging" }, urn: urn("prod") },
      "staging",
      "PLATFORM_PROFILE",
    ],
    [
      "then the stack tag",
      { env: {}, stackTags: new Map([[PROFILE_STACK_TAG, "dev"]]), urn: urn("prod") },
      "dev",
      `stack tag ${PROFILE_STACK_TAG}`,
    ],
    ["then the stack name", { env: {}, urn: urn("staging") }, "staging", "stack name"],
    ["else prod", { env: {}, urn: urn("eu-west") }, "prod", "default (prod, the strictest)"],
    ["with nothing at all", { env: {} }, "prod", "default (prod, the strictest)"],
  ] as const)("%s", (_label, inputs, profile, source) => {
    expect(resolveProfile(inputs)).toEqual({ profile, source });
  });

  it("rejects a bad profile naming where it came from", () => {
    expect(() => resolveProfile({ env: { PLATFORM_PROFILE: "production" } })).toThrow(
      /PLATFORM_PROFILE must be one of dev, staging, prod, got "production"/,
    );
    expect(() => resolveProfile({ getConfig: () => ({ profile: 3 }), env: {} })).toThrow(
      /policy config profile/,
    );
  });
});

describe("pack files", () => {
  it("PulumiPolicy.yaml declares the nodejs runtime", () => {
    const doc = parse(readFileSync(join(POLICY_DIR, "PulumiPolicy.yaml"), "utf8")) as Record<string, unknown>;
    expect(doc["runtime"]).toBe("nodejs");
  });

  it("package.json has a version, depends on @pulumi/policy and points at the compiled entry", () => {
    const pkg = JSON.parse(readFileSync(join(POLICY_DIR, "package.json"), "utf8")) as Record<string, any>;
    expect(pkg["version"]).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg["dependencies"]["@pulumi/policy"]).toBeDefined();
    expect(pkg["main"]).toBe("../dist/policy/index.js");
  });

  it("index.ts constructs the pack from buildPolicies (read as text: importing it would start a gRPC server)", () => {
    const src = readFileSync(join(POLICY_DIR, "index.ts"), "utf8");
    expect(src).toMatch(/new PolicyPack\(PACK_NAME,/);
    expect(src).toContain("policies: buildPolicies()");
    expect(PACK_NAME).toMatch(/^[a-zA-Z0-9-_.]{1,100}$/);
  });
});
