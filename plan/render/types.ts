/**
 * What the renderers take: one review per environment. Cost and budget are optional and loosely
 * coupled (plan/cost and plan/guards fill them); everything else comes from the parsers.
 */
import type { CostLine, Finding, NotEvaluated, PlanStep } from "../model";
import type { ChangeCounts } from "../parse";
import type { ResourceChange } from "./describe";

/**
 * Where an environment's steps came from.
 *
 * @example
 * ```ts
 * const review: EnvReview = { env, stack, source: ReviewSource.offline, steps, findings: [] };
 * ```
 */
export const ReviewSource = {
  preview: "preview",
  eventLog: "event-log",
  previewJson: "preview-json",
  offline: "offline",
} as const;
/** A review source. */
export type ReviewSource = (typeof ReviewSource)[keyof typeof ReviewSource];

/**
 * Pass / warn / fail, for budgets, guards, environments and the whole review.
 *
 * @example
 * ```ts
 * if (overallStatus(reviews) === Status.fail) process.exitCode = 1;
 * ```
 */
export const Status = { ok: "ok", warn: "warn", fail: "fail" } as const;
/** A status. */
export type Status = (typeof Status)[keyof typeof Status];

/**
 * Monthly cost of an environment before and after the change.
 *
 * @example
 * ```ts
 * const cost: EnvCost = { before: 30.5, after: 45.1, lines: headLines, beforeLines: baseLines, notPriced: ["gcp:monitoring/dashboard:Dashboard"] };
 * ```
 */
export interface EnvCost {
  /** Monthly total before the change (base). */
  readonly before: number;
  /** Monthly total after the change (head). */
  readonly after: number;
  /** ISO currency code. @default "USD" */
  readonly currency?: string;
  /** Per-resource cost after the change. */
  readonly lines: readonly CostLine[];
  /** Per-resource cost before the change, to show a per-resource delta. */
  readonly beforeLines?: readonly CostLine[];
  /** Types (or URNs) no estimator exists for: listed as "not priced", never counted as zero. */
  readonly notPriced: readonly string[];
}

/**
 * The environment's budget and how the new total compares with it.
 *
 * @example
 * ```ts
 * const budget: EnvBudget = { amount: 50, currency: "USD", status: "warn", message: "90% of $50.00" };
 * ```
 */
export interface EnvBudget {
  readonly amount: number;
  /** ISO currency code, e.g. `USD`. */
  readonly currency: string;
  readonly status: Status;
  /** Why, e.g. "new total $45.10 is 90% of $50.00 (warn at 80%)". */
  readonly message?: string;
}

/**
 * A plan's changes as the renderers show them, described once.
 *
 * @example
 * ```ts
 * const changes: DescribedChanges = { counts: countChanges(steps), list: describeChanges(steps) };
 * ```
 */
export interface DescribedChanges {
  readonly counts: ChangeCounts;
  /** Every change in plan order, with all its property lines. */
  readonly list: readonly ResourceChange[];
}

/**
 * Everything the review shows for one environment.
 *
 * @example
 * ```ts
 * const review: EnvReview = { env: "dev", stack: "acme/dev", source: "preview", steps, findings: [] };
 * renderMarkdown([review]);
 * ```
 */
export interface EnvReview {
  readonly env: string;
  /** Stack name, e.g. `acme/platform/dev`. */
  readonly stack: string;
  readonly source: ReviewSource;
  /** The planned steps; empty when {@link EnvReview.changes} holds the changes instead. */
  readonly steps: readonly PlanStep[];
  /**
   * The changes, described already: a review that folds a large recorded plan as it reads it
   * keeps these instead of the steps. When set, renderers show these and `steps` is empty.
   * @default undefined (described from `steps`)
   */
  readonly changes?: DescribedChanges;
  readonly cost?: EnvCost;
  readonly budget?: EnvBudget;
  readonly findings: readonly Finding[];
  /** Rules not run on this plan (stack-scope rules on a partial plan), shown as "not evaluated". */
  readonly notEvaluated?: readonly NotEvaluated[];
  /** Set when the preview (or parse) failed: the environment is shown as failed, with this text. */
  readonly error?: string;
}
