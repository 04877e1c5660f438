/**
 * Leaf-level property diff between two normalized input objects.
 *
 * Markers compare by identity: a `SECRET` equals any other SECRET (inventories and previews
 * show every secret as `[secret]`, so a rotated password is invisible here; only a value becoming
 * or ceasing to be secret counts as a change), and an `UNKNOWN` equals any other UNKNOWN.
 */
import { DiffKind, type PlanInputs, type PlanValue, type PropertyDiff } from "../model";
import { type PathSegment } from "./paths";
/**
 * Deep equality of normalized values with the marker rules above.
 *
 * @example
 * ```ts
 * planValueEqual(SECRET, SECRET); // true — secret-ness unchanged, contents unknowable
 * planValueEqual(SECRET, "hunter2"); // false — the value stopped being secret
 * ```
 */
export declare function planValueEqual(a: PlanValue | undefined, b: PlanValue | undefined): boolean;
/** One changed leaf. */
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
export declare function propertyChanges(oldInputs: PlanInputs | undefined, newInputs: PlanInputs | undefined): PropertyChange[];
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
export declare function detailedDiff(oldInputs: PlanInputs | undefined, newInputs: PlanInputs | undefined, forcesReplacement?: (path: readonly PathSegment[]) => boolean): Record<string, PropertyDiff>;
/** The `-replace` variant of each plain diff kind. */
export declare const REPLACE_KIND: {
    readonly add: "add-replace";
    readonly delete: "delete-replace";
    readonly update: "update-replace";
};
