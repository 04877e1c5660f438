/**
 * The shape of a guard rule and of what it inspects. Rules are plain objects with a pure `check`:
 * the same object runs over PlanSteps (review), synth inventories and inside the CrossGuard pack.
 */
import { Profile } from "../../components/shared/profiles";
import type { PlanStep, Severity } from "../model";
import { type Read } from "./values";
/** CIS-style benchmark level. L1 = baseline every environment should meet; L2 = defence in depth. */
export declare const Level: {
    readonly L1: "L1";
    readonly L2: "L2";
};
/** A rule level. */
export type Level = (typeof Level)[keyof typeof Level];
/** What a rule's violation does in a given profile (the CrossGuard enforcement levels we use). */
export declare const Enforcement: {
    readonly mandatory: "mandatory";
    readonly advisory: "advisory";
    readonly disabled: "disabled";
};
/** An enforcement level. */
export type Enforcement = (typeof Enforcement)[keyof typeof Enforcement];
/** Rule families, for grouping in reports and docs. */
export declare const Category: {
    readonly dataLoss: "data-loss";
    readonly prodProfile: "prod-profile";
    readonly security: "security";
};
/** A rule family. */
export type Category = (typeof Category)[keyof typeof Category];
/** How a rule looks at the world. */
export declare const Scope: {
    /** One resource's inputs at a time (CrossGuard `validateResource`). */
    readonly resource: "resource";
    /** The whole set of resources after the change (CrossGuard `validateStack`). */
    readonly stack: "stack";
    /** The plan's operations (replace, delete, old vs new); not expressible in CrossGuard. */
    readonly step: "step";
};
/** A rule scope. */
export type Scope = (typeof Scope)[keyof typeof Scope];
/**
 * One resource as guards see it: a synth inventory row, the new state of a PlanStep, or a
 * CrossGuard resource. `oldInputs` is set when the subject comes from a change.
 *
 * @example
 * ```ts
 * const r: GuardResource = { urn, type: "gcp:redis/instance:Instance", name: "cache", inputs: { tier: "STANDARD_HA" } };
 * ```
 */
export interface GuardResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly parent?: string;
    readonly inputs: Readonly<Record<string, unknown>>;
    readonly protect?: boolean;
    /** Inputs before the change, when the resource comes from an update or replace step. */
    readonly oldInputs?: Readonly<Record<string, unknown>>;
}
/**
 * A PlanStep, optionally with the protect flag before the change (parsers that can read it from
 * the engine's `old` state fill it; without it `protect` removal cannot be seen).
 *
 * @example
 * ```ts
 * const s: GuardStep = { ...step, oldProtect: true };
 * ```
 */
export type GuardStep = PlanStep & {
    readonly oldProtect?: boolean;
};
/**
 * Options every rule can read.
 *
 * @example
 * ```ts
 * const options: GuardOptions = { profile: "prod", allowDataLoss: ["urn:pulumi:prod::platform::*::cache"] };
 * ```
 */
export interface GuardOptions {
    /** The environment profile: decides which rules block. */
    readonly profile: Profile;
    /** URNs (or prefixes ending in `*`) whose data loss is acknowledged (`--allow-data-loss <urn>`). */
    readonly allowDataLoss?: readonly string[];
    /**
     * URNs (or prefixes ending in `*`) of Cloud Run services, or of their invoker grants, that are
     * public on purpose. A service labelled `exposure: public` counts as well.
     */
    readonly publicServices?: readonly string[];
    /**
     * The steps are not the whole stack (a targeted or filtered plan): skip rules that require
     * something to exist (audit config, log-metric alerts). @default false
     */
    readonly partialPlan?: boolean;
}
/** What a rule's check sees besides its subject. */
export interface GuardContext extends GuardOptions {
    /** Every resource after the change (for lookups such as "the service this grant targets"). */
    readonly resources: readonly GuardResource[];
}
/** One problem a rule found, before the engine turns it into a Finding. */
export interface RuleHit {
    /** What is wrong and what to change. */
    readonly message: string;
    /** The resource at fault; resource rules default to their subject. */
    readonly urn?: string;
    readonly type?: string;
    /** The value could not be read (unknown until apply, or a secret): info, never blocking. */
    readonly unverified?: boolean;
    /** Never blocking, whatever the profile (an acknowledged data loss, an explicitly public service). */
    readonly advisory?: boolean;
    /** Overrides the rule's severity for this hit. */
    readonly severity?: Severity;
}
interface RuleBase {
    /** Our id, e.g. `gcp/sql-ssl-required`. */
    readonly id: string;
    /** External ids (Checkov, trivy, KICS, CIS) this rule implements. */
    readonly refs: readonly string[];
    readonly severity: Severity;
    readonly level: Level;
    readonly category: Category;
    /** One line: what the rule requires. */
    readonly description: string;
    /** How to fix a violation. */
    readonly remediation: string;
    /** Resource type tokens the rule reads. */
    readonly appliesTo: readonly string[];
    /** Security-critical: mandatory even in dev when L1. */
    readonly critical?: boolean;
    /** Never blocks (a stricter reading we report but do not enforce). */
    readonly advisoryOnly?: boolean;
    /** Explicit enforcement per profile; wins over the level mapping. */
    readonly enforcement?: Readonly<Partial<Record<Profile, Enforcement>>>;
    /** Where the requirement comes from. */
    readonly url?: string;
}
/**
 * A rule over one resource at a time.
 *
 * @example
 * ```ts
 * const rule: ResourceRule = { scope: "resource", id: "gcp/redis-auth", ..., check: (r) => r.inputs["authEnabled"] === true ? [] : [{ message: "set authEnabled: true" }] };
 * ```
 */
