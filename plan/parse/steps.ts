/**
 * Building PlanSteps from engine step metadata (events) and preview-digest steps, and keeping one
 * step per URN.
 */
import { DiffKind, Op, OPS, parseUrn, type PlanInputs, type PlanStep, type PropertyDiff } from "../model";
import { adoptInputs, jsonEqual, normalizeInputs, setData } from "./values";

const OP_SET: ReadonlySet<string> = new Set(OPS);
const DIFF_KINDS: ReadonlySet<string> = new Set(Object.values(DiffKind));

/** The halves of a replacement: merged into the logical `replace` step of the same URN. */
const HALF_OPS: ReadonlySet<Op> = new Set<Op>([Op.createReplacement, Op.deleteReplaced, Op.discardReplaced]);

/**
 * True when `value` is a known step operation.
 *
 * @example
 * ```ts
 * isOp("create-replacement"); // true
 * isOp("frobnicate"); // false
 * ```
 */
export function isOp(value: unknown): value is Op {
  return typeof value === "string" && OP_SET.has(value);
}

/** The raw shape shared by event `old`/`new` metadata and digest `oldState`/`newState`. */
interface RawState {
  type?: unknown;
  inputs?: unknown;
  parent?: unknown;
  protect?: unknown;
  provider?: unknown;
}

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
 * Keeps one copy of each distinct string: a large plan repeats the same few types, parents and
 * providers in every step, each a fresh string from its own JSON line.
 *
 * @example
 * ```ts
 * const strings = new StringPool();
 * strings.get("gcp:storage/bucket:Bucket") === strings.get(JSON.parse('"gcp:storage/bucket:Bucket"')); // the same string
 * ```
 */
export class StringPool {
  private readonly known = new Map<string, string>();

  /** The pooled copy of `s`. */
  get(s: string): string {
    const known = this.known.get(s);
    if (known !== undefined) return known;
    this.known.set(s, s);
    return s;
  }
}

/** The pool of a caller that has none: strings are kept as they are. */
const NO_POOL = { get: (s: string) => s };

/**
 * Builds a PlanStep, or returns a reason string when the raw step is unusable. With a
 * {@link StringPool}, the step's type, parent and provider are the pool's copies.
 *
 * @param owned When given, the raw step is the caller's own freshly parsed JSON: its inputs are
 *   normalized in place, their long strings pooled in this map ({@link adoptInputs}).
 *   @default undefined (the raw step is copied, never changed)
 *
 * @example
 * ```ts
 * const step = buildStep({ ...event.resourcePreEvent.metadata, diffKindKey: "diffKind" });
 * if (typeof step === "string") corrupt.push({ line, error: step });
 * ```
 */
export function buildStep(
  raw: RawStep,
  strings: Pick<StringPool, "get"> = NO_POOL,
  owned?: Map<string, string>,
): PlanStep | string {
  if (!isOp(raw.op)) return `unknown op ${JSON.stringify(raw.op)} (expected one of ${OPS.join(", ")})`;
  if (typeof raw.urn !== "string" || raw.urn.length === 0) return "step without a string urn";
  const urn = raw.urn;
  const oldState = asState(raw.old);
  const newState = asState(raw.new);
  const type = strings.get(
    typeof raw.type === "string" && raw.type.length > 0
      ? raw.type
      : typeof newState?.type === "string"
        ? newState.type
        : typeof oldState?.type === "string"
          ? oldState.type
          : (parseUrn(urn)?.type ?? ""),
  );
  const name = urnName(urn);

  let oldInputs: PlanInputs | undefined;
  let newInputs: PlanInputs | undefined;
  // `same` steps carry identical inputs twice: share one object (halves the memory of big previews).
  // Compared before either side is normalized: the owned path normalizes in place.
  const shared =
    oldState !== undefined &&
    newState !== undefined &&
    jsonEqual(oldState.inputs ?? {}, newState.inputs ?? {});
  const normalize = owned ? (v: unknown) => adoptInputs(v, owned) : normalizeInputs;
  if (oldState) oldInputs = normalize(oldState.inputs);
  if (newState) newInputs = shared && oldInputs ? oldInputs : normalize(newState.inputs);

  const state = newState ?? oldState;
  const parent =
    typeof state?.parent === "string" && state.parent.length > 0 ? strings.get(state.parent) : undefined;
  const provider =
    typeof raw.provider === "string" && raw.provider.length > 0
      ? strings.get(raw.provider)
      : typeof state?.provider === "string" && state.provider.length > 0
        ? strings.get(state.provider)
        : undefined;
  const detailedDiff = readDetailedDiff(raw.detailedDiff, raw.diffKindKey);
  const protect = protectOf(state);
  const oldProtect = protectOf(oldState);
  return {
    op: raw.op,
    urn,
    type,
    name,
    ...(oldInputs !== undefined ? { oldInputs } : {}),
    ...(newInputs !== undefined ? { newInputs } : {}),
    diffs: stringList(raw.diffs),
    replaceReasons: stringList(raw.keys),
    ...(detailedDiff ? { detailedDiff } : {}),
    ...(parent ? { parent } : {}),
    ...(protect !== undefined ? { protect } : {}),
    ...(oldProtect !== undefined ? { oldProtect } : {}),
    ...(typeof raw.logical === "boolean" ? { logical: raw.logical } : {}),
    ...(provider ? { provider } : {}),
  };
}

