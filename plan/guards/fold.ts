/**
 * The guards of {@link runGuardsReport}, one resource at a time: what the review's fold uses on a
 * plan too large to hold. Each URN's steps are judged on their own as they are read (resource and
 * step rules), and the stack rules run at the end on the part of the state they read
 * ({@link stateReads}); {@link GuardFold.report} then classifies exactly as `runGuardsReport` does.
 * A rule that looks at other resources through `ctx.resources` cannot be judged early: the caller
 * hands {@link GuardFold.judge} a context whose `resources` tells it when they are read, and judges
 * that resource again at the end.
 */
import type { Finding } from "../model";
import { beforeSubject, sameFields } from "./baseline";
import { AWS } from "./aws/tokens";
import {
  evaluateResourceRule,
  evaluateStackRule,
  evaluateStepRule,
  afterSubject,
  resolveRules,
} from "./evaluate";
import { RULES } from "./registry";
import { classifyReport, guardOptions, type GuardReport } from "./run";
import {
  Scope,
  type GuardContext,
  type GuardOptions,
  type GuardResource,
  type GuardStep,
  type ResourceRule,
  type Rule,
  type StepRule,
  type WholeState,
} from "./types";

/** Types a resource rule reads through `ctx.resources` (an AWS function's public-on-purpose tags). */
const CONTEXT_READ_TYPES = [AWS.lambdaFunction] as const;

/** Per type, the input keys rules read from the whole state, or `all`. */
const STATE_READS: ReadonlyMap<string, readonly string[] | "all"> = (() => {
  const out = new Map<string, Set<string> | "all">();
  const add = (type: string, keys: readonly string[] | "all") => {
    const known = out.get(type);
    if (known === "all") return;
    if (keys === "all") out.set(type, "all");
    else out.set(type, new Set([...(known ?? []), ...keys]));
  };
  for (const rule of RULES) {
    if (rule.scope !== Scope.stack) continue;
    const reads = rule.reads ?? {};
    for (const type of rule.appliesTo) add(type, Object.hasOwn(reads, type) ? reads[type]! : "all");
    for (const [type, keys] of Object.entries(reads)) add(type, keys);
  }
  for (const type of CONTEXT_READ_TYPES) add(type, "all");
  return new Map([...out].map(([t, k]) => [t, k === "all" ? k : [...k]] as const));
})();

/**
 * What the guards read of resources of this type from the whole state (the stack rules, each as it
 * declares in `reads`, and resource rules that look at their neighbours): `all` inputs, some
 * top-level keys, or nothing (undefined: the resource is not part of what stack rules see).
 * Kubernetes objects are kept whole.
 *
 * @example
 * ```ts
 * stateReads("gcp:storage/bucket:Bucket"); // ["name", "retentionPolicy"]
 * stateReads("gcp:pubsub/topic:Topic"); // undefined
 * ```
 */
export function stateReads(type: string): readonly string[] | "all" | undefined {
  return type.startsWith("kubernetes:") ? "all" : STATE_READS.get(type);
}

/** Each rule's findings on one state, for one URN. */
export type RuleFindings = ReadonlyArray<readonly [Rule, readonly Finding[]]>;

/**
 * One URN judged on its own: its resource-rule findings after and before the change (step-rule
 * findings count as after), and whether the resource exists on each side (what stack rules are
 * told of the whole state).
 */
export interface Judgement {
  readonly after?: RuleFindings;
  readonly before?: RuleFindings;
  /** The resource's type when it exists after the change. */
  readonly afterType?: string;
  /** … and before it. */
  readonly beforeType?: string;
}

/** The whole plan's states as the stack rules see them: the part they read, and its size and providers. */
export interface FoldedStates {
  readonly after: readonly GuardResource[];
  readonly before: readonly GuardResource[];
  readonly wholeAfter: WholeState;
  readonly wholeBefore: WholeState;
}

/**
 * One URN's resource after the change and before it, as `runGuardsReport`'s states hold it
 * ({@link stepSubjects}, {@link rollBack}): the old state when a step carries one (the state after
 * itself when the two say the same), else none when the plan creates it, else unchanged.
 *
 * @example
 * ```ts
 * urnStates([sameStep]).then === urnStates([sameStep]).now; // true
 * ```
 */
export function urnStates(steps: readonly GuardStep[]): { now?: GuardResource; then?: GuardResource } {
  let now: GuardResource | undefined;
  let was: GuardResource | undefined;
  for (const s of steps) {
    now = afterSubject(s) ?? now;
    was = beforeSubject(s) ?? was;
  }
  const then =
    was === undefined
      ? steps.some((s) => s.newInputs && !s.oldInputs)
        ? undefined
        : now
      : now && sameFields(now, was)
        ? now
        : was;
  return { ...(now ? { now } : {}), ...(then ? { then } : {}) };
}

