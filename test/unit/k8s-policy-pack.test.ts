import type { PolicyResource, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { KUBERNETES_RULES } from "../../plan/guards/registry";
import { runGuards } from "../../plan/guards/run";
import type { GuardResource } from "../../plan/guards/types";
import { buildPolicies, policyName, resolveProfile, type PlatformPolicy } from "../../policy/policies";
import { K8S_RULE_CASES, carefulK8sProd } from "./k8s-guard-cases";

interface Reported {
  readonly message: string;
  readonly urn?: string;
  readonly level: "advisory" | "mandatory";
}

const config = { profile: "prod" } as const;

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
