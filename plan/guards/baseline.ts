/**
 * Judging the change, not the world: the state before a plan, whether the plan holds the whole
 * stack, and the classification of findings into introduced / existing / fixed (Checkov answers the
 * same noise with `--baseline`).
 */
import { FindingClass, Op, type Finding } from "../model";
import type { GuardResource, GuardStep } from "./types";

/** Ops whose step carries the resource's state before the change. */
const OLD_STATE_OPS: ReadonlySet<string> = new Set<string>([
  Op.same,
  Op.update,
  Op.delete,
  Op.replace,
  Op.deleteReplaced,
  Op.discardReplaced,
  Op.importReplacement,
  Op.read,
  Op.readReplacement,
  Op.refresh,
]);

/**
 * Ops the engine's change summary counts as one resource each. The halves of a replacement
 * (`create-replacement`, `delete-replaced`) are folded into `replace`, like the parsers do.
 */
const SUMMARY_OPS: ReadonlySet<string> = new Set<string>([
  Op.same,
  Op.create,
  Op.update,
  Op.delete,
  Op.replace,
  Op.import,
  Op.importReplacement,
  Op.read,
  Op.readReplacement,
  Op.refresh,
  Op.discard,
]);

/**
 * The resources as they were before the plan (old inputs and old protect flag); creates add
 * nothing. With a base inventory at hand (offline review), use that instead.
 *
 * @example
 * ```ts
 * beforeSubjects(steps).map((r) => r.urn); // every URN the plan updates, deletes, replaces or keeps
 * ```
 */
export function beforeSubjects(steps: readonly GuardStep[]): GuardResource[] {
  return [...beforeByUrn(steps).values()];
}

/**
 * @param reuse The state after the change by URN: where a resource's state before says exactly
 *   what its state after does (a same step), that object stands for both (a large plan is mostly
 *   same steps, and each state is a whole-plan world).
 */
function beforeByUrn(
  steps: readonly GuardStep[],
  reuse?: ReadonlyMap<string, GuardResource>,
): Map<string, GuardResource> {
  const byUrn = new Map<string, GuardResource>();
  for (const s of steps) {
    const was = beforeSubject(s);
    if (!was) continue;
    const now = reuse?.get(s.urn);
    byUrn.set(s.urn, now && sameFields(now, was) ? now : was);
  }
  return byUrn;
}

/**
 * The resource as one step says it was before the change, as {@link beforeSubjects} has it (the
 * last such step of a URN wins); undefined when the step carries no old state.
 *
 * @example
 * ```ts
 * beforeSubject(createStep); // undefined
 * ```
 */
export function beforeSubject(s: GuardStep): GuardResource | undefined {
  if (!OLD_STATE_OPS.has(s.op) || !s.oldInputs) return undefined;
  // A same step's old inputs are its new inputs: still the state before the change.
  const protect = s.oldProtect ?? (s.op === Op.same ? s.protect : undefined);
  return {
    urn: s.urn,
    type: s.type,
    name: s.name,
    inputs: s.oldInputs,
    ...(s.parent !== undefined ? { parent: s.parent } : {}),
    ...(protect !== undefined ? { protect } : {}),
  };
}

/**
 * Whether two resource states have the same fields with the same (`===`) values.
 *
 * @example
 * ```ts
 * sameFields(after, before); // true for a same step's two states
 * ```
 */
export function sameFields(a: GuardResource, b: GuardResource): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Reflect.get(a, k) === Reflect.get(b, k));
}

/**
 * The state before the plan, from the state after it: resources the plan touches go back to their
 * old inputs, created ones disappear, deleted ones come back. With only steps (no inventory), this
 * is {@link beforeSubjects}; with a full inventory after the change, it is the full inventory before.
 *
 * @example
 * ```ts
 * rollBack(headInventory, steps).length; // head resources − creates + deletes
 * ```
 */
export function rollBack(after: readonly GuardResource[], steps: readonly GuardStep[]): GuardResource[] {
  const byUrn = new Map<string, GuardResource>();
  for (const r of after) byUrn.set(r.urn, r);
  const old = beforeByUrn(steps, byUrn);
  for (const s of steps) {
    const was = old.get(s.urn);
    if (was) byUrn.set(s.urn, was);
    else if (s.newInputs && !s.oldInputs) byUrn.delete(s.urn);
  }
  return [...byUrn.values()];
}

