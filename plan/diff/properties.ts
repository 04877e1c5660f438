/**
 * Leaf-level property diff between two normalized input objects.
 *
 * Markers compare by identity: a `SECRET` equals any other SECRET (inventories and previews
 * show every secret as `[secret]`, so a rotated password is invisible here; only a value becoming
 * or ceasing to be secret counts as a change), and an `UNKNOWN` equals any other UNKNOWN.
 */
import { DiffKind, type PlanInputs, type PlanValue, type PropertyDiff } from "../model";
import { formatPath, type PathSegment } from "./paths";

/**
 * Deep equality of normalized values with the marker rules above.
 *
 * @example
 * ```ts
 * planValueEqual(SECRET, SECRET); // true — secret-ness unchanged, contents unknowable
 * planValueEqual(SECRET, "hunter2"); // false — the value stopped being secret
 * ```
 */
export function planValueEqual(a: PlanValue | undefined, b: PlanValue | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!planValueEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ak = Object.keys(a);
  if (ak.length !== Object.keys(b).length) return false;
  for (const k of ak) if (!(k in b) || !planValueEqual(a[k], b[k])) return false;
  return true;
}

/** True for a plain object value (not an array, not a marker). */
function isRecord(v: PlanValue | undefined): v is { [key: string]: PlanValue } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * One changed leaf.
 *
 * @example
 * ```ts
 * propertyChanges({ a: 1 }, {}); // [{ path: ["a"], kind: "delete", old: 1 }]
 * ```
 */
export interface PropertyChange {
  readonly path: readonly PathSegment[];
  readonly kind: typeof DiffKind.add | typeof DiffKind.delete | typeof DiffKind.update;
  readonly old?: PlanValue;
  readonly new?: PlanValue;
}

/**
 * Lists changed leaves: objects are compared key by key and arrays index by index; a key or element
 * present on one side only is one `add`/`delete` at its path (not expanded further); a type change
 * (object ↔ array ↔ scalar ↔ marker) is one `update`.
 *
 * @example
 * ```ts
 * propertyChanges({ settings: { tier: "a" } }, { settings: { tier: "b" } });
 * // [{ path: ["settings", "tier"], kind: "update", old: "a", new: "b" }]
 * ```
 */
export function propertyChanges(
  oldInputs: PlanInputs | undefined,
  newInputs: PlanInputs | undefined,
): PropertyChange[] {
  const out: PropertyChange[] = [];
  walk([], oldInputs ?? {}, newInputs ?? {}, out);
  return out;
}

function walk(
  path: PathSegment[],
  a: PlanValue | undefined,
  b: PlanValue | undefined,
  out: PropertyChange[],
): void {
  if (a === b) return;
  if (a === undefined) {
    out.push({ path: [...path], kind: DiffKind.add, new: b! });
    return;
  }
  if (b === undefined) {
    out.push({ path: [...path], kind: DiffKind.delete, old: a });
    return;
  }
  if (isRecord(a) && isRecord(b)) {
    for (const k of Object.keys(a)) {
      path.push(k);
      walk(path, a[k], b[k], out);
      path.pop();
    }
    for (const k of Object.keys(b)) {
      if (k in a) continue;
      path.push(k);
      walk(path, undefined, b[k], out);
      path.pop();
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      path.push(i);
      walk(path, i < a.length ? a[i] : undefined, i < b.length ? b[i] : undefined, out);
      path.pop();
    }
    return;
  }
  if (planValueEqual(a, b)) return;
  out.push({ path: [...path], kind: DiffKind.update, old: a, new: b });
}

/**
 * The engine-style detailed diff (`path → { kind, inputDiff: true }`) between two input objects.
 * `forcesReplacement(path)` turns a change's kind into its `-replace` variant.
 *
 * @example
 * ```ts
 * detailedDiff({ settings: { databaseFlags: [{ name: "a", value: "1" }] } },
 *              { settings: { databaseFlags: [{ name: "a", value: "2" }] } });
 * // { "settings.databaseFlags[0].value": { kind: "update", inputDiff: true } }
 * ```
 */
export function detailedDiff(
  oldInputs: PlanInputs | undefined,
  newInputs: PlanInputs | undefined,
  forcesReplacement: (path: readonly PathSegment[]) => boolean = () => false,
): Record<string, PropertyDiff> {
  const out: Record<string, PropertyDiff> = {};
  for (const change of propertyChanges(oldInputs, newInputs)) {
    const kind = forcesReplacement(change.path) ? REPLACE_KIND[change.kind] : change.kind;
    out[formatPath(change.path)] = { kind, inputDiff: true };
  }
  return out;
}

/** The `-replace` variant of each plain diff kind. */
export const REPLACE_KIND = {
  [DiffKind.add]: DiffKind.addReplace,
  [DiffKind.delete]: DiffKind.deleteReplace,
  [DiffKind.update]: DiffKind.updateReplace,
} as const;
