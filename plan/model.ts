/**
 * One normalized model of what a change does. Every consumer downstream of the engine (cost,
 * guards, renderers) reads PlanSteps, whatever produced them: a real preview, a recorded event
 * log, a `pulumi preview --json` digest, or an offline synth diff.
 */

/** Engine step operations (Automation API `OpType` plus the Go engine's extras). */
export const Op = {
  same: "same",
  create: "create",
  update: "update",
  delete: "delete",
  replace: "replace",
  createReplacement: "create-replacement",
  deleteReplaced: "delete-replaced",
  read: "read",
  readReplacement: "read-replacement",
  refresh: "refresh",
  discard: "discard",
  discardReplaced: "discard-replaced",
  removePendingReplace: "remove-pending-replace",
  import: "import",
  importReplacement: "import-replacement",
  diff: "diff",
  extendParameterize: "extend-parameterize",
} as const;
/** A step operation. */
export type Op = (typeof Op)[keyof typeof Op];
/** All known step operations. */
export const OPS = Object.values(Op) as readonly Op[];

/** Kinds of a detailed property diff (engine events call the field `diffKind`, preview JSON `kind`). */
export const DiffKind = {
  add: "add",
  addReplace: "add-replace",
  delete: "delete",
  deleteReplace: "delete-replace",
  update: "update",
  updateReplace: "update-replace",
} as const;
/** A detailed diff kind. */
export type DiffKind = (typeof DiffKind)[keyof typeof DiffKind];

/** The engine's unknown-value sentinel (a computed value not known during preview). */
export const UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** The string Pulumi renders in place of a secret value. */
export const SECRET_TEXT = "[secret]";

/**
 * Marker values that replace the engine's sentinels inside normalized inputs, so nothing
 * downstream mistakes them for real strings (a tier called "[secret]" does not exist).
 */
export const UNKNOWN: unique symbol = Symbol.for("platform.plan.unknown");
/** See {@link UNKNOWN}. */
export const SECRET: unique symbol = Symbol.for("platform.plan.secret");
/** A normalized property value: JSON, or one of the two markers. */
export type PlanValue =
  | string
  | number
  | boolean
  | null
  | typeof UNKNOWN
  | typeof SECRET
  | PlanValue[]
  | { [key: string]: PlanValue };
/** Normalized resource inputs. */
export type PlanInputs = { [key: string]: PlanValue };

/** One property's detailed diff. */
export interface PropertyDiff {
  readonly kind: DiffKind;
  /** True when the diff is between inputs (not old outputs vs new inputs). */
  readonly inputDiff: boolean;
}

/**
 * What the engine will do (or did) to one resource.
 *
 * @example
 * ```ts
 * const step: PlanStep = { op: "update", urn, type: "gcp:sql/databaseInstance:DatabaseInstance", name: "db-instance",
 *   oldInputs: { settings: { tier: "db-custom-2-7680" } }, newInputs: { settings: { tier: "db-custom-4-15360" } },
 *   diffs: ["settings"], replaceReasons: [], detailedDiff: { "settings.tier": { kind: "update", inputDiff: true } } };
 * ```
 */
export interface PlanStep {
  readonly op: Op;
  readonly urn: string;
  /** Resource type token, e.g. `gcp:sql/databaseInstance:DatabaseInstance`. */
  readonly type: string;
  /** Logical name (last URN segment). */
  readonly name: string;
  /** Inputs before the change (undefined for creates). */
  readonly oldInputs?: PlanInputs;
  /** Inputs after the change (undefined for deletes). */
  readonly newInputs?: PlanInputs;
  /** Top-level keys that changed. */
  readonly diffs: readonly string[];
  /** Keys whose change forces a replacement. */
  readonly replaceReasons: readonly string[];
  /** Property path → diff kind, when the provider reported one. */
  readonly detailedDiff?: Readonly<Record<string, PropertyDiff>>;
  /** Parent URN when known. */
  readonly parent?: string;
  /** Whether the resource is (or will be) protected. */
  readonly protect?: boolean;
  /** Whether the resource was protected before the change (when the old state is known). */
  readonly oldProtect?: boolean;
  /** Whether the step is a logical change (false for the non-logical halves of a replacement). */
  readonly logical?: boolean;
  /** Provider reference when known. */
  readonly provider?: string;
}

