/**
 * The review of a recorded event log, folded as it is read: each step is described, priced and
 * judged when it arrives and then let go, so a 100,000-resource plan is never held whole. What a
 * step's verdict needs from the rest of the plan waits for the end: a replacement's halves (merged
 * as {@link StepStore} merges them), a resource whose price or rule reads other resources (a
 * secret version's secret, a Lambda's neighbours) or draws on a free-tier allowance (drawn in plan
 * order), and the stack rules, which see the part of the state they declare they read
 * ({@link stateReads}, {@link crossReads}). The result is what the whole-plan review computes from
 * the same log (tested on every fixture and on generated plans); a plan the fold cannot follow
 * exactly (a replacement half for a resource already judged on its own) returns undefined, and the
 * caller reviews it whole.
 */
import {
  lineSums,
  notPricedTypes,
  priceStep,
  REPLACEMENT_HALVES,
  stepPricing,
  stepResource,
  type StepPricing,
  type Usage,
} from "../cost";
import { GuardFold, providerOf, urnStates, type Judgement } from "../guards";
import type { GuardResource } from "../guards/types";
import { Op, type CostLine, type PlanStep } from "../model";
import {
  isReplacementHalf,
  parseEventLog,
  StepStore,
  StringPool,
  urnStack,
  type ChangeCounts,
  type ParseResult,
} from "../parse";
import { describeChange, eachChange, type ResourceChange } from "../render/describe";
import type { Profile } from "../../components/shared/profiles";
import { compactState, compactStep, Watch, watchedStandIns } from "./rest-of-plan";

export { compactState, compactStep, Watch, watchedStandIns, type StandIns } from "./rest-of-plan";

/**
 * Options of {@link foldEventLog}: what the review would give the estimate and the guards.
 *
 * @example
 * ```ts
 * const options: FoldOptions = { profile: "prod", usage: loadUsage("prod", "stacks"), region: "europe-west1" };
 * ```
 */
export interface FoldOptions {
  readonly profile: Profile;
  /** URNs (or `prefix*`) whose data loss is acknowledged. @default [] */
  readonly allowDataLoss?: readonly string[];
  readonly usage: Usage;
  /** The environment's region (`gcp:region`). */
  readonly region: string;
  /** Treat corrupt lines as fatal. @default false */
  readonly strict?: boolean;
}

/** One side's priced line of a step (absent when its op does not count that side). */
interface Priced {
  readonly before?: CostLine;
  readonly after?: CostLine;
}

/**
 * A folded plan: what the review shows of it, and what the review checks it against.
 *
 * @example
 * ```ts
 * const folded = await foldEventLog("prod-events.jsonl", options);
 * if (folded) folded.report(isPartialPlan(folded.urns, folded.parse.summary?.resourceChanges));
 * ```
 */
export interface FoldedPlan {
  /** The parse's result without steps (summary, diagnostics, corrupt lines, failures, stats). */
  readonly parse: ParseResult;
  /** One entry per URN (its size is the number of resources the plan names). */
  readonly urns: ReadonlyMap<string, unknown>;
  /** The stacks the plan's URNs name. */
  readonly stacks: ReadonlySet<string>;
  /** One op per step, as the parser's steps would have them (for the completeness check). */
  readonly ops: readonly Pick<PlanStep, "op">[];
  readonly changes: { readonly counts: ChangeCounts; readonly list: readonly ResourceChange[] };
  readonly cost: {
    readonly before: number;
    readonly after: number;
    readonly lines: readonly CostLine[];
    readonly beforeLines: readonly CostLine[];
    readonly notPriced: readonly string[];
  };
  /** The guards' findings; `partialPlan` as the review decides it from the summary. */
  report(partialPlan: boolean): ReturnType<GuardFold["report"]>;
}

/** What the fold keeps of one URN (most of a large plan: a few fields each). */
interface Slot {
  /** The step's op, when it was judged on its own. */
  op: Op | undefined;
  /** Read by the sibling lookup (componentAncestor): the resource's parent. */
  parent: string | undefined;
  change: ResourceChange | undefined;
  before: CostLine | undefined;
  after: CostLine | undefined;
  judgement: Judgement | undefined;
  /** The resource after and before the change as stack rules read it (compact inputs). */
  now: GuardResource | undefined;
  then: GuardResource | undefined;
  /** The rarer parts. */
  more: More | undefined;
}

/** A slot with nothing in it yet (a literal: a class instance carries spare fields). */
function newSlot(): Slot {
  return {
    op: undefined,
    parent: undefined,
    change: undefined,
    before: undefined,
    after: undefined,
    judgement: undefined,
    now: undefined,
    then: undefined,
    more: undefined,
  };
}

interface More {
  /** Steps kept whole until the end. */
  held?: StepStore;
  /** … as the store returns them, their states, and their results, made at the end. */
  group?: readonly PlanStep[];
  states?: { readonly now?: GuardResource; readonly then?: GuardResource };
  changes?: readonly ResourceChange[];
  lines?: readonly Priced[];
  /** What other resources' prices read of it (compact inputs). */
  cross?: readonly PlanStep[];
}

