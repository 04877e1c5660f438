/**
 * The offline diff: two synth inventories of one environment (the base branch and the PR head) →
 * PlanSteps, matched by URN. No cloud, no state: what the program asks for, before and after.
 */
import { Op, type PlanStep } from "../model";
import type { Inventory, InventoryResource } from "../parse/inventory";
import { isPathPrefix, type PathSegment } from "./paths";
import { detailedDiff } from "./properties";
import { forcedReplacements, REPLACE_RULES, type ReplaceRule } from "./replace-rules";

/**
 * Options for {@link diffInventories}.
 *
 * @example
 * ```ts
 * diffInventories(base, head, { rules: { ...REPLACE_RULES, "gcp:compute/network:Network": [{ path: "name" }] } });
 * ```
 */
export interface InventoryDiffOptions {
  /** Forcing properties per type. @default REPLACE_RULES */
  readonly rules?: Readonly<Record<string, readonly ReplaceRule[]>>;
}

/**
 * Diffs two inventories by URN:
 * - only in head → `create`; only in base → `delete` (listed after the head's resources);
 * - in both with equal inputs → `same`; otherwise `update`, or `replace` when a property in
 *   {@link REPLACE_RULES} changed (its top-level key goes to `replaceReasons`, its paths get the
 *   `*-replace` diff kinds).
 *
 * `detailedDiff` has one entry per changed leaf (`settings.tier`, `settings.databaseFlags[3].value`).
 * Secrets compare equal to each other: only a change of secret-ness is a change (see
 * `plan/diff/properties.ts`).
 *
 * @example
 * ```ts
 * const steps = diffInventories(await readInventory("base.json"), await readInventory("head.json"));
 * steps.filter((s) => s.op === "replace").map((s) => [s.name, s.replaceReasons]);
 * ```
 */
export function diffInventories(
  base: Inventory,
  head: Inventory,
  options: InventoryDiffOptions = {},
): PlanStep[] {
  const rules = options.rules ?? REPLACE_RULES;
  const before = new Map<string, InventoryResource>(base.resources.map((r) => [r.urn, r]));
  const headUrns = new Set(head.resources.map((r) => r.urn));
  const steps: PlanStep[] = [];
  for (const r of head.resources) {
    const old = before.get(r.urn);
    steps.push(old ? compare(old, r, rules) : created(r));
  }
  for (const r of base.resources) if (!headUrns.has(r.urn)) steps.push(deleted(r));
  return steps;
}

/**
 * The step for one resource present on both sides.
 *
 * @example
 * ```ts
 * diffResource(baseDb, headDb).op; // "update"
 * ```
 */
export function diffResource(
  old: InventoryResource,
  next: InventoryResource,
  rules: Readonly<Record<string, readonly ReplaceRule[]>> = REPLACE_RULES,
): PlanStep {
  return compare(old, next, rules);
}

function compare(
  old: InventoryResource,
  next: InventoryResource,
  rules: Readonly<Record<string, readonly ReplaceRule[]>>,
): PlanStep {
  const forced = forcedReplacements(next.type, old.inputs, next.inputs, rules);
  const forcing = (path: readonly PathSegment[]) =>
    forced.some((f) => isPathPrefix(f.path, path) || isPathPrefix(path, f.path));
  const detailed = detailedDiff(old.inputs, next.inputs, forcing);
  const paths = Object.keys(detailed);
  const diffs = [...new Set(Object.keys(detailed).map(topKey))];
  const op = paths.length === 0 ? Op.same : forced.length > 0 ? Op.replace : Op.update;
  return {
    op,
    urn: next.urn,
    type: next.type,
    name: next.name,
    oldInputs: old.inputs,
    newInputs: next.inputs,
    diffs,
    replaceReasons: [...new Set(forced.map((f) => String(f.path[0])))],
    ...(paths.length > 0 ? { detailedDiff: detailed } : {}),
    ...(next.parent ? { parent: next.parent } : {}),
    protect: next.protect,
    logical: true,
  };
}

/** The top-level key of a formatted path (`settings.tier` → `settings`, `a["b.c"]` → `a`). */
function topKey(path: string): string {
  const m = /^[^.[]+/.exec(path);
  if (m) return m[0];
  // A quoted first key: ["a.b"].c
  const q = /^\["((?:[^"\\]|\\.)*)"\]/.exec(path);
  return q ? (JSON.parse(`"${q[1]}"`) as string) : path;
}

function created(r: InventoryResource): PlanStep {
  return {
    op: Op.create,
    urn: r.urn,
    type: r.type,
    name: r.name,
    newInputs: r.inputs,
    diffs: [],
    replaceReasons: [],
    ...(r.parent ? { parent: r.parent } : {}),
    protect: r.protect,
    logical: true,
  };
}

function deleted(r: InventoryResource): PlanStep {
  return {
    op: Op.delete,
    urn: r.urn,
    type: r.type,
    name: r.name,
    oldInputs: r.inputs,
    diffs: [],
    replaceReasons: [],
    ...(r.parent ? { parent: r.parent } : {}),
    protect: r.protect,
    logical: true,
  };
}
