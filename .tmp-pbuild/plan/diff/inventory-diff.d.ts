/**
 * The offline diff: two synth inventories of one environment (the base branch and the PR head) →
 * PlanSteps, matched by URN. No cloud, no state: what the program asks for, before and after.
 */
import { type PlanStep } from "../model";
import type { Inventory, InventoryResource } from "../parse/inventory";
import { type ReplaceRule } from "./replace-rules";
/** Options for {@link diffInventories}. */
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
export declare function diffInventories(base: Inventory, head: Inventory, options?: InventoryDiffOptions): PlanStep[];
/**
 * The step for one resource present on both sides.
 *
 * @example
 * ```ts
 * diffResource(baseDb, headDb).op; // "update"
 * ```
 */
export declare function diffResource(old: InventoryResource, next: InventoryResource, rules?: Readonly<Record<string, readonly ReplaceRule[]>>): PlanStep;
