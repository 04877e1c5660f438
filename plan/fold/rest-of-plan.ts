/**
 * The rest of the plan, as a folded step sees it. While a step is judged on its own: stand-ins,
 * empty, each marking a {@link Watch} when read (the state's resources, a live free-tier
 * allowance, a neighbour lookup); a step whose rules or estimator read one is judged again at the
 * end, with the plan, and one that reads none says the same on its own as within the whole plan.
 * For the end: what the stack rules (their declared `reads`, {@link stateReads}) and the
 * estimators of other resources ({@link crossReads}) read of each resource; the rest of a step is
 * let go once it is judged.
 */
import {
  crossReads,
  freeTierFor,
  FreeTierKey,
  type FreeTierPool,
  type StepPricing,
  type Usage,
} from "../cost";
import { stateReads } from "../guards";
import type { GuardResource } from "../guards/types";
import type { PlanStep } from "../model";

/**
 * Set when a rule or an estimator reads something a step on its own cannot know.
 *
 * @example
 * ```ts
 * const watch = new Watch(); watch.read = false; judge(step); if (watch.read) holdForTheEnd(step);
 * ```
 */
export class Watch {
  /** @default false */
  read = false;
}

/**
 * The stand-ins {@link watchedStandIns} makes.
 *
 * @example
 * ```ts
 * const { resources, pool, siblingsOf }: StandIns = watchedStandIns(watch, usage);
 * ```
 */
export interface StandIns {
  /** The state (rules' `ctx.resources`, estimators' `related`): empty, read-watched. */
  readonly resources: readonly GuardResource[] & readonly never[];
  /** A free-tier pool: billable as if nothing were free; drawing on a live allowance is watched. */
  readonly pool: FreeTierPool;
  readonly siblingsOf: StepPricing["siblingsOf"]["after"];
}

/**
 * Stand-ins that tell `watch` when they are read. An allowance the usage file leaves at nothing
 * answers the same whatever came first, so only live ones are watched.
 *
 * @example
 * ```ts
 * const standIns = watchedStandIns(watch, loadUsage("prod", "stacks"));
 * guards.judge([step], guards.context(standIns.resources), guards.context(standIns.resources));
 * ```
 */
export function watchedStandIns(watch: Watch, usage: Usage): StandIns {
  const resources = new Proxy(Object.freeze([]) as never[], {
    get(target, key, receiver) {
      watch.read = true;
      return Reflect.get(target, key, receiver);
    },
  });
  const real = freeTierFor(usage);
  const active = new Set(Object.values(FreeTierKey).filter((k) => real.left(k) > 0));
  const pool: FreeTierPool = {
    take(key, quantity) {
      if (active.has(key)) watch.read = true;
      return quantity;
    },
    left(key) {
      if (active.has(key)) watch.read = true;
      return 0;
    },
  };
  const siblingsOf = () => () => {
    watch.read = true;
    return [];
  };
  return { resources, pool, siblingsOf };
}

const NONE: readonly string[] = Object.freeze([]);

/** Top-level `keys` of some inputs (undefined stays undefined). */
function pick<T extends Readonly<Record<string, unknown>>>(
  inputs: T | undefined,
  keys: readonly string[],
): T | undefined {
  if (inputs === undefined) return undefined;
  const out: Record<string, unknown> = {};
  for (const k of keys) if (Object.hasOwn(inputs, k)) out[k] = inputs[k];
  return out as T;
}

/**
 * A resource state as stack rules read it ({@link stateReads}): identity, parent, protect flag and
 * the declared inputs; undefined when no stack rule reads its type.
 *
 * @example
 * ```ts
 * compactState(bucket)?.inputs; // { name: "logs", retentionPolicy: { … } }
 * ```
 */
export function compactState(r: GuardResource | undefined): GuardResource | undefined {
  if (r === undefined) return undefined;
  const keys = stateReads(r.type);
  if (keys === undefined) return undefined;
  if (keys === "all") return r;
  const oldInputs = pick(r.oldInputs, keys);
  return {
    urn: r.urn,
    type: r.type,
    name: r.name,
    inputs: pick(r.inputs, keys)!,
    ...(r.parent !== undefined ? { parent: r.parent } : {}),
    ...(r.protect !== undefined ? { protect: r.protect } : {}),
    ...(oldInputs !== undefined ? { oldInputs } : {}),
  };
}

/**
 * A step as other resources' estimators read it ({@link crossReads}): its identity, parent and the
 * inputs they read; undefined when none reads its type.
 */
export function compactStep(step: PlanStep): PlanStep | undefined {
  const keys = crossReads(step.type);
  if (keys === undefined) return undefined;
  if (keys === "all") return step;
  const oldInputs = pick(step.oldInputs, keys);
  const newInputs = step.newInputs === step.oldInputs ? oldInputs : pick(step.newInputs, keys);
  return {
    op: step.op,
    urn: step.urn,
    type: step.type,
    name: step.name,
    ...(oldInputs !== undefined ? { oldInputs } : {}),
    ...(newInputs !== undefined ? { newInputs } : {}),
    diffs: NONE,
    replaceReasons: NONE,
    ...(step.parent !== undefined ? { parent: step.parent } : {}),
  };
}
