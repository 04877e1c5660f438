/**
 * What every renderer shows, computed once: per-resource changes with property paths and values,
 * counts, cost rows and statuses. Renderers only lay it out.
 */
import {
  DiffKind,
  SECRET,
  SECRET_TEXT,
  Severity,
  UNKNOWN,
  type CostLine,
  type Finding,
  type Op,
  type PlanInputs,
  type PlanStep,
  type PlanValue,
} from "../model";
import { detailedDiff, formatPath, parsePath, valueAt, type PathSegment } from "../diff";
import { changeKind, countChanges, isRootStack, setData, type ChangeCounts, type ChangeKind } from "../parse";
import { Status, type EnvCost, type EnvReview } from "./types";

// `localeCompare` with no locale, without building a collator per call (100,000-row sorts).
const collate = new Intl.Collator().compare;

/** One property line of a resource change. */
export interface PropertyLine {
  readonly path: string;
  readonly kind: DiffKind;
  /** Value before; absent for additions. */
  readonly old?: PlanValue;
  /** Value after; absent for deletions. */
  readonly new?: PlanValue;
}

/**
 * One resource that changes.
 *
 * @example
 * ```ts
 * for (const c of describeChanges(steps)) console.log(c.kind, c.type, c.name, c.properties.length);
 * ```
 */
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
  /**
   * Where property paths are interned: a large plan repeats the same few paths in every resource
   * of a type, each built afresh. @default none (each path its own string)
   */
  readonly paths?: { get(path: string): string };
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
export function describeChanges(steps: readonly PlanStep[], options: DescribeOptions = {}): ResourceChange[] {
  return [...eachChange(steps, options)];
}

/**
 * {@link describeChanges} one change at a time: a writer that streams its output need not hold
 * the property lines of every change of a large plan at once.
 *
 * @example
 * ```ts
 * for (const c of eachChange(review.steps)) write(`${c.kind} ${c.name}\n`);
 * ```
 */
export function* eachChange(
  steps: readonly PlanStep[],
  options: DescribeOptions = {},
): Generator<ResourceChange, void, undefined> {
  for (const step of steps) {
    const change = describeChange(step, options);
    if (change) yield change;
  }
}

/**
 * The changes of a review, one at a time: its {@link EnvReview.changes} when it has them (cut to
 * `maxProperties` here), else described from its steps ({@link eachChange}).
 *
 * @example
 * ```ts
 * for (const c of reviewChanges(review, { maxProperties: 20 })) write(`${c.kind} ${c.name}\n`);
 * ```
 */
export function* reviewChanges(
  review: Pick<EnvReview, "steps" | "changes">,
  options: DescribeOptions = {},
): Generator<ResourceChange, void, undefined> {
  if (!review.changes) {
    yield* eachChange(review.steps, options);
    return;
  }
  const max = options.maxProperties ?? Infinity;
  for (const c of review.changes.list) {
    if (c.properties.length <= max) yield c;
    else
      yield { ...c, properties: c.properties.slice(0, max), omitted: c.omitted + c.properties.length - max };
  }
}

/**
 * One step's change as {@link eachChange} describes it; undefined when the step changes nothing
 * (or is the root stack).
 *
 * @example
 * ```ts
 * describeChange(updateStep)?.properties; // [{ path: "settings.tier", kind: "update", old: "a", new: "b" }]
 * ```
 */
export function describeChange(step: PlanStep, options: DescribeOptions = {}): ResourceChange | undefined {
  if (isRootStack(step) || changeKind(step) === undefined) return undefined;
  return describeStep(step, options.maxProperties ?? Infinity, options.paths ?? NO_POOL);
}

const NO_POOL = { get: (path: string) => path };

function describeStep(step: PlanStep, max: number, paths: { get(path: string): string }): ResourceChange {
  const kind = changeKind(step)!;
  const all = propertyLines(step, kind, paths);
  const properties = all.length > max ? all.slice(0, max) : all;
  return {
    kind,
    op: step.op,
    urn: step.urn,
    type: step.type,
    name: step.name,
    protect: step.protect === true,
    replaceReasons: step.replaceReasons,
    properties,
    omitted: all.length - properties.length,
  };
}

