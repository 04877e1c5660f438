import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { PEER_CHECKS, TABLE_1A } from "../../plan/guards/gcp/coverage";
import { RULES_BY_ID, SECURITY_RULES, GCP_RULES as RULES } from "../../plan/guards/registry";
import { checkInventory, runGuards } from "../../plan/guards/run";
import { Category, Level } from "../../plan/guards/types";
import { RULE_CASES } from "./guard-cases";
import { carefulInventory } from "./guard-fixtures";

const violations = (rule: string, input: Parameters<typeof runGuards>[0]) =>
  runGuards(input).filter((f) => f.id === rule && f.severity !== "info");

describe("rule registry", () => {
  it("has unique ids, each with a description, remediation and the types it reads", () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.description.length, r.id).toBeGreaterThan(20);
      expect(r.remediation.length, r.id).toBeGreaterThan(10);
      expect(r.appliesTo.length, r.id).toBeGreaterThan(0);
      for (const t of r.appliesTo)
        expect(t, r.id).toMatch(
          /^((gcp|aws):[a-zA-Z0-9]+\/[a-zA-Z0-9]+|kubernetes:[a-z0-9.-]+\/v[0-9a-z]+):[A-Za-z0-9]+$/,
        );
    }
  });

  it("counts 2 data-loss, 10 prod-profile and 49 security rules", () => {
    const count = (c: Category) => RULES.filter((r) => r.category === c).length;
    expect([count(Category.dataLoss), count(Category.prodProfile), count(Category.security)]).toEqual([
      2, 10, 49,
    ]);
    expect(SECURITY_RULES.every((r) => r.category === Category.security)).toBe(true);
  });

  it("gives prod-profile rules platform/prod-* ids and security rules gcp/* ids", () => {
    for (const r of RULES) {
      if (r.category === Category.prodProfile) expect(r.id).toMatch(/^platform\/prod-/);
      if (r.category === Category.security) expect(r.id).toMatch(/^gcp\//);
    }
  });

  it("has a failing and a passing case for every rule", () => {
    expect(RULE_CASES.map((c) => c.rule).sort()).toEqual(RULES.map((r) => r.id).sort());
  });
});

describe("reference table §1a coverage", () => {
  it("lists the 48 GCP rows in order", () => {
    expect(TABLE_1A.map((r) => r.row)).toEqual(Array.from({ length: 48 }, (_, i) => i + 1));
  });

  it.each(TABLE_1A.map((r) => [r.row, r] as const))(
    "row %i: its ids are the refs of its rules",
    (_row, row) => {
      const refs = new Set(row.rules.flatMap((id) => RULES_BY_ID.get(id)?.refs ?? ["(missing rule)"]));
      for (const id of row.rules) expect(RULES_BY_ID.has(id), id).toBe(true);
      for (const id of row.ids) expect(refs.has(id), `${id} in refs of ${row.rules.join(", ")}`).toBe(true);
    },
  );

  it("maps every security rule to at least one row or peer check", () => {
    const mapped = new Set([...TABLE_1A, ...PEER_CHECKS].flatMap((r) => r.rules));
    expect(SECURITY_RULES.filter((r) => !mapped.has(r.id)).map((r) => r.id)).toEqual([]);
  });

  it("keeps the scanners' disagreement: CKV_GCP_6 advisory, AVD-GCP-0015 enforced", () => {
    expect(RULES_BY_ID.get("gcp/sql-ssl-client-certificates")?.advisoryOnly).toBe(true);
    expect(RULES_BY_ID.get("gcp/sql-ssl-required")?.advisoryOnly).toBeUndefined();
  });
});

describe("peer checks (Checkov ids outside table §1a)", () => {
  it.each(PEER_CHECKS.map((c) => [c.ids.join(", "), c] as const))(
    "%s: its ids are the refs of its rules",
    (_ids, c) => {
      const refs = new Set(c.rules.flatMap((id) => RULES_BY_ID.get(id)?.refs ?? ["(missing rule)"]));
      for (const id of c.ids) expect(refs.has(id), id).toBe(true);
    },
  );
});

describe.each(RULE_CASES.map((c) => [c.rule, c] as const))("%s", (rule, c) => {
  it("reports the failing fixture", () => {
    const found = violations(rule, { ...c.fail(), profile: "prod" });
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.message.length).toBeGreaterThan(30);
      const existence = (RULES_BY_ID.get(rule) as { existence?: boolean } | undefined)?.existence === true;
      if (existence) expect(f.urn).toBeUndefined();
      else expect(f.urn).toMatch(/^urn:pulumi:prod::platform::/);
      expect(f.refs).toEqual(RULES_BY_ID.get(rule)?.refs);
    }
  });

  it("passes the passing fixture", () => {
    const input = c.pass?.() ?? { resources: carefulInventory("prod") };
    expect(violations(rule, { ...input, profile: "prod" })).toEqual([]);
  });
});

describe("the careful inventory", () => {
  it("passes every rule in prod: nothing blocks, only advisory-only readings are reported", () => {
    const result = checkInventory(carefulInventory("prod"), "prod");
    expect(result.blocking).toEqual([]);
    expect(result.unverified).toEqual([]);
    expect(result.failedRules).toEqual([]);
    expect([...new Set(result.advisory.map((f) => f.id))].sort()).toEqual([
      "gcp/sql-ssl-client-certificates",
    ]);
    expect(result.passed).toBe(true);
  });

  it("passes every L1 rule in dev (prod invariants relaxed, L2 hygiene advisory)", () => {
    const result = checkInventory(carefulInventory("dev"), "dev");
    expect(result.passed).toBe(true);
    expect(result.failedRules.filter((r) => r.level === Level.L1)).toEqual([]);
    expect(result.failedRules.map((r) => r.id)).toEqual(["gcp/kms-prevent-destroy"]);
  });

  it("the dev inventory would block in prod on exactly the prod invariants and L2 protections", () => {
    const result = checkInventory(carefulInventory("dev"), "prod");
    expect([...new Set(result.blocking.map((f) => f.id))].sort()).toEqual([
      "gcp/kms-prevent-destroy",
      "platform/prod-backups",
      "platform/prod-cmek",
      "platform/prod-deletion-protection",
      "platform/prod-ha",
      "platform/prod-hsm",
      "platform/prod-pitr",
      "platform/prod-redis-tier",
      "platform/prod-run-min-instances",
    ]);
  });
});
