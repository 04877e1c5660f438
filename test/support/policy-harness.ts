/**
 * A test double of the CrossGuard analyzer: hand-built validation args for a guard inventory and a
 * policy run that records each violation with its effective level. Shared by the pack's tests for
 * every cloud.
 */
import type { PolicyResource, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import type { GuardResource } from "../../plan/guards/types";
import type { PlatformPolicy, PlatformPolicyConfig } from "../../policy/policies";

/** What a test double of the policy server records for one reportViolation call. */
export interface Reported {
  readonly message: string;
  readonly urn?: string;
  readonly level: "advisory" | "mandatory";
}

/** Hand-built ResourceValidationArgs (the model of pulumi-policy's own tests/util.ts). */
export function resourceArgs(r: GuardResource, config: PlatformPolicyConfig): ResourceValidationArgs {
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

export function stackArgs(
  resources: readonly GuardResource[],
  config: PlatformPolicyConfig,
): StackValidationArgs {
  return {
    resources: resources.map(
      (r) =>
        ({
          ...resourceArgs(r, config),
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

/** Runs a policy the way the analyzer would, collecting violations with their effective level. */
export function runPolicy(
  policy: PlatformPolicy,
  resources: readonly GuardResource[],
  config: PlatformPolicyConfig,
): Reported[] {
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
    for (const r of resources) policy.validateResource(resourceArgs(r, config), report);
  else policy.validateStack(stackArgs(resources, config), report);
  return out;
}
