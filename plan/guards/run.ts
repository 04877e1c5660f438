/**
 * Running guards: over PlanSteps (review), synth inventories (`checkInventory`) or both, and
 * summarizing the findings. The evaluate* functions are shared with the CrossGuard pack.
 */
import { PlatformError } from "../../components/shared/errors";
import { PROFILES, type Profile } from "../../components/shared/profiles";
import { Op, Severity, type Finding } from "../model";
import { RULES, RULES_BY_ID } from "./registry";
import {
  Enforcement,
  Scope,
  enforcementFor,
  type GuardContext,
  type GuardOptions,
  type GuardResource,
  type GuardStep,
  type Level,
  type ResourceRule,
  type Rule,
  type RuleHit,
  type StackRule,
  type StepRule,
} from "./types";

/**
 * Input of {@link runGuards}.
 *
 * @example
 * ```ts
 * const input: RunGuardsInput = { steps, profile: "prod", allowDataLoss: [urn] };
 * ```
 */
export interface RunGuardsInput extends GuardOptions {
  /** The plan (preview steps, event-log steps or a synth diff). */
  readonly steps?: readonly GuardStep[];
  /** A resource inventory (synth JSON `resources`): the state after the change. */
  readonly resources?: readonly GuardResource[];
  /** Rules to run (objects or ids). @default RULES */
  readonly rules?: readonly (Rule | string)[];
}

/** Ops whose step carries the resource's state after the change. */
const NEW_STATE_OPS: ReadonlySet<string> = new Set<string>([
  Op.create,
  Op.update,
  Op.same,
  Op.replace,
  Op.createReplacement,
  Op.import,
  Op.importReplacement,
]);

const SEVERITY_ORDER: readonly Severity[] = [
  Severity.critical,
  Severity.high,
  Severity.medium,
  Severity.low,
  Severity.info,
];

/**
 * Turns a rule's hit into a Finding: info when unverified, blocking only when the rule is
 * mandatory in the profile and the hit is not advisory.
 *
 * @example
 * ```ts
 * toFinding(rule, { message: "set authEnabled: true" }, ctx, resource);
 * ```
 */
export function toFinding(
  rule: Rule,
  hit: RuleHit,
  ctx: Pick<GuardContext, "profile">,
  subject?: { urn?: string; type?: string },
): Finding {
  const enforcement = enforcementFor(rule, ctx.profile);
  const severity = hit.unverified ? Severity.info : (hit.severity ?? rule.severity);
  const urn = hit.urn ?? subject?.urn;
  const type = hit.type ?? subject?.type;
  return {
    id: rule.id,
    refs: rule.refs,
    severity,
    blocking:
      !hit.unverified && !hit.advisory && severity !== Severity.info && enforcement === Enforcement.mandatory,
    message: hit.message,
    ...(urn !== undefined ? { urn } : {}),
    ...(type !== undefined ? { type } : {}),
  };
}

/**
 * Runs one resource rule on one resource (nothing when the type does not apply or the rule is
 * disabled in the profile).
 *
 * @example
 * ```ts
 * evaluateResourceRule(REDIS_AUTH, redis, { profile: "prod", resources: [redis] });
 * ```
 */
export function evaluateResourceRule(
  rule: ResourceRule,
  resource: GuardResource,
  ctx: GuardContext,
): Finding[] {
  if (!rule.appliesTo.includes(resource.type)) return [];
  if (enforcementFor(rule, ctx.profile) === Enforcement.disabled) return [];
  return rule.check(resource, ctx).map((h) => toFinding(rule, h, ctx, resource));
}

/**
 * Runs one stack rule over every resource after the change.
 *
 * @example
 * ```ts
 * evaluateStackRule(AUDIT_LOGS_ALL_SERVICES, resources, { profile: "prod", resources });
 * ```
 */
export function evaluateStackRule(
  rule: StackRule,
  resources: readonly GuardResource[],
  ctx: GuardContext,
): Finding[] {
  if (enforcementFor(rule, ctx.profile) === Enforcement.disabled) return [];
  if (rule.existence && ctx.partialPlan) return [];
  if (!sameCloud(rule, resources)) return [];
  return rule.check(resources, ctx).map((h) => toFinding(rule, h, ctx));
}

/**
 * True when the stack holds a resource of a provider the rule reads (`gcp:`, `aws:`): per-cloud
 * stack rules (audit config, CIS alarms) say nothing about a stack on another cloud.
 *
 * @example
 * ```ts
 * sameCloud({ appliesTo: ["aws:cloudtrail/trail:Trail"] }, gcpResources); // false
 * ```
 */