/** Steps whose op means the resource (or its data) goes away. */
export const DESTRUCTIVE_OPS: ReadonlySet<Op> = new Set<Op>([
  Op.delete,
  Op.replace,
  Op.deleteReplaced,
  Op.discardReplaced,
  Op.importReplacement,
]);

/** Splits a URN into its parts. `urn:pulumi:<stack>::<project>::<parent types$type>::<name>` */
export function parseUrn(
  urn: string,
): { stack: string; project: string; type: string; name: string } | undefined {
  const parts = urn.split("::");
  if (parts.length < 4 || !parts[0]!.startsWith("urn:pulumi:")) return undefined;
  const qualified = parts[2]!;
  return {
    stack: parts[0]!.slice("urn:pulumi:".length),
    project: parts[1]!,
    type: qualified.slice(qualified.lastIndexOf("$") + 1),
    name: parts.slice(3).join("::"),
  };
}

/** How bad a finding is. */
export const Severity = {
  critical: "critical",
  high: "high",
  medium: "medium",
  low: "low",
  info: "info",
} as const;
/** A finding severity. */
export type Severity = (typeof Severity)[keyof typeof Severity];

/**
 * How a finding relates to the change: the rule is evaluated on the state before the change and
 * after it. `introduced` = present after only (blocks when the rule is mandatory); `existing` =
 * present both times (counted, never blocking); `fixed` = present before only.
 *
 * @example
 * ```ts
 * findings.filter((f) => f.class === FindingClass.introduced);
 * ```
 */
export const FindingClass = { introduced: "introduced", existing: "existing", fixed: "fixed" } as const;
/** A finding class. */
export type FindingClass = (typeof FindingClass)[keyof typeof FindingClass];

/**
 * A guard's verdict on one resource (or the whole plan). Produced by plan/guards, rendered by the
 * review renderers, enforced by the review exit code and the CrossGuard pack.
 */
export interface Finding {
  /** Our rule id, e.g. `platform/data-loss` or `gcp/sql-require-ssl`. */
  readonly id: string;
  /** External ids the rule corresponds to, e.g. `["CKV_GCP_6", "AVD-GCP-0015", "CIS 6.4"]`. */
  readonly refs?: readonly string[];
  readonly severity: Severity;
  /** True when this finding fails the review (mandatory rule, unacknowledged data loss). */
  readonly blocking: boolean;
  /** What is wrong and what to change. */
  readonly message: string;
  readonly urn?: string;
  readonly type?: string;
  /** Set when the guards saw the state before the change (a plan); absent for a lone inventory. */
  readonly class?: FindingClass;
}

/**
 * A rule that was not run, and why (e.g. a stack-scope rule on a plan that lacks the stack's
 * other resources: `--target`, a preview without `--show-sames`).
 *
 * @example
 * ```ts
 * const n: NotEvaluated = { id: "gcp/audit-logs-all-services", refs: ["CKV2_GCP_5"], reason: "partial plan" };
 * ```
 */
export interface NotEvaluated {
  readonly id: string;
  readonly refs?: readonly string[];
  readonly reason: "partial plan";
}

/** Monthly cost of one resource, in USD. */
export interface CostLine {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  /** Component (labels or parent) the resource belongs to, for grouping. */
  readonly component?: string;
  /** Always-on cost (instances, storage, key versions). Undefined when the type is not priced. */
  readonly baseline?: number;
  /** Usage-driven cost from the usage file (requests, operations). */
  readonly usage?: number;
  /** True when no estimator exists for this type: listed as "not priced", never silently zero. */
  readonly notPriced?: boolean;
  /** How the figure was computed, e.g. `db-custom-2-7680 REGIONAL: 2 vCPU × $0.0413/h × 2 × 730 h`. */
  readonly notes?: readonly string[];
}
