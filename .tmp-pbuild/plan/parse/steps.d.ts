/**
 * Building PlanSteps from engine step metadata (events) and preview-digest steps, and keeping one
 * step per URN.
 */
import { Op, type PlanStep } from "../model";
/** True when `value` is a known step operation. */
export declare function isOp(value: unknown): value is Op;
/** What differs between an event's metadata and a digest step, already mapped to common names. */
export interface RawStep {
    readonly op: unknown;
    readonly urn: unknown;
    readonly type?: unknown;
    readonly old?: unknown;
    readonly new?: unknown;
    readonly diffs?: unknown;
    readonly keys?: unknown;
    readonly detailedDiff?: unknown;
    /** `diffKind` in events, `kind` in the digest. */
    readonly diffKindKey: "diffKind" | "kind";
    readonly logical?: unknown;
    readonly provider?: unknown;
}
/**
 * Builds a PlanStep, or returns a reason string when the raw step is unusable.
 *
 * @example
 * ```ts
 * const step = buildStep({ ...event.resourcePreEvent.metadata, diffKindKey: "diffKind" });
 * if (typeof step === "string") corrupt.push({ line, error: step });
 * ```
 */
export declare function buildStep(raw: RawStep): PlanStep | string;
/**
 * Keeps one step per URN: the latest logical step wins; the halves of a replacement
 * (`create-replacement`, `delete-replaced`) are merged into the URN's `replace` step, or kept on
 * their own when there is none (a pending delete left by an earlier run).
 *
 * @example
 * ```ts
 * const store = new StepStore();
 * store.add(createReplacement); store.add(replace); store.add(deleteReplaced);
 * store.steps(); // [one "replace" step with old and new inputs and the union of the replace keys]
 * ```
 */
export declare class StepStore {
    private readonly slots;
    /** Number of distinct URNs seen. */
    get size(): number;
    add(step: PlanStep): void;
    /** The steps, in order of each URN's first appearance. */
    steps(): PlanStep[];
}
