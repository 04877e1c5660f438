import type { PlanStep } from "../../plan/model";
import type { EnvReview, ReviewSource } from "../../plan/render";
export { costReport, envConfig, renderCostReport, type EnvCostReport } from "./cost-report";
export { synthAtRef } from "./base-ref";
/** Where the planned steps come from. */
export type StepSource = 
/** A recorded engine event log or `pulumi preview --json` output; `{env}` in the path is replaced. */
{
    readonly kind: "file";
    readonly path: string;
}
/** Offline: synth at `base` (a git ref) vs synth of the working tree, diffed by URN. */
 | {
    readonly kind: "offline";
    readonly base: string;
}
/** Steps produced elsewhere (e.g. a live preview through the orchestrator). */
 | {
    readonly kind: "steps";
    readonly source: ReviewSource;
    readonly steps: (env: string) => Promise<readonly PlanStep[]>;
};
/** Options of {@link review}. */
export interface ReviewOptions {
    readonly envs: readonly string[];
    readonly source: StepSource;
    /** URNs (or `prefix*`) whose data loss is acknowledged. @default [] */
    readonly allowDataLoss?: readonly string[];
    /** Fail the budget above this fraction of `platform:budget.amount`. @default 1 */
    readonly budgetFailAbove?: number;
    /** Treat corrupt event-log lines as fatal. @default false */
    readonly strict?: boolean;
    /** Where warnings about the inputs go (corrupt lines). @default stderr */
    readonly warn?: (message: string) => void;
}
/**
 * Builds the per-environment review — planned steps, the monthly cost before/after, the budget
 * verdict and the guard findings — from a recorded plan, an offline base-vs-head synth diff, or
 * steps supplied by a live preview. Inputs are validated (config, files) before anything else runs.
 *
 * @example
 * ```ts
 * const reviews = await review({ envs: ["prod"], source: { kind: "offline", base: "origin/main" } });
 * console.log(renderText(reviews));
 * ```
 */
export declare function review(options: ReviewOptions): Promise<EnvReview[]>;
/** True when a review must fail the pipeline: a blocking finding or a failed budget. */
export declare function isBlocked(reviews: readonly EnvReview[]): boolean;
/** Parses `--allow-data-loss` values (URNs or `prefix*`). */
export declare function parseAllowDataLoss(values: readonly string[]): string[];
