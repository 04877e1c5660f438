/**
 * The CrossGuard policies, built from the same rule objects as plan/guards. This module never
 * constructs a PolicyPack (that starts a gRPC server): tests call each policy's
 * `validateResource` / `validateStack` directly. policy/index.ts serves them.
 */
import type { ReportViolation, ResourceValidationArgs, ResourceValidationPolicy, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { Profile } from "../components/shared/profiles";
import { type GuardResource, type ResourceRule, type Rule, type StackRule } from "../plan/guards/types";
/** The pack name (`pulumi preview --policy-pack policy` shows it). */
export declare const PACK_NAME = "platform";
/** Environment variables the pack reads. */
export declare const POLICY_ENV: {
    /** `dev` | `staging` | `prod`: the profile when policy config does not give one. */
    readonly profile: "PLATFORM_PROFILE";
    /** Comma-separated URNs (or `*` prefixes) of Cloud Run services that are public on purpose. */
    readonly publicServices: "PLATFORM_PUBLIC_SERVICES";
};
/** The stack tag that can carry the profile (Pulumi Cloud stacks). */
export declare const PROFILE_STACK_TAG = "platform:profile";
/** Per-policy config (`--policy-pack-config`), the same schema for every policy. */
export interface PlatformPolicyConfig {
    readonly profile?: Profile;
    readonly publicServices?: readonly string[];
}
/** Where the profile came from, for docs and debugging. */
export declare const ProfileSource: {
    readonly config: "policy config";
    readonly env: "PLATFORM_PROFILE";
    readonly stackTag: "stack tag platform:profile";
    readonly stackName: "stack name";
    readonly default: "default (prod, the strictest)";
};
/** A profile source. */
export type ProfileSource = (typeof ProfileSource)[keyof typeof ProfileSource];
/** What {@link resolveProfile} reads. */
export interface ProfileInputs {
    readonly getConfig?: () => object;
    readonly stackTags?: ReadonlyMap<string, string>;
    /** Any URN of the stack (its stack name is the environment). */
    readonly urn?: string;
    readonly env?: Readonly<Record<string, string | undefined>>;
}
/**
 * The profile a policy enforces. The stack's `platform:environment.profile` is not visible to
 * policies (@pulumi/policy 1.21 receives only stack tags), so, in order: policy config
 * `profile`, `PLATFORM_PROFILE`, stack tag `platform:profile`, the stack name when it is a
 * profile name, else prod.
 *
 * @example
 * ```ts
 * resolveProfile({ urn: "urn:pulumi:staging::platform::gcp:redis/instance:Instance::cache", env: {} }); // { profile: "staging", source: "stack name" }
 * ```
 */
export declare function resolveProfile(inputs?: ProfileInputs): {
    profile: Profile;
    source: ProfileSource;
};
/**
 * A rule id as a CrossGuard policy name (`gcp/sql-ssl-required` → `gcp-sql-ssl-required`).
 *
 * @example
 * ```ts
 * policyName("platform/prod-ha"); // "platform-prod-ha"
 * ```
 */
export declare function policyName(ruleId: string): string;
/**
 * A CrossGuard resource as a guard subject (props are inputs for resource policies, outputs for
 * stack policies; the rules read names both share).
 *
 * @example
 * ```ts
 * toGuardResource(args).inputs === args.props; // true
 * ```
 */
export declare function toGuardResource(r: Pick<ResourceValidationArgs, "urn" | "type" | "name" | "props"> & {
    opts?: {
        protect?: boolean;
        parent?: string;
    };
    parent?: {
        urn: string;
    };
}): GuardResource;
/**
 * The resource policy for a resource rule: `validateResource` dispatches on `args.type`.
 *
 * @example
 * ```ts
 * const policy = resourcePolicy(REDIS_AUTH, "prod");
 * policy.validateResource(args, (message) => violations.push(message));
 * ```
 */
export declare function resourcePolicy(rule: ResourceRule, staticProfile: Profile): Omit<ResourceValidationPolicy, "validateResource"> & {
    validateResource: (args: ResourceValidationArgs, report: ReportViolation) => void;
};
/**
 * The stack policy for a stack rule.
 *
 * @example
 * ```ts
 * stackPolicy(AUDIT_LOGS_ALL_SERVICES, "prod").validateStack(args, report);
 * ```
 */
export declare function stackPolicy(rule: StackRule, staticProfile: Profile): Omit<StackValidationPolicy, "validateStack"> & {
    validateStack: (args: StackValidationArgs, report: ReportViolation) => void;
};
/** A policy built from a guard rule. */
export type PlatformPolicy = ReturnType<typeof resourcePolicy> | ReturnType<typeof stackPolicy>;
/**
 * Builds the pack's policies. Step rules (data loss) are left out: CrossGuard sees resources,
 * not operations, so replacements and deletes are caught by `platform review` instead.
 *
 * @example
 * ```ts
 * const policies = buildPolicies({ profile: "prod" });
 * ```
 */
export declare function buildPolicies(options?: {
    profile?: Profile;
    rules?: readonly Rule[];
    env?: Readonly<Record<string, string | undefined>>;
}): PlatformPolicy[];
