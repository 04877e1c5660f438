import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { runPolicy as runProdPolicy, type Reported } from "../support/policy-harness";
import { KUBERNETES_RULES } from "../../plan/guards/registry";
import { runGuards } from "../../plan/guards/run";
import type { GuardResource } from "../../plan/guards/types";
import { buildPolicies, policyName, resolveProfile, type PlatformPolicy } from "../../policy/policies";
import { K8S_RULE_CASES, carefulK8sProd } from "./k8s-guard-cases";

const config = { profile: "prod" } as const;
const runPolicy = (policy: PlatformPolicy, resources: readonly GuardResource[]) =>
  runProdPolicy(policy, resources, config);

const policies = new Map(buildPolicies({ profile: "prod" }).map((p) => [p.name, p] as const));

describe("Kubernetes rules in the CrossGuard pack", () => {
  it("has one policy per Kubernetes rule, with the scanner ids as tags", () => {
    for (const r of KUBERNETES_RULES) {
      const p = policies.get(policyName(r.id));
      expect(p, r.id).toBeDefined();
      expect(p!.tags).toEqual([...r.refs, r.level, r.category]);
    }
  });

  it("reads the profile from k8s-<profile> stack names", () => {
    expect(
      resolveProfile({ urn: "urn:pulumi:k8s-dev::platform::kubernetes:core/v1:Namespace::ns", env: {} }),
    ).toEqual({
      profile: "dev",
      source: "stack name",
    });
  });
});

describe.each(K8S_RULE_CASES.map((c) => [c.rule, c] as const))("%s as a policy", (rule, c) => {
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
    // runGuards orders findings; the pack reports them in resource order.
    const order = (xs: readonly Reported[]) => [...xs].sort((a, b) => a.message.localeCompare(b.message));
    expect(order(got)).toEqual(order(expected(resources) as Reported[]));
  });

  it("reports nothing on the passing fixture", () => {
    expect(runPolicy(policy, (c.pass?.() ?? carefulK8sProd()).resources)).toEqual([]);
  });
});
