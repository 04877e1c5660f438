import { statSync } from "node:fs";
import { estimatePlan, checkBudget, loadUsage } from "../../plan/cost";
import { diffInventories } from "../../plan/diff";
import { isPartialPlan, runGuardsReport, lacksResources } from "../../plan/guards";
import { foldEventLog } from "../../plan/fold";
import type { CostLine, Finding, NotEvaluated, PlanStep } from "../../plan/model";
import {
  assertPlanStack,
  detectPlanFormat,
  parseInventory,
  parsePlanFile,
  PlanFormat,
  PlanParseError,
  planCompleteness,
  type ParseResult,
  type PlanCompleteness,
} from "../../plan/parse";
import type { DescribedChanges, EnvCost, EnvReview, ReviewSource } from "../../plan/render";
import { PlatformError } from "../../components/shared/errors";
import { stacksDir } from "../../programs/stack-config";
import { synth, type SynthResult } from "../synth";
import { mapLimit, synthAtRef, SYNTH_CONCURRENCY } from "./base-ref";
import { envConfig } from "./cost-report";

export { costReport, envConfig, renderCostReport, type EnvCostReport } from "./cost-report";
export { synthAtRef } from "./base-ref";

/** Where the planned steps come from. */
export type StepSource =
  /** A recorded engine event log or `pulumi preview --json` output; `{env}` in the path is replaced. */
  | { readonly kind: "file"; readonly path: string }
  /** Offline: synth at `base` (a git ref) vs synth of the working tree, diffed by URN. */
  | { readonly kind: "offline"; readonly base: string }
  /** Steps produced elsewhere (e.g. a live preview through the orchestrator). */
  | {
      readonly kind: "steps";
      readonly source: ReviewSource;
      readonly steps: (env: string) => Promise<readonly PlanStep[]>;
      /** Whether the plan of `env` is whole (a live preview checks its events against the summary). */
      readonly completeness?: (env: string) => Promise<PlanCompleteness>;
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
  /**
   * Review a recorded plan that is incomplete (no summary, or steps that do not add up to it):
   * the "incomplete plan" finding is then shown but does not block. @default false
   */
  readonly allowIncomplete?: boolean;
  /** Where warnings about the inputs go (corrupt lines). @default stderr */
  readonly warn?: (message: string) => void;
  /** Progress: the base build, each synth (head and base side), each diff. @default none */
  readonly onStep?: (step: ReviewStep) => void;
  /** Reuse (and keep) the working tree's synth results (see ../synth/cache.ts). @default true */
  readonly synthCache?: boolean;
  /**
   * Review a recorded event log as it is read, never holding the whole plan (`plan/fold`): the
   * review then carries its described `changes` instead of `steps`, and cost lines without
   * `component`. The CLI's `review --events` does this. @default false
   */
  readonly fold?: boolean;
}

