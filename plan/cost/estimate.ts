import type { CostLine, Op, PlanInputs, PlanStep } from "../model";
import { parseUrn } from "../model";
import { lookup, reader } from "./inputs";
import { AWS_PRICES, PRICES } from "./prices";
import { usageFor, type Usage } from "./usage";
import {
  estimatorFor,
  freeTierPool,
  isStructural,
  priceTableDate,
  type FreeTierPool,
  type SiblingResource,
} from "./estimators";

/**
 * One resource to price: a synth inventory row or anything with the same fields.
 *
 * @example
 * ```ts
 * const r: CostResource = { urn, type: "gcp:redis/instance:Instance", name: "cache", inputs: { memorySizeGb: 1 } };
 * ```
 */
export interface CostResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly parent?: string;
  /** Inputs as the program passed them (synth) or as normalized in a PlanStep. */
  readonly inputs?: Readonly<Record<string, unknown>> | PlanInputs;
}

/**
 * Options for an estimate.
 *
 * @example
 * ```ts
 * estimateResources(resources, usage, { region: "europe-west1" } satisfies EstimateOptions);
 * ```
 */
export interface EstimateOptions {
  /** The environment's region (`gcp:region`), used when a resource does not name its own. */
  readonly region: string;
  /**
   * Keep each line's `notes` (how the figure was computed). The review prints none of them: it
   * drops them as it goes, which keeps a 100,000-step plan's lines tens of megabytes smaller.
   * @default true
   */
  readonly notes?: boolean;
}

/**
 * The cost of a set of resources (one environment). All amounts are USD per month.
 *
 * @example
 * ```ts
 * const est: CostEstimate = estimateResources(resources, usage, { region });
 * est.byComponent["postgres"]; // 9.525
 * ```
 */
export interface CostEstimate {
  /** baseline + usage. */
  readonly total: number;
  readonly baseline: number;
  readonly usage: number;
  /** One line per resource (components, the stack and providers have none). */
  readonly lines: readonly CostLine[];
  /** Total per component (label `component`, else the nearest `platform:*` parent); `unassigned` otherwise. */
  readonly byComponent: Readonly<Record<string, number>>;
  /** Type tokens with no price (sorted, distinct). Their lines carry `notPriced: true`. */
  readonly notPriced: readonly string[];
  /** URNs priced only in part because some inputs were unknown or secret. */
  readonly partlyUnknown: readonly string[];
  /** The price table date. */
  readonly asOf: string;
}

/**
 * The group name for resources that belong to no component.
 *
 * @example
 * ```ts
 * est.byComponent[UNASSIGNED]; // resources outside any component
 * ```
 */
export const UNASSIGNED = "unassigned";

/**
 * Prices resources from their inputs. Component resources are skipped (they group, they do not
 * cost); free types get an explicit $0 line; types with no estimator get a `notPriced` line and are
 * listed in `notPriced`. Free-tier allowances (when the usage file turns them on) are drawn in the
 * order the resources are given.
 *
 * @example
 * ```ts
 * const est = estimateResources(synth.resources, loadUsage("dev", "stacks"), { region: "europe-west1" });
 * formatUsd(est.total); // "$9.83"
 * ```
 */
export function estimateResources(
  resources: readonly CostResource[],
  usage: Usage,
  options: EstimateOptions,
): CostEstimate {
  const byUrn = indexByUrn(resources);
  const componentOf = componentResolver(resources, byUrn);
  const siblingsOf = siblingResolver(resources, byUrn);
  const pool = freeTierFor(usage);
  const lines: CostLine[] = [];
  const partlyUnknown: string[] = [];
  for (const res of resources) {
    if (isStructural(res.type)) continue;
    const priced = priceResource(
      res,
      res.inputs,
      usage,
      options.region,
      pool,
      componentOf(res),
      resources,
      siblingsOf,
      options.notes !== false,
    );
    lines.push(priced.line);
    if (priced.partlyUnknown) partlyUnknown.push(res.urn);
  }
  const baseline = sum(lines.map((l) => l.baseline ?? 0));
  const usageCost = sum(lines.map((l) => l.usage ?? 0));
  const byComponent: Record<string, number> = {};
  for (const l of lines) {
    const key = l.component ?? UNASSIGNED;
    byComponent[key] = (byComponent[key] ?? 0) + lineTotal(l);
  }
  return {
    total: baseline + usageCost,
    baseline,
    usage: usageCost,
    lines,
    byComponent,
    notPriced: notPricedTypes(lines),
    partlyUnknown,
    asOf: priceTableDate(lines.map((l) => l.type)),
  };
}