function propertyLines(
  step: PlanStep,
  kind: ChangeKind,
  paths: { get(path: string): string },
): PropertyLine[] {
  if (kind === "delete") return [];
  if (kind === "create")
    return leaves(step.newInputs ?? {}).map(([path, v]) => ({
      path: paths.get(path),
      kind: DiffKind.add,
      new: v,
    }));
  const forced = new Set(step.replaceReasons);
  const detailed =
    step.detailedDiff && Object.keys(step.detailedDiff).length > 0
      ? step.detailedDiff
      : detailedDiff(step.oldInputs, step.newInputs, (p: readonly PathSegment[]) => forced.has(String(p[0])));
  const lines: PropertyLine[] = Object.entries(detailed).map(([path, d]) => {
    const segments = parsePath(path);
    const old = valueAt(step.oldInputs, segments);
    const next = valueAt(step.newInputs, segments);
    return {
      path: paths.get(path),
      kind: d.kind,
      ...(old !== undefined && !d.kind.startsWith("add") ? { old } : {}),
      ...(next !== undefined && !d.kind.startsWith("delete") ? { new: next } : {}),
    };
  });
  if (lines.length > 0) return lines;
  // The engine named changed keys but no details (older engines, output-only diffs).
  return step.diffs.map((key) => {
    const old = step.oldInputs?.[key];
    const next = step.newInputs?.[key];
    return {
      path: paths.get(formatPath([key])),
      kind: forced.has(key) ? DiffKind.updateReplace : DiffKind.update,
      ...(old !== undefined ? { old } : {}),
      ...(next !== undefined ? { new: next } : {}),
    };
  });
}

/**
 * Flattens inputs to `[path, value]` leaves; arrays of scalars stay one leaf.
 *
 * @example
 * ```ts
 * leaves({ settings: { tier: "t", flags: ["a"] } }); // [["settings.tier", "t"], ["settings.flags", ["a"]]]
 * ```
 */
export function leaves(inputs: PlanInputs): Array<[string, PlanValue]> {
  const out: Array<[string, PlanValue]> = [];
  const walk = (path: PathSegment[], v: PlanValue) => {
    if (Array.isArray(v)) {
      if (v.length === 0 || v.every((x) => x === null || typeof x !== "object")) {
        out.push([formatPath(path), v]);
        return;
      }
      v.forEach((x, i) => walk([...path, i], x));
      return;
    }
    if (v !== null && typeof v === "object") {
      const keys = Object.keys(v);
      if (keys.length === 0) out.push([formatPath(path), v]);
      for (const k of keys) walk([...path, k], v[k]!);
      return;
    }
    out.push([formatPath(path), v]);
  };
  for (const [k, v] of Object.entries(inputs)) walk([k], v);
  return out;
}

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
export function propertyLineText(p: PropertyLine, create: boolean, forcesNote: string): string {
  const forces = p.kind.endsWith("-replace") ? forcesNote : "";
  if (create) return `${p.path}: ${formatValue(p.new)}`;
  if (p.kind.startsWith("add")) return `+ ${p.path}: ${formatValue(p.new)}${forces}`;
  if (p.kind.startsWith("delete")) return `- ${p.path}: ${formatValue(p.old)}${forces}`;
  return `~ ${p.path}: ${formatValue(p.old)} → ${formatValue(p.new)}${forces}`;
}

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
export function formatValue(value: PlanValue | undefined, options: FormatValueOptions = {}): string {
  const unknown = options.unknown ?? "(known after apply)";
  const max = options.maxLength ?? 120;
  const text = render(value, unknown);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function render(value: PlanValue | undefined, unknown: string): string {
  if (value === undefined) return "(none)";
  if (value === SECRET) return SECRET_TEXT;
  if (value === UNKNOWN) return unknown;
  if (Array.isArray(value)) return `[${value.map((v) => render(v, unknown)).join(",")}]`;
  if (value !== null && typeof value === "object")
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${render(v, unknown)}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

/**
 * A value as JSON-safe data: secrets `"[secret]"`, unknowns `"[unknown]"`.
 *
 * @example
 * ```ts
 * toJsonValue({ a: SECRET, b: UNKNOWN }); // { a: "[secret]", b: "[unknown]" }
 * ```
 */
export function toJsonValue(value: PlanValue): unknown {
  if (value === SECRET) return SECRET_TEXT;
  if (value === UNKNOWN) return "[unknown]";
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) setData(out, k, toJsonValue(v));
    return out;
  }
  return value;
}

/**
 * Counts for an environment (root stack and non-changes skipped).
 *
 * @example
 * ```ts
 * envCounts(review); // { create: 2, update: 1, delete: 0, replace: 0 }
 * ```
 */
