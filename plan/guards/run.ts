/**
 * Running guards: over PlanSteps (review), synth inventories (`checkInventory`) or both, and
 * summarizing the findings. The evaluate* functions are shared with the CrossGuard pack.
 */
import { PlatformError } from "../../components/shared/errors";
import { PROFILES, type Profile } from "../../components/shared/profiles";
import { FindingClass, Severity, type Finding, type NotEvaluated } from "../model";
import { classifyFindings, rollBack } from "./baseline";
import {
  dedupe,
  evaluateResourceRule,
  evaluateStackRule,
  evaluateStepRule,
  resolveRules,
  SEVERITY_ORDER,
  sortFindings,
  stepSubjects,
} from "./evaluate";
import { RULES_BY_ID } from "./registry";
import {
  Enforcement,
  Scope,
  enforcementFor,
  type GuardContext,
  type GuardOptions,
  type GuardResource,
  type GuardStep,
  type Level,
  type Rule,
} from "./types";

// The evaluate* functions are part of this module's API (the CrossGuard pack and tests use them).
export {
  evaluateResourceRule,
  evaluateStackRule,
  evaluateStepRule,
  sortFindings,
  stepSubjects,
  toFinding,
} from "./evaluate";

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
  /**
   * The inventory before the change (offline review: the base synth). Without it, and with steps,
   * the state before is the steps' old inputs. Either way findings are classified
   * introduced / existing / fixed.
   */
  readonly before?: readonly GuardResource[];
  /** Rules to run (objects or ids). @default RULES */
  readonly rules?: readonly (Rule | string)[];
}

/**
 * Result of {@link runGuardsReport}.
 *
 * @example
 * ```ts
 * const { findings, notEvaluated }: GuardReport = runGuardsReport({ steps, profile: "prod", partialPlan: true });
 * ```
 */
export interface GuardReport {
  readonly findings: Finding[];
  /** Rules that could not be judged (stack-scope existence rules on a partial plan). */
  readonly notEvaluated: NotEvaluated[];
}

interface World {
  /** Resource-rule subjects. */
  readonly subjects: readonly GuardResource[];
  /** What stack rules see. */
  readonly stack: readonly GuardResource[];
  readonly steps: readonly GuardStep[];
  /** Whether stack rules run: a stack that does not exist (yet) has no stack-level findings. */
  readonly stackRules: boolean;
}

function evaluateWorld(rules: readonly Rule[], world: World, ctx: GuardContext): Map<Rule, Finding[]> {
  const out = new Map<Rule, Finding[]>();
  const byType = indexByType(world.subjects);
  for (const rule of rules) {
    const found: Finding[] = [];
    switch (rule.scope) {
      case Scope.resource:
        for (const at of subjectsOf(rule.appliesTo, byType))
          found.push(...evaluateResourceRule(rule, world.subjects[at]!, ctx));
        break;
      case Scope.stack:
        if (world.stackRules) found.push(...evaluateStackRule(rule, world.stack, ctx));
        break;
      case Scope.step:
        if (world.steps.length > 0) found.push(...evaluateStepRule(rule, world.steps, ctx));
        break;
    }
    out.set(rule, found);
  }
  return out;
}

/** Positions of the subjects of each type: a resource rule visits only the types it applies to. */
function indexByType(subjects: readonly GuardResource[]): Map<string, number[]> {
  const byType = new Map<string, number[]>();
  subjects.forEach((r, i) => {
    const list = byType.get(r.type);
    if (list) list.push(i);
    else byType.set(r.type, [i]);
  });
  return byType;
}

/** The positions of the subjects of these types, in subject order (findings keep their order). */
function subjectsOf(types: readonly string[], byType: ReadonlyMap<string, number[]>): readonly number[] {
  const lists = [...new Set(types)].map((t) => byType.get(t)).filter((l) => l !== undefined);
  if (lists.length <= 1) return lists[0] ?? [];
  return lists.flat().sort((a, b) => a - b);
}

/** The plan's subjects, then the inventory's resources the plan does not touch. */
function withInventory(
  fromSteps: readonly GuardResource[],
  inventory: readonly GuardResource[],
): GuardResource[] {
  const covered = new Set<string>();
  for (const r of fromSteps) covered.add(r.urn);
  return [...fromSteps, ...inventory.filter((r) => !covered.has(r.urn))];
}

/**
 * Runs the guards over a plan and/or an inventory, on the state before the change and after it.
 * Resource rules see every resource the plan leaves behind (and every inventory row); stack rules
 * see the inventory when given, else the plan's resulting state; step rules see the plan (they are
 * about the change itself, so their findings are always introduced).
 *
 * With a plan (or `before`), every finding carries its class: introduced findings keep their
 * blocking verdict, existing and fixed ones never block. On a `partialPlan`, a stack-scope
 * existence rule (audit config, log-metric alerts) that fails both before and after is reported in
 * `notEvaluated` instead: the plan lacks the resources that could satisfy it. One that only fails
 * after is still introduced (the change removed what satisfied it).
 *
 * @example
 * ```ts
 * const { findings, notEvaluated } = runGuardsReport({ steps, profile: "prod", partialPlan: true });
 * findings.filter((f) => f.class === "introduced" && f.blocking);
 * ```
 */