/**
 * One resource's cost in a plan: the old side, the new side, and the difference.
 *
 * @example
 * ```ts
 * cost.lines.filter((l: PlanCostLine) => l.delta !== 0).map((l) => `${l.op} ${l.name} ${formatDelta(l.delta)}`);
 * ```
 */
export interface PlanCostLine {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly op: Op;
  readonly component?: string;
  /** The resource before the change (absent for creates). */
  readonly before?: CostLine;
  /** The resource after the change (absent for deletes). */
  readonly after?: CostLine;
  /** after − before (0 for not-priced lines). */
  readonly delta: number;
}

/**
 * The cost of a plan. All amounts are USD per month.
 *
 * @example
 * ```ts
 * const cost: PlanCostEstimate = estimatePlan(steps, usage, { region });
 * cost.delta === cost.after - cost.before; // true
 * ```
 */
export interface PlanCostEstimate {
  /** Monthly cost of the resources the plan touches or keeps, before it runs. */
  readonly before: number;
  /** … and after it runs. */
  readonly after: number;
  /** after − before. */
  readonly delta: number;
  readonly breakdown: {
    readonly before: { readonly baseline: number; readonly usage: number };
    readonly after: { readonly baseline: number; readonly usage: number };
  };
  readonly lines: readonly PlanCostLine[];
  readonly notPriced: readonly string[];
  readonly partlyUnknown: readonly string[];
  readonly asOf: string;
}

/** Which sides of a step count: its old inputs (before) and/or its new inputs (after). */
const SIDES: Readonly<Partial<Record<Op, { readonly before: boolean; readonly after: boolean }>>> = {
  same: { before: true, after: true },
  refresh: { before: true, after: true },
  create: { before: false, after: true },
  import: { before: false, after: true },
  delete: { before: true, after: false },
  discard: { before: true, after: false },
  update: { before: true, after: true },
  replace: { before: true, after: true },
  // The non-logical halves of a replacement count only when no `replace` step covers the URN.
  "create-replacement": { before: false, after: true },
  "import-replacement": { before: false, after: true },
  "delete-replaced": { before: true, after: false },
  "discard-replaced": { before: true, after: false },
};
/**
 * The halves of a replacement: priced on their own only when no `replace` step covers their URN.
 *
 * @example
 * ```ts
 * REPLACEMENT_HALVES.has("delete-replaced"); // true
 * ```
 */
export const REPLACEMENT_HALVES: ReadonlySet<Op> = new Set<Op>([
  "create-replacement",
  "import-replacement",
  "delete-replaced",
  "discard-replaced",
]);

/**
 * Prices a plan: `create`/`import` add the new side, `delete`/`discard` subtract the old side,
 * `update`/`replace` price both, `same`/`refresh` count on both sides. The halves of a replacement
 * (`create-replacement`, `delete-replaced`) count only when no `replace` step covers the same URN.
 * `read` and bookkeeping ops do not count. A side whose inputs the plan does not carry is priced from
 * the other side (assumed unchanged) with a note. Each side draws its own free-tier allowances.
 *
 * @example
 * ```ts
 * const cost = estimatePlan(steps, usage, { region: "europe-west1" });
 * formatDelta(cost.delta); // "+$197.25"
 * ```
 */
