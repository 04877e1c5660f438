/**
 * What the parsers return, whatever they read: an engine event log, a preview digest, a streaming
 * JSON preview or a synth inventory.
 */
import { PlatformError } from "../../components/shared/errors";
import { Op, type PlanStep, type Severity } from "../model";

/** Counts per step operation, as the engine's `summaryEvent.resourceChanges` or the digest's `changeSummary`. */
export type OpCounts = Partial<Record<Op, number>>;

/**
 * The engine's own summary of a run.
 *
 * @example
 * ```ts
 * const { summary } = await parseEventLog("events.jsonl");
 * summary?.resourceChanges.update; // 1
 * ```
 */
export interface ChangeSummary {
  /** Counts per operation as the engine reported them (includes the root stack resource). */
  readonly resourceChanges: OpCounts;
  /** True when the engine could not be sure the state was written completely. */
  readonly maybeCorrupt: boolean;
  /** Run time in seconds (the digest's nanoseconds are converted). */
  readonly durationSeconds?: number;
  /** `true` for previews (newer engines only). */
  readonly isPreview?: boolean;
  /** `"succeeded"` or `"failed"` (newer engines only). */
  readonly result?: string;
  /** Policy pack name → version. */
  readonly policyPacks?: Readonly<Record<string, string>>;
}

/**
 * Engine diagnostic severities.
 *
 * @example
 * ```ts
 * result.diagnostics.some((d) => d.severity === DiagnosticSeverity.error);
 * ```
 */
export const DiagnosticSeverity = {
  debug: "debug",
  info: "info",
  infoErr: "info#err",
  warning: "warning",
  error: "error",
} as const;
/** A diagnostic severity. */
export type DiagnosticSeverity = (typeof DiagnosticSeverity)[keyof typeof DiagnosticSeverity];

/**
 * A message from the engine, a provider or the program, with the colour markup removed.
 *
 * @example
 * ```ts
 * result.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);
 * ```
 */
export interface PlanDiagnostic {
  readonly severity: DiagnosticSeverity;
  readonly message: string;
  readonly urn?: string;
  /** Line of the event log it came from. */
  readonly line?: number;
}

/** A line that could not be used, and why. */
export interface CorruptLine {
  readonly line: number;
  readonly error: string;
}

/**
 * A step the engine tried and failed (`resOpFailedEvent`).
 *
 * @example
 * ```ts
 * for (const f of result.failures) console.error(`${f.op} ${f.name} failed`);
 * ```
 */
export interface StepFailure {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly op: Op;
  readonly status?: number;
  readonly line?: number;
}

/**
 * Policy enforcement levels as events carry them.
 *
 * @example
 * ```ts
 * violations.filter((v) => v.enforcementLevel === EnforcementLevel.mandatory);
 * ```
 */
export const EnforcementLevel = {
  advisory: "advisory",
  warning: "warning",
  mandatory: "mandatory",
  remediate: "remediate",
  disabled: "disabled",
} as const;
/** An enforcement level. */
export type EnforcementLevel = (typeof EnforcementLevel)[keyof typeof EnforcementLevel];

/**
 * One `policyEvent`: a policy pack rule that failed on a resource or the stack.
 *
 * @example
 * ```ts
 * result.policy.filter((p) => p.enforcementLevel === "mandatory");
 * ```
 */
export interface PolicyViolation {
  readonly policyPack: string;
  readonly policyPackVersion?: string;
  readonly policyName: string;
  readonly message: string;
  readonly enforcementLevel: EnforcementLevel;
  readonly severity?: Severity;
  readonly urn?: string;
  readonly line?: number;
}

/** Counters describing what was read. */
export interface ParseStats {
  /** Lines read (event logs) or steps read (digests). */
  readonly lines: number;
  /** Lines that were engine events. */
  readonly events: number;
  /** All corrupt lines, including those beyond the ones listed in `corrupt`. */
  readonly corruptLines: number;
}

/**
 * The result of every parser.
 *
 * @example
 * ```ts
 * const { steps, summary, diagnostics, corrupt } = await parseEventLog("events.jsonl");
 * if (corrupt.length) console.warn(`${corrupt.length} corrupt lines, first at ${corrupt[0]!.line}`);
 * ```
 */
