import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { runPolicy as runProdPolicy } from "../support/policy-harness";
import { AWS_RULES, RULES_BY_ID } from "../../plan/guards/registry";
import { runGuards } from "../../plan/guards/run";
import type { GuardResource } from "../../plan/guards/types";
import { buildPolicies, policyName, resolveProfile, type PlatformPolicy } from "../../policy/policies";
import { AWS_RULE_CASES, carefulAwsProd } from "./aws-guard-cases";

const config = { profile: "prod" } as const;
const runPolicy = (policy: PlatformPolicy, resources: readonly GuardResource[]) =>
  runProdPolicy(policy, resources, config);

const policies = new Map(buildPolicies({ profile: "prod" }).map((p) => [p.name, p] as const));

describe("AWS rules in the CrossGuard pack", () => {
  it("has one policy per AWS rule, with the scanner ids as tags", () => {
    for (const r of AWS_RULES) {
      const p = policies.get(policyName(r.id));
      expect(p, r.id).toBeDefined();
      expect(p!.tags).toEqual([...r.refs, r.level, r.category]);
    }
    expect(policies.get("aws-cis-alarm-root-usage")?.framework).toMatchObject({
      name: "CIS Amazon Web Services Foundations Benchmark",
      reference: "CIS AWS 4.3",
    });
  });

  it("reads the profile from aws-<profile> stack names", () => {
    expect(resolveProfile({ urn: "urn:pulumi:aws-dev::platform::aws:kms/key:Key::k", env: {} })).toEqual({
      profile: "dev",
      source: "stack name",
    });
    expect(
      resolveProfile({ urn: "urn:pulumi:aws-nope::platform::aws:kms/key:Key::k", env: {} }).profile,
    ).toBe("prod");
  });
});

describe.each(AWS_RULE_CASES.map((c) => [c.rule, c] as const))("%s as a policy", (rule, c) => {
  const policy = policies.get(policyName(rule))!;
  const expected = (resources: readonly GuardResource[]) =>
    runGuards({ resources, profile: "prod", rules: [rule] })
      .filter((f) => f.severity !== "info")
      .map((f) => ({
        message: f.message,
        ...(f.urn !== undefined ? { urn: f.urn } : {}),
        level: f.blocking ? "mandatory" : "advisory",
      }));

  it("reports the same violations as runGuards on the failing fixture", () => {
    const resources = c.fail().resources;
    const got = runPolicy(policy, resources);
    expect(got.length).toBeGreaterThan(0);
    expect(got).toEqual(expected(resources));
  });

  it("reports nothing on the passing fixture", () => {
    const resources = (c.pass?.() ?? carefulAwsProd()).resources;
    expect(runPolicy(policy, resources)).toEqual([]);
    expect(RULES_BY_ID.has(rule)).toBe(true);
  });
});