/** One step of a review, started or done (`cached`: nothing had to be done). */
export type ReviewStep =
  | { readonly step: "checkout" | "build"; readonly state: "start" | "done"; readonly cached: boolean }
  | {
      readonly step: "synth";
      readonly side: "base" | "head";
      readonly env: string;
      readonly state: "start" | "done";
      readonly cached: boolean;
    }
  | { readonly step: "diff"; readonly env: string; readonly state: "start" | "done" };

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
export async function review(options: ReviewOptions): Promise<EnvReview[]> {
  const dir = stacksDir();
  const configs = new Map(options.envs.map((env) => [env, envConfig(env, dir)] as const));
  if (options.source.kind === "file") {
    for (const env of options.envs) checkPlanFile(options.source.path.replaceAll("{env}", env));
  }
  const warn = options.warn ?? ((m: string) => process.stderr.write(`${m}\n`));
  const onStep = options.onStep ?? (() => undefined);
  // Offline, the head's synths and the base's build and synths run side by side; a recorded or
  // live plan needs no synth at all.
  const offline = options.source.kind === "offline";
  const headsP = mapLimit(offline ? options.envs : [], SYNTH_CONCURRENCY, async (env) => {
    let cached = false;
    const result = await synth(env, {
      ...(options.synthCache === false ? { cache: false } : {}),
      onStart: (c) => onStep({ step: "synth", side: "head", env, state: "start", cached: (cached = c) }),
    });
    onStep({ step: "synth", side: "head", env, state: "done", cached });
    return [env, result] as const;
  });
  const basesP =
    options.source.kind === "offline"
      ? synthAtRef(options.source.base, options.envs, undefined, (s) =>
          onStep(s.step === "synth" ? { ...s, side: "base" } : s),
        )
      : undefined;
  const [headList, bases] = await Promise.all([headsP, basesP]);
  const heads = new Map<string, SynthResult>(headList);

  const out: EnvReview[] = [];
  for (const env of options.envs) {
    const cfg = configs.get(env)!;
    const head = heads.get(env);
    let steps: readonly PlanStep[];
    let source: ReviewSource;
    // A plan that lacks some of the stack's resources cannot judge stack-scope rules.
    let partialPlan = false;
    const inputFindings: Finding[] = [];
    switch (options.source.kind) {
      case "offline":
        onStep({ step: "diff", env, state: "start" });
        steps = diffInventories(parseInventory(bases!.get(env)!), parseInventory(head!));
        onStep({ step: "diff", env, state: "done" });
        source = "offline";
        break;
      case "file": {
        const file = options.source.path.replaceAll("{env}", env);
        const folded = options.fold ? await foldedReview(env, file, cfg, options, warn) : undefined;
        if (folded) {
          out.push(folded);
          continue;
        }
        const { format, result } = await parsePlanFile(file, { strict: options.strict ?? false }).catch(
          namingFile(file),
        );
        warnCorrupt(file, result, warn);
        assertPlanStack(result.steps, env, file);
        // A synth inventory is whole by construction; recorded plans must prove it.
        const completeness =
          format === "inventory"
            ? undefined
            : planCompleteness(result, format === "event-log" ? "event-log" : "preview-digest");
        if (completeness && !completeness.complete)
          inputFindings.push(incompleteFinding(file, completeness.problems, options));
        steps = result.steps;
        source = format === "event-log" ? "event-log" : "preview-json";
        // Count against the change summary; without one, against a synth of the same program when
        // there is one, else the plan cannot prove it is whole (it is also reported incomplete).
        partialPlan = result.summary
          ? isPartialPlan(steps, result.summary.resourceChanges)
          : !head ||
            lacksResources(
              steps,
              parseInventory(head)
                // Components, the stack and providers are named differently by the mock runtime.
                .resources.filter((r) => !/^(platform|pulumi):/.test(r.type))
                .map((r) => r.urn),
            );
        break;
      }
      case "steps": {
        steps = await options.source.steps(env);
        source = options.source.source;
        const completeness = await options.source.completeness?.(env);
        if (completeness && !completeness.complete)
          inputFindings.push(incompleteFinding(`${source} of ${env}`, completeness.problems, options));
        break;
      }
    }
    const plan = planCost(steps, env, dir, cfg.region);
    const report = runGuardsReport({
      profile: cfg.profile,
      steps,
      // Offline, the base and head inventories are the whole state before and after the change;
      // recorded plans carry their own (old and new inputs).
      ...(source === "offline" && head
        ? { resources: parseInventory(head).resources, before: parseInventory(bases!.get(env)!).resources }
        : {}),
      partialPlan,
      allowDataLoss: options.allowDataLoss ?? [],
    });
    out.push(
      envReview(
        env,
        source,
        steps,
        plan,
        cfg,
        options,
        [...inputFindings, ...report.findings],
        report.notEvaluated,
      ),
    );
  }
  return out;
}

/**
 * The review of one recorded event log, folded as it is read ({@link foldEventLog}); undefined
 * when the file is not an event log or the plan needs the whole-plan review. It checks, prices
 * and judges what the whole-plan review does, with the same verdicts.
 */
async function foldedReview(
  env: string,
  file: string,
  cfg: ReturnType<typeof envConfig>,
  options: ReviewOptions,
  warn: (message: string) => void,
): Promise<EnvReview | undefined> {
  if ((await detectPlanFormat(file)) !== PlanFormat.eventLog) return undefined;
  const folded = await foldEventLog(file, {
    profile: cfg.profile,
    allowDataLoss: options.allowDataLoss ?? [],
    usage: loadUsage(env, stacksDir()),
    region: cfg.region,
    strict: options.strict ?? false,
  }).catch(namingFile(file));
  if (!folded) return undefined;
  const result = folded.parse;
  warnCorrupt(file, result, warn);
  assertPlanStack(folded.stacks, env, file);
  const completeness = planCompleteness({ ...result, steps: folded.ops }, "event-log");
  const findings: Finding[] = [];
  if (!completeness.complete) findings.push(incompleteFinding(file, completeness.problems, options));
  // Without a summary there is no synth to count against here: the plan cannot prove it is whole.
  const partialPlan = result.summary ? isPartialPlan(folded.urns, result.summary.resourceChanges) : true;
  const report = folded.report(partialPlan);
  findings.push(...report.findings);
  return envReview(
    env,
    "event-log",
    [],
    folded.cost,
    cfg,
    options,
    findings,
    report.notEvaluated,
    folded.changes,
  );
}