export function runGuardsReport(input: RunGuardsInput): GuardReport {
  const options = guardOptions(input);
  const rules = resolveRules(input.rules);
  const steps = input.steps ?? [];
  const fromSteps = stepSubjects(steps);
  const inventory = input.resources ?? [];
  const subjects = inventory.length === 0 ? fromSteps : withInventory(fromSteps, inventory);
  // The states judged are frozen: stack rules may then remember what they pick out of them (ofType).
  const after = Object.freeze(inventory.length > 0 ? [...inventory] : fromSteps);
  const judgedBefore = input.before !== undefined || steps.length > 0;
  const before = Object.freeze(
    judgedBefore ? (input.before ? [...input.before] : rollBack(after, steps)) : [],
  );
  // A partial plan that only deletes still leaves a stack behind: judge what it took away.
  const stackAfter = after.length > 0 || (input.partialPlan === true && before.length > 0);
  const afterFound = evaluateWorld(
    rules,
    { subjects, stack: after, steps, stackRules: stackAfter },
    { ...options, resources: after },
  );
  if (!judgedBefore) {
    return { findings: sortFindings(dedupe([...afterFound.values()].flat())), notEvaluated: [] };
  }
  const stateRules = rules.filter((r) => r.scope !== Scope.step);
  const beforeFound = evaluateWorld(
    stateRules,
    { subjects: before, stack: before, steps: [], stackRules: before.length > 0 },
    { ...options, resources: before },
  );
  return classifyReport(rules, afterFound, beforeFound, input.partialPlan === true);
}

/**
 * The options every rule reads, taken from a guard run's input (the profile checked first).
 *
 * @example
 * ```ts
 * guardOptions({ profile: "prod", steps }); // { profile: "prod" }
 * ```
 */
export function guardOptions(input: GuardOptions): GuardOptions {
  if (!PROFILES.includes(input.profile))
    throw new PlatformError(
      `runGuards: profile must be one of ${PROFILES.join(", ")}, got ${JSON.stringify(input.profile)}`,
    );
  return {
    profile: input.profile,
    ...(input.allowDataLoss ? { allowDataLoss: input.allowDataLoss } : {}),
    ...(input.publicServices ? { publicServices: input.publicServices } : {}),
    ...(input.partialPlan !== undefined ? { partialPlan: input.partialPlan } : {}),
  };
}

/**
 * The last part of {@link runGuardsReport}, shared with the review's fold ({@link GuardFold}):
 * each rule's findings after and before the change (deduplicated here), classified introduced /
 * existing / fixed, stack-scope existence rules that fail both times on a partial plan moved to
 * `notEvaluated`, then sorted.
 *
 * @example
 * ```ts
 * const { findings } = classifyReport(rules, afterFound, beforeFound, false);
 * ```
 */
export function classifyReport(
  rules: readonly Rule[],
  afterFound: ReadonlyMap<Rule, readonly Finding[]>,
  beforeFound: ReadonlyMap<Rule, readonly Finding[]>,
  partialPlan: boolean,
): GuardReport {
  const findings: Finding[] = [];
  const notEvaluated: NotEvaluated[] = [];
  for (const rule of rules) {
    const now = dedupe(afterFound.get(rule) ?? []);
    if (rule.scope === Scope.step) {
      findings.push(...now.map((f) => ({ ...f, class: FindingClass.introduced })));
      continue;
    }
    const classified = classifyFindings(dedupe(beforeFound.get(rule) ?? []), now);
    if (rule.scope === Scope.stack && rule.existence && partialPlan) {
      // Failing both times on a partial plan says nothing about the stack: not evaluated.
      const judged = classified.filter((f) => f.class !== FindingClass.existing);
      if (judged.length < classified.length)
        notEvaluated.push({ id: rule.id, refs: rule.refs, reason: "partial plan" });
      findings.push(...judged);
      continue;
    }
    findings.push(...classified);
  }
  return { findings: sortFindings(findings), notEvaluated };
}

/**
 * {@link runGuardsReport}'s findings.
 *
 * @example
 * ```ts
 * const findings = runGuards({ steps, profile: "prod", allowDataLoss: ["urn:pulumi:prod::platform::*::cache-redis"] });
 * if (summarizeFindings(findings).blocking > 0) process.exitCode = 1;
 * ```
 */
export function runGuards(input: RunGuardsInput): Finding[] {
  return runGuardsReport(input).findings;
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
  /** Findings that still exist after the change (fixed ones are not counted). */
  readonly total: number;
  /** Findings that fail the review. */
  readonly blocking: number;
  /** Violations reported but not enforced. */
  readonly advisory: number;
  /** Notes, including "cannot verify until apply". */
  readonly info: number;
  /** Of `total`, how many were there before the change as well (never blocking). */
  readonly existing: number;
  /** Findings the change removes (not in `total`). */
  readonly fixed: number;
  readonly bySeverity: Readonly<Record<Severity, number>>;
  /** Findings per rule id. */
  readonly byRule: Readonly<Record<string, number>>;
  /** True when nothing blocks. */
  readonly passed: boolean;
}

/**
 * Summarizes findings for exit codes and headers. Fixed findings are counted apart: they are gone.
 *
 * @example
 * ```ts
 * const s = summarizeFindings(findings); // { total: 3, blocking: 1, advisory: 1, info: 1, existing: 0, fixed: 0, passed: false, … }
 * ```
 */
export function summarizeFindings(findings: readonly Finding[]): FindingSummary {
  const bySeverity = Object.fromEntries(SEVERITY_ORDER.map((s) => [s, 0])) as Record<Severity, number>;
  const byRule: Record<string, number> = {};
  let blocking = 0;
  let info = 0;
  let existing = 0;
  let fixed = 0;
  for (const f of findings) {
    if (f.class === FindingClass.fixed) {
      fixed += 1;
      continue;
    }
    if (f.class === FindingClass.existing) existing += 1;
    bySeverity[f.severity] += 1;
    byRule[f.id] = (byRule[f.id] ?? 0) + 1;
    if (f.blocking) blocking += 1;
    else if (f.severity === Severity.info) info += 1;
  }
  const total = findings.length - fixed;
  return {
    total,
    blocking,
    advisory: total - blocking - info,
    info,
    existing,
    fixed,
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