export function envCounts(review: EnvReview): ChangeCounts {
  return review.changes?.counts ?? countChanges(review.steps);
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = {
  critical: 0,
  high: 1,
  medium: 2,
  low: 3,
  info: 4,
};

/**
 * Findings in reading order: blocking first, then by severity, then by rule id and resource.
 *
 * @example
 * ```ts
 * sortFindings(review.findings)[0]?.blocking; // true when anything blocks
 * ```
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      Number(b.blocking) - Number(a.blocking) ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      collate(a.id, b.id) ||
      collate(a.urn ?? "", b.urn ?? ""),
  );
}

/**
 * Guard status: `fail` when any finding blocks, `warn` for a non-blocking medium-or-worse finding
 * the change introduced (or an unclassified one), else `ok`. Existing and fixed findings are
 * shown and counted but do not colour the verdict: the change did not cause them.
 *
 * @example
 * ```ts
 * guardStatus([{ id: "x", severity: "high", blocking: false, message: "m" }]); // "warn"
 * guardStatus([{ id: "x", severity: "high", blocking: false, message: "m", class: "existing" }]); // "ok"
 * ```
 */
export function guardStatus(findings: readonly Finding[]): Status {
  if (findings.some((f) => f.blocking)) return Status.fail;
  if (
    findings.some(
      (f) =>
        (f.class === undefined || f.class === "introduced") &&
        SEVERITY_RANK[f.severity] <= SEVERITY_RANK.medium,
    )
  )
    return Status.warn;
  return Status.ok;
}

/**
 * Findings split by class: unclassified findings (a lone inventory) count as introduced.
 *
 * @example
 * ```ts
 * const g = groupFindings(review.findings);
 * `${g.introduced.length} introduced, ${g.existing.length} existing, ${g.fixed.length} fixed`;
 * ```
 */
export function groupFindings(findings: readonly Finding[]): {
  readonly introduced: Finding[];
  readonly existing: Finding[];
  readonly fixed: Finding[];
} {
  const sorted = sortFindings(findings);
  return {
    introduced: sorted.filter((f) => f.class === undefined || f.class === "introduced"),
    existing: sorted.filter((f) => f.class === "existing"),
    fixed: sorted.filter((f) => f.class === "fixed"),
  };
}

/**
 * The one-line guard tally the review prints: "1 introduced, 14 existing, 0 fixed".
 *
 * @example
 * ```ts
 * classSentence(review.findings); // "0 introduced, 10 existing, 0 fixed"
 * ```
 */
export function classSentence(findings: readonly Finding[]): string {
  const g = groupFindings(findings);
  return `${g.introduced.length} introduced, ${g.existing.length} existing, ${g.fixed.length} fixed`;
}

/**
 * The worse of some statuses.
 *
 * @example
 * ```ts
 * worst("ok", "warn", undefined); // "warn"
 * ```
 */
export function worst(...statuses: Array<Status | undefined>): Status {
  if (statuses.includes(Status.fail)) return Status.fail;
  if (statuses.includes(Status.warn)) return Status.warn;
  return Status.ok;
}

/**
 * An environment's status: failed preview, blocking findings or a failed budget → `fail`.
 *
 * @example
 * ```ts
 * envStatus({ ...review, error: "preview failed" }); // "fail"
 * ```
 */
export function envStatus(review: EnvReview): Status {
  if (review.error !== undefined) return Status.fail;
  return worst(guardStatus(review.findings), review.budget?.status);
}

/**
 * The status of the whole review: the worst environment.
 *
 * @example
 * ```ts
 * process.exitCode = overallStatus(reviews) === "fail" ? 1 : 0;
 * ```
 */
export function overallStatus(reviews: readonly EnvReview[]): Status {
  return worst(...reviews.map(envStatus));
}

/**
 * One row of an environment's cost table.
 *
 * @example
 * ```ts
 * costRows(review.cost!).filter((r) => r.notPriced).map((r) => r.type);
 * ```
 */
export interface CostRow {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly before?: number;
  readonly after?: number;
  readonly delta: number;
  readonly notPriced: boolean;
}

const lineTotal = (l: CostLine): number | undefined =>
  l.notPriced || (l.baseline === undefined && l.usage === undefined)
    ? undefined
    : (l.baseline ?? 0) + (l.usage ?? 0);

/**
 * Per-resource cost rows (after-lines matched with before-lines by URN), biggest change first.
 *
 * @example
 * ```ts
 * costRows(review.cost!)[0]; // { name: "db-instance", before: 49.31, after: 98.62, delta: 49.31, ... }
 * ```
 */
export function costRows(cost: EnvCost): CostRow[] {
  return [...eachCostRow(cost)];
}

/**
 * {@link costRows} one row at a time: the order is found on numbers kept in typed arrays and each
 * row is made as it is read, so a renderer that shows 15 rows of a 100,000-resource plan (or writes
 * them all to a stream) never holds them all.
 *
 * @example
 * ```ts
 * for (const row of eachCostRow(review.cost!)) if (row.notPriced) console.log(row.type);
 * ```
 */
export function* eachCostRow(cost: EnvCost): Generator<CostRow> {
  const lines = cost.lines;
  const beforeLines = cost.beforeLines;
  // Before-lines by URN, only to match them: the rows keep their index, not the map.
  const beforeAt = new Map<string, number>();
  beforeLines?.forEach((l, i) => beforeAt.set(l.urn, i));
  const matched = new Uint8Array(beforeLines?.length ?? 0);
  const prevOf = new Int32Array(lines.length).fill(-1);
  lines.forEach((l, i) => {
    const at = beforeAt.get(l.urn);
    if (at !== undefined) {
      prevOf[i] = at;
      matched[at] = 1;
    }
  });
  beforeAt.clear();
  // Rows 0…n-1 are the after-lines; then the before-lines no after-line matched (deleted resources).
  const gone: number[] = [];
  matched.forEach((m, i) => {
    if (m === 0) gone.push(i);
  });
  const count = lines.length + gone.length;
  const line = (i: number): CostLine =>
    i < lines.length ? lines[i]! : beforeLines![gone[i - lines.length]!]!;
  // Each row's figures, once, in typed arrays (NaN: none); the rows are made from them as read.
  const before = new Float64Array(count).fill(NaN);
  const after = new Float64Array(count).fill(NaN);
  for (let i = 0; i < count; i++) {
    const total = lineTotal(line(i)) ?? NaN;
    if (i >= lines.length) {
      before[i] = total;
      after[i] = 0;
    } else {
      after[i] = total;
      if (prevOf[i]! >= 0) before[i] = lineTotal(beforeLines![prevOf[i]!]!) ?? NaN;
      else if (beforeLines) before[i] = 0;
    }
  }
  const known = (v: number) => (Number.isNaN(v) ? undefined : v);
  // A deleted resource's delta is minus what it cost (-0 when nothing, as before).
  const delta = (i: number) =>
    i >= lines.length ? -(known(before[i]!) ?? 0) : (known(after[i]!) ?? 0) - (known(before[i]!) ?? 0);
  const row = (i: number): CostRow => {
    const l = line(i);
    const prev = known(before[i]!);
    const now = known(after[i]!);
    return {
      urn: l.urn,
      type: l.type,
      name: l.name,
      ...(prev !== undefined ? { before: prev } : {}),
      ...(now !== undefined ? { after: now } : {}),
      delta: delta(i),
      notPriced: l.notPriced === true,
    };
  };
  // Sorted by keys read once per row (a 100,000-row plan compares each row some 17 times);
  // index order breaks ties, as a stable sort of the rows themselves would.
  const size = Float64Array.from({ length: count }, (_, i) => Math.abs(delta(i)));
  const sortAfter = Float64Array.from(after, (v) => (Number.isNaN(v) ? 0 : v));
  const order = Array.from({ length: count }, (_, i) => i).sort(
    (i, j) =>
      size[j]! - size[i]! || sortAfter[j]! - sortAfter[i]! || collate(line(i).name, line(j).name) || i - j,
  );
  for (const i of order) yield row(i);
}

export { formatDelta, formatMoney } from "../cost/format";

/**
 * "3 to create, 1 to update, 1 to replace" (or "no changes").
 *
 * @example
 * ```ts
 * countsSentence({ create: 3, update: 1, delete: 0, replace: 1 }); // "3 to create, 1 to update, 1 to replace"
 * ```
 */
export function countsSentence(counts: ChangeCounts): string {
  const parts = (["create", "update", "replace", "delete"] as const)
    .filter((k) => counts[k] > 0)
    .map((k) => `${counts[k]} to ${k}`);
  return parts.length > 0 ? parts.join(", ") : "no changes";
}