/**
 * `parseUrn(urn)?.name ?? urn` without splitting the whole URN (once per step of a large plan):
 * what follows the third `::`, for a URN that starts with `urn:pulumi:`.
 */
function urnName(urn: string): string {
  let at = urn.indexOf("::");
  // The stack part (before the first `::`) must itself start with `urn:pulumi:`.
  if (at < URN_PREFIX.length || !urn.startsWith(URN_PREFIX)) return urn;
  for (let i = 1; i < 3; i++) {
    at = urn.indexOf("::", at + 2);
    if (at < 0) return urn;
  }
  return urn.slice(at + 2);
}

const URN_PREFIX = "urn:pulumi:";

/**
 * The protect flag of a state: the engine writes `protect` only when true (Go `omitempty` in both
 * the preview digest and event metadata), so an absent flag on a present state is `false`.
 */
function protectOf(state: RawState | undefined): boolean | undefined {
  if (!state) return undefined;
  if (state.protect === undefined || state.protect === null) return false;
  return typeof state.protect === "boolean" ? state.protect : undefined;
}

function asState(value: unknown): RawState | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : undefined;
}

/** The list of most steps (a same step changes nothing): one frozen copy instead of one per step. */
const NONE: readonly string[] = Object.freeze([]);

function stringList(value: unknown): readonly string[] {
  if (!Array.isArray(value) || value.length === 0) return NONE;
  return value.filter((v): v is string => typeof v === "string");
}

/** The twelve property diffs there are (kind × inputDiff), each one frozen object. */
const PROPERTY_DIFFS: ReadonlyMap<string, PropertyDiff> = new Map(
  Object.values(DiffKind).flatMap((kind) =>
    [false, true].map((inputDiff) => [`${kind}:${inputDiff}`, Object.freeze({ kind, inputDiff })] as const),
  ),
);

function readDetailedDiff(
  value: unknown,
  kindKey: "diffKind" | "kind",
): Record<string, PropertyDiff> | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  const out: Record<string, PropertyDiff> = {};
  let any = false;
  for (const [path, raw] of Object.entries(value as Record<string, unknown>)) {
    if (raw === null || typeof raw !== "object") continue;
    const entry = raw as Record<string, unknown>;
    // Accept either spelling: tools re-serialize digests and events in both ways.
    const kind = entry[kindKey] ?? entry[kindKey === "kind" ? "diffKind" : "kind"];
    if (typeof kind !== "string" || !DIFF_KINDS.has(kind)) continue;
    setData(out, path, PROPERTY_DIFFS.get(`${kind}:${entry["inputDiff"] === true}`)!);
    any = true;
  }
  return any ? out : undefined;
}

/**
 * True for a step {@link StepStore} merges into its URN's `replace` step: a non-logical half of a
 * replacement (`create-replacement`, `delete-replaced`, `discard-replaced`).
 *
 * @example
 * ```ts
 * isReplacementHalf({ op: "delete-replaced" }); // true
 * isReplacementHalf({ op: "create-replacement", logical: true }); // false
 * ```
 */
export function isReplacementHalf(step: Pick<PlanStep, "op" | "logical">): boolean {
  return HALF_OPS.has(step.op) && step.logical !== true;
}

interface Slot {
  logical?: PlanStep;
  halves?: PlanStep[];
}

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
export class StepStore {
  private readonly slots = new Map<string, Slot>();

  /** Number of distinct URNs seen. */
  get size(): number {
    return this.slots.size;
  }

  add(step: PlanStep): void {
    let slot = this.slots.get(step.urn);
    if (!slot) {
      slot = {};
      this.slots.set(step.urn, slot);
    }
    if (isReplacementHalf(step)) {
      const halves = (slot.halves ??= []);
      const at = halves.findIndex((h) => h.op === step.op);
      if (at >= 0) halves[at] = step;
      else halves.push(step);
    } else {
      slot.logical = step;
    }
  }

  /** The steps, in order of each URN's first appearance. */
  steps(): PlanStep[] {
    const out: PlanStep[] = [];
    for (const slot of this.slots.values()) {
      const { logical, halves } = slot;
      if (logical && halves && logical.op === Op.replace) out.push(mergeReplacement(logical, halves));
      else {
        if (logical) out.push(logical);
        if (halves) out.push(...halves);
      }
    }
    return out;
  }
}

function mergeReplacement(replace: PlanStep, halves: readonly PlanStep[]): PlanStep {
  const create = halves.find((h) => h.op === Op.createReplacement);
  const del = halves.find((h) => h.op === Op.deleteReplaced);
  const union = (pick: (s: PlanStep) => readonly string[]) => [
    ...new Set([...pick(replace), ...halves.flatMap(pick)]),
  ];
  const detailedDiff = Object.assign({}, ...halves.map((h) => h.detailedDiff ?? {}), replace.detailedDiff);
  const oldInputs = replace.oldInputs ?? del?.oldInputs ?? create?.oldInputs;
  const newInputs = replace.newInputs ?? create?.newInputs;
  return {
    ...replace,
    ...(oldInputs ? { oldInputs } : {}),
    ...(newInputs ? { newInputs } : {}),
    diffs: union((s) => s.diffs),
    replaceReasons: union((s) => s.replaceReasons),
    ...(Object.keys(detailedDiff).length > 0 ? { detailedDiff } : {}),
    logical: true,
  };
}