export function estimatePlan(
  steps: readonly PlanStep[],
  usage: Usage,
  options: EstimateOptions,
): PlanCostEstimate {
  // The after side of each step is also what its component is read from; built once per step.
  const afterSide = steps.map(stepResource);
  // Both sides have the same URNs and parents: one index serves every resolver.
  const byUrn = indexByUrn(afterSide);
  const componentOf = componentResolver(afterSide, byUrn);
  const pricing = stepPricing(steps, afterSide, byUrn, usage, options);
  const replaced = new Set(steps.filter((s) => s.op === "replace").map((s) => s.urn));
  const lines: PlanCostLine[] = [];
  const partlyUnknown = new Set<string>();
  steps.forEach((step, at) => {
    if (REPLACEMENT_HALVES.has(step.op) && replaced.has(step.urn)) return;
    const res = afterSide[at]!;
    const component = componentOf(res);
    const priced = priceStep(step, res, component, pricing);
    if (!priced) return;
    if (priced.partlyUnknown) partlyUnknown.add(step.urn);
    const { before, after } = priced;
    lines.push({
      urn: step.urn,
      type: step.type,
      name: step.name,
      op: step.op,
      ...(component !== undefined ? { component } : {}),
      ...(before ? { before } : {}),
      ...(after ? { after } : {}),
      delta: (after ? lineTotal(after) : 0) - (before ? lineTotal(before) : 0),
    });
  });
  const side = (which: "before" | "after") =>
    lineSums(lines.map((l) => l[which]).filter((l): l is CostLine => l !== undefined));
  const b = side("before");
  const a = side("after");
  const before = b.baseline + b.usage;
  const after = a.baseline + a.usage;
  return {
    before,
    after,
    delta: after - before,
    breakdown: { before: b, after: a },
    lines,
    notPriced: notPricedTypes(lines.flatMap((l) => [l.before, l.after]).filter((l): l is CostLine => !!l)),
    partlyUnknown: [...partlyUnknown],
    asOf: priceTableDate(lines.map((l) => l.type)),
  };
}

/**
 * What pricing one step of a plan draws on: each side's free-tier pool, the resources each side
 * holds (what `related` estimators read) and its neighbour lookup.
 *
 * @example
 * ```ts
 * const pricing: StepPricing = { usage, region, keepNotes: false, pools, worlds, siblingsOf };
 * ```
 */
export interface StepPricing {
  readonly usage: Usage;
  readonly region: string;
  /** Keep each line's notes. @default true in {@link estimatePlan} */
  readonly keepNotes: boolean;
  readonly pools: { readonly before: FreeTierPool; readonly after: FreeTierPool };
  readonly worlds: { readonly before: readonly CostResource[]; readonly after: readonly CostResource[] };
  readonly siblingsOf: {
    readonly before: (res: CostResource) => (type: string) => readonly SiblingResource[];
    readonly after: (res: CostResource) => (type: string) => readonly SiblingResource[];
  };
}

/**
 * One step's cost lines, as {@link estimatePlan} prices it: the sides its op counts (undefined
 * when it counts none, or the type is structural), each from its own inputs or, when the plan
 * lacks them, the other side's. A `same` step's two equal lines are one object. The caller skips
 * the halves of a replacement that a `replace` step covers.
 *
 * @example
 * ```ts
 * const lines = priceStep(step, { urn: step.urn, type: step.type, name: step.name, inputs: step.newInputs }, undefined, pricing);
 * ```
 */