/**
 * Guards judged one URN at a time; see the module comment.
 *
 * @example
 * ```ts
 * const guards = new GuardFold({ profile: "prod" });
 * const j = guards.judge(stepsOfOneUrn, guards.context(probe), guards.context(probe));
 * const { findings } = guards.report([j], states, false);
 * ```
 */
export class GuardFold {
  private readonly rules: readonly Rule[];
  private readonly byType = new Map<string, ResourceRule[]>();
  private readonly stepRules: readonly StepRule[];
  private readonly options: GuardOptions;

  /** `partialPlan` is known only once the whole plan is read: {@link GuardFold.report} takes it. */
  constructor(input: Omit<GuardOptions, "partialPlan"> & { readonly rules?: readonly (Rule | string)[] }) {
    this.options = guardOptions(input);
    this.rules = resolveRules(input.rules);
    for (const rule of this.rules) {
      if (rule.scope !== Scope.resource) continue;
      for (const type of new Set(rule.appliesTo)) {
        const list = this.byType.get(type);
        if (list) list.push(rule);
        else this.byType.set(type, [rule]);
      }
    }
    this.stepRules = this.rules.filter((r): r is StepRule => r.scope === Scope.step);
  }

  /** The rule context over a state (or a stand-in for one). */
  context(resources: readonly GuardResource[]): GuardContext {
    return { ...this.options, resources };
  }

  /**
   * Judges the steps of one URN (in plan order): its resource after the change and before it, as
   * `runGuardsReport`'s states hold it, and the change itself.
   */
  judge(
    steps: readonly GuardStep[],
    after: GuardContext,
    before: GuardContext,
    states: { now?: GuardResource; then?: GuardResource } = urnStates(steps),
  ): Judgement {
    const { now, then } = states;
    const resourceFound: [Rule, Finding[]][] = [];
    if (now) this.judgeResource(now, after, resourceFound);
    // The same resource in the same context says the same (rules are pure): most steps of a large
    // plan change nothing, and their findings before are their findings after.
    const beforeFound: [Rule, Finding[]][] = [];
    if (then === now && before === after) beforeFound.push(...resourceFound);
    else if (then) this.judgeResource(then, before, beforeFound);
    const afterFound = resourceFound;
    for (const rule of this.stepRules) {
      const found = evaluateStepRule(rule, steps, after);
      if (found.length > 0) afterFound.push([rule, found]);
    }
    return {
      ...(afterFound.length > 0 ? { after: afterFound } : {}),
      ...(beforeFound.length > 0 ? { before: beforeFound } : {}),
      ...(now ? { afterType: now.type } : {}),
      ...(then ? { beforeType: then.type } : {}),
    };
  }

  private judgeResource(subject: GuardResource, ctx: GuardContext, out: [Rule, Finding[]][]): void {
    for (const rule of this.byType.get(subject.type) ?? []) {
      const found = evaluateResourceRule(rule, subject, ctx);
      if (found.length > 0) out.push([rule, found]);
    }
  }

  /**
   * The findings (and the rules not evaluated) of the whole plan, as `runGuardsReport` has them:
   * every URN's judgement, and the stack rules on the states.
   */
  report(judgements: Iterable<Judgement>, states: FoldedStates, partialPlan = false): GuardReport {
    const afterFound = new Map<Rule, Finding[]>();
    const beforeFound = new Map<Rule, Finding[]>();
    const add = (into: Map<Rule, Finding[]>, found: RuleFindings | undefined) => {
      for (const [rule, list] of found ?? []) {
        const known = into.get(rule);
        if (known) known.push(...list);
        else into.set(rule, [...list]);
      }
    };
    for (const j of judgements) {
      add(afterFound, j.after);
      add(beforeFound, j.before);
    }
    const options = { ...this.options, partialPlan };
    const afterCtx: GuardContext = { ...options, resources: states.after, whole: states.wholeAfter };
    const beforeCtx: GuardContext = { ...options, resources: states.before, whole: states.wholeBefore };
    const stackAfter = states.wholeAfter.size > 0 || (partialPlan && states.wholeBefore.size > 0);
    for (const rule of this.rules) {
      if (rule.scope !== Scope.stack) continue;
      if (stackAfter) add(afterFound, [[rule, evaluateStackRule(rule, states.after, afterCtx)]]);
      if (states.wholeBefore.size > 0)
        add(beforeFound, [[rule, evaluateStackRule(rule, states.before, beforeCtx)]]);
    }
    return classifyReport(this.rules, afterFound, beforeFound, partialPlan);
  }
}