/**
 * Folds an event log into what the review shows; undefined when the plan needs the whole-plan
 * review (see the module comment).
 *
 * @example
 * ```ts
 * const folded = await foldEventLog(file, { profile: "prod", usage, region: "europe-west1" });
 * ```
 */
export async function foldEventLog(file: string, options: FoldOptions): Promise<FoldedPlan | undefined> {
  const fold = new Fold(options);
  const parse = await parseEventLog(file, {
    file,
    strict: options.strict ?? false,
    onStep: (step) => fold.add(step),
  });
  return fold.finish(parse);
}

class Fold {
  private readonly slots = new Map<string, Slot>();
  private readonly stacks = new Set<string>();
  private readonly guards: GuardFold;
  private readonly watch = new Watch();
  private readonly probeCtx;
  private readonly probePricing: StepPricing;
  private readonly judgements = new Map<string | undefined, Map<string | undefined, Judgement>>();
  /** Property paths of the changes, one copy each. */
  private readonly paths = new StringPool();
  /** Set when the plan has a step the fold cannot follow exactly. */
  private unfoldable = false;

  constructor(private readonly options: FoldOptions) {
    this.guards = new GuardFold({ profile: options.profile, allowDataLoss: options.allowDataLoss ?? [] });
    const standIns = watchedStandIns(this.watch, options.usage);
    this.probeCtx = this.guards.context(standIns.resources);
    this.probePricing = {
      usage: options.usage,
      region: options.region,
      keepNotes: false,
      pools: { before: standIns.pool, after: standIns.pool },
      worlds: { before: standIns.resources, after: standIns.resources },
      siblingsOf: { before: standIns.siblingsOf, after: standIns.siblingsOf },
    };
  }

  add(step: PlanStep): void {
    if (this.unfoldable) return;
    let slot = this.slots.get(step.urn);
    if (!slot) {
      slot = newSlot();
      this.slots.set(step.urn, slot);
      const stack = urnStack(step.urn);
      if (stack !== undefined) this.stacks.add(stack);
    }
    const held = slot.more?.held;
    if (isReplacementHalf(step)) {
      // The store pairs it with the URN's replace step, or lists it after the URN's other step.
      if (slot.op !== undefined) this.unfoldable = true;
      else if (held) held.add(step);
      else hold(slot, step);
      return;
    }
    if (held) {
      held.add(step); // the latest logical step wins, as in the store
      return;
    }
    // A repeated logical step replaces the earlier one's verdict (the latest wins).
    clear(slot);
    if (step.op !== Op.replace && this.judgeAlone(slot, step)) return;
    clear(slot);
    hold(slot, step);
  }

  /** Describes, prices and judges a step on its own; false when it needs the rest of the plan. */
  private judgeAlone(slot: Slot, step: PlanStep): boolean {
    this.watch.read = false;
    const states = urnStates([step]);
    const judgement = this.guards.judge([step], this.probeCtx, this.probeCtx, states);
    const priced = priceStep(step, stepResource(step), undefined, this.probePricing);
    if (this.watch.read) return false;
    slot.op = step.op;
    slot.parent = step.parent;
    slot.judgement = this.intern(judgement);
    slot.before = priced?.before;
    slot.after = priced?.after;
    slot.change = describeChange(step, { paths: this.paths });
    keepStates(slot, states);
    const cross = compactStep(step);
    if (cross) slot.more = { cross: [cross] };
    return true;
  }

  /** Judgements without findings are a handful of distinct objects. */
  private intern(j: Judgement): Judgement {
    if (j.after || j.before) return j;
    let byBefore = this.judgements.get(j.afterType);
    if (!byBefore) this.judgements.set(j.afterType, (byBefore = new Map()));
    const known = byBefore.get(j.beforeType);
    if (known) return known;
    byBefore.set(j.beforeType, j);
    return j;
  }

  finish(parse: ParseResult): FoldedPlan | undefined {
    if (this.unfoldable || this.slots.size === 0) return undefined;
    // The held steps, as the store returns them; their compact part joins the state first.
    const held: Slot[] = [];
    for (const slot of this.slots.values()) {
      const more = slot.more;
      if (!more?.held) continue;
      const group = more.held.steps();
      const cross = group.map(compactStep).filter((s): s is PlanStep => s !== undefined);
      const states = urnStates(group);
      slot.more = { group, states, ...(cross.length > 0 ? { cross } : {}) };
      slot.parent = group[group.length - 1]?.parent;
      keepStates(slot, states);
      held.push(slot);
    }
    // The states as rollBack orders them: what is there after, then what only was there before.
    const after: GuardResource[] = [];
    const kept: GuardResource[] = [];
    const gone: GuardResource[] = [];
    const crossSteps: PlanStep[] = [];
    for (const slot of this.slots.values()) {
      if (slot.now) after.push(slot.now);
      if (slot.then) (this.existsAfter(slot) ? kept : gone).push(slot.then);
      if (slot.more?.cross) crossSteps.push(...slot.more.cross);
    }
    const states = { after: Object.freeze(after), before: Object.freeze([...kept, ...gone]) };
    this.judgeHeld(held, crossSteps, states.after, states.before);
    return this.result(parse, states.after, states.before);
  }