export function priceStep(
  step: PlanStep,
  res: CostResource,
  component: string | undefined,
  pricing: StepPricing,
): { readonly before?: CostLine; readonly after?: CostLine; readonly partlyUnknown: boolean } | undefined {
  const sides = SIDES[step.op];
  if (!sides || isStructural(step.type)) return undefined;
  let partlyUnknown = false;
  const price = (side: "before" | "after"): CostLine => {
    const own = side === "before" ? step.oldInputs : step.newInputs;
    const other = side === "before" ? step.newInputs : step.oldInputs;
    const inputs = own ?? other ?? {};
    const priced = priceResource(
      res,
      inputs,
      pricing.usage,
      pricing.region,
      pricing.pools[side],
      component,
      pricing.worlds[side],
      pricing.siblingsOf[side],
      pricing.keepNotes,
    );
    if (priced.partlyUnknown) partlyUnknown = true;
    if (own !== undefined || step.op === "same" || step.op === "refresh" || !pricing.keepNotes)
      return priced.line;
    const which = side === "before" ? "old" : "new";
    const note =
      other !== undefined
        ? `${which} inputs not in the plan: priced as unchanged`
        : `${which} inputs not in the plan`;
    return { ...priced.line, notes: [...(priced.line.notes ?? []), note] };
  };
  // One side's inputs, pool, state and lookup are the other's (the review's fold prices a step on
  // its own against stand-ins that never draw): the same estimate twice says the same thing.
  const oneSide =
    sides.before &&
    sides.after &&
    step.oldInputs !== undefined &&
    step.oldInputs === step.newInputs &&
    pricing.pools.before === pricing.pools.after &&
    pricing.worlds.before === pricing.worlds.after &&
    pricing.siblingsOf.before === pricing.siblingsOf.after;
  const priced = sides.before ? price("before") : undefined;
  const after = oneSide ? priced : sides.after ? price("after") : undefined;
  // Most steps of a large plan cost the same before and after: one line object for both.
  const before = priced && after && sameLine(priced, after) ? after : priced;
  return { ...(before ? { before } : {}), ...(after ? { after } : {}), partlyUnknown };
}

/**
 * A step as {@link estimatePlan} prices it: its inputs after the change, else before.
 *
 * @example
 * ```ts
 * stepResource(deleteStep).inputs === deleteStep.oldInputs; // true
 * ```
 */
export function stepResource(s: PlanStep): CostResource {
  return {
    urn: s.urn,
    type: s.type,
    name: s.name,
    ...(s.parent !== undefined ? { parent: s.parent } : {}),
    inputs: s.newInputs ?? s.oldInputs ?? {},
  };
}

/**
 * The {@link StepPricing} of a plan: fresh free-tier pools, and each side's resources and
 * neighbour lookup as the side has them (an instance's price can live on its cluster).
 *
 * @param afterSide `steps.map(stepResource)`, when the caller has it already.
 * @param byUrn Where parents are looked up (the nearest component): every step of the plan.
 * @example
 * ```ts
 * const pricing = stepPricing(steps, steps.map(stepResource), byUrn, usage, { region, notes: false });
 * ```
 */
export function stepPricing(
  steps: readonly PlanStep[],
  afterSide: readonly CostResource[],
  byUrn: ReadonlyMap<string, Pick<CostResource, "parent">>,
  usage: Usage,
  options: EstimateOptions,
): StepPricing {
  // A step whose old inputs are its new ones (a `same` step shares one object) is one resource.
  const beforeSide = steps.map((s, i): CostResource =>
    s.oldInputs && s.oldInputs !== afterSide[i]!.inputs
      ? { ...afterSide[i]!, inputs: s.oldInputs }
      : afterSide[i]!,
  );
  return {
    usage,
    region: options.region,
    keepNotes: options.notes !== false,
    pools: { before: freeTierFor(usage), after: freeTierFor(usage) },
    worlds: {
      before: beforeSide.filter((_, i) => steps[i]!.oldInputs),
      after: afterSide.filter((_, i) => steps[i]!.newInputs),
    },
    siblingsOf: {
      before: siblingResolver(beforeSide, byUrn),
      after: siblingResolver(afterSide, byUrn),
    },
  };
}

/** True when two lines of one resource say the same (figures, flags and notes). */
function sameLine(a: CostLine, b: CostLine): boolean {
  return (
    a.baseline === b.baseline &&
    a.usage === b.usage &&
    a.notPriced === b.notPriced &&
    a.component === b.component &&
    (a.notes ?? []).length === (b.notes ?? []).length &&
    (a.notes ?? []).every((n, i) => n === b.notes![i])
  );
}

/**
 * A line's monthly total (baseline + usage; 0 when not priced).
 *
 * @example
 * ```ts
 * lineTotal({ urn, type, name, baseline: 7.665, usage: 0.16 }); // 7.825
 * ```
 */