/**
 * Whether a plan lacks some of the stack's resources: it holds fewer resources than its change
 * summary counts (a `pulumi preview --json` without `--show-sames`, a `--target`ed preview, a cut
 * digest). Without a summary the plan is taken as complete; callers that know better (a targeted
 * live preview) say so themselves.
 *
 * @example
 * ```ts
 * isPartialPlan(result.steps, result.summary?.resourceChanges); // true for 2 steps of { same: 68, update: 1 }
 * isPartialPlan(stepsByUrn, summary.resourceChanges); // the same, counting a map's URN keys
 * ```
 */
export function isPartialPlan(
  steps: readonly { readonly urn: string }[] | ReadonlyMap<string, unknown>,
  resourceChanges: Readonly<Record<string, number | undefined>> | undefined,
): boolean {
  if (!resourceChanges) return false;
  let counted = 0;
  for (const [op, n] of Object.entries(resourceChanges))
    if (SUMMARY_OPS.has(op) && typeof n === "number" && Number.isFinite(n) && n > 0) counted += n;
  // A map is keyed by URN already (the review's fold keeps one entry per URN).
  if (!Array.isArray(steps)) return (steps as ReadonlyMap<string, unknown>).size < counted;
  const urns = new Set<string>();
  for (const s of steps as readonly { readonly urn: string }[]) urns.add(s.urn);
  return urns.size < counted;
}

/**
 * Whether a plan lacks resources the stack is known to have (the URNs of a synth of the same
 * program): the fallback when a plan carries no change summary to count against.
 *
 * @example
 * ```ts
 * lacksResources(steps, synth.resources.map((r) => r.urn)); // true when any of them is missing
 * ```
 */
export function lacksResources(
  steps: readonly { readonly urn: string }[],
  stackUrns: readonly string[],
): boolean {
  const planned = new Set(steps.map((s) => s.urn));
  return stackUrns.some((urn) => !planned.has(urn));
}

/** What two findings must share to be the same finding before and after. */
function findingKey(f: Finding): string {
  return `${f.id}\u0000${f.urn ?? ""}\u0000${f.severity === "info" ? "info" : "hit"}`;
}

/**
 * Classifies findings by comparing those on the state after the change with those on the state
 * before: present after only → introduced (blocking kept); present both times → existing (never
 * blocking); present before only → fixed (never blocking). Findings are matched by rule, URN and
 * whether they could be verified; exact messages pair first, then the rest in order, so a message
 * that now says "changed from … to …" still matches its earlier self.
 *
 * @example
 * ```ts
 * classifyFindings(beforeFindings, afterFindings).filter((f) => f.class === "introduced");
 * ```
 */
export function classifyFindings(before: readonly Finding[], after: readonly Finding[]): Finding[] {
  const pending = new Map<string, Finding[]>();
  for (const f of before) {
    const key = findingKey(f);
    const list = pending.get(key);
    if (list) list.push(f);
    else pending.set(key, [f]);
  }
  const out: Finding[] = [];
  const unmatched: Finding[] = [];
  for (const f of after) {
    const list = pending.get(findingKey(f));
    const at = list ? list.findIndex((b) => b.message === f.message) : -1;
    if (list && at >= 0) {
      list.splice(at, 1);
      out.push({ ...f, blocking: false, class: FindingClass.existing });
    } else unmatched.push(f);
  }
  for (const f of unmatched) {
    const list = pending.get(findingKey(f));
    if (list && list.length > 0) {
      list.shift();
      out.push({ ...f, blocking: false, class: FindingClass.existing });
    } else out.push({ ...f, class: FindingClass.introduced });
  }
  for (const list of pending.values())
    for (const f of list) out.push({ ...f, blocking: false, class: FindingClass.fixed });
  return out;
}

/**
 * Counts per class.
 *
 * @example
 * ```ts
 * const c = countClasses(findings); // { introduced: 1, existing: 14, fixed: 0 }
 * `${c.introduced} introduced, ${c.existing} existing, ${c.fixed} fixed`;
 * ```
 */
export function countClasses(findings: readonly Finding[]): Record<FindingClass, number> {
  const counts: Record<FindingClass, number> = { introduced: 0, existing: 0, fixed: 0 };
  for (const f of findings) counts[f.class ?? FindingClass.introduced] += 1;
  return counts;
}
