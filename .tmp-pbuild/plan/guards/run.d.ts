import { type Profile } from "../../components/shared/profiles";
import { Severity, type Finding } from "../model";
import { type GuardContext, type GuardOptions, type GuardResource, type GuardStep, type Level, type ResourceRule, type Rule, type RuleHit, type StackRule, type StepRule } from "./types";
/** Input of {@link runGuards}. */
export interface RunGuardsInput extends GuardOptions {
    /** The plan (preview steps, event-log steps or a synth diff). */
    readonly steps?: readonly GuardStep[];
    /** A resource inventory (synth JSON `resources`): the state after the change. */
    readonly resources?: readonly GuardResource[];
    /** Rules to run (objects or ids). @default RULES */
    readonly rules?: readonly (Rule | string)[];
}
/**
 * Turns a rule's hit into a Finding: info when unverified, blocking only when the rule is
 * mandatory in the profile and the hit is not advisory.
 *
 * @example
 * ```ts
 * toFinding(rule, { message: "set authEnabled: true" }, ctx, resource);
 * ```
 */
export declare function toFinding(rule: Rule, hit: RuleHit, ctx: Pick<GuardContext, "profile">, subject?: {
    urn?: string;
    type?: string;
}): Finding;
/**
 * Runs one resource rule on one resource (nothing when the type does not apply or the rule is
 * disabled in the profile).
 *
 * @example
 * ```ts
 * evaluateResourceRule(REDIS_AUTH, redis, { profile: "prod", resources: [redis] });
 * ```
 */
export declare function evaluateResourceRule(rule: ResourceRule, resource: GuardResource, ctx: GuardContext): Finding[];
/**
 * Runs one stack rule over every resource after the change.
 *
 * @example
 * ```ts
 * evaluateStackRule(AUDIT_LOGS_ALL_SERVICES, resources, { profile: "prod", resources });
 * ```
 */
export declare function evaluateStackRule(rule: StackRule, resources: readonly GuardResource[], ctx: GuardContext): Finding[];
/**
 * Runs one step rule over the plan.
 *
 * @example
 * ```ts
 * evaluateStepRule(DATA_LOSS_RULE, steps, { profile: "prod", resources: [] });
 * ```
 */
export declare function evaluateStepRule(rule: StepRule, steps: readonly GuardStep[], ctx: GuardContext): Finding[];
/**
 * The resources a plan leaves behind, as guard subjects (new inputs, old inputs kept for messages).
 *
 * @example
 * ```ts
 * stepSubjects(steps).map((r) => r.urn);
 * ```
 */
export declare function stepSubjects(steps: readonly GuardStep[]): GuardResource[];
/**
 * Orders findings: blocking first, then by severity, rule id and URN.
 *
 * @example
 * ```ts
 * sortFindings(findings)[0]?.blocking; // true when anything blocks
 * ```
 */
export declare function sortFindings(findings: readonly Finding[]): Finding[];
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
export declare function runGuards(input: RunGuardsInput): Finding[];
/** Counts over a list of findings. */
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
export declare function summarizeFindings(findings: readonly Finding[]): FindingSummary;
/** A rule that reported a violation (blocking or advisory) in {@link checkInventory}. */
export interface FailedRule {
    readonly id: string;
    readonly level: Level;
    readonly blocking: boolean;
    readonly count: number;
}
/** Result of {@link checkInventory}. */
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
export declare function checkInventory(resources: readonly GuardResource[], profile: Profile, options?: Omit<GuardOptions, "profile">): InventoryCheck;
