"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ProfileSource = exports.PROFILE_STACK_TAG = exports.POLICY_ENV = exports.PACK_NAME = void 0;
exports.resolveProfile = resolveProfile;
exports.policyName = policyName;
exports.toGuardResource = toGuardResource;
exports.resourcePolicy = resourcePolicy;
exports.stackPolicy = stackPolicy;
exports.buildPolicies = buildPolicies;
const errors_1 = require("../components/shared/errors");
const profiles_1 = require("../components/shared/profiles");
const model_1 = require("../plan/model");
const registry_1 = require("../plan/guards/registry");
const run_1 = require("../plan/guards/run");
const types_1 = require("../plan/guards/types");
/** The pack name (`pulumi preview --policy-pack policy` shows it). */
exports.PACK_NAME = "platform";
/** Environment variables the pack reads. */
exports.POLICY_ENV = {
    /** `dev` | `staging` | `prod`: the profile when policy config does not give one. */
    profile: "PLATFORM_PROFILE",
    /** Comma-separated URNs (or `*` prefixes) of Cloud Run services that are public on purpose. */
    publicServices: "PLATFORM_PUBLIC_SERVICES",
};
/** The stack tag that can carry the profile (Pulumi Cloud stacks). */
exports.PROFILE_STACK_TAG = "platform:profile";
/** Where the profile came from, for docs and debugging. */
exports.ProfileSource = {
    config: "policy config",
    env: exports.POLICY_ENV.profile,
    stackTag: `stack tag ${exports.PROFILE_STACK_TAG}`,
    stackName: "stack name",
    default: "default (prod, the strictest)",
};
function asProfile(value, source) {
    if (typeof value === "string" && profiles_1.PROFILES.includes(value))
        return value;
    throw new errors_1.PlatformError(`platform policy pack: ${source} must be one of ${profiles_1.PROFILES.join(", ")}, got ${JSON.stringify(value)}`);
}
function safeConfig(getConfig) {
    if (!getConfig)
        return {};
    try {
        return getConfig();
    }
    catch {
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
function resolveProfile(inputs = {}) {
    const env = inputs.env ?? process.env;
    const config = safeConfig(inputs.getConfig);
    if (config.profile !== undefined)
        return { profile: asProfile(config.profile, "policy config profile"), source: exports.ProfileSource.config };
    const fromEnv = env[exports.POLICY_ENV.profile];
    if (fromEnv !== undefined && fromEnv !== "")
        return { profile: asProfile(fromEnv, exports.POLICY_ENV.profile), source: exports.ProfileSource.env };
    const tag = inputs.stackTags?.get(exports.PROFILE_STACK_TAG);
    if (tag !== undefined)
        return { profile: asProfile(tag, `stack tag ${exports.PROFILE_STACK_TAG}`), source: exports.ProfileSource.stackTag };
    const stack = inputs.urn !== undefined ? (0, model_1.parseUrn)(inputs.urn)?.stack : undefined;
    if (stack !== undefined && profiles_1.PROFILES.includes(stack))
        return { profile: stack, source: exports.ProfileSource.stackName };
    return { profile: profiles_1.Profile.prod, source: exports.ProfileSource.default };
}
/**
 * A rule id as a CrossGuard policy name (`gcp/sql-ssl-required` → `gcp-sql-ssl-required`).
 *
 * @example
 * ```ts
 * policyName("platform/prod-ha"); // "platform-prod-ha"
 * ```
 */
function policyName(ruleId) {
    return ruleId.replaceAll("/", "-");
}
/** The CrossGuard level of an enforcement; never `disabled`, so runtime profile resolution still runs. */
function level(enforcement) {
    return enforcement === types_1.Enforcement.mandatory ? "mandatory" : "advisory";
}
/**
 * Reports findings as violations. Info findings ("cannot verify until apply") are not reported:
 * CrossGuard already downgrades a policy that reads an unknown value during preview. A finding
 * whose blocking differs from the policy's static level is reported in the server's object form
 * with its own enforcement level.
 */
function report(findings, policyLevel, reportViolation) {
    for (const f of findings) {
        if (f.severity === "info")
            continue;
        const wanted = f.blocking ? "mandatory" : "advisory";
        if (wanted === policyLevel)
            reportViolation(f.message, f.urn);
        else
            reportViolation({
                message: f.message,
                ...(f.urn !== undefined ? { urn: f.urn } : {}),
                enforcementLevel: wanted,
            });
    }
}
function contextFor(inputs, resources) {
    const env = inputs.env ?? process.env;
    const config = safeConfig(inputs.getConfig);
    const fromEnv = env[exports.POLICY_ENV.publicServices]
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
function toGuardResource(r) {
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
        profile: { type: "string", enum: [...profiles_1.PROFILES] },
        publicServices: { type: "array", items: { type: "string" } },
    },
};
function common(rule, staticProfile) {
    return {
        name: policyName(rule.id),
        description: rule.description,
        enforcementLevel: level((0, types_1.enforcementFor)(rule, staticProfile)),
        severity: rule.severity === "info" ? "low" : rule.severity,
        tags: [...rule.refs, rule.level, rule.category],
        remediationSteps: rule.remediation,
        configSchema: CONFIG_SCHEMA,
        ...(rule.url !== undefined ? { url: rule.url } : {}),
        ...(rule.refs.some((r) => r.startsWith("CIS "))
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
function resourcePolicy(rule, staticProfile) {
    const base = common(rule, staticProfile);
    return {
        ...base,
        validateResource(args, reportViolation) {
            if (!rule.appliesTo.includes(args.type))
                return;
            const subject = toGuardResource(args);
            const ctx = contextFor({ getConfig: () => args.getConfig(), stackTags: args.stackTags, urn: args.urn }, [subject]);
            report((0, run_1.evaluateResourceRule)(rule, subject, ctx), base.enforcementLevel, reportViolation);
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
function stackPolicy(rule, staticProfile) {
    const base = common(rule, staticProfile);
    return {
        ...base,
        validateStack(args, reportViolation) {
            const resources = args.resources.map((r) => toGuardResource(r));
            const ctx = contextFor({
                getConfig: () => args.getConfig(),
                stackTags: args.stackTags,
                ...(resources[0] ? { urn: resources[0].urn } : {}),
            }, resources);
            report((0, run_1.evaluateStackRule)(rule, resources, ctx), base.enforcementLevel, reportViolation);
        },
    };
}
/**
 * Builds the pack's policies. Step rules (data loss) are left out: CrossGuard sees resources,
 * not operations, so replacements and deletes are caught by `platform review` instead.
 *
 * @example
 * ```ts
 * const policies = buildPolicies({ profile: "prod" });
 * ```
 */
function buildPolicies(options = {}) {
    const staticProfile = options.profile ?? resolveProfile({ env: options.env ?? process.env }).profile;
    const out = [];
    for (const rule of options.rules ?? registry_1.RULES) {
        if (rule.scope === types_1.Scope.resource)
            out.push(resourcePolicy(rule, staticProfile));
        else if (rule.scope === types_1.Scope.stack)
            out.push(stackPolicy(rule, staticProfile));
    }
    return out;
}
//# sourceMappingURL=policies.js.map