import type { PolicyResource, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { AWS_RULES, RULES_BY_ID } from "../../plan/guards/registry";
import { runGuards } from "../../plan/guards/run";
import type { GuardResource } from "../../plan/guards/types";
import { buildPolicies, policyName, resolveProfile, type PlatformPolicy } from "../../policy/policies";
import { AWS_RULE_CASES, carefulAwsProd } from "./aws-guard-cases";

interface Reported {
  readonly message: string;
  readonly urn?: string;
  readonly level: "advisory" | "mandatory";
}

const config = { profile: "prod" } as const;

/** Hand-built ResourceValidationArgs (the model of pulumi-policy's tests/util.ts). */
function resourceArgs(r: GuardResource): ResourceValidationArgs {
  return {
    type: r.type,
    props: r.inputs as Record<string, any>,
    urn: r.urn,
    name: r.name,
    opts: {
      protect: r.protect ?? false,
      ignoreChanges: [],
      aliases: [],
      customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
      additionalSecretOutputs: [],
      ...(r.parent !== undefined ? { parent: r.parent } : {}),
    },
    stackTags: new Map(),
    isType: () => false,
    asType: () => undefined,
    getConfig: <T extends object>() => config as T,
    notApplicable: (reason?: string): never => {
      throw new Error(`not applicable: ${reason}`);
    },
  };
}

function stackArgs(resources: readonly GuardResource[]): StackValidationArgs {
  return {
    resources: resources.map(
      (r) =>
        ({
          ...resourceArgs(r),
          ...(r.parent !== undefined ? { parent: { urn: r.parent } } : {}),
          dependencies: [],
          propertyDependencies: {},
        }) as unknown as PolicyResource,
    ),
    stackTags: new Map(),
    getConfig: <T extends object>() => config as T,
    notApplicable: (reason?: string): never => {
      throw new Error(`not applicable: ${reason}`);
    },
  };
}

function runPolicy(policy: PlatformPolicy, resources: readonly GuardResource[]): Reported[] {
  const out: Reported[] = [];
  const level = policy.enforcementLevel as Reported["level"];
  const report = (message: unknown, urn?: string) => {
    if (typeof message === "object" && message !== null) {
      const m = message as { message: string; urn?: string; enforcementLevel: Reported["level"] };
      out.push({
        message: m.message,
        ...(m.urn !== undefined ? { urn: m.urn } : {}),
        level: m.enforcementLevel,
      });
    } else out.push({ message: String(message), ...(urn !== undefined ? { urn } : {}), level });
  };
  if ("validateResource" in policy)
    for (const r of resources) policy.validateResource(resourceArgs(r), report);
  else policy.validateStack(stackArgs(resources), report);
  return out;
}

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
