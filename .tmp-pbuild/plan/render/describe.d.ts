/**
 * What every renderer shows, computed once: per-resource changes with property paths and values,
 * counts, cost rows and statuses. Renderers only lay it out.
 */
import { DiffKind, type Finding, type Op, type PlanInputs, type PlanStep, type PlanValue } from "../model";
import { type ChangeCounts, type ChangeKind } from "../parse";
import { Status, type EnvCost, type EnvReview } from "./types";
/** One property line of a resource change. */
export interface PropertyLine {
    readonly path: string;
    readonly kind: DiffKind;
    /** Value before; absent for additions. */
    readonly old?: PlanValue;
    /** Value after; absent for deletions. */
    readonly new?: PlanValue;
}
/** One resource that changes. */
export interface ResourceChange {
    readonly kind: ChangeKind;
    readonly op: Op;
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly protect: boolean;
    readonly replaceReasons: readonly string[];
    readonly properties: readonly PropertyLine[];
    /** Property lines left out by `maxProperties`. */
    readonly omitted: number;
}
/** Options for {@link describeChanges}. */
export interface DescribeOptions {
    /** Most property lines per resource. @default Infinity */
    readonly maxProperties?: number;
}
/**
 * The resources that change, each with its property lines: leaf inputs for creates, the detailed
 * diff (the engine's, or computed from old and new inputs when the engine gave none) for updates
 * and replacements, nothing for deletes.
 *
 * @example
 * ```ts
 * describeChanges(review.steps)[0]!.properties; // [{ path: "settings.tier", kind: "update", old: "a", new: "b" }]
 * ```
 */
export declare function describeChanges(steps: readonly PlanStep[], options?: DescribeOptions): ResourceChange[];
/**
 * Flattens inputs to `[path, value]` leaves; arrays of scalars stay one leaf.
 *
 * @example
 * ```ts
 * leaves({ settings: { tier: "t", flags: ["a"] } }); // [["settings.tier", "t"], ["settings.flags", ["a"]]]
 * ```
 */
export declare function leaves(inputs: PlanInputs): Array<[string, PlanValue]>;
/**
 * One property line as text: creates list plain `path: value`; changes mark each line `+`, `-` or
 * `~`, with `forcesNote` appended to properties that force replacement.
 *
 * @example
 * ```ts
 * propertyLineText({ path: "tier", kind: "update-replace", old: "BASIC", new: "STANDARD_HA" }, false, " (forces replacement)");
 * // '~ tier: "BASIC" → "STANDARD_HA" (forces replacement)'
 * ```
 */
export declare function propertyLineText(p: PropertyLine, create: boolean, forcesNote: string): string;
/** How a value is shown to people. */
export interface FormatValueOptions {
    /** Text for unknown values. @default "(known after apply)" */
    readonly unknown?: string;
    /** Longest rendering before it is cut with `…`. @default 120 */
    readonly maxLength?: number;
}
/**
 * Formats a value for a person: strings JSON-quoted, objects as compact JSON, secrets always
 * `[secret]`, unknowns as `(known after apply)`, long values cut.
 *
 * @example
 * ```ts
 * formatValue({ password: SECRET, tier: UNKNOWN }); // '{"password":[secret],"tier":(known after apply)}'
 * ```
 */
export declare function formatValue(value: PlanValue | undefined, options?: FormatValueOptions): string;
/**
 * A value as JSON-safe data: secrets `"[secret]"`, unknowns `"[unknown]"`.
 *
 * @example
 * ```ts
 * toJsonValue({ a: SECRET, b: UNKNOWN }); // { a: "[secret]", b: "[unknown]" }
 * ```
 */
export declare function toJsonValue(value: PlanValue): unknown;
/** Counts for an environment (root stack and non-changes skipped). */
export declare function envCounts(review: EnvReview): ChangeCounts;
/**
 * Findings in reading order: blocking first, then by severity, then by rule id and resource.
 *
 * @example
 * ```ts
 * sortFindings(review.findings)[0]?.blocking; // true when anything blocks
 * ```
 */
export declare function sortFindings(findings: readonly Finding[]): Finding[];
/**
 * Guard status: `fail` when any finding blocks, `warn` for non-blocking medium or worse, else `ok`.
 *
 * @example
 * ```ts
 * guardStatus([{ id: "x", severity: "high", blocking: false, message: "m" }]); // "warn"
 * ```
 */
export declare function guardStatus(findings: readonly Finding[]): Status;
/** The worse of some statuses. */
export declare function worst(...statuses: Array<Status | undefined>): Status;
/**
 * An environment's status: failed preview, blocking findings or a failed budget → `fail`.
 *
 * @example
 * ```ts
 * envStatus({ ...review, error: "preview failed" }); // "fail"
 * ```
 */
export declare function envStatus(review: EnvReview): Status;
/** The status of the whole review: the worst environment. */
export declare function overallStatus(reviews: readonly EnvReview[]): Status;
/** One row of an environment's cost table. */
export interface CostRow {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly before?: number;
    readonly after?: number;
    readonly delta: number;
    readonly notPriced: boolean;
}
/**
 * Per-resource cost rows (after-lines matched with before-lines by URN), biggest change first.
 *
 * @example
 * ```ts
 * costRows(review.cost!)[0]; // { name: "db-instance", before: 49.31, after: 98.62, delta: 49.31, ... }
 * ```
 */
export declare function costRows(cost: EnvCost): CostRow[];
/**
 * Formats money: `$1,234.56`; other currencies as `1,234.56 EUR`.
 *
 * @example
 * ```ts
 * formatMoney(45.1); // "$45.10"
 * ```
 */
export declare function formatMoney(amount: number, currency?: string): string;
/**
 * Formats a change in money with an explicit sign: `+$12.30`, `-$3.00`, `$0.00`.
 *
 * @example
 * ```ts
 * formatDelta(-3); // "-$3.00"
 * ```
 */
export declare function formatDelta(amount: number, currency?: string): string;
/**
 * "3 to create, 1 to update, 1 to replace" (or "no changes").
 *
 * @example
 * ```ts
 * countsSentence({ create: 3, update: 1, delete: 0, replace: 1 }); // "3 to create, 1 to update, 1 to replace"
 * ```
 */
export declare function countsSentence(counts: ChangeCounts): string;