export function sameCloud(rule: Pick<Rule, "appliesTo">, resources: readonly GuardResource[]): boolean {
  const providers = new Set(rule.appliesTo.map((t) => t.slice(0, t.indexOf(":"))));
  return providers.size === 0 || resources.some((r) => providers.has(r.type.slice(0, r.type.indexOf(":"))));
}

/**
 * Runs one step rule over the plan.
 *
 * @example
 * ```ts
 * evaluateStepRule(DATA_LOSS_RULE, steps, { profile: "prod", resources: [] });
 * ```
 */
export function evaluateStepRule(rule: StepRule, steps: readonly GuardStep[], ctx: GuardContext): Finding[] {
  if (enforcementFor(rule, ctx.profile) === Enforcement.disabled) return [];
  return rule.check(steps, ctx).map((h) => toFinding(rule, h, ctx));
}

/**
 * The resources a plan leaves behind, as guard subjects (new inputs, old inputs kept for messages).
 *
 * @example
 * ```ts
 * stepSubjects(steps).map((r) => r.urn);
 * ```
 */
export function stepSubjects(steps: readonly GuardStep[]): GuardResource[] {
  const byUrn = new Map<string, GuardResource>();
  for (const s of steps) {
    if (!NEW_STATE_OPS.has(s.op) || !s.newInputs) continue;
    byUrn.set(s.urn, {
      urn: s.urn,
      type: s.type,
      name: s.name,
      inputs: s.newInputs,
      ...(s.parent !== undefined ? { parent: s.parent } : {}),
      ...(s.protect !== undefined ? { protect: s.protect } : {}),
      ...(s.oldInputs !== undefined && s.op !== Op.same ? { oldInputs: s.oldInputs } : {}),
    });
  }
  return [...byUrn.values()];
}

function resolveRules(rules: RunGuardsInput["rules"]): readonly Rule[] {
  if (!rules) return RULES;
  return rules.map((r) => {
    if (typeof r !== "string") return r;
    const rule = RULES_BY_ID.get(r);
    if (!rule)
      throw new PlatformError(
        `runGuards: unknown rule id "${r}"; known ids: ${[...RULES_BY_ID.keys()].join(", ")}`,
      );
    return rule;
  });
}

/**
 * Orders findings: blocking first, then by severity, rule id and URN.
 *
 * @example
 * ```ts
 * sortFindings(findings)[0]?.blocking; // true when anything blocks
 * ```
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      Number(b.blocking) - Number(a.blocking) ||
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      a.id.localeCompare(b.id) ||
      (a.urn ?? "").localeCompare(b.urn ?? "") ||
      a.message.localeCompare(b.message),
  );
}

function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.id}\u0000${f.urn ?? ""}\u0000${f.message}\u0000${f.blocking}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Runs the guards over a plan and/or an inventory. Resource rules see every resource the plan
 * leaves behind (and every inventory row); stack rules see the inventory when given, else the
 * plan's resulting state; step rules see the plan.
 *
 * @example
 * ```ts
 * const findings = runGuards({ steps, profile: "prod", allowDataLoss: ["urn:pulumi:prod::platform::*::cache-redis"] });
 * if (summarizeFindings(findings).blocking > 0) process.exitCode = 1;
 * ```
 */
export function runGuards(input: RunGuardsInput): Finding[] {
  if (!PROFILES.includes(input.profile))
    throw new PlatformError(
      `runGuards: profile must be one of ${PROFILES.join(", ")}, got ${JSON.stringify(input.profile)}`,
    );
  const rules = resolveRules(input.rules);
  const steps = input.steps ?? [];
  const fromSteps = stepSubjects(steps);
  const inventory = input.resources ?? [];
  const covered = new Set(fromSteps.map((r) => r.urn));
  const subjects = [...fromSteps, ...inventory.filter((r) => !covered.has(r.urn))];
  const after = inventory.length > 0 ? inventory : fromSteps;
  const ctx: GuardContext = {
    profile: input.profile,
    resources: after,
    ...(input.allowDataLoss ? { allowDataLoss: input.allowDataLoss } : {}),
    ...(input.publicServices ? { publicServices: input.publicServices } : {}),
    ...(input.partialPlan !== undefined ? { partialPlan: input.partialPlan } : {}),
  };
  const findings: Finding[] = [];
  for (const rule of rules) {
    switch (rule.scope) {
      case Scope.resource:
        for (const r of subjects) findings.push(...evaluateResourceRule(rule, r, ctx));
        break;
      case Scope.stack:
        if (after.length > 0) findings.push(...evaluateStackRule(rule, after, ctx));
        break;
      case Scope.step:
        if (steps.length > 0) findings.push(...evaluateStepRule(rule, steps, ctx));
        break;
    }
  }
  return sortFindings(dedupe(findings));
}

