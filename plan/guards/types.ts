/**
 * The shape of a guard rule and of what it inspects. Rules are plain objects with a pure `check`:
 * the same object runs over PlanSteps (review), synth inventories and inside the CrossGuard pack.
 */
import { Profile } from "../../components/shared/profiles";
import type { PlanStep, Severity } from "../model";
import { read, showValue, type Read } from "./values";

/**
 * CIS-style benchmark level. L1 = baseline every environment should meet; L2 = defence in depth.
 *
 * @example
 * ```ts
 * if (rule.level === Level.L1) { ... }
 * ```
 */
export const Level = { L1: "L1", L2: "L2" } as const;
/** A rule level. */
export type Level = (typeof Level)[keyof typeof Level];

/**
 * What a rule's violation does in a given profile (the CrossGuard enforcement levels we use).
 *
 * @example
 * ```ts
 * enforcementFor(rule, "prod") === Enforcement.mandatory
 * ```
 */
export const Enforcement = { mandatory: "mandatory", advisory: "advisory", disabled: "disabled" } as const;
/** An enforcement level. */
export type Enforcement = (typeof Enforcement)[keyof typeof Enforcement];

/**
 * Rule families, for grouping in reports and docs.
 *
 * @example
 * ```ts
 * RULES.filter((r) => r.category === Category.prodProfile)
 * ```
 */
export const Category = {
  dataLoss: "data-loss",
  prodProfile: "prod-profile",
  security: "security",
} as const;
/** A rule family. */
export type Category = (typeof Category)[keyof typeof Category];

/**
 * How a rule looks at the world.
 *
 * @example
 * ```ts
 * if (rule.scope === Scope.stack) rule.check(resources, ctx);
 * ```
 */
export const Scope = {
  /** One resource's inputs at a time (CrossGuard `validateResource`). */
  resource: "resource",
  /** The whole set of resources after the change (CrossGuard `validateStack`). */
  stack: "stack",
  /** The plan's operations (replace, delete, old vs new); not expressible in CrossGuard. */
  step: "step",
} as const;
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
export type GuardStep = PlanStep & { readonly oldProtect?: boolean };

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

/**
 * What a rule's check sees besides its subject.
 *
 * @example
 * ```ts
 * const ctx: GuardContext = { profile: "prod", resources };
 * REDIS_AUTH.check(resources[0]!, ctx);
 * ```
 */
export interface GuardContext extends GuardOptions {
  /** Every resource after the change (for lookups such as "the service this grant targets"). */
  readonly resources: readonly GuardResource[];
  /**
   * The whole state's size and providers, when `resources` holds only the part of it stack rules
   * read (the review's fold). Read it through `sameCloud` and `stateHasProvider`.
   * @default from `resources`
   */
  readonly whole?: WholeState;
}

/**
 * What a stack rule may ask of the whole state when it is handed only the part of it that stack
 * rules read (the review's fold): how many resources there are and of which providers.
 *
 * @example
 * ```ts
 * evaluateStackRule(rule, readPart, { profile: "prod", resources: readPart, whole: { size: 100_000, providers: new Set(["gcp"]) } });
 * ```
 */
export interface WholeState {
  readonly size: number;
  readonly providers: ReadonlySet<string>;
}

/**
 * One problem a rule found, before the engine turns it into a Finding.
 *
 * @example
 * ```ts
 * const hit: RuleHit = { message: "Instance \"cache\": authEnabled is false; set authEnabled: true." };
 * ```
 */
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
  /**
   * The top-level input keys the rule reads, per type: for types of `appliesTo` it reads only part
   * of, and for any other type whose inputs it reads. A type of `appliesTo` not listed is read
   * whole. The streaming review keeps only these inputs of the whole stack. @default {}
   */
  readonly reads?: Readonly<Record<string, readonly string[]>>;
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

/**
 * Any guard rule.
 *
 * @example
 * ```ts
 * const ids = RULES.map((r: Rule) => r.id);
 * ```
 */
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
export function enforcementFor(
  rule: Pick<RuleBase, "level" | "critical" | "advisoryOnly" | "enforcement">,
  profile: Profile,
): Enforcement {
  const explicit = rule.enforcement?.[profile];
  if (explicit) return explicit;
  if (rule.advisoryOnly) return Enforcement.advisory;
  switch (profile) {
    case Profile.prod:
      return Enforcement.mandatory;
    case Profile.staging:
      return rule.level === Level.L1 ? Enforcement.mandatory : Enforcement.advisory;
    case Profile.dev:
      return rule.level === Level.L1 && rule.critical ? Enforcement.mandatory : Enforcement.advisory;
  }
}

/**
 * Prod-only rules: blocking in prod, a heads-up in staging, silent in dev.
 *
 * @example
 * ```ts
 * const rule = { ...base, enforcement: PROD_ONLY };
 * ```
 */
export const PROD_ONLY: Readonly<Record<Profile, Enforcement>> = {
  dev: Enforcement.disabled,
  staging: Enforcement.advisory,
  prod: Enforcement.mandatory,
};

/**
 * Always blocking (data loss must be acknowledged in every environment).
 *
 * @example
 * ```ts
 * const rule = { ...base, enforcement: ALWAYS_MANDATORY };
 * ```
 */
export const ALWAYS_MANDATORY: Readonly<Record<Profile, Enforcement>> = {
  dev: Enforcement.mandatory,
  staging: Enforcement.mandatory,
  prod: Enforcement.mandatory,
};

/**
 * A hit saying a value cannot be checked before apply.
 *
 * @example
 * ```ts
 * return [unverified("settings.ipConfiguration.sslMode")];
 * ```
 */
export function unverified(path: string, what = "the value"): RuleHit {
  return { message: `cannot verify until apply: ${what} at ${path} is not known yet`, unverified: true };
}

/**
 * The common rule body "this path must satisfy `ok`": no hit when it does, an info hit when the
 * value is opaque, otherwise one hit with `fail(read)` as message.
 *
 * @example
 * ```ts
 * return expectValue(r.inputs, "authEnabled", (v) => v === true, (got) => `authEnabled is ${got}; set authEnabled: true`);
 * ```
 */
export function expectValue(
  inputs: unknown,
  path: string,
  ok: (value: unknown) => boolean,
  fail: (shown: string, read: Read) => string,
): RuleHit[] {
  const r = read(inputs, path);
  if (r.kind === "opaque") return [unverified(r.path)];
  const value = r.kind === "set" ? r.value : undefined;
  if (ok(value)) return [];
  return [{ message: fail(showValue(value), r) }];
}

/**
 * Describes how a field changed, for messages on steps: `from "REGIONAL" to "ZONAL"` or `is "ZONAL"`.
 *
 * @example
 * ```ts
 * changed(resource, "settings.availabilityType"); // 'changed from "REGIONAL" to "ZONAL"'
 * ```
 */
export function changed(resource: GuardResource, path: string): string {
  const now = describeRead(read(resource.inputs, path));
  if (!resource.oldInputs) return `is ${now}`;
  const was = describeRead(read(resource.oldInputs, path));
  return was === now ? `is ${now}` : `changed from ${was} to ${now}`;
}

function describeRead(r: Read): string {
  if (r.kind === "set") return showValue(r.value);
  return r.kind === "opaque" ? "unknown" : "unset";
}
