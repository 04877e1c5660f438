/**
 * Evaluating rules: one rule on one resource, the whole stack or the plan, turning hits into
 * findings, and ordering them. Shared by runGuards (plan/guards/run.ts) and the CrossGuard pack.
 */
import { PlatformError } from "../../components/shared/errors";
import { Op, Severity, type Finding } from "../model";
import { RULES, RULES_BY_ID } from "./registry";
import {
  Enforcement,
  enforcementFor,
  type GuardContext,
  type GuardResource,
  type GuardStep,
  type ResourceRule,
  type Rule,
  type RuleHit,
  type StackRule,
  type StepRule,
  type WholeState,
} from "./types";

// `localeCompare` with no locale, without building a collator per call (100,000-row sorts).
const collate = new Intl.Collator().compare;

/** Ops whose step carries the resource's state after the change. */
export const NEW_STATE_OPS: ReadonlySet<string> = new Set<string>([
  Op.create,
  Op.update,
  Op.same,
  Op.replace,
  Op.createReplacement,
  Op.import,
  Op.importReplacement,
]);

/**
 * Severities, worst first.
 *
 * @example
 * ```ts
 * SEVERITY_ORDER.indexOf("high"); // 1
 * ```
 */
export const SEVERITY_ORDER: readonly Severity[] = [
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
  if (!sameCloud(rule, resources, ctx.whole)) return [];
  return rule.check(resources, ctx).map((h) => toFinding(rule, h, ctx));
}

/**
 * The provider of a type token: `gcp` of `gcp:storage/bucket:Bucket`.
 *
 * @example
 * ```ts
 * providerOf("kubernetes:apps/v1:Deployment"); // "kubernetes"
 * ```
 */
export function providerOf(type: string): string {
  return type.slice(0, type.indexOf(":"));
}

/**
 * True when the stack holds a resource of a provider the rule reads (`gcp:`, `aws:`,
 * `kubernetes:`): per-cloud stack rules (audit config, CIS alarms) say nothing about a stack on
 * another cloud. A Kubernetes stack that borrows a cloud's KMS keys (`kubernetes.keysFrom`) is
 * still a Kubernetes stack: the cloud's account-level stack rules (CloudTrail, audit logs) do not
 * apply to it; its keys are judged by the cloud's resource rules.
 *
 * @example
 * ```ts
 * sameCloud({ appliesTo: ["aws:cloudtrail/trail:Trail"] }, gcpResources); // false
 * ```
 * @param whole The whole state, when `resources` is only part of it. @default `resources`
 */
export function sameCloud(
  rule: Pick<Rule, "appliesTo">,
  resources: readonly GuardResource[],
  whole?: WholeState,
): boolean {
  const providers = new Set(rule.appliesTo.map(providerOf));
  // An empty state (a plan that deletes the last resource) is judged by every cloud's rules.
  if (providers.size === 0 || (whole?.size ?? resources.length) === 0) return true;
  const present = whole?.providers ?? providersOf(resources);
  if (present.has("kubernetes") && !providers.has("kubernetes")) return false;
  return [...providers].some((p) => present.has(p));
}

// Every stack rule asks of the same set: collect its providers once.
const PROVIDERS = new WeakMap<readonly GuardResource[], ReadonlySet<string>>();

function providersOf(resources: readonly GuardResource[]): ReadonlySet<string> {
  let found = PROVIDERS.get(resources);
  if (!found) {
    found = new Set(resources.map((r) => providerOf(r.type)));
    PROVIDERS.set(resources, found);
  }
  return found;
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
    const now = afterSubject(s);
    if (now) byUrn.set(s.urn, now);
  }
  return [...byUrn.values()];
}

/**
 * The resource one step leaves behind, as {@link stepSubjects} has it (the last such step of a URN
 * wins); undefined when the step carries no state after the change.
 *
 * @example
 * ```ts
 * afterSubject(deleteStep); // undefined
 * ```
 */
export function afterSubject(s: GuardStep): GuardResource | undefined {
  if (!NEW_STATE_OPS.has(s.op) || !s.newInputs) return undefined;
  return {
    urn: s.urn,
    type: s.type,
    name: s.name,
    inputs: s.newInputs,
    ...(s.parent !== undefined ? { parent: s.parent } : {}),
    ...(s.protect !== undefined ? { protect: s.protect } : {}),
    ...(s.oldInputs !== undefined && s.op !== Op.same ? { oldInputs: s.oldInputs } : {}),
  };
}

export function resolveRules(rules: readonly (Rule | string)[] | undefined): readonly Rule[] {
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
      collate(a.id, b.id) ||
      collate(a.urn ?? "", b.urn ?? "") ||
      collate(a.message, b.message),
  );
}

/**
 * Drops repeated findings (same rule, URN, message and verdict).
 *
 * @example
 * ```ts
 * dedupe([...fromSteps, ...fromInventory]);
 * ```
 */
export function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.id}\u0000${f.urn ?? ""}\u0000${f.message}\u0000${f.blocking}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