/**
 * Counts over a list of findings.
 *
 * @example
 * ```ts
 * const { blocking, passed }: FindingSummary = summarizeFindings(findings);
 * ```
 */
export interface FindingSummary {
  readonly total: number;
  /** Findings that fail the review. */
  readonly blocking: number;
  /** Violations reported but not enforced. */
  readonly advisory: number;
  /** Notes, including "cannot verify until apply". */
  readonly info: number;
  readonly bySeverity: Readonly<Record<Severity, number>>;
  /** Findings per rule id. */
  readonly byRule: Readonly<Record<string, number>>;
  /** True when nothing blocks. */
  readonly passed: boolean;
}

/**
 * Summarizes findings for exit codes and headers.
 *
 * @example
 * ```ts
 * const s = summarizeFindings(findings); // { total: 3, blocking: 1, advisory: 1, info: 1, passed: false, … }
 * ```
 */
export function summarizeFindings(findings: readonly Finding[]): FindingSummary {
  const bySeverity = Object.fromEntries(SEVERITY_ORDER.map((s) => [s, 0])) as Record<Severity, number>;
  const byRule: Record<string, number> = {};
  let blocking = 0;
  let info = 0;
  for (const f of findings) {
    bySeverity[f.severity] += 1;
    byRule[f.id] = (byRule[f.id] ?? 0) + 1;
    if (f.blocking) blocking += 1;
    else if (f.severity === Severity.info) info += 1;
  }
  return {
    total: findings.length,
    blocking,
    advisory: findings.length - blocking - info,
    info,
    bySeverity,
    byRule,
    passed: blocking === 0,
  };
}

/**
 * A rule that reported a violation (blocking or advisory) in {@link checkInventory}.
 *
 * @example
 * ```ts
 * checkInventory(resources, "dev").failedRules.filter((r: FailedRule) => r.level === "L1"); // []
 * ```
 */
export interface FailedRule {
  readonly id: string;
  readonly level: Level;
  readonly blocking: boolean;
  readonly count: number;
}

/**
 * Result of {@link checkInventory}.
 *
 * @example
 * ```ts
 * const result: InventoryCheck = checkInventory(resources, "prod");
 * if (!result.passed) console.log(result.blocking.map((f) => f.message));
 * ```
 */
export interface InventoryCheck {
  readonly findings: readonly Finding[];
  readonly blocking: readonly Finding[];
  /** Violations that do not block (advisory rules, explicit public services). */
  readonly advisory: readonly Finding[];
  /** "Cannot verify until apply" notes. */
  readonly unverified: readonly Finding[];
  /**
   * Rules with at least one violation (blocking, or advisory because of the profile), excluding
   * `advisoryOnly` rules and hits waived on purpose (an explicitly public service).
   */
  readonly failedRules: readonly FailedRule[];
  /** No blocking finding. */
  readonly passed: boolean;
  readonly summary: FindingSummary;
}

/**
 * Checks a synth inventory against every resource and stack rule for a profile. "Passes every
 * rule" means `passed`; "passes every L1 rule" means no `failedRules` entry with level L1.
 *
 * @example
 * ```ts
 * const result = checkInventory(synth.resources, "prod");
 * expectValue(result.blocking).toEqual([]);
 * expectValue(checkInventory(devSynth.resources, "dev").failedRules.filter((r) => r.level === "L1")).toEqual([]);
 * ```
 */
export function checkInventory(
  resources: readonly GuardResource[],
  profile: Profile,
  options: Omit<GuardOptions, "profile"> = {},
): InventoryCheck {
  const findings = runGuards({ ...options, resources, profile });
  const blocking = findings.filter((f) => f.blocking);
  const unverified = findings.filter((f) => !f.blocking && f.severity === Severity.info);
  const advisory = findings.filter((f) => !f.blocking && f.severity !== Severity.info);
  const failed = new Map<string, FailedRule>();
  for (const f of [...blocking, ...advisory]) {
    const rule = RULES_BY_ID.get(f.id);
    if (!rule || rule.advisoryOnly) continue;
    // A mandatory rule's non-blocking hit was waived on purpose (explicitly public, acknowledged).
    if (!f.blocking && enforcementFor(rule, profile) === Enforcement.mandatory) continue;
    const prev = failed.get(f.id);
    failed.set(f.id, {
      id: f.id,
      level: rule.level,
      blocking: (prev?.blocking ?? false) || f.blocking,
      count: (prev?.count ?? 0) + 1,
    });
  }
  return {
    findings,
    blocking,
    advisory,
    unverified,
    failedRules: [...failed.values()],
    passed: blocking.length === 0,
    summary: summarizeFindings(findings),
  };
}
