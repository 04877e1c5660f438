/**
 * One normalized model of what a change does. Every consumer downstream of the engine (cost,
 * guards, renderers) reads PlanSteps, whatever produced them: a real preview, a recorded event
 * log, a `pulumi preview --json` digest, or an offline synth diff.
 */
/** Engine step operations (Automation API `OpType` plus the Go engine's extras). */
export declare const Op: {
    readonly same: "same";
    readonly create: "create";
    readonly update: "update";
    readonly delete: "delete";
    readonly replace: "replace";
    readonly createReplacement: "create-replacement";
    readonly deleteReplaced: "delete-replaced";
    readonly read: "read";
    readonly readReplacement: "read-replacement";
    readonly refresh: "refresh";
    readonly discard: "discard";
    readonly discardReplaced: "discard-replaced";
    readonly removePendingReplace: "remove-pending-replace";
    readonly import: "import";
    readonly importReplacement: "import-replacement";
    readonly diff: "diff";
    readonly extendParameterize: "extend-parameterize";
};
/** A step operation. */
export type Op = (typeof Op)[keyof typeof Op];
/** All known step operations. */
export declare const OPS: readonly Op[];
/** Kinds of a detailed property diff (engine events call the field `diffKind`, preview JSON `kind`). */
export declare const DiffKind: {
    readonly add: "add";
    readonly addReplace: "add-replace";
    readonly delete: "delete";
    readonly deleteReplace: "delete-replace";
    readonly update: "update";
    readonly updateReplace: "update-replace";
};
/** A detailed diff kind. */
export type DiffKind = (typeof DiffKind)[keyof typeof DiffKind];
/** The engine's unknown-value sentinel (a computed value not known during preview). */
export declare const UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** The string Pulumi renders in place of a secret value. */
export declare const SECRET_TEXT = "[secret]";
/**
 * Marker values that replace the engine's sentinels inside normalized inputs, so nothing
 * downstream mistakes them for real strings (a tier called "[secret]" does not exist).
 */
export declare const UNKNOWN: unique symbol;
/** See {@link UNKNOWN}. */
export declare const SECRET: unique symbol;
/** A normalized property value: JSON, or one of the two markers. */
export type PlanValue = string | number | boolean | null | typeof UNKNOWN | typeof SECRET | PlanValue[] | {
    [key: string]: PlanValue;
};
/** Normalized resource inputs. */
export type PlanInputs = {
    [key: string]: PlanValue;
};
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
    /** Whether the step is a logical change (false for the non-logical halves of a replacement). */
    readonly logical?: boolean;
    /** Provider reference when known. */
    readonly provider?: string;
}
/** Steps whose op means the resource (or its data) goes away. */
export declare const DESTRUCTIVE_OPS: ReadonlySet<Op>;
/** Splits a URN into its parts. `urn:pulumi:<stack>::<project>::<parent types$type>::<name>` */
export declare function parseUrn(urn: string): {
    stack: string;
    project: string;
    type: string;
    name: string;
} | undefined;
/** How bad a finding is. */
export declare const Severity: {
    readonly critical: "critical";
    readonly high: "high";
    readonly medium: "medium";
    readonly low: "low";
    readonly info: "info";
};
/** A finding severity. */
export type Severity = (typeof Severity)[keyof typeof Severity];
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