export function lineTotal(line: CostLine): number {
  return (line.baseline ?? 0) + (line.usage ?? 0);
}

/**
 * The free-tier pool a usage file asks for: uptime-check executions always (they are per project,
 * and an environment is a project); Cloud Run and Secret Manager allowances only when the file turns
 * them on (they are per billing account, usually shared).
 *
 * @example
 * ```ts
 * freeTierFor(DEFAULT_USAGE).left("runRequests"); // 0
 * ```
 */
export function freeTierFor(
  usage: Pick<Usage, "cloudRunFreeTier" | "secretManagerFreeTier"> & { readonly awsFreeTier?: boolean },
): FreeTierPool {
  const f = PRICES.free;
  const aws = AWS_PRICES.free;
  return freeTierPool({
    uptimeExecutions: f.uptimeExecutions,
    // A volume tier, not a free one: always on (per billing account, like the allowances).
    kmsHsmLargeFirstTier: PRICES.kmsHsmLargeFirstTierVersions,
    // Per account, and an account rarely has other budgets or trails: always applied (with a note).
    awsBudgets: aws.budgets,
    awsManagementEventCopies: aws.managementEventCopies,
    ...(usage.awsFreeTier
      ? {
          awsLambdaRequests: aws.lambdaRequests,
          awsLambdaGbSeconds: aws.lambdaGbSeconds,
          awsKmsRequests: aws.kmsRequests,
          awsAlarmMetrics: aws.alarmMetrics,
          awsDashboards: aws.dashboards,
          awsLogIngestGb: aws.logIngestGb,
        }
      : {}),
    ...(usage.cloudRunFreeTier
      ? {
          runRequestVcpuSeconds: f.cloudRunRequestBased.vcpuSeconds,
          runRequestGibSeconds: f.cloudRunRequestBased.gibSeconds,
          runRequests: f.cloudRunRequestBased.requests,
          runInstanceVcpuSeconds: f.cloudRunInstanceBased.vcpuSeconds,
          runInstanceGibSeconds: f.cloudRunInstanceBased.gibSeconds,
          runEgressGib: f.cloudRunEgressGib,
        }
      : {}),
    ...(usage.secretManagerFreeTier
      ? {
          secretVersions: f.secretManager.versions,
          secretAccesses: f.secretManager.accesses,
          secretRotationNotifications: f.secretManager.rotationNotifications,
        }
      : {}),
  });
}

/** Where a component label can sit in a resource's inputs. */
const LABEL_PATHS = [
  "labels.component",
  "userLabels.component",
  "settings.userLabels.component",
  "template.labels.component",
  "metadata.labels.component",
] as const;

/**
 * Builds the component lookup for a set of resources: the resource's own `component` label; else the
 * label carried by a sibling under the same nearest `platform:*` parent; else that parent's type name
 * in kebab case (`platform:data:PostgresWithBackups` → `postgres-with-backups`); else undefined.
 *
 * @example
 * ```ts
 * const componentOf = componentResolver(resources);
 * componentOf(resources[3]); // "postgres"
 * ```
 * @param byUrn The resources by URN (their parents are what is read): several resolvers over the
 *   same URNs can share one. @default the index of `resources`
 */
