/**
 * The CrossGuard policies, built from the same rule objects as plan/guards. This module never
 * constructs a PolicyPack (that starts a gRPC server): tests call each policy's
 * `validateResource` / `validateStack` directly. policy/index.ts serves them.
 */
import type {
  EnforcementLevel,
  PolicyResource,
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import { PlatformError } from "../components/shared/errors";
import { PROFILES, Profile } from "../components/shared/profiles";
import type { Finding } from "../plan/model";
import { parseUrn } from "../plan/model";
import { RULES } from "../plan/guards/registry";
import { evaluateResourceRule, evaluateStackRule } from "../plan/guards/run";
import {
  Enforcement,
  Scope,
  enforcementFor,
  type GuardContext,
  type GuardResource,
  type ResourceRule,
  type Rule,
  type StackRule,
} from "../plan/guards/types";

/**
 * The pack name (`pulumi preview --policy-pack policy` shows it).
 *
 * @example
 * ```ts
 * new PolicyPack(PACK_NAME, { policies: buildPolicies() });
 * ```
 */
export const PACK_NAME = "platform";

/**
 * Environment variables the pack reads.
 *
 * @example
 * ```ts
 * process.env[POLICY_ENV.profile] = "staging";
 * ```
 */
export const POLICY_ENV = {
  /** `dev` | `staging` | `prod`: the profile when policy config does not give one. */
  profile: "PLATFORM_PROFILE",
  /** Comma-separated URNs (or `*` prefixes) of Cloud Run services that are public on purpose. */
  publicServices: "PLATFORM_PUBLIC_SERVICES",
} as const;

/**
 * The stack tag that can carry the profile (Pulumi Cloud stacks).
 *
 * @example
 * ```sh
 * pulumi stack tag set platform:profile prod  # read as stackTags.get(PROFILE_STACK_TAG)
 * ```
 */
export const PROFILE_STACK_TAG = "platform:profile";

/**
 * Per-policy config (`--policy-pack-config`), the same schema for every policy.
 *
 * @example
 * ```ts
 * // policy-config.json for `pulumi preview --policy-pack policy --policy-pack-config policy-config.json`
 * const config: PlatformPolicyConfig = { profile: "prod", publicServices: ["urn:pulumi:prod::platform::*::web-service"] };
 * ```
 */
export interface PlatformPolicyConfig {
  readonly profile?: Profile;
  readonly publicServices?: readonly string[];
}

/**
 * Where the profile came from, for docs and debugging.
 *
 * @example
 * ```ts
 * resolveProfile({ env: {} }).source === ProfileSource.default; // true
 * ```
 */
export const ProfileSource = {
  config: "policy config",
  env: POLICY_ENV.profile,
  stackTag: `stack tag ${PROFILE_STACK_TAG}`,
  stackName: "stack name",
  default: "default (prod, the strictest)",
} as const;
/** A profile source. */
export type ProfileSource = (typeof ProfileSource)[keyof typeof ProfileSource];

/**
 * What {@link resolveProfile} reads.
 *
 * @example
 * ```ts
 * const inputs: ProfileInputs = { urn: args.urn, stackTags: args.stackTags, getConfig: () => args.getConfig() };
 * ```
 */
export interface ProfileInputs {
  readonly getConfig?: () => object;
  readonly stackTags?: ReadonlyMap<string, string>;
  /** Any URN of the stack (its stack name is the environment). */
  readonly urn?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

function asProfile(value: unknown, source: string): Profile {
  if (typeof value === "string" && (PROFILES as readonly string[]).includes(value)) return value as Profile;
  throw new PlatformError(
    `platform policy pack: ${source} must be one of ${PROFILES.join(", ")}, got ${JSON.stringify(value)}`,
  );
}

function safeConfig(getConfig: (() => object) | undefined): PlatformPolicyConfig {
  if (!getConfig) return {};
  try {
    return getConfig();
  } catch {
    return {};
  }
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
export function resolveProfile(inputs: ProfileInputs = {}): { profile: Profile; source: ProfileSource } {
  const env = inputs.env ?? process.env;
  const config = safeConfig(inputs.getConfig);
  if (config.profile !== undefined)
    return { profile: asProfile(config.profile, "policy config profile"), source: ProfileSource.config };
  const fromEnv = env[POLICY_ENV.profile];
  if (fromEnv !== undefined && fromEnv !== "")
    return { profile: asProfile(fromEnv, POLICY_ENV.profile), source: ProfileSource.env };
  const tag = inputs.stackTags?.get(PROFILE_STACK_TAG);
  if (tag !== undefined)
    return { profile: asProfile(tag, `stack tag ${PROFILE_STACK_TAG}`), source: ProfileSource.stackTag };
  const stack = inputs.urn !== undefined ? parseUrn(inputs.urn)?.stack : undefined;
  // `aws-prod`, `gcp-dev`, `k8s-staging`: the profile after a cloud prefix.
  const named = stack?.replace(/^(aws|gcp|k8s)-/, "");
  if (named !== undefined && (PROFILES as readonly string[]).includes(named))
    return { profile: named as Profile, source: ProfileSource.stackName };
  return { profile: Profile.prod, source: ProfileSource.default };
}

/**
 * A rule id as a CrossGuard policy name (`gcp/sql-ssl-required` → `gcp-sql-ssl-required`).
 *
 * @example
 * ```ts
 * policyName("platform/prod-ha"); // "platform-prod-ha"
 * ```
 */
export function policyName(ruleId: string): string {
  return ruleId.replaceAll("/", "-");
}

/** The CrossGuard level of an enforcement; never `disabled`, so runtime profile resolution still runs. */
function level(enforcement: Enforcement): EnforcementLevel {
  return enforcement === Enforcement.mandatory ? "mandatory" : "advisory";
}

/** The server's object form of a violation (policy server `makeReportViolationFun`). */
interface ViolationInfo {
  readonly message: string;
  readonly urn?: string;
  readonly enforcementLevel: EnforcementLevel;
}

/**
 * Reports findings as violations. Info findings ("cannot verify until apply") are not reported:
 * CrossGuard already downgrades a policy that reads an unknown value during preview. A finding
 * whose blocking differs from the policy's static level is reported in the server's object form
 * with its own enforcement level.
 */
function report(
  findings: readonly Finding[],
  policyLevel: EnforcementLevel,
  reportViolation: ReportViolation,
): void {
  for (const f of findings) {
    if (f.severity === "info") continue;
    const wanted: EnforcementLevel = f.blocking ? "mandatory" : "advisory";
    if (wanted === policyLevel) reportViolation(f.message, f.urn);
    else
      (reportViolation as unknown as (v: ViolationInfo) => void)({
        message: f.message,
        ...(f.urn !== undefined ? { urn: f.urn } : {}),
        enforcementLevel: wanted,
      });
  }
}

function contextFor(inputs: ProfileInputs, resources: readonly GuardResource[]): GuardContext {
  const env = inputs.env ?? process.env;
  const config = safeConfig(inputs.getConfig);
  const fromEnv = env[POLICY_ENV.publicServices]
    ?.split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const publicServices = [...(config.publicServices ?? []), ...(fromEnv ?? [])];
  return {
    profile: resolveProfile(inputs).profile,
    resources,
    ...(publicServices.length > 0 ? { publicServices } : {}),
  };
}

/**
 * A CrossGuard resource as a guard subject (props are inputs for resource policies, outputs for
 * stack policies; the rules read names both share).
 *
 * @example
 * ```ts
 * toGuardResource(args).inputs === args.props; // true
 * ```
 */
export function toGuardResource(
  r: Pick<ResourceValidationArgs, "urn" | "type" | "name" | "props"> & {
    opts?: { protect?: boolean; parent?: string };
    parent?: { urn: string };
  },
): GuardResource {
  const parent = r.parent?.urn ?? r.opts?.parent;
  return {
    urn: r.urn,
    type: r.type,
    name: r.name,
    inputs: r.props,
    ...(parent !== undefined ? { parent } : {}),
    ...(r.opts?.protect !== undefined ? { protect: r.opts.protect } : {}),
  };
}

const CONFIG_SCHEMA = {
  properties: {
    profile: { type: "string" as const, enum: [...PROFILES] },
    publicServices: { type: "array" as const, items: { type: "string" as const } },
  },
};

function common(rule: Rule, staticProfile: Profile) {
  return {
    name: policyName(rule.id),
    description: rule.description,
    enforcementLevel: level(enforcementFor(rule, staticProfile)),
    severity: rule.severity === "info" ? ("low" as const) : rule.severity,
    tags: [...rule.refs, rule.level, rule.category],
    remediationSteps: rule.remediation,
    configSchema: CONFIG_SCHEMA,
    ...(rule.url !== undefined ? { url: rule.url } : {}),
    ...(rule.refs.some((r) => r.startsWith("CIS AWS "))
      ? {
          framework: {
            name: "CIS Amazon Web Services Foundations Benchmark",
            version: "1.4.0",
            reference: rule.refs.filter((r) => r.startsWith("CIS AWS ")).join(", "),
            specification: rule.description,
          },
        }
      : rule.refs.some((r) => r.startsWith("CIS "))
        ? {
            framework: {
              name: "CIS Google Cloud Platform Foundation Benchmark",
              version: "2.0.0",
              reference: rule.refs.filter((r) => r.startsWith("CIS ")).join(", "),
              specification: rule.description,
            },
          }
        : {}),
  };
}

/**
 * The resource policy for a resource rule: `validateResource` dispatches on `args.type`.
 *
 * @example
 * ```ts
 * const policy = resourcePolicy(REDIS_AUTH, "prod");
 * policy.validateResource(args, (message) => violations.push(message));
 * ```
 */
export function resourcePolicy(
  rule: ResourceRule,
  staticProfile: Profile,
): Omit<ResourceValidationPolicy, "validateResource"> & {
  validateResource: (args: ResourceValidationArgs, report: ReportViolation) => void;
} {
  const base = common(rule, staticProfile);
  return {
    ...base,
    validateResource(args, reportViolation) {
      if (!rule.appliesTo.includes(args.type)) return;
      const subject = toGuardResource(args);
      const ctx = contextFor(
        { getConfig: () => args.getConfig(), stackTags: args.stackTags, urn: args.urn },
        [subject],
      );
      report(evaluateResourceRule(rule, subject, ctx), base.enforcementLevel, reportViolation);
    },
  };
}

/**
 * The stack policy for a stack rule.
 *
 * @example
 * ```ts
 * stackPolicy(AUDIT_LOGS_ALL_SERVICES, "prod").validateStack(args, report);
 * ```
 */
export function stackPolicy(
  rule: StackRule,
  staticProfile: Profile,
): Omit<StackValidationPolicy, "validateStack"> & {
  validateStack: (args: StackValidationArgs, report: ReportViolation) => void;
} {
  const base = common(rule, staticProfile);
  return {
    ...base,
    validateStack(args, reportViolation) {
      const resources = args.resources.map((r: PolicyResource) => toGuardResource(r));
      const ctx = contextFor(
        {
          getConfig: () => args.getConfig(),
          stackTags: args.stackTags,
          ...(resources[0] ? { urn: resources[0].urn } : {}),
        },
        resources,
      );
      report(evaluateStackRule(rule, resources, ctx), base.enforcementLevel, reportViolation);
    },
  };
}

/**
 * A policy built from a guard rule.
 *
 * @example
 * ```ts
 * const policies: PlatformPolicy[] = buildPolicies({ profile: "prod" });
 * ```
 */
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
export function buildPolicies(
  options: {
    profile?: Profile;
    rules?: readonly Rule[];
    env?: Readonly<Record<string, string | undefined>>;
  } = {},
): PlatformPolicy[] {
  const staticProfile = options.profile ?? resolveProfile({ env: options.env ?? process.env }).profile;
  const out: PlatformPolicy[] = [];
  for (const rule of options.rules ?? RULES) {
    if (rule.scope === Scope.resource) out.push(resourcePolicy(rule, staticProfile));
    else if (rule.scope === Scope.stack) out.push(stackPolicy(rule, staticProfile));
  }
  return out;
}