export interface ResourceRule extends RuleBase {
    readonly scope: typeof Scope.resource;
    check(resource: GuardResource, ctx: GuardContext): readonly RuleHit[];
}
/**
 * A rule over every resource after the change.
 *
 * @example
 * ```ts
 * const rule: StackRule = { scope: "stack", existence: true, ..., check: (resources) => resources.some(isAuditConfig) ? [] : [{ message: "add an audit config" }] };
 * ```
 */
export interface StackRule extends RuleBase {
    readonly scope: typeof Scope.stack;
    /** Requires something to exist: skipped on partial plans. */
    readonly existence?: boolean;
    check(resources: readonly GuardResource[], ctx: GuardContext): readonly RuleHit[];
}
/**
 * A rule over the plan's operations.
 *
 * @example
 * ```ts
 * const rule: StepRule = { scope: "step", ..., check: (steps) => steps.filter((s) => s.op === "delete").map((s) => ({ message: "…", urn: s.urn })) };
 * ```
 */
export interface StepRule extends RuleBase {
    readonly scope: typeof Scope.step;
    check(steps: readonly GuardStep[], ctx: GuardContext): readonly RuleHit[];
}
/** Any guard rule. */
export type Rule = ResourceRule | StackRule | StepRule;
/**
 * The enforcement of a rule in a profile: an explicit `enforcement` entry wins; `advisoryOnly`
 * rules never block; otherwise prod = mandatory, staging = L1 mandatory, dev = L1 critical
 * mandatory, everything else advisory.
 *
 * @example
 * ```ts
 * enforcementFor({ level: "L2" } as Rule, "staging"); // "advisory"
 * ```
 */
export declare function enforcementFor(rule: Pick<RuleBase, "level" | "critical" | "advisoryOnly" | "enforcement">, profile: Profile): Enforcement;
/** Prod-only rules: blocking in prod, a heads-up in staging, silent in dev. */
export declare const PROD_ONLY: Readonly<Record<Profile, Enforcement>>;
/** Always blocking (data loss must be acknowledged in every environment). */
export declare const ALWAYS_MANDATORY: Readonly<Record<Profile, Enforcement>>;
/**
 * A hit saying a value cannot be checked before apply.
 *
 * @example
 * ```ts
 * return [unverified("settings.ipConfiguration.sslMode")];
 * ```
 */
export declare function unverified(path: string, what?: string): RuleHit;
/**
 * The common rule body "this path must satisfy `ok`": no hit when it does, an info hit when the
 * value is opaque, otherwise one hit with `fail(read)` as message.
 *
 * @example
 * ```ts
 * return expectValue(r.inputs, "authEnabled", (v) => v === true, (got) => `authEnabled is ${got}; set authEnabled: true`);
 * ```
 */
export declare function expectValue(inputs: unknown, path: string, ok: (value: unknown) => boolean, fail: (shown: string, read: Read) => string): RuleHit[];
/**
 * Describes how a field changed, for messages on steps: `from "REGIONAL" to "ZONAL"` or `is "ZONAL"`.
 *
 * @example
 * ```ts
 * changed(resource, "settings.availabilityType"); // 'changed from "REGIONAL" to "ZONAL"'
 * ```
 */
export declare function changed(resource: GuardResource, path: string): string;
export {};