export interface ParseResult {
  /**
   * One step per URN (the latest logical step; the halves of a replacement are merged into it), in
   * order of first appearance. The root `pulumi:pulumi:Stack` step is included: use
   * {@link countChanges} for counts, which skips it.
   */
  readonly steps: PlanStep[];
  readonly summary?: ChangeSummary;
  /** Diagnostics except `debug` ones. */
  readonly diagnostics: PlanDiagnostic[];
  /** Unusable lines (at most {@link MAX_CORRUPT_LISTED}; `stats.corruptLines` has the full count). */
  readonly corrupt: CorruptLine[];
  readonly failures: StepFailure[];
  readonly policy: PolicyViolation[];
  readonly stats: ParseStats;
}

/** Corrupt lines listed individually; more are only counted. */
export const MAX_CORRUPT_LISTED = 1000;

/**
 * Options shared by the parsers.
 *
 * @example
 * ```ts
 * await parseEventLog("events.jsonl", { strict: true });
 * ```
 */
export interface ParseOptions {
  /** Throw on the first corrupt line instead of recording it. @default false */
  readonly strict?: boolean;
  /** Name used in error messages when the source is a stream. */
  readonly file?: string;
}

/**
 * Input that cannot be read as what it claims to be. The message names the file, the line (when
 * there is one) and what was expected.
 *
 * @example
 * ```ts
 * throw new PlanParseError("plan.json: steps[2].op: expected one of same, create, …, got \"frobnicate\"", "plan.json");
 * ```
 */
export class PlanParseError extends PlatformError {
  override readonly name: string = "PlanParseError";
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/** The root stack resource type. */
export const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/**
 * True for the root `pulumi:pulumi:Stack` step, which every run has and counts skip.
 *
 * @example
 * ```ts
 * const resources = steps.filter((s) => !isRootStack(s));
 * ```
 */
export function isRootStack(step: Pick<PlanStep, "type">): boolean {
  return step.type === ROOT_STACK_TYPE;
}

/**
 * The change columns every renderer shows.
 *
 * @example
 * ```ts
 * countChanges(steps)[ChangeKind.replace];
 * ```
 */
export const ChangeKind = {
  create: "create",
  update: "update",
  delete: "delete",
  replace: "replace",
} as const;
/** A change column. */
export type ChangeKind = (typeof ChangeKind)[keyof typeof ChangeKind];

/** Op → change column; ops not listed (same, read, refresh, …) are not changes. */
export const CHANGE_KIND_OF_OP: Readonly<Partial<Record<Op, ChangeKind>>> = {
  [Op.create]: ChangeKind.create,
  [Op.import]: ChangeKind.create,
  [Op.update]: ChangeKind.update,
  [Op.delete]: ChangeKind.delete,
  [Op.deleteReplaced]: ChangeKind.delete,
  [Op.discard]: ChangeKind.delete,
  [Op.discardReplaced]: ChangeKind.delete,
  [Op.replace]: ChangeKind.replace,
  [Op.createReplacement]: ChangeKind.replace,
  [Op.importReplacement]: ChangeKind.replace,
};

/** Counts per change column. */
export type ChangeCounts = Record<ChangeKind, number>;

/**
 * Counts steps per change column, skipping the root stack step and non-changes.
 *
 * @example
 * ```ts
 * countChanges(result.steps); // { create: 3, update: 1, delete: 0, replace: 1 }
 * ```
 */
export function countChanges(steps: readonly PlanStep[]): ChangeCounts {
  const counts: ChangeCounts = { create: 0, update: 0, delete: 0, replace: 0 };
  for (const step of steps) {
    if (isRootStack(step)) continue;
    const kind = CHANGE_KIND_OF_OP[step.op];
    if (kind) counts[kind]++;
  }
  return counts;
}

/**
 * The change column of a step, or undefined when the step changes nothing.
 *
 * @example
 * ```ts
 * changeKind({ op: "create-replacement" } as PlanStep); // "replace"
 * ```
 */
export function changeKind(step: Pick<PlanStep, "op">): ChangeKind | undefined {
  return CHANGE_KIND_OF_OP[step.op];
}

/**
 * A value for an error message: JSON, cut at 80 characters; `nothing` for undefined.
 *
 * @example
 * ```ts
 * showValue({ steps: {} }); // '{"steps":{}}'
 * ```
 */
export function showValue(value: unknown): string {
  if (value === undefined) return "nothing";
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) return `a ${typeof value}`;
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}