export function componentResolver(
  resources: readonly CostResource[],
  byUrn: ReadonlyMap<string, Pick<CostResource, "parent">> = indexByUrn(resources),
): (res: CostResource) => string | undefined {
  const ancestorOf = (res: CostResource): string | undefined => componentAncestor(res, byUrn);
  const labelOf = (res: CostResource): string | undefined => {
    for (const path of LABEL_PATHS) {
      const found = lookup(res.inputs, path);
      if (found.kind === "value" && typeof found.value === "string" && found.value !== "") return found.value;
    }
    return undefined;
  };
  const labelByAncestor = new Map<string, string>();
  // A plan asks for the component of the very resources it indexed: their labels are read once.
  const labels = new Map<CostResource, string | undefined>();
  for (const res of resources) {
    const label = labelOf(res);
    labels.set(res, label);
    const anc = ancestorOf(res);
    if (label !== undefined && anc !== undefined && !labelByAncestor.has(anc))
      labelByAncestor.set(anc, label);
  }
  const byAncestor = new Map<string, string | undefined>();
  const ofAncestor = (anc: string): string | undefined => {
    const type = anc.startsWith("type:") ? anc.slice("type:".length) : parseUrn(anc)?.type;
    return labelByAncestor.get(anc) ?? (type ? kebab(type.slice(type.lastIndexOf(":") + 1)) : undefined);
  };
  return (res) => {
    const own = labels.has(res) ? labels.get(res) : labelOf(res);
    if (own !== undefined) return own;
    const anc = ancestorOf(res);
    if (anc === undefined) return undefined;
    if (!byAncestor.has(anc)) byAncestor.set(anc, ofAncestor(anc));
    return byAncestor.get(anc);
  };
}

/**
 * Builds the neighbour lookup estimators get as `siblings`: resources of a type under the same
 * nearest `platform:*` parent (by URN chain when the parent is not in the set).
 *
 * @example
 * ```ts
 * siblingResolver(resources)(instance)("aws:rds/cluster:Cluster")[0]?.read.num("serverlessv2ScalingConfiguration.minCapacity");
 * ```
 * @param byUrn As for {@link componentResolver}. @default the index of `resources`
 */
export function siblingResolver(
  resources: readonly CostResource[],
  byUrn: ReadonlyMap<string, Pick<CostResource, "parent">> = indexByUrn(resources),
): (res: CostResource) => (type: string) => readonly SiblingResource[] {
  const keyOf = (r: CostResource) => componentAncestor(r, byUrn) ?? "";
  // Grouped on the first question: most plans have no estimator that asks (RDS, Lambda), and the
  // groups of a large plan are a whole-plan index per side.
  let groups: Map<string, CostResource[]> | undefined;
  const groupOf = (res: CostResource): readonly CostResource[] => {
    if (!groups) {
      groups = new Map();
      for (const r of resources) {
        const key = keyOf(r);
        const list = groups.get(key);
        if (list) list.push(r);
        else groups.set(key, [r]);
      }
    }
    return groups.get(keyOf(res)) ?? [];
  };
  return (res) => (type) =>
    groupOf(res)
      .filter((r) => r.type === type && r.urn !== res.urn)
      .map((r) => ({ urn: r.urn, name: r.name, read: reader(r.inputs ?? {}) }));
}

function priceResource(
  res: CostResource,
  inputs: unknown,
  usage: Usage,
  region: string,
  pool: FreeTierPool,
  component: string | undefined,
  related: readonly CostResource[],
  siblingsOf?: (res: CostResource) => (type: string) => readonly SiblingResource[],
  keepNotes = true,
): { readonly line: CostLine; readonly partlyUnknown: boolean } {
  const estimator = estimatorFor(res.type);
  if (!estimator) {
    return {
      line: costLine(
        res,
        component,
        undefined,
        keepNotes ? ["not priced: no estimator for this type"] : undefined,
      ),
      partlyUnknown: false,
    };
  }
  const read = reader(inputs ?? {});
  const est = estimator({
    urn: res.urn,
    type: res.type,
    name: res.name,
    read,
    usage: usageFor(usage, res.name),
    region,
    global: PRICES.global,
    free: pool,
    related,
    ...(siblingsOf ? { siblings: siblingsOf(res) } : {}),
  });
  const partly = read.unknown.length > 0 || est.partial === true;
  const figures = est.notPriced ? undefined : est;
  if (!keepNotes) return { line: costLine(res, component, figures), partlyUnknown: partly };
  const notes = [...est.notes];
  if (read.unknown.length > 0)
    notes.push(`partly unknown: ${read.unknown.join(", ")} (priced what is known)`);
  return { line: costLine(res, component, figures, notes), partlyUnknown: partly };
}