  /** Whether the URN's resource exists after the change (held ones are judged last). */
  private existsAfter(slot: Slot): boolean {
    const states = slot.more?.states;
    if (states) return states.now !== undefined;
    return slot.judgement?.afterType !== undefined;
  }

  /** Judges, prices and describes the held steps with the state they read. */
  private judgeHeld(
    held: readonly Slot[],
    crossSteps: readonly PlanStep[],
    after: readonly GuardResource[],
    before: readonly GuardResource[],
  ): void {
    if (held.length === 0) return;
    const afterCtx = this.guards.context(after);
    const beforeCtx = this.guards.context(before);
    // The cost sides as estimatePlan builds them, over the part of the plan other prices read.
    const pricing = stepPricing(crossSteps, crossSteps.map(stepResource), this.slots, this.options.usage, {
      region: this.options.region,
      notes: false,
    });
    for (const slot of held) {
      const more = slot.more!;
      const group = more.group!;
      slot.judgement = this.guards.judge(group, afterCtx, beforeCtx, more.states);
      const replaced = group.some((s) => s.op === Op.replace);
      const lines: Priced[] = [];
      for (const step of group) {
        if (REPLACEMENT_HALVES.has(step.op) && replaced) continue;
        const priced = priceStep(step, stepResource(step), undefined, pricing);
        if (priced) lines.push(priced);
      }
      slot.more = { group, lines, changes: [...eachChange(group, { paths: this.paths })] };
    }
  }

  private result(
    parse: ParseResult,
    after: readonly GuardResource[],
    before: readonly GuardResource[],
  ): FoldedPlan {
    const list: ResourceChange[] = [];
    const counts: ChangeCounts = { create: 0, update: 0, delete: 0, replace: 0 };
    const lines: CostLine[] = [];
    const beforeLines: CostLine[] = [];
    const ops: Pick<PlanStep, "op">[] = [];
    const judgements: Judgement[] = [];
    const afterProviders = new Set<string>();
    const beforeProviders = new Set<string>();
    let afterSize = 0;
    let beforeSize = 0;
    const addLine = (p: Priced) => {
      if (p.after) lines.push(p.after);
      if (p.before) beforeLines.push(p.before);
    };
    const opOf = new Map<Op, Pick<PlanStep, "op">>();
    const pushOp = (op: Op) => {
      let o = opOf.get(op);
      if (!o) opOf.set(op, (o = { op }));
      ops.push(o);
    };
    for (const slot of this.slots.values()) {
      const group = slot.more?.group;
      if (group) {
        for (const c of slot.more!.changes!) list.push(c);
        for (const p of slot.more!.lines!) addLine(p);
        for (const s of group) pushOp(s.op);
      } else {
        if (slot.change) list.push(slot.change);
        addLine(slot);
        pushOp(slot.op!);
      }
      const j = slot.judgement!;
      judgements.push(j);
      if (j.afterType !== undefined) {
        afterSize++;
        afterProviders.add(providerOf(j.afterType));
      }
      if (j.beforeType !== undefined) {
        beforeSize++;
        beforeProviders.add(providerOf(j.beforeType));
      }
    }
    for (const c of list) counts[c.kind]++;
    const side = (priced: readonly CostLine[]) => {
      const { baseline, usage } = lineSums(priced);
      return baseline + usage;
    };
    const notPriced = notPricedTypes([...lines, ...beforeLines]);
    const guards = this.guards;
    const states = {
      after,
      before,
      wholeAfter: { size: afterSize, providers: afterProviders },
      wholeBefore: { size: beforeSize, providers: beforeProviders },
    };
    return {
      parse,
      urns: this.slots,
      stacks: this.stacks,
      ops,
      changes: { counts, list },
      cost: { before: side(beforeLines), after: side(lines), lines, beforeLines, notPriced },
      report: (partialPlan) => guards.report(judgements, states, partialPlan),
    };
  }
}

function clear(slot: Slot): void {
  slot.op = undefined;
  slot.change = undefined;
  slot.before = undefined;
  slot.after = undefined;
  slot.judgement = undefined;
  slot.now = undefined;
  slot.then = undefined;
  slot.more = undefined;
}

function hold(slot: Slot, step: PlanStep): void {
  const held = new StepStore();
  held.add(step);
  slot.more = { held };
}

/** Keeps what stack rules read of a URN's states (one object when before is after). */
function keepStates(slot: Slot, states: { now?: GuardResource; then?: GuardResource }): void {
  slot.now = compactState(states.now);
  slot.then = states.then === states.now ? slot.now : compactState(states.then);
}