/** The review of one environment: its plan, cost and findings, and the budget verdict. */
function envReview(
  env: string,
  source: ReviewSource,
  steps: readonly PlanStep[],
  plan: Omit<EnvCost, "currency">,
  cfg: ReturnType<typeof envConfig>,
  options: ReviewOptions,
  findings: readonly Finding[],
  notEvaluated: readonly NotEvaluated[],
  changes?: DescribedChanges,
): EnvReview {
  const amount = cfg.budget.amount;
  const budget =
    amount === undefined
      ? undefined
      : checkBudget(plan.after, {
          amount,
          thresholds: cfg.budget.thresholds,
          notPriced: plan.notPriced,
          ...(options.budgetFailAbove !== undefined ? { failAbove: options.budgetFailAbove } : {}),
        });
  return {
    env,
    stack: env,
    source,
    steps,
    ...(changes ? { changes } : {}),
    cost: {
      before: plan.before,
      after: plan.after,
      currency: "USD",
      lines: plan.lines,
      ...(plan.beforeLines ? { beforeLines: plan.beforeLines } : {}),
      notPriced: plan.notPriced,
    },
    ...(budget && amount !== undefined
      ? { budget: { amount, currency: cfg.budget.currency, status: budget.status, message: budget.message } }
      : {}),
    findings,
    notEvaluated,
  };
}

/** Every parse error names the file (a value nested too deep is found far from it). */
function namingFile(file: string): (e: unknown) => never {
  return (e) => {
    if (e instanceof PlanParseError && !e.message.includes(file))
      throw new PlanParseError(`${file}: ${e.message}`, file, e.line);
    throw e;
  };
}

function warnCorrupt(file: string, result: ParseResult, warn: (message: string) => void): void {
  if (result.stats.corruptLines > 0) {
    warn(
      `${file}: ${result.stats.corruptLines} corrupt line(s) skipped: ${result.corrupt.map((c) => `line ${c.line}: ${c.error}`).join("; ")}`,
    );
  }
}

/** A missing or unreadable plan file is a one-line error before anything runs. */
/**
 * The review's cost of a plan: the totals and each side's lines. The per-step lines that pair them
 * are not kept (a large plan's guards run next, and they are a fifth of its memory).
 */
function planCost(steps: readonly PlanStep[], env: string, dir: string, region: string) {
  // The review prints no cost notes: leaving them out keeps a large plan's lines small.
  const plan = estimatePlan(steps, loadUsage(env, dir), { region, notes: false });
  return {
    before: plan.before,
    after: plan.after,
    notPriced: plan.notPriced,
    lines: plan.lines.map((l) => l.after).filter((l): l is CostLine => l !== undefined),
    beforeLines: plan.lines.map((l) => l.before).filter((l): l is CostLine => l !== undefined),
  };
}

function checkPlanFile(file: string): void {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    throw new PlatformError(`plan file ${file} does not exist`);
  }
  if (stat.isDirectory()) throw new PlatformError(`plan file ${file} is a directory, expected a file`);
}

/** Rule id of the finding a recorded plan that is not whole gets. */
export const INCOMPLETE_PLAN_RULE = "platform/incomplete-plan";

function incompleteFinding(file: string, problems: readonly string[], o: ReviewOptions): Finding {
  return {
    id: INCOMPLETE_PLAN_RULE,
    severity: "critical",
    blocking: o.allowIncomplete !== true,
    message:
      `incomplete plan: ${file}: ${problems.join("; ")}. What is missing cannot be reviewed (a delete may have been cut off). ` +
      (o.allowIncomplete
        ? "Reviewed anyway (--allow-incomplete)."
        : "Record the plan again, or pass --allow-incomplete to review what is there."),
  };
}

/** True when a review must fail the pipeline: a blocking finding or a failed budget. */
export function isBlocked(reviews: readonly EnvReview[]): boolean {
  return reviews.some(
    (r) => r.findings.some((f) => f.blocking) || r.budget?.status === "fail" || r.error !== undefined,
  );
}

/** Parses `--allow-data-loss` values (URNs or `prefix*`). */
export function parseAllowDataLoss(values: readonly string[]): string[] {
  for (const v of values) {
    if (!v.startsWith("urn:pulumi:"))
      throw new PlatformError(
        `--allow-data-loss: expected a URN (urn:pulumi:…) or a URN prefix ending in *, got ${JSON.stringify(v)}`,
      );
  }
  return [...values];
}