/**
 * A cost line, made as one of eight object literals: built by spreading a shared part, each of a
 * large plan's 100,000 lines got a hidden class of its own (about 250 bytes more each).
 */
function costLine(
  res: CostResource,
  component: string | undefined,
  figures: { readonly baseline: number; readonly usage: number } | undefined,
  notes?: readonly string[],
): CostLine {
  const { urn, type, name } = res;
  if (figures === undefined) {
    if (component === undefined)
      return notes ? { urn, type, name, notPriced: true, notes } : { urn, type, name, notPriced: true };
    return notes
      ? { urn, type, name, component, notPriced: true, notes }
      : { urn, type, name, component, notPriced: true };
  }
  const { baseline, usage } = figures;
  if (component === undefined)
    return notes ? { urn, type, name, baseline, usage, notes } : { urn, type, name, baseline, usage };
  return notes
    ? { urn, type, name, component, baseline, usage, notes }
    : { urn, type, name, component, baseline, usage };
}

/** Resources by URN (the last of a repeated URN wins, as `new Map(entries)` does). */
function indexByUrn(resources: readonly CostResource[]): Map<string, CostResource> {
  const byUrn = new Map<string, CostResource>();
  for (const r of resources) byUrn.set(r.urn, r);
  return byUrn;
}

/** Marks a parent chain that reaches no `platform:*` resource (in {@link NEAREST}). */
const NONE = "";

/**
 * Per URN index, the nearest `platform:*` URN found walking up from a parent (or {@link NONE}):
 * every resource of a component walks the same chain, so each parent is walked once per index.
 */
const NEAREST = new WeakMap<ReadonlyMap<string, Pick<CostResource, "parent">>, Map<string, string>>();

/** The nearest `platform:*` parent URN, else `type:<component type>` from the URN's type chain. */
function componentAncestor(
  res: CostResource,
  byUrn: ReadonlyMap<string, Pick<CostResource, "parent">>,
): string | undefined {
  if (res.parent !== undefined) {
    let memo = NEAREST.get(byUrn);
    if (!memo) {
      memo = new Map();
      NEAREST.set(byUrn, memo);
    }
    let found = memo.get(res.parent);
    if (found === undefined) {
      found = walkToComponent(res.parent, byUrn);
      memo.set(res.parent, found);
    }
    if (found !== NONE) return found;
  }
  // No usable parent chain: the URN's own type chain still names the enclosing component type.
  const chain = res.urn.split("::")[2]?.split("$") ?? [];
  const outer = chain
    .slice(0, -1)
    .reverse()
    .find((t) => t.startsWith("platform:"));
  return outer === undefined ? undefined : `type:${outer}`;
}

/** The first `platform:*` URN up the parent chain from `start`, or {@link NONE} (a cycle ends it). */
function walkToComponent(start: string, byUrn: ReadonlyMap<string, Pick<CostResource, "parent">>): string {
  const seen = new Set<string>();
  let parent: string | undefined = start;
  while (parent !== undefined && !seen.has(parent)) {
    seen.add(parent);
    if (parseUrn(parent)?.type.startsWith("platform:")) return parent;
    parent = byUrn.get(parent)?.parent;
  }
  return NONE;
}

/**
 * What some lines add up to, baseline and usage apart (summed in line order).
 *
 * @example
 * ```ts
 * const { baseline, usage } = lineSums(cost.lines); // the total is baseline + usage
 * ```
 */
export function lineSums(lines: readonly CostLine[]): { baseline: number; usage: number } {
  return { baseline: sum(lines.map((l) => l.baseline ?? 0)), usage: sum(lines.map((l) => l.usage ?? 0)) };
}

/**
 * The types of the lines not priced (sorted, distinct).
 *
 * @example
 * ```ts
 * notPricedTypes(lines); // ["gcp:monitoring/dashboard:Dashboard"]
 * ```
 */
export function notPricedTypes(lines: readonly CostLine[]): string[] {
  return [...new Set(lines.filter((l) => l.notPriced).map((l) => l.type))].sort();
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function kebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2")
    .toLowerCase();
}
